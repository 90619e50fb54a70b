//! `posix`: the module `os` is built on. Native so that it is a builtin module (which is
//! how `os` finds it); its functions are filled in by py/_memplay_posix.py from `_memplay_vfs`'s
//! file system, so nothing here reaches the host.

pub(crate) use posix::module_def;

#[rustpython_vm::pymodule]
mod posix {}
