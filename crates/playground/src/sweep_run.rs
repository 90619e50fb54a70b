//! A scale sweep's points as they come, pane by pane (the reducer drives it: sweep.rs).

use memplay_model::{Figure, RunReport, Side, SizeSite, Sweep, SweepPlan, SweepPoint, group_thousands};

/// The sweep under way, or the last one.
#[derive(Clone, Debug, PartialEq)]
pub struct SweepRun {
    /// How the size reads ("N", "10**6 (line 3)").
    pub var: String,
    /// Where each snippet's size is.
    pub sites: [SizeSite; 2],
    pub sizes: Vec<u64>,
    /// Each side's finished points in size order (totals only: no lines, timeline or output).
    pub reports: [Vec<RunReport>; 2],
    /// Why a side's sweep ended before its last size.
    pub ended: [Option<String>; 2],
}

impl SweepRun {
    pub fn new(plan: SweepPlan) -> Self {
        Self {
            var: plan.var,
            sites: plan.sites,
            sizes: plan.sizes,
            reports: [Vec::new(), Vec::new()],
            ended: [None, None],
        }
    }

    /// The side still has sizes to run.
    pub fn side_running(&self, side: Side) -> bool {
        let i = side.index();
        self.ended[i].is_none() && self.reports[i].len() < self.sizes.len()
    }

    pub fn running(&self) -> bool {
        Side::BOTH.iter().any(|&s| self.side_running(s))
    }

    /// The size a side runs now (or ran last).
    pub fn current(&self, side: Side) -> Option<u64> {
        let i = self.reports[side.index()].len().min(self.sizes.len().saturating_sub(1));
        self.sizes.get(i).copied()
    }

    /// "N = 10 000 · 5/8": the size a side is running, and which of how many.
    pub fn progress(&self, side: Side) -> Option<String> {
        if !self.side_running(side) {
            return None;
        }
        let done = self.reports[side.index()].len();
        Some(format!("{} = {} · {}/{}", self.var, spaced(self.current(side)?), done + 1, self.sizes.len()))
    }

    /// The points so far, fitted on `figure`.
    pub fn sweep(&self, figure: Figure) -> Sweep {
        let longest = self.reports.iter().map(Vec::len).max().unwrap_or(0);
        let points = (0..longest)
            .map(|i| SweepPoint {
                n: self.sizes[i],
                a: self.reports[0].get(i).cloned(),
                b: self.reports[1].get(i).cloned(),
            })
            .collect();
        Sweep::on(self.var.clone(), points, figure)
    }
}

/// "10 000": a size with thin groups, as the sweep's sentences write it.
pub fn spaced(n: u64) -> String {
    group_thousands(n).replace(',', "\u{202f}")
}
