// What the CPython check costs a reader: the bytes it downloads (as served, brotli when the
// browser asks for it) and the time from asking to both CPython figures, cold (Pyodide
// downloaded and started) and warm (its workers already up), beside the RustPython
// engine's own download and a run of the same snippets.
//
//   node scripts/bench-cpython.mjs            (needs dist/ from scripts/build-web.sh)
import { setUp } from '../tests/e2e/harness.mjs';
import { Playground } from '../tests/e2e/playground.mjs';

const env = await setUp();
const page = await env.newPage();
const bytes = { cpython: 0, engine: 0 };
page.on('response', async (r) => {
  const path = new URL(r.url()).pathname;
  const length = Number((await r.allHeaders())['content-length'] || 0);
  if (path.includes('/cpython/')) bytes.cpython += length;
  else if (path.endsWith('worker_bg.wasm')) bytes.engine += length;
});
const pg = new Playground(page, env.url);
const t0 = Date.now();
await pg.open();
await pg.ready();
const engineReady = Date.now() - t0;
await pg.setCode('a', 'xs = [i * i for i in range(100_000)]\n');
await pg.setCode('b', 'xs = (i * i for i in range(100_000))\n');
const time = async (f) => { const s = Date.now(); await f(); return Date.now() - s; };
const run = await time(() => page.evaluate(() => window.memplay.run()));
const cold = await time(() => page.evaluate(() => window.memplay.run({ cpython: true })));
const warm = await time(() => page.evaluate(() => window.memplay.run({ cpython: true })));
const mb = (n) => `${(n / 1e6).toFixed(2)} MB`;
console.log('| | download | time |');
console.log('|---|---:|---:|');
console.log(`| RustPython engine: page open to Python ready | ${mb(bytes.engine)} | ${(engineReady / 1000).toFixed(2)} s |`);
console.log(`| a run of both snippets (RustPython) | – | ${(run / 1000).toFixed(2)} s |`);
console.log(`| run + CPython check, cold (Pyodide loads) | ${mb(bytes.cpython)} | ${(cold / 1000).toFixed(2)} s |`);
console.log(`| run + CPython check, warm | – | ${(warm / 1000).toFixed(2)} s |`);
await env.stop();
process.exit(0);
