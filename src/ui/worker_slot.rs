//! A module worker with its handlers, terminated when dropped (unless handed on: see
//! `into_worker`). The engine's workers (workers.rs) and the CPython check's
//! (cpython_workers.rs) live in slots.

use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use web_sys::{ErrorEvent, MessageEvent, Worker, WorkerOptions, WorkerType};

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
