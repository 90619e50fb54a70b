// The page paints at once, shows the engine loading, and becomes ready.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('the page loads, shows the engine download, and becomes ready', async () => {
  const page = await env.newPage();
  // Slow the engine download down so the progress bar can be seen at work.
  await page.route('**/worker_bg.wasm', async (route) => {
    await new Promise((r) => setTimeout(r, 800));
    await route.continue();
  });
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.testid('engine-progress').waitFor();
  assert.match(await pg.testid('engine-progress').innerText(), /Loading Python|Starting Python/);
  assert.equal(await pg.testid('run').isDisabled(), true, 'Run waits for Python');
  await pg.ready();
  assert.equal(await pg.testid('engine-ready').innerText(), 'Python is ready');
  assert.equal(await pg.testid('run').isDisabled(), false);
  // Two real editors, with the default preset in them.
  assert.equal(await page.locator('.cm-editor').count(), 2);
  assert.match(await pg.testid('editor-a').innerText(), /sum\(\[x \* x/);
  assert.equal(await pg.testid('preset-select').inputValue(), 'list-vs-generator');
  // Every control is labelled.
  for (const id of ['preset-select', 'run', 'stop', 'theme-toggle', 'title-a', 'title-b']) {
    const el = pg.testid(id);
    const name = (await el.getAttribute('aria-label')) || (await el.innerText());
    assert.ok(name && name.trim(), `${id} has an accessible name`);
  }
  assert.match(await pg.testid('honesty-note').innerText(), /RustPython.*CPython/s);
  await screenshot(page, 'load-ready');
  assert.deepEqual(page.errors, []);
});

test('the engine is downloaded once; the charts\' code only when a chart is drawn', async () => {
  const page = await env.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  const pg = new Playground(page, env.url);
  await pg.open({ fresh: false });
  await pg.ready();
  assert.equal(requests.filter((p) => p.endsWith('/worker_bg.wasm')).length, 1, requests.join('\n'));
  // No chart yet, so no charts' code.
  assert.equal(requests.filter((p) => p.endsWith('/charts-bundle.js')).length, 0, 'charts loaded before any chart');
  assert.equal(await page.evaluate(() => typeof window.memplayCharts), 'undefined');
  await page.evaluate(() => window.memplay.run());
  await pg.idle();
  // Chart.js draws on each chart's canvas once its code has arrived.
  for (const id of ['chart-bars', 'chart-timeline']) {
    const canvas = pg.testid(id).locator('canvas');
    await canvas.evaluate((c) => new Promise((resolve) => {
      const drawn = () => {
        const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
        return false;
      };
      const poll = () => (drawn() ? resolve() : setTimeout(poll, 50));
      poll();
    }));
  }
  assert.equal(requests.filter((p) => p.endsWith('/charts-bundle.js')).length, 1);
  assert.deepEqual(page.errors, []);
});
