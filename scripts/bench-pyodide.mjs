// The page's Python against Pyodide's traced CPython: each pair of tests/fidelity/ run in
// the page with the CPython check, `--rounds` rounds in one browser. For each snippet, the
// median over the rounds of memplay's run time (RustPython, counting) over the check's
// (Pyodide under tracemalloc); then, over the snippets, the median, p10 and p90 of that
// ratio, and the slowest five with their times. Several builds take turns pair by pair.
//   node scripts/bench-pyodide.mjs [--rounds N] [--settle MS] [--each] [DIR ...]   (default: 3 rounds of dist/;
//   --each lists every snippet)
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
// After a check the page starts two fresh Pyodides for the next one (2–3 s of both cores):
// the next pair waits `--settle` ms so that neither side's run shares the machine with them.
const settleAt = args.indexOf('--settle');
const settleMs = settleAt >= 0 ? Number(args.splice(settleAt, 2)[1]) : 4000;
const eachAt = args.indexOf('--each');
const showEach = eachAt >= 0 && args.splice(eachAt, 1).length > 0;
const dirs = args.length ? args : ['dist'];

const FIDELITY = 'tests/fidelity';
const pairs = fs.readdirSync(FIDELITY).sort().map((name) => ({
  name,
  a: fs.readFileSync(path.join(FIDELITY, name, 'a.py'), 'utf8'),
  b: fs.readFileSync(path.join(FIDELITY, name, 'b.py'), 'utf8'),
}));
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(q * xs.length))];

// Every build's page is open at once and the builds take turns on each pair, so that this
// machine's drift (its neighbours, the clock) falls on all of them alike.
const builds = [];
for (const dir of dirs) {
  const server = await startServer({ dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  const pg = new Playground(page, server.url);
  await pg.open();
  await pg.ready();
  // ratios[snippet] = one ratio per round; ms[snippet] = [ours, theirs] per round
  builds.push({ dir, server, browser, page, pg, ratios: {}, ms: {} });
}
for (let round = 0; round < rounds; round++) {
  for (const pair of pairs) {
    for (const b of builds) {
      await b.pg.setCode('a', pair.a);
      await b.pg.setCode('b', pair.b);
      const c = await b.page.evaluate(() => window.memplay.run({ cpython: true }).catch((e) => ({ failed: String(e) })));
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      if (c.failed) {
        console.log(`  ${b.dir} ${pair.name}: the check did not finish (${c.failed})`);
        continue;
      }
      for (const side of ['a', 'b']) {
        const ours = c[side].wall_ms;
        const theirs = c.cpython[side].wall_ms;
        if (c[side].error || c.cpython[side].error || !(theirs > 0)) continue;
        const name = `${pair.name} ${side.toUpperCase()}`;
        (b.ratios[name] ??= []).push(ours / theirs);
        (b.ms[name] ??= []).push([ours, theirs]);
      }
    }
  }
}
for (const b of builds) {
  const each = Object.entries(b.ratios).map(([name, xs]) => [name, median(xs)]);
  const values = each.map(([, r]) => r);
  const ms = (name, i) => median(b.ms[name].map((m) => m[i])).toFixed(1);
  console.log(`${b.dir}: ${values.length} snippets, ${rounds} rounds; memplay's time / Pyodide's (traced)`);
  console.log(`  median ${median(values).toFixed(2)}x  p10 ${quantile(values, 0.1).toFixed(2)}x  ` +
    `p90 ${quantile(values, 0.9).toFixed(2)}x`);
  const listed = showEach ? each.length : 5;
  for (const [name, r] of each.sort((x, y) => y[1] - x[1]).slice(0, listed)) {
    console.log(`  ${showEach ? '' : 'slowest: '}${name} ${r.toFixed(2)}x (${ms(name, 0)} ms against ${ms(name, 1)} ms)`);
  }
  await b.browser.close();
  await b.server.close();
}
