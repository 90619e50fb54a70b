//! The CPython workers' messages (www/cpython-worker.js): what the page asks, what a worker
//! answers, and the key that tells a worker's own messages from anything a snippet posts.

use serde::{Deserialize, Serialize};

use super::{CheckProgress, CheckReport, CheckRequest};
use crate::EngineInfo;

/// What the page tells a CPython worker (www/cpython-worker.js).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToCpython {
    Run { run_id: u32, request: CheckRequest },
}

/// A CPython worker's message as it reaches the page. `key` is a secret the worker's
/// JavaScript made before Pyodide loaded and never hands to Python; the worker's first
/// message (before any snippet can run) names it, and `KeyGate` drops any later message
/// that does not.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sealed {
    pub key: String,
    pub message: FromCpython,
}

/// The page's side of one CPython worker's key.
#[derive(Clone, Debug, Default)]
pub struct KeyGate {
    key: Option<String>,
}

impl KeyGate {
    /// The message, if it is the worker's own: the first one sets the key.
    pub fn admit(&mut self, sealed: Sealed) -> Option<FromCpython> {
        match &self.key {
            None if sealed.key.len() >= 32 => {
                self.key = Some(sealed.key);
                Some(sealed.message)
            }
            Some(key) if *key == sealed.key => Some(sealed.message),
            _ => None,
        }
    }
}

/// What a CPython worker tells the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromCpython {
    /// Pyodide has loaded and the driver is in place.
    Ready {
        engine: EngineInfo,
    },
    Done {
        run_id: u32,
        report: Box<CheckReport>,
    },
    /// A run still going: its figures so far and the output since the last progress
    /// (the driver sends one at most ten times a second, when the snippet writes or the
    /// garbage collector runs). The page keeps them if the run is stopped.
    Progress {
        run_id: u32,
        figures: CheckProgress,
    },
    /// Pyodide could not start, or the driver itself failed.
    Failed {
        message: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_takes_only_messages_sealed_with_the_workers_first_key() {
        let ready = |key: &str| Sealed {
            key: key.into(),
            message: FromCpython::Ready { engine: EngineInfo { name: "CPython".into(), version: "3.14.0".into() } },
        };
        let key = "0123456789abcdef0123456789abcdef";
        let mut gate = KeyGate::default();
        assert!(gate.admit(ready("short")).is_none(), "a key too short to be secret is refused");
        assert!(gate.admit(ready(key)).is_some());
        assert!(gate.admit(ready(key)).is_some());
        assert!(gate.admit(ready("fedcba9876543210fedcba9876543210")).is_none());
        assert!(gate.admit(ready("")).is_none());
    }
}
