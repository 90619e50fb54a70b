//! The root component: owns the state, feeds actions to the reducer and carries out the
//! effects it returns (workers, timers, autosave, the script API).

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use std::{cell::RefCell, rc::Rc};

use memplay_playground::{
    Action, Announcement, DRAFT_KEY, Draft, Effect, FrameView, HONESTY_NOTE, Mode, PageView, State, SweepFormView,
};
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use yew::prelude::*;

use super::cpython_workers::CpythonWorkers;
use super::embed_signals::{self, EmbedSignals};
use super::sweep_panel::SweepPanel;
use super::{address, api, embed_bar::EmbedBar, load_bar::LoadBar, notice::NoticeBar, pane_view::PaneView, perf_marks};
use super::{page_js, storage, theme, toolbar::Toolbar, workers::Workers};
use super::{results::ResultsPanel, settings_panel::SettingsPanel, share_panel, share_panel::SharePanel};
use crate::convert;

/// The engine's wasm, as Trunk writes the worker binary into `dist/`.
const ENGINE_URL: &str = "./worker_bg.wasm";

pub enum Msg {
    Act(Action),
    /// The compiled engine, and whether this frame downloaded it from the network.
    EngineCompiled(JsValue, bool),
}

pub struct App {
    state: api::SharedState,
    workers: Workers,
    cpython: CpythonWorkers,
    api: api::Handle,
    /// An embed's on-screen watch and its channel to the page's other embeds.
    signals: Option<EmbedSignals>,
    _keys: EventListener,
    _hash: Option<EventListener>,
    progress: Closure<dyn FnMut(f64, f64)>,
}

impl Component for App {
    type Message = Msg;
    type Properties = ();

    fn create(ctx: &Context<Self>) -> Self {
        let mut state = match address::mode() {
            Mode::Page => State::new(storage::load(DRAFT_KEY).and_then(|t| Draft::from_json(&t))),
            Mode::Embed => {
                let mut state = State::embedded();
                state.demand.idle_ms = address::idle_ms();
                state.demand.prefetch = !embed_signals::save_data();
                state
            }
        };
        state.page_base = address::base();
        theme::apply(state.theme);
        let actions = ctx.link().callback(Msg::Act);
        let api = api::Handle::default();
        let state = Rc::new(RefCell::new(state));
        api::install(&api, &state, &actions);
        let progress = progress_closure(actions.clone());
        if state.borrow().demand.requested {
            load_engine(ctx.link().clone(), &progress);
        }
        let fragment = address::fragment();
        if !fragment.is_empty() {
            actions.emit(Action::OpenLink(fragment));
        }
        let mode = state.borrow().mode;
        let (hash, signals) = match mode {
            Mode::Page => (Some(link_changes(actions.clone())), None),
            Mode::Embed => {
                page_js::report_height();
                (None, Some(EmbedSignals::start(&actions)))
            }
        };
        Self {
            state,
            workers: Workers::new(actions.clone()),
            cpython: CpythonWorkers::new(actions.clone()),
            api,
            signals,
            _keys: run_shortcut(actions),
            _hash: hash,
            progress,
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let action = match msg {
            Msg::Act(action) => action,
            Msg::EngineCompiled(module, fetched) => {
                self.workers.set_module(module);
                if fetched {
                    ctx.link().send_message(Msg::Act(Action::EngineDownloaded));
                }
                Action::EngineCompiled
            }
        };
        let effects = self.state.borrow_mut().apply(action);
        for effect in effects {
            self.carry_out(ctx, effect);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let PageView {
            frame,
            theme,
            toolbar,
            notice,
            load,
            panes: [view_a, view_b],
            results,
            sweep: swept,
            headline,
            live_engines,
        } = self.state.borrow().view();
        let link = ctx.link();
        let act = |action: Action| link.callback(move |()| Msg::Act(action.clone()));
        let (on_run, on_stop, on_sweep) = (act(Action::Run), act(Action::Stop), act(Action::Sweep));
        let notice = notice.map(|notice| {
            let (on_restore, on_dismiss) = (act(Action::RestorePrevious), act(Action::DismissNotice));
            html! { <NoticeBar {notice} {on_restore} {on_dismiss} /> }
        });
        let panes = html! {
            <main class="panes">
                { self.pane(ctx, view_a) }
                { self.pane(ctx, view_b) }
            </main>
        };
        let results = html! { <ResultsPanel view={results} {theme} on_check={act(Action::CheckCpython)} /> };
        let sweep = |form: Option<SweepFormView>| {
            html! {
                <SweepPanel {form} view={swept.clone()} {theme}
                    on_range={link.callback(|r| Msg::Act(Action::SetSweepRange(r)))}
                    on_figure={link.callback(|f| Msg::Act(Action::ShowSweepFigure(f)))} />
            }
        };
        let (sweep_form, share, settings) = match frame {
            FrameView::Page { sweep_form, share, settings } => (sweep_form, share, settings),
            FrameView::Embed { playground_url } => {
                return html! {
                    <div class="app embed" data-engines={live_engines.to_string()}>
                        <EmbedBar {headline} view={toolbar} {playground_url} {on_run} {on_stop} {on_sweep} />
                        { for notice }
                        <LoadBar view={load} />
                        { panes }
                        { results }
                        { sweep(None) }
                    </div>
                };
            }
        };
        html! {
            <div class="app" data-engines={live_engines.to_string()}>
                <Toolbar
                    view={toolbar}
                    on_preset={link.callback(|id| Msg::Act(Action::LoadPreset(id)))}
                    {on_run}
                    {on_stop}
                    {on_sweep}
                    on_theme={link.callback(|t| Msg::Act(Action::SetTheme(t)))}
                    on_share={Callback::from(|()| share_panel::reveal())}
                />
                { for notice }
                <LoadBar view={load} />
                { panes }
                { results }
                { sweep(Some(sweep_form)) }
                <SharePanel view={share} on_options={link.callback(|o| Msg::Act(Action::SetShareOptions(o)))} />
                <SettingsPanel {settings} on_change={link.callback(|v| Msg::Act(Action::SetSettings(v)))} />
                <footer class="note" data-testid="honesty-note">{ HONESTY_NOTE }</footer>
            </div>
        }
    }
}

impl App {
    fn pane(&self, ctx: &Context<Self>, view: memplay_playground::PaneView) -> Html {
        let side = view.side;
        let link = ctx.link();
        let on_code = link.callback(move |code: String| Msg::Act(Action::SetCode(side, code)));
        let on_title = link.callback(move |title: String| Msg::Act(Action::SetTitle(side, title)));
        html! { <PaneView {view} {on_code} {on_title} /> }
    }

    fn carry_out(&mut self, ctx: &Context<Self>, effect: Effect) {
        match effect {
            Effect::StartRun { side, run_id, code, options } => {
                self.workers.post(side, &memplay_model::ToWorker::Run { run_id, code, options });
            }
            Effect::DropWorker(side) => self.workers.drop_worker(side),
            Effect::TakeWorker { side, turn } => self.workers.take(side, turn),
            Effect::SpawnWorker(side) => self.workers.spawn(side),
            Effect::ShelveWorker { side, id, ready } => self.workers.shelve(side, id, &ready),
            Effect::DropShelved(id) => page_js::drop_shelved(id),
            Effect::LoadEngine => load_engine(ctx.link().clone(), &self.progress),
            Effect::ForgetEngineDownload => page_js::forget_engine(),
            Effect::KeepEngine { within_ms } => page_js::keep_engine(within_ms),
            Effect::ClaimEngine => {
                if let Some(signals) = &self.signals {
                    signals.claim();
                }
            }
            Effect::After { ms, action } => after(ctx, ms, *action),
            Effect::SaveDraft(draft) => storage::save(DRAFT_KEY, &draft.to_json()),
            Effect::ClearFragment => address::clear_fragment(),
            Effect::StartCpythonWorker(side) => self.cpython.start(side),
            Effect::StopCpythonWorker(side) => self.cpython.stop(side),
            Effect::PostCpython { side, message } => self.cpython.post(side, &message),
            Effect::ApplyTheme(t) => theme::apply(t),
            Effect::Announce(announced) => {
                match announced {
                    Announcement::Ready => perf_marks::mark("memplay:ready"),
                    Announcement::Compared => perf_marks::mark("memplay:result"),
                    _ => {}
                }
                self.api.borrow_mut().announce(&self.state.borrow(), &announced);
            }
        }
    }
}

/// Sends `action` to the app after `ms` milliseconds.
fn after(ctx: &Context<App>, ms: u64, action: Action) {
    let link = ctx.link().clone();
    let ms = u32::try_from(ms).unwrap_or(u32::MAX);
    gloo_timers::callback::Timeout::new(ms, move || link.send_message(Msg::Act(action))).forget();
}

/// Reports download progress at most every `PROGRESS_EVERY_MS`: each report re-renders the
/// page on the main thread, which also reads the download (every 256 KiB, as before, was
/// about 70 renders for the engine's 18 MB).
fn progress_closure(actions: Callback<Action>) -> Closure<dyn FnMut(f64, f64)> {
    const PROGRESS_EVERY_MS: f64 = 100.0;
    let mut last = f64::NEG_INFINITY;
    Closure::new(move |loaded: f64, total: f64| {
        let now = js_sys::Date::now();
        if now - last >= PROGRESS_EVERY_MS {
            last = now;
            let (loaded, total) = (loaded as u64, total as u64);
            actions.emit(Action::EngineLoading { loaded, total: (total > 0).then_some(total) });
        }
    })
}

fn load_engine(link: yew::html::Scope<App>, progress: &Closure<dyn FnMut(f64, f64)>) {
    let promise = page_js::load_engine(ENGINE_URL, progress);
    wasm_bindgen_futures::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            Ok(loaded) => {
                let field = |key: &str| js_sys::Reflect::get(&loaded, &JsValue::from_str(key)).unwrap_or_default();
                link.send_message(Msg::EngineCompiled(field("module"), field("fetched").is_truthy()))
            }
            Err(e) => link.send_message(Msg::Act(Action::EngineFailed(convert::error_text(&e)))),
        }
    });
}

/// A link pasted into the address bar of an open page (only the fragment changes, so the
/// page does not reload).
fn link_changes(actions: Callback<Action>) -> EventListener {
    let window = web_sys::window().expect("a window");
    EventListener::new(&window, "hashchange", move |_| {
        let fragment = address::fragment();
        if !fragment.is_empty() {
            actions.emit(Action::OpenLink(fragment));
        }
    })
}

/// Ctrl+Enter / Cmd+Enter runs both snippets from anywhere on the page, editors included;
/// with Shift it sweeps them (Scale).
fn run_shortcut(actions: Callback<Action>) -> EventListener {
    let document = web_sys::window().and_then(|w| w.document()).expect("a document");
    let options = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
    EventListener::new_with_options(&document, "keydown", options, move |event| {
        let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if key.key() == "Enter" && (key.ctrl_key() || key.meta_key()) {
            key.prevent_default();
            key.stop_propagation();
            actions.emit(if key.shift_key() { Action::Sweep } else { Action::Run });
        }
    })
}
