//! A sweep as an SVG chart: its figure (peak memory unless refitted) against N for A and B, both axes logarithmic,
//! with each snippet's growth class in the legend.

use super::{COLOR_A, COLOR_B, clip, escape, open};
use crate::Sweep;

const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 80.0;
const RIGHT: f64 = 20.0;
const TOP: f64 = 70.0;
const BOTTOM: f64 = 50.0;

pub fn sweep_svg(s: &Sweep, a_title: &str, b_title: &str) -> String {
    let figure = s.figure;
    let side = |pick: fn(&crate::SweepPoint) -> Option<&crate::RunReport>| -> Vec<(f64, f64)> {
        s.points.iter().filter_map(|p| pick(p).map(|r| (p.n as f64, figure.value(r).max(1.0)))).collect()
    };
    let (a, b) = (side(|p| p.a.as_ref()), side(|p| p.b.as_ref()));
    let all = a.iter().chain(&b);
    let (nx0, nx1) = all.clone().fold((f64::MAX, 1.0f64), |(lo, hi), p| (lo.min(p.0), hi.max(p.0)));
    let (ny0, ny1) = all.fold((f64::MAX, 1.0f64), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    let decades = |lo: f64, hi: f64| {
        (lo.max(1.0).log10().floor(), hi.max(10.0).log10().ceil().max(lo.max(1.0).log10().floor() + 1.0))
    };
    let ((x0, x1), (y0, y1)) = (decades(nx0, nx1), decades(ny0, ny1));
    let x = |n: f64| LEFT + (n.log10() - x0) / (x1 - x0) * (WIDTH - LEFT - RIGHT);
    let y = |v: f64| HEIGHT - BOTTOM - (v.log10() - y0) / (y1 - y0) * (HEIGHT - TOP - BOTTOM);
    let mut out = open(WIDTH, HEIGHT, &format!("{} against {}: {}", figure.label(), s.var, s.crossover.text));
    for (i, (color, title, fit)) in
        [(COLOR_A, a_title, &s.fit.a.text), (COLOR_B, b_title, &s.fit.b.text)].iter().enumerate()
    {
        let ly = 18.0 + 20.0 * i as f64;
        out.push_str(&format!(
            "<rect x=\"{LEFT}\" y=\"{}\" width=\"12\" height=\"12\" fill=\"{color}\"/><text x=\"{}\" y=\"{}\">{}: {} — {}</text>\n",
            ly - 10.0,
            LEFT + 18.0,
            ly,
            if i == 0 { "A" } else { "B" },
            escape(&clip(title, 28)),
            escape(fit)
        ));
    }
    for d in (x0 as i32)..=(x1 as i32) {
        let px = x(10f64.powi(d));
        out.push_str(&format!(
            "<line x1=\"{px:.1}\" x2=\"{px:.1}\" y1=\"{TOP}\" y2=\"{}\" stroke=\"#e4e7eb\"/><text x=\"{px:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#52606d\">{}</text>\n",
            HEIGHT - BOTTOM,
            HEIGHT - BOTTOM + 18.0,
            crate::group_thousands(10u64.pow(d as u32))
        ));
    }
    for d in (y0 as i32)..=(y1 as i32) {
        let py = y(10f64.powi(d));
        out.push_str(&format!(
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{py:.1}\" y2=\"{py:.1}\" stroke=\"#e4e7eb\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#52606d\">{}</text>\n",
            WIDTH - RIGHT,
            LEFT - 6.0,
            py + 4.0,
            figure.unit().format(10f64.powi(d))
        ));
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" fill=\"#52606d\">{} (log scale) · peak memory (log scale)</text>\n",
        (LEFT + WIDTH - RIGHT) / 2.0,
        HEIGHT - 10.0,
        escape(&s.var)
    ));
    for (points, color) in [(&a, COLOR_A), (&b, COLOR_B)] {
        let path: Vec<String> = points.iter().map(|&(n, v)| format!("{:.1},{:.1}", x(n), y(v))).collect();
        out.push_str(&format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"/>\n",
            path.join(" ")
        ));
        for &(n, v) in points.iter() {
            out.push_str(&format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3.5\" fill=\"{color}\"><title>{} = {}: {}</title></circle>\n",
                x(n),
                y(v),
                escape(&s.var),
                crate::group_thousands(n as u64),
                figure.unit().format(v)
            ));
        }
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits, RunReport, SweepPoint};

    #[test]
    fn both_series_are_drawn_on_log_axes_with_their_classes() {
        let report = |peak: u64| RunReport {
            peak_bytes: peak,
            ..RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() })
        };
        let points = [10u64, 100, 1000, 10_000]
            .iter()
            .map(|&n| SweepPoint { n, a: Some(report(88 * n + 500)), b: Some(report(900)) })
            .collect();
        let svg = sweep_svg(&Sweep::new("N", points), "list <A>", "gen");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<polyline").count(), 2);
        assert_eq!(svg.matches("<circle").count(), 8);
        assert!(svg.contains("list &lt;A&gt;") && svg.contains("linear: ≈ 88 B per element"), "{svg}");
        assert!(svg.contains(">10,000</text>"), "{svg}");
    }
}
