// A panic or a trap inside the engine: the pane says so plainly, keeps the output it had,
// the other pane keeps its result, and the next run gets a fresh worker. The trigger is the
// `_memplay_test` module, compiled into the engine only when MEMPLAY_TEST_HOOKS=1 (as
// scripts/test.sh builds dist/); the page a person is served has no such module.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const HOOKS_MISSING = 'dist/ was built without the test hooks: build it with MEMPLAY_TEST_HOOKS=1 scripts/build-web.sh';

test('a panic and a trap in the engine become a clear message and a fresh worker', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  for (const [kind, pattern] of [['panic', /panicked.*memplay test hook: a panic on purpose/s], ['trap', /unreachable/i]]) {
    const crashing = `import _memplay_test\nprint('before the ${kind}')\nxs = [0] * 10_000\n_memplay_test.${kind}()\nprint('never')\n`;
    const c = await pg.compare(crashing, "print('the other pane')\n");
    assert.notEqual(c.a.error?.type, 'ModuleNotFoundError', HOOKS_MISSING);
    assert.equal(c.a.error?.type, 'EngineCrash', `${kind}: ${JSON.stringify(c.a.error)}`);
    assert.match(c.a.error.message, /the engine crashed while running this snippet/);
    assert.match(c.a.error.message, pattern);
    assert.match(c.a.error.message, /a fresh one has started/);
    assert.equal(c.a.stdout, `before the ${kind}\n`, 'output up to the crash is kept');
    assert.equal(c.b.error, null);
    assert.equal(c.b.stdout, 'the other pane\n');
    assert.match(await pg.testid('error-a').innerText(), /EngineCrash/);
    assert.match(await pg.testid('console-b').innerText(), /the other pane/);
    await screenshot(page, `crash-${kind}`);
    // The replacement worker runs the next comparison.
    await pg.ready();
    const next = await pg.compare("print('fresh')\n", "print('still fine')\n");
    assert.equal(next.a.error, null, `after the ${kind}: ${JSON.stringify(next.a.error)}`);
    assert.equal(next.a.stdout, 'fresh\n');
    assert.equal(next.b.stdout, 'still fine\n');
  }
  assert.deepEqual(page.errors, []);
});

test('an engine that cannot start says so once, instead of starting workers for ever', async () => {
  const page = await env.newPage();
  let started = 0;
  // The engine's own script (worker-boot.js imports it), as a broken build would serve it.
  await page.context().route(/\/worker\.js$/, async (route) => {
    started += 1;
    await route.fulfill({
      contentType: 'text/javascript',
      body: "export default async function init() { throw new Error('a broken build'); }\n",
    });
  });
  const pg = new Playground(page, env.url);
  await pg.open({ fresh: false });
  const why = await page.evaluate(() => window.memplay.ready().then(() => 'ready', (e) => e.message));
  assert.match(why, /the engine could not start/);
  assert.match(why, /the engine failed to start: a broken build/);
  const seen = started;
  assert.ok(seen >= 3 && seen <= 6, `a few tries, not more: ${seen}`);
  await page.waitForTimeout(1500);
  assert.equal(started, seen, 'no worker starts after the engine is said to have failed');
  assert.equal(await page.locator('[data-engines]').getAttribute('data-engines'), '0');
  assert.match(await pg.testid('engine-error').innerText(), /could not start/);
  await screenshot(page, 'crash-engine-cannot-start');
});
