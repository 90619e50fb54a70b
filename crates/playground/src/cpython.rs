//! The CPython check in the page: the snippets of the last comparison run again under
//! CPython's tracemalloc, in two more workers (Pyodide), started only when a reader asks.
//! Stop and the time limit end them as they end the engine's: the worker is terminated and
//! a fresh one follows; what finished is kept, and so are the figures and output a run
//! reported before it was ended. Each worker runs one snippet: after its report it is
//! replaced too, so nothing a snippet changes in its CPython outlives its run.

use memplay_model::{CheckRequest, CpythonCheck, ErrorKind, FromCpython, RunError, Side, ToCpython};

use crate::{Action, Announcement, CpythonWorker, Effect, State, WATCHDOG_GRACE_MS};

impl State {
    /// "Check on CPython": checks the last comparison, or runs one first.
    pub(crate) fn check_cpython(&mut self, effects: &mut Vec<Effect>) {
        if self.cpython.running {
            return;
        }
        if self.running() || self.comparison.is_none() {
            self.cpython.pending = true;
            self.cpython.check = None;
            if !self.running() {
                self.run(effects);
            }
            return;
        }
        self.start_check(effects);
    }

    /// Runs both snippets of the finished comparison on CPython.
    pub(crate) fn start_check(&mut self, effects: &mut Vec<Effect>) {
        let c = &mut self.cpython;
        c.pending = false;
        c.running = true;
        c.check = None;
        for side in Side::BOTH {
            let i = side.index();
            c.reports[i] = None;
            c.progress[i] = None;
            c.ended[i] = None;
            c.run_ids[i] += 1;
            c.queued[i] = Some(self.ran[i].clone());
            match c.workers[i] {
                CpythonWorker::Off => {
                    c.workers[i] = CpythonWorker::Starting;
                    effects.push(Effect::StartCpythonWorker(side));
                }
                CpythonWorker::Starting => {}
                CpythonWorker::Ready | CpythonWorker::Busy => {
                    c.workers[i] = CpythonWorker::Ready;
                }
            }
        }
        for side in Side::BOTH {
            self.post_queued(side, effects);
        }
    }

    fn post_queued(&mut self, side: Side, effects: &mut Vec<Effect>) {
        let i = side.index();
        let options = self.settings.options.clone();
        let c = &mut self.cpython;
        if c.workers[i] != CpythonWorker::Ready {
            return;
        }
        let Some(code) = c.queued[i].take() else { return };
        c.workers[i] = CpythonWorker::Busy;
        let run_id = c.run_ids[i];
        effects.push(Effect::PostCpython {
            side,
            message: ToCpython::Run { run_id, request: CheckRequest::closed(&code, &options) },
        });
        let ms = options.limits.time_ms + WATCHDOG_GRACE_MS;
        effects.push(crate::lifecycle::after(ms, Action::CpythonWatchdog { side, run_id }));
    }

    pub(crate) fn on_cpython(&mut self, side: Side, message: FromCpython, effects: &mut Vec<Effect>) {
        let i = side.index();
        match message {
            FromCpython::Ready { engine } => {
                self.cpython.engine = Some(engine);
                self.cpython.workers[i] = CpythonWorker::Ready;
                self.post_queued(side, effects);
            }
            FromCpython::Done { run_id, report } => {
                let c = &mut self.cpython;
                if run_id != c.run_ids[i] || c.workers[i] != CpythonWorker::Busy {
                    return;
                }
                // Its explanation comes from Python: kept only where it adds up to the peak
                // the worker read from CPython's own state.
                c.reports[i] = Some(report.vet());
                // The snippet may have changed its CPython (modules, the driver itself): the
                // next run gets a fresh one, loading while the reader reads this one.
                effects.push(Effect::StopCpythonWorker(side));
                effects.push(Effect::StartCpythonWorker(side));
                c.workers[i] = CpythonWorker::Starting;
                self.check_done(effects);
            }
            FromCpython::Progress { run_id, figures } => {
                let c = &mut self.cpython;
                if run_id == c.run_ids[i] && c.workers[i] == CpythonWorker::Busy {
                    match &mut c.progress[i] {
                        Some(so_far) => so_far.extend(figures),
                        none => *none = Some(figures),
                    }
                }
            }
            FromCpython::Failed { message } => self.cpython_failed(side, message, effects),
        }
    }

    /// The worker failed or died: it is replaced, and a run it had ends with `message`.
    pub(crate) fn cpython_failed(&mut self, side: Side, message: String, effects: &mut Vec<Effect>) {
        let i = side.index();
        let c = &mut self.cpython;
        let had_run = c.running && c.reports[i].is_none() && c.ended[i].is_none();
        c.workers[i] = CpythonWorker::Off;
        c.queued[i] = None;
        effects.push(Effect::StopCpythonWorker(side));
        if had_run {
            self.keep_what_ran(side, ErrorKind::EngineCrash, message);
            self.check_done(effects);
        }
    }

    pub(crate) fn cpython_watchdog(&mut self, side: Side, run_id: u32, effects: &mut Vec<Effect>) {
        let i = side.index();
        let c = &self.cpython;
        if c.run_ids[i] == run_id && c.workers[i] == CpythonWorker::Busy {
            let limit = memplay_model::LimitKind::Time.message(&self.settings.options.limits);
            let why = format!("{limit}; a fresh CPython follows");
            self.end_cpython_run(side, ErrorKind::TimeLimitExceeded, why, effects);
        }
    }

    /// Stop: the sides still running on CPython end, their workers replaced.
    pub(crate) fn stop_cpython(&mut self, effects: &mut Vec<Effect>) {
        self.cpython.pending = false;
        if !self.cpython.running {
            return;
        }
        for side in Side::BOTH {
            let i = side.index();
            if self.cpython.reports[i].is_none() && self.cpython.ended[i].is_none() {
                self.end_cpython_run(side, ErrorKind::Stopped, "stopped (Stop was pressed)".into(), effects);
            }
        }
    }

    fn end_cpython_run(&mut self, side: Side, kind: ErrorKind, why: String, effects: &mut Vec<Effect>) {
        let i = side.index();
        let c = &mut self.cpython;
        c.queued[i] = None;
        if c.workers[i] != CpythonWorker::Off {
            // A busy worker cannot listen: it is terminated and a fresh one loads.
            effects.push(Effect::StopCpythonWorker(side));
            effects.push(Effect::StartCpythonWorker(side));
            c.workers[i] = CpythonWorker::Starting;
        }
        self.keep_what_ran(side, kind, why);
        self.check_done(effects);
    }

    /// A side's run ended before it finished: its report is what it reported so far,
    /// marked with how it ended; without any, only why it ended is kept.
    fn keep_what_ran(&mut self, side: Side, kind: ErrorKind, why: String) {
        let i = side.index();
        let limits = self.settings.options.limits;
        let c = &mut self.cpython;
        match (c.progress[i].take(), c.engine.clone()) {
            (Some(mut so_far), Some(engine)) => {
                if kind == ErrorKind::TimeLimitExceeded {
                    // It ran until the watchdog ended it, whenever it last reported.
                    so_far.wall_ms = so_far.wall_ms.max(limits.time_ms as f64);
                }
                let error = RunError::plain(kind, format!("{why}; the figures are those up to then"));
                c.reports[i] = Some(so_far.into_report(error, limits, engine));
            }
            _ => c.ended[i] = Some(why),
        }
    }

    /// Once both sides have ended: the check against the comparison, or why there is none.
    fn check_done(&mut self, effects: &mut Vec<Effect>) {
        let c = &mut self.cpython;
        let over = (0..2).all(|i| c.reports[i].is_some() || c.ended[i].is_some());
        if !c.running || !over {
            return;
        }
        c.running = false;
        match (&c.reports, &self.comparison) {
            ([Some(a), Some(b)], Some(ours)) => {
                let check = CpythonCheck::new(a.clone(), b.clone(), ours);
                c.check = Some(check);
                effects.push(Effect::Announce(Announcement::Checked));
            }
            _ => {
                let why = format!("the CPython check did not finish ({})", c.why_ended());
                effects.push(Effect::Announce(Announcement::CheckFailed(why)));
            }
        }
    }
}
