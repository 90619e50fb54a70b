//! Per-line memory as marks in the editor's gutter: "+3.8 MiB" where a line keeps memory,
//! "−3.8 MiB" where it frees it; and, in a second column, "▲3.8 MiB" where what a line
//! made was still alive at the run's peak.

use memplay_model::{LineStat, RunReport, format_bytes, group_thousands, kinds_text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    /// The line left more memory alive than before it ran.
    Grow,
    /// The line freed more than it allocated.
    Free,
    /// The line allocated and freed it all again.
    Churn,
    /// What the line made that was alive at the peak (the second column).
    AtPeak,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct GutterMark {
    pub line: u32,
    pub text: String,
    pub kind: MarkKind,
    /// The line's full figures, for a tooltip.
    pub detail: String,
}

/// Lines whose memory change is below this are left unmarked, so that the gutter points at
/// what matters instead of every small object.
const MIN_BYTES: u64 = 1024;

/// One mark per line that moved at least a kilobyte, and one per line whose memory
/// alive at the peak is at least a kilobyte.
pub fn gutter(report: &RunReport) -> Vec<GutterMark> {
    let mut marks: Vec<GutterMark> = report.lines.iter().filter_map(mark).collect();
    marks.extend(report.at_peak.iter().flat_map(|at| at_peak_marks(at, report.peak_bytes)));
    marks
}

fn at_peak_marks(at: &memplay_model::AtPeak, peak: u64) -> impl Iterator<Item = GutterMark> + '_ {
    at.by_line.iter().filter(|l| l.line > 0 && l.bytes >= MIN_BYTES as i64).map(move |l| {
        let bytes = format_bytes(l.bytes as f64);
        let share = l.bytes as f64 / peak.max(1) as f64 * 100.0;
        // The kinds of objects where the engine told them, else how many pieces of memory.
        let what = match kinds_text(&l.types, 3) {
            kinds if kinds.is_empty() => format!("{} allocations", group_thousands(l.blocks.max(0) as u64)),
            kinds => kinds,
        };
        GutterMark {
            line: l.line,
            text: format!("▲{bytes}"),
            kind: MarkKind::AtPeak,
            detail: format!(
                "line {}: made {bytes} ({share:.0}% of the peak: {what}) that was still alive when the run \
                 peaked; the other mark is what the line changed while it ran",
                l.line,
            ),
        }
    })
}

fn mark(l: &LineStat) -> Option<GutterMark> {
    let net = l.net_bytes;
    // A line that keeps a fair share of what it allocates shows what it keeps (building a
    // list also frees the list's smaller buffers as it grows); one that frees more than it
    // allocates shows what it frees; one that allocates and lets almost all of it go (a
    // list built and consumed on one line) shows what it allocated.
    let keeps = net > 0 && net.unsigned_abs() * 10 >= l.allocated_bytes;
    let (text, kind) = if net.unsigned_abs() >= MIN_BYTES && keeps {
        (format!("+{}", format_bytes(net as f64)), MarkKind::Grow)
    } else if net <= -(MIN_BYTES as i64) {
        (format!("−{}", format_bytes(net.unsigned_abs() as f64)), MarkKind::Free)
    } else if l.allocated_bytes >= MIN_BYTES {
        (format!("~{}", format_bytes(l.allocated_bytes as f64)), MarkKind::Churn)
    } else {
        return None;
    };
    let detail = format!(
        "line {}: {} allocations, {} allocated, net {}{}, peak {}",
        l.line,
        group_thousands(l.allocations),
        format_bytes(l.allocated_bytes as f64),
        if net >= 0 { "+" } else { "−" },
        format_bytes(net.unsigned_abs() as f64),
        format_bytes(l.peak_bytes as f64),
    );
    Some(GutterMark { line: l.line, text, kind, detail })
}

#[cfg(test)]
mod tests {
    use super::*;
    use memplay_model::{EngineInfo, Limits};

    fn report(lines: Vec<LineStat>) -> RunReport {
        let mut r = RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() });
        r.lines = lines;
        r
    }

    fn line(line: u32, allocated: u64, net: i64) -> LineStat {
        LineStat { line, hits: 1, allocations: 3, allocated_bytes: allocated, net_bytes: net, peak_bytes: allocated }
    }

    #[test]
    fn growth_frees_and_churn_get_their_own_marks() {
        let marks = gutter(&report(vec![
            line(1, 4_000_000, 3_984_588),
            line(2, 0, -3_984_588),
            line(3, 50_000, 0),
            line(4, 100, 100),
            line(5, 6_600_000, 5_800),
            line(6, 15_500_000, 6_000_000),
        ]));
        let texts: Vec<_> = marks.iter().map(|m| (m.line, m.text.as_str(), m.kind)).collect();
        assert_eq!(
            texts,
            vec![
                (1, "+3.8 MiB", MarkKind::Grow),
                (2, "−3.8 MiB", MarkKind::Free),
                (3, "~48.8 KiB", MarkKind::Churn),
                (5, "~6.3 MiB", MarkKind::Churn),
                (6, "+5.7 MiB", MarkKind::Grow)
            ]
        );
        assert!(marks[1].detail.contains("net −3.8 MiB"), "{}", marks[1].detail);
    }

    #[test]
    fn a_second_mark_shows_what_a_line_made_that_was_alive_at_the_peak() {
        let mut r = report(vec![line(2, 9 << 20, -(1 << 20))]);
        r.peak_bytes = 8 << 20;
        r.at_peak = Some(memplay_model::AtPeak {
            live_bytes: 8 << 20,
            by_line: vec![
                memplay_model::PeakLine {
                    line: 2,
                    bytes: 8 << 20,
                    blocks: 3,
                    types: vec![memplay_model::PeakType { name: "int".into(), count: 2, bytes: 8 << 20 }],
                },
                memplay_model::PeakLine { line: 3, bytes: 100, blocks: 1, types: Vec::new() },
                memplay_model::PeakLine { line: 0, bytes: 4096, blocks: 1, types: Vec::new() },
            ],
            ..Default::default()
        });
        let marks = gutter(&r);
        let at_peak: Vec<_> = marks.iter().filter(|m| m.kind == MarkKind::AtPeak).collect();
        assert_eq!(at_peak.len(), 1, "only snippet lines of a kilobyte or more: {marks:?}");
        assert_eq!((at_peak[0].line, at_peak[0].text.as_str()), (2, "▲8.0 MiB"));
        assert!(at_peak[0].detail.contains("100% of the peak: 2 int)"), "{}", at_peak[0].detail);
        assert!(marks.iter().any(|m| m.line == 2 && m.kind == MarkKind::Free), "the net mark stays");
    }
}
