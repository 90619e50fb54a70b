//! Which line of the snippet is running, read from the interpreter's frame chain without
//! allocating, so the allocator can ask on every event.

use core::cell::Cell;

use rustpython_vm::frame::current_thread_iframe;

thread_local! {
    /// Address of the interned `co_filename` of the snippet's code objects.
    static SNIPPET_PATH: Cell<usize> = const { Cell::new(0) };
}

/// Marks the code objects whose `co_filename` is this interned string as the snippet's.
pub(crate) fn set_snippet_path(interned: usize) {
    SNIPPET_PATH.with(|p| p.set(interned));
}

/// The snippet line of the innermost snippet frame (calls into the standard library count
/// against the snippet line that made them), or 0 when no snippet frame is running.
pub(crate) fn current() -> usize {
    let target = SNIPPET_PATH.try_with(Cell::get).unwrap_or(0);
    if target == 0 {
        return 0;
    }
    let mut frame = current_thread_iframe();
    // SAFETY: the frame chain is the running interpreter's, on this thread; frames are
    // only read, and each stays alive while a frame it called is running.
    while let Some(f) = unsafe { frame.as_ref() } {
        let code = f.code();
        if core::ptr::from_ref(code.source_path) as usize == target {
            let lasti = f.get_lasti() as usize;
            return code.locations.get(lasti.saturating_sub(1)).map_or(0, |(loc, _)| loc.line.get());
        }
        frame = f.previous();
    }
    0
}
