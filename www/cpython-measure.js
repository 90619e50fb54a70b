// The CPython check's figures, read outside Python's reach. A snippet can rebind every
// name Python sees (`tracemalloc.get_traced_memory`, the driver's globals) and call every
// function it finds (the hook this worker hands the driver), so nothing Python computes
// decides a verdict. Instead:
// - before any snippet runs, this file takes tracemalloc's own C entry points
//   (`_tracemalloc.get_traced_memory`, `is_tracing`, `_get_object_traceback`) as references
//   only JavaScript holds: the functions themselves are CPython's C code, which Python
//   cannot change;
// - it makes the C entry points that would lower the figures harmless for the rest of the
//   worker's life (`reset_peak`, `clear_traces`): their method table entry is pointed at
//   `is_tracing`'s, so every function object made from it, found or re-imported, resets
//   nothing. The patch checks what it patches (the name, the flags, the function CPython
//   itself reports) and refuses to start the check if the layout is not the expected one;
// - the driver's hook only says when: 'start', 'read' (with the snippet's output, which is
//   the snippet's own) and 'end', in that order, each start and end once. Anything else is
//   the snippet calling it;
// - what `stop` would do is seen: tracing must still be on, and a canary block traced at
//   the start must still be traced, at every read and at the end;
// - a snippet that interferes gets "the snippet interfered with the measurement", never
//   the figures it made.

const METHOD_DEF_OFFSET = 8; // PyCFunctionObject.m_ml, after the object header (wasm32)
const INTERFERED = 'the snippet interfered with the measurement';

function cString(module, ptr) {
  const heap = module.HEAPU8;
  let end = ptr;
  while (heap[end] !== 0 && end - ptr < 64) end += 1;
  return new TextDecoder().decode(heap.subarray(ptr, end));
}

// The method definition behind a builtin function object: {at, name, meth, flags}.
function methodDef(module, fn) {
  const object = module.PyProxy_getPtr(fn);
  const at = module.HEAPU32[(object + METHOD_DEF_OFFSET) >>> 2];
  const [namePtr, meth, flags] = [0, 1, 2].map((i) => module.HEAPU32[(at >>> 2) + i]);
  return { at, name: cString(module, namePtr), meth, flags, reported: module._PyCFunction_GetFunction(object) };
}

function disarm(module, tm, names) {
  const safe = methodDef(module, tm.is_tracing);
  if (safe.name !== 'is_tracing' || safe.meth !== safe.reported) {
    throw new Error('the check could not hold tracemalloc (unexpected layout)');
  }
  for (const name of names) {
    const def = methodDef(module, tm[name]);
    if (def.name !== name || def.meth !== def.reported || def.flags !== safe.flags) {
      throw new Error(`the check could not hold tracemalloc.${name} (unexpected layout)`);
    }
    module.HEAPU32[(def.at >>> 2) + 1] = safe.meth;
  }
}

// Takes tracemalloc's C entry points; returns {run(onProgress, onInterfered)}.
export function takeTracemalloc(py) {
  const module = py._module;
  const tm = py.pyimport('_tracemalloc');
  const traced = tm.get_traced_memory;
  const isTracing = tm.is_tracing;
  const traceOf = tm._get_object_traceback;
  const makeCanary = py.pyimport('builtins').bytearray;
  disarm(module, tm, ['reset_peak', 'clear_traces']);
  const read = () => {
    const tuple = traced();
    const [current, peak] = tuple.toJs().map(Number);
    tuple.destroy();
    return [current, peak];
  };
  const stillTraced = (canary) => {
    const tb = traceOf(canary);
    if (tb === undefined || tb === null) return false;
    if (typeof tb.destroy === 'function') tb.destroy();
    return true;
  };

  // One snippet's measurement: `hook` for the driver, `settle(report)` after it returns.
  function run(onProgress, onInterfered) {
    let phase = 'ready';
    let why = null;
    let canary = null;
    let base = 0;
    let current = 0;
    let top = 0;
    let lastPeak = 0;
    let started = 0;
    let wall = 0;
    let nextPost = 0;
    const pending = { stdout: '', stderr: '' };

    const interfere = (reason) => {
      if (why) return;
      why = reason;
      onInterfered(`${INTERFERED}: ${reason}`);
    };
    const look = () => {
      if (why) return;
      if (!isTracing()) return interfere('it stopped tracemalloc');
      if (!stillTraced(canary)) return interfere('it stopped tracemalloc or cleared its traces');
      const [now, peak] = read();
      if (peak < lastPeak) return interfere("it reset tracemalloc's peak");
      lastPeak = peak;
      current = now;
      top = Math.max(top, peak);
    };
    const figures = () => ({
      peak_bytes: Math.max(top - base, 0),
      retained_bytes: current - base,
      wall_ms: phase === 'ended' ? wall : performance.now() - started,
    });
    const post = (force) => {
      const now = performance.now();
      if (why || (!force && now < nextPost)) return;
      nextPost = now + 100;
      onProgress({ ...figures(), stdout: pending.stdout, stderr: pending.stderr });
      pending.stdout = '';
      pending.stderr = '';
    };

    const hook = (event, stdout, stderr) => {
      if (typeof stdout === 'string') pending.stdout += stdout;
      if (typeof stderr === 'string') pending.stderr += stderr;
      if (event === 'start' && phase === 'ready') {
        phase = 'running';
        canary = makeCanary(64);
        [current, lastPeak] = read();
        base = top = current;
        started = performance.now();
        post(true);
      } else if (event === 'read' && phase === 'running') {
        look();
        post(false);
      } else if (event === 'end' && phase === 'running') {
        wall = performance.now() - started;
        look();
        phase = 'ended';
      } else if (!(event === 'read' && phase === 'ended')) {
        interfere("it called the check's own hook out of turn");
      }
    };

    const settle = (report) => {
      if (canary) canary.destroy();
      if (phase === 'ready') return report; // the snippet never started (a syntax error)
      if (phase === 'running') interfere('the run never ended');
      Object.assign(report, figures());
      if (why) {
        report.error = { type: 'MeasurementInterfered', message: `${INTERFERED}: ${why}`, line: null, traceback: '' };
        delete report.at_peak;
      }
      return report;
    };
    return { hook, settle };
  }
  return { run };
}
