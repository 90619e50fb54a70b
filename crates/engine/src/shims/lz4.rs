//! `_memplay_lz4`: the LZ4 frame codec (lz4_flex) behind py/lz4/frame.py.

pub(crate) use _memplay_lz4::module_def;

#[rustpython_vm::pymodule]
mod _memplay_lz4 {
    use rustpython_vm::{PyResult, VirtualMachine, builtins::PyBytesRef, function::ArgBytesLike};

    #[pyfunction]
    fn compress(data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        use std::io::Write;
        // 64 KiB blocks, as the lz4 command line uses; the default sizes blocks by the first
        // write, up to 4 MiB, and allocates two buffers of that size.
        let info = lz4_flex::frame::FrameInfo::new().block_size(lz4_flex::frame::BlockSize::Max64KB);
        let mut enc = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
        data.with_ref(|b| enc.write_all(b)).map_err(|e| vm.new_runtime_error(e.to_string()))?;
        let mut out = enc.finish().map_err(|e| vm.new_runtime_error(e.to_string()))?;
        // The bytes object keeps its buffer: as long as the frame, as CPython's lz4 returns
        // it, not the encoder's last doubling.
        out.shrink_to_fit();
        Ok(vm.ctx.new_bytes(out))
    }

    #[pyfunction]
    fn decompress(data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<PyBytesRef> {
        use std::io::Read;
        let mut out = Vec::new();
        data.with_ref(|b| lz4_flex::frame::FrameDecoder::new(b).read_to_end(&mut out))
            .map_err(|e| vm.new_value_error(format!("lz4 frame: {e}")))?;
        out.shrink_to_fit();
        Ok(vm.ctx.new_bytes(out))
    }
}
