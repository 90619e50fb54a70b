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
use memplay_model::{Results, Side, SweepRange};
use memplay_playground::{Action, Announcement, State};
use wasm_bindgen::{JsValue, closure::Closure};
use yew::Callback;

use crate::convert;

/// The page's state, owned by the app and read by the API when a script asks.
pub type SharedState = Rc<RefCell<State>>;

/// The promises the API has handed out and not settled yet: what it keeps of its own.
#[derive(Default)]
pub struct Waiters {
    ready: Vec<(Function, Function)>,
    run: Vec<(Function, Function)>,
    sweep: Vec<(Function, Function)>,
    check: Vec<(Function, Function)>,
}

pub type Handle = Rc<RefCell<Waiters>>;

impl Waiters {
    /// Settles what waits for `announced`, with what the state now holds.
    pub fn announce(&mut self, state: &State, announced: &Announcement) {
        match announced {
            Announcement::Ready => resolve(&mut self.ready, &JsValue::NULL),
            Announcement::Compared => resolve(&mut self.run, &convert::to_js(&state.comparison_with_output())),
            Announcement::Swept => resolve(&mut self.sweep, &convert::to_js(&state.script_results().sweep)),
            Announcement::SweepFailed(message) => reject(self.sweep.drain(..), message),
            Announcement::Checked => resolve(&mut self.check, &results(state)),
            Announcement::CheckFailed(message) => reject(self.check.drain(..), message),
            Announcement::EngineFailed(message) => reject(
                self.ready.drain(..).chain(self.run.drain(..)).chain(self.sweep.drain(..)).chain(self.check.drain(..)),
                message,
            ),
        }
    }
}

fn resolve(waiters: &mut Vec<(Function, Function)>, value: &JsValue) {
    for (resolve, _) in waiters.drain(..) {
        let _ = resolve.call1(&JsValue::NULL, value);
    }
}

fn reject(waiters: impl Iterator<Item = (Function, Function)>, message: &str) {
    let error = JsValue::from(js_sys::Error::new(message));
    for (_, reject) in waiters {
        let _ = reject.call1(&JsValue::NULL, &error);
    }
}

/// `results()`: the last comparison with its check and the last sweep as members (either
/// may be missing), or null before there is either.
fn results(state: &State) -> JsValue {
    let r = state.script_results();
    if r.comparison.is_none() && r.sweep.is_none() {
        return JsValue::NULL;
    }
    convert::to_js(&Results { value: r.comparison.as_ref(), cpython: r.check.as_ref(), sweep: r.sweep.as_ref() })
}

/// Puts `window.memplay` in place; `actions` feeds the app's reducer.
pub fn install(shared: &Handle, state: &SharedState, actions: &Callback<Action>) {
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
        let (shared, state, actions) = (shared.clone(), state.clone(), actions.clone());
        Closure::<dyn Fn(JsValue) -> Promise>::new(move |options: JsValue| {
            let cpython = !options.is_undefined()
                && !options.is_null()
                && js_sys::Reflect::get(&options, &JsValue::from_str("cpython")).is_ok_and(|v| v.is_truthy());
            if cpython {
                let promise = waiting(&shared, &state, |s| &mut s.check);
                actions.emit(Action::Run);
                actions.emit(Action::CheckCpython);
                return promise;
            }
            let promise = waiting(&shared, &state, |s| &mut s.run);
            actions.emit(Action::Run);
            promise
        })
    };
    let sweep = {
        let (shared, state, actions) = (shared.clone(), state.clone(), actions.clone());
        Closure::<dyn Fn(JsValue) -> Result<Promise, JsValue>>::new(move |options: JsValue| {
            if !options.is_undefined() && !options.is_null() {
                let range: SweepRange =
                    convert::from_js(options).map_err(|e| js_sys::Error::new(&format!("sweep options: {e}")))?;
                actions.emit(Action::SetSweepRange(range));
            }
            let promise = waiting(&shared, &state, |s| &mut s.sweep);
            actions.emit(Action::Sweep);
            Ok(promise)
        })
    };
    let results = {
        let state = state.clone();
        Closure::<dyn Fn() -> JsValue>::new(move || results(&state.borrow()))
    };
    let ready = {
        let (shared, state, actions) = (shared.clone(), state.clone(), actions.clone());
        Closure::<dyn Fn() -> Promise>::new(move || {
            if state.borrow().python_was_ready() {
                return Promise::resolve(&JsValue::NULL);
            }
            let promise = waiting(&shared, &state, |s| &mut s.ready);
            // An embed starts its engine on demand: a script waiting for Python asks for it.
            actions.emit(Action::Wake);
            promise
        })
    };
    let heap = {
        let state = state.clone();
        Closure::<dyn Fn() -> JsValue>::new(move || convert::to_js(&state.borrow().worker_heaps()))
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
fn waiting(
    shared: &Handle,
    state: &SharedState,
    waiters: fn(&mut Waiters) -> &mut Vec<(Function, Function)>,
) -> Promise {
    let failed = state.borrow().engine.error.clone();
    Promise::new(&mut |resolve, reject| match &failed {
        Some(message) => {
            let _ = reject.call1(&JsValue::NULL, &js_sys::Error::new(message).into());
        }
        None => waiters(&mut shared.borrow_mut()).push((resolve, reject)),
    })
}
