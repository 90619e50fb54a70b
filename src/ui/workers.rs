//! The two engine workers, one per pane, as the core's lifecycle says
//! (memplay_playground's lifecycle.rs): this module only drops, takes, spawns and shelves
//! them, and reports what they say.

use memplay_model::{FromWorker, Side, ToWorker};
use memplay_playground::Action;
use wasm_bindgen::JsValue;
use web_sys::Worker;
use yew::Callback;

use super::{page_js, worker_slot::Slot};
use crate::convert;

/// The script that boots a worker from the compiled engine (www/worker-boot.js).
const BOOT_SCRIPT: &str = "./worker-boot.js";

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

    /// The compiled engine (a `WebAssembly.Module`), for every worker spawned from now on.
    pub fn set_module(&mut self, module: JsValue) {
        self.module = Some(module);
    }

    /// `Effect::DropWorker`: the pane's slot, dropped, terminates its worker.
    pub fn drop_worker(&mut self, side: Side) {
        self.slots[side.index()] = None;
    }

    /// `Effect::SpawnWorker`: a fresh worker from the compiled engine.
    pub fn spawn(&mut self, side: Side) {
        let Some(module) = &self.module else { return };
        super::perf_marks::mark("memplay:worker-spawn");
        let (on_message, on_error) = self.handlers(side);
        let started = Slot::start(BOOT_SCRIPT, on_message, on_error)
            .and_then(|slot| slot.worker.post_message(&convert::object(&[("module", module)])).map(|()| slot));
        match started {
            Ok(slot) => self.slots[side.index()] = Some(slot),
            Err(e) => {
                self.actions.emit(Action::EngineFailed(format!("cannot start a worker: {}", convert::error_text(&e))))
            }
        }
    }

    /// `Effect::TakeWorker`: a worker from a shelf of the post, told to the reducer as ready
    /// (as it told the embed that started it); or word that there was none.
    pub fn take(&mut self, side: Side, turn: u32) {
        let gone = self.actions.clone();
        match page_js::take_worker(move || gone.emit(Action::WorkerOwnerGone { side, turn })) {
            Some((worker, ready)) => self.adopt(side, worker, ready),
            None => self.actions.emit(Action::NoWorkerShelved { side, turn }),
        }
    }

    /// `Effect::ShelveWorker`: the pane's worker, alive, onto this frame's shelf.
    pub fn shelve(&mut self, side: Side, id: u32, ready: &FromWorker) {
        if let Some(slot) = self.slots[side.index()].take() {
            page_js::shelve_worker(&slot.into_worker(), &convert::to_js(ready), id);
        }
    }

    pub fn post(&self, side: Side, message: &ToWorker) {
        if let Some(slot) = &self.slots[side.index()]
            && let Err(e) = slot.worker.post_message(&convert::to_js(message))
        {
            self.actions.emit(Action::WorkerCrashed(side, convert::error_text(&e)));
        }
    }

    fn adopt(&mut self, side: Side, worker: Worker, ready: JsValue) {
        super::perf_marks::mark("memplay:worker-adopted");
        let (on_message, on_error) = self.handlers(side);
        self.slots[side.index()] = Some(Slot::adopt(worker, on_message, on_error));
        self.actions.emit(message_action(side, ready));
    }

    /// A pane's worker handlers: its messages and errors become actions.
    fn handlers(&self, side: Side) -> (impl FnMut(JsValue) + 'static, impl FnMut(String) + 'static) {
        let (messages, errors) = (self.actions.clone(), self.actions.clone());
        let on_message = move |data: JsValue| messages.emit(message_action(side, data));
        let on_error = move |message: String| {
            let message = if message.is_empty() { "the worker failed".into() } else { message };
            errors.emit(Action::WorkerCrashed(side, message));
        };
        (on_message, on_error)
    }
}

/// What a message from the pane's engine worker tells the reducer.
fn message_action(side: Side, data: JsValue) -> Action {
    match convert::from_js::<FromWorker>(data) {
        Ok(message) => Action::Worker(side, message),
        Err(e) => Action::WorkerCrashed(side, format!("unreadable message from the worker: {e}")),
    }
}
