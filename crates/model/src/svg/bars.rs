//! A comparison as an SVG bar chart: one pair of bars per figure, each pair scaled to its
//! larger value, labelled with the formatted figures.

use super::{COLOR_A, COLOR_B, clip, escape, open};
use crate::rows::rows;
use crate::{Comparison, Figure};

const WIDTH: f64 = 640.0;
const ROW_H: f64 = 56.0;
const LABEL_W: f64 = 120.0;
const BAR_MAX: f64 = 380.0;

pub fn svg(c: &Comparison, a_title: &str, b_title: &str) -> String {
    let values = Figure::CHARTED.map(|f| (f.bar_value(&c.a), f.bar_value(&c.b)));
    let labels = rows(&c.a, &c.b);
    let height = 70.0 + ROW_H * values.len() as f64 + 30.0;
    let mut out = open(WIDTH, height, &c.verdict);
    out.push_str(&format!(
        "<rect x=\"{LABEL_W}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{COLOR_A}\"/><text x=\"{}\" y=\"23\">A: {}</text>\n\
         <rect x=\"{}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{COLOR_B}\"/><text x=\"{}\" y=\"23\">B: {}</text>\n",
        LABEL_W + 18.0,
        escape(&clip(a_title, 32)),
        LABEL_W + 250.0,
        LABEL_W + 268.0,
        escape(&clip(b_title, 32))
    ));
    for (i, ((va, vb), row)) in values.iter().zip(&labels).enumerate() {
        let y = 44.0 + ROW_H * i as f64;
        let max = va.max(*vb).max(1.0);
        out.push_str(&format!("<text x=\"8\" y=\"{}\" font-weight=\"600\">{}</text>\n", y + 22.0, row.label));
        for (j, (v, color, text)) in [(va, COLOR_A, &row.a), (vb, COLOR_B, &row.b)].into_iter().enumerate() {
            let w = (v / max * BAR_MAX).max(1.0);
            let by = y + 4.0 + 22.0 * j as f64;
            out.push_str(&format!(
                "<rect x=\"{LABEL_W}\" y=\"{by}\" width=\"{w:.1}\" height=\"18\" fill=\"{color}\"/>\
                 <text x=\"{:.1}\" y=\"{}\">{}</text>\n",
                LABEL_W + w + 6.0,
                by + 14.0,
                escape(text)
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"8\" y=\"{}\" font-style=\"italic\">{}</text>\n</svg>\n",
        height - 12.0,
        escape(&c.verdict)
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits, RunReport};

    #[test]
    fn chart_has_bars_labels_and_escaped_titles() {
        let engine = EngineInfo { name: "t".into(), version: "0".into() };
        let a = RunReport { peak_bytes: 4096, ..RunReport::empty(Limits::default(), engine.clone()) };
        let b = RunReport { peak_bytes: 1024, ..RunReport::empty(Limits::default(), engine) };
        let s = svg(&Comparison::new(a, b), "<list>", "gen & co");
        assert!(s.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(s.trim_end().ends_with("</svg>"));
        assert!(s.contains("A: &lt;list&gt;") && s.contains("B: gen &amp; co"));
        assert!(s.contains("width=\"380.0\"") && s.contains("width=\"95.0\""), "{s}");
        assert!(s.contains(">4.0 KiB<") && s.contains(">1.0 KiB<"));
    }
}
