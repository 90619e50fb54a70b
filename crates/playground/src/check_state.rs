//! The CPython check as the page knows it: its two workers and what they reported (the
//! reducer drives it: cpython.rs).

use memplay_model::{CheckProgress, CheckReport, CpythonCheck, EngineInfo, Side};

/// A CPython worker, as far as the page knows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CpythonWorker {
    /// Not started: nothing of CPython is downloaded until the check is asked for.
    #[default]
    Off,
    Starting,
    Ready,
    Busy,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CpythonState {
    pub workers: [CpythonWorker; 2],
    pub run_ids: [u32; 2],
    /// The code each side runs next, once its worker is ready.
    pub queued: [Option<String>; 2],
    pub reports: [Option<CheckReport>; 2],
    /// What a running side has reported so far.
    pub progress: [Option<CheckProgress>; 2],
    /// Why a side's check ended without a report (Stop, the time limit, a failure).
    pub ended: [Option<String>; 2],
    /// Both sides' reports, set against the comparison.
    pub check: Option<CpythonCheck>,
    /// The check waits for the comparison under way (or about to start).
    pub pending: bool,
    pub running: bool,
    pub engine: Option<EngineInfo>,
}

impl CpythonState {
    /// "A: stopped (Stop was pressed); B: …": why each side that ended without a report did.
    pub fn why_ended(&self) -> String {
        let why: Vec<String> = Side::BOTH
            .iter()
            .filter_map(|s| self.ended[s.index()].as_ref().map(|w| format!("{}: {w}", s.letter().to_uppercase())))
            .collect();
        why.join("; ")
    }
}
