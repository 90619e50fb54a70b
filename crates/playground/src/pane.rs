//! One side of the comparison: its snippet, its worker and its latest run.

use memplay_model::{RunReport, RunTracker, WorkerHeap};

/// The worker behind a pane, as far as the page knows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WorkerState {
    /// No worker: an embed that has not been run yet, or gave its workers back while
    /// idle. Run starts one (see on_demand.rs).
    Asleep,
    /// Starting (first load, or a fresh worker after Stop, a limit or a crash).
    Starting,
    /// Loaded and idle: takes a run.
    Ready,
    /// Running the pane's snippet.
    Busy,
    /// The engine could not be loaded at all.
    Failed(String),
}

/// A run of console text from one stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConsoleChunk {
    pub stderr: bool,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Pane {
    pub title: String,
    pub code: String,
    pub worker: WorkerState,
    /// Id of the pane's current (or last) run; events of older runs are ignored.
    pub run_id: u32,
    /// The run asked for but not yet sent, because the worker is still starting.
    pub queued: bool,
    /// The code of the current (or queued) run: the snippet as it was when Run was
    /// pressed, or a sweep's rewrite of it for one size.
    pub run_code: String,
    /// The current run is a point of a sweep: its figures belong to the sweep, not to the
    /// pane's figures and the comparison.
    pub sweep_point: bool,
    /// The current or last run's events.
    pub tracker: Option<RunTracker>,
    /// The last finished run's report (final, or partial when it was cut short), with
    /// its output.
    pub result: Option<RunReport>,
    /// The current or last run's output as it came, stream by stream: during a run the
    /// page's only copy of it (progress reports carry figures only).
    pub console: Vec<ConsoleChunk>,
    /// The worker's own memory as it last reported between runs.
    pub heap: Option<WorkerHeap>,
    /// Workers replaced between runs because their heap had grown.
    pub recycled: u32,
    /// The module whose import is downloading the rest of the standard library.
    pub loading_module: Option<String>,
    /// The worker reported a grown heap while running: replace it when the run ends.
    pub recycle_after_run: bool,
    /// Counts the changes of the pane's worker (see lifecycle.rs).
    pub turn: u32,
    /// Workers of this pane that failed before saying ready, in a row (lifecycle.rs).
    pub failed_starts: u32,
    /// The code has changed since its last run started: the run's gutter marks and error
    /// line describe code that is gone.
    pub edited_since_run: bool,
}

impl Pane {
    pub fn new(title: &str, code: &str) -> Self {
        Self {
            title: title.to_owned(),
            code: code.to_owned(),
            worker: WorkerState::Starting,
            run_id: 0,
            queued: false,
            run_code: String::new(),
            sweep_point: false,
            tracker: None,
            result: None,
            console: Vec::new(),
            heap: None,
            loading_module: None,
            recycle_after_run: false,
            recycled: 0,
            turn: 0,
            edited_since_run: false,
            failed_starts: 0,
        }
    }

    /// Puts `code` in the pane: an edit, a preset or a link.
    pub(crate) fn set_code(&mut self, code: &str) {
        if self.code != code {
            code.clone_into(&mut self.code);
            self.edited_since_run = true;
        }
    }

    /// A run has been asked for and has not ended yet.
    pub fn running(&self) -> bool {
        self.queued || self.worker == WorkerState::Busy
    }

    /// What the figures show now: the finished result, or the run's latest progress.
    pub fn shown_report(&self) -> Option<&RunReport> {
        let live = self.tracker.as_ref().filter(|_| !self.sweep_point).and_then(RunTracker::latest);
        self.result.as_ref().or(live)
    }

    /// What the console says after the output when it was cut at the output limit.
    pub fn output_cut_notice(&self) -> Option<String> {
        let notice = self.shown_report()?.output_cut_notice()?;
        Some(format!("[{notice}: \u{201c}Output kept\u{201d} in Settings raises the limit]"))
    }

    /// The console as (stdout, stderr).
    pub(crate) fn output(&self) -> (String, String) {
        let (mut stdout, mut stderr) = (String::new(), String::new());
        for chunk in &self.console {
            if chunk.stderr { &mut stderr } else { &mut stdout }.push_str(&chunk.text);
        }
        (stdout, stderr)
    }

    pub(crate) fn push_output(&mut self, stderr: bool, text: &str) {
        match self.console.last_mut() {
            Some(last) if last.stderr == stderr => last.text.push_str(text),
            _ => self.console.push(ConsoleChunk { stderr, text: text.to_owned() }),
        }
    }
}
