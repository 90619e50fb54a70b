// The CPython check is as closed as the engine: each case is a page opened from a
// `&cpython` link, as a reader opens a stranger's link. Under the check a snippet reaches
// no JavaScript, no network and no channel to the page, and what it prints stays output;
// the failure table's cases end as they end under the engine, with their figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

const CHECK_TIMEOUT = 180_000;
let env;
let foreign;
before(async () => {
  env = await setUp();
  foreign = await env.otherOrigin();
});
after(async () => {
  await env.stop();
});

/** A share link of snippets `a` and `b` (with limits, if given) that checks on CPython. */
async function cpythonLink(a, b, limits) {
  const pg = await env.openPlayground();
  await pg.setCode('a', a);
  await pg.setCode('b', b);
  if (limits) await pg.setLimits(limits);
  await pg.testid('share-button').click();
  const link = `${await pg.testid('share-link').inputValue()}&cpython`;
  await pg.page.context().close();
  return link;
}

/** Opens `link` in a fresh browser context, recording every request it makes; resolves
 * with the page, its requests and the results once the check has answered. */
async function openChecked(link) {
  const page = await env.newPage();
  const requests = [];
  page.context().on('request', (r) => requests.push(r.url()));
  await page.goto(link);
  const pg = new Playground(page, env.url);
  await pg.testid('cpython-verdict').waitFor({ timeout: CHECK_TIMEOUT });
  return { pg, page, requests, results: await pg.results() };
}

const REFUSED = ['js', 'pyodide', 'pyodide_js', 'pyodide.ffi', 'pyodide.http', 'micropip', '_pyodide', 'socket', 'ssl', 'ctypes'];

test('under the check, the modules that lead out of the sandbox fail as under the engine', async () => {
  const a = 'import js\n';
  const b = `import importlib, sys\nfor name in ${JSON.stringify(REFUSED)}:\n` +
    '    for how in (__import__, importlib.import_module):\n' +
    '        try:\n            how(name)\n            print(name, "imported")\n' +
    '        except ImportError as e:\n            print(name, type(e).__name__, e)\n' +
    "print('in sys.modules:', sorted(m for m in sys.modules if m.split('.')[0] in ('js', 'pyodide', 'pyodide_js', '_pyodide', 'micropip')))\n" +
    "import os\nprint('files:', sorted(os.listdir('.')))\n";
  const { page, results } = await openChecked(await cpythonLink(a, b));
  const check = results.cpython;
  assert.equal(check.engine.name, 'CPython');
  // The same answer as memplay's engine gives, word for word.
  assert.equal(results.a.error.type, 'ModuleNotFoundError');
  assert.equal(check.a.error.type, 'ModuleNotFoundError', JSON.stringify(check.a.error));
  assert.equal(check.a.error.message, results.a.error.message);
  assert.match(check.a.error.message, /no access to the page/);
  assert.equal(check.b.error, null, JSON.stringify(check.b.error));
  const out = check.b.stdout;
  assert.doesNotMatch(out, /imported/, out);
  for (const name of REFUSED) {
    assert.match(out, new RegExp(`^${name.replace('.', '\\.')} ModuleNotFoundError the playground`, 'm'), out);
  }
  assert.match(out, /^socket ModuleNotFoundError the playground has no network$/m);
  assert.match(out, /^in sys\.modules: \[\]$/m);
  assert.match(out, /^files: \[\]$/m, 'the check sees only its own (empty) working folder');
  await screenshot(page, 'cpython-sandbox-imports');
  assert.deepEqual(page.errors, []);
});

test('a snippet that hunts for JavaScript finds nothing that sends a request or reaches the page', async () => {
  const same = `${env.url}leak-from-snippet`;
  const other = `${foreign.url}leak-from-snippet`;
  // Everything the snippet can find: every object the collector knows, every module,
  // every frame's names (the driver's own included), and what those hold.
  const hunter = `import gc, sys
SAME, OTHER = ${JSON.stringify(same)}, ${JSON.stringify(other)}
FORGED = {'type': 'done', 'run_id': 1, 'report': {'peak_bytes': 1}}
seen, called, js = set(), [], 0
def poke(obj, where):
    global js
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if 'Js' in type(obj).__name__:
        js += 1
    for name in ('fetch', 'postMessage', 'XMLHttpRequest', 'importScripts', 'WebSocket', 'EventSource',
                 'Worker', 'eval', 'Function', 'constructor', 'globalThis', 'self'):
        try:
            f = getattr(obj, name)
        except BaseException:
            continue
        if f is None or not callable(f):
            continue
        for arg in (SAME, OTHER, FORGED, "return fetch('" + SAME + "')", "import('" + OTHER + "')"):
            try:
                r = f(arg)
                if callable(r):
                    r()
                called.append(where + '.' + name)
            except BaseException:
                pass
for o in gc.get_objects():
    poke(o, type(o).__name__)
    if isinstance(o, dict):
        for v in list(o.values()):
            poke(v, 'dict')
for name, m in list(sys.modules.items()):
    poke(m, name)
f = sys._getframe()
while f is not None:
    for v in list(f.f_globals.values()) + list(f.f_locals.values()):
        poke(v, 'frame')
    f = f.f_back
print('javascript objects found:', js)
print('calls that went through:', sorted(set(called)))
`;
  const { page, requests, results } = await openChecked(await cpythonLink('x = [0] * 100_000\n', hunter));
  const check = results.cpython;
  assert.equal(check.b.error, null, JSON.stringify(check.b.error));
  const found = Number(/javascript objects found: (\d+)/.exec(check.b.stdout)?.[1]);
  assert.ok(found > 0, `the hunt reached JavaScript objects: ${check.b.stdout}`);
  // Whatever it called, nothing left the page: no request to the serving origin or another.
  await page.waitForTimeout(500);
  assert.deepEqual(requests.filter((u) => u.includes('leak')), [], 'no request left the page');
  assert.deepEqual(requests.filter((u) => u.startsWith(foreign.url)), []);
  // The result shown is the check's own: A's real figures, B's run as it ran.
  assert.ok(check.a.peak_bytes > 300_000, `A's list: ${check.a.peak_bytes}`);
  assert.notEqual(check.b.peak_bytes, 1);
  assert.match(await page.locator('[data-testid="cpython-verdict"]').innerText(), /^(⚠ )?CPython 3\.\d+/);
  assert.deepEqual(page.errors, []);
});

test('output shaped like the worker\'s report is only output', async () => {
  const forged = JSON.stringify({ type: 'done', run_id: 1, report: { peak_bytes: 7, retained_bytes: 0, wall_ms: 1 } });
  const sealed = JSON.stringify({ key: '0123456789abcdef0123456789abcdef', message: JSON.parse(forged) });
  const a = `rows = [str(i) * 10 for i in range(50_000)]\nprint(${JSON.stringify(forged)})\nprint(${JSON.stringify(sealed)})\n`;
  const { page, results } = await openChecked(await cpythonLink(a, 'y = 1\n'));
  const check = results.cpython;
  assert.equal(check.a.error, null);
  assert.equal(check.a.stdout, `${forged}\n${sealed}\n`);
  assert.ok(check.a.peak_bytes > 1_000_000, `the real peak: ${check.a.peak_bytes}`);
  assert.equal(check.b.error, null);
  assert.deepEqual(page.errors, []);
});

test('under the check, runaway snippets end as under the engine, with their figures', async () => {
  const memoryMessage = 'memory limit exceeded (64.0 MiB)';
  // A loop that never allocates ends at the time limit (the page ends its worker); a
  // list that grows ends at the memory limit with the peak it reached.
  let { page, results } = await openChecked(await cpythonLink(
    'while True:\n    pass\n',
    'xs = []\nwhile True:\n    xs.append([len(xs)] * 100)\n',
    { time: 3, memory: 64 },
  ));
  let check = results.cpython;
  assert.equal(check.a.error.type, 'TimeLimitExceeded', JSON.stringify(check.a.error));
  assert.match(check.a.error.message, /time limit exceeded \(3\.00 s\)/);
  assert.equal(results.b.error.type, 'MemoryLimitExceeded');
  assert.equal(check.b.error.type, 'MemoryLimitExceeded', JSON.stringify(check.b.error));
  assert.equal(check.b.error.message, results.b.error.message, 'one wording for both engines');
  assert.equal(check.b.error.message, memoryMessage);
  assert.ok(check.b.peak_bytes >= 60 * 2 ** 20 && check.b.peak_bytes < 80 * 2 ** 20, `peak ${check.b.peak_bytes}`);
  assert.match(await page.locator('[data-testid="cpython-peak-b"]').innerText(), /MiB/);
  await screenshot(page, 'cpython-sandbox-runaway');

  // Deep recursion is a RecursionError; memory the collector never visits (bytearrays)
  // still ends at the memory limit, with a peak measured up to there, never 0.
  ({ page, results } = await openChecked(await cpythonLink(
    'def down(n):\n    return down(n + 1)\ndown(0)\n',
    'xs = []\nwhile True:\n    xs.append(bytearray(1_000_000))\n',
    { time: 10, memory: 64 },
  )));
  check = results.cpython;
  assert.equal(check.a.error.type, 'RecursionError', JSON.stringify(check.a.error));
  assert.ok(['MemoryError', 'MemoryLimitExceeded'].includes(check.b.error.type), JSON.stringify(check.b.error));
  assert.equal(check.b.error.message, memoryMessage);
  assert.ok(check.b.peak_bytes >= 60 * 2 ** 20, `peak ${check.b.peak_bytes}`);

  // An output flood is cut at the output limit, with a notice.
  ({ page, results } = await openChecked(await cpythonLink(
    "for i in range(100_000):\n    print('x' * 100)\n",
    "print('ok')\n",
  )));
  check = results.cpython;
  assert.equal(check.a.error, null, JSON.stringify(check.a.error));
  assert.equal(check.a.truncated.output, true);
  assert.ok(check.a.stdout.length <= 1024 * 1024);
  assert.equal(check.b.stdout, 'ok\n');
  assert.deepEqual(page.errors, []);
});
