//! `_memplay_stdlib`: the standard library's bundle for the importer in
//! py/_memplay_imports.py (see crate::stdlib).

pub(crate) use _memplay_stdlib::module_def;

#[rustpython_vm::pymodule]
mod _memplay_stdlib {
    use rustpython_vm::{
        PyRef, PyResult, VirtualMachine,
        builtins::{PyCode, PyStrRef},
    };

    use crate::meter;

    /// Whether the bundle has `module` (`None`: it does not; otherwise whether it is a
    /// package).
    #[pyfunction]
    fn lazy(module: PyStrRef) -> Option<bool> {
        crate::stdlib::in_bundle(&module.to_string_lossy())
    }

    /// `module`'s code from the bundle. The first call fetches the bundle, uncounted: it is
    /// the playground's, not the snippet's.
    #[pyfunction]
    fn code(module: PyStrRef, vm: &VirtualMachine) -> PyResult<PyRef<PyCode>> {
        let name = module.to_string_lossy();
        match meter::paused(|| crate::stdlib::bundle_module(&name)) {
            Ok(frozen) => Ok(PyCode::new_ref_from_frozen(vm, frozen.code)),
            Err(why) => Err(vm.new_import_error(format!("could not load module {name}: {why}"), module.clone())),
        }
    }
}
