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
  // Every figure of the comparison, with the name of its column, lies within the screen:
  // nothing is cut off on the right and nothing needs sideways scrolling.
  const cells = await pg.testid('comparison-table').locator('tbody td').evaluateAll((tds) =>
    tds.map((td) => {
      const r = td.getBoundingClientRect();
      return { text: td.innerText, label: getComputedStyle(td, '::before').content, left: r.left, right: r.right };
    }));
  assert.equal(cells.length, 5 * 3, 'five figures, each for A, for B and B against A');
  for (const c of cells) {
    assert.ok(c.left >= 0 && c.right <= 390, `a figure is off screen: ${JSON.stringify(c)}`);
    assert.ok(c.text.trim().length > 0, 'each figure has a value');
  }
  assert.ok(cells.some((c) => c.label.includes('B vs A') && /lower|higher|same/.test(c.text)), JSON.stringify(cells));
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'no sideways scrolling');
  await screenshot(page, 'phone');
});
