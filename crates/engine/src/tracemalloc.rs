//! tracemalloc's state inside the meter: live bytes since `start()`, its own resettable
//! peak, and while tracing, the live traced bytes by the place in the snippet that made
//! them. Which blocks are traced is in each block's header (`Tag`), the same header that
//! says where the block was made: a tracing's number, so a block made before `start()` or
//! `clear_traces()` is not taken off the traces when it is freed. No map of blocks.

use memplay_model::PeakLine;

use crate::sites::Sites;

#[derive(Default)]
pub(crate) struct TraceMalloc {
    pub tracing: bool,
    pub base: i64,
    pub peak: i64,
    /// This tracing's number, 1 to 255 (0: not traced), in the headers of the blocks it
    /// traces. A start or a clear takes the next; after 255 they come round again, and a
    /// block kept through 255 clears would be taken off a later tracing's figures.
    session: u8,
    /// Live traced bytes and blocks, by `sites` key.
    held: Vec<(i64, i64)>,
}

impl TraceMalloc {
    pub fn start(&mut self, live: i64) {
        if !self.tracing {
            self.tracing = true;
            self.clear(live);
        }
    }

    pub fn stop(&mut self) {
        self.tracing = false;
        self.held = Vec::new();
    }

    pub fn clear(&mut self, live: i64) {
        self.held.clear();
        self.base = live;
        self.peak = live;
        self.session = self.session % 255 + 1;
    }

    /// A block made at `key`: traced if tracing is on; the tracing's number for its header.
    #[inline(always)]
    pub fn alloc(&mut self, key: u32, size: usize) -> u8 {
        if !self.tracing {
            return 0;
        }
        let k = key as usize;
        if k >= self.held.len() {
            self.held.resize(k + 1, (0, 0));
        }
        self.held[k].0 += size as i64;
        self.held[k].1 += 1;
        self.session
    }

    /// A block made at `key` under tracing number `session` is freed.
    #[inline(always)]
    pub fn free(&mut self, key: u32, session: u8, size: usize) {
        if self.tracing
            && session == self.session
            && let Some(held) = self.held.get_mut(key as usize)
        {
            held.0 -= size as i64;
            held.1 -= 1;
        }
    }

    /// Live traced blocks per snippet line (line 0, no line of the snippet, left out).
    pub fn by_line(&self, sites: &Sites) -> Vec<PeakLine> {
        let held = self.held.iter().enumerate().map(|(key, &(bytes, blocks))| (key as u32, bytes, blocks));
        let mut lines = sites.by_line(held);
        lines.retain(|l| l.line > 0 && l.bytes > 0);
        lines
    }
}
