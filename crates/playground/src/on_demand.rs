//! Engines on demand: an embed is a reader's promise, not a running engine. It starts no
//! interpreter until Run (or, for a link with `&run`, `&sweep` or `&cpython`, until it is
//! on screen), and gives its workers back when it has been off screen and idle for
//! `IDLE_OFF_SCREEN_MS`, or as soon as another embed of the page starts its engine. So a
//! post's memory grows with the embeds in use, not with the embeds on it. The compiled
//! engine stays in the frame: waking again downloads and compiles nothing. Workers given
//! back while small are handed on: the next embed of the post takes them over, warm.
//!
//! The full page keeps its workers warm from the start.

use memplay_model::Side;

use crate::lifecycle::after;
use crate::{Action, Autostart, Effect, HAND_OVER_MEMORY_BYTES, Mode, State, WorkerState};

impl State {
    /// Starts a sleeping pane's worker (and, the first time, the engine's download).
    pub(crate) fn wake(&mut self, side: Side, effects: &mut Vec<Effect>) {
        if self.pane(side).worker != WorkerState::Asleep {
            return;
        }
        self.pane_mut(side).worker = WorkerState::Starting;
        if self.mode == Mode::Embed && !effects.contains(&Effect::ClaimEngine) {
            self.demand.yield_when_idle = false;
            effects.push(Effect::ClaimEngine);
        }
        if !self.demand.requested {
            self.demand.requested = true;
            effects.push(Effect::LoadEngine);
        }
        if self.engine.compiled {
            self.restart_worker(side, effects);
        }
    }

    /// The engine is compiled: the panes waiting for it start their workers.
    pub(crate) fn engine_compiled(&mut self, effects: &mut Vec<Effect>) {
        self.engine.compiled = true;
        for side in Side::BOTH {
            if self.pane(side).worker == WorkerState::Starting {
                self.restart_worker(side, effects);
            }
        }
    }

    /// Gives both workers back if nothing runs; otherwise once the run, sweep or check
    /// ends (`yield_when_idle`).
    pub(crate) fn sleep(&mut self, effects: &mut Vec<Effect>) {
        if self.mode != Mode::Embed || self.asleep() {
            return;
        }
        if self.busy() {
            self.demand.yield_when_idle = true;
            return;
        }
        self.demand.yield_when_idle = false;
        for side in Side::BOTH {
            let pane = self.pane_mut(side);
            if matches!(pane.worker, WorkerState::Failed(_)) {
                continue;
            }
            // A worker that has said nothing of its heap yet has only warmed up.
            let small = !pane.recycle_after_run && pane.heap.is_none_or(|h| h.memory_bytes < HAND_OVER_MEMORY_BYTES);
            let ready = pane.worker == WorkerState::Ready;
            pane.heap = None;
            pane.recycle_after_run = false;
            self.give_back_worker(side, ready && small, effects);
        }
    }

    /// A run, a sweep or a CPython check is under way or waits for its turn.
    pub(crate) fn busy(&self) -> bool {
        self.running() || self.cpython.running || self.cpython.pending
    }

    /// After every action: an embed asked to yield does so once it is idle.
    pub(crate) fn yield_if_asked(&mut self, effects: &mut Vec<Effect>) {
        if self.demand.yield_when_idle && !self.busy() {
            self.sleep(effects);
        }
    }

    /// The frame came on screen or left it.
    pub(crate) fn set_visible(&mut self, visible: bool, effects: &mut Vec<Effect>) {
        if self.demand.visible == visible {
            return;
        }
        self.demand.visible = visible;
        self.demand.generation += 1;
        if visible {
            // The engine (shared by the post's frames), not an interpreter: Run then pays
            // only the workers' start.
            if self.demand.prefetch && !self.demand.requested {
                self.demand.requested = true;
                effects.push(Effect::LoadEngine);
            }
            if let Some(start) = self.demand.autostart.take() {
                self.autostart(start, effects);
            }
        } else if self.mode == Mode::Embed {
            let generation = self.demand.generation;
            effects.push(after(self.demand.idle_ms, Action::IdleTimer { generation }));
        }
    }

    /// The idle timer set when the frame left the screen: sleeps if it has not come back.
    pub(crate) fn idle_timer(&mut self, generation: u32, effects: &mut Vec<Effect>) {
        if generation == self.demand.generation && !self.demand.visible {
            self.sleep(effects);
        }
    }

    /// What a link asks for on open: at once on the full page or an embed on screen,
    /// else when the embed comes on screen.
    pub(crate) fn autostart(&mut self, start: Autostart, effects: &mut Vec<Effect>) {
        if self.mode == Mode::Embed && !self.demand.visible {
            self.demand.autostart = Some(start);
            return;
        }
        match start {
            Autostart::Sweep => self.start_sweep(effects),
            Autostart::Cpython => self.check_cpython(effects),
            Autostart::Run => self.run(effects),
        }
    }

    /// Neither pane has a worker: an embed not run yet, or one that gave its workers back.
    pub(crate) fn asleep(&self) -> bool {
        self.panes.iter().all(|p| p.worker == WorkerState::Asleep)
    }

    /// Workers alive or starting (for the page's `data-engines` hook and benchmarks).
    pub fn live_engines(&self) -> usize {
        self.panes
            .iter()
            .filter(|p| matches!(p.worker, WorkerState::Starting | WorkerState::Ready | WorkerState::Busy))
            .count()
    }

    /// Run can be pressed: Python is ready, or asleep and starts on the press.
    pub(crate) fn can_start(&self) -> bool {
        self.engine.error.is_none()
            && self
                .panes
                .iter()
                .all(|p| matches!(p.worker, WorkerState::Ready | WorkerState::Busy | WorkerState::Asleep))
    }
}
