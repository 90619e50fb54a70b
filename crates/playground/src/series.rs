//! The numbers behind the two charts.

use memplay_model::RunReport;
use serde::Serialize;

/// One point of a memory timeline: how far through the run (0–100 %), live bytes, and
/// the snippet line running then.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct TimelinePoint {
    pub x: f64,
    pub y: f64,
    pub line: u32,
}

/// The run's timeline with its x axis as percent of the run, so two runs of different
/// lengths overlay on one chart.
pub fn timeline(report: &RunReport) -> Vec<TimelinePoint> {
    memplay_model::timeline_percent(report).map(|(x, y, line)| TimelinePoint { x, y, line }).collect()
}

/// One group of the bar chart: a figure of A and of B.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Bar {
    pub label: &'static str,
    pub a: f64,
    pub b: f64,
    /// The figures formatted for labels and tooltips.
    pub a_text: String,
    pub b_text: String,
}

/// The four memory figures of both runs (time is not memory, so it is not charted).
pub fn bars(a: &RunReport, b: &RunReport) -> Vec<Bar> {
    memplay_model::figures(a)
        .into_iter()
        .zip(memplay_model::figures(b))
        .take(4)
        .map(|((label, va, unit), (_, vb, _))| Bar {
            label,
            a: va.max(0.0),
            b: vb.max(0.0),
            a_text: unit.format(va),
            b_text: unit.format(vb),
        })
        .collect()
}

/// The bar chart: both titles and the four figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BarChart {
    pub a_title: String,
    pub b_title: String,
    pub bars: Vec<Bar>,
}

/// The timeline chart: both titles and both runs' timelines.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineChart {
    pub a_title: String,
    pub b_title: String,
    pub a: Vec<TimelinePoint>,
    pub b: Vec<TimelinePoint>,
}

/// Both charts, once both panes have figures to show (final or in progress).
pub fn charts(state: &crate::State) -> Option<(BarChart, TimelineChart)> {
    let [pa, pb] = &state.panes;
    let (a, b) = (pa.shown_report()?, pb.shown_report()?);
    let titles = || (pa.title.clone(), pb.title.clone());
    let (a_title, b_title) = titles();
    let bar = BarChart { a_title, b_title, bars: bars(a, b) };
    let (a_title, b_title) = titles();
    Some((bar, TimelineChart { a_title, b_title, a: timeline(a), b: timeline(b) }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use memplay_model::{EngineInfo, Limits};

    fn report() -> RunReport {
        RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() })
    }

    #[test]
    fn timelines_span_zero_to_a_hundred_percent() {
        let mut r = report();
        r.timeline = (0..5).map(|i| memplay_model::TimelinePoint { live_bytes: i * 10 - 5, line: 2 }).collect();
        let t = timeline(&r);
        assert_eq!(t.first().map(|p| (p.x, p.y)), Some((0.0, 0.0)));
        assert_eq!(t.last().map(|p| (p.x, p.y, p.line)), Some((100.0, 35.0, 2)));
    }

    #[test]
    fn bars_cover_the_four_memory_figures() {
        let (mut a, b) = (report(), report());
        a.peak_bytes = 2048;
        let bars = bars(&a, &b);
        let labels: Vec<_> = bars.iter().map(|b| b.label).collect();
        assert_eq!(labels, ["Peak memory", "Allocated", "Allocations", "Retained"]);
        assert_eq!((bars[0].a, bars[0].a_text.as_str()), (2048.0, "2.0 KiB"));
    }
}
