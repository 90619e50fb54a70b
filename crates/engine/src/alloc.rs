//! The counting global allocator. Binaries declare it:
//! `#[global_allocator] static A: CountingAlloc = CountingAlloc::system();`
//! It forwards every call to the wrapped allocator and, while a run is being measured on
//! the current thread, tells the meter about it. The meter may refuse an allocation that
//! would pass the memory limit; the allocator then returns null.
//!
//! Every block carries a small header just before it: the run that made it, the place in
//! the snippet (a `sites` key) and whether tracemalloc traces it, so that a free returns
//! its bytes to the line that made them, whichever line runs when it is freed (what is
//! alive at the peak is counted by the line that allocated it). 8 bytes a block (the
//! block's alignment where that is larger); measured against the header-less allocator in
//! BENCHMARKS.md.

use core::alloc::{GlobalAlloc, Layout};
use core::sync::atomic::{AtomicI64, Ordering::Relaxed};
use std::alloc::System;

use crate::header::{HEADER, Tag, tag_of};
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

/// The wrapped allocator's layout for a block of `layout`, and where the block starts in
/// it: after the header, aligned as the block asks.
#[inline(always)]
fn outer(layout: Layout) -> (Layout, usize) {
    let offset = layout.align().max(HEADER);
    // SAFETY: the alignment is a power of two (the block's or the header's), and the size
    // does not overflow for any layout a program can hold in memory.
    let outer = unsafe { Layout::from_size_align_unchecked(layout.size() + offset, offset) };
    (outer, offset)
}

/// The block inside `base` (null stays null), its header set to `tag`.
#[inline(always)]
unsafe fn tagged(base: *mut u8, offset: usize, tag: Tag) -> *mut u8 {
    if base.is_null() {
        return base;
    }
    // SAFETY: `base` holds `offset` ≥ HEADER bytes before the block; the header is read
    // and written unaligned.
    unsafe {
        let block = base.add(offset);
        block.sub(HEADER).cast::<Tag>().write_unaligned(tag);
        block
    }
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

// SAFETY: every call is forwarded to `inner` for a block with room for the header in
// front, at the block's alignment; the block handed out is inside it, as large and as
// aligned as asked. The meter only observes sizes and tags, and it refuses an allocation
// only by returning null, which `GlobalAlloc` allows.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let (admit, tag) = meter::on_alloc(layout.size());
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let (outer, offset) = outer(layout);
        held(unsafe { tagged(self.inner.alloc(outer), offset, tag) }, layout.size() as i64)
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let (admit, tag) = meter::on_alloc(layout.size());
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let (outer, offset) = outer(layout);
        held(unsafe { tagged(self.inner.alloc_zeroed(outer), offset, tag) }, layout.size() as i64)
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        meter::on_free(layout.size(), unsafe { tag_of(ptr) });
        HEAP_LIVE.fetch_sub(layout.size() as i64, Relaxed);
        let (outer, offset) = outer(layout);
        unsafe { self.inner.dealloc(ptr.sub(offset), outer) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let (admit, tag) = meter::on_realloc(layout.size(), new_size, unsafe { tag_of(ptr) });
        if admit == Admit::Refuse {
            return core::ptr::null_mut();
        }
        let (outer, offset) = outer(layout);
        let base = unsafe { self.inner.realloc(ptr.sub(offset), outer, new_size + offset) };
        held(unsafe { tagged(base, offset, tag) }, new_size as i64 - layout.size() as i64)
    }
}
