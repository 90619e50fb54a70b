// The standard library's second part: modules that are not frozen into the engine come in
// one bundle that a worker downloads on the first import of one of them, while the pane
// says which module is loading. The page itself never downloads it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const BUNDLE = /\/stdlib-[0-9a-f]{16}\.bin$/;
const FROM_BUNDLE = "import difflib, email.message\nm = email.message.Message()\nm['To'] = 'x'\nprint(difflib.SequenceMatcher(None, 'abcd', 'abxd').ratio(), m['To'])\n";

/** Holds every bundle request for `ms` before it goes on, and counts them. */
async function slowBundle(page, ms) {
  const seen = [];
  await page.context().route(BUNDLE, async (route) => {
    seen.push(route.request().url());
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
  return seen;
}

test('a module outside the frozen set loads on first import, with a note, once per worker', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  const seen = await slowBundle(page, 1500);
  // Loading the page and running a preset fetched nothing of the bundle.
  await page.evaluate(() => window.memplay.run());
  assert.deepEqual(seen, []);

  await pg.setCode('a', FROM_BUNDLE);
  await pg.setCode('b', 'import json\nprint(len(json.dumps([1])))\n');
  const running = page.evaluate(() => window.memplay.run());
  await pg.testid('status-a').filter({ hasText: 'loading module difflib' }).waitFor({ timeout: 10_000 });
  await screenshot(page, 'stdlib-loading');
  const c = await running;
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.equal(c.a.stdout, '0.75 x\n');
  assert.equal(c.b.error, null);
  assert.equal(seen.length, 1, 'only pane A needed the bundle');
  assert.doesNotMatch(await pg.testid('status-a').innerText(), /loading/);

  // The same worker keeps it: a second run downloads nothing.
  const again = await page.evaluate(() => window.memplay.run());
  assert.equal(again.a.stdout, '0.75 x\n');
  // Figures in the page vary by a few allocations between runs of any snippet (the native
  // test checks that they are exactly equal); a download counted as the snippet's would be
  // megabytes.
  assert.ok(Math.abs(again.a.peak_bytes - c.a.peak_bytes) < 0.05 * c.a.peak_bytes, `${again.a.peak_bytes} vs ${c.a.peak_bytes}`);
  assert.equal(seen.length, 1);
  assert.deepEqual(page.errors, []);
});

test('a bundle that cannot be downloaded is an ImportError that says so, and the next run works', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await page.context().route(BUNDLE, (route) => route.fulfill({ status: 404, body: 'gone' }));
  await pg.setCode('a', 'import difflib\n');
  await pg.setCode('b', 'x = [0] * 1000\n');
  const c = await page.evaluate(() => window.memplay.run());
  assert.equal(c.a.error.type, 'ImportError');
  assert.match(c.a.error.message, /could not load module difflib: could not download stdlib-[0-9a-f]{16}\.bin \(HTTP 404\)/);
  assert.equal(c.b.error, null);

  await page.context().unroute(BUNDLE);
  const retry = await page.evaluate(() => window.memplay.run());
  assert.equal(retry.a.error, null, 'the download is tried again on the next import');
  assert.deepEqual(page.errors, []);
});

test('tutorial tools run in the page: asyncio without a network, pympler, getsizeof', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  // https://docs.python.org/3/library/asyncio-task.html#coroutines (tasks run concurrently)
  await pg.setCode('a', [
    'import asyncio, time',
    'async def say_after(delay, what):',
    '    await asyncio.sleep(delay)',
    '    print(what)',
    'async def main():',
    "    t1 = asyncio.create_task(say_after(0.05, 'hello'))",
    "    t2 = asyncio.create_task(say_after(0.1, 'world'))",
    '    start = time.perf_counter()',
    '    await t1',
    '    await t2',
    '    print(0.09 < time.perf_counter() - start < 2)',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  // https://pympler.readthedocs.io/en/latest/library/asizeof.html, and a tuple's getsizeof
  // counting its elements (4-byte pointers in the page's 32-bit engine).
  await pg.setCode('b', [
    'import sys',
    'from pympler import asizeof',
    "obj = [1, 2, (3, 4), 'text']",
    'print(asizeof.asizeof(obj) > sys.getsizeof(obj))',
    'print(4000 <= sys.getsizeof(tuple(range(1000))) < 4200)',
    '',
  ].join('\n'));
  const c = await page.evaluate(() => window.memplay.run());
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.equal(c.a.stdout, 'hello\nworld\nTrue\n');
  assert.equal(c.b.error, null, JSON.stringify(c.b.error));
  assert.equal(c.b.stdout, 'True\nTrue\n');
});
