// "What kind of objects": live memory at each peak by Python type, A against B, in the
// page, in an embed, for a run cut short and for a failed one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

/** The "What kind" table's row for `type`, as cells by column name. */
async function kindRow(page, type) {
  const row = page.locator(`[data-testid="kinds-row"][data-type="${type}"]`);
  if ((await row.count()) === 0) return null;
  const head = await page.locator('[data-testid="kinds-table"] thead th').allInnerTexts();
  const cells = await row.locator('th, td').allInnerTexts();
  return Object.fromEntries(head.map((h, i) => [h, cells[i]]));
}

test('dict vs __slots__: 20,000 dict in A, none in B, and the class by its own name', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('dict-vs-slots');
  const c = await page.evaluate(() => window.memplay.run());
  const dict = c.peak_types.find((t) => t.type === 'dict');
  assert.ok(dict.a_count >= 19_800 && dict.b_count <= 100, JSON.stringify(dict));
  for (const side of ['a', 'b']) {
    const sum = c[side].at_peak.by_type.reduce((s, t) => s + t.bytes, 0);
    assert.ok(Math.abs(sum - c[side].peak_bytes) <= c[side].peak_bytes / 20 + 64, `${side}: ${sum} vs ${c[side].peak_bytes}`);
  }
  await pg.testid('peak-kinds').waitFor();
  const row = await kindRow(page, 'dict');
  assert.match(row['A objects'], /^20,0\d\d$|^19,[89]\d\d$/, JSON.stringify(row));
  assert.match(row['B objects'], /^(–|\d{1,2})$/, JSON.stringify(row));
  const sentences = await pg.testid('kinds-sentence').allInnerTexts();
  assert.match(sentences[0], /^At its peak, A held [\d,]+ \w+ \([\d.]+ [KM]iB\)/);
  assert.match(sentences[0], /dict/);
  // Each line names the kinds it made; the reader sees "objects", not "blocks".
  const line = pg.testid('at-peak-a').locator('[data-testid="peak-line-kinds-a"]').first();
  assert.match(await line.innerText(), /[\d,]+ \w+/);
  assert.match(await pg.testid('at-peak-a').innerText(), /objects/);
  await pg.testid('peak-kinds').scrollIntoViewIfNeeded();
  await screenshot(page, 'kinds-dict-vs-slots');
  const exported = await page.evaluate(() => window.memplay.results());
  assert.deepEqual(exported.peak_types, c.peak_types);
  assert.deepEqual(page.errors, []);
});

test('at phone width in the dark the kinds read without sideways scrolling', async () => {
  const pg = await env.openPlayground({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  await pg.choosePreset('list-vs-generator');
  await pg.page.evaluate(() => window.memplay.run());
  await pg.testid('peak-kinds').waitFor();
  const overflow = await pg.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const table = await pg.testid('kinds-table').boundingBox();
  assert.ok(table.width <= 390, JSON.stringify(table));
  await pg.testid('peak-kinds').scrollIntoViewIfNeeded();
  await screenshot(pg.page, 'kinds-phone-dark');
});

test('an embed that runs on open shows the kinds', async () => {
  const page = await env.newPage();
  await page.goto(`${env.url}?embed#preset=dict-vs-slots&run`);
  await page.locator('[data-testid="peak-kinds"]').waitFor({ timeout: 120_000 });
  const row = await kindRow(page, 'dict');
  assert.ok(row && row['A objects'] !== '–', JSON.stringify(row));
  assert.deepEqual(page.errors, []);
});

test('Stop mid-run: the kinds so far add up to the peak so far; a failed run invents none', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setCode('a', 'words = [str(i) for i in range(200_000)]\nwhile True:\n    pass\n');
  await pg.setCode('b', 'x = 1\n');
  const running = page.evaluate(() => window.memplay.run());
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="figure-a-peak"]')?.dataset.value) > 5e6,
    null, { timeout: 60_000, polling: 100 });
  await page.waitForTimeout(600);
  await pg.testid('stop').click();
  const c = await running;
  assert.equal(c.a.error.type, 'Stopped');
  const at = c.a.at_peak;
  const sum = at.by_type.reduce((s, t) => s + t.bytes, 0);
  assert.ok(Math.abs(sum - at.live_bytes) <= at.live_bytes / 20 + 64, `${sum} vs ${at.live_bytes}`);
  // Explained as it was at the last explanation (every 250 ms while the peak rises): the
  // strs made by then lead, and the list that holds them.
  assert.equal(at.by_type[0].type, 'str', JSON.stringify(at.by_type));
  assert.ok(at.by_type[0].count >= 10_000 && at.by_type.some((t) => t.type === 'list'), JSON.stringify(at.by_type));

  const failed = await pg.compare('raise ValueError("at once")\n', 'x = [1, 2, 3]\n');
  assert.equal(failed.a.error.type, 'ValueError');
  const kinds = failed.a.at_peak ? failed.a.at_peak.by_type : [];
  assert.ok(kinds.every((t) => t.count < 50), `nothing the snippet did not make: ${JSON.stringify(kinds)}`);
  const counts = await page.locator('[data-testid="kinds-row"] td:nth-of-type(1)').allInnerTexts();
  assert.ok(counts.every((n) => n === '–' || Number(n.replace(/,/g, '')) < 50), `A's objects: ${counts}`);
  assert.deepEqual(page.errors, []);
});
