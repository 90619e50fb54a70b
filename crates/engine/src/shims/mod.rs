//! Modules the engine adds to the interpreter: native ones (`_memplay`, `posix`) and the
//! frozen Python ones under `py/` (the boot script, `_tracemalloc`, `lz4.frame`, blocked
//! modules).

mod memplay_module;
mod posix_module;
mod run_state;

pub(crate) use run_state::{clear as clear_run_state, reset as reset_run_state};

use rustpython_vm::{Context, builtins::PyModuleDef, frozen::FrozenModule};

pub(crate) fn native_modules(ctx: &Context) -> Vec<&'static PyModuleDef> {
    vec![memplay_module::module_def(ctx), posix_module::module_def(ctx)]
}

pub(crate) fn frozen_modules() -> impl Iterator<Item = (&'static str, FrozenModule)> {
    static SHIMS: &rustpython_compiler_core::frozen::FrozenLib =
        rustpython_vm::py_freeze!(dir = "../../py", crate_name = "rustpython_compiler_core");
    SHIMS.into_iter()
}
