//! Engines on demand: an embed starts no interpreter until it is run, gives its workers
//! back when idle off screen or when another embed starts, and loses nothing doing so.

use memplay_model::{EngineEvent, EngineInfo, FromWorker, Limits, RunReport};
use memplay_playground::{
    Action, Announcement, Autostart, Effect, IDLE_OFF_SCREEN_MS, LoadView, Side, State, WorkerState,
};

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

fn starts(effects: &[Effect]) -> Vec<Side> {
    effects.iter().filter_map(Effect::starts_worker).collect()
}

/// The panes whose workers are given back, terminated or handed on.
fn releases(effects: &[Effect]) -> Vec<Side> {
    let mut sides = dropped(effects);
    sides.extend(shelved(effects));
    sides.sort_by_key(|s| s.index());
    sides
}

fn dropped(effects: &[Effect]) -> Vec<Side> {
    effects.iter().filter_map(|e| if let Effect::DropWorker(s) = e { Some(*s) } else { None }).collect()
}

/// The panes whose workers are handed on, onto the embed's shelf.
fn shelved(effects: &[Effect]) -> Vec<Side> {
    effects.iter().filter_map(|e| if let Effect::ShelveWorker { side, .. } = e { Some(*side) } else { None }).collect()
}

/// Both panes' workers say they are ready; returns the runs they were sent.
fn workers_ready(s: &mut State) -> Vec<Effect> {
    let mut effects = Vec::new();
    for side in Side::BOTH {
        effects.extend(s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() })));
    }
    effects
}

/// Ends both panes' current runs with a report.
fn finish_both(s: &mut State) {
    for side in Side::BOTH {
        let run_id = s.pane(side).run_id;
        let mut report = RunReport::empty(Limits::default(), engine());
        report.peak_bytes = 1000 * (side.index() as u64 + 1);
        s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::Started }));
        s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::done(report) }));
    }
}

/// An embed that was run once and finished.
fn embed_after_a_run() -> State {
    let mut s = State::embedded();
    s.apply(Action::Visible(true));
    s.apply(Action::Run);
    s.apply(Action::EngineCompiled);
    workers_ready(&mut s);
    finish_both(&mut s);
    assert!(s.comparison.is_some());
    s
}

#[test]
fn an_embed_starts_nothing_until_run() {
    let mut s = State::embedded();
    assert_eq!(s.live_engines(), 0);
    assert_eq!(s.load_view(), LoadView::Asleep);
    assert!(s.toolbar_view().can_run, "Run can be pressed: it starts Python");
    s.demand.prefetch = false;
    let effects = s.apply(Action::Visible(true));
    assert!(effects.is_empty(), "{effects:?}");
    let effects = s.apply(Action::Run);
    assert!(effects.contains(&Effect::LoadEngine), "{effects:?}");
    assert!(effects.contains(&Effect::ClaimEngine), "{effects:?}");
    assert!(starts(&effects).is_empty(), "no worker before the engine is compiled");
    assert!(s.running(), "the run waits for the workers");
    assert_eq!(starts(&s.apply(Action::EngineCompiled)), vec![Side::A, Side::B]);
    let runs = workers_ready(&mut s);
    assert_eq!(runs.iter().filter(|e| matches!(e, Effect::StartRun { .. })).count(), 2);
}

#[test]
fn an_embed_on_screen_compiles_the_engine_and_run_only_starts_the_workers() {
    let mut s = State::embedded();
    let effects = s.apply(Action::Visible(true));
    assert_eq!(effects, vec![Effect::LoadEngine], "the engine, once, as the embed comes on screen");
    assert!(s.apply(Action::Visible(false)).iter().all(|e| *e != Effect::LoadEngine));
    assert!(s.apply(Action::Visible(true)).is_empty(), "not twice");
    assert!(starts(&s.apply(Action::EngineCompiled)).is_empty(), "compiled, but no interpreter");
    assert_eq!((s.live_engines(), s.load_view()), (0, LoadView::Asleep));
    let effects = s.apply(Action::Run);
    assert!(!effects.contains(&Effect::LoadEngine), "{effects:?}");
    assert_eq!(starts(&effects), vec![Side::A, Side::B], "Run starts the workers at once");
}

#[test]
fn the_full_page_starts_its_engine_at_once() {
    let mut s = State::new(None);
    assert!(s.demand.requested, "the page downloads the engine on load");
    assert_eq!(starts(&s.apply(Action::EngineCompiled)), vec![Side::A, Side::B]);
    workers_ready(&mut s);
    // The page never sleeps, on or off screen.
    assert!(s.apply(Action::OtherEngineClaimed).is_empty());
    assert!(s.apply(Action::IdleTimer { generation: s.demand.generation }).is_empty());
    assert!(s.ready());
}

#[test]
fn a_link_that_runs_waits_until_the_embed_is_on_screen() {
    let mut s = State::embedded();
    s.apply(Action::OpenLink("preset=keep-vs-del&run".into()));
    assert!(!s.running(), "off screen, nothing runs");
    assert_eq!(s.demand.autostart, Some(Autostart::Run));
    let effects = s.apply(Action::Visible(true));
    assert!(effects.contains(&Effect::LoadEngine), "{effects:?}");
    assert!(s.running());
    assert_eq!(s.demand.autostart, None, "once");
    // On screen already: a link runs at once.
    let mut t = State::embedded();
    t.apply(Action::Visible(true));
    t.apply(Action::OpenLink("preset=keep-vs-del&sweep".into()));
    assert!(t.sweep.is_some());
}

#[test]
fn an_idle_embed_off_screen_gives_its_workers_back_and_keeps_its_results() {
    let mut s = embed_after_a_run();
    let shown = s.results_view();
    let effects = s.apply(Action::Visible(false));
    let Some(Effect::After { ms, action }) = effects.first().cloned() else { panic!("{effects:?}") };
    let Action::IdleTimer { generation } = *action else { panic!("{action:?}") };
    assert_eq!(ms, IDLE_OFF_SCREEN_MS);
    // Back on screen before the timer: the timer is void.
    s.apply(Action::Visible(true));
    assert!(s.apply(Action::IdleTimer { generation }).is_empty());
    assert_eq!(s.live_engines(), 2);
    // Off screen for the whole delay: both workers go, the results stay.
    s.apply(Action::Visible(false));
    let effects = s.apply(Action::IdleTimer { generation: s.demand.generation });
    assert_eq!(releases(&effects), vec![Side::A, Side::B]);
    assert_eq!(s.live_engines(), 0);
    assert_eq!(s.results_view(), shown, "nothing the reader sees is lost");
    // Run again: workers start from the compiled engine, nothing is downloaded again.
    s.apply(Action::Visible(true));
    let effects = s.apply(Action::Run);
    assert_eq!(starts(&effects), vec![Side::A, Side::B]);
    assert!(!effects.contains(&Effect::LoadEngine), "{effects:?}");
    workers_ready(&mut s);
    finish_both(&mut s);
    assert!(s.comparison.is_some());
}

#[test]
fn another_embed_starting_makes_an_idle_one_yield_and_a_busy_one_yield_when_done() {
    let mut s = embed_after_a_run();
    assert_eq!(releases(&s.apply(Action::OtherEngineClaimed)), vec![Side::A, Side::B]);
    assert!(s.apply(Action::OtherEngineClaimed).is_empty(), "asleep already");

    let mut busy = embed_after_a_run();
    busy.apply(Action::Run);
    assert!(releases(&busy.apply(Action::OtherEngineClaimed)).is_empty(), "a run is never cut short");
    assert!(busy.running());
    let mut effects = Vec::new();
    for side in Side::BOTH {
        let run_id = busy.pane(side).run_id;
        let report = RunReport::empty(Limits::default(), engine());
        effects.extend(busy.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::Started })));
        effects.extend(busy.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::done(report) })));
    }
    assert!(busy.comparison.is_some(), "the result arrived");
    assert_eq!(releases(&effects), vec![Side::A, Side::B]);
    assert!(busy.panes.iter().all(|p| p.worker == WorkerState::Asleep));
}

#[test]
fn a_post_may_set_the_idle_delay_within_range() {
    use memplay_playground::idle_ms_from_query;
    assert_eq!(idle_ms_from_query("?embed&frame=1"), IDLE_OFF_SCREEN_MS);
    assert_eq!(idle_ms_from_query("?embed&idle=2"), 2000);
    assert_eq!(idle_ms_from_query("?embed&idle=1.5"), 1500);
    assert_eq!(idle_ms_from_query("?idle=0&embed"), 1000, "never below a second");
    assert_eq!(idle_ms_from_query("?embed&idle=1e9"), 600_000);
    assert_eq!(idle_ms_from_query("?embed&idle=soon"), IDLE_OFF_SCREEN_MS);
    assert_eq!(idle_ms_from_query("?embed&idle=NaN"), IDLE_OFF_SCREEN_MS);
}

#[test]
fn a_script_waiting_for_python_wakes_the_embed() {
    let mut s = State::embedded();
    let effects = s.apply(Action::Wake);
    assert!(effects.contains(&Effect::LoadEngine), "{effects:?}");
    s.apply(Action::EngineCompiled);
    let effects = workers_ready(&mut s);
    assert!(effects.contains(&Effect::Announce(Announcement::Ready)), "{effects:?}");
}

#[test]
fn an_embed_hands_small_ready_workers_on_and_terminates_grown_ones() {
    use memplay_model::WorkerHeap;
    use memplay_playground::HAND_OVER_MEMORY_BYTES;
    let heap = |memory_bytes| WorkerHeap { live_bytes: 1 << 20, memory_bytes, runs: 1 };
    let mut s = embed_after_a_run();
    s.apply(Action::Worker(Side::A, FromWorker::Idle { heap: heap(HAND_OVER_MEMORY_BYTES - 65536) }));
    s.apply(Action::Worker(Side::B, FromWorker::Idle { heap: heap(HAND_OVER_MEMORY_BYTES) }));
    let effects = s.apply(Action::OtherEngineClaimed);
    assert_eq!(shelved(&effects), vec![Side::A], "{effects:?}");
    assert_eq!(dropped(&effects), vec![Side::B], "a grown worker is not carried on: {effects:?}");
    // Back to work: the heap reports of the workers given back are forgotten.
    assert_eq!(s.pane(Side::A).heap, None);

    // A worker that has only warmed up (no heap report yet) is handed on; one still
    // starting is not.
    let mut s = embed_after_a_run();
    let effects = s.apply(Action::OtherEngineClaimed);
    assert_eq!(shelved(&effects), vec![Side::A, Side::B], "{effects:?}");
    let mut starting = State::embedded();
    starting.apply(Action::Visible(true));
    starting.apply(Action::Run);
    starting.apply(Action::EngineCompiled);
    starting.apply(Action::Stop);
    assert_eq!(starting.pane(Side::A).worker, WorkerState::Starting);
    let effects = starting.apply(Action::OtherEngineClaimed);
    assert_eq!(effects, vec![Effect::DropWorker(Side::A), Effect::DropWorker(Side::B)]);
}
