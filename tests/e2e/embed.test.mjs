// Embeds in a blog: a post on another origin includes embed.js once; two marked-up blocks
// become live comparisons that run, size themselves, and open in the full playground.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setUp, screenshot, ARTIFACTS } from './harness.mjs';
import { startServer } from '../../scripts/static-server.mjs';
import { Playground, READY_TIMEOUT, RUN_TIMEOUT } from './playground.mjs';

let env;
let blog;
let blogDir;
before(async () => {
  env = await setUp();
  blogDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memplay-blog-'));
  blog = await startServer({ dir: blogDir, live: true });
  assert.notEqual(new URL(blog.url).origin, new URL(env.url).origin, 'the blog is on another origin');
});
after(async () => {
  await blog.close();
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
