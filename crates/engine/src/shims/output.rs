//! `_memplay_out`: where `sys.stdout` and `sys.stderr` write (py/_memplay_stdio.py). The
//! meter caps the text and streams it to the host as it is written.

pub(crate) use _memplay_out::module_def;

#[rustpython_vm::pymodule]
mod _memplay_out {
    use rustpython_vm::builtins::PyStrRef;

    use crate::host::Stream;
    use crate::meter;

    #[pyfunction]
    fn write(fd: i32, text: PyStrRef) {
        let stream = if fd == 2 { Stream::Stderr } else { Stream::Stdout };
        meter::with_active(|m| m.write(stream, &text.to_string_lossy()));
    }
}
