// Deep recursion, output floods and exceptions from odd places: each ends as Python would
// say it, in the page, and the worker takes the next run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, screenshot } from './harness.mjs';

let env;
before(async () => { env = await setUp(); });
after(async () => { await env.stop(); });

test('recursion, direct, mutual, through repr and sorted, or in nested data, is a RecursionError', async () => {
  const pg = await env.openPlayground();
  const pairs = [
    ['def down(n):\n    return down(n + 1)\n\ndown(0)\n', 'def a(n):\n    return b(n)\n\ndef b(n):\n    return a(n)\n\na(0)\n'],
    [
      'class R:\n    def __repr__(self):\n        return repr(self)\n\nrepr(R())\n',
      'def key(x):\n    return sorted([x, x], key=key)\n\nsorted([1, 2], key=key)\n',
    ],
  ];
  for (const [a, b] of pairs) {
    await pg.ready();
    const c = await pg.compare(a, b);
    for (const side of ['a', 'b']) {
      const e = c[side].error;
      assert.equal(e?.type, 'RecursionError', `${side}: ${JSON.stringify(e)}`);
      assert.match(e.message, /maximum recursion depth exceeded/);
      assert.ok(e.line > 0, 'points at a snippet line');
    }
    assert.match(await pg.testid('error-b').innerText(), /RecursionError/);
  }
  // Nesting that recurses in native code (the repr of a list, json of a dict, nested
  // 100 000 deep) is a RecursionError too, and the pane's worker goes on or is replaced.
  await pg.ready();
  const nested = await pg.compare(
    'x = []\nfor _ in range(100_000):\n    x = [x]\nprint(len(repr(x)))\n',
    "import json\nd = {}\nfor _ in range(100_000):\n    d = {'k': d}\nprint(len(json.dumps(d)))\n",
  );
  for (const side of ['a', 'b']) {
    assert.equal(nested[side].error?.type, 'RecursionError', `${side}: ${JSON.stringify(nested[side].error)}`);
    assert.match(nested[side].error.message, /maximum recursion depth exceeded/);
  }
  await screenshot(pg.page, 'odd-recursion');
  await pg.ready();
  // The same workers go on: recursion well within the limit works.
  const c = await pg.compare(
    'def depth(n):\n    return 0 if n == 0 else 1 + depth(n - 1)\n\nprint(depth(200))\n',
    'import sys\nprint(sys.getrecursionlimit() > 200)\n',
  );
  assert.equal(c.a.stdout, '200\n');
  assert.equal(c.b.stdout, 'True\n');
  assert.deepEqual(pg.page.errors, []);
});

test('an output flood is cut at the output limit and the console stays usable', async () => {
  const pg = await env.openPlayground();
  const c = await pg.compare("print('x' * 10**7)\nprint('after')\n", 'for i in range(1_000_000):\n    print(i)\n');
  for (const side of ['a', 'b']) {
    assert.equal(c[side].error, null, side);
    assert.equal(c[side].truncated.output, true, side);
    assert.ok(c[side].stdout.length <= 2 ** 20, `${side} keeps at most the output limit`);
    const console = pg.testid(`console-${side}`);
    assert.match(await pg.testid(`output-cut-${side}`).innerText(), /output truncated at 1\.0 MiB/);
    // The console scrolls instead of stretching the page.
    const box = await console.evaluate((el) => ({ scroll: el.scrollHeight, client: el.clientHeight }));
    assert.ok(box.scroll > box.client && box.client < 1000, JSON.stringify(box));
  }
  assert.match(c.b.stdout, /^0\n1\n2\n/);
  // Typing and running again are prompt after the flood.
  await pg.type('a', "print('calm')");
  assert.equal(await pg.code('a'), "print('calm')");
  await pg.setCode('b', 'pass\n');
  const next = await pg.page.evaluate(() => window.memplay.run());
  assert.equal(next.a.stdout, 'calm\n');
  assert.equal((await pg.testid('console-a').innerText()).trimEnd(), 'calm');
  await screenshot(pg.page, 'odd-flood');
  assert.deepEqual(pg.page.errors, []);
});

test('exceptions from odd places: __del__, a generator\'s finally, SystemExit, KeyboardInterrupt, os._exit', async () => {
  const pg = await env.openPlayground();
  const del = "class D:\n    def __del__(self):\n        raise ValueError('from __del__')\n\nd = D()\ndel d\nprint('after del')\n";
  const fin = "def g():\n    try:\n        yield 1\n    finally:\n        raise RuntimeError('in finally')\n\nit = g()\nnext(it)\nit.close()\n";
  let c = await pg.compare(del, fin);
  assert.equal(c.a.error, null, 'an exception in __del__ is reported, not raised');
  assert.match(c.a.stdout, /after del/);
  assert.match(c.a.stderr, /ValueError: from __del__/);
  assert.equal(c.b.error.type, 'RuntimeError');
  assert.equal(c.b.error.message, 'in finally');
  assert.equal(c.b.error.line, 5);

  await pg.ready();
  c = await pg.compare("print('a')\nraise SystemExit('bye')\n", "print('b')\nraise KeyboardInterrupt\n");
  assert.equal(c.a.error.type, 'SystemExit');
  assert.equal(c.a.error.message, 'bye');
  assert.equal(c.a.stdout, 'a\n');
  assert.equal(c.b.error.type, 'KeyboardInterrupt');
  assert.equal(c.b.stdout, 'b\n');

  await pg.ready();
  c = await pg.compare("import os\nprint('before')\nos._exit(1)\nprint('never')\n", 'import sys\nsys.exit(0)\n');
  assert.equal(c.a.error.type, 'SystemExit');
  assert.equal(c.a.stdout, 'before\n');
  assert.equal(c.b.error, null, 'sys.exit(0) is a normal end');
  assert.match(await pg.testid('error-a').innerText(), /SystemExit/);
  await screenshot(pg.page, 'odd-exceptions');
  assert.deepEqual(pg.page.errors, []);
});

test('text beyond ASCII runs, and names a missing codec or a Unicode character as CPython would', async () => {
  const pg = await env.openPlayground();
  // Non-ASCII in strings, comments and names once panicked the page's size scanner.
  const c = await pg.compare(
    "café = 'crème brûlée, 漢字 500' * 3  # naïve 10\nprint(len(café), '\\N{black star}', '\\N{LATIN CAPITAL LETTER GHA}')\n",
    "text = '漢字' * 1000\ndata = text.encode('gbk')\n",
  );
  assert.equal(c.a.error, null, JSON.stringify(c.a.error));
  assert.equal(c.a.stdout, '60 ★ Ƣ\n');
  assert.equal(c.b.error?.type, 'LookupError');
  assert.match(c.b.error.message, /unknown encoding: gbk \(the playground has no CJK codecs/);
  assert.match(await pg.testid('error-b').innerText(), /no CJK codecs/);
  await screenshot(pg.page, 'odd-beyond-ascii');
  assert.deepEqual(pg.page.errors, []);
});
