//! What the engine needs from whoever runs it: a clock (there is none on
//! wasm32-unknown-unknown) and somewhere to send output, progress and limits as they happen.

use memplay_model::{AtPeak, LimitKind, RunReport};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// Called by the engine during a run. Calls may come from inside the allocator: an
/// implementation may allocate (that is not counted) but must not call into Python.
pub trait Host {
    /// Milliseconds from any fixed origin.
    fn now_ms(&self) -> f64;
    /// Measuring starts now: the snippet's first line is about to run.
    fn started(&mut self) {}
    /// Output as it is written (already cut to the output limit).
    fn output(&mut self, _stream: Stream, _text: &str) {}
    /// The report so far, about every 100 ms while the snippet allocates.
    fn progress(&mut self, _partial: &RunReport) {}
    /// What was alive at the peak so far: after progress, when the peak has risen since
    /// the last one and at most every `EXPLAIN_EVERY_MS`, so that a run cut short (Stop,
    /// the engine gone) still explains the figures it shows.
    fn at_peak(&mut self, _so_far: &AtPeak) {}
    /// A limit was reached; `partial` is the report up to here. The run may still end by
    /// itself (a refused allocation becomes `MemoryError`), or the process may be unable to
    /// go on, so a supervisor should keep `partial`.
    fn limit(&mut self, _kind: LimitKind, _partial: &RunReport) {}
}

/// A host with the native clock that keeps nothing: for in-process runs and tests.
#[cfg(not(target_arch = "wasm32"))]
pub struct NativeHost {
    origin: std::time::Instant,
}

#[cfg(not(target_arch = "wasm32"))]
impl Default for NativeHost {
    fn default() -> Self {
        Self { origin: std::time::Instant::now() }
    }
}

#[cfg(not(target_arch = "wasm32"))]
impl Host for NativeHost {
    fn now_ms(&self) -> f64 {
        self.origin.elapsed().as_secs_f64() * 1000.0
    }
}
