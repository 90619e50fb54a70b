// The page's Python against Pyodide's traced CPython: each pair of tests/fidelity/ run in
// the page with the CPython check, `--rounds` rounds in one browser. For each snippet, the
// median over the rounds of memplay's run time (RustPython, counting) over the check's
// (Pyodide under tracemalloc); then, over the snippets, the median, p10 and p90 of that
// ratio, and the slowest five.
//   node scripts/bench-pyodide.mjs [--rounds N] [DIR ...]   (default: 3 rounds of dist/)
// e.g. `node scripts/bench-pyodide.mjs /tmp/dist-before dist` compares two builds.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, FLAGS } from '../tests/e2e/harness.mjs';
import { Playground } from '../tests/e2e/playground.mjs';
import { startServer } from './static-server.mjs';

const args = process.argv.slice(2);
const roundsAt = args.indexOf('--rounds');
const rounds = roundsAt >= 0 ? Number(args.splice(roundsAt, 2)[1]) : 3;
const dirs = args.length ? args : ['dist'];

const FIDELITY = 'tests/fidelity';
const pairs = fs.readdirSync(FIDELITY).sort().map((name) => ({
  name,
  a: fs.readFileSync(path.join(FIDELITY, name, 'a.py'), 'utf8'),
  b: fs.readFileSync(path.join(FIDELITY, name, 'b.py'), 'utf8'),
}));
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

for (const dir of dirs) {
  const server = await startServer({ dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const pg = new Playground(page, server.url);
  await pg.open();
  await pg.ready();
  // ratios[snippet] = one ratio per round
  const ratios = {};
  for (let round = 0; round < rounds; round++) {
    for (const pair of pairs) {
      await pg.setCode('a', pair.a);
      await pg.setCode('b', pair.b);
      const c = await page.evaluate(() => window.memplay.run({ cpython: true }).catch((e) => ({ failed: String(e) })));
      if (c.failed) {
        console.log(`  ${pair.name}: the check did not finish (${c.failed})`);
        continue;
      }
      for (const side of ['a', 'b']) {
        const ours = c[side].wall_ms;
        const theirs = c.cpython[side].wall_ms;
        if (c[side].error || c.cpython[side].error || !(theirs > 0)) continue;
        (ratios[`${pair.name} ${side.toUpperCase()}`] ??= []).push(ours / theirs);
      }
    }
  }
  const each = Object.entries(ratios).map(([name, xs]) => [name, median(xs)]);
  const values = each.map(([, r]) => r);
  console.log(`${dir}: ${values.length} snippets, ${rounds} rounds; memplay's time / Pyodide's (traced)`);
  console.log(`  median ${median(values).toFixed(2)}x  p10 ${quantile(values, 0.1).toFixed(2)}x  ` +
    `p90 ${quantile(values, 0.9).toFixed(2)}x`);
  for (const [name, r] of each.sort((x, y) => y[1] - x[1]).slice(0, 5)) console.log(`  slowest: ${name} ${r.toFixed(2)}x`);
  await browser.close();
  await server.close();
}
