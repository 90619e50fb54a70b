// Drafts, titles, settings and the theme survive a reload.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';
import { Playground } from './playground.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('autosave brings the drafts back after a reload', async () => {
  const page = await env.newPage();
  const pg = new Playground(page, env.url);
  await pg.open();
  await pg.type('a', 'data = list(range(10))\n');
  await pg.testid('title-b').fill('my variant');
  await pg.testid('settings').locator('summary').click();
  await pg.testid('setting-memory').fill('64');
  await pg.testid('setting-memory').press('Tab');
  await pg.testid('setting-time').fill('500');
  await pg.testid('setting-time').press('Tab');
  assert.equal(await pg.testid('setting-time').inputValue(), '120', 'out-of-range limits are clamped');
  await pg.testid('theme-toggle').click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.reload();
  await pg.testid('run').waitFor();
  assert.match(await pg.testid('editor-a').innerText(), /data = list\(range\(10\)\)/);
  assert.equal(await pg.testid('title-b').inputValue(), 'my variant');
  assert.equal(await pg.testid('preset-select').inputValue(), '', 'edited code is no longer the preset');
  assert.equal(await pg.testid('setting-memory').inputValue(), '64');
  assert.equal(await pg.testid('setting-time').inputValue(), '120');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await pg.ready();
  await screenshot(page, 'autosave-dark');
  assert.deepEqual(page.errors, []);
});

test('dark mode follows the system until toggled', async () => {
  const page = await env.newPage({ colorScheme: 'dark' });
  const pg = new Playground(page, env.url);
  await pg.open();
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, 'rgb(18, 21, 27)');
  await pg.testid('theme-toggle').click(); // system → dark
  await pg.testid('theme-toggle').click(); // dark → light
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(247, 248, 250)');
});
