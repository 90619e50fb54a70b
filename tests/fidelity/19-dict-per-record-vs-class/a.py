# Source: https://stackoverflow.com/questions/1336791/dictionary-vs-object-which-is-more-efficient-and-why
records = [{'name': 'n', 'age': i, 'city': 'c'} for i in range(20_000)]
