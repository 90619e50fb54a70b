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
  const highlighted = pg.errorLine('a');
  assert.equal(await highlighted.count(), 1);
  assert.equal(await highlighted.getAttribute('data-error-line'), '3');
  assert.match(await highlighted.innerText(), /if x/);
  const b = pg.testid('error-b');
  assert.match(await b.innerText(), /KeyError.*'missing'.*line 3/s);
  assert.match(await pg.testid('console-b').innerText(), /before/);
  assert.equal(await pg.errorLine('b').getAttribute('data-error-line'), '3');
  assert.match(await pg.testid('verdict').innerText(), /Both failed/);
  // A never ran: its figures are not zeros but unknown, and so is B against it. B ran up to
  // its exception and keeps what it measured.
  const peak = await pg.testid('row-peak').locator('td').allInnerTexts();
  assert.equal(peak[0], '–');
  assert.match(peak[1], /\d/);
  assert.equal(peak[2], '–');
  assert.equal(await pg.testid('figure-a-peak').innerText().then((t) => t.includes('–')), true);
  await screenshot(page, 'syntax-error');
  // Editing the code clears the stale highlight.
  await pg.focusEditor('a');
  await page.keyboard.press('End');
  await page.keyboard.type(':');
  assert.equal(await pg.errorLine('a').count(), 0);
  assert.deepEqual(page.errors, []);
});

test('a title follows the code; a close call says so and offers the CPython check', async () => {
  const pg = await env.openPlayground();
  await pg.choosePreset('list-vs-generator');
  assert.equal(await pg.testid('title-a').inputValue(), 'list comprehension');
  // The reader replaces both snippets with their own: two classes, one with __slots__.
  await pg.setCode('a', 'class P:\n    def __init__(self):\n        self.x = 1\n\nps = [P() for _ in range(20_000)]\n');
  await pg.setCode('b', 'class P:\n    __slots__ = ("x",)\n    def __init__(self):\n        self.x = 1\n\nps = [P() for _ in range(20_000)]\n');
  assert.equal(await pg.testid('title-a').inputValue(), 'A');
  assert.equal(await pg.testid('title-b').inputValue(), 'B');
  await pg.page.evaluate(() => window.memplay.run());
  await pg.idle();
  const head = await pg.testid('comparison-table').locator('thead').innerText();
  assert.ok(!/comprehension|generator/.test(head), head);
  // Two snippets whose peaks are within 1.5×: a close call.
  const close = await pg.compare('xs = [0] * 100_000\n', 'xs = [0] * 80_000\n');
  assert.equal(close.close_call, true);
  await pg.idle();
  assert.match(await pg.testid('close-call').innerText(), /may not carry over to CPython/);
  assert.equal(await pg.testid('close-call-check').isEnabled(), true);
  // Far apart: no flag.
  assert.equal((await pg.compare('xs = [0] * 100_000\n', 'xs = [0] * 1_000\n')).close_call, false);
  await pg.idle();
  assert.equal(await pg.testid('close-call').count(), 0);
  assert.deepEqual(pg.page.errors, []);
});
