//! A scale sweep in the page (the Scale button): each pane re-runs its snippet at every
//! size of the plan, one fresh run after the other, both panes at once. A point that ends
//! in an error (a limit, an exception, Stop) ends that pane's sweep and is kept.

use memplay_model::{
    ErrorKind, Figure, RunReport, Side, SizeSite, Sweep, SweepPlan, SweepPoint, group_thousands, slim,
};

use crate::{Announcement, Effect, State};

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

impl State {
    /// A pane's current run is a point of the sweep.
    pub(crate) fn sweeping(&self, side: Side) -> bool {
        self.sweep.as_ref().is_some_and(|s| s.side_running(side))
    }

    pub(crate) fn start_sweep(&mut self, effects: &mut Vec<Effect>) {
        if let Some(error) = &self.engine.error {
            effects.push(Effect::Announce(Announcement::SweepFailed(format!("the engine could not load: {error}"))));
            return;
        }
        if self.running() {
            let why = "a run is under way: wait for it, or press Stop";
            effects.push(Effect::Announce(Announcement::SweepFailed(why.into())));
            return;
        }
        let [a, b] = &self.panes;
        match self.settings.sweep.plan(&a.code, &b.code) {
            Err(message) => {
                self.sweep_error = Some(message.clone());
                effects.push(Effect::Announce(Announcement::SweepFailed(message)));
            }
            Ok(plan) => {
                self.sweep_error = None;
                self.sweep = Some(SweepRun::new(plan));
                for side in Side::BOTH {
                    self.next_point(side, effects);
                }
            }
        }
    }

    /// Starts the pane's next size.
    fn next_point(&mut self, side: Side, effects: &mut Vec<Effect>) {
        let Some(sweep) = &self.sweep else { return };
        let Some(n) = sweep.current(side) else { return };
        match sweep.sites[side.index()].apply(&self.pane(side).code, n) {
            Ok(code) => self.start_run(side, code, true, effects),
            Err(message) => self.end_side(side, message, effects),
        }
    }

    pub(crate) fn sweep_point_done(&mut self, side: Side, report: RunReport, effects: &mut Vec<Effect>) {
        let Some(sweep) = self.sweep.as_mut() else { return };
        let n = sweep.current(side).unwrap_or_default();
        let why = report.error.as_ref().map(|e| match e.kind {
            ErrorKind::Stopped => format!("stopped at {} = {} (Stop was pressed)", sweep.var, spaced(n)),
            _ => format!("ended at {} = {}: {} ({})", sweep.var, spaced(n), e.kind, e.message),
        });
        sweep.reports[side.index()].push(slim(report.without_output()));
        match why {
            Some(why) => self.end_side(side, why, effects),
            None if sweep.side_running(side) => self.next_point(side, effects),
            None => self.sweep_maybe_done(effects),
        }
    }

    fn end_side(&mut self, side: Side, why: String, effects: &mut Vec<Effect>) {
        if let Some(sweep) = self.sweep.as_mut() {
            sweep.ended[side.index()] = Some(why);
        }
        self.sweep_maybe_done(effects);
    }

    /// Hands the sweep out once both sides have ended.
    fn sweep_maybe_done(&mut self, effects: &mut Vec<Effect>) {
        if self.sweep.as_ref().is_some_and(|s| !s.running()) {
            effects.push(Effect::Announce(Announcement::Swept));
        }
    }
}
