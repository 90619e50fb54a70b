//! `_memplay_out`: where `sys.stdout` and `sys.stderr` write (py/_memplay_stdio.py). The
//! meter caps the text and streams it to the host as it is written. The streams' `write`
//! is one of these functions itself, not a Python method around it: `print` in a loop
//! calls it twice per line, and a Python frame per call cost more than the rest.

pub(crate) use _memplay_out::module_def;

#[rustpython_vm::pymodule]
mod _memplay_out {
    use rustpython_vm::builtins::PyStr;
    use rustpython_vm::{PyObjectRef, PyResult, VirtualMachine};

    use crate::host::Stream;
    use crate::meter;

    #[pyfunction]
    fn write_stdout(text: PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
        write(Stream::Stdout, &text, vm)
    }

    #[pyfunction]
    fn write_stderr(text: PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
        write(Stream::Stderr, &text, vm)
    }

    /// As `TextIOBase.write`: a str, whose length in characters is returned.
    fn write(stream: Stream, text: &PyObjectRef, vm: &VirtualMachine) -> PyResult<usize> {
        let Some(s) = text.downcast_ref::<PyStr>() else {
            return Err(vm.new_type_error(format!("write() argument must be str, not {}", text.class().name())));
        };
        meter::with_active(|m| m.write(stream, &s.to_string_lossy()));
        Ok(s.char_len())
    }
}
