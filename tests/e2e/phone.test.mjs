// On a phone the panes stack and everything still works.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('at phone width the panes stack and a preset runs', async () => {
  const page = await env.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.ready();
  const a = await pg.testid('pane-a').boundingBox();
  const b = await pg.testid('pane-b').boundingBox();
  assert.ok(b.y >= a.y + a.height, 'B is below A');
  assert.ok(a.width <= 390 && b.width <= 390, 'panes fit the screen');
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 390, `no sideways scrolling (${scrollWidth})`);
  await pg.testid('run').tap();
  await page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: 60_000 });
  await pg.idle();
  assert.equal(await pg.testid('verdict').getAttribute('data-winner'), 'b');
  await screenshot(page, 'phone');
});
