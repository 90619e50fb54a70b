// The CPython check's figures come from outside Python's reach: a snippet that rebinds
// tracemalloc, calls the worker's hook, or digs out tracemalloc's own C functions ends
// with CPython's true figures or with "the snippet interfered with the measurement",
// never with figures it made. And the check loads first what the engine loads first.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

const CHECK_TIMEOUT = 240_000;
let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const LIST = 'x = [str(i) for i in range(200_000)]\n';
// Every callable JavaScript function the snippet can find in its frames (the driver's hook
// among them), called as the worker would be told to report.
const HUNT_HOOK = 'import sys\n' +
  'def hooks():\n' +
  '    f, found = sys._getframe(), []\n' +
  '    while f is not None:\n' +
  '        for v in list(f.f_locals.values()) + list(f.f_globals.values()):\n' +
  "            if callable(v) and type(v).__name__.startswith('Js'):\n" +
  '                found.append(v)\n' +
  '        f = f.f_back\n' +
  '    return found\n';

async function check(a, b) {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.ready();
  await pg.setCode('a', a);
  await pg.setCode('b', b);
  const c = await page.evaluate(() => window.memplay.run({ cpython: true }));
  return { page, pg, c };
}

test('rebinding tracemalloc changes nothing; calling the hook with made-up figures is caught', { timeout: CHECK_TIMEOUT }, async () => {
  const rebind = `${LIST}import tracemalloc, _tracemalloc\n` +
    'tracemalloc.get_traced_memory = lambda: (7, 7)\n_tracemalloc.get_traced_memory = lambda: (7, 7)\n';
  // As the worker's own progress once was: "read now" costs nothing, figures are refused.
  const figures = JSON.stringify({ peak_bytes: 1, retained_bytes: 1, wall_ms: 1, stdout: '', stderr: '' });
  const hook = `${LIST}${HUNT_HOOK}for h in hooks():\n` +
    `    for args in [('read', '', '')] * 50 + [(${JSON.stringify(figures)},)] * 50:\n` +
    '        try:\n            h(*args)\n        except Exception:\n            pass\n';
  const { page, c } = await check(rebind, hook);
  const check_ = c.cpython;
  assert.equal(check_.a.error, null, JSON.stringify(check_.a.error));
  assert.ok(check_.a.peak_bytes > 5_000_000, `CPython's own peak for 200 000 strings, not 7 B: ${check_.a.peak_bytes}`);
  const b = check_.b;
  assert.match(b.error && b.error.message, /the snippet interfered with the measurement: it called the check's own hook/);
  assert.notEqual(b.peak_bytes, 1, 'never the made-up peak');
  assert.doesNotMatch(check_.verdict, /\b7 B|\b1 B/);
  await screenshot(page, 'cpython-forgers-rebind-hook');
  assert.deepEqual(page.errors, []);
});

test("a snippet that digs out tracemalloc's C functions, or ends the run through the hook, is caught", { timeout: CHECK_TIMEOUT }, async () => {
  // reset_peak and clear_traces found by the collector: they reset nothing any more.
  const reset = `${LIST}del x\nimport gc\n` +
    'for o in gc.get_objects():\n' +
    "    if type(o).__name__ == 'builtin_function_or_method' and o.__name__ in ('reset_peak', 'clear_traces'):\n" +
    '        o()\n';
  // 'end' through the hook before the snippet has ended: the driver's own 'end' follows.
  const early = `${HUNT_HOOK}for h in hooks():\n    try:\n        h('end')\n    except Exception:\n        pass\n${LIST}`;
  const { page, c } = await check(reset, early);
  const a = c.cpython.a;
  assert.equal(a.error, null, JSON.stringify(a.error));
  assert.ok(a.peak_bytes > 5_000_000, `the peak before the reset stands: ${a.peak_bytes}`);
  assert.ok(a.retained_bytes < 100_000, `and x was freed: ${a.retained_bytes}`);
  const b = c.cpython.b;
  assert.ok(b.error, 'the early end is an error');
  assert.match(b.error.message, /the snippet interfered with the measurement/);
  assert.equal(c.cpython.agrees, null, 'nothing to agree on');
  await screenshot(page, 'cpython-forgers-caught');
  assert.deepEqual(page.errors, []);
});

test('stopping tracemalloc, found by the collector, is an error, not a figure', { timeout: CHECK_TIMEOUT }, async () => {
  const stop = `${LIST}del x\nimport gc\n` +
    'for o in gc.get_objects():\n' +
    "    if type(o).__name__ == 'builtin_function_or_method' and o.__name__ == 'stop' and " +
    "getattr(getattr(o, '__self__', None), '__name__', '') == '_tracemalloc':\n" +
    '        o()\n' +
    'import tracemalloc\ntracemalloc.start()\n';
  // A tutorial that measures itself: its stop and reset_peak leave the check's figures whole.
  const tutorial = 'import tracemalloc\ntracemalloc.start()\n' + LIST +
    'print(tracemalloc.get_traced_memory()[1] > 0)\ndel x\ntracemalloc.reset_peak()\ntracemalloc.stop()\n';
  const { page, c } = await check(stop, tutorial);
  assert.match(c.cpython.a.error.message, /the snippet interfered with the measurement: it stopped tracemalloc/);
  const b = c.cpython.b;
  assert.equal(b.error, null, JSON.stringify(b.error));
  assert.equal(b.stdout, 'True\n');
  assert.ok(b.peak_bytes > 5_000_000, `the tutorial's own stop does not end the check: ${b.peak_bytes}`);
  assert.deepEqual(page.errors, []);
});

test('an indented import is loaded first under the check, as the engine loads it', { timeout: CHECK_TIMEOUT }, async () => {
  const body = "    return xml.dom.minidom.parseString('<a/>').documentElement.tagName\nprint(parse())\n";
  const top = `import xml.dom.minidom\ndef parse():\n${body}`;
  const inner = `def parse():\n    import xml.dom.minidom\n${body}`;
  const { page, c } = await check(top, inner);
  const [a, b] = [c.cpython.a, c.cpython.b];
  assert.equal(a.error, null, JSON.stringify(a.error));
  assert.equal(b.error, null, JSON.stringify(b.error));
  assert.deepEqual(b.warmed_imports, ['xml.dom.minidom']);
  const [lo, hi] = [Math.min(a.peak_bytes, b.peak_bytes), Math.max(a.peak_bytes, b.peak_bytes)];
  assert.ok(hi - lo <= hi * 0.1, `top ${a.peak_bytes} B, inner ${b.peak_bytes} B`);
  assert.deepEqual(page.errors, []);
});

test('under the check, a snippet reads the sample files the engine gives it, byte for byte', { timeout: CHECK_TIMEOUT }, async () => {
  const read = 'import hashlib\n' +
    "for name in ['server.log', 'measurements.csv', 'README.txt']:\n" +
    "    with open('data/' + name, 'rb') as f:\n" +
    "        print(name, hashlib.sha256(f.read()).hexdigest())\n";
  const { page, c } = await check(read, 'x = 1\n');
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.equal(c.cpython.a.error, null, JSON.stringify(c.cpython.a.error));
  assert.match(c.a.stdout, /^server\.log [0-9a-f]{64}\nmeasurements\.csv [0-9a-f]{64}\nREADME\.txt [0-9a-f]{64}\n$/);
  assert.equal(c.cpython.a.stdout, c.a.stdout, 'the same files under CPython as under the engine');
  assert.deepEqual(page.errors, []);
});
