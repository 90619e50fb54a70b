//! Each pane's worker, from start to end, as the core decides it: the shell only carries
//! out `DropWorker`, `TakeWorker`, `SpawnWorker`, `ShelveWorker`, `DropShelved` and timers,
//! and reports what happened.
//!
//! A worker is replaced by turns. Every change of a pane's worker (a restart, a release,
//! a hand-over) starts the pane's next turn, and what the shell reports about a turn that is
//! over (a put-off start, an empty shelf, a vanished owner) changes nothing.
//!
//! A restart drops the old worker, then looks for a warm one on the post's shelves before
//! starting one from the compiled engine. An embed puts that look off by a task: the claim
//! it may just have made lets the post's idle embeds shelve their workers first, for this
//! one to take. A shelved worker waits `SHELF_MS` for an embed to take it, and is then
//! terminated.

use memplay_model::{FromWorker, Side};

use crate::{Action, Effect, Mode, State, WorkerState};

/// How long a worker given back stays on its frame's shelf for another embed of the post to
/// take (the embed that claimed the engine takes it within a task) before it is terminated.
pub const SHELF_MS: u64 = 2_000;

/// How long after this frame's download of the engine it is kept in the browser's storage
/// (`Effect::KeepEngine`): past the start, since Python is ready 0.6–2 s after the engine
/// has compiled, and keeping reads the 18 MB engine again.
pub const KEEP_ENGINE_AFTER_MS: u64 = 4_000;
/// … when the browser is next idle, at the latest this long after that.
pub const KEEP_ENGINE_WITHIN_MS: u64 = 5_000;

/// A pane's workers failing this many times in a row before they say ready means the engine
/// cannot start here (a broken build, or no memory to instantiate it): the page says so
/// rather than starting workers for ever.
pub const MAX_FAILED_STARTS: u32 = 3;

/// What a frame's shell is told of a worker it takes over.
const OWNER_GONE: &str = "the embed that started this worker was removed";

impl State {
    /// Drops the pane's worker, whatever it is doing, and starts its next one: taken from
    /// a shelf if the post has one there, else fresh from the compiled engine.
    pub(crate) fn restart_worker(&mut self, side: Side, effects: &mut Vec<Effect>) {
        let turn = self.next_turn(side, WorkerState::Starting);
        effects.push(Effect::DropWorker(side));
        match self.mode {
            Mode::Embed => effects.push(after(0, Action::StartWorker { side, turn })),
            Mode::Page => effects.push(Effect::TakeWorker { side, turn }),
        }
    }

    /// The pane's worker ends and none starts (an embed goes to sleep). A ready worker
    /// `kept` small is shelved for the post's next embed rather than terminated.
    pub(crate) fn give_back_worker(&mut self, side: Side, kept: bool, effects: &mut Vec<Effect>) {
        self.next_turn(side, WorkerState::Asleep);
        if !kept {
            return effects.push(Effect::DropWorker(side));
        }
        self.demand.shelved += 1;
        let id = self.demand.shelved;
        let ready = FromWorker::Ready { engine: self.engine.info.clone() };
        effects.push(Effect::ShelveWorker { side, id, ready });
        effects.push(after(SHELF_MS, Action::ShelfExpired { id }));
    }

    /// What the shell reports about the pane's worker turns and the shelf.
    pub(crate) fn on_lifecycle(&mut self, action: Action, effects: &mut Vec<Effect>) {
        match action {
            Action::StartWorker { side, turn } if self.is_turn(side, turn) => {
                effects.push(Effect::TakeWorker { side, turn });
            }
            Action::NoWorkerShelved { side, turn } if self.is_turn(side, turn) && self.engine.compiled => {
                effects.push(Effect::SpawnWorker(side));
            }
            Action::WorkerOwnerGone { side, turn } if self.pane(side).turn == turn => {
                self.worker_crashed(side, OWNER_GONE.into(), effects);
            }
            Action::ShelfExpired { id } => effects.push(Effect::DropShelved(id)),
            Action::EngineDownloaded => effects.push(after(KEEP_ENGINE_AFTER_MS, Action::KeepEngine)),
            Action::KeepEngine => effects.push(Effect::KeepEngine { within_ms: KEEP_ENGINE_WITHIN_MS }),
            _ => {}
        }
    }

    /// The pane's worker died before it said ready: one failed start more. The last one
    /// allowed (`MAX_FAILED_STARTS`) fails the engine; returns whether it did.
    pub(crate) fn start_failed(&mut self, side: Side, message: &str, effects: &mut Vec<Effect>) -> bool {
        let pane = self.pane_mut(side);
        if pane.worker != WorkerState::Starting {
            return false;
        }
        pane.failed_starts += 1;
        if pane.failed_starts < MAX_FAILED_STARTS {
            return false;
        }
        self.engine_failed(format!("the engine could not start ({message})"), effects);
        true
    }

    /// The pane's turn is `turn`, and its worker is still starting.
    fn is_turn(&self, side: Side, turn: u32) -> bool {
        let pane = self.pane(side);
        pane.turn == turn && pane.worker == WorkerState::Starting
    }

    fn next_turn(&mut self, side: Side, worker: WorkerState) -> u32 {
        let pane = self.pane_mut(side);
        pane.worker = worker;
        pane.turn += 1;
        pane.turn
    }
}

/// `action`, sent back after `ms` milliseconds.
pub(crate) fn after(ms: u64, action: Action) -> Effect {
    Effect::After { ms, action: Box::new(action) }
}
