//! What is alive at the peak, per place the memory was made (a `sites` key), recovered
//! exactly without copying everything at each new peak. As memray's high-water-mark
//! aggregator does: each key's bytes now, the bytes at the last confirmed peak, and the
//! keys changed since. A new peak only marks itself pending; it is confirmed when memory
//! first falls after it (or at the end), and then only the changed keys are copied. Ties
//! keep the first peak (a peak is only a strictly higher one).

use memplay_model::{AtPeak, PeakLine, PeakStack, rank_lines};

use crate::sites::Sites;

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
        let mut by_line: Vec<PeakLine> = Vec::new();
        let mut by_stack: Vec<PeakStack> = Vec::new();
        for (key, confirmed) in self.at_peak.iter().enumerate() {
            let held = if pending && self.is_changed[key] { &self.now[key] } else { confirmed };
            if held.bytes == 0 && held.blocks == 0 {
                continue;
            }
            let site = sites.site(key as u32);
            match by_line.iter_mut().find(|l| l.line == site.line) {
                Some(l) => {
                    l.bytes += held.bytes;
                    l.blocks += held.blocks;
                }
                None => by_line.push(PeakLine { line: site.line, bytes: held.bytes, blocks: held.blocks }),
            }
            if !site.frames.is_empty() && held.bytes > 0 {
                let stack = site.frames.iter().map(|(name, line)| format!("{}:{line}", name.as_str())).collect();
                match by_stack.iter_mut().find(|s| s.stack == stack) {
                    Some(s) => s.bytes += held.bytes,
                    None => by_stack.push(PeakStack { stack, bytes: held.bytes }),
                }
            }
        }
        by_line.retain(|l| l.bytes != 0 || l.blocks != 0);
        rank_lines(&mut by_line);
        by_stack.sort_by(|x, y| y.bytes.cmp(&x.bytes).then_with(|| x.stack.cmp(&y.stack)));
        AtPeak {
            live_bytes: peak_bytes,
            running_line: Some(self.pending.unwrap_or(self.running_line)).filter(|&l| l > 0),
            by_line,
            by_stack,
            approximate: false,
        }
    }
}
