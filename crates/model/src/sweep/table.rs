//! A sweep as a Markdown table: the sweep's figure (peak memory unless refitted) of A and B at each N, then each snippet's
//! growth class and the crossover.

use super::Sweep;
use crate::{Figure, RunReport};

pub fn sweep_markdown(s: &Sweep, a_title: &str, b_title: &str) -> String {
    let cell = |t: &str| t.replace('|', "\\|").replace('\n', " ");
    let what = s.figure.key();
    let mut out =
        format!("| {} | A: {} {what} | B: {} {what} |\n|---:|---:|---:|\n", cell(&s.var), cell(a_title), cell(b_title));
    for p in &s.points {
        let n = crate::group_thousands(p.n);
        let (a, b) = (shown(p.a.as_ref(), s.figure), shown(p.b.as_ref(), s.figure));
        out.push_str(&format!("| {n} | {a} | {b} |\n"));
    }
    out.push_str(&format!(
        "\n**A:** {}  \n**B:** {}  \n**Crossover:** {}\n",
        s.fit.a.text, s.fit.b.text, s.crossover.text
    ));
    out
}

/// A point's figure, and how its run ended if it failed, or "–" where the side's sweep
/// had ended.
fn shown(r: Option<&RunReport>, figure: Figure) -> String {
    match r {
        None => "–".into(),
        Some(r) => match &r.error {
            Some(e) => format!("{} ({})", figure.text(r), e.kind),
            None => figure.text(r),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, ErrorKind, Limits, RunError, SweepPoint};

    #[test]
    fn a_row_per_size_and_the_findings_below() {
        let report = |peak: u64| RunReport {
            peak_bytes: peak,
            ..RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() })
        };
        let mut limited = report(64 << 20);
        limited.error = Some(RunError::plain(ErrorKind::MemoryLimitExceeded, "memory limit exceeded"));
        let points = vec![
            SweepPoint { n: 10, a: Some(report(2048)), b: Some(report(900)) },
            SweepPoint { n: 1000, a: Some(report(90_000)), b: Some(report(900)) },
            SweepPoint { n: 100_000, a: Some(limited), b: Some(report(900)) },
        ];
        let md = sweep_markdown(&Sweep::new("N", points), "list", "gen");
        assert!(
            md.starts_with("| N | A: list peak | B: gen peak |\n|---:|---:|---:|\n| 10 | 2.0 KiB | 900 B |\n"),
            "{md}"
        );
        assert!(md.contains("| 100,000 | 64.0 MiB (MemoryLimitExceeded) | 900 B |"), "{md}");
        assert!(md.contains("**Crossover:** B is lower at every N measured"), "{md}");
    }
}
