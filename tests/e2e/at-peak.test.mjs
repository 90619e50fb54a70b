// "At the peak": what was alive at each snippet's peak, by the line that made it, A's
// lines against B's; in the page, in an embed that runs on open, and for a failed run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('a preset: the section blames the line that built the list, aligned with its counterpart', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.choosePreset('list-vs-generator');
  const c = await page.evaluate(() => window.memplay.run());
  // The figures behind it, as `memplay compare --json` gives them.
  assert.equal(c.a.at_peak.live_bytes, c.a.peak_bytes);
  const top = c.a.at_peak.by_line.filter((l) => l.line > 0).sort((x, y) => y.bytes - x.bytes)[0];
  assert.equal(top.line, 2);
  assert.ok(top.bytes >= 0.8 * c.a.peak_bytes, JSON.stringify(c.a.at_peak));
  const row = c.peak_lines.find((r) => r.a_line === 2);
  assert.equal(row.b_line, 2);
  assert.ok(row.a_bytes > 100 * Math.max(row.b_bytes, 1));

  const section = pg.testid('at-peak');
  await section.waitFor();
  assert.match(await pg.testid('at-peak-a').locator('.peak-heading').innerText(), /^A peaked at [\d.]+ MiB while line \d ran: total = sum/);
  const first = pg.testid('at-peak-a').locator('[data-testid="peak-line-a"]').first();
  assert.equal(await first.getAttribute('data-line'), '2');
  assert.match(await first.innerText(), /line 2\s+total = sum\(\[x \* x for x in range\(N\)\]\)\s+[\d.]+ MiB/);
  assert.match(await first.getAttribute('title'), /Made by line 2 and still alive when A peaked/);
  const aligned = pg.testid('peak-aligned').locator('[data-testid="peak-aligned-row"]').first();
  // Where B's line reads differently, the row shows both codes, each side's labelled.
  assert.match(
    await aligned.innerText(),
    /line 2\s+line 2\s+A\s*total = sum\(\[x \* x for x in range\(N\)\]\)\s+B\s*total = sum\(x \* x for x in range\(N\)\)\s+[\d.]+ MiB/,
  );
  assert.match(await pg.testid('at-peak').innerText(), /Each side is taken at its own peak/);
  assert.match(await aligned.getAttribute('title'), /A holds [\d.]+ MiB at its peak; its counterpart in B holds/);
  // The gutter's second column: what line 2 made that was alive at the peak.
  const held = pg.gutterMark('a', 2, 'peak');
  assert.match(await held.innerText(), /^▲[\d.]+ MiB$/);
  assert.match(await held.getAttribute('title'), /still alive when the run peaked/);
  // The timeline marks each peak and names the line running then.
  assert.match(await pg.testid('timeline-peaks').innerText(), /▲ A peaked here: [\d.]+ MiB, while line 2 ran \(\d+% of its run\)/);
  await section.scrollIntoViewIfNeeded();
  await screenshot(page, 'at-peak-list-vs-generator');
  // A snippet whose data is built inside functions: the call stack names them.
  const d = await pg.compare(
    "def parse(line):\n    return line.split(',')\n\ndef load(n):\n    return [parse('a,b,c') for _ in range(n)]\n\nrows = load(20_000)\n",
    'rows = None\n',
  );
  assert.ok(d.a.at_peak.by_stack.some((s) => s.stack[0] === '<module>:7' && s.stack.some((f) => f.startsWith('load:'))), JSON.stringify(d.a.at_peak.by_stack));
  await pg.testid('peak-stacks-a').locator('summary').click();
  assert.match(await pg.testid('peak-stacks-a').innerText(), /the snippet, line 7[\s\S]*load, line 5/);
  assert.deepEqual(page.errors, []);
});

test('at phone width and in the dark, the section reads without sideways scrolling', async () => {
  const pg = await env.openPlayground({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
  const { page } = pg;
  await pg.choosePreset('keep-vs-del');
  await page.evaluate(() => window.memplay.run());
  await pg.testid('at-peak').waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  await pg.testid('at-peak').scrollIntoViewIfNeeded();
  await screenshot(page, 'at-peak-phone-dark');
});

test('an embed that runs on open shows the section', async () => {
  const page = await env.newPage();
  await page.goto(`${env.url}?embed#preset=keep-vs-del&run`);
  const section = page.locator('[data-testid="at-peak"]');
  await section.waitFor({ timeout: 120_000 });
  assert.match(await page.locator('[data-testid="at-peak-a"] .peak-heading').innerText(), /^A peaked at/);
  assert.ok(await page.locator('[data-testid="peak-aligned-row"]').count() >= 2);
  assert.deepEqual(page.errors, []);
});

test('a snippet that fails says what was alive at its peak before it failed', async () => {
  const pg = await env.openPlayground();
  const c = await pg.compare("big = [0] * 10**6\nraise ValueError('after the peak')\n", 'x = 1\n');
  assert.equal(c.a.error.type, 'ValueError');
  const top = c.a.at_peak.by_line.filter((l) => l.line > 0).sort((x, y) => y.bytes - x.bytes)[0];
  assert.equal(top.line, 1);
  assert.match(await pg.testid('at-peak-a').locator('.peak-heading').innerText(), /^A peaked at [\d.]+ MiB before it ended with ValueError/);
  assert.deepEqual(pg.page.errors, []);
});

test('Stop mid-run: the figures so far are explained up to the peak so far', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setCode('a', 'big = [0] * 10**6\nwhile True:\n    s = str(len(big)) * 2\n');
  await pg.setCode('b', 'x = 1\n');
  const running = page.evaluate(() => window.memplay.run());
  // Live figures past the list of line 1, then a moment for its explanation to come.
  await page.waitForFunction(() => {
    const peak = document.querySelector('[data-testid="figure-a-peak"]');
    return peak && Number(peak.dataset.value) > 3e6; // the list: 4 bytes an item on wasm32
  }, null, { timeout: 60_000, polling: 100 });
  await page.waitForTimeout(600);
  await pg.testid('stop').click();
  const c = await running;
  assert.equal(c.a.error.type, 'Stopped');
  assert.ok(c.a.wall_ms > 500, `a stopped run's time is how long it ran: ${c.a.wall_ms}`);
  const at = c.a.at_peak;
  assert.ok(at && at.live_bytes > 0 && at.live_bytes <= c.a.peak_bytes, JSON.stringify(at));
  const top = at.by_line.filter((l) => l.line > 0).sort((x, y) => y.bytes - x.bytes)[0];
  assert.equal(top.line, 1);
  assert.ok(top.bytes >= 0.8 * at.live_bytes, JSON.stringify(at));
  assert.match(await pg.testid('at-peak-a').locator('.peak-heading').innerText(), /^A peaked at [\d.]+ MiB before it was stopped while line \d ran/);
  const first = pg.testid('at-peak-a').locator('[data-testid="peak-line-a"]').first();
  assert.equal(await first.getAttribute('data-line'), '1');
  await pg.testid('at-peak').scrollIntoViewIfNeeded();
  await screenshot(page, 'at-peak-stopped');
  assert.deepEqual(page.errors, []);
});

test('call stacks can be turned off in Settings: the lines stay, the stacks go', async () => {
  const pg = await env.openPlayground();
  const code = "def load(n):\n    return [str(i) for i in range(n)]\n\nrows = load(20_000)\n";
  const on = await pg.compare(code, 'rows = None\n');
  assert.ok(on.a.at_peak.by_stack.some((s) => s.stack.some((f) => f.startsWith('load:'))), JSON.stringify(on.a.at_peak.by_stack));
  await pg.testid('settings').locator('summary').click();
  await pg.testid('setting-stacks').uncheck();
  const off = await pg.compare(code, 'rows = None\n');
  assert.deepEqual(off.a.at_peak.by_stack, []);
  assert.equal(await pg.testid('peak-stacks-a').count(), 0);
  const top = (at) => at.by_line.filter((l) => l.line > 0).sort((x, y) => y.bytes - x.bytes)[0].line;
  assert.equal(top(off.a.at_peak), top(on.a.at_peak));
  assert.deepEqual(pg.page.errors, []);
});
