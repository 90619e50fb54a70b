//! memplay patch: whose memory an allocation is, for a counting allocator that reports
//! what was alive by Python type ("what kind of objects"). The interpreter says, while it
//! allocates, which type the memory belongs to: an object's own block (made in `Py::new`)
//! or the storage a container owns (a list's array of items, a dict's or a set's table,
//! a str's characters). A buffer made before its object exists (the characters of a new
//! str, the items of a list built from a `Vec`) is handed to its type once the object is
//! made (`adopt`). Nothing here allocates.

use core::cell::Cell;
use core::sync::atomic::{AtomicPtr, Ordering};

use crate::{Py, builtins::PyType};

/// What the memory being allocated is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// An object's own block: one per object.
    Object,
    /// Storage an object owns.
    Storage,
}

/// The owner of the memory allocated now: a type (null for none) and the part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Owner {
    pub typ: *const Py<PyType>,
    pub part: Part,
}

impl Owner {
    pub const NONE: Owner = Owner { typ: core::ptr::null(), part: Part::Storage };
}

thread_local! {
    static OWNER: Cell<Owner> = const { Cell::new(Owner::NONE) };
}

/// The owner of what is allocated now on this thread.
#[inline]
pub fn current() -> Owner {
    OWNER.try_with(Cell::get).unwrap_or(Owner::NONE)
}

/// While alive, what the thread allocates belongs to `owner`; the previous owner comes back
/// on drop.
pub struct Scope(Owner);

impl Drop for Scope {
    #[inline]
    fn drop(&mut self) {
        let _ = OWNER.try_with(|o| o.set(self.0));
    }
}

#[inline]
pub fn enter(typ: &Py<PyType>, part: Part) -> Scope {
    let owner = Owner { typ, part };
    Scope(OWNER.try_with(|o| o.replace(owner)).unwrap_or(Owner::NONE))
}

/// While alive, what the thread allocates belongs to nobody: Python code runs (see
/// `frame::run_iframe`), so what a native method's scope said no longer holds.
#[inline]
pub fn enter_none() -> Scope {
    Scope(OWNER.try_with(|o| o.replace(Owner::NONE)).unwrap_or(Owner::NONE))
}

/// While a native method of `receiver`'s type runs on it, or while a type builds and
/// initializes an instance (`typ`), what nothing more precise claims is that type's
/// storage: an `array`'s buffer, a file's read buffer, a deque's blocks. An object made
/// meanwhile is still its own type's (`Py::new`), a list's items still the list's.
#[inline]
pub fn enter_method_of(typ: &Py<PyType>) -> Scope {
    enter(typ, Part::Storage)
}

/// What the allocator does with a buffer made before its object: `(block, bytes, owner)`.
pub type AdoptHook = fn(*const u8, usize, Owner);

static ADOPT: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Set by the allocator that wants to know (memplay's engine).
pub fn set_adopt_hook(hook: AdoptHook) {
    ADOPT.store(hook as *mut (), Ordering::Release);
}

/// The heap block at `block` (`bytes` long, as allocated) is storage of an object of `typ`.
#[inline]
pub fn adopt(block: *const u8, bytes: usize, typ: &Py<PyType>) {
    let hook = ADOPT.load(Ordering::Acquire);
    if hook.is_null() || bytes == 0 {
        return;
    }
    // SAFETY: only `set_adopt_hook` stores here, always an `AdoptHook`.
    let hook: AdoptHook = unsafe { core::mem::transmute::<*mut (), AdoptHook>(hook) };
    hook(block, bytes, Owner { typ, part: Part::Storage });
}
