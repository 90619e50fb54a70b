// Soak benchmark (not a test): many consecutive runs of a mixed preset list in one page,
// then Stop/terminate/respawn cycles. After each run it prints each worker's own memory
// between runs (bytes held through the allocator above a fresh worker's after its warm-up,
// and the size of its wasm memory) and how many workers the page has replaced because
// their heap grew; after the cycles, the page's JS heap, DOM nodes, listeners and workers.
//   node scripts/bench-soak.mjs [runs=200] [cycles=50]     (needs the production build in dist/)
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const RUNS = Number(process.argv[2] || 200);
const CYCLES = Number(process.argv[3] || 50);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const PRESETS = ['list-vs-generator', 'keep-vs-del', 'dict-vs-list-lookup', 'list-vs-array', 'raw-vs-zlib',
  'json-vs-pickle', 'dict-vs-slots', 'readlines-vs-iteration', 'raw-vs-gzip', 'list-vs-tuple', 'raw-vs-lz4'];
const MiB = 2 ** 20;
const kib = (b) => `${(b / 1024).toFixed(1)} KiB`;
const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;

const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(server.url);
await page.evaluate(() => localStorage.clear());
await page.reload();
await page.evaluate(() => window.memplay.ready());

/** Both workers' reports once each has reported after the last run: the same worker one
 * run further on, or (when the page replaced a grown worker) a fresh one after its warm-up. */
async function heapAfterRun(prev) {
  await page.waitForFunction((p) => {
    const h = window.memplay.heap();
    const next = (s) => h?.[s] && (h[s].recycled === p[s].recycled ? h[s].runs === p[s].runs + 1 : h[s].runs === 0);
    return next('a') && next('b');
  }, prev, { timeout: 60_000 });
  return page.evaluate(() => window.memplay.heap());
}

await page.waitForFunction(() => window.memplay.heap()?.a && window.memplay.heap()?.b);
const base = await page.evaluate(() => window.memplay.heap());
console.log(`memplay soak: ${RUNS} runs of ${PRESETS.length} presets in turn, then ${CYCLES} Stop cycles (headless Chromium)`);
console.log(`worker after its warm-up: ${kib(base.a.live_bytes)} live, ${mib(base.a.memory_bytes)} wasm memory`);
console.log('run  preset                   A live above warm-up  B live above warm-up  A wasm mem  B wasm mem  replaced A/B');
const rows = [];
let prev = base;
for (let i = 1; i <= RUNS; i++) {
  const preset = PRESETS[(i - 1) % PRESETS.length];
  await page.selectOption('[data-testid="preset-select"]', preset);
  await page.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: 60_000 });
  const c = await page.evaluate(() => window.memplay.run());
  if (c.a.error || c.b.error) throw new Error(`${preset}: ${JSON.stringify(c.a.error || c.b.error)}`);
  const h = await heapAfterRun(prev);
  prev = h;
  const d = [h.a.live_bytes - base.a.live_bytes, h.b.live_bytes - base.b.live_bytes];
  rows.push({ d, mem: [h.a.memory_bytes, h.b.memory_bytes], fresh: [h.a.runs === 0, h.b.runs === 0] });
  console.log(`${String(i).padStart(3)}  ${preset.padEnd(24)} ${kib(d[0]).padStart(20)}  ${kib(d[1]).padStart(20)}  ` +
    `${mib(h.a.memory_bytes).padStart(10)}  ${mib(h.b.memory_bytes).padStart(10)}  ${h.a.recycled}/${h.b.recycled}`);
}
const drifts = rows.flatMap((r) => r.d);
const mems = rows.flatMap((r) => r.mem);
const freshDrift = rows.flatMap((r) => r.d.filter((_, k) => r.fresh[k]));
console.log(`\nlive bytes above the warm-up baseline over ${RUNS} runs: max ${mib(Math.max(...drifts))}, ` +
  `after the last run A ${kib(rows.at(-1).d[0])}, B ${kib(rows.at(-1).d[1])}`);
console.log(`workers replaced because their heap grew: A ${prev.a.recycled}, B ${prev.b.recycled}; ` +
  `a replacement starts at the baseline again (drift ${freshDrift.length ? [...new Set(freshDrift)].join(', ') : 'n/a'} B)`);
console.log(`wasm memory: largest ${mib(Math.max(...mems))}; over the last 50 runs ${mib(Math.max(...rows.slice(-50).flatMap((r) => r.mem)))}`);

// Stop cycles: both panes spin, Stop terminates both workers, fresh ones start.
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
async function pageFigures() {
  await page.waitForTimeout(1000); // terminated workers report closing a moment later
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(metrics.map((x) => [x.name, x.value]));
  return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners, workers: page.workers().length };
}
await page.evaluate(() => {
  window.memplay.setCode('a', 'while True:\n    pass\n');
  window.memplay.setCode('b', 'xs = []\nwhile True:\n    xs.append(1)\n    if len(xs) > 1000:\n        xs.clear()\n');
});
const show = (label, f) => console.log(`${label.padEnd(18)} JS heap ${mib(f.heap)} | DOM nodes ${f.nodes} | listeners ${f.listeners} | live workers ${f.workers}`);
const figures = [];
for (let i = 1; i <= CYCLES; i++) {
  if (i === 1 || i === 11 || i === CYCLES) figures.push([`before cycle ${i}`, await pageFigures()]);
  const running = page.evaluate(() => window.memplay.run());
  await page.waitForSelector('[data-testid="stop"]:not([disabled])');
  await page.waitForTimeout(50);
  await page.click('[data-testid="stop"]');
  const c = await running;
  if (c.a.error?.type !== 'Stopped' || c.b.error?.type !== 'Stopped') throw new Error(`cycle ${i}: not stopped`);
  await page.evaluate(() => window.memplay.ready());
  await page.waitForSelector('[data-testid="run"]:not([disabled])');
}
await page.waitForFunction(() => window.memplay.heap()?.a?.runs === 0 && window.memplay.heap()?.b?.runs === 0);
figures.push([`after ${CYCLES} cycles`, await pageFigures()]);
console.log('');
for (const [label, f] of figures) show(label, f);
const h = await page.evaluate(() => window.memplay.heap());
console.log(`fresh workers after the cycles: A ${kib(h.a.live_bytes)} live (baseline ${kib(base.a.live_bytes)}), ` +
  `B ${kib(h.b.live_bytes)} (baseline ${kib(base.b.live_bytes)})`);
if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
await browser.close();
await server.close();
