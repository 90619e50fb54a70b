// Errors are shown with their line highlighted in the editor; nothing else is lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('a syntax error highlights its line; an exception keeps the output before it', async () => {
  const pg = await env.openPlayground();
  const { page } = pg;
  await pg.type('a', 'x = 1\ny = 2\nif x\n');
  await pg.setCode('b', "print('before')\nd = {}\nd['missing']\n");
  await pg.clickRun();
  await pg.testid('error-a').waitFor({ timeout: 60_000 });
  await pg.idle();
  assert.match(await pg.testid('error-a').innerText(), /SyntaxError.*line 3/s);
  const said = (await pg.testid('error-a').locator(':scope > :not(details)').allInnerTexts()).join(' ')
    + (await pg.testid('error-a').evaluate((e) => [...e.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join('')));
  assert.equal((said.match(/line 3/g) || []).length, 1, `the line is named once: ${said}`);
  assert.equal(await pg.testid('error-a').getAttribute('data-line'), '3');
  const highlighted = pg.testid('editor-a').locator('.cm-error-line');
  assert.equal(await highlighted.count(), 1);
  assert.equal(await highlighted.getAttribute('data-error-line'), '3');
  assert.match(await highlighted.innerText(), /if x/);
  const b = pg.testid('error-b');
  assert.match(await b.innerText(), /KeyError.*'missing'.*line 3/s);
  assert.match(await pg.testid('console-b').innerText(), /before/);
  assert.equal(await pg.testid('editor-b').locator('.cm-error-line').getAttribute('data-error-line'), '3');
  assert.match(await pg.testid('verdict').innerText(), /Both failed/);
  await screenshot(page, 'syntax-error');
  // Editing the code clears the stale highlight.
  await pg.testid('editor-a').locator('.cm-content').click();
  await page.keyboard.press('End');
  await page.keyboard.type(':');
  assert.equal(await pg.testid('editor-a').locator('.cm-error-line').count(), 0);
  assert.deepEqual(page.errors, []);
});
