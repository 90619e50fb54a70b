//! Where in the snippet an allocation is made: the snippet's call stack, each snippet
//! frame's function and running line, read from the interpreter's frame chain without
//! allocating, and interned to a small key that the block's header keeps. Frames of the
//! standard library (and any code not the snippet's) are skipped, so what they allocate
//! counts for the snippet frame that called them. Without stacks (a setting), a place is
//! the innermost snippet line alone: one frame read instead of the whole chain, no hash.

use std::collections::{BTreeMap, HashMap};

use memplay_model::{PeakLine, rank_lines};

use rustpython_vm::builtins::{PyCode, PyStrInterned};
use rustpython_vm::frame::current_thread_iframe;

/// One interned place: the innermost snippet line and the stack, outermost frame first.
pub(crate) struct Site {
    pub line: u32,
    pub frames: Vec<(&'static PyStrInterned, u32)>,
}

/// Key 0 is no place in the snippet: memory made before it started, or while none of its
/// lines ran.
pub(crate) const NOWHERE: u32 = 0;

const CACHE: usize = 256;

pub(crate) struct Sites {
    stacks: bool,
    /// Without stacks: each line's key, by line.
    line_keys: Vec<u32>,
    keys: HashMap<u64, u32>,
    sites: Vec<Site>,
    /// The last stacks seen, by hash: most allocations come from a place seen just before.
    cache: Box<[(u64, u32); CACHE]>,
}

impl Sites {
    pub fn new(stacks: bool) -> Self {
        Self {
            stacks,
            line_keys: Vec::new(),
            keys: HashMap::new(),
            sites: vec![Site { line: 0, frames: Vec::new() }],
            cache: Box::new([(0, NOWHERE); CACHE]),
        }
    }

    pub fn site(&self, key: u32) -> &Site {
        &self.sites[key as usize]
    }

    /// Bytes and blocks held by place (`(key, bytes, blocks)`), summed by each place's
    /// snippet line, lines that hold nothing left out, ranked as every list of lines is.
    pub fn by_line(&self, held: impl Iterator<Item = (u32, i64, i64)>) -> Vec<PeakLine> {
        let mut lines: BTreeMap<u32, PeakLine> = BTreeMap::new();
        for (key, bytes, blocks) in held {
            let line = self.site(key).line;
            let l = lines.entry(line).or_insert(PeakLine { line, bytes: 0, blocks: 0, types: Vec::new() });
            l.bytes += bytes;
            l.blocks += blocks;
        }
        let mut lines: Vec<PeakLine> = lines.into_values().filter(|l| l.bytes != 0 || l.blocks != 0).collect();
        rank_lines(&mut lines);
        lines
    }

    /// The key of the running snippet stack and its innermost line; `(NOWHERE, 0)` when no
    /// snippet frame runs. `target` is the address of the snippet's interned file name.
    #[inline(always)]
    pub fn current(&mut self, target: usize) -> (u32, u32) {
        if !self.stacks {
            return self.current_line(target);
        }
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut line = None;
        walk(target, |code, l| {
            line.get_or_insert(l);
            hash =
                (hash ^ core::ptr::from_ref(code) as u64).wrapping_mul(0x0100_0000_01b3).rotate_left(17) ^ u64::from(l);
            hash = hash.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        });
        let Some(line) = line else { return (NOWHERE, 0) };
        let slot = &mut self.cache[(hash as usize) % CACHE];
        if slot.0 == hash && slot.1 != NOWHERE {
            return (slot.1, line);
        }
        let key = match self.keys.get(&hash) {
            Some(&key) => key,
            None => self.intern(hash, target, line),
        };
        self.cache[(hash as usize) % CACHE] = (hash, key);
        (key, line)
    }

    #[inline(always)]
    fn current_line(&mut self, target: usize) -> (u32, u32) {
        let line = crate::snippet_line::current(target);
        if line == 0 {
            return (NOWHERE, 0);
        }
        match self.line_keys.get(line) {
            Some(&key) if key != NOWHERE => (key, line as u32),
            _ => (self.intern_line(line), line as u32),
        }
    }

    #[cold]
    fn intern_line(&mut self, line: usize) -> u32 {
        if self.line_keys.len() <= line {
            self.line_keys.resize(line + 1, NOWHERE);
        }
        let key = self.sites.len() as u32;
        self.sites.push(Site { line: line as u32, frames: Vec::new() });
        self.line_keys[line] = key;
        key
    }

    #[cold]
    fn intern(&mut self, hash: u64, target: usize, line: u32) -> u32 {
        if self.sites.len() >= crate::meter::MAX_SITES {
            return NOWHERE;
        }
        let mut frames = Vec::new();
        walk(target, |code, l| frames.push((code.obj_name, l)));
        frames.reverse();
        let key = self.sites.len() as u32;
        self.sites.push(Site { line, frames });
        self.keys.insert(hash, key);
        key
    }
}

/// Calls `f(code, line)` for each snippet frame, innermost first.
#[inline(always)]
fn walk(target: usize, mut f: impl FnMut(&PyCode, u32)) {
    let mut frame = current_thread_iframe();
    // SAFETY: the frame chain is the running interpreter's, on this thread; frames are
    // only read, and each stays alive while a frame it called is running.
    while let Some(fr) = unsafe { frame.as_ref() } {
        let code = fr.code();
        if core::ptr::from_ref(code.source_path) as usize == target {
            f(code, crate::snippet_line::line_of(fr) as u32);
        }
        frame = fr.previous();
    }
}
