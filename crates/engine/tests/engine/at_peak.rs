//! What is alive at the peak: by the line that made it (not the line running when it is
//! freed), by call stack, adding up to the peak, with the running line named.

use crate::common::*;
use memplay_model::{AtPeak, Comparison, PRESETS, Side};

fn at_peak(code: &str) -> AtPeak {
    let r = run_ok(code);
    let at = r.at_peak.expect("a finished run says what was alive at its peak");
    assert_eq!(at.live_bytes, r.peak_bytes);
    let sum: i64 = at.by_line.iter().map(|l| l.bytes).sum();
    assert!(
        (sum - r.peak_bytes as i64).unsigned_abs() <= r.peak_bytes / 20 + 64,
        "the lines add up to the peak: {sum} vs {}",
        r.peak_bytes
    );
    at
}

#[test]
fn a_peak_in_the_middle_is_blamed_on_the_line_that_made_it() {
    let at = at_peak("a = [0] * 10**6\nb = len(a)\ndel a\nc = [1, 2, 3]\n");
    let top = at.top_line().unwrap();
    assert_eq!(top.line, 1, "{at:#?}");
    assert!(top.bytes as f64 >= 0.95 * at.live_bytes as f64, "{at:#?}");
    // The highest moment is on line 2, whose `len(a)` adds a few bytes on top of the list
    // before line 3 frees it: the running line is named as it was.
    assert_eq!(at.running_line, Some(2), "{at:?}");
    assert!(at.bytes_of(2) < 1024, "{at:?}");
    // Freed on line 3, but counted for line 1 at the peak; line 4 came after the peak.
    assert_eq!(at.bytes_of(3), 0);
    assert_eq!(at.bytes_of(4), 0);
}

#[test]
fn a_later_line_that_frees_does_not_take_the_blame() {
    // The peak is while line 3 runs (a copy of a list made on line 1): the copy is line
    // 3's, the original line 1's, whichever line frees them.
    let at = at_peak("xs = list(range(100_000))\ntotal = 0\nys = list(xs)\ndel xs\ndel ys\n");
    let (l1, l3) = (at.bytes_of(1), at.bytes_of(3));
    assert!(l1 > 300_000 && l3 > 300_000, "{at:#?}");
    assert_eq!(at.running_line, Some(3));
}

#[test]
fn data_built_two_functions_deep_names_both_functions() {
    let code = "def parse(line):\n    return line.split(',')\n\ndef load(n):\n    return [parse('a,b,c') for _ in range(n)]\n\nrows = load(20_000)\nprint(len(rows))\n";
    let at = at_peak(code);
    let top = &at.by_stack[0];
    let names: Vec<&str> = top.stack.iter().map(|f| f.split(':').next().unwrap()).collect();
    assert_eq!(names.first(), Some(&"<module>"), "{top:?}");
    assert!(names.contains(&"load"), "{top:?}");
    assert!(at.by_stack.iter().any(|s| s.stack.iter().any(|f| f.starts_with("parse:2"))), "{:#?}", at.by_stack);
    assert!(top.stack[0] == "<module>:7", "the snippet frame that called: {top:?}");
}

#[test]
fn every_preset_is_blamed_on_the_lines_its_explanation_names() {
    for p in PRESETS {
        let (a, b) = (run_ok(p.a_code), run_ok(p.b_code));
        let side = if a.peak_bytes >= b.peak_bytes { Side::A } else { Side::B };
        let (higher, code) = match side {
            Side::A => (&a, p.a_code),
            Side::B => (&b, p.b_code),
        };
        let at = higher.at_peak.as_ref().unwrap();
        let blamed = p.blamed[side.index()];
        let held: i64 = blamed.iter().map(|&l| at.bytes_of(l)).sum();
        assert!(
            held as f64 >= 0.8 * higher.peak_bytes as f64,
            "{} ({side:?}): lines {blamed:?} ({:?}) hold {held} of {}: {:#?}",
            p.id,
            blamed.iter().map(|&l| memplay_model::line_text(code, l)).collect::<Vec<_>>(),
            higher.peak_bytes,
            at.by_line
        );
        // The comparison aligns the blamed lines with their counterparts.
        let c = Comparison::of_code(a.clone(), b.clone(), p.a_code, p.b_code);
        for &line in blamed {
            let row = c.peak_lines.iter().find(|r| match side {
                Side::A => r.a_line == Some(line),
                Side::B => r.b_line == Some(line),
            });
            assert!(row.is_some() || at.bytes_of(line) == 0, "{}: line {line}: {:#?}", p.id, c.peak_lines);
        }
    }
}

#[test]
fn a_long_run_explains_its_peak_so_far_as_it_goes() {
    use memplay_engine::EventHost;
    use memplay_model::{EngineEvent, RunOptions};
    // The peak is reached on line 1; the loop then allocates and frees for a while, as a
    // run that the reader stops would.
    let code = "big = [0] * 10**6\nfor i in range(400_000):\n    s = str(i) * 2\n";
    let origin = std::time::Instant::now();
    let mut events = Vec::new();
    let report = {
        let mut host = EventHost::new(move || origin.elapsed().as_secs_f64() * 1000.0, |e| events.push(e));
        memplay_engine::run_on_big_stack(code, &RunOptions::default(), &mut host)
    };
    assert!(report.error.is_none(), "{:?}", report.error);
    let explained: Vec<&AtPeak> =
        events.iter().filter_map(|e| if let EngineEvent::AtPeak(at) = e { Some(&**at) } else { None }).collect();
    let first = explained.first().expect("an explanation while the run goes on");
    // Sent as soon as the first progress saw the peak risen, and only again when it rose.
    assert!(explained.windows(2).all(|w| w[1].live_bytes > w[0].live_bytes), "{explained:?}");
    assert!(first.live_bytes <= report.peak_bytes);
    let top = first.top_line().unwrap();
    assert_eq!(top.line, 1, "{first:?}");
    assert!(top.bytes as f64 >= 0.8 * first.live_bytes as f64, "{first:?}");
    assert!(
        events.iter().all(|e| !matches!(e, EngineEvent::Progress(r) if r.at_peak.is_some())),
        "progress carries figures only"
    );
}

#[test]
fn without_stacks_the_lines_are_the_same_and_no_stack_is_kept() {
    use memplay_model::RunOptions;
    let code = "def parse(i):\n    return str(i) * 3\n\ndef load(n):\n    return [parse(i) for i in range(n)]\n\nrows = load(20_000)\n";
    let with = run_ok(code).at_peak.unwrap();
    let without = run_with(code, &RunOptions { stacks: false, ..RunOptions::default() }).at_peak.unwrap();
    assert!(with.by_stack.iter().any(|s| s.stack.iter().any(|f| f.starts_with("parse:"))), "{:?}", with.by_stack);
    assert!(without.by_stack.is_empty(), "{:?}", without.by_stack);
    // The same blame by line: the list on line 5, the strings on line 2.
    let lines = |at: &AtPeak| at.by_line.iter().filter(|l| l.bytes > 1024).map(|l| l.line).collect::<Vec<_>>();
    assert_eq!(lines(&with), lines(&without));
    assert_eq!((with.live_bytes, without.live_bytes), (with.live_bytes, with.live_bytes), "the same peak");
    assert_eq!(with.running_line, without.running_line);
}
