//! tracemalloc's state inside the meter: live bytes since `start()`, its own resettable
//! peak, and while tracing, every live block with the snippet line that allocated it.

use std::collections::HashMap;

#[derive(Default)]
pub(crate) struct TraceMalloc {
    pub tracing: bool,
    pub base: i64,
    pub peak: i64,
    blocks: HashMap<usize, (u32, usize)>,
}

impl TraceMalloc {
    pub fn start(&mut self, live: i64) {
        if !self.tracing {
            *self = Self { tracing: true, base: live, peak: live, blocks: HashMap::new() };
        }
    }

    pub fn stop(&mut self) {
        self.tracing = false;
        self.blocks = HashMap::new();
    }

    pub fn insert(&mut self, ptr: usize, line: u32, size: usize) {
        self.blocks.insert(ptr, (line, size));
    }

    pub fn remove(&mut self, ptr: usize) {
        self.blocks.remove(&ptr);
    }

    pub fn clear(&mut self, live: i64) {
        self.blocks.clear();
        self.base = live;
        self.peak = live;
    }

    /// Live traced blocks per snippet line: (line, bytes, blocks), largest first.
    pub fn by_line(&self) -> Vec<(u32, u64, u64)> {
        let mut lines: HashMap<u32, (u64, u64)> = HashMap::new();
        for &(line, size) in self.blocks.values() {
            let e = lines.entry(line).or_default();
            e.0 += size as u64;
            e.1 += 1;
        }
        let mut out: Vec<_> = lines.into_iter().filter(|(line, _)| *line > 0).map(|(l, (b, n))| (l, b, n)).collect();
        out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        out
    }
}
