// Scale: both panes re-run at a series of sizes of N; the sweep shows each snippet's
// growth class, the crossover and a log-log chart; Stop keeps the points done; a link
// with &sweep sweeps on open; a snippet without N says how to add one.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const SWEEP_TIMEOUT = 120_000;

async function sweepDone(pg) {
  await pg.page.waitForFunction(() => {
    const s = document.querySelector('[data-testid="sweep-status"]');
    return s && !s.textContent.startsWith('Sweeping');
  }, null, { timeout: SWEEP_TIMEOUT });
}

test('list vs generator: Scale shows A linear, B constant, the chart and the crossover', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.testid('scale').click();
  // The panes say which size they run.
  await page.waitForFunction(() => /^sweeping N = [\d\u202f]+ · \d\/8$/.test(
    document.querySelector('[data-testid="status-a"]').textContent), null, { timeout: SWEEP_TIMEOUT });
  await sweepDone(pg);
  assert.equal(await pg.testid('sweep-fit-a').getAttribute('data-class'), 'linear');
  assert.equal(await pg.testid('sweep-fit-b').getAttribute('data-class'), 'constant');
  assert.match(await pg.testid('sweep-fit-a').innerText(), /linear: ≈ \d+(\.\d)? B per element \(fit [01]\.\d\d\)/);
  assert.match(await pg.testid('sweep-crossover').innerText(), /^B (uses less memory from N ≈ [\d\u202f]+ on|is lower at every N measured)$/);
  const box = await pg.testid('chart-sweep').locator('canvas').boundingBox();
  assert.ok(box && box.width > 200 && box.height > 150, 'the chart has a size');
  const r = await pg.results();
  assert.equal(r.sweep.var, 'N');
  assert.deepEqual(r.sweep.points.map((p) => p.n), [10, 37, 139, 518, 1931, 7197, 26827, 100000]);
  assert.ok(r.sweep.points.every((p) => p.a.error === null && p.b.error === null));
  assert.equal(r.sweep.fit.a.class, 'linear');
  assert.ok(r.sweep.points[7].a.peak_bytes > 50 * r.sweep.points[0].a.peak_bytes, 'A grows with N');
  await screenshot(page, 'sweep-list-vs-generator');
  // Another figure redraws and refits the same points.
  await pg.testid('sweep-figure').selectOption('allocations');
  assert.match(await pg.testid('sweep-fit-a').innerText(), /per element|flat/);
  // The sweep exports as the CLI prints it.
  const [download] = await Promise.all([page.waitForEvent('download'), pg.testid('export-sweep-markdown').click()]);
  const text = await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c).toString());
  assert.match(text, /^\| N \| A: list comprehension allocations \| B: generator expression allocations \|/);
  assert.match(text, /\*\*Crossover:\*\*/);
  assert.deepEqual(page.errors, []);
});

test('Stop mid-sweep keeps the finished points; a limit ends that pane\'s sweep', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  // Time grows with N; the last size takes seconds, long enough to press Stop during it.
  await pg.setCode('a', 'N = 20_000_000\ntotal = 0\nfor i in range(N):\n    total += i\n');
  await pg.setCode('b', 'N = 20_000_000\nx = [0] * N\n');
  await pg.setLimits({ memory: 64 });
  const sweeping = page.evaluate(() => window.memplay.sweep());
  // B reaches the memory limit at the largest size; then, while A runs its largest size, Stop.
  await page.waitForFunction(() => document.querySelector('[data-testid="status-a"]').textContent.endsWith('8/8')
    && document.querySelector('[data-testid="sweep-ended-b"]'), null, { timeout: SWEEP_TIMEOUT });
  await pg.testid('stop').click();
  const s = await sweeping;
  const done = s.points.filter((p) => p.a && p.a.error === null);
  assert.equal(done.length, 7, 'the seven sizes before the stop are kept');
  assert.equal(s.points[7].a.error.type, 'Stopped');
  assert.match(await pg.testid('sweep-ended-a').innerText(), /stopped at N = 20.000.000 \(Stop was pressed\)/);
  // B's list of 20 million pointers is past 64 MiB: its sweep ended there, with the sizes before.
  const limited = s.points.find((p) => p.b && p.b.error);
  assert.equal(limited.b.error.type, 'MemoryError');
  assert.match(limited.b.error.message, /memory limit exceeded/);
  assert.match(await pg.testid('sweep-ended-b').innerText(), /ended at N = [\d\u202f]+: MemoryError \(memory limit exceeded/);
  assert.equal(await pg.testid('sweep-fit-b').getAttribute('data-class'), 'linear');
  await screenshot(page, 'sweep-stopped');
  // The page goes on: a normal run works with fresh workers.
  await pg.ready();
  const c = await pg.compare('print(1)\n', 'print(2)\n');
  assert.equal(c.b.stdout, '2\n');
  assert.deepEqual(page.errors, []);
});

test('a sweep link opens and sweeps; a snippet without N says how to add one', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await page.evaluate(() => { location.hash = 'preset=dict-vs-list-lookup&sweep'; });
  await sweepDone(pg);
  const r = await pg.results();
  assert.equal(r.sweep.points.length, 8);
  assert.equal(await pg.testid('sweep-fit-a').getAttribute('data-class'), 'linear');
  assert.match(await pg.testid('sweep-crossover').innerText(), /^B /);

  await pg.setCode('a', "print('no numbers here')\n");
  await pg.focusEditor('a');
  await page.keyboard.press('Control+Shift+Enter');
  assert.match(await pg.testid('sweep-error').innerText(), /no size to sweep.*N = 100_000/s);
  assert.equal(await pg.testid('run').isDisabled(), false, 'nothing started');
  // A range that does not make a sweep is a message as well.
  await pg.setCode('a', 'N = 5\nxs = [0] * N\n');
  await pg.setCode('b', 'N = 5\nxs = (0 for _ in range(N))\n');
  await assert.rejects(page.evaluate(() => window.memplay.sweep({ from: 10 })), /from 10 is not below to 5/);
  const s = await page.evaluate(() => window.memplay.sweep({ from: 1, points: 3 }));
  assert.deepEqual(s.points.map((p) => p.n), [1, 2, 5]);
  await screenshot(page, 'sweep-link');
  assert.deepEqual(page.errors, []);
});

test('tutorial code as written sweeps the number inside it, and the reader can pick another', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.setCode('a', 'def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(20000)), [0] * 3000 == [])\n');
  await pg.setCode('b', 'def firstn(n):\n    num = 0\n    while num < n:\n        yield num\n        num += 1\n\n' +
    'print(sum(firstn(20000)), [0] * 3000 == [])\n');
  const s = await page.evaluate(() => window.memplay.sweep({ points: 4 }));
  assert.equal(s.var, '20000 (line 4)');
  assert.deepEqual(s.points.map((p) => p.n), [10, 126, 1587, 20000]);
  assert.equal(await pg.testid('sweep-var').inputValue(), '@4:18', 'the largest number is the default');
  const options = await pg.testid('sweep-var').locator('option').allInnerTexts();
  assert.deepEqual(options, ['20000 (line 4, column 18)', '3000 (line 4, column 33)']);
  // The reader picks the other number: B's counterpart is the one in the same place.
  await pg.testid('sweep-var').selectOption('@4:33');
  assert.equal(await pg.testid('sweep-to').getAttribute('placeholder'), '3000');
  const other = await page.evaluate(() => window.memplay.sweep({ var: '@4:33', points: 2 }));
  assert.equal(other.var, '3000 (line 4)');
  assert.deepEqual(other.points.map((p) => p.n), [10, 3000]);
  assert.deepEqual(page.errors, []);
});
