//! Which line of the snippet is running, read from the interpreter's frame chain without
//! allocating, so the allocator can ask on every event.

use rustpython_vm::frame::{InterpreterFrame, current_thread_iframe};

/// The snippet line of the innermost frame whose code has `target` (the address of the
/// snippet's interned `co_filename`) as its file: calls into functions and the standard
/// library count against the snippet line that made them. 0 when no snippet frame runs.
#[inline(always)]
pub(crate) fn current(target: usize) -> usize {
    let mut frame = current_thread_iframe();
    // SAFETY: the frame chain is the running interpreter's, on this thread; frames are
    // only read, and each stays alive while a frame it called is running.
    while let Some(f) = unsafe { frame.as_ref() } {
        let code = f.code();
        if core::ptr::from_ref(code.source_path) as usize == target {
            return line_of(f);
        }
        frame = f.previous();
    }
    0
}

/// The line `frame` is running: the location of its last instruction.
#[inline(always)]
pub(crate) fn line_of(frame: &InterpreterFrame) -> usize {
    let lasti = frame.get_lasti() as usize;
    frame.code().locations.get(lasti.saturating_sub(1)).map_or(0, |(loc, _)| loc.line.get())
}
