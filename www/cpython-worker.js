// The CPython check's worker: CPython compiled to WebAssembly (Pyodide, from npm, served
// from this page's own cpython/ folder) running memplay's driver (cpython_driver.py, the
// file the command line's --cpython runs). Started only when a reader asks for the check.
//
// In:  {type: "run", run_id, code, limits, warm_imports}
// Out: {type: "ready", engine: {name, version}}, {type: "done", run_id, report},
//      {type: "progress", run_id, figures: {peak_bytes, retained_bytes, wall_ms, stdout, stderr}}
//      (the figures so far and the output since the last one, kept if the run is ended),
//      {type: "failed", message}
import { loadPyodide } from './pyodide.mjs';

let runJson = null;

async function start() {
  const base = new URL('./', import.meta.url).href;
  const py = await loadPyodide({ indexURL: base, stdout: () => {}, stderr: () => {} });
  const driver = await (await fetch(new URL('cpython_driver.py', base))).text();
  const ns = py.globals.get('dict')();
  py.runPython(driver, { globals: ns });
  py.runPython(
    'import json\n' +
    'def run_json(code, limits, warm, progress):\n' +
    '    return json.dumps(check(code, json.loads(limits), warm, progress))\n',
    { globals: ns },
  );
  runJson = ns.get('run_json');
  const version = py.runPython('import platform; platform.python_version()');
  postMessage({ type: 'ready', engine: { name: 'CPython', version } });
}

onmessage = (event) => {
  const msg = event.data;
  if (!msg || msg.type !== 'run' || !runJson) return;
  const progress = (figures) => postMessage({ type: 'progress', run_id: msg.run_id, figures: JSON.parse(figures) });
  try {
    const report = JSON.parse(runJson(msg.code, JSON.stringify(msg.limits), msg.warm_imports !== false, progress));
    postMessage({ type: 'done', run_id: msg.run_id, report });
  } catch (e) {
    postMessage({ type: 'failed', message: String(e && e.message ? e.message : e) });
  }
};

start().catch((e) => postMessage({ type: 'failed', message: `CPython could not start: ${e && e.message ? e.message : e}` }));
