// Nothing a snippet or a link holds reaches beyond its sandbox: Python has no way to the
// page, its storage or the network; the page's Content-Security-Policy forbids inline
// script and foreign origins; hostile links are shown as text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
let foreign;
before(async () => {
  env = await setUp();
  foreign = await env.otherOrigin();
});
after(async () => {
  await env.stop();
});

/** Records every CSP violation the page reports, from its first script on. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
}

test('from Python there is no way to the page, its storage, the host or the network', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await page.evaluate(() => {
    localStorage.setItem('secret', 'kept in the page');
    document.cookie = 'session=page-only';
  });
  await pg.ready();
  const cases = [
    ['import js\n', 'ModuleNotFoundError'],
    ['import browser\n', 'ModuleNotFoundError'],
    ["__import__('_js')\n", 'ModuleNotFoundError'],
    ["open('/etc/passwd')\n", 'FileNotFoundError'],
    ["import os\nos.system('ls')\n", 'PermissionError'],
    ["import urllib.request\nurllib.request.urlopen('http://127.0.0.1/')\n", 'ModuleNotFoundError'],
    ['import socket\n', 'ModuleNotFoundError'],
    ['import pyodide\n', 'ModuleNotFoundError'],
  ];
  for (let i = 0; i < cases.length; i += 2) {
    await pg.ready();
    const [[a, ka], [b, kb]] = [cases[i], cases[i + 1]];
    const c = await pg.compare(a, b);
    assert.equal(c.a.error?.type, ka, `${a.trim()}: ${JSON.stringify(c.a.error)}`);
    assert.equal(c.b.error?.type, kb, `${b.trim()}: ${JSON.stringify(c.b.error)}`);
  }
  // What Python can see is its own sandbox: no environment, no page state in any file.
  await pg.ready();
  const c = await pg.compare(
    "import os\nprint(sorted(os.environ))\nprint(os.getcwd(), sorted(os.listdir('/')))\n",
    "import sys\nprint(sys.platform, [m for m in sys.modules if 'js' in m.lower()])\n",
  );
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.doesNotMatch(c.a.stdout + c.b.stdout, /kept in the page|session=page-only/);
  assert.doesNotMatch(c.b.stdout, /'_?js/);
  assert.equal(await page.evaluate(() => localStorage.getItem('secret')), 'kept in the page');
  assert.deepEqual(page.errors, []);
});

test('the Content-Security-Policy forbids inline script and foreign origins, and the page works under it', async () => {
  const page = await env.newPage();
  await watchViolations(page);
  const pg = new Playground(page, env.url);
  await pg.open();
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /connect-src 'self'/);
  assert.match(policy, /object-src 'none'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script in the page');
  await pg.ready();
  await pg.choosePreset('keep-vs-del');
  await pg.clickRun();
  await pg.idle();
  await pg.testid('chart-bars').waitFor();
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the page itself needs nothing the policy forbids');

  // Script injected into the page does not run, and nothing reaches another origin.
  const injected = await page.evaluate(async (other) => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.append(s);
    const img = document.createElement('img');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'window.__handler = 1');
    document.body.append(img);
    let fetched;
    try {
      await fetch(other);
      fetched = 'reached';
    } catch {
      fetched = 'blocked';
    }
    await new Promise((r) => setTimeout(r, 200));
    return { inline: window.__inline, handler: window.__handler, fetched };
  }, foreign.url + 'post.html');
  assert.deepEqual(injected, { inline: undefined, handler: undefined, fetched: 'blocked' });
  const violations = await page.evaluate(() => window.__violations);
  assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join(', '));
  assert.ok(violations.some((v) => v.startsWith('connect-src')), violations.join(', '));
  assert.deepEqual(page.errors, []);
});

test('a link with HTML and script in its titles and code shows them as text and runs nothing of theirs', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  const title = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
  const code = "s = '</script><script>window.__pwned=3</script>'\nprint(s)\n";
  await pg.testid('title-a').fill(title);
  await pg.testid('title-b').fill('"><svg onload="window.__pwned=4">');
  await pg.setCode('a', code);
  await pg.setCode('b', "print('<b>bold?</b>')\n");
  await pg.testid('share-button').click();
  const link = await pg.testid('share-link').inputValue();
  await page.close();

  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const tab = await context.newPage();
  await watchViolations(tab);
  const errors = [];
  tab.on('pageerror', (e) => errors.push(String(e)));
  const reader = new Playground(tab, env.url);
  await tab.goto(link + '&run');
  await tab.waitForFunction(() => window.memplay?.results() != null, null, { timeout: 120_000 });
  assert.equal(await reader.testid('title-a').inputValue(), title);
  assert.equal(await reader.code('a'), code.trimEnd());
  assert.equal((await reader.testid('console-a').innerText()).trimEnd(), '</script><script>window.__pwned=3</script>');
  assert.equal((await reader.testid('console-b').innerText()).trimEnd(), '<b>bold?</b>');
  assert.match(await reader.testid('comparison-table').innerText(), /<img src=x onerror/);
  assert.equal(await tab.locator('[onerror], [onload], #app b').count(), 0, 'no element made from the text');
  assert.equal(await tab.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(await tab.evaluate(() => window.__violations), [], 'nothing even tried to run');
  await screenshot(tab, 'sandbox-hostile-link');
  assert.deepEqual(errors, []);
  await context.close();
});
