//! `_memplay`: names the engine and its Python shims share, defined once on the Rust side
//! (the snippet's file name, which tracebacks and tracemalloc show).

pub(crate) use _memplay::module_def;

#[rustpython_vm::pymodule]
mod _memplay {
    #[pyattr(name = "SNIPPET")]
    const SNIPPET: &str = crate::run::SNIPPET_FILENAME;
}
