//! A comparison as a Markdown table, for pasting into a blog post.

use crate::table::{figures_table, peak_table};
use crate::{Comparison, CpythonCheck};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::group_thousands;
    use crate::rows::*;
    use crate::{EngineInfo, Limits};
    use crate::{Figure, RunReport};

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
