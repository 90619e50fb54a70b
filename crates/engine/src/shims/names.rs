//! `_memplay`: names the engine and its Python shims share, defined once in the model crate
//! (the snippet's file name, which tracebacks and tracemalloc show, and the modules a
//! snippet is refused, which the CPython check refuses too), and the snippet's source.

pub(crate) use _memplay::module_def;

#[rustpython_vm::pymodule]
mod _memplay {
    #[pyattr(name = "SNIPPET")]
    const SNIPPET: &str = memplay_model::SNIPPET_FILENAME;

    use rustpython_vm::{VirtualMachine, builtins::PyDictRef};

    /// `{module: reason}`: what `import` refuses (memplay_model::UNAVAILABLE).
    #[pyattr(name = "UNAVAILABLE")]
    fn unavailable(vm: &VirtualMachine) -> PyDictRef {
        let dict = vm.ctx.new_dict();
        for (module, why) in memplay_model::UNAVAILABLE {
            dict.set_item(*module, vm.ctx.new_str(*why).into(), vm).expect("a str key");
        }
        dict
    }

    /// The running snippet's source.
    #[pyfunction]
    fn source() -> String {
        crate::shims::run_state::with_state(|s| s.source.clone())
    }
}
