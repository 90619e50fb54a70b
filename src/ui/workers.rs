//! The two engine workers, one per pane. A busy worker cannot read a message, so a worker
//! is never asked to stop: it is terminated and a fresh one is started from the compiled
//! engine the page keeps. An embed starts them on demand and may give them back
//! (memplay_playground::on_demand): ready ones go on its shelf, where the next embed of the
//! post that starts its engine takes them over instead of starting its own.

use std::{cell::RefCell, rc::Rc};

use memplay_model::{FromWorker, Side, ToWorker};
use memplay_playground::Action;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};
use yew::Callback;

use super::page_js;
use crate::convert;

/// The script that boots a worker from the compiled engine (www/worker-boot.js).
const BOOT_SCRIPT: &str = "./worker-boot.js";

/// A module worker with its handlers, terminated when dropped (unless handed on: see
/// `into_worker`). Shared with the CPython check's workers (cpython_workers.rs).
pub(super) struct Slot {
    pub worker: Worker,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(ErrorEvent)>,
    terminate_on_drop: bool,
}

impl Slot {
    /// Starts `script` as a module worker: `on_message` gets each message's data,
    /// `on_error` the text of an uncaught error ("" when the browser gives none).
    pub fn start(
        script: &str,
        on_message: impl FnMut(JsValue) + 'static,
        on_error: impl FnMut(String) + 'static,
    ) -> Result<Slot, JsValue> {
        let options = WorkerOptions::new();
        options.set_type(WorkerType::Module);
        Ok(Self::adopt(Worker::new_with_options(script, &options)?, on_message, on_error))
    }

    /// Takes a running worker (one another embed of the post gave back) as this slot's.
    pub fn adopt(
        worker: Worker,
        mut on_message: impl FnMut(JsValue) + 'static,
        mut on_error: impl FnMut(String) + 'static,
    ) -> Slot {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| on_message(event.data()));
        let on_error = Closure::<dyn FnMut(ErrorEvent)>::new(move |event: ErrorEvent| {
            event.prevent_default();
            on_error(event.message());
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Slot { worker, _on_message: on_message, _on_error: on_error, terminate_on_drop: true }
    }

    /// The worker, alive, with this slot's handlers taken off: for another slot to adopt.
    pub fn into_worker(mut self) -> Worker {
        self.terminate_on_drop = false;
        self.worker.clone()
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.worker.set_onmessage(None);
        self.worker.set_onerror(None);
        if self.terminate_on_drop {
            self.worker.terminate();
        }
    }
}

/// The message an engine worker said ready with (what another embed that takes the worker
/// over is told), kept by its message handler.
type Ready = Rc<RefCell<Option<JsValue>>>;

/// An engine worker's slot, and the message it said ready with.
struct EngineSlot {
    slot: Slot,
    ready: Ready,
}

pub struct Workers {
    module: Option<JsValue>,
    slots: [Option<EngineSlot>; 2],
    /// Counts each pane's restarts and releases, so that a restart put off to the next
    /// task (`restart_soon`) is void once another came after it.
    turns: [u32; 2],
    actions: Callback<Action>,
}

impl Workers {
    /// Workers report through `actions`; none start until the engine is compiled.
    pub fn new(actions: Callback<Action>) -> Self {
        Self { module: None, slots: [None, None], turns: [0, 0], actions }
    }

    /// The compiled engine (a `WebAssembly.Module`), kept for every worker started from
    /// now on (the reducer says which: `Effect::RestartWorker`).
    pub fn set_module(&mut self, module: JsValue) {
        self.module = Some(module);
    }

    /// Takes the pane's slot away (dropped, it terminates its worker) and starts the pane's
    /// next turn: every change of a slot goes through here, so a put-off restart of an
    /// earlier turn finds it void.
    fn vacate(&mut self, side: Side) -> Option<EngineSlot> {
        self.turns[side.index()] += 1;
        self.slots[side.index()].take()
    }

    /// Terminates the pane's worker and starts none (an embed gives its engine back).
    pub fn release(&mut self, side: Side) {
        self.vacate(side);
    }

    /// Gives the pane's worker back, handed on (`Effect::HandOverWorker`): a ready one goes
    /// on the embed's shelf, for the next embed of the post to take instead of starting its
    /// own (www/js/on-demand.js terminates it if none does); any other is terminated.
    pub fn hand_over(&mut self, side: Side) {
        let Some(EngineSlot { slot, ready }) = self.vacate(side) else { return };
        let ready = ready.borrow_mut().take();
        if let Some(ready) = ready {
            page_js::shelve_worker(&slot.into_worker(), &ready);
        }
    }

    /// Terminates the pane's worker, whatever it is doing, and starts a fresh one from
    /// the compiled engine (none before it is compiled), or takes over a ready one that
    /// another embed of the post gave back.
    pub fn restart(&mut self, side: Side) {
        self.vacate(side);
        if let Some((worker, ready)) = page_js::take_worker() {
            self.adopt(side, worker, ready);
            return;
        }
        let Some(module) = &self.module else { return };
        match self.spawn(side, module) {
            Ok(slot) => self.slots[side.index()] = Some(slot),
            Err(e) => {
                self.actions.emit(Action::EngineFailed(format!("cannot start a worker: {}", convert::error_text(&e))))
            }
        }
    }

    /// `restart`, put off to the next task: an embed that has just claimed the engine lets
    /// the post's other embeds give theirs back first (they hear the claim at once, and act
    /// on it in the current task's microtasks), so it can take their workers over. Returns
    /// the turn to pass to `restart_if_current`.
    pub fn restart_soon(&mut self, side: Side) -> u32 {
        self.vacate(side);
        self.turns[side.index()]
    }

    /// The restart put off by `restart_soon`, unless the pane was restarted or released
    /// since.
    pub fn restart_if_current(&mut self, side: Side, turn: u32) {
        if self.turns[side.index()] == turn {
            self.restart(side);
        }
    }

    pub fn post(&self, side: Side, message: &ToWorker) {
        if let Some(EngineSlot { slot, .. }) = &self.slots[side.index()]
            && let Err(e) = slot.worker.post_message(&convert::to_js(message))
        {
            self.actions.emit(Action::WorkerCrashed(side, convert::error_text(&e)));
        }
    }

    fn spawn(&self, side: Side, module: &JsValue) -> Result<EngineSlot, JsValue> {
        super::perf_marks::mark("memplay:worker-spawn");
        let (on_message, on_error, ready) = self.handlers(side);
        let slot = Slot::start(BOOT_SCRIPT, on_message, on_error)?;
        slot.worker.post_message(&convert::object(&[("module", module)]))?;
        Ok(EngineSlot { slot, ready })
    }

    /// Takes over a worker another embed gave back, and tells the reducer it is ready, as
    /// it told that embed.
    fn adopt(&mut self, side: Side, worker: Worker, ready: JsValue) {
        super::perf_marks::mark("memplay:worker-adopted");
        let (on_message, on_error, kept) = self.handlers(side);
        let slot = Slot::adopt(worker, on_message, on_error);
        *kept.borrow_mut() = Some(ready.clone());
        self.slots[side.index()] = Some(EngineSlot { slot, ready: kept });
        self.actions.emit(message_action(side, ready));
    }

    /// A pane's worker handlers: its messages and errors become actions, and the message
    /// it says ready with is kept.
    fn handlers(&self, side: Side) -> (impl FnMut(JsValue) + 'static, impl FnMut(String) + 'static, Ready) {
        let (messages, errors) = (self.actions.clone(), self.actions.clone());
        let ready = Ready::default();
        let kept = ready.clone();
        let on_message = move |data: JsValue| {
            let action = message_action(side, data.clone());
            if matches!(action, Action::Worker(_, FromWorker::Ready { .. })) {
                *kept.borrow_mut() = Some(data);
            }
            messages.emit(action);
        };
        let on_error = move |message: String| {
            errors.emit(Action::WorkerCrashed(
                side,
                if message.is_empty() { "the worker failed".into() } else { message },
            ));
        };
        (on_message, on_error, ready)
    }
}

/// What a message from the pane's engine worker tells the reducer.
fn message_action(side: Side, data: JsValue) -> Action {
    match convert::from_js::<FromWorker>(data) {
        Ok(message) => Action::Worker(side, message),
        Err(e) => Action::WorkerCrashed(side, format!("unreadable message from the worker: {e}")),
    }
}
