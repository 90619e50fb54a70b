// Recursion probe (not a test): runs 24 kinds of deep recursion in the production build in
// headless Chromium and prints how each ended: a RecursionError from RustPython's own stack
// check ("the native stack is nearly full" / "while getting the repr…"), one reported after
// the browser's stack ran out, or anything else. With the test-hook build
// (MEMPLAY_TEST_HOOKS=1 scripts/build-web.sh) `--stack` also prints the worker's shadow
// stack used per level of four kinds (`_memplay_test.stack_pointer()`).
//   node scripts/probe-recursion.mjs [--stack]
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';
const server = await startServer({ dir: 'dist' });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.goto(server.url);
await page.evaluate(() => window.memplay.ready());

/** Runs `code` in pane A (B does nothing) once Python is ready; returns A's report. */
async function runInA(code) {
  await page.waitForSelector('[data-testid="run"]:not([disabled])', { timeout: 60000 });
  const c = await page.evaluate(([a]) => {
    window.memplay.setCode('a', a);
    window.memplay.setCode('b', 'pass\n');
    return window.memplay.run();
  }, [code]);
  return c.a;
}

const N = 100000;
const build = `x = []\nfor _ in range(${N}):\n    x = [x]\n`;
const kinds = {
  repr_list: build + 'r = repr(x)\n',
  eq_list: build + `y = []\nfor _ in range(${N}):\n    y = [y]\nprint(x == y)\n`,
  hash_tuple: `t = ()\nfor _ in range(${N}):\n    t = (t,)\nprint(hash(t))\n`,
  json: 'import json\n' + build + 'json.dumps(x)\n',
  pickle: 'import pickle\n' + build + 'pickle.dumps(x)\n',
  deepcopy: 'import copy\n' + build + 'copy.deepcopy(x)\n',
  dict_repr: `d = {}\nfor _ in range(${N}):\n    d = {'k': d}\nstr(d)\n`,
  del_nested: build + 'del x\nprint("freed")\n',
  eval_nested: "eval('(' * 5000 + ')' * 5000)\n",
  compile_deep: "eval('-' * 100000 + '1')\n",
  repr_R: "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n",
  sorted_key: 'def key(x):\n    return sorted([x, x], key=key)\n\nsorted([1, 2], key=key)\n',
  getattr_R: "class G:\n    def __getattr__(s, n):\n        return getattr(s, n)\nG().x\n",
  add_R: "class A:\n    def __add__(s, o):\n        return s + o\nA() + 1\n",
  init_R: "class I:\n    def __init__(s):\n        I()\nI()\n",
  gen_R: "def g():\n    yield from g()\nlist(g())\n",
  str_fmt: "class F:\n    def __format__(s, spec):\n        return format(s, spec)\nformat(F(), '')\n",
  iter_R: "class It:\n    def __iter__(s):\n        return iter(s)\niter(It())\n",
  hash_R: "class H:\n    def __hash__(s):\n        return hash(s)\nhash(H())\n",
  eq_R: "class E:\n    def __eq__(s, o):\n        return s == o\nE() == 1\n",
  prop_R: "class P:\n    @property\n    def p(s):\n        return s.p\nP().p\n",
  getitem_R: "class Gi:\n    def __getitem__(s, i):\n        return s[i]\nGi()[0]\n",
  map_R: "def f(x):\n    return list(map(f, [x]))\nf(1)\n",
  meta_call: "class M(type):\n    def __call__(c, *a):\n        return c()\nclass C(metaclass=M): pass\nC()\n",
};
for (const [name, code] of Object.entries(kinds)) {
  const a = await runInA(code);
  console.log(name.padEnd(14), a.error ? `${a.error.type}: ${a.error.message.slice(0, 90)}` : 'ok ' + a.stdout.trim().slice(0, 40));
}
if (process.argv.includes('--stack')) {
  const pre = 'import sys, _memplay_test as T\nsys.setrecursionlimit(100000)\nsp = []\n';
  const levels = {
    call: 'def f(n):\n    sp.append(T.stack_pointer())\n    return 0 if n == 0 else 1 + f(n - 1)\nf(50)\n',
    repr: "class R:\n    def __init__(s, n): s.n = n\n    def __repr__(s):\n        sp.append(T.stack_pointer())\n        return 'x' if s.n == 0 else repr(R(s.n - 1))\nrepr(R(50))\n",
    sorted: 'def k(x):\n    sp.append(T.stack_pointer())\n    return 0 if x <= 0 else sorted([x - 1], key=k)[0]\nk(50)\n',
    getattr: "class G:\n    def __getattr__(s, name):\n        sp.append(T.stack_pointer())\n        return 0 if len(sp) > 50 else getattr(s, name)\nG().x\n",
  };
  for (const [name, body] of Object.entries(levels)) {
    const a = await runInA(pre + body + "print(f'{(sp[0] - sp[-1]) / (len(sp) - 1):.0f} B per level')\n");
    console.log('stack', name.padEnd(8), a.error ? `${a.error.type}: ${a.error.message}` : a.stdout.trim());
  }
}
await browser.close();
await server.close();
