// A preset runs in both workers and the page shows figures, the winner and the charts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('list vs generator: B wins on peak, with figures, gutter marks and charts', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('list-vs-generator');
  const comparison = await page.evaluate(() => window.memplay.run());
  await pg.idle();
  assert.equal(comparison.winner, 'B');
  assert.ok(comparison.a.peak_bytes > 10 * comparison.b.peak_bytes, JSON.stringify([comparison.a.peak_bytes, comparison.b.peak_bytes]));
  // The same JSON as the CLI's --json: both reports, the winner and the verdict.
  for (const key of ['peak_bytes', 'allocated_bytes', 'allocations', 'retained_bytes', 'wall_ms', 'lines', 'timeline', 'error']) {
    assert.ok(key in comparison.a, `a.${key}`);
  }
  assert.deepEqual(await pg.results(), comparison);
  // Both panes show their figures; the table and the verdict name B.
  assert.equal(await pg.figure('a', 'peak'), comparison.a.peak_bytes);
  assert.equal(await pg.figure('b', 'peak'), comparison.b.peak_bytes);
  assert.match(await pg.testid('figures-a').innerText(), /MiB/);
  assert.equal(await pg.testid('verdict').getAttribute('data-winner'), 'b');
  assert.match(await pg.testid('verdict').innerText(), /^B peaks \d+× lower than A/);
  assert.match(await pg.testid('row-peak').innerText(), /lower/);
  // Output streamed into each pane's console.
  assert.match(await pg.testid('console-a').innerText(), /333328333350000/);
  assert.match(await pg.testid('console-b').innerText(), /333328333350000/);
  // The line that builds the list carries its memory in the gutter.
  const mark = pg.gutterMark('a', 2);
  assert.match(await mark.innerText(), /^[+~−]\d/);
  // Both charts are drawn.
  for (const id of ['chart-bars', 'chart-timeline']) {
    const box = await pg.testid(id).locator('canvas').boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `${id} has a size`);
  }
  await screenshot(page, 'preset-list-vs-generator');
  assert.deepEqual(page.errors, []);
});

test('another preset, run with the keyboard shortcut from inside an editor', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('dict-vs-slots');
  assert.match(await pg.testid('preset-explanation').innerText(), /__slots__/);
  const before = await pg.editorText('a').innerText();
  await pg.focusEditor('a');
  await page.keyboard.press('Control+Enter');
  await pg.testid('stop').waitFor({ state: 'visible' });
  await page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: 60_000 });
  await pg.idle();
  const r = await pg.results();
  assert.equal(r.winner, 'B');
  assert.equal(await pg.testid('verdict').getAttribute('data-winner'), 'b');
  assert.equal(await pg.editorText('a').innerText(), before, 'Ctrl+Enter did not type a newline');
});

test('keep vs del: the gutter shows what a line keeps and what del frees', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('keep-vs-del');
  const c = await page.evaluate(() => window.memplay.run());
  assert.equal(c.winner, 'B');
  const mark = (pane, line) => pg.gutterMark(pane, line);
  assert.match(await mark('b', 2).innerText(), /^\+\d+(\.\d)? MiB$/, 'the line that builds the list keeps it');
  assert.match(await mark('b', 4).innerText(), /^−\d+(\.\d)? MiB$/, 'del frees it');
  assert.match(await mark('b', 4).getAttribute('title'), /line 4: .* net −/);
  assert.equal(await mark('a', 4).count(), 0, 'the blank line in A does nothing');
  await screenshot(page, 'preset-keep-vs-del');
});
