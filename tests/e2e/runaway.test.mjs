// Runaway snippets: infinite loops and memory bombs end at the configured limits, the page
// answers all the while, the other pane keeps its result and no code is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

// The engine's own limit (the allocation it refused may end the worker, which is replaced),
// or Python's own error for a size that cannot be.
const MEMORY_ENDS = ['MemoryLimitExceeded', 'MemoryError', 'OverflowError'];

/** The page's main thread answers within `ms` (it is not blocked by a worker). */
async function answers(page, ms = 500) {
  const t0 = Date.now();
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  return Date.now() - t0 < ms;
}

test('infinite loops in both panes end at the time limit; the page answers and keeps the code', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setLimits({ time: 2 });
  const loop = 'while True:\n    x = 1\n';
  await pg.setCode('a', loop);
  await pg.setCode('b', loop);
  const running = page.evaluate(() => window.memplay.run());
  await pg.page.waitForSelector('[data-testid="stop"]:not([disabled])');
  assert.ok(await answers(page), 'the page paints while both workers spin');
  await pg.testid('title-a').fill('typed while both spin');
  assert.equal(await pg.testid('title-a').inputValue(), 'typed while both spin');
  const c = await running;
  for (const side of ['a', 'b']) {
    assert.equal(c[side].error.type, 'TimeLimitExceeded', side);
    assert.match(c[side].error.message, /time limit exceeded \(2\.00 s\)/);
  }
  assert.equal(await pg.code('a'), loop.trimEnd());
  assert.equal(await pg.code('b'), loop.trimEnd());
  assert.match(await pg.testid('error-a').innerText(), /TimeLimitExceeded/);
  await screenshot(page, 'runaway-both-loops');

  // Fresh workers take the next run: an infinite generator consumed by list() beside a
  // snippet that finishes; the finished pane keeps its result.
  await pg.ready();
  const g = await pg.compare('import itertools\nxs = list(itertools.count())\n', "print('b finished', sum(range(10)))\n");
  // Whichever comes first on this machine: the time limit or the memory limit.
  assert.ok(['MemoryError', 'MemoryLimitExceeded', 'TimeLimitExceeded'].includes(g.a.error.type), JSON.stringify(g.a.error));
  assert.equal(g.b.error, null);
  assert.match(await pg.testid('console-b').innerText(), /b finished 45/);
  await pg.ready();
  const after = await pg.compare('print(1 + 1)\n', 'print(2 + 2)\n');
  assert.equal(after.a.stdout, '2\n');
  assert.equal(after.b.stdout, '4\n');
  assert.equal(await pg.testid('title-a').inputValue(), 'typed while both spin');
  assert.deepEqual(page.errors, []);
});

test('memory bombs end at the memory limit (or in Python\'s own error), never in a dead tab', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setLimits({ memory: 64, time: 20 });
  const bombs = [
    ['[0] * 10**9\n', "b'x' * 10**10\n"],
    ["' ' * 2**40\n", 'xs = []\nwhile True:\n    xs.append(bytearray(10_000))\n'],
    ['bytearray(2**31)\n', 'xs = []\nwhile True:\n    xs.append([len(xs)] * 100)\n'],
  ];
  for (const [a, b] of bombs) {
    await pg.ready();
    const c = await pg.compare(a, b);
    for (const [side, code] of [['a', a], ['b', b]]) {
      const e = c[side].error;
      assert.ok(e && MEMORY_ENDS.includes(e.type), `${code.trim()}: ${JSON.stringify(e)}`);
      if (/limit/.test(e.message)) assert.match(e.message, /memory limit exceeded \(64\.0 MiB\)/);
      assert.ok(c[side].peak_bytes <= 64 * 2 ** 20, `${code.trim()}: peak ${c[side].peak_bytes} within the limit`);
      assert.match(await pg.testid(`error-${side}`).innerText(), new RegExp(e.type));
    }
    assert.equal(await pg.code('a'), a.trimEnd());
    assert.ok(await answers(page));
  }
  await screenshot(page, 'runaway-memory');
  // The workers still work (or were replaced): a normal run follows.
  await pg.ready();
  const c = await pg.compare('xs = [0] * 1000\nprint(len(xs))\n', 'print("ok")\n');
  assert.equal(c.a.stdout, '1000\n');
  assert.equal(c.b.error, null);
  assert.deepEqual(page.errors, []);
});
