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
    /// Exception type name, e.g. `ZeroDivisionError`, or one of the supervisor's kinds such
    /// as `MemoryLimitExceeded` (see `ErrorKind`).
    #[serde(rename = "type")]
    pub kind: ErrorKind,
    pub message: String,
    /// The snippet line the error points at, when there is one.
    pub line: Option<u32>,
    /// Formatted traceback, repeated frames collapsed as CPython does.
    pub traceback: String,
}

impl RunError {
    /// " (line 3)" to follow the message, unless the message names its line already
    /// (Python's own `SyntaxError` text says "(<snippet>, line 3)").
    pub fn line_note(&self) -> Option<String> {
        let line = self.line?;
        let named = format!("line {line})");
        (!self.message.contains(&named)).then(|| format!(" (line {line})"))
    }

    /// An error that names no snippet line and has no traceback (limits, engine failures).
    pub fn plain(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), line: None, traceback: String::new() }
    }
}

/// What ended a run: a Python exception (by its type name) or one of the ways the engine
/// and its supervisor end a run. Serialized as the bare name (`"Stopped"`,
/// `"ZeroDivisionError"`), as reports have always carried it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "String", into = "String")]
pub enum ErrorKind {
    /// The run reached its time limit.
    TimeLimitExceeded,
    /// The run reached its memory limit.
    MemoryLimitExceeded,
    /// The person pressed Stop.
    Stopped,
    /// The engine died during the run (a panic, a trap, a killed process).
    EngineCrash,
    /// The engine could not run the snippet at all.
    EngineError,
    /// The snippet changed the measurement itself (the CPython check: it stopped or
    /// cleared tracemalloc, or called the worker's hooks): no figure of it can be trusted.
    MeasurementInterfered,
    /// The snippet raised this exception (its type name).
    Python(String),
}

impl ErrorKind {
    /// The name reports carry.
    pub fn as_str(&self) -> &str {
        match self {
            ErrorKind::TimeLimitExceeded => "TimeLimitExceeded",
            ErrorKind::MemoryLimitExceeded => "MemoryLimitExceeded",
            ErrorKind::Stopped => "Stopped",
            ErrorKind::EngineCrash => "EngineCrash",
            ErrorKind::EngineError => "EngineError",
            ErrorKind::MeasurementInterfered => "MeasurementInterfered",
            ErrorKind::Python(name) => name,
        }
    }
}

impl From<String> for ErrorKind {
    fn from(name: String) -> Self {
        match name.as_str() {
            "TimeLimitExceeded" => ErrorKind::TimeLimitExceeded,
            "MemoryLimitExceeded" => ErrorKind::MemoryLimitExceeded,
            "Stopped" => ErrorKind::Stopped,
            "EngineCrash" => ErrorKind::EngineCrash,
            "EngineError" => ErrorKind::EngineError,
            "MeasurementInterfered" => ErrorKind::MeasurementInterfered,
            _ => ErrorKind::Python(name),
        }
    }
}

impl From<ErrorKind> for String {
    fn from(kind: ErrorKind) -> Self {
        match kind {
            ErrorKind::Python(name) => name,
            other => other.as_str().to_owned(),
        }
    }
}

impl std::fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for ErrorKind {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// What was cut short so that a report stays bounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Truncated {
    pub output: bool,
    pub timeline: bool,
}

/// The engine's name in every report, the page's and the command line's.
pub const ENGINE_NAME: &str = "memplay (RustPython)";

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
    /// What was alive at the peak, by the line and call stack that made it (in the final
    /// report, not in progress; absent where it was not measured).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_peak: Option<crate::AtPeak>,
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
            at_peak: None,
        }
    }

    /// The same report without the captured output: what the protocol carries, since the
    /// output itself travels once, in `EngineEvent::Output`, as it is written.
    pub fn without_output(mut self) -> Self {
        self.stdout = String::new();
        self.stderr = String::new();
        self
    }

    /// "output truncated at 1.0 MiB" when the output was cut at the output limit: the
    /// report keeps it as a flag (`truncated.output`); a view says it after the output.
    pub fn output_cut_notice(&self) -> Option<String> {
        self.truncated
            .output
            .then(|| format!("output truncated at {}", crate::format_bytes(self.limits.output_bytes as f64)))
    }

    /// False when the run failed before it measured anything (a `SyntaxError`, a run
    /// stopped before its first line): its figures are not zeros but unknown, and show "–".
    pub fn measured(&self) -> bool {
        self.error.is_none() || self.allocations > 0 || self.wall_ms > 0.0 || !self.timeline.is_empty()
    }

    /// True when the snippet ran to its end without an exception or a limit.
    pub fn finished(&self) -> bool {
        self.error.is_none()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_error_names_its_line_once() {
        let at = |message: &str, line| RunError {
            line: Some(line),
            ..RunError::plain(ErrorKind::Python("E".into()), message)
        };
        let syntax = at("unindent does not match any outer indentation level (<snippet>, line 3)", 3);
        assert_eq!(syntax.line_note(), None);
        assert_eq!(at("division by zero", 2).line_note().as_deref(), Some(" (line 2)"));
        assert_eq!(at("bad value (<snippet>, line 4)", 2).line_note().as_deref(), Some(" (line 2)"));
    }

    use super::*;

    #[test]
    fn error_kinds_travel_as_their_bare_names() {
        for kind in [
            ErrorKind::TimeLimitExceeded,
            ErrorKind::MemoryLimitExceeded,
            ErrorKind::Stopped,
            ErrorKind::EngineCrash,
            ErrorKind::EngineError,
            ErrorKind::MeasurementInterfered,
            ErrorKind::Python("ZeroDivisionError".into()),
        ] {
            let text = serde_json::to_string(&kind).unwrap();
            assert_eq!(text, format!("\"{}\"", kind.as_str()));
            assert_eq!(serde_json::from_str::<ErrorKind>(&text).unwrap(), kind);
        }
        let e = RunError::plain(ErrorKind::Stopped, "stopped");
        assert_eq!(serde_json::to_value(&e).unwrap()["type"], "Stopped");
        assert_eq!(e.kind, "Stopped");
        assert_ne!(ErrorKind::Python("ValueError".into()), "Stopped");
    }
}
