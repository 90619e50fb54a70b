//! The two engine workers, one per pane. A busy worker cannot read a message, so a worker
//! is never asked to stop: it is terminated and a fresh one is started from the compiled
//! engine the page keeps. What the workers say is queued and handed to the page in
//! batches (one render for every message that came in meanwhile), so an output flood of
//! thousands of messages a second does not cost a render each.

use std::cell::RefCell;
use std::rc::Rc;

use memplay_model::{FromWorker, Side, ToWorker};
use memplay_playground::Action;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use crate::convert;

/// The script that boots a worker from the compiled engine (www/worker-boot.js).
const BOOT_SCRIPT: &str = "./worker-boot.js";

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

pub struct Workers {
    module: Option<JsValue>,
    slots: [Option<Slot>; 2],
    actions: Callback<Action>,
    inbox: Inbox,
}

/// What the workers said since the last hand-over, in order.
#[derive(Clone)]
struct Inbox {
    queue: Rc<RefCell<Vec<Action>>>,
    deliver: Callback<Vec<Action>>,
}

impl Inbox {
    fn push(&self, action: Action) {
        let mut queue = self.queue.borrow_mut();
        if queue.is_empty() {
            let this = self.clone();
            gloo_timers::callback::Timeout::new(0, move || this.flush()).forget();
        }
        queue.push(action);
    }

    fn flush(&self) {
        let batch = std::mem::take(&mut *self.queue.borrow_mut());
        if !batch.is_empty() {
            self.deliver.emit(batch);
        }
    }

    /// Drops what a replaced worker said and the page has not seen yet.
    fn forget(&self, side: Side) {
        self.queue
            .borrow_mut()
            .retain(|a| !matches!(a, Action::Worker(s, _) | Action::WorkerCrashed(s, _) if *s == side));
    }
}

impl Workers {
    /// Workers report through `batches` (their messages) and `actions` (failures to start
    /// one); none start until the engine is compiled.
    pub fn new(actions: Callback<Action>, batches: Callback<Vec<Action>>) -> Self {
        let inbox = Inbox { queue: Rc::default(), deliver: batches };
        Self { module: None, slots: [None, None], actions, inbox }
    }

    /// The compiled engine (a `WebAssembly.Module`): starts both workers from it.
    pub fn set_module(&mut self, module: JsValue) {
        self.module = Some(module);
        for side in Side::BOTH {
            self.restart(side);
        }
    }

    /// Terminates the pane's worker, whatever it is doing, and starts a fresh one.
    pub fn restart(&mut self, side: Side) {
        self.slots[side.index()] = None;
        self.inbox.forget(side);
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
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        let worker = Worker::new_with_options(BOOT_SCRIPT, &options)?;
        let inbox = self.inbox.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            inbox.push(match convert::from_js::<FromWorker>(event.data()) {
                Ok(message) => Action::Worker(side, message),
                Err(e) => Action::WorkerCrashed(side, format!("unreadable message from the worker: {e}")),
            });
        });
        let inbox = self.inbox.clone();
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            let message = event.message();
            inbox.push(Action::WorkerCrashed(
                side,
                if message.is_empty() { "the worker failed".into() } else { message },
            ));
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        worker.post_message(&convert::object(&[("module", module)]))?;
        Ok(Slot { worker, _on_message: on_message, _on_error: on_error })
    }
}
