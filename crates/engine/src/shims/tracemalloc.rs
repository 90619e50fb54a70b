//! `_memplay_tracemalloc`: tracemalloc's counters, kept by the meter (crate::tracemalloc),
//! for the Python half in py/_tracemalloc.py.

pub(crate) use _memplay_tracemalloc::module_def;

#[rustpython_vm::pymodule]
mod _memplay_tracemalloc {
    use rustpython_vm::{VirtualMachine, builtins::PyListRef};

    use crate::meter;

    #[pyfunction]
    fn start() {
        meter::with_active(|m| m.tracemalloc.start(m.live));
    }

    #[pyfunction]
    fn stop() {
        meter::with_active(|m| m.tracemalloc.stop());
    }

    #[pyfunction]
    fn is_tracing() -> bool {
        meter::with_active(|m| m.tracemalloc.tracing).unwrap_or(false)
    }

    /// (current, peak) bytes since `start()`, as `tracemalloc.get_traced_memory()`.
    #[pyfunction]
    fn traced() -> (i64, i64) {
        meter::with_active(|m| {
            let t = &m.tracemalloc;
            if t.tracing { ((m.live - t.base).max(0), (t.peak - t.base).max(0)) } else { (0, 0) }
        })
        .unwrap_or((0, 0))
    }

    #[pyfunction]
    fn clear() {
        meter::with_active(|m| m.tracemalloc.clear(m.live));
    }

    #[pyfunction]
    fn reset_peak() {
        meter::with_active(|m| m.tracemalloc.peak = m.live);
    }

    /// The process's memory as `psutil` and `resource` report it: (bytes now, bytes at
    /// this run's peak), from the counting allocator — the heap outside the run, taken
    /// once, plus what the run holds (so other threads' memory does not move it).
    #[pyfunction]
    fn process_memory() -> (i64, i64) {
        let (live, peak) = meter::with_active(|m| (m.live, m.peak)).unwrap_or((0, 0));
        let base = crate::shims::run_state::with_state(|s| {
            *s.base_heap.get_or_insert_with(|| crate::alloc::heap_live() - live)
        });
        (base + live, base + peak)
    }

    /// Per snippet line: (line, bytes of its live traced blocks, number of those blocks).
    #[pyfunction]
    fn traces(vm: &VirtualMachine) -> PyListRef {
        let traces = meter::with_active(|m| m.traced_by_line()).unwrap_or_default();
        let items = traces
            .into_iter()
            .map(|l| {
                let t = vec![
                    vm.ctx.new_int(l.line).into(),
                    vm.ctx.new_int(l.bytes).into(),
                    vm.ctx.new_int(l.blocks.max(0)).into(),
                ];
                vm.ctx.new_tuple(t).into()
            })
            .collect();
        vm.ctx.new_list(items)
    }
}
