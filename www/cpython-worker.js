// The CPython check's worker: CPython compiled to WebAssembly (Pyodide, from npm, served
// from this page's own cpython/ folder) running memplay's driver (cpython_driver.py, the
// script the command line's --cpython runs, joined from crates/model/py/cpython/).
// Started only when a reader asks for the check, and for one snippet: the page replaces it
// after its report.
//
// In:  {type: "run", run_id, request} (memplay_model::CheckRequest)
// Out: {key, message}, message one of (memplay_model::FromCpython)
//      {type: "ready", engine: {name, version}}, {type: "done", run_id, report},
//      {type: "progress", run_id, figures: {peak_bytes, retained_bytes, wall_ms, stdout, stderr}}
//      (the figures so far and the output since the last one, kept if the run is ended),
//      {type: "failed", message}
//
// The figures a verdict rests on (peak, retained, time) are read here, from CPython's
// C-level state, never taken from Python: see measure.js.
//
// Closed as memplay's engine is. Pyodide lets Python reach JavaScript (`import js`, and
// any JavaScript object it can find), so the closing is done here, in JavaScript, before
// any snippet runs, and does not depend on what Python can find:
// - everything on the worker's global object (and its prototypes) that is not in KEEP is
//   removed: fetch, XMLHttpRequest, WebSocket, EventSource, Worker, importScripts,
//   indexedDB, caches, BroadcastChannel, FontFace, postMessage… KEEP holds ECMAScript's
//   own objects, which do no I/O, and the few web APIs Pyodide needs while it runs;
//   `navigator` becomes a plain object with what Emscripten reads of it;
// - code from strings is gone: `eval` and the Function constructors (reachable from any
//   function's `constructor`) are stand-ins that throw, and timers take only functions,
//   so no `import()` can be written;
// - what is left is checked (MUST_BE_GONE): if anything that leads out remains, the check
//   refuses to start;
// - the page's end of the channel: this module's `post` and `key` live in module scope,
//   which Python cannot name; every message goes out sealed with the key, and the page
//   takes only messages sealed with the key of the worker's first message.
// Pyodide fetches its own files while it loads, before any of this; the driver's Python
// half then removes `js`, `pyodide` and the other refused modules from sys.modules and
// sys.meta_path, so a snippet gets the engine's ModuleNotFoundError.
import { loadPyodide } from './pyodide.mjs';
import { takeTracemalloc } from './measure.js';

const post = self.postMessage.bind(self);
const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
const send = (message) => post({ key, message });
const listen = self.addEventListener.bind(self);
// Kept in module scope, which Python cannot name, for memplay's sample files only (see
// putSamples): `fetch` itself is gone from the global object before any snippet runs.
const fetchFile = self.fetch.bind(self);

const KEEP = new Set([
  // ECMAScript's own
  'globalThis', 'Object', 'Array', 'Number', 'Boolean', 'String', 'Symbol', 'BigInt', 'Date', 'Promise',
  'RegExp', 'Error', 'AggregateError', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError',
  'URIError', 'SuppressedError', 'JSON', 'Math', 'Intl', 'Reflect', 'Proxy', 'Map', 'Set', 'WeakMap', 'WeakSet',
  'WeakRef', 'FinalizationRegistry', 'ArrayBuffer', 'SharedArrayBuffer', 'DataView', 'Atomics', 'Iterator',
  'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array',
  'Float16Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array', 'DisposableStack',
  'AsyncDisposableStack', 'parseInt', 'parseFloat', 'isNaN', 'isFinite', 'encodeURI', 'encodeURIComponent',
  'decodeURI', 'decodeURIComponent', 'escape', 'unescape', 'NaN', 'Infinity', 'undefined', 'WebAssembly',
  // the web APIs Pyodide uses while running: text, clocks, randomness, timers, errors
  'self', 'location', 'console', 'performance', 'crypto', 'TextEncoder', 'TextDecoder', 'setTimeout',
  'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'structuredClone', 'atob', 'btoa',
  'DOMException', 'URL',
]);
const MUST_BE_GONE = [
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'importScripts',
  'Worker', 'SharedWorker', 'indexedDB', 'caches', 'BroadcastChannel', 'postMessage', 'FontFace', 'fonts',
  'Notification', 'RTCPeerConnection', 'Request', 'Response', 'webkitRequestFileSystem',
  'webkitRequestFileSystemSync', 'MessageChannel',
];

// Stands in for `Function` and `eval`: Pyodide asks `x instanceof Function`, so the name
// stays, with Function's prototype, but it makes no code.
function NoCode() {
  throw new EvalError('the playground runs no code from strings');
}

function closeTheWorld() {
  const { hardwareConcurrency, userAgent, language } = self.navigator;
  NoCode.prototype = Function.prototype;
  for (const fn of [function () {}, async function () {}, function* () {}, async function* () {}]) {
    Object.defineProperty(Object.getPrototypeOf(fn), 'constructor', { value: NoCode });
  }
  const [timeout, interval] = [setTimeout, setInterval];
  const fnOnly = (timer) => (f, ...rest) => (typeof f === 'function' ? timer(f, ...rest) : 0);
  for (let o = globalThis; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (KEEP.has(name)) continue;
      try {
        delete o[name];
      } catch { /* checked below */ }
    }
  }
  globalThis.setTimeout = fnOnly(timeout);
  globalThis.setInterval = fnOnly(interval);
  globalThis.Function = NoCode;
  globalThis.eval = NoCode;
  Object.defineProperty(globalThis, 'navigator', {
    value: Object.freeze({ hardwareConcurrency, userAgent, language }),
  });
  const left = MUST_BE_GONE.filter((name) => name in globalThis);
  const makesCode = (make) => {
    try {
      make('return 1');
      return true;
    } catch {
      return false;
    }
  };
  const fromStrings = [
    (c) => Function(c), (c) => eval(c), (c) => (() => {}).constructor(c), (c) => (async () => {}).constructor(c),
    (c) => function* () {}.constructor(c), (c) => async function* () {}.constructor(c),
  ].filter(makesCode);
  if (left.length || fromStrings.length) {
    throw new Error(`the sandbox could not be closed (${left.join(', ')}${fromStrings.length ? ' code from strings' : ''})`);
  }
}

// The memory limit, where tracemalloc cannot see it coming (bytes the collector never
// visits): the heap may not grow past where it was at the run's start plus the limit.
const grow = WebAssembly.Memory.prototype.grow;
let heapCap = Infinity;
WebAssembly.Memory.prototype.grow = function (pages) {
  if (this.buffer.byteLength + pages * 65536 > heapCap) throw new RangeError('memory limit');
  return grow.call(this, pages);
};

let runJson = null;
let heapBytes = () => 0;
let ran = false;
let meter = null;
let pyodideFs = null;
let base = null;

// memplay's sample files, where the request says (memplay_model::SampleFiles): made by
// memplay's build (`memplay-samples`) into this folder's data/, and sent only for a snippet
// that names that folder. The driver copies them into the run's data/.
async function putSamples(samples) {
  if (!samples) return;
  pyodideFs.mkdirTree(samples.dir);
  for (const name of samples.files) {
    const response = await fetchFile(new URL(`data/${name}`, base));
    if (!response.ok) throw new Error(`could not load the sample file ${name} (${response.status})`);
    pyodideFs.writeFile(`${samples.dir}/${name}`, new Uint8Array(await response.arrayBuffer()));
  }
}

async function start() {
  base = new URL('./', import.meta.url).href;
  const py = await loadPyodide({ indexURL: base, stdout: () => {}, stderr: () => {} });
  const driver = await (await fetch(new URL('cpython_driver.py', base))).text();
  const ns = py.globals.get('dict')();
  py.runPython(driver, { globals: ns });
  py.runPython(
    'import json\n' +
    'def run_json(request, progress):\n' +
    '    return json.dumps(check(json.loads(request), progress))\n',
    { globals: ns },
  );
  runJson = ns.get('run_json');
  const version = py.runPython('import platform; platform.python_version()');
  const module = py._module;
  heapBytes = () => module.HEAPU8.length;
  pyodideFs = py.FS;
  // Before any snippet: tracemalloc's C entry points, held here where Python cannot reach.
  meter = takeTracemalloc(py);
  closeTheWorld();
  send({ type: 'ready', engine: { name: 'CPython', version } });
}

listen('message', async (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'run' || !runJson || ran) return;
  ran = true;
  const runId = msg.run_id;
  try {
    await putSamples(msg.request.samples);
  } catch (e) {
    send({ type: 'failed', message: String(e && e.message ? e.message : e) });
    return;
  }
  // The room for CPython's own arenas comes with the request (MEMORY_MARGIN_BYTES).
  heapCap = heapBytes() + Number(msg.request.limits.memory_bytes) + Number(msg.request.memory_margin);
  const run = meter.run(
    (figures) => send({ type: 'progress', run_id: runId, figures }),
    (message) => send({ type: 'failed', message }),
  );
  try {
    const report = run.settle(JSON.parse(runJson(JSON.stringify(msg.request), run.hook)));
    send({ type: 'done', run_id: runId, report });
  } catch (e) {
    send({ type: 'failed', message: String(e && e.message ? e.message : e) });
  }
});

start().catch((e) => send({ type: 'failed', message: `CPython could not start: ${e && e.message ? e.message : e}` }));
