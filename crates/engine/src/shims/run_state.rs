//! Per-run state the native shim modules share: the file system, the random source and the
//! snippet's source (for tools that print its lines, as memory_profiler does).
//! Reset at the start of every run so nothing leaks from one run to the next.

use core::cell::RefCell;

use crate::vfs::Vfs;

pub(crate) struct RunState {
    pub vfs: Vfs,
    /// xorshift state behind `os.urandom`: fixed per run, so runs are reproducible.
    pub random: u64,
    pub source: String,
    /// The heap outside the run's own memory, taken at the first `psutil`/`resource` call:
    /// the process's memory is that plus what the run holds.
    pub base_heap: Option<i64>,
}

impl RunState {
    /// The state a run of `source` starts with (its file system: `Vfs::for_snippet`).
    pub fn new(source: &str) -> Self {
        Self {
            vfs: Vfs::for_snippet(source),
            random: 0x9E37_79B9_7F4A_7C15,
            source: source.to_owned(),
            base_heap: None,
        }
    }

    pub fn next_random(&mut self) -> u64 {
        let mut x = self.random;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.random = x;
        x
    }
}

thread_local! {
    static STATE: RefCell<Option<RunState>> = const { RefCell::new(None) };
}

/// Installs a fresh state for the run about to start on this thread.
pub(crate) fn reset(source: &str) {
    STATE.with(|s| *s.borrow_mut() = Some(RunState::new(source)));
}

/// Drops the run's state (its files) once the run has ended.
pub(crate) fn clear() {
    STATE.with(|s| *s.borrow_mut() = None);
}

pub(crate) fn with_state<R>(f: impl FnOnce(&mut RunState) -> R) -> R {
    STATE.with(|s| f(s.borrow_mut().get_or_insert_with(|| RunState::new(""))))
}
