//! Scale sweeps: how a snippet's figures grow with its size N, and where two snippets
//! cross. Plain arithmetic on the sweep's points, unit-tested on synthetic series.

mod crossover;
mod fit;
mod plan;
mod size;
mod size_site;
mod table;

pub use crossover::{Crossover, crossover};
pub use fit::{Fit, Growth, fit};
pub use plan::{SweepPlan, SweepRange, slim};
pub use size::{NO_SIZE_VAR, SizeVar, default_size_var, size_vars, sizes, with_size};
pub use size_site::{Literal, SizeSite, counterpart, default_site, literals, sites_in_both};
pub use table::sweep_markdown;

use serde::{Deserialize, Serialize};

use crate::{Figure, RunReport};

/// One size of a sweep: both snippets' reports at N (a side whose sweep ended earlier, at
/// a limit or by Stop, has none).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepPoint {
    pub n: u64,
    pub a: Option<RunReport>,
    pub b: Option<RunReport>,
}

/// Each snippet's growth class, fitted to one figure (peak memory unless asked).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepFits {
    pub a: Fit,
    pub b: Fit,
}

/// A whole sweep, as `memplay sweep --json` prints it and the page exports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sweep {
    /// The size variable swept, e.g. "N".
    pub var: String,
    pub points: Vec<SweepPoint>,
    /// The figure `fit` and `crossover` are about.
    pub figure: Figure,
    pub fit: SweepFits,
    pub crossover: Crossover,
}

impl Sweep {
    /// Fits and compares the points' peak memory; a run that ended in an error (a limit,
    /// an exception) is kept in the points but not fitted.
    pub fn new(var: impl Into<String>, points: Vec<SweepPoint>) -> Self {
        Self::on(var, points, Figure::Peak)
    }

    /// Fits and compares the points' `figure`.
    pub fn on(var: impl Into<String>, points: Vec<SweepPoint>, figure: Figure) -> Self {
        let (fit, crossover) = fitted(&points, figure);
        Self { var: var.into(), points, figure, fit, crossover }
    }

    /// The same points fitted to another figure.
    pub fn refit(&self, figure: Figure) -> Self {
        Self::on(self.var.clone(), self.points.clone(), figure)
    }

    /// (N, value) of the runs of side A or B that finished.
    pub fn series(&self, b: bool, figure: Figure) -> Vec<(f64, f64)> {
        values(&self.points, |p| if b { p.b.as_ref() } else { p.a.as_ref() }, figure)
    }
}

fn fitted(points: &[SweepPoint], figure: Figure) -> (SweepFits, Crossover) {
    let a = values(points, |p| p.a.as_ref(), figure);
    let b = values(points, |p| p.b.as_ref(), figure);
    let fits = SweepFits { a: fit::fit(&a, figure.unit()), b: fit::fit(&b, figure.unit()) };
    (fits, crossover::crossover(&a, &b, figure))
}

/// (N, figure) of one side's runs that finished.
fn values(points: &[SweepPoint], side: impl Fn(&SweepPoint) -> Option<&RunReport>, figure: Figure) -> Vec<(f64, f64)> {
    points.iter().filter_map(|p| side(p).filter(|r| r.error.is_none()).map(|r| (p.n as f64, figure.value(r)))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, ErrorKind, Limits, RunError};

    fn report(peak: f64) -> RunReport {
        let engine = EngineInfo { name: "e".into(), version: "1".into() };
        RunReport { peak_bytes: peak as u64, ..RunReport::empty(Limits::default(), engine) }
    }

    #[test]
    fn a_sweep_fits_each_side_and_finds_the_crossover() {
        let ns = sizes(10, 100_000, 8).unwrap();
        let points = ns
            .iter()
            .map(|&n| SweepPoint { n, a: Some(report(88.0 * n as f64 + 2000.0)), b: Some(report(1200.0)) })
            .collect();
        let s = Sweep::new("N", points);
        assert_eq!((s.fit.a.class, s.fit.b.class), (Growth::Linear, Growth::Constant));
        assert_eq!(s.crossover.n, Some(10.0));
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(json["fit"]["a"]["class"], "linear");
        assert_eq!(json["crossover"]["text"], "B is lower at every N measured");
        assert_eq!(json["points"][0]["n"], 10);
        assert_eq!(json["figure"], "peak");
        let back: Sweep = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn a_limit_hit_mid_sweep_keeps_the_points_before_it() {
        let ns = sizes(10, 100_000, 8).unwrap();
        let points = ns
            .iter()
            .enumerate()
            .map(|(i, &n)| {
                let a = match i {
                    0..5 => Some(report(8.0 * n as f64)),
                    5 => Some(RunReport {
                        error: Some(RunError::plain(ErrorKind::MemoryLimitExceeded, "memory limit exceeded")),
                        ..report(64e6)
                    }),
                    _ => None,
                };
                SweepPoint { n, a, b: Some(report(500.0)) }
            })
            .collect();
        let s = Sweep::new("N", points);
        assert_eq!(s.points.len(), 8);
        assert_eq!(s.fit.a.class, Growth::Linear, "{:?}", s.fit.a);
        assert!((s.fit.a.per_unit_bytes - 8.0).abs() < 0.5);
    }
}
