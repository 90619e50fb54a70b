// Load benchmark (not a test): a production build, served on loopback, opened in headless
// Chromium. For each build given: bytes over the wire until the first preset result, time
// to the UI painted, to Python ready and to the first preset result, cold (empty cache) and
// warm (a reload with the cache), with the start-up phase by phase (performance marks); then
// Pyodide's ready, cold and warm, loaded the same way; then the same snippets run in the page and in the native
// CLI (target/release/memplay), and how much slower the page is.
//   node scripts/bench-load.mjs [--runs N] [--net MBPS] [DIR ...]   (default: 3 runs of dist/; medians)
// e.g. `node scripts/bench-load.mjs --runs 5 /tmp/dist-before dist` compares two builds.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 3;
// `--net MBPS`: the page's requests go through an emulated link of MBPS megabits per second
// down and 40 ms round trip (Chromium's network emulation), as a reader's connection would.
const netAt = args.indexOf('--net');
const mbps = netAt >= 0 ? Number(args.splice(netAt, 2)[1]) : 0;
const dirs = args.length ? args : ['dist'];
const CLI = 'target/release/memplay';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

// Snippets timed in both places: the interpreter's own speed (loops, strings, dicts,
// objects) rather than one library call.
const SPEED = {
  loops: 'total = 0\nfor i in range(300_000):\n    total += len(str(i))\nprint(total)\n',
  dicts: 'd = {str(i): [i, i * 2] for i in range(100_000)}\nprint(sum(len(v) for v in d.values()))\n',
  objects: 'class P:\n    __slots__ = ("x", "y")\n    def __init__(self, x, y):\n        self.x, self.y = x, y\n' +
    'ps = [P(i, -i) for i in range(100_000)]\nprint(sum(p.x + p.y for p in ps))\n',
};

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// Times are taken inside the page, from its own clock (which starts at navigation), as
// things happen: the UI is painted in the frame that first shows the preset menu, Python is
// ready when `memplay.ready()` resolves, and the first preset result is a run started then.
function timeInPage() {
  const b = (window.__bench = {});
  new MutationObserver((_, observer) => {
    if (!document.querySelector('[data-testid="preset-select"]')) return;
    observer.disconnect();
    requestAnimationFrame(() => { b.painted = performance.now(); });
  }).observe(document, { childList: true, subtree: true });
  let api;
  Object.defineProperty(window, 'memplay', {
    configurable: true,
    get: () => api,
    set(value) {
      api = value;
      value.ready()
        .then(() => { b.ready = performance.now(); return value.run(); })
        .then((c) => { b.winner = c.winner; b.result = performance.now(); });
    },
  });
}

async function load(page, cdp, url) {
  let bytes = 0;
  const onFinished = (e) => { bytes += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', onFinished);
  await page.goto(url, { waitUntil: 'commit' });
  const t = await (await page.waitForFunction(() => window.__bench.result && window.__bench, null, { timeout: 120_000 })).jsonValue();
  cdp.off('Network.loadingFinished', onFinished);
  if (t.winner !== 'B') throw new Error(`unexpected winner ${t.winner}`);
  return { bytes, painted: t.painted, ready: t.ready, result: t.result };
}

const readMarks = () => performance.getEntriesByType('mark')
  .filter((m) => m.name.startsWith('memplay:'))
  .map((m) => ({ name: m.name, at: performance.timeOrigin + m.startTime }));

/** Start-up, phase by phase, from the marks the page and its engine workers set (all on
 *  one clock: each timeline's origin plus its mark), in ms since the navigation. */
async function phases(page) {
  const origin = await page.evaluate(() => performance.timeOrigin);
  const first = (marks, name) => marks.find((m) => m.name === name)?.at;
  const pageMarks = await page.evaluate(readMarks);
  const workers = [];
  for (const w of page.workers().filter((w) => /worker-boot/.test(w.url()))) workers.push(await w.evaluate(readMarks));
  const latest = (name) => Math.max(...workers.map((m) => first(m, name)));
  const at = {
    fetch: first(pageMarks, 'memplay:engine-fetch'),
    downloaded: first(pageMarks, 'memplay:engine-downloaded'),
    compiled: first(pageMarks, 'memplay:engine-compiled'),
    spawn: first(pageMarks, 'memplay:worker-spawn'),
    boot: latest('memplay:boot'),
    instantiated: latest('memplay:instantiated'),
    warmed: latest('memplay:warmed'),
    ready: first(pageMarks, 'memplay:ready'),
    result: first(pageMarks, 'memplay:result'),
  };
  return Object.fromEntries(Object.entries(at).map(([k, v]) => [k, v - origin]));
}

/** CPython (the Pyodide the CPython check ships, from dist/cpython/) loaded the same way in
 *  the same browser: a worker started by a page of the same origin, until it says ready. */
async function pyodideReady(page, url) {
  await page.goto(url + 'embed.js');
  return page.evaluate(() => new Promise((resolve, reject) => {
    const t0 = performance.now();
    const worker = new Worker('cpython/worker.js', { type: 'module' });
    worker.onmessage = (e) => {
      const m = e.data && e.data.message;
      if (m && m.type === 'ready') { resolve(performance.now() - t0); worker.terminate(); }
      if (m && m.type === 'failed') reject(new Error(m.message));
    };
    worker.onerror = (e) => reject(new Error(e.message));
  }));
}

async function pageSpeed(page) {
  const times = {};
  const snippetTimes = async (suffix) => {
    for (const [name, code] of Object.entries(SPEED)) {
      await page.evaluate(([a]) => { window.memplay.setCode('a', a); window.memplay.setCode('b', 'pass\n'); }, [code]);
      const walls = [];
      for (let i = 0; i < runs; i++) walls.push(await page.evaluate(async () => (await window.memplay.run()).a.wall_ms));
      times[name + suffix] = median(walls);
    }
  };
  await snippetTimes('');
  // The same with Settings' "Call stacks at the peak" off (lines only), then on again.
  const stacks = page.locator('[data-testid="setting-stacks"]');
  await page.locator('[data-testid="settings"] summary').click();
  await stacks.uncheck();
  await snippetTimes(':lines');
  await stacks.check();
  // A run of `pass` in both panes, from Run to both results: what a fresh interpreter per
  // run costs in the page (`cargo bench -p memplay-engine` prints the native figure).
  await page.evaluate(() => { window.memplay.setCode('a', 'pass\n'); window.memplay.setCode('b', 'pass\n'); });
  const trips = [];
  for (let i = 0; i < 2 * runs + 1; i++) {
    trips.push(await page.evaluate(async () => { const t = performance.now(); await window.memplay.run(); return performance.now() - t; }));
  }
  times.interpreter = median(trips);
  return times;
}

function nativeSpeed() {
  if (!fs.existsSync(CLI)) return null;
  const times = {};
  const file = path.join(os.tmpdir(), 'memplay-bench-speed.py');
  for (const [name, code] of Object.entries(SPEED)) {
    fs.writeFileSync(file, code);
    const walls = [];
    for (let i = 0; i < runs; i++) walls.push(JSON.parse(execFileSync(CLI, ['run', '--json', file])).wall_ms);
    times[name] = median(walls);
  }
  return times;
}

/** The static server in its own process, so the browser's requests never wait on this one. */
async function serve(dir) {
  const child = spawn(process.execPath, ['scripts/static-server.mjs', dir, '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (d) => { const m = /served at (\S+)/.exec(String(d)); if (m) resolve(m[1]); });
    child.on('exit', (code) => reject(new Error(`the server for ${dir} exited (${code})`)));
  });
  return { url, close: () => child.kill() };
}

async function bench(dir) {
  const server = await serve(dir);
  const cold = [];
  const warm = [];
  const pyodideCold = [];
  const pyodideWarm = [];
  let speed = null;
  for (let i = 0; i < runs; i++) {
    // A persistent profile has a disk cache, so the warm load can use it (an incognito
    // context keeps a small in-memory cache that does not hold the engine).
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'memplay-bench-'));
    const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
    const page = context.pages()[0] || (await context.newPage());
    await page.addInitScript(timeInPage);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (mbps) {
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 40, downloadThroughput: (mbps * 1e6) / 8, uploadThroughput: (mbps * 1e6) / 32 });
    }
    cold.push({ ...(await load(page, cdp, server.url)), phases: await phases(page) });
    // A reader reloads later than at once: the page has kept its engine in Cache Storage
    // by then (a build that keeps none never sets the mark: 10 s lost, nothing else).
    await page.waitForFunction(() => performance.getEntriesByName('memplay:engine-kept').length > 0, null,
      { timeout: 10_000 }).catch(() => {});
    warm.push({ ...(await load(page, cdp, server.url)), phases: await phases(page) });
    if (i === 0) speed = await pageSpeed(page);
    pyodideCold.push(await pyodideReady(page, server.url));
    pyodideWarm.push(await pyodideReady(page, server.url));
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  server.close();
  return { cold, warm, speed, pyodideCold, pyodideWarm };
}

const PHASES = [['fetch', 'downloaded', 'download'], ['downloaded', 'compiled', 'compile (after the download)'],
  ['compiled', 'spawn', 'to the workers\' start'], ['spawn', 'boot', 'worker script loaded'],
  ['boot', 'instantiated', 'instantiate'], ['instantiated', 'warmed', 'interpreter start + warm-up'],
  ['warmed', 'ready', 'ready reaches the page'], ['ready', 'result', 'first result']];

const native = nativeSpeed();
console.log(`memplay load benchmark: headless Chromium, ${mbps ? `${mbps} Mbit/s and 40 ms round trip (emulated)` : 'loopback'}, median of ${runs}`);
if (!native) console.log(`(no ${CLI}: build it with \`cargo build --release -p memplay-cli\` for the speed comparison)`);
for (const dir of dirs) {
  const { cold, warm, speed, pyodideCold, pyodideWarm } = await bench(dir);
  console.log(`\n${dir}`);
  for (const [label, xs] of [['cold', cold], ['warm', warm]]) {
    const m = (k) => median(xs.map((x) => x[k]));
    console.log(`  ${label.padEnd(5)} bytes ${(m('bytes') / 1e6).toFixed(2)} MB | UI painted ${m('painted').toFixed(0)} ms | ` +
      `Python ready ${m('ready').toFixed(0)} ms | first preset result ${m('result').toFixed(0)} ms`);
  }
  console.log('  start-up phase by phase (ms, median; the later of the two workers):');
  console.log(`    ${'phase'.padEnd(30)} ${'cold'.padStart(6)} ${'warm'.padStart(6)}`);
  for (const [from, to, name] of PHASES) {
    const d = (xs) => median(xs.map((x) => x.phases[to] - x.phases[from]));
    console.log(`    ${name.padEnd(30)} ${d(cold).toFixed(0).padStart(6)} ${d(warm).toFixed(0).padStart(6)}`);
  }
  const pc = median(pyodideCold);
  const pw = median(pyodideWarm);
  const mc = median(cold.map((x) => x.ready));
  console.log(`  Pyodide (dist/cpython/, a worker) ready: cold ${pc.toFixed(0)} ms | warm ${pw.toFixed(0)} ms; ` +
    `memplay's cold ready is ${(mc / pc).toFixed(2)}× Pyodide's (target ≤ 0.5×)`);
  for (const name of Object.keys(SPEED)) {
    const vs = native ? ` | native ${native[name].toFixed(1)} ms | page/native ${(speed[name] / native[name]).toFixed(2)}×` : '';
    console.log(`  speed ${name.padEnd(8)} page ${speed[name].toFixed(1)} ms (stacks off: ${speed[name + ':lines'].toFixed(1)} ms)${vs}`);
  }
  console.log(`  a run of \`pass\` in both panes (fresh interpreters), Run to results: ${speed.interpreter.toFixed(1)} ms`);
}
