//! The sweep as the page shows it, under the comparison: progress, the log-log chart of
//! the chosen figure against N, each snippet's growth class, the crossover, and what the
//! exports are made from once it is over.

use memplay_model::{Figure, Growth, Side, SizeSite, Sweep, Unit, default_site, sites_in_both};
use serde::Serialize;

use crate::{State, SweepRun, Tick, spaced};

#[derive(Clone, Debug, PartialEq)]
pub struct SweepView {
    pub running: bool,
    /// "Sweeping N from 10 to 100 000…" or "N from 10 to 100 000, 8 sizes".
    pub status: String,
    /// The figure shown, and the ones the selector offers (key, label).
    pub figure: &'static str,
    pub figures: Vec<(&'static str, &'static str)>,
    pub chart: SweepChart,
    /// Per side: "linear: ≈ 88 B per element" with its fit quality, the class's name
    /// (for hooks: "linear", "constant", …), and why its sweep ended early.
    pub fits: [FitView; 2],
    /// "B uses less memory from N ≈ 3 200 on".
    pub crossover: String,
    /// The finished sweep with the chosen figure's fits, for the exports.
    pub exports: Option<Sweep>,
    pub a_title: String,
    pub b_title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FitView {
    pub class: &'static str,
    pub text: String,
    pub ended: Option<String>,
}

/// A log-log chart: both axes' ticks (decades) and each side's points, finished.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepChart {
    pub a_label: String,
    pub b_label: String,
    pub x_title: String,
    pub y_title: String,
    pub a: Vec<SweepChartPoint>,
    pub b: Vec<SweepChartPoint>,
    pub x_ticks: Vec<Tick>,
    pub y_ticks: Vec<Tick>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepChartPoint {
    pub x: f64,
    pub y: f64,
    /// The tooltip: "N = 1 000: 88.1 KiB".
    pub text: String,
}

/// The Scale settings as the form shows them.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepFormView {
    /// The sizes A has that B has a counterpart of, as (key, label): the variables
    /// (ALL-CAPS first), then every number in the code ("10**6 (line 3, column 18)").
    pub vars: Vec<(String, String)>,
    /// The key of the one swept: picked, or A's default ("" when there is none).
    pub var: String,
    pub from: u64,
    pub to: Option<u64>,
    /// What "to" is when left empty: the snippet's own value of the variable.
    pub to_default: Option<u64>,
    pub points: u32,
}

impl State {
    pub fn sweep_form_view(&self) -> SweepFormView {
        let r = &self.settings.sweep;
        let (a, b) = (&self.panes[0].code, &self.panes[1].code);
        let chosen = r.var.clone().or_else(|| default_site(a).map(|s| s.key())).unwrap_or_default();
        SweepFormView {
            vars: sites_in_both(a, b).into_iter().map(|(site, label)| (site.key(), label)).collect(),
            to_default: SizeSite::parse(&chosen).value(a),
            var: chosen,
            from: r.from,
            to: r.to,
            points: r.points,
        }
    }

    /// The sweep section, once Scale was pressed: its error, or the sweep.
    pub fn sweep_view(&self) -> Option<Result<SweepView, String>> {
        if let Some(error) = &self.sweep_error {
            return Some(Err(error.clone()));
        }
        let run = self.sweep.as_ref()?;
        Some(Ok(sweep_view(run, self.sweep_figure, [&self.panes[0].title, &self.panes[1].title])))
    }
}

fn sweep_view(run: &SweepRun, figure: Figure, titles: [&String; 2]) -> SweepView {
    let sweep = run.sweep(figure);
    let running = run.running();
    let (first, last) = (run.sizes.first().copied().unwrap_or(0), run.sizes.last().copied().unwrap_or(0));
    let range = format!("{} from {} to {}", run.var, spaced(first), spaced(last));
    let status = if running { format!("Sweeping {range}…") } else { format!("{range}, {} sizes", run.sizes.len()) };
    let fit = |side: Side| {
        let f = if side == Side::A { &sweep.fit.a } else { &sweep.fit.b };
        let done = run.reports[side.index()].iter().filter(|r| r.error.is_none()).count();
        let text = if running && run.side_running(side) {
            format!("{done} of {} sizes so far", run.sizes.len())
        } else if f.class == Growth::Unclear {
            f.text.clone()
        } else {
            format!("{} (fit {:.2})", f.text, f.quality)
        };
        FitView { class: class_key(f.class), text, ended: run.ended[side.index()].clone() }
    };
    SweepView {
        running,
        status,
        figure: figure.key(),
        figures: Figure::ALL.iter().map(|f| (f.key(), f.label())).collect(),
        chart: chart(&sweep, figure, titles),
        fits: [fit(Side::A), fit(Side::B)],
        crossover: if running { String::new() } else { sweep.crossover.text.clone() },
        exports: (!running).then_some(sweep),
        a_title: titles[0].clone(),
        b_title: titles[1].clone(),
    }
}

fn class_key(class: Growth) -> &'static str {
    match class {
        Growth::Constant => "constant",
        Growth::Logarithmic => "logarithmic",
        Growth::Linear => "linear",
        Growth::NLogN => "n log n",
        Growth::Quadratic => "quadratic",
        Growth::Unclear => "unclear",
    }
}

fn chart(sweep: &Sweep, figure: Figure, titles: [&String; 2]) -> SweepChart {
    let unit = figure.unit();
    let points = |b: bool| -> Vec<SweepChartPoint> {
        sweep
            .series(b, figure)
            .into_iter()
            .map(|(n, y)| SweepChartPoint {
                x: n,
                // A log axis has no zero: a figure of 0 sits on its floor.
                y: y.max(1.0),
                text: format!("{} = {}: {}", sweep.var, spaced(n as u64), unit.format(y)),
            })
            .collect()
    };
    let (a, b) = (points(false), points(true));
    let xs: Vec<f64> = a.iter().chain(&b).map(|p| p.x).collect();
    let ys: Vec<f64> = a.iter().chain(&b).map(|p| p.y).collect();
    SweepChart {
        a_label: memplay_model::column_head("A", titles[0]),
        b_label: memplay_model::column_head("B", titles[1]),
        x_title: sweep.var.clone(),
        y_title: figure.label().to_owned(),
        x_ticks: log_ticks(&xs, Unit::Count),
        y_ticks: log_ticks(&ys, unit),
        a,
        b,
    }
}

/// A log axis's ticks, a decade apart, covering `values`: 10, 100, 1 000 … for counts and
/// times, and 100 B, 1 KiB, 10 KiB, 100 KiB, 1 MiB … for bytes (round in the unit shown).
pub(crate) fn log_ticks(values: &[f64], unit: Unit) -> Vec<Tick> {
    let lo = values.iter().copied().fold(f64::MAX, f64::min).max(1.0);
    let hi = values.iter().copied().fold(1.0, f64::max).max(lo * 10.0);
    let tick = |d: i32| -> Tick {
        match unit {
            Unit::Bytes => {
                const UNITS: [&str; 5] = ["B", "KiB", "MiB", "GiB", "TiB"];
                let (k, m) = (d.div_euclid(3), d.rem_euclid(3));
                let mantissa = 10u64.pow(m as u32);
                let value = mantissa as f64 * 1024f64.powi(k);
                Tick { value, label: format!("{mantissa} {}", UNITS[k.clamp(0, 4) as usize]) }
            }
            Unit::Count => Tick { value: 10f64.powi(d), label: spaced(10u64.pow(d.max(0) as u32)) },
            Unit::Millis => Tick { value: 10f64.powi(d), label: unit.format(10f64.powi(d)) },
        }
    };
    let (mut first, mut last) = (0, 0);
    while tick(first).value > lo {
        first -= 1;
    }
    while tick(first + 1).value <= lo {
        first += 1;
    }
    last = last.max(first + 1);
    while tick(last).value < hi {
        last += 1;
    }
    (first..=last).map(tick).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ticks_are_round_in_binary_units() {
        let labels: Vec<String> = log_ticks(&[120.0, 9_500_000.0], Unit::Bytes).into_iter().map(|t| t.label).collect();
        assert_eq!(labels, ["100 B", "1 KiB", "10 KiB", "100 KiB", "1 MiB", "10 MiB"]);
        let counts: Vec<String> = log_ticks(&[10.0, 100_000.0], Unit::Count).into_iter().map(|t| t.label).collect();
        assert_eq!(counts, ["10", "100", "1\u{202f}000", "10\u{202f}000", "100\u{202f}000"]);
    }
}
