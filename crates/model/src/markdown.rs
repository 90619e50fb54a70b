//! A comparison as a Markdown table, for pasting into a blog post.

use crate::table::{figures_table, peak_table};
use crate::{Comparison, CpythonCheck, Figure, RunReport, Unit};

/// The comparison for pasting into a blog post: the figures (with CPython's beside them
/// once the check has run), the verdict, and the "At the peak" table.
pub fn markdown(c: &Comparison, check: Option<&CpythonCheck>, a_title: &str, b_title: &str) -> String {
    let mut out = figures_table(c, check, a_title, b_title).markdown();
    match check {
        Some(k) => {
            let name = k.engine.short_label();
            out.push_str(&format!("\n**Verdict:** {}  \n**{name}:** {}\n", c.headline(Some(k)), k.verdict));
        }
        None => out.push_str(&format!("\n**Verdict:** {}\n", c.verdict)),
    }
    if c.close_call && check.is_none() {
        out.push_str(&format!("\n*{}*\n", crate::CLOSE_CALL_NOTE));
    }
    if let Some(peak) = peak_table(c, check) {
        out.push_str("\n**At the peak** (alive at each snippet's peak, by the line that made it):\n\n");
        out.push_str(&peak.markdown());
    }
    if let Some(kinds) = crate::kinds_table(c, check) {
        out.push_str("\n**What kind of objects** (alive at each snippet's peak, by type):\n\n");
        for (letter, r) in [("A", &c.a), ("B", &c.b)] {
            if let Some(at) = r.at_peak.as_ref().filter(|at| !at.by_type.is_empty()) {
                out.push_str(&format!("{}  \n", crate::kinds_sentence(letter, at)));
            }
        }
        out.push('\n');
        out.push_str(&kinds.markdown());
    }
    out
}

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

pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits};

    fn report(peak: u64, allocations: u64) -> RunReport {
        let engine = EngineInfo { name: "t".into(), version: "0".into() };
        RunReport { peak_bytes: peak, allocations, ..RunReport::empty(Limits::default(), engine) }
    }

    #[test]
    fn table_has_every_figure_and_the_verdict() {
        let c = Comparison::new(report(9 * 1024 * 1024, 101_000), report(113 * 1024, 1_200));
        let md = markdown(&c, None, "list", "gen|erator");
        assert!(md.starts_with("| | A: list | B: gen\\|erator | B vs A |\n|---|---:|---:|---:|\n"), "{md}");
        assert!(md.contains("| Peak memory | 9.0 MiB | 113 KiB | 82× lower |"), "{md}");
        assert!(md.contains("| Allocations | 101,000 | 1,200 | 84× lower |"), "{md}");
        assert!(md.contains(&format!("**Verdict:** {}", c.verdict)));
    }

    #[test]
    fn a_run_that_measured_nothing_shows_dashes_not_zeros() {
        let failed = || {
            let mut r = report(0, 0);
            r.error = Some(crate::RunError::plain(crate::ErrorKind::Python("SyntaxError".into()), "bad"));
            r
        };
        let both = rows(&failed(), &failed());
        assert!(
            both.iter().all(|r| r.a == UNMEASURED && r.b == UNMEASURED && r.change == UNMEASURED),
            "{:?}",
            both.iter().map(|r| (&r.a, &r.b, &r.change)).collect::<Vec<_>>()
        );
        let one = rows(&report(2048, 10), &failed());
        assert_eq!((one[0].a.as_str(), one[0].b.as_str(), one[0].change.as_str()), ("2.0 KiB", "–", "–"));
        // A run that failed after it started keeps what it measured, marked as partial,
        // and no ratio is taken against it (not even against a run that finished).
        let mut late = report(4096, 20);
        late.error = failed().error;
        let partial = rows(&late, &report(2048, 10));
        assert_eq!((partial[0].a.as_str(), partial[0].b.as_str()), ("4.0 KiB so far", "2.0 KiB"));
        assert!(partial.iter().all(|r| r.change == UNMEASURED), "both failed, or one: no ratios");
    }

    #[test]
    fn time_differences_under_the_noise_floor_are_the_same() {
        assert_eq!(figure_change(Figure::Time, 0.4, 6.6), "same", "16× of timer noise is no result");
        assert_eq!(figure_change(Figure::Time, 40.0, 120.0), "3.0× higher");
        assert_eq!(figure_change(Figure::Peak, 0.4, 6.6), "16× higher", "only time has the floor");
    }

    #[test]
    fn changes_read_naturally() {
        assert_eq!(change(100.0, 100.0), "same");
        assert_eq!(change(100.0, 230.0), "2.3× higher");
        assert_eq!(change(0.0, 5.0), "–");
        assert_eq!(group_thousands(1234567), "1,234,567");
        assert_eq!(group_thousands(12), "12");
    }
}
