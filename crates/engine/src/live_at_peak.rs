//! What is alive at the peak, per place the memory was made (a `sites` key), recovered
//! exactly without copying everything at each new peak. As memray's high-water-mark
//! aggregator does: each key's bytes now, the bytes at the last confirmed peak, and the
//! keys changed since. A new peak only marks itself pending; it is confirmed when memory
//! first falls after it (or at the end), and then only the changed keys are copied. Ties
//! keep the first peak (a peak is only a strictly higher one).

use memplay_model::{AtPeak, PeakStack, STACKS_LISTED, listed_frames};
use rustc_hash::FxHashMap;

use crate::sites::Sites;
use crate::stacks::{NO_STACK, StackId};

#[derive(Clone, Copy, Default)]
struct Held {
    bytes: i64,
    blocks: i64,
}

#[derive(Default)]
pub(crate) struct LiveAtPeak {
    now: Vec<Held>,
    at_peak: Vec<Held>,
    changed: Vec<u32>,
    is_changed: Vec<bool>,
    pending: Option<u32>,
    /// The snippet line running when the confirmed peak was reached.
    running_line: u32,
}

impl LiveAtPeak {
    #[inline(always)]
    fn touch(&mut self, key: u32) -> &mut Held {
        let k = key as usize;
        if k >= self.now.len() {
            self.now.resize(k + 1, Held::default());
            self.at_peak.resize(k + 1, Held::default());
            self.is_changed.resize(k + 1, false);
        }
        if !self.is_changed[k] {
            self.is_changed[k] = true;
            self.changed.push(key);
        }
        &mut self.now[k]
    }

    #[inline(always)]
    pub fn alloc(&mut self, key: u32, size: usize) {
        let held = self.touch(key);
        held.bytes += size as i64;
        held.blocks += 1;
    }

    /// A block made at `key` is freed (`NOWHERE` for one made before the run).
    #[inline(always)]
    pub fn free(&mut self, key: u32, size: usize) {
        self.confirm();
        let held = self.touch(key);
        held.bytes -= size as i64;
        held.blocks -= 1;
    }

    /// A block made at `from` is now counted at `to` (a buffer handed to its object's
    /// type): the total does not change, so no peak is confirmed.
    pub fn moved(&mut self, from: u32, to: u32, size: usize) {
        let held = self.touch(from);
        held.bytes -= size as i64;
        held.blocks -= 1;
        let held = self.touch(to);
        held.bytes += size as i64;
        held.blocks += 1;
    }

    /// Live memory has just passed the peak, with `line` running.
    #[inline(always)]
    pub fn rose(&mut self, line: u32) {
        self.pending = Some(line);
    }

    #[inline(always)]
    fn confirm(&mut self) {
        if let Some(line) = self.pending.take() {
            self.running_line = line;
            for key in self.changed.drain(..) {
                let k = key as usize;
                self.at_peak[k] = self.now[k];
                self.is_changed[k] = false;
            }
        }
    }

    /// What was alive at the peak of `peak_bytes`, by line and by stack: the confirmed
    /// peak, or the pending one (a run that ends or is reported at its highest so far).
    pub fn report(&self, peak_bytes: u64, sites: &Sites) -> AtPeak {
        let pending = self.pending.is_some();
        let held = || {
            self.at_peak.iter().enumerate().map(move |(key, confirmed)| {
                (key as u32, if pending && self.is_changed[key] { self.now[key] } else { *confirmed })
            })
        };
        let by_line = sites.by_line(held().map(|(key, h)| (key, h.bytes, h.blocks)));
        let by_type = sites.by_type(held().map(|(key, h)| (key, h.bytes, h.blocks)));
        let by_stack = Self::largest_stacks(held().map(|(key, h)| (key, h.bytes)), sites);
        AtPeak {
            live_bytes: peak_bytes,
            running_line: Some(self.pending.unwrap_or(self.running_line)).filter(|&l| l > 0),
            by_line,
            by_stack,
            by_type,
            approximate: false,
        }
    }

    /// Bytes held by key (`(key, bytes)`) summed by call stack, the largest
    /// `STACKS_LISTED`. Keys of one stack (its kinds, and places that print alike: two
    /// functions of one name) are summed by the stack's node, and only the stacks listed
    /// are printed: a report goes out during the run too, and a deep recursion has a stack
    /// per depth, each hundreds of frames long.
    fn largest_stacks(held: impl Iterator<Item = (u32, i64)>, sites: &Sites) -> Vec<PeakStack> {
        let mut by_stack: FxHashMap<StackId, i64> = FxHashMap::default();
        for (key, bytes) in held.filter(|&(_, bytes)| bytes > 0) {
            let stack = sites.site(key).stack;
            if stack != NO_STACK {
                *by_stack.entry(stack).or_default() += bytes;
            }
        }
        // The largest, with any tied with the last listed: ties go by the printed stack.
        let mut largest: Vec<(StackId, i64)> = by_stack.into_iter().collect();
        largest.sort_unstable_by_key(|&(_, bytes)| core::cmp::Reverse(bytes));
        if let Some(&(_, last)) = largest.get(STACKS_LISTED - 1) {
            largest.retain(|&(_, bytes)| bytes >= last);
        }
        let mut stacks: Vec<PeakStack> = largest
            .into_iter()
            .map(|(id, bytes)| {
                let frames = sites.frames(id);
                let stack = listed_frames(frames.len(), |i| format!("{}:{}", frames[i].0, frames[i].1));
                PeakStack { stack, bytes }
            })
            .collect();
        stacks.sort_by(|x, y| y.bytes.cmp(&x.bytes).then_with(|| x.stack.cmp(&y.stack)));
        stacks.truncate(STACKS_LISTED);
        stacks
    }
}
