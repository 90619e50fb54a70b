//! Scale sweeps through the engine: snippets whose growth is known are classified as what
//! they are when their size variable is swept (memplay_model::Sweep's fit on real runs).

use crate::common::*;
use memplay_model::{Growth, Sweep, SweepPoint, sizes, with_size};

fn class_of(code: &str, from: u64, to: u64) -> (Growth, String) {
    let points = sizes(from, to, 8)
        .unwrap()
        .into_iter()
        .map(|n| {
            let r = run(&with_size(code, "N", n).unwrap());
            assert!(r.error.is_none(), "{code} at N = {n}: {:?}", r.error);
            SweepPoint { n, a: Some(r.clone()), b: Some(r) }
        })
        .collect();
    let s = Sweep::new("N", points);
    (s.fit.a.class, s.fit.a.text)
}

#[test]
fn known_growth_is_classified_as_what_it_is() {
    let cases = [
        ("N = 1000\nx = 1\n", Growth::Constant, 100_000),
        ("N = 1000\nx = sum(range(N))\n", Growth::Constant, 100_000),
        ("N = 1000\nx = [0] * N\n", Growth::Linear, 100_000),
        ("N = 1000\nx = list(range(N))\n", Growth::Linear, 100_000),
        ("N = 1000\nx = sorted(range(N))\n", Growth::Linear, 100_000),
        ("N = 100\nx = [[0] * N for _ in range(N)]\n", Growth::Quadratic, 1_000),
    ];
    for (code, expected, to) in cases {
        let (class, text) = class_of(code, 10, to);
        assert_eq!(class, expected, "{code:?}: {text}");
    }
}

/// Each preset's default sweep, fitted on the figure its explanation is about, classifies
/// A and B as the explanation says, and the winner is lower at the largest N.
#[test]
fn every_preset_sweeps_as_its_explanation_says() {
    use Growth::{Constant, Linear};
    use memplay_model::{Figure, Metric, PRESETS, SweepRange};
    let expected = |id: &str| match id {
        // One side holds every element, the other one at a time.
        "list-vs-generator" | "readlines-vs-iteration" => (Linear, Constant),
        // Both hold N of something; the winner holds less of it per element.
        _ => (Linear, Linear),
    };
    for p in PRESETS {
        let plan = SweepRange::default().plan(p.a_code, p.b_code).unwrap();
        let points = plan
            .sizes
            .iter()
            .map(|&n| {
                let a = run(&with_size(p.a_code, &plan.var, n).unwrap());
                let b = run(&with_size(p.b_code, &plan.var, n).unwrap());
                assert!(a.error.is_none() && b.error.is_none(), "{} at {n}: {:?} {:?}", p.id, a.error, b.error);
                SweepPoint { n, a: Some(a), b: Some(b) }
            })
            .collect();
        let figure = match p.metric {
            Metric::Peak => Figure::Peak,
            Metric::Retained => Figure::Retained,
        };
        let s = Sweep::on(plan.var, points, figure);
        let classes = (s.fit.a.class, s.fit.b.class);
        eprintln!("{}: A {} | B {} | {}", p.id, s.fit.a.text, s.fit.b.text, s.crossover.text);
        assert_eq!(classes, expected(p.id), "{}: A {} / B {}", p.id, s.fit.a.text, s.fit.b.text);
        assert!(s.crossover.text.starts_with('B'), "{}: {}", p.id, s.crossover.text);
    }
}
