use memplay_model::{Figure, FromCpython, FromWorker, Side, SweepRange};

use crate::{Settings, ShareOptions, Theme};

/// Everything that can happen to the page: what a person does, what a worker says, what
/// a timer or the engine download reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The engine's wasm is downloading: bytes so far and in all (when the server says).
    EngineLoading {
        loaded: u64,
        total: Option<u64>,
    },
    /// The engine's wasm is downloaded and compiled; workers can start from it.
    EngineCompiled,
    /// The engine could not be downloaded or compiled.
    EngineFailed(String),
    /// This frame downloaded the engine from the network (not from the browser's storage,
    /// and not by following another embed's download).
    EngineDownloaded,
    /// Time to keep the downloaded engine in the browser's storage.
    KeepEngine,
    /// Start the engine if it sleeps (`window.memplay.ready()` in an embed).
    Wake,
    /// The embed's frame came on screen (true) or left it.
    Visible(bool),
    /// The idle timer set when the frame left the screen has run out.
    IdleTimer {
        generation: u32,
    },
    /// Another embed of the page started its engine: this one gives its workers back
    /// when idle.
    OtherEngineClaimed,
    /// The pane's worker of turn `turn` may start now (a restart put off a task, so that
    /// the post's other embeds can first give theirs back for this one to take).
    StartWorker {
        side: Side,
        turn: u32,
    },
    /// No embed of the post had a worker on its shelf for the pane's turn `turn`.
    NoWorkerShelved {
        side: Side,
        turn: u32,
    },
    /// The frame that started the pane's worker of turn `turn` (taken from its shelf) was
    /// removed from the post, and its worker with it.
    WorkerOwnerGone {
        side: Side,
        turn: u32,
    },
    /// The worker shelved under `id` has waited its time.
    ShelfExpired {
        id: u32,
    },
    /// A message from a pane's worker.
    Worker(Side, FromWorker),
    /// A pane's worker died (an uncaught error or a trap inside the engine).
    WorkerCrashed(Side, String),
    /// A run's time limit plus grace has passed on the page's clock.
    Watchdog {
        side: Side,
        run_id: u32,
    },
    Run,
    /// "Check on CPython": the last comparison's snippets again, under CPython.
    CheckCpython,
    /// A message from a pane's CPython worker.
    Cpython(Side, FromCpython),
    /// A CPython worker died.
    CpythonCrashed(Side, String),
    /// A CPython run's time limit plus grace has passed.
    CpythonWatchdog {
        side: Side,
        run_id: u32,
    },
    /// Sweep both snippets' size variable (the Scale button).
    Sweep,
    /// Stops the run or the sweep under way.
    Stop,
    /// The sweep's range, as set in the Scale settings.
    SetSweepRange(SweepRange),
    /// The figure the sweep's chart, fits and crossover are about.
    ShowSweepFigure(Figure),
    SetCode(Side, String),
    SetTitle(Side, String),
    LoadPreset(String),
    SetSettings(Settings),
    /// "Run when opened" and "Scale when opened" in "Share & embed".
    SetShareOptions(ShareOptions),
    SetTheme(Theme),
    /// The address's fragment, on load or when it changes: a share link to open.
    OpenLink(String),
    /// Put back the person's own snippets that a link set aside.
    RestorePrevious,
    DismissNotice,
}
