use serde::{Deserialize, Serialize};

/// The limits a run is held to. Every field has a sensible default, so a request can
/// name only what it changes.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Limits {
    /// Wall-clock time the snippet may run, in milliseconds.
    pub time_ms: u64,
    /// Live bytes above the baseline the snippet may hold.
    pub memory_bytes: u64,
    /// Bytes of captured stdout + stderr kept; the rest is dropped with a notice.
    pub output_bytes: u64,
    /// Python's recursion limit inside the snippet.
    pub recursion: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Self { time_ms: 10_000, memory_bytes: 512 * 1024 * 1024, output_bytes: 1024 * 1024, recursion: 1000 }
    }
}

/// What a run is asked to do besides the code itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RunOptions {
    pub limits: Limits,
    /// Import the modules the snippet imports before the baseline, so their loading
    /// cost does not swamp the technique being compared.
    pub warm_imports: bool,
    /// Keep each block's call stack, not only its line, for "At the peak" (`by_stack`).
    /// Off, `by_stack` is empty and no shadow stack is kept (the engine's `shadow_stack`):
    /// a little faster for code that calls a lot.
    pub stacks: bool,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self { limits: Limits::default(), warm_imports: true, stacks: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults() {
        let o: RunOptions = serde_json::from_str(r#"{"limits":{"time_ms":5}}"#).unwrap();
        assert_eq!(o.limits.time_ms, 5);
        assert_eq!(o.limits.memory_bytes, 512 * 1024 * 1024);
        assert!(o.warm_imports);
        assert!(o.stacks);
    }
}
