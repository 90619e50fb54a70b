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
  await page.route('**/worker_bg.wasm*', async (route) => {
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
  assert.equal(await pg.editors().count(), 2);
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
  assert.equal(await page.evaluate(() => performance.getEntriesByName('memplay:engine-fetch').length), 1);
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

test('a reload compiles the engine the page kept in Cache Storage; another build\'s copy is deleted', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open({ fresh: false });
  await pg.ready();
  const engineUrl = await page.evaluate(() => new URL(document.querySelector('meta[name="memplay-engine"]').content, document.baseURI).href);
  assert.match(engineUrl, /worker_bg\.wasm\?v=[0-9a-f]{16}$/, 'the build names its engine');
  const kept = () => page.evaluate(async () => (await (await caches.open('memplay-engine')).keys()).map((r) => r.url));
  // The page keeps it 4 s after the compile, once idle (at most 5 s more), then writes it.
  const keptNow = async (want) => {
    for (let i = 0; i < 300; i++) {
      if (JSON.stringify(await kept()) === JSON.stringify(want)) return;
      await page.waitForTimeout(100);
    }
    assert.deepEqual(await kept(), want);
  };
  // Kept once the page is idle after its first start.
  await keptNow([engineUrl]);
  // As if another build had run here before: its copy is there, this build's is not.
  const stale = engineUrl.replace(/v=[0-9a-f]{16}/, 'v=0000000000000000');
  await page.evaluate(async ([current, old]) => {
    const cache = await caches.open('memplay-engine');
    await cache.delete(current);
    await cache.put(old, new Response(new Uint8Array([0, 97, 115, 109]), { headers: { 'Content-Type': 'application/wasm' } }));
  }, [engineUrl, stale]);
  await pg.open({ fresh: false });
  await pg.ready();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('memplay:engine-cached').length), 0);
  await keptNow([engineUrl]);
  // The reload compiles the kept copy, and it runs.
  await pg.open({ fresh: false });
  await pg.ready();
  assert.equal(await page.evaluate(() => performance.getEntriesByName('memplay:engine-cached').length), 1);
  const comparison = await page.evaluate(() => window.memplay.run());
  assert.equal(comparison.winner, 'B');
  // A kept copy that does not compile is thrown away: the page downloads the engine.
  await page.evaluate(async (current) => {
    const cache = await caches.open('memplay-engine');
    await cache.put(current, new Response(new Uint8Array([0, 97, 115, 109, 9]), { headers: { 'Content-Type': 'application/wasm' } }));
  }, engineUrl);
  await pg.open({ fresh: false });
  await pg.ready();
  assert.equal(await page.evaluate(() => window.memplay.run()).then((c) => c.winner), 'B');
  assert.deepEqual(page.errors, []);
});
