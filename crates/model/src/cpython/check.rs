//! CPython's comparison beside memplay's: the check's own verdict on the figure the
//! comparison is judged on, and whether it agrees.

use serde::{Deserialize, Serialize};

use super::CheckReport;
use crate::{Comparison, EngineInfo, Side, verdict_on, winner_on};

/// CPython's comparison beside memplay's: `{"a", "b", "winner", "verdict", "engine", "agrees"}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CpythonCheck {
    pub a: CheckReport,
    pub b: CheckReport,
    pub winner: Option<Side>,
    /// "CPython 3.12 agrees: B peaks 8 500× lower" or "CPython 3.12 disagrees: there A
    /// peaks 1.8× lower".
    pub verdict: String,
    pub engine: EngineInfo,
    /// Whether CPython names the same winner as memplay; `null` when a run failed in
    /// either engine, so there is nothing to agree on.
    pub agrees: Option<bool>,
}

impl CpythonCheck {
    /// The check took what was alive at the peak for A or B (its "At the peak" columns).
    pub fn explained(&self) -> bool {
        self.a.at_peak.is_some() || self.b.at_peak.is_some()
    }

    /// CPython's runs of A and B, set against memplay's comparison of the same snippets.
    pub fn new(a: CheckReport, b: CheckReport, ours: &Comparison) -> Self {
        let (ra, rb) = (a.as_run(), b.as_run());
        let theirs = winner_on(&ra, &rb, ours.metric);
        let said = verdict_on(&ra, &rb, ours.metric);
        let failed = [&ours.a, &ours.b].iter().any(|r| r.error.is_some()) || ra.error.is_some() || rb.error.is_some();
        let agrees = (!failed).then_some(theirs == ours.winner);
        let engine = a.engine.clone();
        let name = engine.short_label();
        let mut verdict = match agrees {
            Some(true) => format!("{name} agrees: {said}"),
            Some(false) => format!("{name} disagrees: there {}", lower_first(&said)),
            None => format!("{name}: {said}"),
        };
        for (letter, our, their) in [("A", &ours.a, &ra), ("B", &ours.b, &rb)] {
            if let Some(note) = super::one_failed::one_engine_failed(letter, our, their, &ours.a.engine.name, &name) {
                verdict.push_str(". ");
                verdict.push_str(&note);
            }
        }
        Self { a, b, winner: theirs, verdict, engine, agrees }
    }
}

fn lower_first(s: &str) -> String {
    // Verdicts start with "A", "B" or "Both": only "Both" reads better in lower case.
    match s.strip_prefix("Both") {
        Some(rest) => format!("both{rest}"),
        None => s.to_owned(),
    }
}
impl Comparison {
    /// The one-line headline: the verdict, or, once CPython's check disagrees with it,
    /// both engines' answers ("RustPython: A 1.2× lower · CPython 3.14: B 2.2× lower").
    pub fn headline(&self, check: Option<&CpythonCheck>) -> String {
        match check {
            // Each engine's answer on the figure the comparison is judged on.
            Some(k) if k.agrees == Some(false) => {
                let brief = |peaks: (u64, u64), retained: (i64, i64)| match self.metric {
                    Some(crate::Metric::Retained) => crate::verdict::short_verdict_as(
                        crate::verdict::kept_bytes(retained.0),
                        crate::verdict::kept_bytes(retained.1),
                        "less kept",
                    ),
                    _ => crate::short_verdict(peaks.0, peaks.1),
                };
                format!(
                    "RustPython: {} \u{b7} {}: {}",
                    brief((self.a.peak_bytes, self.b.peak_bytes), (self.a.retained_bytes, self.b.retained_bytes)),
                    k.engine.short_label(),
                    brief((k.a.peak_bytes, k.b.peak_bytes), (k.a.retained_bytes, k.b.retained_bytes))
                )
            }
            _ => self.verdict.clone(),
        }
    }
}
