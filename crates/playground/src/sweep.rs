//! A scale sweep in the page (the Scale button): each pane re-runs its snippet at every
//! size of the plan, one fresh run after the other, both panes at once. A point that ends
//! in an error (a limit, an exception, Stop) ends that pane's sweep and is kept.

use memplay_model::{ErrorKind, RunReport, Side, slim};

use crate::{Announcement, Effect, State, SweepRun, spaced};

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
