//! The page's behaviour, driven through the reducer as the shell drives it.

use memplay_model::{
    EngineEvent, EngineInfo, ErrorKind, FromWorker, LimitKind, Limits, RunError, RunReport, WorkerHeap,
};
use memplay_playground::{
    Action, Announcement, DEFAULT_PRESET, Draft, Effect, RECYCLE_LIVE_BYTES, RECYCLE_MEMORY_BYTES, Settings, Side,
    State, WorkerState, crash_error,
};

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

fn report(peak: u64) -> RunReport {
    let mut r = RunReport::empty(Limits::default(), engine());
    r.peak_bytes = peak;
    r
}

fn ready_state() -> State {
    let mut s = State::new(None);
    s.apply(Action::EngineCompiled);
    for side in [Side::A, Side::B] {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    s
}

fn event(s: &mut State, side: Side, event: EngineEvent) -> Vec<Effect> {
    let run_id = s.pane(side).run_id;
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event }))
}

fn restarts(effects: &[Effect]) -> Vec<Side> {
    effects.iter().filter_map(Effect::starts_worker).collect()
}

#[test]
fn a_first_visit_opens_the_default_preset() {
    let s = State::new(None);
    assert_eq!(s.preset.as_deref(), Some(DEFAULT_PRESET));
    assert!(s.pane(Side::A).code.contains("sum(["));
    assert!(!s.ready());
}

#[test]
fn a_saved_draft_comes_back() {
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::B, "y = 2\n".into()));
    let restored = State::new(Draft::from_json(&s.draft().to_json()));
    assert_eq!(restored.pane(Side::B).code, "y = 2\n");
    assert_eq!(restored.preset, None, "an edited preset is no longer the preset");
}

#[test]
fn run_before_python_is_ready_waits_for_the_workers() {
    let mut s = State::new(None);
    assert!(s.apply(Action::Run).is_empty());
    assert!(s.running());
    let effects = s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    assert!(
        matches!(&effects[..], [Effect::StartRun { side: Side::A, run_id: 1, code, .. }] if code.contains("sum(["))
    );
    assert_eq!(s.pane(Side::A).worker, WorkerState::Busy);
    assert_eq!(s.pane(Side::B).worker, WorkerState::Starting);
}

#[test]
fn a_full_run_streams_output_and_ends_in_a_comparison() {
    let mut s = ready_state();
    let effects = s.apply(Action::Run);
    assert_eq!(effects.iter().filter(|e| matches!(e, Effect::StartRun { .. })).count(), 2);
    let started = event(&mut s, Side::A, EngineEvent::Started);
    let limit = Limits::default().time_ms;
    let [Effect::After { ms, action }] = &started[..] else { panic!("{started:?}") };
    assert_eq!(**action, Action::Watchdog { side: Side::A, run_id: 1 });
    assert!(*ms > limit);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "4999".into() });
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "8\n".into() });
    event(&mut s, Side::A, EngineEvent::Output { stderr: true, text: "warn\n".into() });
    assert_eq!(s.pane(Side::A).console.len(), 2, "same-stream output joins one chunk");
    assert_eq!(s.pane(Side::A).console[0].text, "49998\n");
    event(&mut s, Side::A, EngineEvent::Progress(Box::new(report(10))));
    assert_eq!(s.pane(Side::A).shown_report().map(|r| r.peak_bytes), Some(10));
    assert!(event(&mut s, Side::A, EngineEvent::Done(Box::new(report(9_000_000)))).is_empty(), "B still runs");
    let effects = event(&mut s, Side::B, EngineEvent::Done(Box::new(report(1_000))));
    assert_eq!(effects.first(), Some(&Effect::Announce(Announcement::Compared)), "{effects:?}");
    let c = s.script_results().comparison.expect("the comparison is handed out");
    assert!(c.verdict.starts_with("B peaks"), "{}", c.verdict);
    assert_eq!(s.comparison.as_ref().map(|c| c.a.peak_bytes), Some(9_000_000));
    assert!(!s.running());
    assert_eq!(s.pane(Side::A).worker, WorkerState::Ready);
}

#[test]
fn a_worker_reports_its_own_heap_between_runs_without_disturbing_a_run() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let heap = WorkerHeap { live_bytes: 3 << 20, memory_bytes: 40 << 20, runs: 1 };
    assert!(s.apply(Action::Worker(Side::B, FromWorker::Idle { heap })).is_empty());
    assert_eq!(s.pane(Side::B).heap, Some(heap));
    assert_eq!(s.pane(Side::A).heap, None);
    assert!(s.running(), "an Idle report is not the end of a run");
    assert_eq!(s.pane(Side::B).worker, WorkerState::Busy);
}

#[test]
fn a_worker_whose_heap_has_grown_is_replaced_between_runs() {
    let mut s = ready_state();
    let small = WorkerHeap { live_bytes: 14 << 20, memory_bytes: 30 << 20, runs: 3 };
    assert!(s.apply(Action::Worker(Side::A, FromWorker::Idle { heap: small })).is_empty());
    for heap in [
        WorkerHeap { live_bytes: RECYCLE_LIVE_BYTES + 1, ..small },
        WorkerHeap { memory_bytes: RECYCLE_MEMORY_BYTES + (1 << 16), ..small },
    ] {
        let effects = s.apply(Action::Worker(Side::A, FromWorker::Idle { heap }));
        assert_eq!(restarts(&effects), vec![Side::A]);
        assert_eq!(s.pane(Side::A).worker, WorkerState::Starting);
        s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    }
    assert_eq!(s.pane(Side::A).recycled, 2);
    // A run asked for while the fresh worker starts waits for it.
    let grown = WorkerHeap { live_bytes: RECYCLE_LIVE_BYTES + 1, ..small };
    s.apply(Action::Worker(Side::B, FromWorker::Idle { heap: grown }));
    let effects = s.apply(Action::Run);
    assert_eq!(effects.iter().filter(|e| matches!(e, Effect::StartRun { side: Side::A, .. })).count(), 1);
    assert!(s.pane(Side::B).queued);
}

#[test]
fn output_cut_at_the_limit_says_so_after_the_console_text() {
    let mut s = ready_state();
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "x".repeat(100) });
    assert_eq!(s.pane(Side::A).output_cut_notice(), None);
    let mut cut = report(10);
    cut.truncated.output = true;
    event(&mut s, Side::A, EngineEvent::Progress(Box::new(cut.clone())));
    let notice = s.pane(Side::A).output_cut_notice().expect("a notice while the run goes on");
    assert!(notice.starts_with("[output truncated at 1.0 MiB"), "{notice}");
    event(&mut s, Side::A, EngineEvent::Done(Box::new(cut)));
    assert!(s.pane(Side::A).output_cut_notice().is_some(), "and after it ends");
    assert_eq!(s.pane(Side::B).output_cut_notice(), None);
}

#[test]
fn events_of_an_older_run_are_ignored() {
    let mut s = ready_state();
    s.apply(Action::Run);
    s.apply(Action::Stop);
    s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    s.apply(Action::Worker(Side::B, FromWorker::Ready { engine: engine() }));
    s.apply(Action::Run);
    let stale = Action::Worker(Side::A, FromWorker::Run { run_id: 1, event: EngineEvent::Done(Box::new(report(5))) });
    assert!(s.apply(stale).is_empty());
    assert!(s.pane(Side::A).running());
}

#[test]
fn stop_keeps_partial_results_and_replaces_only_busy_workers() {
    let mut s = ready_state();
    s.apply(Action::Run);
    event(&mut s, Side::B, EngineEvent::Done(Box::new(report(100))));
    event(&mut s, Side::A, EngineEvent::Started);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "tick\n".into() });
    event(&mut s, Side::A, EngineEvent::Progress(Box::new(report(4096))));
    let effects = s.apply(Action::Stop);
    assert_eq!(restarts(&effects), vec![Side::A]);
    let a = s.pane(Side::A).result.clone().unwrap();
    assert_eq!((a.peak_bytes, a.stdout.as_str()), (4096, "tick\n"));
    assert_eq!(a.error.unwrap().kind, "Stopped");
    assert_eq!(s.pane(Side::B).result.as_ref().map(|r| r.peak_bytes), Some(100), "the other pane's result stays");
    assert_eq!(s.pane(Side::A).worker, WorkerState::Starting);
    assert!(effects.contains(&Effect::Announce(Announcement::Compared)));
}

#[test]
fn the_watchdog_ends_only_the_run_it_was_set_for() {
    let mut s = ready_state();
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::Started);
    assert!(s.apply(Action::Watchdog { side: Side::A, run_id: 0 }).is_empty());
    let effects = s.apply(Action::Watchdog { side: Side::A, run_id: 1 });
    assert_eq!(restarts(&effects), vec![Side::A]);
    let error = s.pane(Side::A).result.as_ref().unwrap().error.clone().unwrap();
    assert_eq!((error.kind.as_str(), error.message.as_str()), ("TimeLimitExceeded", "time limit exceeded (10.00 s)"));
    assert!(s.pane(Side::B).running());
}

#[test]
fn a_time_limit_from_the_engine_replaces_the_worker_and_a_memory_limit_waits() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let mut limited = report(77);
    limited.error = Some(RunError::plain(ErrorKind::MemoryLimitExceeded, "memory limit exceeded (512 MiB)"));
    let effects = event(&mut s, Side::B, EngineEvent::limit(LimitKind::Memory, limited));
    assert!(effects.is_empty(), "a refused allocation may still end as MemoryError");
    assert!(s.pane(Side::B).running());
    let effects = event(&mut s, Side::A, EngineEvent::limit(LimitKind::Time, report(5)));
    assert_eq!(restarts(&effects), vec![Side::A]);
    assert_eq!(s.pane(Side::A).result.as_ref().map(|r| r.peak_bytes), Some(5));
}

#[test]
fn a_crash_mid_run_keeps_the_output_and_a_crash_when_idle_just_restarts() {
    let mut s = ready_state();
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "before\n".into() });
    let effects = s.apply(Action::WorkerCrashed(Side::A, "RuntimeError: unreachable".into()));
    assert_eq!(restarts(&effects), vec![Side::A]);
    let a = s.pane(Side::A).result.clone().unwrap();
    assert_eq!(a.stdout, "before\n");
    assert!(a.error.unwrap().message.contains("unreachable"));
    event(&mut s, Side::B, EngineEvent::Done(Box::new(report(1))));
    assert!(s.comparison.is_some());
    let effects = s.apply(Action::Worker(Side::B, FromWorker::Failed { message: "gone".into() }));
    assert_eq!(restarts(&effects), vec![Side::B]);
    assert!(s.pane(Side::B).result.is_some(), "an idle crash loses nothing");
}

#[test]
fn running_out_of_the_browsers_stack_reads_as_a_recursion_error() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let effects =
        s.apply(Action::WorkerCrashed(Side::A, "Uncaught RangeError: Maximum call stack size exceeded".into()));
    assert_eq!(restarts(&effects), vec![Side::A]);
    let e = s.pane(Side::A).result.clone().unwrap().error.unwrap();
    assert_eq!(e.kind, "RecursionError");
    assert!(e.message.starts_with("maximum recursion depth exceeded"), "{}", e.message);
    assert_eq!(crash_error("RuntimeError: unreachable").kind, "EngineCrash");
}

#[test]
fn run_while_running_does_nothing() {
    let mut s = ready_state();
    s.apply(Action::Run);
    assert!(s.apply(Action::Run).is_empty());
    assert_eq!(s.pane(Side::A).run_id, 1);
}

#[test]
fn presets_load_both_panes_and_editing_saves_a_draft() {
    let mut s = ready_state();
    let effects = s.apply(Action::LoadPreset("keep-vs-del".into()));
    assert!(matches!(&effects[..], [Effect::SaveDraft(d)] if d.preset.as_deref() == Some("keep-vs-del")));
    assert!(s.pane(Side::B).code.contains("del"));
    assert!(s.apply(Action::LoadPreset("no-such-preset".into())).is_empty());
    assert!(s.apply(Action::SetCode(Side::A, s.pane(Side::A).code.clone())).is_empty(), "no change, no save");
    let effects = s.apply(Action::SetSettings(Settings::default().with_time_s(2)));
    assert!(matches!(&effects[..], [Effect::SaveDraft(d)] if d.settings.limits().time_ms == 2000));
}

#[test]
fn an_engine_that_cannot_load_fails_both_panes_and_runs_nothing() {
    let mut s = State::new(None);
    s.apply(Action::Run);
    s.apply(Action::EngineFailed("network error".into()));
    assert!(!s.running());
    assert!(matches!(&s.pane(Side::A).worker, WorkerState::Failed(m) if m == "network error"));
    assert!(s.apply(Action::Run).is_empty());
}

#[test]
fn a_pane_shows_the_module_being_downloaded_until_the_run_goes_on() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let effects = s.apply(Action::Worker(Side::A, FromWorker::LoadingModule { module: "difflib".into() }));
    assert!(effects.is_empty());
    assert_eq!(s.pane(Side::A).loading_module.as_deref(), Some("difflib"));
    assert_eq!(s.pane(Side::B).loading_module, None);
    assert!(s.running());
    event(&mut s, Side::A, EngineEvent::Started);
    assert_eq!(s.pane(Side::A).loading_module, None, "the download is over once the run reports again");
    // A Stop while downloading clears it too.
    s.apply(Action::Worker(Side::B, FromWorker::LoadingModule { module: "email".into() }));
    s.apply(Action::Stop);
    assert_eq!(s.pane(Side::B).loading_module, None);
}

#[test]
fn a_worker_that_reports_a_grown_heap_during_the_next_run_is_replaced_when_that_run_ends() {
    // The worker hands over a result before tearing its interpreter down, so its heap
    // report can arrive after the next run has started.
    let mut s = ready_state();
    s.apply(Action::Run);
    let grown = WorkerHeap { live_bytes: RECYCLE_LIVE_BYTES + 1, memory_bytes: 100 << 20, runs: 9 };
    assert!(s.apply(Action::Worker(Side::A, FromWorker::Idle { heap: grown })).is_empty(), "not while it runs");
    assert_eq!(s.pane(Side::A).worker, WorkerState::Busy);
    event(&mut s, Side::A, EngineEvent::Started);
    let effects = event(&mut s, Side::A, EngineEvent::Done(Box::new(report(5))));
    assert_eq!(restarts(&effects), vec![Side::A]);
    assert_eq!(s.pane(Side::A).worker, WorkerState::Starting);
    assert_eq!(s.pane(Side::A).recycled, 1);
    assert_eq!(s.pane(Side::A).result.as_ref().map(|r| r.peak_bytes), Some(5), "the result is kept");
    // B's run ends normally and its worker stays.
    let effects = event(&mut s, Side::B, EngineEvent::Done(Box::new(report(7))));
    assert!(restarts(&effects).is_empty());
    // The fresh worker starts clean: nothing pending.
    s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    s.apply(Action::Run);
    let effects = event(&mut s, Side::A, EngineEvent::Done(Box::new(report(5))));
    assert!(restarts(&effects).is_empty());
}

#[test]
fn titles_follow_the_code() {
    let mut s = ready_state();
    assert_eq!(s.pane(Side::A).title, "list comprehension");
    // A changed size is still the preset's snippet: the title stays.
    let tweaked = s.pane(Side::A).code.replace("100_000", "1_000_000");
    s.apply(Action::SetCode(Side::A, tweaked));
    assert_eq!(s.pane(Side::A).title, "list comprehension");
    // Replaced by the reader's own code: the preset's title stops claiming it.
    s.apply(Action::SetCode(Side::A, "class P:\n    pass\n\nps = [P() for _ in range(1000)]\n".into()));
    assert_eq!(s.pane(Side::A).title, "A");
    assert_eq!(s.pane(Side::B).title, "generator expression", "B is still the preset's");
    assert!(s.headline().starts_with("A vs "), "{}", s.headline());
    // A title the reader gives is theirs, whatever the code becomes.
    s.apply(Action::SetTitle(Side::B, "slots".into()));
    s.apply(Action::SetCode(Side::B, "x = 1\n".into()));
    assert_eq!(s.pane(Side::B).title, "slots");
    // And links carry the titles as they are now.
    let mut page = State::new(None);
    page.apply(Action::OpenLink(s.share_fragment(false, false).unwrap()));
    assert_eq!((page.pane(Side::A).title.as_str(), page.pane(Side::B).title.as_str()), ("A", "slots"));
}

#[test]
fn editing_a_shared_comparison_drops_the_notice_that_says_it_is_one() {
    let mut s = ready_state();
    let mut page = State::new(None);
    page.apply(Action::OpenLink(s.share_fragment(false, false).unwrap()));
    assert!(page.notice.as_ref().is_some_and(|n| n.text.starts_with("Opened a shared comparison")));
    page.apply(Action::SetCode(Side::A, "y = 1\n".into()));
    assert_eq!(page.notice, None, "an unedited default preset was set aside: nothing to restore");
    // With the reader's own snippets set aside, the notice keeps offering them back.
    s.apply(Action::SetCode(Side::A, "mine = 1\n".into()));
    let link = State::new(None).share_fragment(false, false).unwrap();
    s.apply(Action::OpenLink(link));
    s.apply(Action::SetCode(Side::B, "z = 2\n".into()));
    let n = s.notice.clone().expect("a notice");
    assert!(n.can_restore && !n.text.contains("Opened a shared comparison"), "{n:?}");
}
