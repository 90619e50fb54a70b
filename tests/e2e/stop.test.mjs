// A runaway snippet never freezes the page: Stop ends it, the time limit ends it by itself,
// the worker is replaced, and the other pane keeps its result.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('Stop ends an infinite loop; the page stays responsive and the other pane is kept', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setCode('a', "print('spinning')\nwhile True:\n    pass\n");
  await pg.setCode('b', "xs = [i for i in range(1000)]\nprint('b done', len(xs))\n");
  const running = page.evaluate(() => window.memplay.run());
  await pg.page.waitForFunction(() => document.querySelector('[data-testid="status-b"]').textContent.startsWith('done'), null, { timeout: 60_000 });
  await pg.testid('console-a').getByText('spinning').waitFor();
  // The page answers while A spins: typing a title works at once.
  await pg.testid('title-b').fill('still responsive');
  assert.equal(await pg.testid('title-b').inputValue(), 'still responsive');
  await screenshot(page, 'stop-while-running');
  await pg.testid('stop').click();
  const c = await running;
  assert.equal(c.a.error.type, 'Stopped');
  assert.match(c.a.stdout, /spinning/, 'output up to the stop is kept');
  assert.equal(c.b.error, null);
  assert.match(await pg.testid('console-b').innerText(), /b done 1000/);
  assert.match(await pg.testid('error-a').innerText(), /Stopped/);
  // A fresh worker takes the next run.
  await pg.ready();
  await pg.setCode('a', "print('after stop')\n");
  const next = await page.evaluate(() => window.memplay.run());
  assert.equal(next.a.error, null);
  assert.match(next.a.stdout, /after stop/);
  await screenshot(page, 'stop-after');
  assert.deepEqual(page.errors, []);
});

test('a loop past the time limit stops by itself with its partial figures', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.testid('settings').locator('summary').click();
  await pg.testid('setting-time').fill('1');
  await pg.testid('setting-time').press('Tab');
  await pg.setCode('a', 'xs = []\nwhile True:\n    xs.append(len(xs))\n    if len(xs) > 50_000:\n        xs.clear()\n');
  await pg.setCode('b', 'while True:\n    pass\n');
  const c = await page.evaluate(() => window.memplay.run());
  assert.equal(c.a.error.type, 'TimeLimitExceeded');
  assert.equal(c.b.error.type, 'TimeLimitExceeded');
  assert.match(c.a.error.message, /time limit exceeded \(1\.00 s\)/);
  assert.ok(c.a.allocations > 0, 'the allocating loop kept its partial figures');
  assert.match(await pg.testid('error-b').innerText(), /TimeLimitExceeded/);
  await pg.ready();
  await screenshot(page, 'time-limit');
});
