//! Modules the engine adds to the interpreter: native ones (`_memplay`, `posix`, and
//! `_memplay_test` in test builds) and the frozen Python ones under `py/` (the boot
//! script, `_tracemalloc`, `lz4.frame`, blocked modules).

mod memplay_module;
mod posix_module;
mod run_state;
#[cfg(memplay_test_hooks)]
mod test_hooks;

pub(crate) use run_state::{clear as clear_run_state, reset as reset_run_state};

use rustpython_vm::{Context, builtins::PyModuleDef, frozen::FrozenModule};

pub(crate) fn native_modules(ctx: &Context) -> Vec<&'static PyModuleDef> {
    #[allow(unused_mut)]
    let mut modules = vec![memplay_module::module_def(ctx), posix_module::module_def(ctx)];
    #[cfg(memplay_test_hooks)]
    modules.push(test_hooks::module_def(ctx));
    modules
}

pub(crate) fn frozen_modules() -> impl Iterator<Item = (&'static str, FrozenModule)> {
    static SHIMS: &rustpython_compiler_core::frozen::FrozenLib =
        rustpython_vm::py_freeze!(dir = "../../py", crate_name = "rustpython_compiler_core");
    SHIMS.into_iter()
}
