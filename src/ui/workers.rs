//! The two engine workers, one per pane. A busy worker cannot read a message, so a worker
//! is never asked to stop: it is terminated and a fresh one is started from the compiled
//! engine the page keeps. An embed starts them on demand and may give them back
//! (memplay_playground::on_demand).

use memplay_model::{FromWorker, Side, ToWorker};
use memplay_playground::Action;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::convert;

/// The script that boots a worker from the compiled engine (www/worker-boot.js).
const BOOT_SCRIPT: &str = "./worker-boot.js";

/// A module worker with its handlers, terminated when dropped. Shared with the CPython
/// check's workers (cpython_workers.rs).
pub(super) struct Slot {
    pub worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
}

impl Slot {
    /// Starts `script` as a module worker: `on_message` gets each message's data,
    /// `on_error` the text of an uncaught error ("" when the browser gives none).
    pub fn start(
        script: &str,
        mut on_message: impl FnMut(JsValue) + 'static,
        mut on_error: impl FnMut(String) + 'static,
    ) -> Result<Slot, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(script, &options)?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| on_message(event.data()));
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            on_error(event.message());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Ok(Slot { worker, _on_message: on_message, _on_error: on_error })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        self.worker.terminate();
    }
}

pub struct Workers {
    module: Option<JsValue>,
    slots: [Option<Slot>; 2],
    actions: Callback<Action>,
}

impl Workers {
    /// Workers report through `actions`; none start until the engine is compiled.
    pub fn new(actions: Callback<Action>) -> Self {
        Self { module: None, slots: [None, None], actions }
    }

    /// The compiled engine (a `WebAssembly.Module`), kept for every worker started from
    /// now on (the reducer says which: `Effect::RestartWorker`).
    pub fn set_module(&mut self, module: JsValue) {
        self.module = Some(module);
    }

    /// Terminates the pane's worker and starts none (an embed gives its engine back).
    pub fn release(&mut self, side: Side) {
        self.slots[side.index()] = None;
    }

    /// Terminates the pane's worker, whatever it is doing, and starts a fresh one from
    /// the compiled engine (none before it is compiled).
    pub fn restart(&mut self, side: Side) {
        self.slots[side.index()] = None;
        let Some(module) = &self.module else { return };
        match self.spawn(side, module) {
            Ok(slot) => self.slots[side.index()] = Some(slot),
            Err(e) => {
                self.actions.emit(Action::EngineFailed(format!("cannot start a worker: {}", convert::error_text(&e))))
            }
        }
    }

    pub fn post(&self, side: Side, message: &ToWorker) {
        if let Some(slot) = &self.slots[side.index()]
            && let Err(e) = slot.worker.post_message(&convert::to_js(message))
        {
            self.actions.emit(Action::WorkerCrashed(side, convert::error_text(&e)));
        }
    }

    fn spawn(&self, side: Side, module: &JsValue) -> Result<Slot, JsValue> {
        super::marks::mark("memplay:worker-spawn");
        let (messages, errors) = (self.actions.clone(), self.actions.clone());
        let slot = Slot::start(
            BOOT_SCRIPT,
            move |data| {
                messages.emit(match convert::from_js::<FromWorker>(data) {
                    Ok(message) => Action::Worker(side, message),
                    Err(e) => Action::WorkerCrashed(side, format!("unreadable message from the worker: {e}")),
                });
            },
            move |message| {
                errors.emit(Action::WorkerCrashed(
                    side,
                    if message.is_empty() { "the worker failed".into() } else { message },
                ));
            },
        )?;
        slot.worker.post_message(&convert::object(&[("module", module)]))?;
        Ok(slot)
    }
}
