//! Scale sweeps through the engine: snippets whose growth is known are classified as what
//! they are when their size variable is swept (memplay_model::Sweep's fit on real runs).

mod common;
use common::*;
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
