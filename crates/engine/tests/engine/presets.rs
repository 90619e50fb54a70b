//! Every preset runs without error and its documented winner wins on its figure.

use crate::common::*;
use memplay_model::{Metric, PRESETS, Side};

#[test]
fn every_preset_runs_and_its_winner_wins() {
    for p in PRESETS {
        let a = run(p.a_code);
        let b = run(p.b_code);
        assert!(a.error.is_none(), "{} A failed: {:?}", p.id, a.error);
        assert!(b.error.is_none(), "{} B failed: {:?}", p.id, b.error);
        assert_eq!(a.stdout.lines().count(), b.stdout.lines().count(), "{}: same kind of output", p.id);
        let figure = |r: &memplay_model::RunReport| match p.metric {
            Metric::Peak => r.peak_bytes as f64,
            Metric::Retained => r.retained_bytes as f64,
        };
        let (winner, loser) = match p.winner {
            Side::A => (figure(&a), figure(&b)),
            Side::B => (figure(&b), figure(&a)),
        };
        assert!(winner * 1.05 < loser, "{}: winner {winner} vs loser {loser} on {:?}", p.id, p.metric);
    }
}
