//! A comparison's figures as rows: each figure of both runs, formatted, with B's change
//! against A; the words a figure shows when a run measured nothing or did not finish. The
//! tables (table.rs), the Markdown, the cards and the page build on them.

use crate::{Figure, RunReport, Unit};

/// A figure of both runs, formatted, with B's change against A.
pub struct Row {
    pub figure: Figure,
    pub label: &'static str,
    pub a: String,
    pub b: String,
    pub change: String,
}

/// The five headline figures of a report: label, value, unit.
pub fn figures(r: &RunReport) -> [(&'static str, f64, Unit); 5] {
    Figure::ALL.map(|f| (f.label(), f.value(r), f.unit()))
}

/// Every figure of both runs, in table order.
/// One row per figure. A run that measured nothing (`RunReport::measured`) shows "–"; one
/// that failed after measuring shows its figures "so far". The change is "–" unless both
/// runs finished: a ratio against a run cut short compares nothing.
pub fn rows(a: &RunReport, b: &RunReport) -> Vec<Row> {
    Figure::ALL
        .iter()
        .map(|&figure| Row {
            figure,
            label: figure.label(),
            a: partial_text(figure.text(a), a.measured(), a.finished()),
            b: partial_text(figure.text(b), b.measured(), b.finished()),
            change: if a.finished() && b.finished() {
                figure_change(figure, figure.value(a), figure.value(b))
            } else {
                UNMEASURED.into()
            },
        })
        .collect()
}

/// A figure of a run as shown: "–" when nothing was measured, "3.3 KiB so far" when the
/// run did not finish.
pub fn partial_text(text: String, measured: bool, finished: bool) -> String {
    match (measured, finished) {
        (false, _) => UNMEASURED.into(),
        (true, false) => format!("{text} {SO_FAR}"),
        (true, true) => text,
    }
}

/// What marks the figures of a run that did not finish.
pub const SO_FAR: &str = "so far";

/// Times closer than this are timer noise and the scheduler's, not a result: on this
/// project's 2-core machines the same snippet's time moves by a few milliseconds between
/// runs (BENCHMARKS.md), so "16× higher" for 0.4 ms against 6.6 ms says nothing.
pub const TIME_NOISE_MS: f64 = 10.0;

/// The change of `figure` from A to B, with time differences under `TIME_NOISE_MS` "same".
pub fn figure_change(figure: Figure, a: f64, b: f64) -> String {
    if figure.unit() == Unit::Millis && (a - b).abs() < TIME_NOISE_MS {
        return "same".into();
    }
    change(a, b)
}

/// What a figure that was not measured reads.
pub const UNMEASURED: &str = "–";

/// "81× lower", "2.3× higher", "same".
pub fn change(a: f64, b: f64) -> String {
    if a <= 0.0 || b <= 0.0 {
        return if a == b { "same".into() } else { "–".into() };
    }
    let ratio = if a > b { a / b } else { b / a };
    if ratio < 1.05 {
        return "same".into();
    }
    let ratio = if ratio >= 10.0 { format!("{ratio:.0}") } else { format!("{ratio:.1}") };
    format!("{ratio}× {}", if b < a { "lower" } else { "higher" })
}
