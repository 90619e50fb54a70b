//! The counting global allocator. Binaries declare it:
//! `#[global_allocator] static A: CountingAlloc = CountingAlloc::system();`
//! It forwards every call to the wrapped allocator and, while a run is being measured on
//! the current thread, tells the meter about it. The meter may refuse an allocation that
//! would pass the memory limit; the allocator then returns null.

use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::{AtomicI64, Ordering::Relaxed};
use std::alloc::System;

use crate::meter::{self, Admit};

/// Bytes the process holds through the allocator right now, measured or not: what a
/// worker reports between runs, so a leak across runs shows as drift.
static HEAP_LIVE: AtomicI64 = AtomicI64::new(0);

/// Live bytes held through the counting allocator by the whole process.
pub fn heap_live() -> i64 {
    HEAP_LIVE.load(Relaxed)
}

#[inline]
fn held(ptr: *mut u8, delta: i64) -> *mut u8 {
    if !ptr.is_null() {
        HEAP_LIVE.fetch_add(delta, Relaxed);
    }
    ptr
}

pub struct CountingAlloc<A = System> {
    inner: A,
}

impl CountingAlloc<System> {
    pub const fn system() -> Self {
        Self { inner: System }
    }
}

impl<A> CountingAlloc<A> {
    pub const fn new(inner: A) -> Self {
        Self { inner }
    }
}

// SAFETY: every call is forwarded unchanged to `inner`; the meter only observes sizes and
// never touches the memory, and it refuses an allocation only by returning null, which
// `GlobalAlloc` allows.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let admit = meter::on_alloc(layout.size());
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let ptr = held(unsafe { self.inner.alloc(layout) }, layout.size() as i64);
        if admit == Admit::Trace {
            meter::on_block(ptr, layout.size());
        }
        ptr
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let admit = meter::on_alloc(layout.size());
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let ptr = held(unsafe { self.inner.alloc_zeroed(layout) }, layout.size() as i64);
        if admit == Admit::Trace {
            meter::on_block(ptr, layout.size());
        }
        ptr
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        meter::on_free(ptr, layout.size());
        HEAP_LIVE.fetch_sub(layout.size() as i64, Relaxed);
        unsafe { self.inner.dealloc(ptr, layout) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let admit = meter::on_realloc(ptr, layout.size(), new_size);
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let new_ptr =
            held(unsafe { self.inner.realloc(ptr, layout, new_size) }, new_size as i64 - layout.size() as i64);
        if admit == Admit::Trace {
            meter::on_block(new_ptr, new_size);
        }
        new_ptr
    }
}
