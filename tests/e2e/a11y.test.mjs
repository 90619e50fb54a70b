// Accessibility: axe-core (npm `axe-core`, run in the page) finds no violations in the page
// after a run, in light or in dark, nor in an embed after a run, where the only finding
// allowed is that a frame has no h1 (it sits inside someone's post).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { setUp } from './harness.mjs';
import { Playground, RUN_TIMEOUT } from './playground.mjs';

const AXE = fs.readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

/** axe's violations in the page, as "rule (impact): target" lines. */
async function violations(page) {
  await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

test('the page after a run has no accessibility violations, in light or in dark', async () => {
  // The page's CSP allows no inline script; the test context lets axe in.
  const page = await env.newPage({ bypassCSP: true, colorScheme: 'light' });
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.ready();
  await page.evaluate(() => window.memplay.run());
  await pg.idle();
  assert.deepEqual(await violations(page), [], 'light');
  await pg.testid('theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.deepEqual(await violations(page), [], 'dark');
});

test('an embed after a run has no violation but the missing h1 of a frame', async () => {
  const page = await env.newPage({ bypassCSP: true });
  await page.goto(`${env.url}?embed#preset=dict-vs-slots&run`);
  await page.waitForFunction(() => window.memplay && window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT });
  const found = (await violations(page)).filter((v) => !v.startsWith('page-has-heading-one (moderate)'));
  assert.deepEqual(found, []);
});
