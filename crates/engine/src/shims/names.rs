//! `_memplay`: names the engine and its Python shims share, defined once on the Rust side
//! (the snippet's file name, which tracebacks and tracemalloc show), and the snippet's source.

pub(crate) use _memplay::module_def;

#[rustpython_vm::pymodule]
mod _memplay {
    #[pyattr(name = "SNIPPET")]
    const SNIPPET: &str = crate::run::SNIPPET_FILENAME;

    /// The running snippet's source.
    #[pyfunction]
    fn source() -> String {
        crate::shims::run_state::with_state(|s| s.source.clone())
    }
}
