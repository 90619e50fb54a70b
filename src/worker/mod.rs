//! Inside a worker: takes `ToWorker::Run` messages, runs each snippet in a fresh
//! interpreter under the counting allocator and posts what happens as `FromWorker`s.
//! A run blocks the worker; the page stops one by terminating the worker.

use core::cell::Cell;

use memplay_engine::{EventHost, engine_info, heap_live};
use memplay_model::{EngineEvent, FromWorker, RunOptions, ToWorker, WorkerHeap};
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::convert;

mod stdlib_fetch;

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: &FromWorker) {
    let _ = scope().post_message(&convert::to_js(message));
}

pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        post(&FromWorker::Failed { message: format!("the engine panicked: {info}") });
    }));
    memplay_engine::set_stdlib_fetch(stdlib_fetch::fetch);
    mark("memplay:instantiated");
    // The first interpreter on a thread fills RustPython's caches; doing it now makes the
    // first snippet as fast (and as measured) as every later one.
    memplay_engine::warm_up(&mut EventHost::new(now_ms, |_| {}));
    mark("memplay:warmed");
    let onmessage = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        match convert::from_js::<ToWorker>(event.data()) {
            Ok(ToWorker::Run { run_id, code, options }) => run(run_id, &code, &options),
            Err(e) => {
                post(&FromWorker::Failed { message: format!("the page sent a message the worker cannot read: {e}") })
            }
        }
    });
    scope().set_onmessage(Some(onmessage.as_ref().unchecked_ref()));
    onmessage.forget();
    post(&FromWorker::Ready { engine: engine_info() });
    post_heap();
}

thread_local! {
    static RUNS: Cell<u32> = const { Cell::new(0) };
}

/// The worker's own memory now that no snippet is running (see `FromWorker::Idle`).
fn post_heap() {
    let memory_bytes = (core::arch::wasm32::memory_size::<0>() as u64) << 16;
    let heap = WorkerHeap { live_bytes: heap_live(), memory_bytes, runs: RUNS.get() };
    post(&FromWorker::Idle { heap });
}

/// A start-up phase on the worker's performance timeline (scripts/bench-load.mjs).
fn mark(name: &str) {
    if let Some(p) = scope().performance() {
        let _ = p.mark(name);
    }
}

fn now_ms() -> f64 {
    scope().performance().map(|p| p.now()).unwrap_or_default()
}

fn run(run_id: u32, code: &str, options: &RunOptions) {
    let mut host = EventHost::new(now_ms, |event: EngineEvent| {
        let time_up = event.is_time_limit();
        post(&FromWorker::Run { run_id, event });
        if time_up {
            // Unwinds out of the interpreter at once; the page replaces this worker.
            wasm_bindgen::throw_str("memplay: time limit exceeded");
        }
    });
    // The page has the result while the worker tears the interpreter down.
    memplay_engine::run_delivering(code, options, &mut host, |report| {
        post(&FromWorker::Run { run_id, event: EngineEvent::done(report) })
    });
    RUNS.set(RUNS.get() + 1);
    post_heap();
}
