//! How a figure grows with N: a sweep's points fitted to constant, logarithmic, linear,
//! N log N and quadratic growth, the class picked with a stated quality, and its cost.

use serde::{Deserialize, Serialize};

use crate::Unit;

/// A growth class a snippet's memory can follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Growth {
    #[serde(rename = "constant")]
    Constant,
    #[serde(rename = "logarithmic")]
    Logarithmic,
    #[serde(rename = "linear")]
    Linear,
    #[serde(rename = "n log n")]
    NLogN,
    #[serde(rename = "quadratic")]
    Quadratic,
    /// No class fits the points well enough to say.
    #[serde(rename = "unclear")]
    Unclear,
}

impl Growth {
    /// The classes that grow, simplest first (a tie goes to the simpler one).
    const GROWING: [Growth; 4] = [Growth::Logarithmic, Growth::Linear, Growth::NLogN, Growth::Quadratic];

    /// The term the cost multiplies: y ≈ offset + per_unit · term(n).
    fn term(self, n: f64) -> f64 {
        match self {
            Growth::Constant | Growth::Unclear => 0.0,
            Growth::Logarithmic => n.log2(),
            Growth::Linear => n,
            Growth::NLogN => n * n.log2(),
            Growth::Quadratic => n * n,
        }
    }
}

/// A class fitted to a sweep's points.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    pub class: Growth,
    /// The figure's amount (bytes for memory figures) per unit of the class's term: per
    /// element (linear), per N·log₂N, per N², per doubling of N (logarithmic); the flat
    /// cost for a constant.
    pub per_unit_bytes: f64,
    /// How well the class fits, 0 to 1 (1: every point on the curve).
    pub quality: f64,
    /// "linear: ≈ 88 B per element", "constant: ≈ 1.1 KiB, flat", "too noisy to tell".
    pub text: String,
}

/// A spread of values within this factor (or within the unit's `flat_spread`) is flat.
const FLAT_RATIO: f64 = 1.5;

/// A spread too small to call growth, whatever the ratio: 4 KiB, 64 allocations, 2 ms.
fn flat_spread(unit: Unit) -> f64 {
    match unit {
        Unit::Bytes => 4096.0,
        Unit::Count => 64.0,
        Unit::Millis => 2.0,
    }
}
/// Past this relative error no class is claimed.
const UNCLEAR_ERROR: f64 = 0.25;
/// The fewest points a class is fitted to (all of them when there are fewer).
const TAIL_MIN: usize = 4;
/// A more complex class must fit this much better (relative error) to be chosen.
const SIMPLER_SLACK: f64 = 1.5;

/// Fits `points` (N, value in `unit`), N ≥ 1, at least two distinct N: the class the
/// larger sizes follow.
pub fn fit(points: &[(f64, f64)], unit: Unit) -> Fit {
    let mut points: Vec<(f64, f64)> = points.iter().copied().filter(|(n, y)| *n >= 1.0 && y.is_finite()).collect();
    // Growth is about large N: small sizes are dominated by fixed costs and caches (ints
    // up to 256 are preallocated), so the class is fitted to the larger half of the sizes.
    points.sort_by(|a, b| a.0.total_cmp(&b.0));
    let keep = points.len().div_ceil(2).max(TAIL_MIN).min(points.len());
    let points = points.split_off(points.len() - keep);
    let distinct = points.iter().map(|p| p.0.to_bits()).collect::<std::collections::BTreeSet<_>>().len();
    if distinct < 2 {
        return unclear("too few sizes to tell");
    }
    let (lo, hi) = points.iter().fold((f64::MAX, f64::MIN), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
    if hi - lo <= flat_spread(unit) || (lo > 0.0 && hi <= FLAT_RATIO * lo) {
        let mean = points.iter().map(|p| p.1).sum::<f64>() / points.len() as f64;
        let spread = if hi > 0.0 { (hi - lo) / hi } else { 0.0 };
        return Fit {
            class: Growth::Constant,
            per_unit_bytes: mean,
            quality: (1.0 - spread).clamp(0.0, 1.0),
            text: format!("constant: ≈ {}, flat", unit.format(mean)),
        };
    }
    let mut best: Option<(Growth, f64, f64)> = None;
    for class in Growth::GROWING {
        let (per_unit, error) = least_squares(&points, class);
        if per_unit <= 0.0 {
            continue;
        }
        best = match best {
            Some((_, _, e)) if error * SIMPLER_SLACK >= e => best,
            _ => Some((class, per_unit, error)),
        };
    }
    match best {
        Some((class, per_unit, error)) if error <= UNCLEAR_ERROR => {
            Fit { class, per_unit_bytes: per_unit, quality: 1.0 - error, text: describe(class, per_unit, unit) }
        }
        _ => unclear("too noisy to tell"),
    }
}

fn unclear(why: &str) -> Fit {
    Fit { class: Growth::Unclear, per_unit_bytes: 0.0, quality: 0.0, text: why.to_owned() }
}

fn describe(class: Growth, per_unit: f64, unit: Unit) -> String {
    // An allocation count per element is often a fraction: "≈ 1.5", not "≈ 1".
    let cost = if unit == Unit::Count && per_unit < 100.0 { format!("{per_unit:.1}") } else { unit.format(per_unit) };
    match class {
        Growth::Logarithmic => format!("logarithmic: ≈ {cost} more each time N doubles"),
        Growth::Linear => format!("linear: ≈ {cost} per element"),
        Growth::NLogN => format!("N log N: ≈ {cost} per N·log₂N"),
        Growth::Quadratic => format!("quadratic: ≈ {cost} per N²"),
        Growth::Constant | Growth::Unclear => cost,
    }
}

/// y ≈ a + b·term(n), weighted by 1/y² so that each point counts by its relative error
/// (a sweep's sizes span decades); returns b and the root-mean-square relative error.
fn least_squares(points: &[(f64, f64)], class: Growth) -> (f64, f64) {
    let weight = |y: f64| 1.0 / y.abs().max(1.0).powi(2);
    let (mut sw, mut sx, mut sy, mut sxx, mut sxy) = (0.0, 0.0, 0.0, 0.0, 0.0);
    for &(n, y) in points {
        let (w, x) = (weight(y), class.term(n));
        sw += w;
        sx += w * x;
        sy += w * y;
        sxx += w * x * x;
        sxy += w * x * y;
    }
    let det = sw * sxx - sx * sx;
    if det.abs() < f64::EPSILON * sw * sxx {
        return (0.0, f64::INFINITY);
    }
    let b = (sw * sxy - sx * sy) / det;
    let a = (sy - b * sx) / sw;
    let error = points.iter().map(|&(n, y)| ((a + b * class.term(n) - y) / y.abs().max(1.0)).powi(2)).sum::<f64>()
        / points.len() as f64;
    (b, error.sqrt())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fit(points: &[(f64, f64)]) -> Fit {
        super::fit(points, Unit::Bytes)
    }

    fn sizes() -> Vec<f64> {
        (0..8).map(|i| (10f64 * 10f64.powf(i as f64 * 4.0 / 7.0)).round()).collect()
    }

    fn series(f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
        sizes().into_iter().map(|n| (n, f(n))).collect()
    }

    /// A fixed ±`amount` wobble, the same every run.
    fn noisy(points: Vec<(f64, f64)>, amount: f64) -> Vec<(f64, f64)> {
        points
            .into_iter()
            .enumerate()
            .map(|(i, (n, y))| (n, y * (1.0 + amount * [1.0, -0.6, 0.3, -1.0][i % 4])))
            .collect()
    }

    #[test]
    fn exact_series_are_classified_as_what_they_are() {
        assert_eq!(fit(&series(|_| 1200.0)).class, Growth::Constant);
        assert_eq!(fit(&series(|n| 500.0 + 3000.0 * n.log2())).class, Growth::Logarithmic);
        let linear = fit(&series(|n| 88.0 * n));
        assert_eq!(linear.class, Growth::Linear);
        assert!((linear.per_unit_bytes - 88.0).abs() < 0.5, "{linear:?}");
        assert_eq!(linear.text, "linear: ≈ 88 B per element");
        assert_eq!(fit(&series(|n| 24.0 * n * n.log2())).class, Growth::NLogN);
        assert_eq!(fit(&series(|n| 8.0 * n * n)).class, Growth::Quadratic);
    }

    #[test]
    fn a_constant_offset_does_not_hide_the_growth() {
        let f = fit(&series(|n| 60_000.0 + 8.0 * n));
        assert_eq!(f.class, Growth::Linear, "{f:?}");
        assert!((f.per_unit_bytes - 8.0).abs() < 0.2, "{f:?}");
        let flat = fit(&series(|n| 113_000.0 + n.min(50.0)));
        assert_eq!(flat.class, Growth::Constant, "{flat:?}");
        assert!(flat.text.starts_with("constant: ≈ 110 KiB"), "{}", flat.text);
    }

    #[test]
    fn noisy_series_keep_their_class_and_say_how_well_it_fits() {
        let f = fit(&noisy(series(|n| 2000.0 + 88.0 * n), 0.05));
        assert_eq!(f.class, Growth::Linear, "{f:?}");
        assert!(f.quality > 0.85 && f.quality < 1.0, "{f:?}");
        assert_eq!(fit(&noisy(series(|n| 8.0 * n * n), 0.05)).class, Growth::Quadratic);
    }

    #[test]
    fn the_class_is_what_the_larger_sizes_follow() {
        // A list of ints: small ints are preallocated, so below N = 257 only the list's
        // pointers count; above, every element costs about 88 bytes.
        let f = fit(&series(|n| if n <= 256.0 { 200.0 + 8.0 * n } else { 88.0 * n - 20_000.0 }));
        assert_eq!(f.class, Growth::Linear, "{f:?}");
        assert!((f.per_unit_bytes - 88.0).abs() < 1.0, "{f:?}");
    }

    #[test]
    fn what_fits_nothing_is_unclear() {
        let zigzag: Vec<_> =
            sizes().into_iter().enumerate().map(|(i, n)| (n, if i % 2 == 0 { 1e6 } else { 1e3 })).collect();
        let f = fit(&zigzag);
        assert_eq!((f.class, f.text.as_str()), (Growth::Unclear, "too noisy to tell"));
        assert_eq!(fit(&[(10.0, 5.0)]).class, Growth::Unclear);
    }

    #[test]
    fn counts_and_times_are_fitted_in_their_unit() {
        let allocations = super::fit(&series(|n| 40.0 + 1.5 * n), Unit::Count);
        assert_eq!(allocations.class, Growth::Linear);
        assert_eq!(allocations.text, "linear: ≈ 1.5 per element");
        let time = super::fit(&series(|n| 3.0 + n.min(1.0)), Unit::Millis);
        assert_eq!(time.class, Growth::Constant, "{time:?}");
        assert!(time.text.ends_with("ms, flat"), "{}", time.text);
        assert_eq!(serde_json::to_value(Growth::NLogN).unwrap(), "n log n");
    }
}
