//! The kinds of memory a block can be: an object of a Python type (one block per object),
//! storage owned by an object of a type (a list's array of items, a str's characters), or
//! the interpreter's own (kind 0). The vendored rustpython-vm says which while it allocates
//! (`rustpython_vm::alloc_owner`); a type is named as Python names it
//! (`type(o).__name__`), once, the first time one of its blocks is seen.

use rustc_hash::FxHashMap;

use rustpython_vm::alloc_owner::{Owner, Part};

/// Memory that belongs to no object.
pub(crate) const INTERPRETER: u32 = 0;

const CACHE: usize = 64;

pub(crate) struct Kinds {
    names: Vec<String>,
    by_type: FxHashMap<usize, u32>,
    /// The last types seen, by address: most blocks are of a type seen just before.
    cache: [(usize, u32); CACHE],
}

impl Default for Kinds {
    fn default() -> Self {
        Self { names: Vec::new(), by_type: FxHashMap::default(), cache: [(0, 0); CACHE] }
    }
}

impl Kinds {
    /// The kind of a block allocated for `owner`.
    #[inline(always)]
    pub fn of(&mut self, owner: Owner) -> u32 {
        if owner.typ.is_null() {
            return INTERPRETER;
        }
        let at = owner.typ as usize;
        let slot = (at >> 4) % CACHE;
        let index = match self.cache[slot] {
            (seen, index) if seen == at => index,
            _ => {
                let index = self.type_index(at, owner);
                self.cache[slot] = (at, index);
                index
            }
        };
        ((index + 1) << 1) | u32::from(owner.part == Part::Object)
    }

    #[cold]
    fn type_index(&mut self, at: usize, owner: Owner) -> u32 {
        if let Some(&index) = self.by_type.get(&at) {
            return index;
        }
        // SAFETY: a type the interpreter is allocating for is alive while it does.
        let name = unsafe { &*owner.typ }.name().to_string();
        let index = match self.names.iter().position(|n| *n == name) {
            Some(i) => i as u32,
            None => {
                self.names.push(name);
                self.names.len() as u32 - 1
            }
        };
        self.by_type.insert(at, index);
        index
    }

    /// The kind of a block of the same type as `kind`, as storage.
    pub fn storage(kind: u32) -> u32 {
        kind & !1
    }

    /// The type's name, `None` for the interpreter's memory.
    pub fn name(&self, kind: u32) -> Option<&str> {
        let index = (kind >> 1).checked_sub(1)?;
        self.names.get(index as usize).map(String::as_str)
    }

    /// Whether blocks of `kind` are objects (one per object).
    pub fn is_object(kind: u32) -> bool {
        kind & 1 == 1
    }
}
