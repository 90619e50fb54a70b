//! The view model: what each region of the page shows for a state, worded and formatted
//! in Rust so the Yew components only render it.

use memplay_model::{EngineEvent, EngineInfo, ErrorKind, FromWorker, Limits, RunError, RunReport};
use memplay_playground::{
    Action, Announcement, Effect, FiguresView, FrameView, LoadView, ResultsView, Side, State, Theme,
};

fn engine() -> EngineInfo {
    EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: "test".into() }
}

fn report(peak: u64) -> RunReport {
    RunReport { peak_bytes: peak, wall_ms: 12.0, ..RunReport::empty(Limits::default(), engine()) }
}

fn ready_state() -> State {
    let mut s = State::new(None);
    s.apply(Action::EngineCompiled);
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    s
}

fn event(s: &mut State, side: Side, event: EngineEvent) -> Vec<Effect> {
    let run_id = s.pane(side).run_id;
    s.apply(Action::Worker(side, FromWorker::Run { run_id, event }))
}

#[test]
fn the_load_bar_counts_the_download_then_says_ready() {
    let mut s = State::new(None);
    s.apply(Action::EngineLoading { loaded: 1 << 20, total: Some(4 << 20) });
    assert_eq!(
        s.load_view(),
        LoadView::Loading { text: "Loading Python… 1.0 MiB of 4.0 MiB (25%)".into(), percent: Some(25) }
    );
    s.apply(Action::EngineCompiled);
    assert_eq!(s.load_view(), LoadView::Loading { text: "Starting Python…".into(), percent: Some(100) });
    let effects = s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    assert!(!effects.contains(&Effect::Announce(Announcement::Ready)), "one worker is not Python ready");
    let effects = s.apply(Action::Worker(Side::B, FromWorker::Ready { engine: engine() }));
    assert!(effects.contains(&Effect::Announce(Announcement::Ready)));
    assert_eq!(s.load_view(), LoadView::Ready);
    assert!(s.view().toolbar.can_run);
    // Ready is announced once, not again when a replaced worker comes back.
    s.apply(Action::WorkerCrashed(Side::A, "gone".into()));
    let effects = s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    assert!(!effects.contains(&Effect::Announce(Announcement::Ready)));
}

#[test]
fn a_failed_engine_is_said_and_announced() {
    let mut s = State::new(None);
    let effects = s.apply(Action::EngineFailed("HTTP 404".into()));
    assert!(effects.contains(&Effect::Announce(Announcement::EngineFailed("HTTP 404".into()))));
    let LoadView::Failed(text) = s.load_view() else { panic!("{:?}", s.load_view()) };
    assert!(text.contains("HTTP 404") && text.contains("Reload"), "{text}");
    assert_eq!(s.pane_view(Side::A).status, "engine unavailable");
}

#[test]
fn a_pane_goes_from_waiting_to_running_to_done() {
    let mut s = State::new(None);
    s.apply(Action::Run);
    let v = s.pane_view(Side::A);
    assert_eq!(v.status, "waiting for Python…");
    assert_eq!(v.figures, FiguresView::Empty("Running… figures appear as the snippet allocates"));
    assert!(!v.console_placeholder, "a run is on its way");
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    assert_eq!(s.pane_view(Side::A).status, "starting…");
    event(&mut s, Side::A, EngineEvent::Started);
    assert_eq!(s.pane_view(Side::A).status, "running…");
    event(&mut s, Side::A, EngineEvent::progress(report(3 << 20)));
    let FiguresView::Shown { live, cells } = s.pane_view(Side::A).figures else { panic!("no figures") };
    assert!(live);
    let keys: Vec<_> = cells.iter().map(|c| c.key).collect();
    assert_eq!(keys, ["peak", "allocated", "allocations", "retained", "time"]);
    assert_eq!((cells[0].label, cells[0].text.as_str(), cells[0].value), ("Peak memory", "3.0 MiB", 3145728.0));
    assert!(cells[0].meaning.contains("at any one moment"), "{}", cells[0].meaning);
    // A long run says how far it is against its time limit.
    event(&mut s, Side::A, EngineEvent::progress(RunReport { wall_ms: 2_300.0, ..report(3 << 20) }));
    assert_eq!(s.pane_view(Side::A).status, "running… 2.30 s of 10.00 s");
    event(&mut s, Side::A, EngineEvent::done(report(3 << 20)));
    assert_eq!(s.pane_view(Side::A).status, "done in 12.0 ms");
    assert!(matches!(s.pane_view(Side::A).figures, FiguresView::Shown { live: false, .. }));
}

#[test]
fn an_error_is_shown_with_its_line_and_the_pane_says_how_it_ended() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let mut failed = report(10);
    failed.error = Some(RunError {
        line: Some(4),
        traceback: "Traceback…".into(),
        ..RunError::plain(ErrorKind::Python("ZeroDivisionError".into()), "division by zero")
    });
    event(&mut s, Side::A, EngineEvent::done(failed));
    let v = s.pane_view(Side::A);
    assert_eq!(v.status, "ended: ZeroDivisionError");
    let e = v.error.expect("an error");
    assert_eq!((e.kind.as_str(), e.message.as_str(), e.line), ("ZeroDivisionError", "division by zero", Some(4)));
}

#[test]
fn the_console_is_the_output_once_with_the_cut_said_after_it() {
    let mut s = ready_state();
    assert!(s.pane_view(Side::A).console_placeholder);
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "a\n".into() });
    event(&mut s, Side::A, EngineEvent::Output { stderr: true, text: "oops\n".into() });
    let mut cut = report(10);
    cut.truncated.output = true;
    event(&mut s, Side::A, EngineEvent::progress(cut.clone()));
    let v = s.pane_view(Side::A);
    assert_eq!(
        v.console.iter().map(|c| (c.stderr, c.text.as_str())).collect::<Vec<_>>(),
        [(false, "a\n"), (true, "oops\n")]
    );
    assert!(v.cut_notice.as_deref().is_some_and(|n| n.contains("output truncated at 1.0 MiB")));
    event(&mut s, Side::A, EngineEvent::done(cut));
    let result = s.pane(Side::A).result.as_ref().expect("a result");
    assert_eq!((result.stdout.as_str(), result.stderr.as_str()), ("a\n", "oops\n"), "the notice is not output");
}

#[test]
fn results_are_live_while_running_then_final_with_exports() {
    let mut s = ready_state();
    assert!(matches!(s.results_view(), ResultsView::Empty(_)));
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::Output { stderr: false, text: "hi\n".into() });
    event(&mut s, Side::A, EngineEvent::progress(report(9 << 20)));
    assert!(matches!(s.results_view(), ResultsView::Empty(_)), "B has no figures yet");
    event(&mut s, Side::B, EngineEvent::progress(report(100 << 10)));
    let ResultsView::Shown(live) = s.results_view() else { panic!("no results") };
    assert!(live.live && live.verdict.starts_with("So far: B peaks"), "{}", live.verdict);
    assert_eq!(live.winner, "b");
    assert!(live.exports.is_none(), "nothing to export before both runs end");
    let (bars, timeline) = live.charts.expect("charts on the page");
    assert_eq!(bars.a_label, "A: list comprehension");
    assert_eq!(bars.bars[0].b_text, "100 KiB");
    assert!(timeline.y_ticks.len() >= 2);
    event(&mut s, Side::A, EngineEvent::done(report(9 << 20)));
    event(&mut s, Side::B, EngineEvent::done(report(100 << 10)));
    let ResultsView::Shown(done) = s.results_view() else { panic!("no results") };
    assert!(!done.live && done.verdict.starts_with("B peaks 92× lower"), "{}", done.verdict);
    let row = &done.rows[0];
    assert_eq!(
        (row.key, row.a.as_str(), row.b.as_str(), row.change.as_str()),
        ("peak", "9.0 MiB", "100 KiB", "92× lower")
    );
    let exported = done.exports.expect("exports once both ended");
    assert_eq!(exported.comparison.a.stdout, "hi\n", "exports carry the output");
    assert_eq!(s.comparison.as_ref().map(|c| c.a.stdout.as_str()), Some(""), "the state keeps it once");
}

#[test]
fn an_embed_has_no_charts_and_no_exports() {
    let mut s = State::embedded();
    s.apply(Action::EngineCompiled);
    for side in Side::BOTH {
        s.apply(Action::Worker(side, FromWorker::Ready { engine: engine() }));
    }
    s.apply(Action::Run);
    event(&mut s, Side::A, EngineEvent::done(report(1 << 20)));
    event(&mut s, Side::B, EngineEvent::done(report(1 << 10)));
    let ResultsView::Shown(v) = s.results_view() else { panic!("no results") };
    assert!(v.charts.is_none() && v.exports.is_none());
}

#[test]
fn the_toolbar_follows_runs_and_the_theme_is_an_effect() {
    let mut s = ready_state();
    s.apply(Action::Run);
    let t = s.toolbar_view();
    assert!(!t.can_run && t.can_stop);
    assert_eq!(t.run_label, "Running…");
    assert!(t.explanation.is_some(), "the default preset explains itself");
    let effects = s.apply(Action::SetTheme(Theme::Dark));
    assert!(effects.contains(&Effect::ApplyTheme(Theme::Dark)));
    assert_eq!(s.view().toolbar.theme, Theme::Dark);
    s.apply(Action::SetCode(Side::A, "x = 1\n".into()));
    assert_eq!(s.toolbar_view().explanation, None, "an edited snippet is no longer the preset");
}

#[test]
fn at_the_peak_is_worded_for_a_reader_and_aligns_the_lines() {
    use memplay_model::{AtPeak, PeakLine, PeakStack};
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "N = 10\ntotal = sum([x for x in range(N)])\nprint(total)\n".into()));
    s.apply(Action::SetCode(
        Side::B,
        "N = 10\n# one at a time\ntotal = sum(x for x in range(N))\nprint(total)\n".into(),
    ));
    s.apply(Action::Run);
    let line = |line, bytes, blocks| PeakLine { line, bytes, blocks, types: Vec::new() };
    let a = RunReport {
        at_peak: Some(AtPeak {
            live_bytes: 4 << 20,
            running_line: Some(2),
            by_line: vec![line(2, (4 << 20) + 512, 1001), line(0, -512, 2)],
            by_stack: vec![PeakStack { stack: vec!["<module>:2".into()], bytes: (4 << 20) + 512 }],
            by_type: Vec::new(),
            approximate: false,
        }),
        ..report(4 << 20)
    };
    let b = RunReport {
        at_peak: Some(AtPeak {
            live_bytes: 700,
            running_line: Some(3),
            by_line: vec![line(3, 700, 4)],
            ..AtPeak::default()
        }),
        ..report(700)
    };
    for (side, r) in [(Side::A, a), (Side::B, b)] {
        event(&mut s, side, EngineEvent::Started);
        event(&mut s, side, EngineEvent::done(r));
    }
    let ResultsView::Shown(v) = s.results_view() else { panic!("no results") };
    let peak = v.peak.expect("the section once the comparison is done");
    let a = peak.sides[0].as_ref().unwrap();
    assert_eq!(a.heading, "A peaked at 4.0 MiB while line 2 ran");
    assert_eq!(a.running_code, "total = sum([x for x in range(N)])");
    let labels: Vec<&str> = a.rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["line 2", "before the snippet"]);
    assert_eq!(a.rows[0].blocks, "1,001 allocations");
    assert!(a.rows[1].title.contains("freed by its peak"), "{}", a.rows[1].title);
    assert_eq!(
        a.note.as_deref(),
        Some(
            "By its peak, A had freed 512 B that the interpreter made before the snippet started, so the lines \
             above add up to that much more than the peak."
        ),
        "a row below zero is explained in words"
    );
    assert_eq!(peak.sides[1].as_ref().unwrap().note, None);
    assert!(a.stacks.is_empty(), "one frame says no more than the lines");
    // Line 2 of A pairs with line 3 of B, past B's extra comment line.
    let row = &peak.aligned[0];
    assert_eq!((row.a_line.as_str(), row.b_line.as_str()), ("line 2", "line 3"));
    assert_eq!((row.a.as_str(), row.b.as_str()), ("4.0 MiB", "700 B"));
    assert_eq!(row.title, "A holds 4.0 MiB at its peak; its counterpart in B holds 700 B");
}

#[test]
fn a_stopped_run_is_explained_up_to_the_peak_it_had_reached() {
    use memplay_model::{AtPeak, PeakLine};
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "big = [0] * 10**6\nwhile True:\n    s = str(len(big))\n".into()));
    s.apply(Action::SetCode(Side::B, "x = 1\n".into()));
    s.apply(Action::Run);
    event(&mut s, Side::B, EngineEvent::Started);
    event(&mut s, Side::B, EngineEvent::done(report(100)));
    event(&mut s, Side::A, EngineEvent::Started);
    let explained = |live_bytes: u64| AtPeak {
        live_bytes,
        running_line: Some(1),
        by_line: vec![PeakLine { line: 1, bytes: live_bytes as i64, blocks: 1, types: Vec::new() }],
        ..AtPeak::default()
    };
    event(&mut s, Side::A, EngineEvent::progress(report(8 << 20)));
    event(&mut s, Side::A, EngineEvent::AtPeak(Box::new(explained(8 << 20))));
    s.apply(Action::Stop);
    let ResultsView::Shown(v) = s.results_view() else { panic!("no results") };
    let peak = v.peak.expect("a stopped run is explained as far as it got");
    let a = peak.sides[0].as_ref().unwrap();
    assert_eq!(a.heading, "A peaked at 8.0 MiB before it was stopped while line 1 ran");
    assert_eq!(a.rows[0].label, "line 1");
    assert_eq!(peak.aligned[0].a, "8.0 MiB");

    // The peak rose after the last explanation: the heading says which figure it explains.
    s.apply(Action::Worker(Side::A, FromWorker::Ready { engine: engine() }));
    s.apply(Action::Run);
    event(&mut s, Side::B, EngineEvent::Started);
    event(&mut s, Side::B, EngineEvent::done(report(100)));
    event(&mut s, Side::A, EngineEvent::Started);
    event(&mut s, Side::A, EngineEvent::AtPeak(Box::new(explained(8 << 20))));
    event(&mut s, Side::A, EngineEvent::progress(report(9 << 20)));
    s.apply(Action::Stop);
    let ResultsView::Shown(v) = s.results_view() else { panic!("no results") };
    let a = v.peak.unwrap().sides[0].clone().unwrap();
    assert_eq!(a.heading, "A peaked at 9.0 MiB before it was stopped; explained as it was at 8.0 MiB while line 1 ran");
}

#[test]
fn a_deep_stack_reads_as_its_ends_and_the_calls_between() {
    use memplay_model::{AtPeak, PeakLine, PeakStack, listed_frames};
    let mut s = ready_state();
    s.apply(Action::SetCode(Side::A, "def f(n):\n    return [n] + f(n - 1) if n else []\nx = f(600)\n".into()));
    s.apply(Action::SetCode(Side::B, "x = 1\n".into()));
    s.apply(Action::Run);
    let stack = listed_frames(601, |i| if i == 0 { "<module>:3".to_owned() } else { "f:2".to_owned() });
    let a = RunReport {
        at_peak: Some(AtPeak {
            live_bytes: 4096,
            running_line: Some(2),
            by_line: vec![PeakLine { line: 2, bytes: 4096, blocks: 600, types: Vec::new() }],
            by_stack: vec![PeakStack { stack, bytes: 4096 }],
            ..AtPeak::default()
        }),
        ..report(4096)
    };
    for (side, r) in [(Side::A, a), (Side::B, report(100))] {
        event(&mut s, side, EngineEvent::Started);
        event(&mut s, side, EngineEvent::done(r));
    }
    let ResultsView::Shown(v) = s.results_view() else { panic!("no results") };
    let a = v.peak.unwrap().sides[0].clone().unwrap();
    let frames: Vec<&str> = a.stacks.iter().map(|r| r.frame.as_str()).collect();
    // The recursion's repeated frames are one row each side of the calls left out.
    assert_eq!(frames, ["the snippet, line 3", "f, line 2 (×3)", "… 578 more calls", "f, line 2 (×19)"]);
}

#[test]
fn share_and_embed_follow_the_readers_choices_in_the_page_view() {
    use memplay_playground::{Link, LinkContent, ShareOptions};
    let mut s = State::new(None);
    s.page_base = "https://memplay.example/play/".into();
    let opened = |url: &str| {
        let fragment = url.strip_prefix("https://memplay.example/play/").expect("on the page's base");
        Link::parse(fragment).ok().flatten().expect("a link the page opens")
    };
    let share = |s: &State| match s.view().frame {
        FrameView::Page { share, .. } => share,
        FrameView::Embed { .. } => panic!("the full page shares"),
    };
    let v = share(&s);
    let link = opened(v.link.as_ref().unwrap());
    assert!(!link.run && !link.sweep, "{link:?}");
    assert!(v.embed.contains("https://memplay.example/play/?embed"), "{}", v.embed);
    assert!(v.readable.contains(&s.pane(Side::A).code.lines().next().unwrap().to_string()));
    assert!(matches!(opened(&s.playground_url()).content, LinkContent::Preset(_) | LinkContent::Snippets(_)));

    s.apply(Action::SetShareOptions(ShareOptions { run: true, sweep: true }));
    let v = share(&s);
    assert!(v.run && v.sweep);
    let link = opened(v.link.as_ref().unwrap());
    assert!(link.run && link.sweep, "{link:?}");
    assert!(!opened(&s.playground_url()).run, "an embed's link to the playground never runs on open");
}

#[test]
fn an_edit_takes_the_marks_and_the_error_line_away_until_the_next_run() {
    let mut s = ready_state();
    let ran = |s: &mut State| {
        s.apply(Action::Run);
        for side in Side::BOTH {
            let mut r = report(5000);
            r.lines = vec![memplay_model::LineStat {
                line: 1,
                hits: 1,
                allocations: 3,
                allocated_bytes: 4096,
                net_bytes: 4096,
                peak_bytes: 4096,
            }];
            r.error = Some(RunError { line: Some(2), ..RunError::plain(ErrorKind::Python("ValueError".into()), "x") });
            event(s, side, EngineEvent::Started);
            event(s, side, EngineEvent::done(r));
        }
    };
    ran(&mut s);
    let v = s.pane_view(Side::A);
    assert_eq!((v.marks.len(), v.error_line), (1, Some(2)), "{:?}", v.marks);
    let code = format!("{}# edited\n", s.pane(Side::A).code);
    s.apply(Action::SetCode(Side::A, code));
    let v = s.pane_view(Side::A);
    assert!(v.marks.is_empty() && v.error_line.is_none(), "they describe code that is gone");
    assert!(v.error.is_some(), "the error itself stays said");
    assert_eq!(s.pane_view(Side::B).marks.len(), 1, "the other pane was not edited");
    // The same text again is no edit; a preset is one; the next run brings marks back.
    s.apply(Action::SetCode(Side::B, s.pane(Side::B).code.clone()));
    assert_eq!(s.pane_view(Side::B).marks.len(), 1);
    ran(&mut s);
    assert_eq!(s.pane_view(Side::A).marks.len(), 1);
    s.apply(Action::LoadPreset("raw-vs-zlib".into()));
    assert!(s.pane_view(Side::A).marks.is_empty() && s.pane_view(Side::B).marks.is_empty());
}

#[test]
fn the_scale_form_is_the_full_pages_and_an_embed_shows_only_results() {
    assert!(matches!(State::new(None).view().frame, FrameView::Page { .. }));
    assert!(matches!(State::embedded().view().frame, FrameView::Embed { .. }));
}
