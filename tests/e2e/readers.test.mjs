// What readers tripped on (round 2): narrow screens, rows that say what happened, a verdict
// that follows the preset's figure, honest failures, and words for the figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground, RUN_TIMEOUT } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

/** Boxes of `selector` in the page, as plain numbers. */
const boxes = (page, selector) => page.locator(selector).evaluateAll((els) =>
  els.map((e) => { const r = e.getBoundingClientRect(); return { left: r.left, right: r.right, top: r.top, bottom: r.bottom }; }));
const overlap = (p, q) => p.left < q.right - 1 && q.left < p.right - 1 && p.top < q.bottom - 1 && q.top < p.bottom - 1;

/** The code reads without sideways scrolling, the page does not scroll sideways, and the
 *  regions of "At the peak" neither overlap nor run past their box. */
async function fitsWidth(pg, width, name) {
  const page = pg.page;
  const editors = await pg.editorScrollers().evaluateAll((els) => els.map((e) => [e.scrollWidth, e.clientWidth]));
  assert.equal(editors.length, 2);
  for (const [scroll, client] of editors) assert.ok(scroll <= client + 1, `${name}: the code scrolls sideways (${scroll} > ${client})`);
  const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(pageWidth <= width, `${name}: the page scrolls sideways (${pageWidth} > ${width})`);
  const sides = await boxes(page, '.peak-side');
  assert.equal(sides.length, 2, `${name}: both sides explained`);
  assert.ok(!overlap(sides[0], sides[1]), `${name}: A's and B's "At the peak" overlap: ${JSON.stringify(sides)}`);
  for (const [i, side] of sides.entries()) {
    const [table] = await boxes(page, `.peak-side >> nth=${i} >> .peak-lines`);
    assert.ok(table.right <= side.right + 1 && table.left >= side.left - 1, `${name}: a side's table runs out of its box`);
  }
  // Every figure of every table lies on screen.
  for (const sel of ['[data-testid="comparison-table"] td', '[data-testid="peak-aligned"] td', '[data-testid="kinds-table"] td']) {
    for (const b of await boxes(page, sel)) {
      assert.ok(b.left >= -1 && b.right <= width + 1, `${name}: ${sel} is off screen: ${JSON.stringify(b)}`);
    }
  }
}

for (const [width, embed] of [[390, false], [720, true], [1400, false]]) {
  test(`at ${width} px${embed ? ' (an embed in a blog column)' : ''} the code reads whole and no region overlaps`, async () => {
    const page = await env.newPage({ viewport: { width, height: 900 }, ...(width < 500 ? { isMobile: true, hasTouch: true } : {}) });
    const url = embed ? `${env.url}?embed#preset=readlines-vs-iteration` : env.url;
    const pg = new Playground(page, url);
    if (embed) {
      await page.goto(url);
      await pg.testid('run').waitFor();
    } else {
      await pg.open();
      await pg.choosePreset('readlines-vs-iteration');
    }
    await pg.clickRun();
    await page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT * 2 });
    await pg.idle(RUN_TIMEOUT * 2);
    await pg.testid('at-peak').waitFor();
    // The longest line of the preset is whole on screen, wrapped if it must be.
    assert.match(await pg.code('a'), /with open\('data\/server\.log'\) as f:/);
    await fitsWidth(pg, width, `${width} px`);
    if (width < 500) {
      // A phone has no keyboard shortcut to offer, and the hint reads as English.
      assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'a touch screen');
      const hint = await page.locator('.sweep-hint').innerText();
      assert.doesNotMatch(hint, /Ctrl|sizes of their size/);
      assert.match(hint, /re-runs both snippets at a series of sizes/);
    }
    await screenshot(page, `readers-${width}${embed ? '-embed' : ''}`);
    assert.deepEqual(page.errors, []);
  });
}

test('the verdict follows the preset, rows show both codes, failures take no ratio, and the words are explained', async () => {
  const pg = await env.openPlayground();
  const page = pg.page;
  // raw-vs-zlib is about what is kept: the headline leads with it, and B wins on it.
  await pg.choosePreset('raw-vs-zlib');
  const zlib = await page.evaluate(() => window.memplay.run());
  assert.match(zlib.verdict, /^B keeps [\d.]+× less than A/, zlib.verdict);
  assert.equal(zlib.winner, 'B');
  assert.equal(await pg.testid('verdict').getAttribute('data-winner'), 'b');
  // The readlines pair's loop lines differ: the row shows both.
  await pg.choosePreset('readlines-vs-iteration');
  await page.evaluate(() => window.memplay.run());
  const both = pg.testid('peak-aligned-b-code').filter({ hasText: 'for line in f:' });
  assert.equal(await both.count(), 1, 'B\'s own line beside A\'s');
  assert.match(await pg.testid('at-peak').innerText(), /B holds at its peak/);

  // A reader's own snippets: plain column heads, "so far" figures for a failed run, no ratio.
  const c = await pg.compare('xs = [0] * 200_000\nraise ValueError("late")\n', 'xs = [0] * 1000\n');
  assert.match(c.verdict, /^A failed with ValueError/);
  const heads = await pg.testid('comparison-table').locator('thead th').allInnerTexts();
  assert.deepEqual(heads.slice(1, 4), ['A', 'B', 'B vs A'], 'not "A: A"');
  const changes = await pg.testid('comparison-table').locator('td.change').allInnerTexts();
  assert.deepEqual(changes, ['–', '–', '–', '–', '–'], 'no ratio against a run that failed');
  assert.match(await pg.testid('row-peak').innerText(), /so far/);
  // A snippet that frees more than it makes keeps nothing, and says how much more it freed.
  await pg.compare('import sys\nsys.path.clear()\n', 'x = 1\n');
  assert.match(await pg.testid('row-retained').innerText(), /0 B \(freed \d+ B\)/);
  // Times under the noise floor are the same.
  const fast = await pg.compare('x = 1\n', 'y = 2\n');
  assert.ok(fast.a.wall_ms < 10 && fast.b.wall_ms < 10, `both quick: ${fast.a.wall_ms} ${fast.b.wall_ms}`);
  assert.equal(await pg.testid('row-time').locator('td.change').innerText(), 'same');

  // Each figure says what it means, and the words are gathered where the reader can open them.
  assert.match(await pg.testid('row-retained').locator('th').getAttribute('title'), /still held when it ended/);
  const help = pg.testid('figures-help');
  await help.locator('summary').click();
  const words = await help.innerText();
  for (const w of ['Peak memory', 'Allocated', 'Allocations', 'Retained', 'so far', 'tracemalloc', 'Pyodide']) {
    assert.ok(words.includes(w), `${w} is explained`);
  }
  await screenshot(page, 'readers-words');

  // A run that reaches the time limit says where the limit is raised.
  await pg.setLimits({ time: 1 });
  await pg.setCode('a', 'while True:\n    pass\n');
  await pg.clickRun();
  await page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT });
  await pg.idle();
  assert.match(await pg.testid('pane-a').innerText(), /Time limit \(s\).*in Settings raises it/);
  assert.deepEqual(page.errors, []);
});

test('while both run, the results say so instead of "Press Run"', async () => {
  const pg = await env.openPlayground();
  await pg.setCode('a', 'import time\nt = time.time()\nwhile time.time() - t < 2:\n    pass\n');
  await pg.setCode('b', 'import time\nt = time.time()\nwhile time.time() - t < 2:\n    pass\n');
  assert.match(await pg.testid('results').innerText(), /Press Run/, 'before a run, the hint');
  await pg.clickRun();
  await pg.page.waitForSelector('[data-testid="stop"]:not([disabled])');
  assert.doesNotMatch(await pg.testid('results').innerText(), /Press Run/);
  await pg.idle();
});
