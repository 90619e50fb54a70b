// Load benchmark (not a test): the production build in dist/, served on loopback, opened in
// headless Chromium. Prints bytes transferred, time to the UI painted, time to Python
// ready, and time to the first preset result, cold (empty cache) and warm (reload).
//   node scripts/bench-load.mjs [runs]      (default 3; medians are printed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const runs = Number(process.argv[2] || 3);
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

async function measure(page, cdp) {
  let bytes = 0;
  const onFinished = (e) => { bytes += e.encodedDataLength; };
  cdp.on('Network.loadingFinished', onFinished);
  const start = Date.now();
  await page.goto(server.url, { waitUntil: 'commit' });
  await page.waitForSelector('[data-testid="preset-select"]');
  // Times from the page's own clock, which starts at navigation.
  const painted = await page.evaluate(() => performance.now());
  await page.evaluate(() => window.memplay.ready());
  const ready = await page.evaluate(() => performance.now());
  const result = await page.evaluate(async () => {
    const c = await window.memplay.run();
    return { at: performance.now(), winner: c.winner };
  });
  cdp.off('Network.loadingFinished', onFinished);
  if (result.winner !== 'B') throw new Error(`unexpected winner ${result.winner}`);
  return { bytes, painted, ready, result: result.at, wall: Date.now() - start };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const server = await startServer({ dir: 'dist' });
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  // A persistent profile has a disk cache, so the warm load can use it (an incognito
  // context keeps a small in-memory cache that does not hold the engine).
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'memplay-bench-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: '/usr/bin/chromium', headless: true, args: FLAGS });
  const page = context.pages()[0] || (await context.newPage());
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cold.push(await measure(page, cdp));
  warm.push(await measure(page, cdp));
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
await server.close();

const fmt = (label, xs) => {
  const m = (k) => median(xs.map((x) => x[k]));
  console.log(`${label.padEnd(5)} bytes ${(m('bytes') / 1e6).toFixed(2)} MB | UI painted ${m('painted').toFixed(0)} ms | ` +
    `Python ready ${m('ready').toFixed(0)} ms | first preset result ${m('result').toFixed(0)} ms`);
};
console.log(`memplay load benchmark: dist/ on loopback, headless Chromium, median of ${runs}`);
fmt('cold', cold);
fmt('warm', warm);
