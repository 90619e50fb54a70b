//! The CPython check through the reducer: nothing of CPython starts until asked; the check
//! runs the last comparison's snippets in two CPython workers and says whether CPython
//! agrees; Stop and the time limit replace a busy CPython worker and keep what finished,
//! and the figures a run reported before it was ended.

use memplay_model::{
    CheckProgress, CheckReport, EngineEvent, EngineInfo, FromCpython, FromWorker, Limits, RunReport, Side, ToCpython,
};
use memplay_playground::{Action, Announcement, Effect, State};

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

fn cpython() -> EngineInfo {
    EngineInfo { name: "CPython".into(), version: "3.14.0".into() }
}

fn ready_state() -> State {
    let mut s = State::new(None);
    s.apply(Action::EngineCompiled);
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    s
}

fn finish(s: &mut State, side: Side, peak: u64) -> Vec<Effect> {
    let run_id = s.pane(side).run_id;
    let r = RunReport { peak_bytes: peak, ..RunReport::empty(Limits::default(), engine()) };
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::Started }));
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::done(r) }))
}

fn report(peak: u64) -> CheckReport {
    CheckReport { peak_bytes: peak, wall_ms: 3.0, ..CheckReport::empty(Limits::default(), cpython()) }
}

fn posted(effects: &[Effect]) -> Vec<(Side, u32, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::PostCpython { side, message: ToCpython::Run { run_id, request } } => {
                assert!(!request.unavailable.is_empty(), "the page's check is closed");
                Some((*side, *run_id, request.code.clone()))
            }
            _ => None,
        })
        .collect()
}

fn starts(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| matches!(e, Effect::StartCpythonWorker(_))).count()
}

#[test]
fn checking_before_a_run_runs_first_and_agrees_with_cpython() {
    let mut s = ready_state();
    let effects = s.apply(Action::Run);
    assert_eq!(starts(&effects), 0, "nothing of CPython loads for a run");
    finish(&mut s, Side::A, 9_000_000);
    finish(&mut s, Side::B, 1_000);

    let effects = s.apply(Action::CheckCpython);
    assert_eq!(starts(&effects), 2, "both CPython workers start when asked");
    assert!(posted(&effects).is_empty(), "runs wait for the workers");
    assert!(s.results_view_cpython().status.starts_with("Loading CPython"));
    let effects = s.apply(Action::Cpython(Side::A, FromCpython::Ready { engine: cpython() }));
    let runs = posted(&effects);
    assert!(matches!(&runs[..], [(Side::A, 1, code)] if code.contains("sum([")), "{runs:?}");
    let watchdog = Action::CpythonWatchdog { side: Side::A, run_id: 1 };
    assert!(effects.iter().any(|e| matches!(e, Effect::After { action, .. } if **action == watchdog)));
    s.apply(Action::Cpython(Side::B, FromCpython::Ready { engine: cpython() }));
    s.apply(Action::Cpython(Side::A, FromCpython::Done { run_id: 1, report: Box::new(report(4_000_000)) }));
    let effects = s.apply(Action::Cpython(Side::B, FromCpython::Done { run_id: 1, report: Box::new(report(700)) }));
    assert!(effects.contains(&Effect::Announce(Announcement::Checked)));
    let check = s.script_results().check.expect("the check is handed out");
    assert_eq!(check.agrees, Some(true));
    let view = s.results_view_cpython();
    assert_eq!(view.agreement, "agrees");
    assert!(view.verdict.unwrap().starts_with("CPython 3.14 agrees: B peaks"));
    assert_eq!(view.engine, "CPython 3.14");
    let rows = match s.results_view() {
        memplay_playground::ResultsView::Shown(v) => v.rows,
        other => panic!("{other:?}"),
    };
    let peak = rows.iter().find(|r| r.key == "peak").unwrap();
    assert_eq!(peak.cpython, Some(("3.8 MiB".into(), "700 B".into())));
    let allocations = rows.iter().find(|r| r.key == "allocations").unwrap();
    assert_eq!(allocations.cpython, Some(("–".into(), "–".into())), "what CPython cannot tell");

    // The exports carry CPython's figures: JSON's `cpython`, the table's columns, the card's foot.
    let exported = match s.results_view() {
        memplay_playground::ResultsView::Shown(v) => v.exports.expect("exports once done"),
        other => panic!("{other:?}"),
    };
    let make = |id: &str| {
        let x = memplay_playground::EXPORTS.iter().find(|x| x.id == id).unwrap();
        (x.make)(&exported, "list", "gen")
    };
    let json: serde_json::Value = serde_json::from_str(&make("json")).unwrap();
    assert_eq!(json["cpython"]["agrees"], true);
    assert_eq!(json["winner"], "B");
    assert!(make("markdown").contains("| CPython 3.14 A | CPython 3.14 B |"));
    assert!(make("card-svg").contains("CPython 3.14 agrees"));

    // Each worker ran one snippet: it was replaced after its report, and a second check
    // runs in the fresh ones once they are ready.
    assert_eq!(starts(&effects), 1, "B's worker is replaced after its report");
    let effects = s.apply(Action::CheckCpython);
    assert_eq!((starts(&effects), posted(&effects).len()), (0, 0), "{effects:?}");
    for side in Side::BOTH {
        let effects = s.apply(Action::Cpython(side, FromCpython::Ready { engine: cpython() }));
        assert_eq!(posted(&effects).len(), 1);
    }
}

#[test]
fn a_disagreement_is_said_and_stop_replaces_a_busy_cpython_worker() {
    let mut s = ready_state();
    s.apply(Action::CheckCpython);
    assert!(s.running(), "the check runs the comparison first");
    finish(&mut s, Side::A, 1_000);
    let effects = finish(&mut s, Side::B, 5_000);
    assert_eq!(starts(&effects), 2, "the check starts once the comparison is there");
    for side in Side::BOTH {
        s.apply(Action::Cpython(side, FromCpython::Ready { engine: cpython() }));
    }
    s.apply(Action::Cpython(Side::A, FromCpython::Done { run_id: 1, report: Box::new(report(9_000)) }));
    let effects = s.apply(Action::Cpython(Side::B, FromCpython::Done { run_id: 1, report: Box::new(report(1_000)) }));
    assert!(effects.contains(&Effect::Announce(Announcement::Checked)));
    assert_eq!(s.script_results().check.and_then(|c| c.agrees), Some(false));
    assert_eq!(s.results_view_cpython().agreement, "disagrees");
    assert!(s.results_view_cpython().verdict.unwrap().contains("disagrees: there B peaks"));

    // Stop while CPython runs: the busy workers are replaced; nothing is agreed.
    s.apply(Action::CheckCpython);
    let bar = s.toolbar_view();
    assert!(bar.can_stop && !bar.can_run, "Stop ends the check; Run waits for it");
    let effects = s.apply(Action::Stop);
    let stopped = effects.iter().filter(|e| matches!(e, Effect::StopCpythonWorker(_))).count();
    assert_eq!((stopped, starts(&effects)), (2, 2), "{effects:?}");
    let failed =
        |e: &Effect| matches!(e, Effect::Announce(Announcement::CheckFailed(m)) if m.contains("Stop was pressed"));
    assert!(effects.iter().any(failed));
    let view = s.results_view_cpython();
    assert!(!view.running);
    assert!(view.status.contains("stopped (Stop was pressed)"), "{}", view.status);
    assert_eq!(view.verdict, None);
    // A late answer from a stopped run is ignored.
    assert!(s.apply(Action::Cpython(Side::A, FromCpython::Done { run_id: 2, report: Box::new(report(1)) })).is_empty());
}

#[test]
fn the_time_limit_ends_a_cpython_run_and_a_fresh_worker_follows() {
    let mut s = ready_state();
    s.apply(Action::Run);
    finish(&mut s, Side::A, 1_000);
    finish(&mut s, Side::B, 1_000);
    s.apply(Action::CheckCpython);
    for side in Side::BOTH {
        s.apply(Action::Cpython(side, FromCpython::Ready { engine: cpython() }));
    }
    s.apply(Action::Cpython(Side::B, FromCpython::Done { run_id: 1, report: Box::new(report(10)) }));
    let effects = s.apply(Action::CpythonWatchdog { side: Side::A, run_id: 1 });
    assert_eq!(starts(&effects), 1);
    assert!(
        s.results_view_cpython().status.contains("A: time limit exceeded (10.00 s)"),
        "{}",
        s.results_view_cpython().status
    );
    assert_eq!(s.cpython.reports[1].as_ref().map(|r| r.peak_bytes), Some(10), "B's report is kept");
}

#[test]
fn a_cpython_link_runs_and_checks_on_open() {
    let mut s = ready_state();
    s.apply(Action::OpenLink("preset=list-vs-generator&cpython".into()));
    assert!(s.running() && s.cpython.pending);
    let link = memplay_playground::Link::parse("preset=list-vs-generator&cpython").unwrap().unwrap();
    assert!(link.cpython && !link.run);
    assert!(link.fragment().unwrap().ends_with("&cpython"));
}

trait CpythonOf {
    fn results_view_cpython(&self) -> memplay_playground::CpythonView;
}

impl CpythonOf for State {
    fn results_view_cpython(&self) -> memplay_playground::CpythonView {
        match self.results_view() {
            memplay_playground::ResultsView::Shown(v) => v.cpython,
            other => panic!("no results: {other:?}"),
        }
    }
}

#[test]
fn stop_keeps_the_figures_and_output_a_cpython_run_reported_so_far() {
    let mut s = ready_state();
    s.apply(Action::Run);
    finish(&mut s, Side::A, 1_000);
    finish(&mut s, Side::B, 5_000);
    s.apply(Action::CheckCpython);
    for side in Side::BOTH {
        s.apply(Action::Cpython(side, FromCpython::Ready { engine: cpython() }));
    }
    s.apply(Action::Cpython(Side::B, FromCpython::Done { run_id: 1, report: Box::new(report(7_000)) }));
    let so_far = |peak, retained, out: &str| FromCpython::Progress {
        run_id: 1,
        figures: CheckProgress {
            peak_bytes: peak,
            retained_bytes: retained,
            wall_ms: 100.0,
            stdout: out.into(),
            stderr: String::new(),
        },
    };
    s.apply(Action::Cpython(Side::A, so_far(2_000_000, 1_500_000, "started\n")));
    s.apply(Action::Cpython(Side::A, so_far(3_000_000, 2_500_000, "still going\n")));
    // A progress of an older run is not this one's.
    s.apply(Action::Cpython(
        Side::A,
        FromCpython::Progress { run_id: 0, figures: CheckProgress { peak_bytes: 9, ..Default::default() } },
    ));
    let effects = s.apply(Action::Stop);
    assert_eq!(starts(&effects), 1, "a fresh worker replaces the stopped one");
    assert!(effects.contains(&Effect::Announce(Announcement::Checked)), "{effects:?}");
    let check = s.script_results().check.expect("the check is made with what A did so far");
    assert_eq!((check.a.peak_bytes, check.a.retained_bytes), (3_000_000, 2_500_000));
    assert_eq!(check.a.stdout, "started\nstill going\n");
    let error = check.a.error.as_ref().unwrap();
    assert_eq!(error.kind.as_str(), "Stopped");
    assert!(error.message.contains("figures are those up to then"), "{}", error.message);
    assert_eq!(check.agrees, None, "a stopped run agrees on nothing");
    assert!(check.verdict.contains("A was stopped; B peaked at"), "{}", check.verdict);
    // The table shows CPython's peak so far, marked so.
    let rows = match s.results_view() {
        memplay_playground::ResultsView::Shown(c) => c.rows,
        other => panic!("{other:?}"),
    };
    let peak = rows.iter().find(|r| r.key == "peak").unwrap();
    assert_eq!(peak.cpython.as_ref().map(|(a, _)| a.as_str()), Some("2.9 MiB so far"), "marked as partial");
}
