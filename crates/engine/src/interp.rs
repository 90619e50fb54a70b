//! A fresh interpreter for one run: fixed hash seed, no host access, the frozen part of the
//! standard library and the engine's shim modules (py/_memplay_imports.py adds the
//! importer of the bundle's part).

use rustpython_vm::{Interpreter, Settings};

use crate::{shims, stdlib};

pub(crate) fn build(recursion_limit: u32) -> Interpreter {
    let mut settings = Settings::default();
    settings.hash_seed = Some(0);
    settings.import_site = false;
    settings.isolated = true;
    settings.ignore_environment = true;
    settings.user_site_directory = false;
    settings.install_signal_handlers = false;
    settings.write_bytecode = false;
    // Only frozen and built-in modules: no importer that looks at a real file system.
    settings.allow_external_library = false;
    settings.argv = vec![memplay_model::SNIPPET_FILENAME.to_owned()];
    let builder = Interpreter::builder(settings);
    let stdlib = rustpython_stdlib::stdlib_module_defs(&builder.ctx);
    let ours = shims::native_modules(&builder.ctx);
    let interp = builder
        .add_native_modules(&stdlib)
        .add_native_modules(&ours)
        .add_frozen_modules(stdlib::frozen_modules())
        .add_frozen_modules(shims::frozen_modules())
        .build();
    interp.enter(|vm| vm.recursion_limit.set(recursion_limit as usize));
    interp
}
