use serde::{Deserialize, Serialize};

use crate::Limits;

/// Memory attributed to one source line of the snippet.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct LineStat {
    pub line: u32,
    /// Times execution was seen entering this line (seen at memory events).
    pub hits: u64,
    pub allocations: u64,
    pub allocated_bytes: u64,
    /// Bytes allocated minus bytes freed while this line ran (negative: it freed memory).
    pub net_bytes: i64,
    /// Highest live bytes (above the baseline) reached while this line ran.
    pub peak_bytes: u64,
}

/// Live bytes (above the baseline) at one moment of the run, and the line running then.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelinePoint {
    pub live_bytes: i64,
    pub line: u32,
}

/// How a run ended when it did not end normally.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunError {
    /// Exception type name, e.g. `ZeroDivisionError`, or a limit such as `MemoryLimitExceeded`.
    #[serde(rename = "type")]
    pub kind: String,
    pub message: String,
    /// The snippet line the error points at, when there is one.
    pub line: Option<u32>,
    /// Formatted traceback, repeated frames collapsed as CPython does.
    pub traceback: String,
}

impl RunError {
    /// An error that names no snippet line and has no traceback (limits, engine failures).
    pub fn plain(kind: impl Into<String>, message: impl Into<String>) -> Self {
        Self { kind: kind.into(), message: message.into(), line: None, traceback: String::new() }
    }
}

/// What was cut short so that a report stays bounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Truncated {
    pub output: bool,
    pub timeline: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EngineInfo {
    pub name: String,
    pub version: String,
}

/// Everything one run measured. All byte figures are relative to the baseline taken just
/// before the snippet's first line.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    pub peak_bytes: u64,
    pub allocated_bytes: u64,
    pub allocations: u64,
    /// Live bytes at the end above the baseline, with the snippet's globals still alive.
    pub retained_bytes: i64,
    pub wall_ms: f64,
    pub stdout: String,
    pub stderr: String,
    pub error: Option<RunError>,
    pub lines: Vec<LineStat>,
    pub timeline: Vec<TimelinePoint>,
    pub warmed_imports: Vec<String>,
    pub limits: Limits,
    pub engine: EngineInfo,
    pub truncated: Truncated,
}

impl RunReport {
    /// An empty report: what a run that measured nothing yet has to show.
    pub fn empty(limits: Limits, engine: EngineInfo) -> Self {
        Self {
            peak_bytes: 0,
            allocated_bytes: 0,
            allocations: 0,
            retained_bytes: 0,
            wall_ms: 0.0,
            stdout: String::new(),
            stderr: String::new(),
            error: None,
            lines: Vec::new(),
            timeline: Vec::new(),
            warmed_imports: Vec::new(),
            limits,
            engine,
            truncated: Truncated::default(),
        }
    }

    /// True when the snippet ran to its end without an exception or a limit.
    pub fn finished(&self) -> bool {
        self.error.is_none()
    }
}
