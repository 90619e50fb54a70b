//! The numbers behind the two charts, finished in Rust: values, bar lengths, axis ticks
//! and every label and tooltip text. The page's chart code only draws them.

use memplay_model::{Figure, RunReport, format_bytes};
use serde::Serialize;

/// One point of a memory timeline: how far through the run (0–100 %), live bytes, and
/// the snippet line running then. (Its tooltip formats the bytes when hovered: a text per
/// point would be thousands of strings on every render while output streams in.)
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
    /// Each bar as a percent of the larger of the two, so figures of different units
    /// share one axis.
    pub a_percent: f64,
    pub b_percent: f64,
    /// The figures formatted for labels and tooltips.
    pub a_text: String,
    pub b_text: String,
}

/// The four memory figures of both runs (time is not memory, so it is not charted).
pub fn bars(a: &RunReport, b: &RunReport) -> Vec<Bar> {
    Figure::CHARTED
        .iter()
        .map(|f| {
            let (va, vb) = (f.bar_value(a), f.bar_value(b));
            let larger = va.max(vb);
            let percent = |v: f64| if larger > 0.0 { 100.0 * v / larger } else { 0.0 };
            Bar {
                label: f.label(),
                a: va,
                b: vb,
                a_percent: percent(va),
                b_percent: percent(vb),
                a_text: f.text(a),
                b_text: f.text(b),
            }
        })
        .collect()
}

/// A labelled mark on a value axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tick {
    pub value: f64,
    pub label: String,
}

/// The bar chart: both series' names and the four figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BarChart {
    /// "A: list", "B: generator".
    pub a_label: String,
    pub b_label: String,
    pub bars: Vec<Bar>,
    pub y_ticks: Vec<Tick>,
}

/// The timeline chart: both series' names, both runs' timelines and the byte axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineChart {
    pub a_label: String,
    pub b_label: String,
    pub a: Vec<TimelinePoint>,
    pub b: Vec<TimelinePoint>,
    pub y_ticks: Vec<Tick>,
    /// Where each run peaked, marked on its line (none for a run that never rose).
    pub a_peak: Option<PeakMark>,
    pub b_peak: Option<PeakMark>,
}

/// A run's peak on the timeline: "A peaked here: 5.8 MiB, while line 2 ran".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeakMark {
    pub x: f64,
    pub y: f64,
    pub text: String,
}

/// The first point at the run's highest, named with the line running then.
fn peak_mark(letter: &str, report: &RunReport, points: &[TimelinePoint]) -> Option<PeakMark> {
    let top = points.iter().fold(None::<&TimelinePoint>, |best, p| match best {
        Some(b) if b.y >= p.y => Some(b),
        _ => Some(p),
    })?;
    if top.y <= 0.0 {
        return None;
    }
    let line = report.at_peak.as_ref().and_then(|a| a.running_line).unwrap_or(top.line);
    let running = if line > 0 { format!(", while line {line} ran") } else { String::new() };
    let text = format!("{letter} peaked here: {}{running}", memplay_model::format_bytes(report.peak_bytes as f64));
    Some(PeakMark { x: top.x, y: top.y, text })
}

/// Both charts for two reports.
pub fn charts(a_title: &str, b_title: &str, a: &RunReport, b: &RunReport) -> (BarChart, TimelineChart) {
    let (a_label, b_label) = (memplay_model::column_head("A", a_title), memplay_model::column_head("B", b_title));
    let percent_ticks = (0..=5).map(|i| Tick { value: f64::from(i * 20), label: format!("{}%", i * 20) }).collect();
    let bar = BarChart { a_label: a_label.clone(), b_label: b_label.clone(), bars: bars(a, b), y_ticks: percent_ticks };
    let (ta, tb) = (timeline(a), timeline(b));
    let top = ta.iter().chain(&tb).map(|p| p.y).fold(0.0, f64::max);
    let (a_peak, b_peak) = (peak_mark("A", a, &ta), peak_mark("B", b, &tb));
    (bar, TimelineChart { a_label, b_label, a: ta, b: tb, y_ticks: byte_ticks(top), a_peak, b_peak })
}

/// Five or so round ticks from 0 to at least `max` bytes, in the unit `format_bytes`
/// would pick: 0, 2.0 MiB, 4.0 MiB, … for a 9.2 MiB peak.
pub fn byte_ticks(max: f64) -> Vec<Tick> {
    let max = max.max(1.0);
    let mut unit = 1.0;
    while max / unit >= 1024.0 && unit < 1024f64.powi(3) {
        unit *= 1024.0;
    }
    let raw = max / unit / 5.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10.0 * magnitude);
    let step = if unit == 1.0 { step.max(1.0) } else { step } * unit;
    let count = (max / step).ceil() as u32;
    (0..=count).map(|i| f64::from(i) * step).map(|value| Tick { value, label: format_bytes(value) }).collect()
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
    fn the_timeline_marks_each_peak_with_the_line_running_then() {
        let mut a = report();
        let live = [0, 4096, 8192, 8192, 100];
        a.timeline = live.iter().map(|&l| memplay_model::TimelinePoint { live_bytes: l, line: 3 }).collect();
        a.peak_bytes = 8192;
        a.at_peak = Some(memplay_model::AtPeak { live_bytes: 8192, running_line: Some(2), ..Default::default() });
        let (_, t) = charts("list", "gen", &a, &report());
        let mark = t.a_peak.expect("A rose");
        assert_eq!((mark.x, mark.y), (50.0, 8192.0), "the first point at the top");
        assert_eq!(mark.text, "A peaked here: 8.0 KiB, while line 2 ran");
        assert_eq!(t.b_peak, None, "B never rose above its start");
    }

    #[test]
    fn bars_cover_the_four_memory_figures() {
        let (mut a, b) = (report(), report());
        a.peak_bytes = 2048;
        let bars = bars(&a, &b);
        let labels: Vec<_> = bars.iter().map(|b| b.label).collect();
        assert_eq!(labels, ["Peak memory", "Allocated", "Allocations", "Retained"]);
        assert_eq!((bars[0].a, bars[0].a_text.as_str()), (2048.0, "2.0 KiB"));
        assert_eq!((bars[0].a_percent, bars[0].b_percent), (100.0, 0.0));
    }

    #[test]
    fn byte_ticks_are_round_in_the_unit_the_table_uses() {
        let labels = |max: f64| byte_ticks(max).into_iter().map(|t| t.label).collect::<Vec<_>>();
        assert_eq!(labels(9.2 * 1048576.0), ["0 B", "2.0 MiB", "4.0 MiB", "6.0 MiB", "8.0 MiB", "10.0 MiB"]);
        // Just under 1 MiB reads in KiB on the axis as in the table, never "1024 KiB".
        let ticks = byte_ticks(1_048_575.0);
        assert!(ticks.last().unwrap().value >= 1_048_575.0);
        assert!(ticks.iter().all(|t| !t.label.contains("1024")), "{ticks:?}");
        assert_eq!(labels(0.0), ["0 B", "1 B"]);
        assert_eq!(labels(700.0), ["0 B", "200 B", "400 B", "600 B", "800 B"]);
    }
}
