use memplay_model::{FromWorker, RunOptions, Side, ToCpython};
use serde::Serialize;

use crate::{Action, Draft, Pane, Theme};

/// What the web shell must do after an action: the reducer decides, the shell carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Post a run to the pane's worker.
    StartRun {
        side: Side,
        run_id: u32,
        code: String,
        options: RunOptions,
    },
    /// Terminate the pane's worker, if it has one. A busy worker cannot read a message, so
    /// a worker is never asked to stop: it is terminated, and a fresh one takes its place.
    DropWorker(Side),
    /// Look for a ready worker given back by an embed of the post, on this frame's shelf
    /// and then on its siblings'. Taken, it is the pane's, and the shell reports the message
    /// it said ready with (`Action::Worker(side, FromWorker::Ready { .. })`); if the frame
    /// that started it goes away, `Action::WorkerOwnerGone { side, turn }`. None found:
    /// `Action::NoWorkerShelved { side, turn }`.
    TakeWorker {
        side: Side,
        turn: u32,
    },
    /// Start a fresh worker for the pane from the compiled engine.
    SpawnWorker(Side),
    /// Move the pane's worker, alive, onto this frame's shelf under `id`, with the message
    /// an embed that takes it is told (see `HAND_OVER_MEMORY_BYTES`).
    ShelveWorker {
        side: Side,
        id: u32,
        ready: FromWorker,
    },
    /// Terminate the worker shelved under `id`, if no embed has taken it.
    DropShelved(u32),
    /// Download and compile the engine, or follow a download of it that this frame or a
    /// sibling of the post has under way or done (an embed does so on its first Run).
    LoadEngine,
    /// Forget this frame's engine download, which failed, so that the next embed of the
    /// post to ask for the engine downloads it afresh rather than following the failure.
    ForgetEngineDownload,
    /// Keep the engine this frame downloaded in the browser's storage, for the next visit
    /// to compile without downloading; when the browser is idle, at the latest after
    /// `within_ms`.
    KeepEngine {
        within_ms: u64,
    },
    /// Tell the page's other embeds that this one started its engine (they give theirs
    /// back once idle: `Action::OtherEngineClaimed`).
    ClaimEngine,
    /// Send `action` after `ms` milliseconds (0: in a task of its own, after what is under
    /// way now).
    After {
        ms: u64,
        action: Box<Action>,
    },
    /// Keep the draft (local storage) so it comes back on reload.
    SaveDraft(Draft),
    /// Take the link out of the address: the snippets are no longer the link's.
    ClearFragment,
    /// Start the pane's CPython worker (Pyodide; downloaded on the first check).
    StartCpythonWorker(Side),
    /// Terminate the pane's CPython worker.
    StopCpythonWorker(Side),
    PostCpython {
        side: Side,
        message: ToCpython,
    },
    /// Show the page in this colour scheme.
    ApplyTheme(Theme),
    /// Tell the page's scripts (`window.memplay`'s promises) what has just happened; what
    /// they read is the state's (`State::script_results`).
    Announce(Announcement),
}

/// What the page's scripts wait for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Announcement {
    /// Python is ready for the first time (`ready()`).
    Ready,
    /// Both panes have finished: the comparison is handed out (`run()`).
    Compared,
    /// Both panes' sweeps have ended: done, at a limit, or stopped (`sweep()`).
    Swept,
    /// A sweep could not start; the text says why.
    SweepFailed(String),
    /// The CPython check is done (`run({cpython: true})`).
    Checked,
    /// The CPython check ended without both reports; the text says why.
    CheckFailed(String),
    /// The engine cannot load: everything waiting is rejected.
    EngineFailed(String),
}

impl Effect {
    /// The pane whose next worker this effect starts: a look on the shelves, at once or a
    /// task later (what follows, a taken or a fresh worker, is the shell's report's to say).
    pub fn starts_worker(&self) -> Option<Side> {
        match self {
            Effect::TakeWorker { side, .. } => Some(*side),
            Effect::After { action, .. } => match **action {
                Action::StartWorker { side, .. } => Some(side),
                _ => None,
            },
            _ => None,
        }
    }
}

/// Each pane's worker as it last reported between runs: `{a, b}`, null before it has.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct WorkerHeaps {
    pub a: Option<WorkerReport>,
    pub b: Option<WorkerReport>,
}

/// A worker's heap between runs, and how many workers its pane has replaced.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct WorkerReport {
    pub live_bytes: i64,
    pub memory_bytes: u64,
    pub runs: u32,
    pub recycled: u32,
}

impl WorkerHeaps {
    /// Plain data the shell keeps for `window.memplay.heap()`; a function, not an effect,
    /// because the page asks for it rather than being told.
    pub fn of(panes: &[Pane; 2]) -> Self {
        let worker = |p: &Pane| {
            p.heap.map(|h| WorkerReport {
                live_bytes: h.live_bytes,
                memory_bytes: h.memory_bytes,
                runs: h.runs,
                recycled: p.recycled,
            })
        };
        Self { a: worker(&panes[0]), b: worker(&panes[1]) }
    }
}
