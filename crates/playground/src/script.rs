//! What the page's scripts read (`window.memplay`): read from the state when asked, never
//! kept apart. The shell keeps only the promises it has to settle, and settles them on
//! `Effect::Announce`.

use memplay_model::{Comparison, CpythonCheck, Figure, Sweep};

use crate::{State, WorkerHeaps};

/// `results()`: the last comparison, with its runs' output, CPython's check of it, and the
/// last sweep that ended; each missing until there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct ScriptResults {
    pub comparison: Option<Comparison>,
    pub check: Option<CpythonCheck>,
    pub sweep: Option<Sweep>,
}

impl State {
    pub fn script_results(&self) -> ScriptResults {
        ScriptResults {
            comparison: self.comparison_with_output(),
            check: self.cpython.check.clone(),
            sweep: self.sweep.as_ref().filter(|s| !s.running()).map(|s| s.sweep(Figure::Peak)),
        }
    }

    /// `ready()` resolves at once: Python has been ready (it may be restarting a worker
    /// since).
    pub fn python_was_ready(&self) -> bool {
        self.announced_ready
    }

    /// `heap()`: each pane's worker as it last reported between runs.
    pub fn worker_heaps(&self) -> WorkerHeaps {
        WorkerHeaps::of(&self.panes)
    }
}
