//! Live memory over each run as two lines on one chart. The x axis is percent of the run,
//! so runs of different lengths overlay.

use super::{COLOR_A, COLOR_B, clip, escape, open};
use crate::{Comparison, RunReport, format_bytes};

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 320.0;
const LEFT: f64 = 78.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = 44.0;

/// A run's timeline as (percent of the run, live bytes ≥ 0, line) points.
pub fn timeline_percent(report: &RunReport) -> impl Iterator<Item = (f64, f64, u32)> + '_ {
    let last = report.timeline.len().saturating_sub(1).max(1) as f64;
    report.timeline.iter().enumerate().map(move |(i, p)| (i as f64 * 100.0 / last, p.live_bytes.max(0) as f64, p.line))
}

pub fn timeline_svg(c: &Comparison, a_title: &str, b_title: &str) -> String {
    let max = [&c.a, &c.b].iter().flat_map(|r| timeline_percent(r).map(|(_, y, _)| y)).fold(0.0_f64, f64::max).max(1.0);
    let (plot_w, plot_h) = (WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
    let mut out = open(WIDTH, HEIGHT, &format!("Live memory over the run: {}", c.verdict));
    out.push_str(&format!(
        "<rect x=\"{LEFT}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{COLOR_A}\"/><text x=\"{}\" y=\"23\">A: {}</text>\n\
         <rect x=\"{}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{COLOR_B}\"/><text x=\"{}\" y=\"23\">B: {}</text>\n",
        LEFT + 18.0,
        escape(&clip(a_title, 32)),
        LEFT + 270.0,
        LEFT + 288.0,
        escape(&clip(b_title, 32)),
    ));
    // Axes with the zero and top values, and the x axis in percent of the run.
    let (x0, y0) = (LEFT, TOP + plot_h);
    out.push_str(&format!(
        "<path d=\"M{x0} {TOP}V{y0}H{}\" fill=\"none\" stroke=\"#888\"/>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>\n\
         <text x=\"{}\" y=\"{}\" text-anchor=\"end\">0 B</text>\n\
         <text x=\"{x0}\" y=\"{}\">0 %</text><text x=\"{}\" y=\"{}\" text-anchor=\"end\">100 % of the run</text>\n",
        x0 + plot_w,
        LEFT - 6.0,
        TOP + 4.0,
        escape(&format_bytes(max)),
        LEFT - 6.0,
        y0,
        y0 + 18.0,
        x0 + plot_w,
        y0 + 18.0,
    ));
    for (report, color) in [(&c.a, COLOR_A), (&c.b, COLOR_B)] {
        let points: Vec<String> = timeline_percent(report)
            .map(|(x, y, _)| format!("{:.1},{:.1}", x0 + x / 100.0 * plot_w, y0 - y / max * plot_h))
            .collect();
        if !points.is_empty() {
            out.push_str(&format!(
                "<polyline fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" points=\"{}\"/>\n",
                points.join(" ")
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"8\" y=\"{}\" font-style=\"italic\">{}</text>\n</svg>\n",
        HEIGHT - 6.0,
        escape(&clip(&c.verdict, 96))
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits, TimelinePoint};

    fn report(live: &[i64]) -> RunReport {
        let engine = EngineInfo { name: "t".into(), version: "0".into() };
        let mut r = RunReport::empty(Limits::default(), engine);
        r.timeline = live.iter().map(|&b| TimelinePoint { live_bytes: b, line: 1 }).collect();
        r.peak_bytes = live.iter().copied().max().unwrap_or(0).max(0) as u64;
        r
    }

    #[test]
    fn both_runs_are_lines_scaled_to_the_highest_point() {
        let c = Comparison::new(report(&[0, 2048, 4096]), report(&[0, -10, 1024]));
        let s = timeline_svg(&c, "list <A>", "gen");
        assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
        assert_eq!(s.matches("<polyline").count(), 2);
        assert!(s.contains(">4.0 KiB<"), "top of the axis is A's peak: {s}");
        assert!(s.contains("A: list &lt;A&gt;"));
        // A's last point is at the top right corner of the plot.
        assert!(s.contains(&format!("{:.1},{:.1}\"", WIDTH - RIGHT, TOP)), "{s}");
    }

    #[test]
    fn percentages_run_from_zero_to_a_hundred() {
        let r = report(&[5, -5, 10, 20, 30]);
        let t: Vec<_> = timeline_percent(&r).collect();
        assert_eq!(t.first(), Some(&(0.0, 5.0, 1)));
        assert_eq!(t[1], (25.0, 0.0, 1));
        assert_eq!(t.last(), Some(&(100.0, 30.0, 1)));
    }
}
