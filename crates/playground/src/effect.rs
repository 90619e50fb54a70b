use memplay_model::{Comparison, CpythonCheck, RunOptions, Side, Sweep, ToCpython};
use serde::Serialize;

use crate::{Draft, Pane, Theme};

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
    /// Terminate the pane's worker (it may be busy and cannot listen) and start a fresh one
    /// (once the engine is compiled).
    RestartWorker(Side),
    /// Download and compile the engine (an embed does so on its first Run).
    LoadEngine,
    /// Terminate the pane's worker and start none: the embed sleeps. The compiled engine
    /// is kept.
    ReleaseWorker(Side),
    /// As `ReleaseWorker`, but a ready worker is handed on: the next embed of the post that
    /// starts its engine takes it over, warm, instead of starting one (it is terminated if
    /// none does soon). Only a worker whose memory is still small (`HAND_OVER_MEMORY_BYTES`).
    HandOverWorker(Side),
    /// Tell the page's other embeds that this one started its engine (they give theirs
    /// back once idle: `Action::OtherEngineClaimed`).
    ClaimEngine,
    /// Send `Action::IdleTimer { generation }` after `ms` milliseconds.
    IdleTimer {
        generation: u32,
        ms: u64,
    },
    /// Send `Action::Watchdog { side, run_id }` after `ms` milliseconds.
    Watchdog {
        side: Side,
        run_id: u32,
        ms: u64,
    },
    /// Keep the draft (local storage) so it comes back on reload.
    SaveDraft(Draft),
    /// Take the link out of the address: the snippets are no longer the link's.
    ClearFragment,
    /// Both panes have finished: here is the comparison, with both runs' output (for
    /// `window.memplay.run()` and `results()`).
    Compared(Box<Comparison>),
    /// Both panes' sweeps have ended (done, at a limit, or stopped): the sweep, fitted
    /// on peak memory (for `window.memplay.sweep()` and `results()`).
    Swept(Box<Sweep>),
    /// A sweep could not start; the text says why (for `window.memplay.sweep()`).
    SweepFailed(String),
    /// Start the pane's CPython worker (Pyodide; downloaded on the first check).
    StartCpythonWorker(Side),
    /// Terminate the pane's CPython worker.
    StopCpythonWorker(Side),
    PostCpython {
        side: Side,
        message: ToCpython,
    },
    /// Send `Action::CpythonWatchdog { side, run_id }` after `ms` milliseconds.
    CpythonWatchdog {
        side: Side,
        run_id: u32,
        ms: u64,
    },
    /// The CPython check is done (for `window.memplay.run({cpython: true})`).
    CpythonChecked(Box<CpythonCheck>),
    /// The CPython check ended without both reports; the text says why.
    CpythonFailed(String),
    /// Show the page in this colour scheme.
    ApplyTheme(Theme),
    /// Python is ready for the first time (resolves `window.memplay.ready()`).
    PythonReady,
    /// The engine cannot load (rejects what waits on `window.memplay`).
    EngineFailed(String),
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
