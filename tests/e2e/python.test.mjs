// The Python a memory tutorial needs works inside the page's workers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const TUTORIAL = `
import sys, gc, os, io, itertools, collections, array, json, pickle, zlib, gzip, bz2, lzma
import struct, tracemalloc, random, time, dataclasses, functools, statistics, datetime
import lz4.frame
tracemalloc.start()
with open('data/server.log') as f:
    errors = sum(1 for line in f if 'ERROR' in line)
data = json.dumps(list(range(1000))).encode()
assert gzip.decompress(gzip.compress(data)) == data
assert lz4.frame.decompress(lz4.frame.compress(data)) == data
cur, peak = tracemalloc.get_traced_memory()
t0 = time.perf_counter()
print('errors', errors, 'year', datetime.datetime.now().year >= 2024, 'peak>0', peak > 0, 'clock', time.perf_counter() >= t0)
print('size', sys.getsizeof(array.array('i', range(10))) > 0, random.random() < 1, os.getcwd())
`;

test('the tutorial modules, the sample files and the clocks work in the page', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setCode('a', TUTORIAL);
  await pg.setCode('b', "import numpy\n");
  const c = await page.evaluate(() => window.memplay.run());
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.match(c.a.stdout, /errors \d+ year True peak>0 True clock True/);
  assert.match(c.a.stdout, /size True True \/sandbox/);
  assert.equal(c.b.error.type, 'ModuleNotFoundError');
  assert.match(c.b.error.message, /array/, 'numpy points at array');
  assert.deepEqual(page.errors, []);
});
