//! Modules the engine adds to the interpreter, one concern each: a small native module
//! (Rust, here) paired with its Python part (frozen from `py/`).
//!
//! | concern     | native (Rust)           | Python (`py/`)                          |
//! |-------------|-------------------------|-----------------------------------------|
//! | output      | `_memplay_out`          | `_memplay_stdio.py`                     |
//! | files       | `_memplay_vfs`, `posix` | `_memplay_posix.py`, `_memplay_open.py` |
//! | clocks      | `_memplay_clock`        | `_memplay_time.py`                      |
//! | imports     | `_memplay_stdlib`       | `_memplay_imports.py`                   |
//! | tracemalloc | `_memplay_tracemalloc`  | `_tracemalloc.py`                       |
//! | lz4         | `_memplay_lz4`          | `lz4/frame.py`                          |
//! | sizes       | `_memplay_sizes`        | — (the boot sets `sys.getsizeof`)       |
//! | tools       | `_memplay` (source)     | `_memplay_<tool>.py`, `_memplay_nonet`  |
//! | errors      | —                       | `_memplay_errors.py`                    |
//!
//! `_memplay` holds the names both sides share; `_memplay_boot.py` installs the shims in
//! order before a snippet runs; `_memplay_test` (test builds only) crashes the engine on
//! purpose. The per-run state behind them (files, random source) is `run_state`.

mod clock;
mod lz4;
mod names;
mod output;
mod posix_module;
mod run_state;
mod sizes;
mod stdlib;
#[cfg(memplay_test_hooks)]
mod test_hooks;
mod tracemalloc;
mod vfs;

pub(crate) use run_state::{clear as clear_run_state, reset as reset_run_state};

use rustpython_vm::{Context, builtins::PyModuleDef, frozen::FrozenModule};

pub(crate) fn native_modules(ctx: &Context) -> Vec<&'static PyModuleDef> {
    #[allow(unused_mut)]
    let mut modules = vec![
        names::module_def(ctx),
        output::module_def(ctx),
        vfs::module_def(ctx),
        posix_module::module_def(ctx),
        clock::module_def(ctx),
        stdlib::module_def(ctx),
        tracemalloc::module_def(ctx),
        lz4::module_def(ctx),
        sizes::module_def(ctx),
    ];
    #[cfg(memplay_test_hooks)]
    modules.push(test_hooks::module_def(ctx));
    modules
}

pub(crate) fn frozen_modules() -> impl Iterator<Item = (&'static str, FrozenModule)> {
    static SHIMS: &rustpython_compiler_core::frozen::FrozenLib =
        rustpython_vm::py_freeze!(dir = "../../py", crate_name = "rustpython_compiler_core");
    SHIMS.into_iter()
}
