//! The CPython check's two workers (www/cpython-worker.js: Pyodide and memplay's driver),
//! started only when the reducer asks; a busy one is terminated, never asked to stop.

use memplay_model::{FromCpython, Side, ToCpython};
use memplay_playground::Action;
use wasm_bindgen::{JsCast, closure::Closure};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::convert;

/// Served from dist/cpython/ beside Pyodide's files (scripts/build-web.sh).
const SCRIPT: &str = "./cpython/worker.js";

struct Slot {
    worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

pub struct CpythonWorkers {
    slots: [Option<Slot>; 2],
    actions: Callback<Action>,
}

impl CpythonWorkers {
    pub fn new(actions: Callback<Action>) -> Self {
        Self { slots: [None, None], actions }
    }

    pub fn start(&mut self, side: Side) {
        self.slots[side.index()] = None;
        match self.spawn(side) {
            Ok(slot) => self.slots[side.index()] = Some(slot),
            Err(e) => self.actions.emit(Action::CpythonCrashed(side, convert::error_text(&e))),
        }
    }

    pub fn stop(&mut self, side: Side) {
        self.slots[side.index()] = None;
    }

    pub fn post(&self, side: Side, message: &ToCpython) {
        if let Some(slot) = &self.slots[side.index()]
            && let Err(e) = slot.worker.post_message(&convert::to_js(message))
        {
            self.actions.emit(Action::CpythonCrashed(side, convert::error_text(&e)));
        }
    }

    fn spawn(&self, side: Side) -> Result<Slot, wasm_bindgen::JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(SCRIPT, &options)?;
        let actions = self.actions.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            actions.emit(match convert::from_js::<FromCpython>(event.data()) {
                Ok(message) => Action::Cpython(side, message),
                Err(e) => Action::CpythonCrashed(side, format!("unreadable message from CPython's worker: {e}")),
            });
        });
        let actions = self.actions.clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let message = event.message();
            actions.emit(Action::CpythonCrashed(side, if message.is_empty() { "it stopped".into() } else { message }));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Slot { worker, _on_message: on_message, _on_error: on_error })
    }
}
