//! Where in the snippet an allocation is made: the snippet's call stack, each snippet
//! frame's function and running line, read from the interpreter's frame chain without
//! allocating, and interned to a small key that the block's header keeps. Frames of the
//! standard library (and any code not the snippet's) are skipped, so what they allocate
//! counts for the snippet frame that called them. Without stacks (a setting), a place is
//! the innermost snippet line alone: one frame read instead of the whole chain. A key is a
//! place and a kind of memory (`kinds`): what a line made, by type.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use memplay_model::{INTERPRETER as INTERPRETER_ROW, PeakLine, PeakType, rank_lines, rank_types};
use rustpython_vm::alloc_owner::Owner;

use crate::kinds::{INTERPRETER, Kinds};
use crate::stacks::{NO_STACK, StackId, Stacks};

/// One interned key: the innermost snippet line and the stack (the place), and the kind of
/// memory made there.
pub(crate) struct Site {
    pub line: u32,
    pub stack: StackId,
    pub kind: u32,
    /// The place's hash, without the kind: the same place's other kinds share it.
    place: u64,
}

/// Key 0 is no place in the snippet: memory made before it started, or while none of its
/// lines ran.
pub(crate) const NOWHERE: u32 = 0;

const CACHE: usize = 16384;

pub(crate) struct Sites {
    stacks: bool,
    keys: FxHashMap<u64, u32>,
    sites: Vec<Site>,
    /// The last keys seen, by hash: most allocations come from a place seen just before.
    cache: Box<[(u64, u32)]>,
    /// The last hand-overs, `(key, kind) → key`: a buffer handed to its object (a list's
    /// items, a str's characters) mostly comes from a place and goes to a kind seen just
    /// before, and this skips the site and the hash.
    handed: Box<[(u32, u32, u32)]>,
    kinds: Kinds,
    /// The places' stacks, and each place's, read from the frames once per place.
    stacks_tree: Stacks,
    place_stacks: FxHashMap<u64, StackId>,
}

const HANDED: usize = 4096;

/// A place's hash with a kind: a key's hash.
#[inline(always)]
fn with_kind(place: u64, kind: u32) -> u64 {
    (place ^ u64::from(kind).wrapping_mul(0xff51_afd7_ed55_8ccd)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

impl Sites {
    pub fn new(stacks: bool) -> Self {
        Self {
            stacks,
            keys: FxHashMap::default(),
            sites: vec![Site { line: 0, stack: NO_STACK, kind: INTERPRETER, place: 0 }],
            // Made on the heap, not built on the stack and moved: the worker's stack is
            // small (`WORKER_STACK_BYTES`), and a quarter of a MiB on it leaves Python none.
            cache: vec![(0, NOWHERE); CACHE].into_boxed_slice(),
            handed: vec![(NOWHERE, INTERPRETER, NOWHERE); HANDED].into_boxed_slice(),
            kinds: Kinds::default(),
            stacks_tree: Stacks::default(),
            place_stacks: FxHashMap::default(),
        }
    }

    /// The kind of a block allocated now for `owner`.
    #[inline(always)]
    pub fn kind_of(&mut self, owner: Owner) -> u32 {
        self.kinds.of(owner)
    }

    pub fn site(&self, key: u32) -> &Site {
        &self.sites[key as usize]
    }

    /// Bytes and blocks held by key (`(key, bytes, blocks)`), summed by each key's snippet
    /// line, with the kinds of objects each line made; lines that hold nothing left out,
    /// ranked as every list of lines is.
    pub fn by_line(&self, held: impl Iterator<Item = (u32, i64, i64)>) -> Vec<PeakLine> {
        let mut lines: BTreeMap<u32, (PeakLine, BTreeMap<u32, PeakType>)> = BTreeMap::new();
        for (key, bytes, blocks) in held {
            let site = self.site(key);
            let (l, types) = lines
                .entry(site.line)
                .or_insert_with(|| (PeakLine { line: site.line, ..PeakLine::default() }, BTreeMap::new()));
            l.bytes += bytes;
            l.blocks += blocks;
            self.add_kind(types, site.kind, bytes, blocks);
        }
        let mut lines: Vec<PeakLine> = lines
            .into_values()
            .map(|(mut l, types)| {
                l.types = Self::ranked(types);
                l
            })
            .filter(|l| l.bytes != 0 || l.blocks != 0)
            .collect();
        rank_lines(&mut lines);
        lines
    }

    /// Bytes held by key, summed by type: objects of each type with the storage they own,
    /// and what belongs to no object as one `(interpreter)` row.
    pub fn by_type(&self, held: impl Iterator<Item = (u32, i64, i64)>) -> Vec<PeakType> {
        let mut types = BTreeMap::new();
        for (key, bytes, blocks) in held {
            self.add_kind(&mut types, self.site(key).kind, bytes, blocks);
        }
        Self::ranked(types)
    }

    fn add_kind(&self, types: &mut BTreeMap<u32, PeakType>, kind: u32, bytes: i64, blocks: i64) {
        if bytes == 0 && blocks == 0 {
            return;
        }
        let of_type = Kinds::storage(kind);
        let t = types.entry(of_type).or_insert_with(|| PeakType {
            name: self.kinds.name(kind).unwrap_or(INTERPRETER_ROW).to_owned(),
            ..PeakType::default()
        });
        t.bytes += bytes;
        if Kinds::is_object(kind) {
            t.count += blocks;
        }
    }

    fn ranked(types: BTreeMap<u32, PeakType>) -> Vec<PeakType> {
        let mut types: Vec<PeakType> = types.into_values().filter(|t| t.bytes != 0 || t.count != 0).collect();
        rank_types(&mut types);
        types
    }

    /// The key of the running snippet stack (its innermost line with stacks off) and
    /// `kind`, and the innermost line; `(NOWHERE, 0)` when no snippet frame runs and the
    /// memory is the interpreter's. `target` is the address of the snippet's interned file
    /// name. One frame read at any depth: the place is kept as frames enter
    /// (`shadow_stack`).
    #[inline(always)]
    pub fn current(&mut self, target: usize, kind: u32) -> (u32, u32) {
        if !self.stacks {
            let line = crate::shadow_stack::line(target);
            let place = if line == 0 { 0 } else { u64::from(line).wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1 };
            return (self.key(place, kind, |_| (line, NO_STACK)), line);
        }
        let (place, line) = crate::shadow_stack::current(target);
        (self.key(place, kind, |sites| (line, sites.stack_of(target, place, line))), line)
    }

    /// Whether places are call stacks (else lines).
    pub fn stacks(&self) -> bool {
        self.stacks
    }

    /// The key of `place` and `kind`, made (from `frames`: its line and stack) if new.
    #[inline(always)]
    fn key(&mut self, place: u64, kind: u32, new: impl FnOnce(&mut Self) -> (u32, StackId)) -> u32 {
        if place == 0 && kind == INTERPRETER {
            return NOWHERE;
        }
        let hash = with_kind(place, kind);
        let slot = (hash as usize) % CACHE;
        if self.cache[slot].0 == hash && self.cache[slot].1 != NOWHERE {
            return self.cache[slot].1;
        }
        let key = match self.keys.get(&hash) {
            Some(&key) => key,
            None => {
                let (line, stack) = new(self);
                self.intern(hash, Site { line, stack, kind, place })
            }
        };
        self.cache[slot] = (hash, key);
        key
    }

    /// The key of the place of `key` with another kind (a buffer handed to its object).
    #[inline(always)]
    pub fn with_kind(&mut self, key: u32, kind: u32) -> u32 {
        let slot = (key.wrapping_mul(0x9e37_79b9) ^ kind) as usize % HANDED;
        match self.handed[slot] {
            (from, k, to) if from == key && k == kind && to != NOWHERE => to,
            _ => {
                let to = self.with_kind_uncached(key, kind);
                self.handed[slot] = (key, kind, to);
                to
            }
        }
    }

    fn with_kind_uncached(&mut self, key: u32, kind: u32) -> u32 {
        let site = self.site(key);
        if site.kind == kind {
            return key;
        }
        let (place, line, stack) = (site.place, site.line, site.stack);
        self.key(place, kind, |_| (line, stack))
    }

    /// The stack of the running `place`, read from the frame chain the first time.
    #[cold]
    fn stack_of(&mut self, target: usize, place: u64, line: u32) -> StackId {
        if line == 0 {
            return NO_STACK;
        }
        if let Some(&stack) = self.place_stacks.get(&place) {
            return stack;
        }
        // The frames down to the first place known (mostly the caller's), then the new
        // places from there up, each one call deeper than the last.
        let mut new = Vec::new();
        let mut known = NO_STACK;
        crate::shadow_stack::snippet_frames(target, |place, name, line| match self.place_stacks.get(&place) {
            Some(&stack) => {
                known = stack;
                false
            }
            None => {
                new.push((place, name, line));
                true
            }
        });
        for (place, name, line) in new.into_iter().rev() {
            known = self.stacks_tree.called(known, name, line);
            self.place_stacks.insert(place, known);
        }
        known
    }

    /// The frames of a key's stack, outermost first.
    pub fn frames(&self, stack: StackId) -> Vec<(&'static str, u32)> {
        self.stacks_tree.frames(stack)
    }

    #[cold]
    fn intern(&mut self, hash: u64, site: Site) -> u32 {
        if self.sites.len() >= crate::header::MAX_SITES {
            return NOWHERE;
        }
        let key = self.sites.len() as u32;
        self.sites.push(site);
        self.keys.insert(hash, key);
        key
    }
}
