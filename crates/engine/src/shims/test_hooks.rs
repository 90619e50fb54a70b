//! `_memplay_test`, compiled in only with `MEMPLAY_TEST_HOOKS=1` (see build.rs): lets the
//! browser tests make the engine fail as a bug would, from inside a running snippet.

pub(crate) use _memplay_test::module_def;

#[rustpython_vm::pymodule]
mod _memplay_test {
    /// A Rust panic inside the interpreter, as an engine bug would raise.
    #[pyfunction]
    fn panic() {
        panic!("memplay test hook: a panic on purpose");
    }

    /// Where the native (in wasm: the shadow) stack is now, to measure what a level of
    /// recursion costs.
    #[pyfunction]
    fn stack_pointer() -> usize {
        let here = 0u8;
        core::hint::black_box(&here) as *const u8 as usize
    }

    /// A WebAssembly trap (an abort natively), as memory corruption would end in.
    #[pyfunction]
    fn trap() {
        #[cfg(target_arch = "wasm32")]
        core::arch::wasm32::unreachable();
        #[cfg(not(target_arch = "wasm32"))]
        std::process::abort();
    }
}
