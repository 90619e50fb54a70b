//! The limits a run can reach, and how a report names and words each one.

use serde::{Deserialize, Serialize};

/// A limit a run can reach.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    Time,
    Memory,
}

impl LimitKind {
    /// The error kind a report names for this limit.
    pub fn error_kind(self) -> crate::ErrorKind {
        match self {
            LimitKind::Time => crate::ErrorKind::TimeLimitExceeded,
            LimitKind::Memory => crate::ErrorKind::MemoryLimitExceeded,
        }
    }

    /// The error a report carries for this limit, at `line` when it is known.
    pub fn error(self, limits: &crate::Limits, line: Option<u32>) -> crate::RunError {
        crate::RunError { line, ..crate::RunError::plain(self.error_kind(), self.message(limits)) }
    }

    pub fn message(self, limits: &crate::Limits) -> String {
        match self {
            LimitKind::Time => format!("time limit exceeded ({})", crate::format_ms(limits.time_ms as f64)),
            LimitKind::Memory => {
                format!("memory limit exceeded ({})", crate::format_bytes(limits.memory_bytes as f64))
            }
        }
    }
}
