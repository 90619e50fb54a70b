// The CPython check: nothing of CPython loads until asked; then both snippets run under
// CPython's tracemalloc (Pyodide, served from dist/cpython/) beside RustPython's figures,
// the verdict says whether CPython agrees, Stop ends a CPython run, and &cpython links run it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const CHECK_TIMEOUT = 180_000;

function cpythonRequests(page) {
  const seen = [];
  page.on('request', (r) => { if (new URL(r.url()).pathname.includes('/cpython/')) seen.push(r.url()); });
  return seen;
}

test('list vs generator: CPython runs beside RustPython and agrees; nothing loads before', async () => {
  const page = await env.newPage();
  const seen = cpythonRequests(page);
  const { Playground } = await import('./playground.mjs');
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.ready();
  const plain = await page.evaluate(() => window.memplay.run());
  assert.equal(plain.cpython, undefined);
  assert.deepEqual(seen, [], 'loading the page and running fetch nothing of CPython');

  const c = await page.evaluate(() => window.memplay.run({ cpython: true }));
  assert.ok(seen.some((u) => u.endsWith('pyodide.asm.wasm')), 'Pyodide is fetched from the page\'s own origin');
  assert.ok(seen.every((u) => u.startsWith(env.url)));
  assert.equal(c.winner, 'B');
  assert.equal(c.cpython.engine.name, 'CPython');
  assert.equal(c.cpython.winner, 'B');
  assert.equal(c.cpython.agrees, true);
  assert.match(c.cpython.verdict, /^CPython 3\.\d+ agrees: B peaks [\d.]+× lower than A/);
  assert.equal(c.cpython.a.stdout, '333328333350000\n');
  assert.ok(c.cpython.a.peak_bytes > 800_000, 'a list of 100 000 ints');
  assert.equal(c.cpython.a.allocations, undefined, 'what CPython cannot tell is absent');
  assert.equal(await pg.testid('cpython-verdict').getAttribute('data-agreement'), 'agrees');
  assert.match(await pg.testid('cpython-peak-a').innerText(), /MiB/);
  assert.equal(await pg.testid('cpython-allocations-a').innerText(), '–');
  assert.equal((await pg.results()).cpython.agrees, true);
  // CPython explains its peak too (a second pass, approximate): the same line is blamed,
  // and the aligned table gains its columns.
  const theirs = c.cpython.a.at_peak;
  assert.equal(theirs.approximate, true, JSON.stringify(c.cpython.a));
  assert.equal(theirs.by_line.filter((l) => l.line > 0).sort((x, y) => y.bytes - x.bytes)[0].line, 2);
  assert.match(await pg.testid('peak-cpython-a').first().innerText(), /[\d.]+ (KiB|MiB)/);
  await screenshot(page, 'cpython-agrees');
  assert.deepEqual(page.errors, []);
});

test('a pair where the engines disagree says so, and Stop ends a CPython run', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  // From the fidelity corpus (tests/fidelity/19-dict-per-record-vs-class): one dict per
  // record against instances of a plain class. RustPython keeps every instance's attributes
  // in a dict of its own, so the instances cost more; CPython's instances share their keys
  // and come out lower: the engines name different winners.
  await pg.setCode('a', "records = [{'name': 'n', 'age': i, 'city': 'c'} for i in range(20_000)]\n");
  await pg.setCode('b', "class Record:\n    def __init__(self, name, age, city):\n        self.name = name\n        self.age = age\n        self.city = city\n\nrecords = [Record('n', i, 'c') for i in range(20_000)]\n");
  const c = await page.evaluate(() => window.memplay.run({ cpython: true }));
  assert.equal(c.cpython.agrees, false, `${c.verdict} / ${c.cpython.verdict}`);
  assert.notEqual(c.winner, c.cpython.winner);
  assert.match(await pg.testid('cpython-verdict').innerText(), /CPython 3\.\d+ disagrees: there /);
  assert.equal(await pg.testid('cpython-verdict').getAttribute('data-agreement'), 'disagrees');
  // The headline itself gives both answers, in neither side's colour; the close call the
  // peaks were gives way to the check's answer.
  const headline = await pg.testid('verdict').innerText();
  assert.match(headline, /^RustPython: [AB] [\d.]+× lower · CPython 3\.\d+: [AB] [\d.]+× lower$/);
  assert.equal(await pg.testid('verdict').getAttribute('data-agreement'), 'disagrees');
  assert.equal(await pg.testid('close-call').count(), 0);
  await screenshot(page, 'cpython-disagrees');

  // A loop only CPython runs, which never allocates: Stop ends it, the page answers, a
  // fresh worker follows, and the run keeps the figures CPython reported as it started.
  await pg.setCode('a', "import sys\nif sys.implementation.name == 'cpython':\n    while True:\n        pass\n");
  await pg.setCode('b', 'y = 1\n');
  const stopped = page.evaluate(() => window.memplay.run({ cpython: true }));
  await page.waitForFunction(() => /on CPython/.test(document.querySelector('[data-testid="cpython-status"]')?.textContent ?? ''), null, { timeout: CHECK_TIMEOUT });
  await page.waitForTimeout(500);
  await pg.testid('stop').click();
  const ended = await stopped;
  assert.equal(ended.cpython.a.error.type, 'Stopped', JSON.stringify(ended.cpython.a.error));
  assert.match(ended.cpython.a.error.message, /Stop was pressed/);
  assert.match(await pg.testid('cpython-verdict').innerText(), /A was stopped/);
  // A loop that allocates as it goes: the CPython worker reports its figures as it runs,
  // so Stop keeps CPython's peak so far and the output, with the run marked as stopped.
  await pg.setCode('a', "import sys\nrows = []\nprint('started')\nwhile sys.implementation.name == 'cpython':\n    rows.append({'n': len(rows)})\n");
  const partial = page.evaluate(() => window.memplay.run({ cpython: true }));
  await page.waitForFunction(() => /on CPython/.test(document.querySelector('[data-testid="cpython-status"]')?.textContent ?? ''), null, { timeout: CHECK_TIMEOUT });
  await page.waitForTimeout(1000);
  await pg.testid('stop').click();
  const kept = await partial;
  assert.equal(kept.cpython.a.error.type, 'Stopped', JSON.stringify(kept.cpython.a.error));
  assert.ok(kept.cpython.a.peak_bytes > 100_000, `peak so far ${kept.cpython.a.peak_bytes}`);
  assert.match(kept.cpython.a.stdout, /started/);
  assert.equal(kept.cpython.b.error, null);
  assert.match(await pg.testid('cpython-peak-a').innerText(), /[KM]iB/);

  await pg.setCode('a', 'x = [1, 2, 3]\n');
  const again = await page.evaluate(() => window.memplay.run({ cpython: true }));
  assert.equal(again.cpython.a.error, null);
  assert.deepEqual(page.errors, []);
});

test('a &cpython link runs the comparison and checks it on open', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await page.evaluate(() => { location.hash = 'preset=list-vs-tuple&cpython'; });
  await pg.testid('cpython-verdict').waitFor({ timeout: CHECK_TIMEOUT });
  const r = await pg.results();
  assert.equal(r.cpython.engine.name, 'CPython');
  assert.match(await pg.testid('cpython-verdict').innerText(), /^(⚠ )?CPython 3\.\d+ (agrees|disagrees)/);
  assert.deepEqual(page.errors, []);
});

test('a snippet that fails only in the in-browser engine: the check says which, and it is not the code', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  // A memoized Fibonacci, 200 deep: RustPython's recursion limit (it hashes the arguments
  // a level deeper); CPython runs it.
  const memo = 'from functools import lru_cache\n\n@lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\n\nprint(fib(200) % 1000)\n';
  const loop = 'a, b = 0, 1\nfor _ in range(200):\n    a, b = b, a + b\nprint(a % 1000)\n';
  await pg.setCode('a', memo);
  await pg.setCode('b', loop);
  const c = await page.evaluate(() => window.memplay.run({ cpython: true }));
  assert.equal(c.a.error?.type, 'RecursionError', JSON.stringify(c.a.error));
  assert.equal(c.cpython.a.error, null, 'CPython ran it');
  assert.match(c.cpython.verdict, /A failed in memplay \(RustPython\) with RecursionError, but CPython 3\.\d+ ran it: a limit of the in-browser engine, not of the code/);
  assert.match(await pg.testid('cpython-verdict').innerText(), /limit of the in-browser engine/);
  assert.deepEqual(page.errors, []);
});
