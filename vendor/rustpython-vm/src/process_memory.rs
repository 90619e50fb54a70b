//! memplay patch: memory made for the process, not for the code that happens to run.
//!
//! Some of what a run makes outlives its interpreter: the genesis context's interned
//! strings, and the type objects of builtin and native classes (their `static_cell`s). The
//! first run that needs one makes it; every later run finds it made. A counting allocator
//! that charged it to the run would make the first run of a process count more than every
//! later one. Code that fills such a process-wide cache does it inside `for_process`, and
//! the allocator asks `making()`: what is made there is the process's.

use core::cell::Cell;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
}

/// Runs `f`, with what it allocates marked as made for the process.
#[inline]
pub fn for_process<R>(f: impl FnOnce() -> R) -> R {
    struct Leave;
    impl Drop for Leave {
        fn drop(&mut self) {
            let _ = DEPTH.try_with(|d| d.set(d.get() - 1));
        }
    }
    let _ = DEPTH.try_with(|d| d.set(d.get() + 1));
    let _leave = Leave;
    f()
}

/// Whether the thread is making something for the process right now.
#[inline]
pub fn making() -> bool {
    DEPTH.try_with(|d| d.get() > 0).unwrap_or(false)
}

/// Frees what this thread keeps from one interpreter to the next: the objects cached in
/// its freelists (ints, floats, tuples, lists, dicts, ranges, slices, complexes, frames).
/// What a freelist holds, and what its cached objects still own (a dict's table, an int's
/// digits), depends on the runs before; a run that finds the freelists empty counts the
/// same whatever ran before it. Call it with no interpreter running.
pub fn release_caches() {
    crate::builtins::tuple::release_tuple_freelist();
    crate::builtins::range::release_range_freelist();
    crate::builtins::dict::release_dict_freelist();
    crate::builtins::float::release_float_freelist();
    crate::builtins::slice::release_slice_freelist();
    crate::builtins::int::release_int_freelist();
    crate::builtins::list::release_list_freelist();
    crate::builtins::complex::release_complex_freelist();
    crate::frame::release_frame_freelist();
}
