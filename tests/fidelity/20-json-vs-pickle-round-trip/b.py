# Source: https://docs.python.org/3/library/pickle.html#comparison-with-json
import pickle
records = [{'id': i, 'name': f'item{i}', 'tags': ['a', 'b']} for i in range(5_000)]
blob = pickle.dumps(records)
back = pickle.loads(blob)
