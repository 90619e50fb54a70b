// Starts an engine worker. The page downloads and compiles the engine once and sends the
// compiled WebAssembly.Module here, so a fresh worker (after Stop, a limit or a crash)
// starts without downloading or compiling again. From then on the Rust side speaks the
// typed protocol (memplay_model::{ToWorker, FromWorker}).
import init from './worker.js';

// Start-up phases inside the worker (scripts/bench-load.mjs reads them): boot, then the
// engine marks `memplay:instantiated` and `memplay:warmed` itself.
performance.mark('memplay:boot');

// An engine that cannot start is reported as an uncaught error: the page hears it as the
// worker's `error` event, as it hears a crash (memplay_playground's lifecycle.rs decides what
// follows), so this script writes no message of the protocol's.
self.onmessage = async (event) => {
  self.onmessage = null;
  try {
    await init({ module_or_path: event.data.module });
  } catch (err) {
    reportError(new Error('the engine failed to start: ' + String(err && err.message || err)));
  }
};
