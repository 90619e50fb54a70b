//! What every block's header holds (see `alloc`): the run that made it (0 for none), the
//! place key it was made at (a `sites` key: the snippet's stack or line, and the kind of
//! object) in the low 24 bits of `place`, and the tracemalloc tracing that traces it (0
//! for none) in the high 8. Eight bytes, as before kinds were added.

/// Places beyond this many are counted as no place (`sites::NOWHERE`): they would not fit.
pub(crate) const MAX_SITES: usize = 1 << Tag::KEY_BITS;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub(crate) struct Tag {
    pub run: u32,
    place: u32,
}

impl Tag {
    pub const NONE: Tag = Tag { run: 0, place: 0 };
    const KEY_BITS: u32 = 24;

    pub fn new(run: u32, key: u32, traced: u8) -> Self {
        Tag { run, place: key | (u32::from(traced) << Self::KEY_BITS) }
    }

    pub fn key(self) -> u32 {
        self.place & ((1 << Self::KEY_BITS) - 1)
    }

    pub fn traced(self) -> u8 {
        (self.place >> Self::KEY_BITS) as u8
    }
}

/// The header's size: it sits just before every block the counting allocator hands out.
pub(crate) const HEADER: usize = core::mem::size_of::<Tag>();

/// The header of a block the counting allocator handed out.
#[inline(always)]
pub(crate) unsafe fn tag_of(block: *mut u8) -> Tag {
    // SAFETY: every block this allocator hands out has its header just before it.
    unsafe { block.sub(HEADER).cast::<Tag>().read_unaligned() }
}

/// Rewrites the header of a block the counting allocator handed out.
pub(crate) unsafe fn set_tag(block: *mut u8, tag: Tag) {
    // SAFETY: as in `tag_of`.
    unsafe { block.sub(HEADER).cast::<Tag>().write_unaligned(tag) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_keeps_its_run_key_and_tracing_in_eight_bytes() {
        let t = Tag::new(7, MAX_SITES as u32 - 1, 3);
        assert_eq!((t.run, t.key(), t.traced()), (7, MAX_SITES as u32 - 1, 3));
        assert_eq!(core::mem::size_of::<Tag>(), 8);
        assert_eq!(Tag::NONE.key(), crate::sites::NOWHERE);
    }
}
