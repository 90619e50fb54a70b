//! `_memplay`: the native side of the shims. Output capture, the host clock, the in-memory
//! file system, tracemalloc's counters and the lz4 codec.

pub(crate) use _memplay::module_def;

#[rustpython_vm::pymodule]
mod _memplay {
    use rustpython_vm::{
        PyRef, PyResult, VirtualMachine,
        builtins::{PyBytesRef, PyCode, PyListRef, PyStrRef},
        function::ArgBytesLike,
    };

    use crate::host::Stream;
    use crate::meter;
    use crate::shims::run_state::with_state;
    use crate::vfs::VfsError;

    fn os_error(vm: &VirtualMachine, e: VfsError, path: &str) -> rustpython_vm::builtins::PyBaseExceptionRef {
        vm.new_errno_error(e.errno(), format!("[Errno {}] {}: '{path}'", e.errno(), e.message())).upcast()
    }

    /// Whether the standard-library bundle has `module` (`None`: it does not; otherwise
    /// whether it is a package).
    #[pyfunction]
    fn stdlib_lazy(module: PyStrRef) -> Option<bool> {
        crate::stdlib::in_bundle(&module.to_string_lossy())
    }

    /// `module`'s code from the bundle. The first call fetches the bundle, uncounted: it is
    /// the playground's, not the snippet's.
    #[pyfunction]
    fn stdlib_code(module: PyStrRef, vm: &VirtualMachine) -> PyResult<PyRef<PyCode>> {
        let name = module.to_string_lossy();
        match meter::paused(|| crate::stdlib::bundle_module(&name)) {
            Ok(frozen) => Ok(PyCode::new_ref_from_frozen(vm, frozen.code)),
            Err(why) => Err(vm.new_import_error(format!("could not load module {name}: {why}"), module.clone())),
        }
    }

    #[pyfunction]
    fn write(fd: i32, text: PyStrRef) {
        let stream = if fd == 2 { Stream::Stderr } else { Stream::Stdout };
        meter::with_active(|m| m.write(stream, &text.to_string_lossy()));
    }

    /// Nanoseconds since the run started (the host's clock: wasm has no system clock).
    #[pyfunction]
    fn clock_ns() -> i64 {
        meter::with_active(|m| (m.elapsed_ms() * 1e6) as i64).unwrap_or(0)
    }

    #[pyfunction]
    fn vfs_size(path: PyStrRef) -> Option<usize> {
        with_state(|s| s.vfs.size(&path.to_string_lossy()))
    }

    #[pyfunction]
    fn vfs_isdir(path: PyStrRef) -> bool {
        with_state(|s| s.vfs.is_dir(&path.to_string_lossy()))
    }

    #[pyfunction]
    fn vfs_read(path: PyStrRef, offset: usize, n: usize, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        let p = &path.to_string_lossy();
        let data = with_state(|s| s.vfs.read(p, offset, n).map(<[u8]>::to_vec));
        data.map(|d| vm.ctx.new_bytes(d)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_create(path: PyStrRef, truncate: bool, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.create(p, truncate)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_write(path: PyStrRef, offset: usize, data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<usize> {
        let p = &path.to_string_lossy();
        let n = data.len();
        data.with_ref(|bytes| with_state(|s| s.vfs.write(p, offset, bytes))).map(|()| n).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_remove(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.remove(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_rename(from: PyStrRef, to: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &from.to_string_lossy();
        with_state(|s| s.vfs.rename(p, &to.to_string_lossy())).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_mkdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.mkdir(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_rmdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = &path.to_string_lossy();
        with_state(|s| s.vfs.rmdir(p)).map_err(|e| os_error(vm, e, p))
    }

    #[pyfunction]
    fn vfs_list(path: PyStrRef, vm: &VirtualMachine) -> PyResult<PyListRef> {
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

    #[pyfunction]
    fn tm_start() {
        meter::with_active(|m| m.tracemalloc.start(m.live));
    }

    #[pyfunction]
    fn tm_stop() {
        meter::with_active(|m| m.tracemalloc.stop());
    }

    #[pyfunction]
    fn tm_is_tracing() -> bool {
        meter::with_active(|m| m.tracemalloc.tracing).unwrap_or(false)
    }

    /// (current, peak) bytes since `start()`, as `tracemalloc.get_traced_memory()`.
    #[pyfunction]
    fn tm_traced() -> (i64, i64) {
        meter::with_active(|m| {
            let t = &m.tracemalloc;
            if t.tracing { ((m.live - t.base).max(0), (t.peak - t.base).max(0)) } else { (0, 0) }
        })
        .unwrap_or((0, 0))
    }

    #[pyfunction]
    fn tm_clear() {
        meter::with_active(|m| m.tracemalloc.clear(m.live));
    }

    #[pyfunction]
    fn tm_reset_peak() {
        meter::with_active(|m| m.tracemalloc.peak = m.live);
    }

    /// Per snippet line: (line, bytes of its live traced blocks, number of those blocks).
    #[pyfunction]
    fn tm_traces(vm: &VirtualMachine) -> PyListRef {
        let traces = meter::with_active(|m| m.tracemalloc.by_line()).unwrap_or_default();
        let items = traces
            .into_iter()
            .map(|(line, size, blocks)| {
                let t = vec![vm.ctx.new_int(line).into(), vm.ctx.new_int(size).into(), vm.ctx.new_int(blocks).into()];
                vm.ctx.new_tuple(t).into()
            })
            .collect();
        vm.ctx.new_list(items)
    }

    #[pyfunction]
    fn lz4_compress(data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        use std::io::Write;
        // 64 KiB blocks, as the lz4 command line uses; the default sizes blocks by the first
        // write, up to 4 MiB, and allocates two buffers of that size.
        let info = lz4_flex::frame::FrameInfo::new().block_size(lz4_flex::frame::BlockSize::Max64KB);
        let mut enc = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
        data.with_ref(|b| enc.write_all(b)).map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let out = enc.finish().map_err(|e| vm.new_runtime_error(e.to_string()))?;
        Ok(vm.ctx.new_bytes(out))
    }

    #[pyfunction]
    fn lz4_decompress(data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        use std::io::Read;
        let mut out = Vec::new();
        data.with_ref(|b| lz4_flex::frame::FrameDecoder::new(b).read_to_end(&mut out))
            .map_err(|e| vm.new_value_error(format!("lz4 frame: {e}")))?;
        Ok(vm.ctx.new_bytes(out))
    }
}
