//! The Scale button through the reducer: each pane runs its snippet at every size, one
//! point after another; a limit ends that pane's sweep, Stop ends both, and the sweep's
//! view, link and effects follow.

use memplay_model::{
    EngineEvent, EngineInfo, ErrorKind, Figure, FromWorker, LimitKind, Limits, RunError, RunReport, SweepRange,
};
use memplay_playground::{Action, Announcement, Effect, Link, Side, State};

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

fn ready_state() -> State {
    let mut s = State::new(None);
    s.apply(Action::EngineCompiled);
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    s
}

fn started(effects: &[Effect]) -> Vec<(Side, String)> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::StartRun { side, code, .. } => Some((*side, code.clone())),
            _ => None,
        })
        .collect()
}

/// Ends the pane's current point with `peak` bytes (or an error).
fn finish(s: &mut State, side: Side, peak: u64, error: Option<RunError>) -> Vec<Effect> {
    let run_id = s.pane(side).run_id;
    let mut r = RunReport::empty(Limits::default(), engine());
    r.peak_bytes = peak;
    r.error = error;
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::Started }));
    let out = EngineEvent::Output { stderr: false, text: "point output\n".into() };
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event: out }));
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event: EngineEvent::done(r) }))
}

/// The sweep handed out to the page's scripts, if `effects` announce one.
fn swept(s: &State, effects: &[Effect]) -> Option<memplay_model::Sweep> {
    effects.contains(&Effect::Announce(Announcement::Swept)).then(|| s.script_results().sweep).flatten()
}

#[test]
fn scale_runs_every_size_in_both_panes_and_fits_them() {
    let mut s = ready_state();
    s.apply(Action::Run);
    for side in Side::BOTH {
        finish(&mut s, side, 1_000, None);
    }
    let comparison = s.comparison.clone().expect("a comparison before the sweep");
    let console = s.pane(Side::A).console.clone();
    let first = s.apply(Action::Sweep);
    let runs = started(&first);
    assert_eq!(runs.len(), 2, "both panes start at once");
    assert!(runs.iter().all(|(_, code)| code.starts_with("N = 10\n")), "{runs:?}");
    assert_eq!(s.view().panes[0].status, "sweeping N = 10 · 1/8");
    assert!(!s.toolbar_view().can_run && !s.toolbar_view().can_sweep);
    assert_eq!(s.toolbar_view().sweep_label, "Scaling…");

    let sizes = s.sweep.as_ref().unwrap().sizes.clone();
    assert_eq!(sizes.last(), Some(&100_000), "up to the snippet's own N");
    let mut last = Vec::new();
    for (i, &n) in sizes.iter().enumerate() {
        assert_eq!(s.view().panes[1].status, format!("sweeping N = {} · {}/8", memplay_playground::spaced(n), i + 1));
        let a = finish(&mut s, Side::A, 2_000 + 88 * n, None);
        last = finish(&mut s, Side::B, 1_200, None);
        if i + 1 < sizes.len() {
            let next = format!("N = {}\n", sizes[i + 1]);
            assert!(started(&a).iter().any(|(side, c)| *side == Side::A && c.starts_with(&next)), "{a:?}");
        }
    }
    let sweep = swept(&s, &last).expect("the sweep is handed out when both panes end");
    assert_eq!(sweep.points.len(), 8);
    assert_eq!(sweep.fit.a.class, memplay_model::Growth::Linear);
    assert_eq!(sweep.fit.b.class, memplay_model::Growth::Constant);
    assert!(sweep.points.iter().all(|p| p.a.as_ref().is_some_and(|r| r.stdout.is_empty() && r.lines.is_empty())));

    // The comparison and the panes' results are those of the run before the sweep.
    assert_eq!(s.comparison.as_ref(), Some(&comparison));
    assert_eq!(s.pane(Side::A).console, console, "a sweep's output is not kept");
    let view = s.view().sweep.unwrap().unwrap();
    assert!(!view.running);
    assert_eq!(view.status, "N from 10 to 100\u{202f}000, 8 sizes");
    assert_eq!((view.fits[0].class, view.fits[1].class), ("linear", "constant"));
    assert!(view.fits[0].text.starts_with("linear: ≈ 88 B per element (fit "), "{}", view.fits[0].text);
    assert_eq!(view.crossover, "B is lower at every N measured");
    assert_eq!(view.chart.a.len(), 8);
    assert_eq!(view.chart.x_ticks.first().map(|t| t.label.as_str()), Some("10"));
    assert!(view.exports.is_some());

    // Another figure refits the same points.
    s.apply(Action::ShowSweepFigure(Figure::Allocations));
    let view = s.view().sweep.unwrap().unwrap();
    assert_eq!(view.figure, "allocations");
    assert_eq!(view.chart.y_title, "Allocations");
    assert_eq!(view.exports.unwrap().figure, Figure::Allocations);
}

#[test]
fn a_limit_ends_that_panes_sweep_and_the_other_goes_on() {
    let mut s = ready_state();
    s.apply(Action::SetSweepRange(SweepRange { points: 4, ..SweepRange::default() }));
    s.apply(Action::Sweep);
    finish(&mut s, Side::A, 1_000, None);
    let limit = LimitKind::Memory.error(&Limits::default(), Some(2));
    let effects = finish(&mut s, Side::A, 512 << 20, Some(limit));
    assert!(started(&effects).is_empty(), "A's sweep ends at the limit");
    assert!(s.view().panes[0].status.is_empty() || !s.view().panes[0].status.starts_with("sweeping"));
    let mut last = Vec::new();
    for _ in 0..4 {
        last = finish(&mut s, Side::B, 900, None);
    }
    let sweep = swept(&s, &last).expect("done when B ends");
    assert_eq!(sweep.points.len(), 4);
    assert!(sweep.points[1].a.as_ref().unwrap().error.is_some(), "the point at the limit is kept");
    assert!(sweep.points[2].a.is_none());
    let view = s.view().sweep.unwrap().unwrap();
    assert!(view.fits[0].ended.as_deref().unwrap().contains("MemoryLimitExceeded"), "{:?}", view.fits[0].ended);
    assert_eq!(view.fits[1].ended, None);
}

#[test]
fn stop_ends_the_sweep_and_keeps_the_points_done() {
    let mut s = ready_state();
    s.apply(Action::Sweep);
    finish(&mut s, Side::A, 1_000, None);
    finish(&mut s, Side::B, 1_000, None);
    finish(&mut s, Side::A, 2_000, None);
    let effects = s.apply(Action::Stop);
    assert_eq!(effects.iter().filter(|e| e.starts_worker().is_some()).count(), 2);
    let sweep = swept(&s, &effects).expect("Stop hands out what was done");
    let done = |b: bool| {
        sweep.points.iter().filter(|p| if b { &p.b } else { &p.a }.as_ref().is_some_and(|r| r.error.is_none())).count()
    };
    assert_eq!((done(false), done(true)), (2, 1));
    assert_eq!(sweep.points[2].a.as_ref().unwrap().error.as_ref().unwrap().kind, ErrorKind::Stopped);
    assert!(!s.running());
    let view = s.view().sweep.unwrap().unwrap();
    assert!(view.fits[1].ended.as_deref().unwrap().contains("Stop was pressed"));
    // A fresh worker takes the next run as usual.
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    assert_eq!(started(&s.apply(Action::Run)).len(), 2);
}

#[test]
fn a_snippet_without_a_size_says_how_to_add_one() {
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "x = [0] * 1000\n".into()));
    let effects = s.apply(Action::Sweep);
    assert!(started(&effects).is_empty());
    let message = match &effects[..] {
        [Effect::Announce(Announcement::SweepFailed(m))] => m.clone(),
        other => panic!("{other:?}"),
    };
    assert!(message.contains("N = 100_000"), "{message}");
    assert_eq!(s.view().sweep, Some(Err(message)));
    // A range that does not make a sweep is a message too, and nothing runs.
    s.apply(Action::SetCode(Side::A, "N = 5\nx = [0] * N\n".into()));
    let effects = s.apply(Action::Sweep);
    assert!(
        matches!(&effects[..], [Effect::Announce(Announcement::SweepFailed(m))] if m.contains("from 10 is not below to 5")),
        "{effects:?}"
    );
    assert!(!s.running());
}

#[test]
fn a_sweep_link_carries_the_range_and_sweeps_on_open() {
    let mut s = ready_state();
    let range = SweepRange { var: Some("N".into()), from: 100, to: Some(10_000), points: 5, ..SweepRange::default() };
    s.apply(Action::SetSweepRange(range.clone()));
    let fragment = s.share_fragment(false, true).unwrap();
    assert!(fragment.starts_with("v1=") && fragment.ends_with("&sweep"), "{fragment}");
    let link = Link::parse(&fragment).unwrap().unwrap();
    assert!(link.sweep && !link.run);

    let mut opened = State::new(None);
    opened.apply(Action::EngineCompiled);
    opened.apply(Action::OpenLink(fragment));
    assert_eq!(opened.settings.sweep, range);
    assert!(opened.running(), "the sweep waits for the workers");
    let effects = opened.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    assert!(matches!(&started(&effects)[..], [(Side::A, code)] if code.starts_with("N = 100\n")), "{effects:?}");

    // An unedited preset with the default range keeps the short form.
    let s = ready_state();
    assert_eq!(s.share_fragment(false, true).unwrap(), "preset=list-vs-generator&sweep");
    // An old link (no sweep field) opens with the default range.
    assert!(!Link::parse("preset=keep-vs-del&run").unwrap().unwrap().sweep);
}

#[test]
fn the_form_offers_the_sizes_both_snippets_have() {
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "N = 1_000\nM = 50\nrows = 3\nx = [0] * N * M\n".into()));
    s.apply(Action::SetCode(Side::B, "M = 7\nN = 1_000\nx = range(N * M)\n".into()));
    let form = s.sweep_form_view();
    let keys: Vec<&str> = form.vars.iter().map(|(k, _)| k.as_str()).collect();
    assert_eq!(keys, ["N", "M"], "ALL-CAPS names both snippets have, in A's order; no number of their own");
    assert_eq!(form.vars[0].1, "N = 1000");
    assert_eq!((form.var.as_str(), form.to_default, form.from, form.points), ("N", Some(1_000), 10, 8));
    s.apply(Action::SetSweepRange(SweepRange { var: Some("M".into()), ..SweepRange::default() }));
    let form = s.sweep_form_view();
    assert_eq!((form.var.as_str(), form.to_default), ("M", Some(50)));
    let effects = s.apply(Action::Sweep);
    assert!(started(&effects).iter().all(|(_, code)| code.contains("M = 10\n")), "{effects:?}");
}

#[test]
fn tutorial_code_as_written_sweeps_its_largest_number() {
    let mut s = ready_state();
    let a = "def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(1000000)))\n";
    let b = "def firstn(n):\n    num = 0\n    while num < n:\n        yield num\n        num += 1\n\n\
             print(sum(firstn(1000000)))\n";
    s.apply(Action::SetCode(Side::A, a.into()));
    s.apply(Action::SetCode(Side::B, b.into()));
    let form = s.sweep_form_view();
    assert_eq!((form.var.as_str(), form.to_default), ("@4:18", Some(1_000_000)));
    assert_eq!(form.vars[0].1, "1000000 (line 4, column 18)");
    let effects = s.apply(Action::Sweep);
    let codes = started(&effects);
    assert_eq!(codes.len(), 2, "{effects:?}");
    assert!(codes[0].1.ends_with("print(sum(firstn(10)))\n"), "{codes:?}");
    assert!(codes[1].1.ends_with("print(sum(firstn(10)))\n") && codes[1].1.lines().count() == 7, "{codes:?}");
    assert_eq!(s.sweep.as_ref().unwrap().var, "1000000 (line 4)");
    // A snippet with no number at all still says how to add a size.
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "print('hi')\n".into()));
    let effects = s.apply(Action::Sweep);
    assert!(
        matches!(&effects[..], [Effect::Announce(Announcement::SweepFailed(m))] if m.contains("no size to sweep")),
        "{effects:?}"
    );
}

#[test]
fn a_sweep_point_never_shows_as_the_panes_figures() {
    let mut s = ready_state();
    s.apply(Action::Sweep);
    let run_id = s.pane(Side::A).run_id;
    let mut progress = RunReport::empty(Limits::default(), engine());
    progress.peak_bytes = 5_000;
    s.apply(Action::Worker(Side::A, FromWorker::Run { run_id, event: EngineEvent::Started }));
    s.apply(Action::Worker(Side::A, FromWorker::Run { run_id, event: EngineEvent::progress(progress) }));
    assert_eq!(s.pane(Side::A).shown_report(), None);
    assert!(matches!(s.results_view(), memplay_playground::ResultsView::Empty(_)));
    assert!(s.view().panes[0].marks.is_empty());
}
