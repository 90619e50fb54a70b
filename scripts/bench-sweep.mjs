// How long each preset's default sweep (8 sizes of N, from 10 to the preset's own value)
// takes in the page, after Python is ready, and natively with the CLI.
//
//   node scripts/bench-sweep.mjs [path/to/memplay]      (needs dist/ from scripts/build-web.sh)
//
// Prints a Markdown table; the page figure is the median of 3 sweeps in one page.
import { execFileSync } from 'node:child_process';
import { setUp } from '../tests/e2e/harness.mjs';

const cli = process.argv[2] || 'target/release/memplay';
const ids = execFileSync(cli, ['compare', '--list-presets'], { encoding: 'utf8' })
  .split('\n').filter(Boolean).map((l) => l.split(/\s+/)[0]);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = await setUp();
const pg = await env.openPlayground();
const rows = [];
for (const id of ids) {
  await pg.choosePreset(id);
  const page = [];
  let classes = '';
  for (let i = 0; i < 3; i++) {
    await pg.ready();
    const t0 = await pg.page.evaluate(() => performance.now());
    const s = await pg.page.evaluate(() => window.memplay.sweep());
    const t1 = await pg.page.evaluate(() => performance.now());
    page.push(t1 - t0);
    classes = `${s.fit.a.class} / ${s.fit.b.class}`;
  }
  const n0 = process.hrtime.bigint();
  execFileSync(cli, ['sweep', '--preset', id, '--json'], { stdio: ['ignore', 'ignore', 'ignore'] });
  const native = Number(process.hrtime.bigint() - n0) / 1e6;
  rows.push([id, (median(page) / 1000).toFixed(2), (native / 1000).toFixed(2), classes]);
  console.error(`${id}: page ${(median(page) / 1000).toFixed(2)} s, native ${(native / 1000).toFixed(2)} s`);
}
console.log('| preset | page (s, median of 3) | native CLI (s) | peak growth A / B |');
console.log('|---|---:|---:|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
await env.stop();
process.exit(0);
