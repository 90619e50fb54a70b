//! `_memplay_clock`: the host's clock for `time` (py/_memplay_time.py), since wasm has no
//! system clock.

pub(crate) use _memplay_clock::module_def;

#[rustpython_vm::pymodule]
mod _memplay_clock {
    use crate::meter;

    /// Nanoseconds since the run started.
    #[pyfunction]
    fn clock_ns() -> i64 {
        meter::with_active(|m| (m.elapsed_ms() * 1e6) as i64).unwrap_or(0)
    }
}
