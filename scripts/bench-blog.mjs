// A long post with many embeds, read top to bottom (a benchmark, not a test). A post on
// another origin includes embed.js and N embeds (one preset each); headless Chromium opens
// it, scrolls to the end as a reader would, then presses Run in each embed once. Prints,
// per embed, the time from the press to its result; at the end, the live engine workers
// and the browser's memory (PSS summed over its processes) above a blank page. The post
// with 8 embeds is measured against the same post with 1.
//   node scripts/bench-blog.mjs [DIST] [--embeds 1,8] [--no-run] [--settle SECONDS]
//   (default: dist/, 1 and 8; `--settle`: memory read that long after the last result, as
//   a reader goes on reading, rather than at once)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const args = process.argv.slice(2);
const embedsAt = args.indexOf('--embeds');
const counts = embedsAt >= 0 ? args.splice(embedsAt, 2)[1].split(',').map(Number) : [1, 8];
// `--no-run`: read the post without pressing Run (what the frames alone cost).
const noRunAt = args.indexOf('--no-run');
const press = noRunAt < 0;
if (!press) args.splice(noRunAt, 1);
const settleAt = args.indexOf('--settle');
const settleMs = settleAt >= 0 ? Number(args.splice(settleAt, 2)[1]) * 1000 : 0;
const dist = args[0] || 'dist';
const PRESETS = ['list-vs-generator', 'readlines-vs-iteration', 'keep-vs-del', 'dict-vs-list-lookup', 'list-vs-array',
  'raw-vs-zlib', 'json-vs-pickle', 'dict-vs-slots', 'list-vs-tuple', 'raw-vs-gzip'];
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];
const MiB = 1024 * 1024;

/** The process and every descendant of it. */
function tree(root) {
  const children = new Map();
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(pid));
    } catch { /* gone */ }
  }
  const out = [];
  const walk = (pid) => { out.push(pid); for (const c of children.get(pid) || []) walk(c); };
  walk(root);
  return out;
}

/** PSS in bytes summed over the browser's processes (from /proc/PID/smaps_rollup): this
 * script's descendants, less the servers (node). */
function pss() {
  let kib = 0;
  for (const pid of tree(process.pid)) {
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'node') continue;
    } catch { continue; }
    try {
      const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) kib += Number(m[1]);
    } catch { /* gone */ }
  }
  return kib * 1024;
}

/** Settled memory: the lowest of a few readings a second apart, after a garbage collection
 *  in the post's process and in the embeds' (frames of another origin run in their own). */
async function settledPss(page) {
  for (const target of [page, ...page.frames().filter((f) => f !== page.mainFrame())]) {
    const cdp = await page.context().newCDPSession(target).catch(() => null);
    await cdp?.send('HeapProfiler.collectGarbage').catch(() => {});
  }
  const readings = [];
  for (let i = 0; i < 4; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    readings.push(pss());
  }
  return Math.min(...readings);
}

function post(n, playground) {
  const blocks = PRESETS.slice(0, n).map((id, i) =>
    `<h2>Technique ${i + 1}</h2>\n${'<p>Some prose about memory, long enough to scroll past. '.repeat(12)}</p>\n` +
    `<div data-memplay data-preset="${id}"></div>`).join('\n');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A post with ${n} embeds</title>
<style>body{font:17px/1.6 Georgia,serif;max-width:760px;margin:0 auto;padding:24px}</style></head>
<body><article><h1>Memory, technique by technique</h1>${blocks}</article>
<script src="${playground}embed.js" async></script></body></html>`;
}

async function serveDist() {
  const child = spawn(process.execPath, ['scripts/static-server.mjs', dist, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { const m = /served at (\S+)/.exec(String(d)); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`the server exited (${code})`)));
  });
  return { url, close: () => child.kill() };
}

const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });

/** Engine workers alive in the post's frames (the CPython check's are not counted). */
function engineWorkers(page) {
  return page.workers().filter((w) => /worker-boot/.test(w.url())).length;
}

async function liveEngines(page) {
  let n = 0;
  for (const frame of page.frames()) {
    if (frame === page.mainFrame()) continue;
    n += await frame.evaluate(() => document.querySelector('.app')?.dataset.engines ?? null).then(
      (v) => (v === null ? NaN : Number(v)), () => NaN);
  }
  return n;
}

async function measure(n, playground, blogDir, blogUrl) {
  fs.writeFileSync(path.join(blogDir, `post-${n}.html`), post(n, playground));
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const page = await context.newPage();
  let started = 0;
  page.on('worker', (w) => { if (/worker-boot/.test(w.url())) started += 1; });
  await page.goto('about:blank');
  const blank = await settledPss(page);
  const opened = performance.now();
  await page.goto(`${blogUrl}post-${n}.html`);
  await page.waitForFunction((k) => document.querySelectorAll('iframe[data-memplay-frame]').length === k, n);
  // Read to the end, a screen at a time.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0; y < height; y += 600) {
    await page.mouse.wheel(0, 600);
    await page.waitForTimeout(400);
  }
  const presses = [];
  const iframes = page.locator('iframe[data-memplay-frame]');
  for (let i = 0; i < (press ? n : 0); i++) {
    await iframes.nth(i).scrollIntoViewIfNeeded();
    const frame = await (await iframes.nth(i).elementHandle()).contentFrame();
    await frame.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: 120_000 });
    const t0 = performance.now();
    await frame.locator('[data-testid="run"]').click();
    // The page marks each comparison it hands out (src/ui/marks.rs).
    await frame.waitForFunction(() => performance.getEntriesByName('memplay:result').length > 0, null, { timeout: 120_000 });
    presses.push(performance.now() - t0);
  }
  await page.waitForTimeout(settleMs);
  const mem = await settledPss(page);
  const workers = engineWorkers(page);
  const engines = await liveEngines(page);
  await browser.close();
  return { n, blank, mem, above: mem - blank, workers, engines, started, presses, total: performance.now() - opened };
}

const server = await serveDist();
const blogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memplay-bench-blog-'));
const blog = await startServer({ dir: blogDir, live: true });
try {
  const results = [];
  for (const n of counts) {
    const r = await measure(n, server.url, blogDir, blog.url);
    results.push(r);
    console.log(`${n} embed${n > 1 ? 's' : ''}: Run → result per embed (ms): ${r.presses.map((t) => t.toFixed(0)).join(', ')}`);
    console.log(`  browser memory above a blank page: ${(r.above / MiB).toFixed(0)} MiB; engine workers alive: ` +
      `${r.workers} (by the frames' own count: ${Number.isNaN(r.engines) ? 'n/a' : r.engines}); ` +
      `engine workers started while reading: ${r.started}`);
  }
  const one = results.find((r) => r.n === 1);
  for (const r of results.filter((x) => x.n > 1 && one)) {
    const slowest = r.presses.length ? `; slowest Run ${Math.max(...r.presses).toFixed(0)} ms (target ≤ 1500 ms)` : '';
    console.log(`${r.n} embeds hold ${(r.above / one.above).toFixed(2)}× the memory of 1 embed (target ≤ 1.3×)${slowest}`);
  }
} finally {
  server.close();
  await blog.close();
  fs.rmSync(blogDir, { recursive: true, force: true });
}
