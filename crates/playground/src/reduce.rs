//! The one reducer: an action changes the state and names the effects the shell carries out.

use memplay_model::{
    Comparison, EngineEvent, ErrorKind, FromWorker, LimitKind, RunError, RunReport, RunTracker, Side, preset,
};

use crate::lifecycle::after;
use crate::{
    Action, Announcement, Effect, RECYCLE_LIVE_BYTES, RECYCLE_MEMORY_BYTES, State, WATCHDOG_GRACE_MS, WorkerState,
};

impl State {
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        let mut effects = Vec::new();
        match action {
            Action::EngineLoading { loaded, total } => {
                self.engine.loaded = loaded;
                self.engine.total = total;
            }
            Action::EngineCompiled => self.engine_compiled(&mut effects),
            Action::Wake => {
                for side in Side::BOTH {
                    self.wake(side, &mut effects);
                }
            }
            Action::Visible(visible) => self.set_visible(visible, &mut effects),
            Action::IdleTimer { generation } => self.idle_timer(generation, &mut effects),
            Action::OtherEngineClaimed => self.sleep(&mut effects),
            Action::EngineFailed(message) => self.engine_failed(message, &mut effects),
            Action::Worker(side, FromWorker::Ready { engine }) => {
                self.engine.info = engine;
                let options = self.settings.options.clone();
                let pane = self.pane_mut(side);
                pane.worker = WorkerState::Ready;
                pane.failed_starts = 0;
                pane.recycle_after_run = false;
                if pane.queued {
                    pane.queued = false;
                    pane.worker = WorkerState::Busy;
                    effects.push(Effect::StartRun { side, run_id: pane.run_id, code: pane.run_code.clone(), options });
                }
            }
            Action::Worker(side, FromWorker::LoadingModule { module }) => {
                self.pane_mut(side).loading_module = Some(module);
            }
            Action::Worker(side, FromWorker::Run { run_id, event }) => {
                self.pane_mut(side).loading_module = None;
                self.on_event(side, run_id, event, &mut effects)
            }
            Action::Worker(side, FromWorker::Idle { heap }) => {
                let pane = self.pane_mut(side);
                pane.heap = Some(heap);
                let grown = heap.live_bytes > RECYCLE_LIVE_BYTES || heap.memory_bytes > RECYCLE_MEMORY_BYTES;
                // A worker reports after handing over its result, so the next run may
                // already have started: then it is replaced when that run ends.
                if grown && pane.worker == WorkerState::Busy {
                    pane.recycle_after_run = true;
                } else if grown && pane.worker == WorkerState::Ready && !pane.queued {
                    self.recycle(side, &mut effects);
                }
            }
            Action::WorkerCrashed(side, message) | Action::Worker(side, FromWorker::Failed { message }) => {
                self.worker_crashed(side, message, &mut effects)
            }
            Action::StartWorker { .. }
            | Action::NoWorkerShelved { .. }
            | Action::WorkerOwnerGone { .. }
            | Action::ShelfExpired { .. }
            | Action::EngineDownloaded
            | Action::KeepEngine => self.on_lifecycle(action, &mut effects),
            Action::Watchdog { side, run_id } => {
                let pane = self.pane(side);
                if pane.run_id == run_id && pane.running() {
                    let limits = self.settings.options.limits;
                    self.cut_short(side, LimitKind::Time.error(&limits, None), &mut effects);
                }
            }
            Action::Run => self.run(&mut effects),
            Action::Sweep => self.start_sweep(&mut effects),
            Action::CheckCpython => self.check_cpython(&mut effects),
            Action::Cpython(side, message) => self.on_cpython(side, message, &mut effects),
            Action::CpythonCrashed(side, message) => {
                self.cpython_failed(side, format!("CPython's worker failed ({message})"), &mut effects)
            }
            Action::CpythonWatchdog { side, run_id } => self.cpython_watchdog(side, run_id, &mut effects),
            Action::SetSweepRange(range) => {
                if self.settings.sweep != range {
                    self.settings.sweep = range;
                    self.edited(&mut effects);
                }
            }
            Action::ShowSweepFigure(figure) => self.sweep_figure = figure,
            Action::Stop => {
                self.stop_cpython(&mut effects);
                for side in Side::BOTH {
                    if self.pane(side).running() {
                        let error = RunError::plain(ErrorKind::Stopped, "stopped before the end (Stop was pressed)");
                        self.cut_short(side, error, &mut effects);
                    }
                }
            }
            Action::SetCode(side, code) => {
                if self.pane(side).code != code {
                    self.pane_mut(side).set_code(&code);
                    self.retitle(side);
                    self.preset = None;
                    self.edited(&mut effects);
                }
            }
            Action::SetTitle(side, title) => {
                self.titled_by[side.index()] = None;
                self.pane_mut(side).title = title;
                self.edited(&mut effects);
            }
            Action::LoadPreset(id) => {
                if let Some(draft) = preset(&id).map(|p| State::preset_draft(p.id)) {
                    self.show(&draft.a, &draft.b, draft.preset, self.settings.clone());
                    self.edited(&mut effects);
                }
            }
            Action::SetSettings(settings) => {
                self.settings = settings.sanitized();
                self.edited(&mut effects);
            }
            Action::SetTheme(theme) => {
                self.theme = theme;
                effects.push(Effect::ApplyTheme(theme));
                self.save(&mut effects);
            }
            Action::OpenLink(fragment) => self.open_link(&fragment, &mut effects),
            Action::RestorePrevious => self.restore_previous(&mut effects),
            Action::DismissNotice => self.notice = None,
            Action::SetShareOptions(options) => self.share = options,
        }
        self.yield_if_asked(&mut effects);
        if !self.announced_ready && self.ready() {
            self.announced_ready = true;
            effects.push(Effect::Announce(Announcement::Ready));
        }
        effects
    }

    pub(crate) fn run(&mut self, effects: &mut Vec<Effect>) {
        if self.running() || self.cpython.running || self.engine.error.is_some() {
            return;
        }
        self.comparison = None;
        self.comparing = true;
        self.ran = [self.panes[0].code.clone(), self.panes[1].code.clone()];
        if !self.cpython.running {
            self.cpython.check = None;
            self.cpython.ended = [None, None];
            self.cpython.reports = [None, None];
        }
        for side in Side::BOTH {
            let pane = self.pane_mut(side);
            pane.result = None;
            pane.console.clear();
            let code = pane.code.clone();
            self.start_run(side, code, false, effects);
        }
    }

    /// Starts (or queues, while the worker starts) one run of `code` in a pane, a point of
    /// a sweep when `sweep_point` is set.
    pub(crate) fn start_run(&mut self, side: Side, code: String, sweep_point: bool, effects: &mut Vec<Effect>) {
        self.wake(side, effects);
        let options = self.settings.options.clone();
        let engine = self.engine.info.clone();
        let pane = self.pane_mut(side);
        pane.run_id += 1;
        pane.tracker = Some(RunTracker::new(options.limits, engine));
        pane.run_code = code;
        pane.sweep_point = sweep_point;
        if !sweep_point {
            pane.edited_since_run = false;
        }
        if pane.worker == WorkerState::Ready {
            pane.worker = WorkerState::Busy;
            effects.push(Effect::StartRun { side, run_id: pane.run_id, code: pane.run_code.clone(), options });
        } else {
            pane.queued = true;
        }
    }

    fn on_event(&mut self, side: Side, run_id: u32, event: EngineEvent, effects: &mut Vec<Effect>) {
        let time_ms = self.settings.options.limits.time_ms;
        // A sweep's points are about figures: their output is not kept.
        let sweeping = self.sweeping(side);
        let pane = self.pane_mut(side);
        if run_id != pane.run_id || pane.worker != WorkerState::Busy {
            return;
        }
        let time_up = event.is_time_limit();
        match event {
            EngineEvent::Started => effects.push(after(time_ms + WATCHDOG_GRACE_MS, Action::Watchdog { side, run_id })),
            // The console is the page's one copy of the output: the tracker follows figures.
            EngineEvent::Output { .. } if sweeping => return,
            EngineEvent::Output { stderr, text } => return pane.push_output(stderr, &text),
            _ => {}
        }
        let Some(tracker) = pane.tracker.as_mut() else { return };
        if let Some(report) = tracker.apply(event).cloned() {
            pane.worker = WorkerState::Ready;
            if std::mem::take(&mut pane.recycle_after_run) {
                self.recycle(side, effects);
            }
            self.finish(side, report, effects);
        } else if time_up {
            // The worker stops itself at the time limit and cannot be reused.
            let error = LimitKind::Time.error(&self.settings.options.limits, None);
            self.cut_short(side, error, effects);
        }
    }

    /// Replaces a pane's idle worker whose heap has grown (see `RECYCLE_LIVE_BYTES`).
    fn recycle(&mut self, side: Side, effects: &mut Vec<Effect>) {
        self.pane_mut(side).recycled += 1;
        self.restart_worker(side, effects);
    }

    /// The pane's worker died: its run, if any, ends with what it had, and a fresh worker
    /// takes its place.
    pub(crate) fn worker_crashed(&mut self, side: Side, message: String, effects: &mut Vec<Effect>) {
        if matches!(self.pane(side).worker, WorkerState::Asleep | WorkerState::Failed(_)) {
            // The last word of a worker the embed already gave back, or of one whose
            // engine has failed.
        } else if self.start_failed(side, &message, effects) {
            // The engine cannot start here: said once, not retried for ever.
        } else if self.pane(side).running() {
            self.cut_short(side, crash_error(&message), effects);
        } else {
            self.restart_worker(side, effects);
        }
    }

    /// The engine cannot be used: every pane says so, and what waits on it is told.
    pub(crate) fn engine_failed(&mut self, message: String, effects: &mut Vec<Effect>) {
        self.engine.error = Some(message.clone());
        effects.push(Effect::ForgetEngineDownload);
        effects.push(Effect::Announce(Announcement::EngineFailed(message.clone())));
        for side in Side::BOTH {
            self.pane_mut(side).worker = WorkerState::Failed(message.clone());
            self.pane_mut(side).queued = false;
            effects.push(Effect::DropWorker(side));
        }
    }

    /// Ends a pane's run that will not end by itself: keeps its partial report and
    /// replaces the worker, which may be busy, stuck or dead.
    fn cut_short(&mut self, side: Side, error: RunError, effects: &mut Vec<Effect>) {
        let pane = self.pane_mut(side);
        pane.loading_module = None;
        let report = match &pane.tracker {
            Some(tracker) => tracker.partial(error),
            None => return,
        };
        pane.queued = false;
        self.restart_worker(side, effects);
        self.finish(side, report, effects);
    }

    /// Ends a pane's run with `report` (figures only), which takes the run's output from
    /// the console: a finished result is a whole report, as the command line gives it.
    fn finish(&mut self, side: Side, mut report: RunReport, effects: &mut Vec<Effect>) {
        if self.sweeping(side) {
            return self.sweep_point_done(side, report, effects);
        }
        let pane = &mut self.panes[side.index()];
        (report.stdout, report.stderr) = pane.output();
        pane.result = Some(report);
        if self.comparing && !self.running() {
            self.comparing = false;
            if let (Some(a), Some(b)) = (&self.panes[0].result, &self.panes[1].result) {
                // The state's comparison keeps figures; the output stays in the results.
                let figures = |r: &RunReport| r.clone().without_output();
                let [ran_a, ran_b] = &self.ran;
                let compared = Comparison::of_code(figures(a), figures(b), ran_a, ran_b);
                self.comparison = Some(compared.judged_on(self.preset_metric()));
                effects.push(Effect::Announce(Announcement::Compared));
                if self.cpython.pending {
                    self.start_check(effects);
                }
            }
        }
    }
}

/// What a pane shows when its worker died during a run. Running out of the browser's own
/// stack is deep recursion that the engine's stack check did not catch in time (nesting in
/// native code, such as the repr of a list nested thousands deep): it reads as the
/// `RecursionError` it is.
pub fn crash_error(message: &str) -> RunError {
    if message.contains("Maximum call stack size exceeded") {
        return RunError::plain(
            ErrorKind::Python("RecursionError".into()),
            "maximum recursion depth exceeded (the browser's stack ran out; a fresh engine has started)",
        );
    }
    RunError::plain(
        ErrorKind::EngineCrash,
        format!("the engine crashed while running this snippet ({message}); a fresh one has started"),
    )
}
