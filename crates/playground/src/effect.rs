use memplay_model::{Comparison, RunOptions, Side};

use crate::Draft;

/// What the web shell must do after an action: the reducer decides, the shell carries out.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Post a run to the pane's worker.
    StartRun { side: Side, run_id: u32, code: String, options: RunOptions },
    /// Terminate the pane's worker (it may be busy and cannot listen) and start a fresh one.
    RestartWorker(Side),
    /// Send `Action::Watchdog { side, run_id }` after `ms` milliseconds.
    Watchdog { side: Side, run_id: u32, ms: u64 },
    /// Keep the draft (local storage) so it comes back on reload.
    SaveDraft(Draft),
    /// Take the link out of the address: the snippets are no longer the link's.
    ClearFragment,
    /// Both panes have finished: here is the comparison (for `window.memplay.run()`).
    Compared(Box<Comparison>),
}
