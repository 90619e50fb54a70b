// Share links: a round trip of the whole state, run-on-open, a broken link, a preset link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground, RUN_TIMEOUT } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

const CODE_A = 'rows = [(i, str(i)) for i in range(20_000)]\nprint(len(rows))\n';
const CODE_B = 'rows = ((i, str(i)) for i in range(20_000))\nprint(sum(1 for _ in rows))\n';
const HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1"> tuples';

/** Opens `url` in a fresh browser context (no saved draft, as a reader would). */
async function openFresh(url) {
  const page = await env.newPage();
  const pg = new Playground(page, url);
  await page.goto(url);
  await pg.testid('run').waitFor();
  return pg;
}

async function resultsShown(pg) {
  return pg.page.evaluate(() => window.memplay.results() !== null);
}

test('a share link restores snippets, titles and settings, and runs on open only when asked', async () => {
  const page = await env.newPage({ permissions: ['clipboard-read', 'clipboard-write'] });
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.setCode('a', CODE_A);
  await pg.setCode('b', CODE_B);
  await pg.testid('title-a').fill(HOSTILE_TITLE);
  await pg.testid('settings').locator('summary').click();
  await pg.testid('setting-time').fill('7');
  await pg.testid('setting-time').press('Tab');
  // The toolbar's Share copies the link at once (as its title says), opens the panel and
  // focuses the link.
  await pg.testid('share-button').click();
  await pg.testid('share-status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'share-link');
  const link = await pg.testid('share-link').inputValue();
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#v1=[A-Za-z0-9_-]+$/);
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
  const embed = await pg.testid('embed-code').inputValue();
  assert.ok(embed.includes(`src="${env.url}?embed#v1=`) && embed.includes(`<script src="${env.url}embed.js" async>`), embed);
  // The readable form: the snippets as text an author can edit in the post.
  const readable = await pg.testid('embed-readable').inputValue();
  assert.ok(readable.startsWith('<div data-memplay>\n  <pre data-title="&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt; tuples">'), readable);
  assert.ok(readable.includes('rows = [(i, str(i)) for i in range(20_000)]\nprint(len(rows))</pre>'), readable);
  await pg.testid('copy-embed-readable').click();
  await pg.testid('share-status').filter({ hasText: 'Readable embed code copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), readable);
  await screenshot(page, 'share-panel');

  // A reader opens the link: everything is back, shown as text, and nothing runs.
  const reader = await openFresh(link);
  assert.equal(await reader.code('a'), CODE_A.trimEnd());
  assert.equal(await reader.code('b'), CODE_B.trimEnd());
  assert.equal(await reader.testid('title-a').inputValue(), HOSTILE_TITLE);
  assert.equal(await reader.page.evaluate(() => window.__pwned), undefined);
  await reader.testid('settings').locator('summary').click();
  assert.equal(await reader.testid('setting-time').inputValue(), '7');
  assert.equal(await reader.testid('notice').getAttribute('data-kind'), 'info');
  assert.match(await reader.testid('notice').innerText(), /Opened a shared comparison/);
  await reader.ready();
  await reader.page.waitForTimeout(1500);
  assert.equal(await resultsShown(reader), false, 'nothing runs without &run');
  assert.equal(await reader.page.evaluate(() => location.hash), new URL(link).hash, 'the link stays in the address');

  // With "Run when opened" the link carries &run and the comparison runs by itself.
  await pg.testid('share-run').check();
  const runLink = await pg.testid('share-link').inputValue();
  assert.equal(runLink, `${link}&run`);
  const runner = await openFresh(runLink);
  await runner.page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT });
  const results = await runner.results();
  assert.equal(results.a.stdout, '20000\n');
  assert.equal(results.b.stdout, '20000\n');
  assert.equal(results.a.limits.time_ms, 7000, 'the settings came with the link');
  // Editing makes the snippets the reader's own: the link leaves the address bar.
  await runner.type('b', 'x = 1\n');
  assert.equal(await runner.page.evaluate(() => location.hash), '');
  await screenshot(runner.page, 'share-run-on-open');
  assert.deepEqual([...page.errors, ...reader.page.errors, ...runner.page.errors], []);
});

test('a broken link shows why, the default preset, runs nothing, and keeps the draft', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.setCode('a', 'mine = [1, 2, 3]\n');
  await page.waitForFunction(() => localStorage.getItem('memplay.draft.v1')?.includes('mine = [1, 2, 3]'));
  const cases = [
    ['#v1=q1ZKVLKqVirJLMlJVbJSyk1MSVVIqlRIzU1KTdHLKlbSUUrOTwHJVBQr2CpEZyqk&run', /garbled or cut short/],
    ['#v1=%%%not-base64%%%&run', /garbled/],
    ['#v9=abc&run', /newer memplay \(format v9\)/],
    ['#preset=no-such-preset&run', /no preset called "no-such-preset"/],
    [`#v1=${'A'.repeat(70_000)}&run`, /too long/],
  ];
  for (const [fragment, message] of cases) {
    const tab = await page.context().newPage();
    const other = new Playground(tab, env.url);
    await tab.goto(env.url + fragment);
    await other.testid('notice').waitFor();
    assert.equal(await other.testid('notice').getAttribute('data-kind'), 'error', fragment);
    assert.match(await other.testid('notice').innerText(), message);
    assert.match(await other.testid('notice').innerText(), /Showing the default preset instead/);
    assert.equal(await other.testid('preset-select').inputValue(), 'list-vs-generator');
    assert.equal(await tab.evaluate(() => location.hash), '', 'the broken link leaves the address');
    await other.ready();
    await tab.waitForTimeout(300);
    assert.equal(await resultsShown(other), false, `${fragment.slice(0, 20)}: nothing runs`);
    if (fragment.startsWith('#v1=q1')) {
      await screenshot(tab, 'share-broken-link');
      // The person's own snippets are one click away, and still saved.
      await other.testid('restore-draft').click();
      assert.equal(await other.code('a'), 'mine = [1, 2, 3]');
      assert.equal(await other.testid('notice').count(), 0);
    }
    assert.deepEqual(tab.errors ?? [], []);
    await tab.close();
  }
  await page.reload();
  await pg.testid('run').waitFor();
  assert.equal(await pg.code('a'), 'mine = [1, 2, 3]', 'broken links never overwrote the draft');

  // A link pasted into an open page (only the fragment changes) opens too.
  await page.evaluate(() => { location.hash = 'preset=keep-vs-del'; });
  await pg.testid('notice').waitFor();
  assert.equal(await pg.testid('preset-select').inputValue(), 'keep-vs-del');
  await pg.testid('restore-draft').click();
  assert.equal(await pg.code('a'), 'mine = [1, 2, 3]');
});

test('a preset link is short and opens that preset, running it with &run', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.choosePreset('keep-vs-del');
  await pg.testid('share-toggle').click();
  assert.equal(await pg.testid('share-link').inputValue(), `${env.url}#preset=keep-vs-del`);
  const reader = await openFresh(`${env.url}#preset=keep-vs-del&run`);
  assert.equal(await reader.testid('preset-select').inputValue(), 'keep-vs-del');
  await reader.page.waitForFunction(() => window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT });
  const results = await reader.results();
  assert.equal(results.winner, 'B', 'del frees what A keeps');
  assert.equal(await reader.testid('verdict').getAttribute('data-winner'), 'b');
});
