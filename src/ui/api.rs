//! `window.memplay`: the page's script API, for tests, embeds and curious readers.
//! `setCode(pane, text)`, `run()` → Promise of the comparison, `results()` → the last
//! comparison (the same JSON as `memplay compare --json`) or `null`, `ready()` → Promise
//! that resolves when Python is ready (an embed starts its engine for it), `heap()` → each pane's worker as it last reported
//! between runs: `{a, b}`, each `{live_bytes, memory_bytes, runs, recycled}` (leak checks).
//! `run({cpython: true})` also runs both snippets under CPython (Pyodide) and resolves with
//! the comparison plus `cpython: {a, b, winner, verdict, engine, agrees}` (rejected when the
//! check cannot finish); `results()` then carries it too.
//! `sweep(options?)` → Promise of the sweep (the JSON of `memplay sweep --json`), with
//! `options` `{var, from, to, points}` replacing the Scale settings; `results()` carries the
//! last sweep as its `sweep` member.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise};
use memplay_model::{Comparison, CpythonCheck, Results, Side, Sweep, SweepRange};
use memplay_playground::{Action, WorkerHeaps};
use wasm_bindgen::{JsValue, closure::Closure};
use yew::Callback;

use crate::convert;

/// What the API's functions read and wait on; the app keeps it current.
#[derive(Default)]
pub struct ApiState {
    results: Option<Comparison>,
    sweep: Option<Sweep>,
    check: Option<CpythonCheck>,
    heap: WorkerHeaps,
    ready: bool,
    failed: Option<String>,
    ready_waiters: Vec<(Function, Function)>,
    run_waiters: Vec<(Function, Function)>,
    sweep_waiters: Vec<(Function, Function)>,
    check_waiters: Vec<(Function, Function)>,
}

pub type Handle = Rc<RefCell<ApiState>>;

impl ApiState {
    /// Python is ready: resolves every `ready()` promise, now and later.
    pub fn set_ready(&mut self) {
        self.ready = true;
        for (resolve, _) in self.ready_waiters.drain(..) {
            let _ = resolve.call0(&JsValue::NULL);
        }
    }

    /// A comparison finished: it is `results()` now and resolves every `run()` promise.
    pub fn set_results(&mut self, comparison: &Comparison) {
        let value = convert::to_js(comparison);
        for (resolve, _) in self.run_waiters.drain(..) {
            let _ = resolve.call1(&JsValue::NULL, &value);
        }
        self.results = Some(comparison.clone());
        self.check = None;
    }

    /// The CPython check finished: it is `results().cpython` now and resolves every
    /// `run({cpython: true})` with the comparison and the check.
    pub fn set_check(&mut self, check: &CpythonCheck) {
        self.check = Some(check.clone());
        let value = self.results();
        for (resolve, _) in self.check_waiters.drain(..) {
            let _ = resolve.call1(&JsValue::NULL, &value);
        }
    }

    /// The CPython check ended without both reports.
    pub fn check_failed(&mut self, message: &str) {
        let error = JsValue::from(js_sys::Error::new(message));
        for (_, reject) in self.check_waiters.drain(..) {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    }

    /// A sweep ended: it is `results().sweep` now and resolves every `sweep()` promise.
    pub fn set_sweep(&mut self, sweep: &Sweep) {
        let value = convert::to_js(sweep);
        for (resolve, _) in self.sweep_waiters.drain(..) {
            let _ = resolve.call1(&JsValue::NULL, &value);
        }
        self.sweep = Some(sweep.clone());
    }

    /// A sweep could not start: every `sweep()` promise is rejected with the reason.
    pub fn sweep_failed(&mut self, message: &str) {
        let error = JsValue::from(js_sys::Error::new(message));
        for (_, reject) in self.sweep_waiters.drain(..) {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    }

    /// The last comparison with the last sweep as its `sweep` member (either may be
    /// missing), or null before there is either.
    fn results(&self) -> JsValue {
        if self.results.is_none() && self.sweep.is_none() {
            return JsValue::NULL;
        }
        convert::to_js(&Results {
            value: self.results.as_ref(),
            cpython: self.check.as_ref(),
            sweep: self.sweep.as_ref(),
        })
    }

    /// Each pane's worker as it last reported between runs, for `heap()` (plain data:
    /// only `heap()` makes a JS value of it).
    pub fn set_heap(&mut self, heap: WorkerHeaps) {
        self.heap = heap;
    }

    /// The engine cannot load: every waiting promise is rejected with `message`.
    pub fn set_failed(&mut self, message: &str) {
        self.failed = Some(message.to_owned());
        let error = JsValue::from(js_sys::Error::new(message));
        let waiting = self
            .ready_waiters
            .drain(..)
            .chain(self.run_waiters.drain(..))
            .chain(self.sweep_waiters.drain(..))
            .chain(self.check_waiters.drain(..));
        for (_, reject) in waiting {
            let _ = reject.call1(&JsValue::NULL, &error);
        }
    }
}

/// Puts `window.memplay` in place; `actions` feeds the app's reducer.
pub fn install(shared: &Handle, actions: &Callback<Action>) {
    let Some(window) = web_sys::window() else { return };
    let set_code = {
        let actions = actions.clone();
        Closure::<dyn Fn(String, String) -> Result<(), JsValue>>::new(move |pane: String, text: String| {
            let side = Side::from_letter(&pane).ok_or_else(|| js_sys::Error::new("pane must be \"a\" or \"b\""))?;
            actions.emit(Action::SetCode(side, text));
            Ok(())
        })
    };
    let run = {
        let (shared, actions) = (shared.clone(), actions.clone());
        Closure::<dyn Fn(JsValue) -> Promise>::new(move |options: JsValue| {
            let cpython = !options.is_undefined()
                && !options.is_null()
                && js_sys::Reflect::get(&options, &JsValue::from_str("cpython")).is_ok_and(|v| v.is_truthy());
            if cpython {
                let promise = waiting(&shared, |s| &mut s.check_waiters);
                actions.emit(Action::Run);
                actions.emit(Action::CheckCpython);
                return promise;
            }
            let promise = waiting(&shared, |s| &mut s.run_waiters);
            actions.emit(Action::Run);
            promise
        })
    };
    let sweep = {
        let (shared, actions) = (shared.clone(), actions.clone());
        Closure::<dyn Fn(JsValue) -> Result<Promise, JsValue>>::new(move |options: JsValue| {
            if !options.is_undefined() && !options.is_null() {
                let range: SweepRange =
                    convert::from_js(options).map_err(|e| js_sys::Error::new(&format!("sweep options: {e}")))?;
                actions.emit(Action::SetSweepRange(range));
            }
            let promise = waiting(&shared, |s| &mut s.sweep_waiters);
            actions.emit(Action::Sweep);
            Ok(promise)
        })
    };
    let results = {
        let shared = shared.clone();
        Closure::<dyn Fn() -> JsValue>::new(move || shared.borrow().results())
    };
    let ready = {
        let (shared, actions) = (shared.clone(), actions.clone());
        Closure::<dyn Fn() -> Promise>::new(move || {
            if shared.borrow().ready {
                return Promise::resolve(&JsValue::NULL);
            }
            let promise = waiting(&shared, |s| &mut s.ready_waiters);
            // An embed starts its engine on demand: a script waiting for Python asks for it.
            actions.emit(Action::Wake);
            promise
        })
    };
    let heap = {
        let shared = shared.clone();
        Closure::<dyn Fn() -> JsValue>::new(move || convert::to_js(&shared.borrow().heap))
    };
    let api = convert::object(&[
        ("setCode", set_code.as_ref()),
        ("run", run.as_ref()),
        ("sweep", sweep.as_ref()),
        ("results", results.as_ref()),
        ("ready", ready.as_ref()),
        ("heap", heap.as_ref()),
    ]);
    let _ = js_sys::Reflect::set(&window, &JsValue::from_str("memplay"), &api);
    // The API lives as long as the page.
    set_code.forget();
    run.forget();
    sweep.forget();
    results.forget();
    ready.forget();
    heap.forget();
}

/// A promise settled later through the list `waiters` picks, or rejected now if the
/// engine has already failed.
fn waiting(shared: &Handle, waiters: fn(&mut ApiState) -> &mut Vec<(Function, Function)>) -> Promise {
    Promise::new(&mut |resolve, reject| {
        let mut s = shared.borrow_mut();
        if let Some(message) = &s.failed {
            let _ = reject.call1(&JsValue::NULL, &js_sys::Error::new(message).into());
        } else {
            waiters(&mut s).push((resolve, reject));
        }
    })
}
