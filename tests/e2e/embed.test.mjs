// Embeds in a blog: a post on another origin includes embed.js once; two marked-up blocks
// become live comparisons that run, size themselves, and open in the full playground.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, screenshot, ARTIFACTS } from './harness.mjs';
import { Playground, READY_TIMEOUT, RUN_TIMEOUT } from './playground.mjs';

let env;
let blog;
let blogDir;
before(async () => {
  env = await setUp();
  blogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memplay-blog-'));
  blog = await env.otherOrigin(blogDir, { live: true });
});
after(async () => {
  await env.stop();
  fs.rmSync(blogDir, { recursive: true, force: true });
});

function writePost(name, html) {
  fs.writeFileSync(path.join(blogDir, name), html.replaceAll('{{PLAYGROUND}}', env.url));
  return blog.url + name;
}

/** The frame's page, once its Python is ready. */
async function embedFrame(iframe) {
  await iframe.scrollIntoViewIfNeeded();
  const frame = await (await iframe.elementHandle()).contentFrame();
  await frame.waitForSelector('.app.embed [data-testid="run"]');
  await frame.evaluate(() => window.memplay.ready());
  await frame.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: READY_TIMEOUT });
  return frame;
}

/** Waits until the iframe's height matches its page's height (embed.js applied it). */
async function fitted(page, iframe, frame) {
  const handle = await iframe.elementHandle();
  await page.waitForFunction(async ([el]) => el.style.height !== '', [handle]);
  for (let i = 0; i < 50; i++) {
    const inner = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const outer = await iframe.evaluate((el) => el.getBoundingClientRect().height);
    if (Math.abs(inner - outer) <= 2) return outer;
    await page.waitForTimeout(100);
  }
  assert.fail('the iframe never took its content height');
}

test('a blog post with two embeds: both render, run, fit their content and open in the playground', async () => {
  const url = writePost('post.html', fs.readFileSync('tests/e2e/blog/post.html', 'utf8'));
  const page = await env.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(url);
  const iframes = page.locator('iframe[data-memplay-frame]');
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-memplay-frame]').length === 2);

  // First embed: a preset; nothing runs until the reader presses Run.
  const first = await embedFrame(iframes.nth(0));
  assert.equal(await first.locator('[data-testid="share"]').count(), 0, 'no site chrome in an embed');
  assert.equal(await first.locator('[data-testid="settings"]').count(), 0);
  assert.match(await first.locator('[data-testid="embed-headline"]').innerText(), /^\S.* vs \S/);
  assert.equal(await first.evaluate(() => window.memplay.results()), null);
  const before = await fitted(page, iframes.nth(0), first);
  await first.locator('[data-testid="run"]').click();
  await first.waitForSelector('[data-testid="verdict"]', { timeout: RUN_TIMEOUT });
  await first.waitForSelector('[data-testid="stop"][disabled]', { timeout: RUN_TIMEOUT });
  assert.equal(await first.locator('[data-testid="verdict"]').getAttribute('data-winner'), 'b');
  const after = await fitted(page, iframes.nth(0), first);
  assert.ok(after > before, `the frame grew with its results: ${before} → ${after}`);
  await iframes.nth(0).screenshot({ path: `${ARTIFACTS}/embed-first.png` });

  // Second embed: two <pre> snippets with data-run; it runs once it is opened.
  const second = await embedFrame(iframes.nth(1));
  await second.waitForFunction(() => window.memplay.results() !== null, null, { timeout: RUN_TIMEOUT });
  const results = await second.evaluate(() => window.memplay.results());
  assert.equal(results.a.stdout, '1000000\n');
  assert.equal(results.b.stdout, '1000000\n');
  assert.match(await second.locator('[data-testid="embed-headline"]').innerText(), /^bytes vs bytearray$/);
  await fitted(page, iframes.nth(1), second);
  await screenshot(page, 'embed-blog');

  // Messages that are not the frame's own are ignored: wrong origin, wrong shape.
  const heights = () => iframes.evaluateAll((els) => els.map((e) => e.style.height));
  const sized = await heights();
  await page.evaluate(() => {
    window.postMessage({ type: 'memplay:height', height: 40 }, '*');
    window.postMessage('memplay:height', '*');
  });
  await page.waitForTimeout(200);
  assert.deepEqual(await heights(), sized);

  // "Open in playground" carries the embed's snippets to the full page.
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    second.locator('[data-testid="open-in-playground"]').click(),
  ]);
  const full = new Playground(popup, env.url);
  await full.testid('title-a').waitFor();
  assert.equal(await full.testid('title-a').inputValue(), 'bytes');
  assert.equal(await full.testid('title-b').inputValue(), 'bytearray');
  assert.match(await full.testid('editor-b').innerText(), /data = bytearray\(10\*\*6\)/);
  assert.equal(await popup.evaluate(() => document.querySelector('.app.embed')), null, 'the full page, not an embed');
  assert.deepEqual(page.errors, []);
});

test('embed code copied from the playground sizes itself in a post', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.choosePreset('keep-vs-del');
  await pg.testid('share-toggle').click();
  const code = await pg.testid('embed-code').inputValue();
  const url = writePost('pasted.html', `<!DOCTYPE html><html><body><h1>Pasted</h1>${code}</body></html>`);
  const reader = await env.newPage();
  await reader.goto(url);
  const iframe = reader.locator('iframe[data-memplay-frame]');
  const frame = await embedFrame(iframe);
  assert.match(await frame.locator('[data-testid="embed-headline"]').innerText(), /vs/);
  await fitted(reader, iframe, frame);
  // The embed never writes the reader's saved draft of the playground.
  assert.equal(await frame.evaluate(() => localStorage.getItem('memplay.draft.v1')), null);
});

/** Engine workers alive in the page's frames (the CPython check's are not counted). */
const engineWorkers = (page) => page.workers().filter((w) => /worker-boot/.test(w.url())).length;

/** The frame of the n-th embed, scrolled into view (no waiting for Python). */
async function frameOf(iframes, n) {
  await iframes.nth(n).scrollIntoViewIfNeeded();
  const frame = await (await iframes.nth(n).elementHandle()).contentFrame();
  await frame.waitForSelector('.app.embed [data-testid="run"]:not([disabled])');
  return frame;
}

const engines = (frame) => frame.evaluate(() => Number(document.querySelector('.app').dataset.engines));

/** Presses Run in a frame and waits for the comparison it brings (the page marks each). */
async function runIn(frame) {
  const before = await frame.evaluate(() => performance.getEntriesByName('memplay:result').length);
  await frame.locator('[data-testid="run"]').click();
  await frame.waitForFunction((n) => performance.getEntriesByName('memplay:result').length > n, before,
    { timeout: RUN_TIMEOUT });
}

test('a post with several embeds starts engines on demand and gives idle ones back', async () => {
  const prose = '<p>Prose, long enough to scroll past on any screen.</p>'.repeat(40);
  // The second embed's snippets are small, so its workers stay small enough to hand on.
  const presets = ['list-vs-generator', null, 'list-vs-tuple'];
  const small = '<pre data-title="list">xs = [0] * 1000</pre><pre data-title="tuple">xs = (0,) * 1000</pre>';
  const blocks = presets.map((id) => (id
    ? `${prose}<div data-memplay data-preset="${id}" data-idle="2"></div>`
    : `${prose}<div data-memplay data-idle="2">${small}</div>`)).join('');
  const url = writePost('many.html',
    `<!DOCTYPE html><html><body><h1>Many embeds</h1>${blocks}${prose}` +
    '<script src="{{PLAYGROUND}}embed.js" async></script></body></html>');
  const page = await env.newPage({ viewport: { width: 900, height: 700 } });
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(url);
  const iframes = page.locator('iframe[data-memplay-frame]');
  await page.waitForFunction((n) => document.querySelectorAll('iframe[data-memplay-frame]').length === n, presets.length);

  // Read the whole post: every embed opens, shows its snippets, and starts no Python.
  const frames = [];
  for (let i = 0; i < presets.length; i++) frames.push(await frameOf(iframes, i));
  await page.waitForTimeout(1000);
  for (const frame of frames) {
    assert.equal(await engines(frame), 0);
    assert.match(await frame.locator('[data-testid="engine-asleep"]').innerText(), /press Run/);
    assert.match(await frame.locator('[data-testid="editor-a"]').innerText(), /\S/);
  }
  assert.equal(engineWorkers(page), 0, 'no engine worker before Run');

  // Run in the second embed starts that one's two workers, and no other.
  await runIn(frames[1]);
  assert.deepEqual(await Promise.all(frames.map(engines)), [0, 2, 0]);
  assert.equal(engineWorkers(page), 2);
  const verdict = await frames[1].locator('[data-testid="verdict"]').innerText();

  // Run in the third: the second, now idle, gives its workers back and keeps its result;
  // the third takes those two over, warm, and starts none of its own.
  await iframes.nth(2).scrollIntoViewIfNeeded();
  const started = [];
  page.on('worker', (w) => { if (/worker-boot/.test(w.url())) started.push(w.url()); });
  await runIn(frames[2]);
  const winner = await frames[2].locator('[data-testid="verdict"]').getAttribute('data-winner');
  await frames[1].waitForFunction(() => document.querySelector('.app').dataset.engines === '0', null,
    { timeout: 10_000, polling: 100 });
  assert.equal(await frames[1].locator('[data-testid="verdict"]').innerText(), verdict, 'the result stays');
  assert.equal(await engines(frames[2]), 2);
  assert.deepEqual(started, [], 'the third embed took the second one\'s workers over');
  assert.equal(engineWorkers(page), 2);
  assert.equal(await frames[2].evaluate(() => performance.getEntriesByName('memplay:worker-adopted').length), 2);

  // The third, scrolled off screen and idle (data-idle: 2 s here), gives its workers back.
  await iframes.nth(0).scrollIntoViewIfNeeded();
  // (Polled on a timer: a frame off screen is throttled and draws no animation frames.)
  await frames[2].waitForFunction(() => document.querySelector('.app').dataset.engines === '0', null,
    { timeout: 15_000, polling: 100 });
  assert.ok(await frames[2].locator('[data-testid="verdict"]').isVisible(), 'its result stays');
  for (let i = 0; i < 50 && engineWorkers(page) > 0; i++) await page.waitForTimeout(100);
  assert.equal(engineWorkers(page), 0, 'every worker was terminated');

  // Back on screen, Run brings them back, from the compiled engine: nothing is downloaded
  // (one download of the engine for the whole post, counted below).
  await iframes.nth(2).scrollIntoViewIfNeeded();
  await runIn(frames[2]);
  assert.equal(await engines(frames[2]), 2);
  assert.equal(await frames[2].locator('[data-testid="verdict"]').getAttribute('data-winner'), winner);
  // One download of the engine for the whole post, and no chart's code: embeds draw none.
  const fetches = await Promise.all(frames.map((f) => f.evaluate(() => performance.getEntriesByName('memplay:engine-fetch').length)));
  assert.deepEqual(fetches.sort(), [0, 0, 1]);
  assert.equal(requested.filter((p) => p.endsWith('/charts-bundle.js')).length, 0);
  assert.deepEqual(page.errors, []);
});

test('workers taken over from an embed the post then removes are replaced at once', async () => {
  const prose = '<p>Prose between the embeds.</p>'.repeat(30);
  // The first embed's snippets are small, so its workers stay small enough to hand on.
  const small = '<pre data-title="list">xs = [0] * 1000</pre><pre data-title="tuple">xs = (0,) * 1000</pre>';
  const blocks = `${prose}<div data-memplay>${small}</div>${prose}<div data-memplay data-preset="keep-vs-del"></div>`;
  const url = writePost('removed.html',
    `<!DOCTYPE html><html><body><h1>Two embeds</h1>${blocks}${prose}` +
    '<script src="{{PLAYGROUND}}embed.js" async></script></body></html>');
  const page = await env.newPage({ viewport: { width: 900, height: 700 } });
  await page.goto(url);
  const iframes = page.locator('iframe[data-memplay-frame]');
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-memplay-frame]').length === 2);
  const first = await frameOf(iframes, 0);
  await runIn(first);
  const second = await frameOf(iframes, 1);
  await runIn(second);
  assert.equal(await second.evaluate(() => performance.getEntriesByName('memplay:worker-adopted').length), 2);
  const spawned = await second.evaluate(() => performance.getEntriesByName('memplay:worker-spawn').length);
  // The post takes the first embed out: the workers it started end with it.
  await page.evaluate(() => document.querySelector('iframe[data-memplay-frame]').remove());
  // The second embed hears of it and starts two of its own, without waiting for a run.
  await second.waitForFunction((n) => performance.getEntriesByName('memplay:worker-spawn').length === n + 2, spawned,
    { timeout: 10_000, polling: 100 });
  await runIn(second);
  assert.equal(await second.locator('[data-testid="verdict"]').getAttribute('data-winner'), 'b');
  assert.equal(engineWorkers(page), 2);
  assert.deepEqual(page.errors, []);
});
