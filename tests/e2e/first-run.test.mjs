// The first run tells the truth: in a fresh worker (a page just loaded), the first run of
// a snippet counts exactly what the second counts — peak, bytes allocated, allocations and
// what is kept. Every preset and every pair of tests/fidelity/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setUp } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const FIGURES = ['peak_bytes', 'allocated_bytes', 'allocations', 'retained_bytes'];
const figures = (r) => Object.fromEntries(FIGURES.map((k) => [k, r[k]]));

/** Loads the page afresh (fresh workers), then runs what `load` puts in the panes twice. */
async function firstAndSecond(pg, load) {
  await pg.page.reload();
  await pg.page.waitForSelector('[data-testid="run"]');
  await pg.ready();
  await load();
  const first = await pg.page.evaluate(() => window.memplay.run());
  await pg.idle();
  const second = await pg.page.evaluate(() => window.memplay.run());
  await pg.idle();
  return [first, second];
}

function sameFigures(name, first, second, differ) {
  for (const side of ['a', 'b']) {
    const [f, s] = [figures(first[side]), figures(second[side])];
    if (JSON.stringify(f) !== JSON.stringify(s)) differ.push(`${name} ${side.toUpperCase()}: first ${JSON.stringify(f)}, second ${JSON.stringify(s)}`);
  }
}

test('every preset: the first run in a fresh worker equals the second', { timeout: 900_000 }, async () => {
  const pg = await env.openPlayground();
  const ids = await pg.testid('preset-select').locator('option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  assert.ok(ids.length >= 10, ids.join());
  const differ = [];
  for (const id of ids) {
    const [first, second] = await firstAndSecond(pg, () => pg.choosePreset(id));
    assert.equal(first.a.error, null, `${id} A: ${JSON.stringify(first.a.error)}`);
    sameFigures(id, first, second, differ);
  }
  assert.deepEqual(differ, []);
});

test('every fidelity pair: the first run in a fresh worker equals the second', { timeout: 900_000 }, async () => {
  const root = path.resolve('tests/fidelity');
  const pairs = fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort();
  assert.ok(pairs.length >= 20);
  const pg = await env.openPlayground();
  const differ = [];
  for (const pair of pairs) {
    const [a, b] = ['a.py', 'b.py'].map((f) => fs.readFileSync(path.join(root, pair, f), 'utf8'));
    const [first, second] = await firstAndSecond(pg, async () => {
      await pg.setCode('a', a);
      await pg.setCode('b', b);
    });
    sameFigures(pair, first, second, differ);
  }
  assert.deepEqual(differ, []);
});
