// Soak benchmark (not a test): many consecutive runs of a mixed preset list in one page,
// then Stop/terminate/respawn cycles. After each run it prints each worker's own memory
// between runs (bytes held through the allocator, against the baseline after the worker's
// warm-up, and the size of its wasm memory); after the cycles, the page's JS heap, DOM
// nodes, listeners and live workers.
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

/** Both workers' heap reports once each has reported after `runs` runs. */
async function heapAfter(runs) {
  await page.waitForFunction((n) => {
    const h = window.memplay.heap();
    return h?.a?.runs === n && h?.b?.runs === n;
  }, runs, { timeout: 60_000 });
  return page.evaluate(() => window.memplay.heap());
}

const base = await heapAfter(0);
console.log(`memplay soak: ${RUNS} runs of ${PRESETS.length} presets in turn, then ${CYCLES} Stop cycles (headless Chromium)`);
console.log(`baseline after warm-up: A ${kib(base.a.live_bytes)} live, ${mib(base.a.memory_bytes)} wasm memory; ` +
  `B ${kib(base.b.live_bytes)}, ${mib(base.b.memory_bytes)}`);
console.log('run  preset                    A drift      B drift      A wasm mem  B wasm mem');
const drifts = [];
const memory = [];
for (let i = 1; i <= RUNS; i++) {
  const preset = PRESETS[(i - 1) % PRESETS.length];
  await page.selectOption('[data-testid="preset-select"]', preset);
  const c = await page.evaluate(() => window.memplay.run());
  if (c.a.error || c.b.error) throw new Error(`${preset}: ${JSON.stringify(c.a.error || c.b.error)}`);
  const h = await heapAfter(i);
  const d = [h.a.live_bytes - base.a.live_bytes, h.b.live_bytes - base.b.live_bytes];
  drifts.push(d);
  memory.push([h.a.memory_bytes, h.b.memory_bytes]);
  console.log(`${String(i).padStart(3)}  ${preset.padEnd(24)}  ${String(d[0]).padStart(9)} B  ${String(d[1]).padStart(9)} B  ` +
    `${mib(h.a.memory_bytes).padStart(10)}  ${mib(h.b.memory_bytes).padStart(10)}`);
}
const all = drifts.flat();
const firstPass = memory.slice(0, PRESETS.length).flat();
const rest = memory.slice(PRESETS.length).flat();
console.log(`\nlive-bytes drift over ${RUNS} runs: min ${Math.min(...all)} B, max ${Math.max(...all)} B; ` +
  `after the last run A ${drifts.at(-1)[0]} B, B ${drifts.at(-1)[1]} B`);
console.log(`wasm memory: largest after the first pass of presets ${mib(Math.max(...firstPass))}, ` +
  `largest after that ${mib(Math.max(...(rest.length ? rest : firstPass)))}, at the end ${mib(Math.max(...memory.at(-1)))}`);

// Stop cycles: both panes spin, Stop terminates both workers, fresh ones start.
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
async function pageFigures() {
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
await heapAfter(0);
figures.push([`after ${CYCLES} cycles`, await pageFigures()]);
console.log('');
for (const [label, f] of figures) show(label, f);
const h = await page.evaluate(() => window.memplay.heap());
console.log(`fresh workers after the cycles: A ${kib(h.a.live_bytes)} live (baseline ${kib(base.a.live_bytes)}), ` +
  `B ${kib(h.b.live_bytes)} (baseline ${kib(base.b.live_bytes)})`);
if (errors.length) console.log(`page errors: ${errors.join('; ')}`);
await browser.close();
await server.close();
