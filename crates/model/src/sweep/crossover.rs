//! Where two sweeps cross: from which N on one snippet uses less memory than the other.

use serde::{Deserialize, Serialize};

use crate::{Figure, Unit};

/// The crossover of A's and B's figure over N.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Crossover {
    /// The N from which the side that is lower at the largest N stays lower (the smallest
    /// N measured when it is lower everywhere); `None` when neither is lower at the end.
    pub n: Option<f64>,
    /// "B uses less memory from N ≈ 3 200 on", "B is lower at every N measured", "A and
    /// B grow alike".
    pub text: String,
}

/// Within 5 % (or 256 bytes, 4 allocations, 1 ms) two figures are alike, as in the verdict.
fn lower(a: f64, b: f64, unit: Unit) -> Option<char> {
    let (low, high) = (a.min(b), a.max(b));
    let alike = match unit {
        Unit::Bytes => 256.0,
        Unit::Count => 4.0,
        Unit::Millis => 1.0,
    };
    if high - low <= (high / 20.0).max(alike) {
        None
    } else if b < a {
        Some('B')
    } else {
        Some('A')
    }
}

/// The crossover of two sweeps' points (N, value); only the sizes both measured count.
pub fn crossover(a: &[(f64, f64)], b: &[(f64, f64)], figure: Figure) -> Crossover {
    let mut pairs: Vec<(f64, f64, f64)> =
        a.iter().filter_map(|&(n, ya)| b.iter().find(|p| p.0 == n).map(|&(_, yb)| (n, ya, yb))).collect();
    pairs.sort_by(|x, y| x.0.total_cmp(&y.0));
    let sides: Vec<Option<char>> = pairs.iter().map(|&(_, ya, yb)| lower(ya, yb, figure.unit())).collect();
    let Some(&Some(winner)) = sides.last() else {
        let text = if sides.iter().all(Option::is_none) {
            "A and B grow alike".to_owned()
        } else {
            "A and B end up alike at the largest N measured".to_owned()
        };
        return Crossover { n: None, text };
    };
    let from = sides.iter().rposition(|s| *s != Some(winner)).map_or(0, |i| i + 1);
    if from == 0 {
        return Crossover { n: Some(pairs[0].0), text: format!("{winner} is lower at every N measured") };
    }
    let (n0, a0, b0) = pairs[from - 1];
    let (n1, a1, b1) = pairs[from];
    // Where ln(B/A) crosses zero, on a log scale of N, between the last two sizes.
    let (d0, d1) = ((b0.max(1.0) / a0.max(1.0)).ln(), (b1.max(1.0) / a1.max(1.0)).ln());
    let t = if (d0 - d1).abs() > f64::EPSILON { (d0 / (d0 - d1)).clamp(0.0, 1.0) } else { 1.0 };
    let n = (n0.ln() + t * (n1.ln() - n0.ln())).exp();
    let n = round_two_digits(n).clamp(n0, n1);
    Crossover { n: Some(n), text: format!("{winner} {} from N ≈ {} on", figure.lower_verb(), group(n)) }
}

fn round_two_digits(n: f64) -> f64 {
    if n < 100.0 {
        return n.round();
    }
    let scale = 10f64.powf(n.log10().floor() - 1.0);
    (n / scale).round() * scale
}

/// "3 200", "1 000 000".
fn group(n: f64) -> String {
    crate::group_thousands(n.round() as u64).replace(',', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn crossover(a: &[(f64, f64)], b: &[(f64, f64)]) -> Crossover {
        super::crossover(a, b, Figure::Peak)
    }

    const SIZES: [f64; 8] = [10.0, 37.0, 139.0, 518.0, 1931.0, 7197.0, 26827.0, 100000.0];

    fn series(f: impl Fn(f64) -> f64) -> Vec<(f64, f64)> {
        SIZES.iter().map(|&n| (n, f(n))).collect()
    }

    #[test]
    fn lower_everywhere_names_the_smallest_n() {
        let c = crossover(&series(|n| 88.0 * n + 1000.0), &series(|_| 900.0));
        assert_eq!((c.n, c.text.as_str()), (Some(10.0), "B is lower at every N measured"));
    }

    #[test]
    fn a_crossing_is_found_between_the_sizes_it_falls_between() {
        // A: 8 B per element; B: 40 KiB flat. Equal at N = 5 120.
        let c = crossover(&series(|n| 8.0 * n), &series(|_| 40_960.0));
        let n = c.n.expect("a crossover");
        assert!((1931.0..=7197.0).contains(&n), "{c:?}");
        assert!(c.text.starts_with("B uses less memory from N ≈ "), "{}", c.text);
        // And the other way round, with A the one that ends lower.
        let c = crossover(&series(|_| 40_960.0), &series(|n| 8.0 * n));
        assert!(c.text.starts_with("A uses less memory from N ≈ "), "{}", c.text);
    }

    #[test]
    fn alike_series_say_so() {
        let c = crossover(&series(|n| 8.0 * n + 5000.0), &series(|n| 8.1 * n + 5000.0));
        assert_eq!((c.n, c.text.as_str()), (None, "A and B grow alike"));
    }

    #[test]
    fn only_sizes_both_measured_count() {
        // B stopped at a limit after four sizes; where both ran, B was lower.
        let b: Vec<_> = series(|_| 500.0).into_iter().take(4).collect();
        let c = crossover(&series(|n| 88.0 * n), &b);
        assert_eq!(c.text, "B is lower at every N measured");
        assert_eq!(group(3200.0), "3 200");
        assert_eq!(round_two_digits(5123.0), 5100.0);
    }
}
