//! The one list of a report's headline figures: their stable keys, labels, units and
//! values. The table, the pane, the bar charts (page and SVG) and the CLI all read it.

use serde::Serialize;

use crate::{RunReport, format_bytes, format_ms, group_thousands};

/// How a figure is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Bytes,
    Count,
    Millis,
}

impl Unit {
    pub fn format(self, value: f64) -> String {
        match self {
            Unit::Bytes => format_bytes(value),
            Unit::Count => group_thousands(value as u64),
            Unit::Millis => format_ms(value),
        }
    }
}

/// A headline figure of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Figure {
    Peak,
    Allocated,
    Allocations,
    Retained,
    Time,
}

impl Figure {
    /// Every figure, in the order tables show them.
    pub const ALL: [Figure; 5] = [Figure::Peak, Figure::Allocated, Figure::Allocations, Figure::Retained, Figure::Time];
    /// The memory figures, which the bar charts draw (time is not memory).
    pub const CHARTED: [Figure; 4] = [Figure::Peak, Figure::Allocated, Figure::Allocations, Figure::Retained];

    /// Stable name for `data-testid` hooks: "peak", "allocated", …
    pub fn key(self) -> &'static str {
        match self {
            Figure::Peak => "peak",
            Figure::Allocated => "allocated",
            Figure::Allocations => "allocations",
            Figure::Retained => "retained",
            Figure::Time => "time",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Figure::Peak => "Peak memory",
            Figure::Allocated => "Allocated",
            Figure::Allocations => "Allocations",
            Figure::Retained => "Retained",
            Figure::Time => "Time",
        }
    }

    /// What the figure means, in a line a tutorial reader can follow.
    pub fn meaning(self) -> &'static str {
        match self {
            Figure::Peak => {
                "The most memory the snippet's objects held at any one moment: what a computer must have free \
                 to run it."
            }
            Figure::Allocated => {
                "All the memory the snippet asked for over the run, added up, even what it gave back at once: \
                 a measure of churn."
            }
            Figure::Allocations => {
                "How many times the snippet asked for memory: every object made, every list or dict that grew."
            }
            Figure::Retained => "What the snippet still held when it ended: the memory it keeps.",
            // The noise floor (`TIME_NOISE_MS`) is told once, under "B vs A" in the words.
            Figure::Time => "How long the snippet took in this browser, with memory counted.",
        }
    }

    pub fn unit(self) -> Unit {
        match self {
            Figure::Allocations => Unit::Count,
            Figure::Time => Unit::Millis,
            _ => Unit::Bytes,
        }
    }

    pub fn value(self, r: &RunReport) -> f64 {
        match self {
            Figure::Peak => r.peak_bytes as f64,
            Figure::Allocated => r.allocated_bytes as f64,
            Figure::Allocations => r.allocations as f64,
            Figure::Retained => r.retained_bytes as f64,
            Figure::Time => r.wall_ms,
        }
    }

    /// What the lower side does, in a sentence: "B uses less memory from N ≈ 3 200 on".
    pub fn lower_verb(self) -> &'static str {
        match self {
            Figure::Peak => "uses less memory",
            Figure::Allocated => "allocates fewer bytes",
            Figure::Allocations => "allocates fewer times",
            Figure::Retained => "keeps less memory",
            Figure::Time => "runs faster",
        }
    }

    /// The figure named by its key ("peak", "allocated", …).
    pub fn from_key(key: &str) -> Option<Figure> {
        Figure::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The figure as a bar's length: never negative (retained memory can be).
    pub fn bar_value(self, r: &RunReport) -> f64 {
        self.value(r).max(0.0)
    }

    /// The figure formatted in its unit: "9.0 MiB", "101,000", "12 ms". A run that freed
    /// more than it made keeps nothing, and says how much more it freed: "0 B (freed 244 B)".
    pub fn text(self, r: &RunReport) -> String {
        match self {
            Figure::Retained => crate::format_held(r.retained_bytes),
            _ => self.unit().format(self.value(r)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits};

    #[test]
    fn keys_are_unique_and_charted_figures_are_memory() {
        let mut keys: Vec<_> = Figure::ALL.iter().map(|f| f.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Figure::ALL.len());
        assert!(Figure::CHARTED.iter().all(|f| f.unit() != Unit::Millis));
    }

    #[test]
    fn values_come_from_the_report() {
        let mut r = RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() });
        r.retained_bytes = -2048;
        r.allocations = 1_200;
        assert_eq!(Figure::Retained.value(&r), -2048.0);
        assert_eq!(Figure::Retained.bar_value(&r), 0.0);
        assert_eq!(Figure::Allocations.text(&r), "1,200");
        assert_eq!(Figure::Retained.text(&r), "0 B (freed 2.0 KiB)", "no memory below zero");
    }
}
