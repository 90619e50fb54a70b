//! The CPython check's two workers (www/cpython-worker.js: Pyodide and memplay's driver),
//! started only when the reducer asks; a busy one is terminated, never asked to stop.
//! Only a worker's own messages are taken: each comes sealed with the key its JavaScript
//! named in its first message, before any snippet could run (`KeyGate`).

use memplay_model::{KeyGate, Sealed, Side, ToCpython};
use memplay_playground::Action;
use yew::Callback;

use super::worker_slot::Slot;
use crate::convert;

/// Served from dist/cpython/ beside Pyodide's files (scripts/build-web.sh).
const SCRIPT: &str = "./cpython/worker.js";

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
        let (messages, errors) = (self.actions.clone(), self.actions.clone());
        Slot::start(
            SCRIPT,
            {
                let mut gate = KeyGate::default();
                move |data| match convert::from_js::<Sealed>(data).ok().and_then(|sealed| gate.admit(sealed)) {
                    Some(message) => messages.emit(Action::Cpython(side, message)),
                    None => convert::warn("memplay: dropped a message not sealed by the CPython check's worker"),
                }
            },
            move |message| {
                errors
                    .emit(Action::CpythonCrashed(side, if message.is_empty() { "it stopped".into() } else { message }));
            },
        )
    }
}
