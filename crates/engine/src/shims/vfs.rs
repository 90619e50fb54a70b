//! `_memplay_vfs`: the in-memory file system (crate::vfs) for `posix` and `open()`
//! (py/_memplay_posix.py, py/_memplay_open.py), and `os.urandom`'s fixed random source.

pub(crate) use _memplay_vfs::module_def;

#[rustpython_vm::pymodule]
mod _memplay_vfs {
    use rustpython_vm::{
        PyResult, VirtualMachine,
        builtins::{PyBaseExceptionRef, PyBytesRef, PyListRef, PyStrRef},
        function::ArgBytesLike,
    };

    use crate::meter::paused;
    use crate::shims::run_state::{RunState, with_state};
    use crate::vfs::VfsError;

    /// Changes the file system with the meter paused: files are disk, not the snippet's
    /// memory (the bytes Python builds to read or write them are counted where it builds
    /// them).
    fn on_disk<R>(f: impl FnOnce(&mut RunState) -> R) -> R {
        paused(|| with_state(f))
    }

    fn os_error(vm: &VirtualMachine, e: VfsError, path: &str) -> PyBaseExceptionRef {
        vm.new_errno_error(e.errno(), format!("[Errno {}] {}: '{path}'", e.errno(), e.message())).upcast()
    }

    #[pyfunction]
    fn size(path: PyStrRef) -> Option<usize> {
        with_state(|s| s.vfs.size(&path.to_string_lossy()))
    }

    #[pyfunction]
    fn isdir(path: PyStrRef) -> bool {
        with_state(|s| s.vfs.is_dir(&path.to_string_lossy()))
    }

    #[pyfunction]
    fn read(path: PyStrRef, offset: usize, n: usize, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        let p = &path.to_string_lossy();
        let data = with_state(|s| s.vfs.read(p, offset, n).map(<[u8]>::to_vec));
        data.map(|d| vm.ctx.new_bytes(d)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn create(path: PyStrRef, truncate: bool, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        on_disk(|s| s.vfs.create(p, truncate)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn write(path: PyStrRef, offset: usize, data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<usize> {
        let p = &path.to_string_lossy();
        let n = data.len();
        data.with_ref(|bytes| on_disk(|s| s.vfs.write(p, offset, bytes))).map(|()| n).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn remove(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        on_disk(|s| s.vfs.remove(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn rename(from: PyStrRef, to: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &from.to_string_lossy();
        on_disk(|s| s.vfs.rename(p, &to.to_string_lossy())).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn mkdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.mkdir(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn rmdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.rmdir(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn list(path: PyStrRef, vm: &VirtualMachine) -> PyResult<PyListRef> {
        let p = &path.to_string_lossy();
        let names = with_state(|s| s.vfs.list(p)).map_err(|e| os_error(vm, e, p))?;
        Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_str(n).into()).collect()))
    }

    /// Deterministic random bytes: the same in every run.
    #[pyfunction]
    fn urandom(n: usize, vm: &VirtualMachine) -> PyBytesRef {
        let bytes = with_state(|s| (0..n).map(|_| s.next_random() as u8).collect());
        vm.ctx.new_bytes(bytes)
    }
}
