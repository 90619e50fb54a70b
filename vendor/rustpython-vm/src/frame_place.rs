//! memplay patch: hooks for a shadow stack. A counting allocator that wants the call stack
//! of each allocation keeps its own stack of what each running frame was called from,
//! pushed as a frame enters the thread's chain of running frames (a call, a generator or
//! coroutine resumed) and popped as it leaves, as memray's and Fil's shadow stacks are;
//! an allocation then reads the top of that stack, at any depth, instead of walking the
//! chain. Frames are not made any larger, so what the interpreter allocates is unchanged.
//! Without hooks (the default) this costs one load per frame entered and left. Nothing
//! here allocates.

use core::sync::atomic::{AtomicPtr, Ordering};

use crate::frame::InterpreterFrame;

/// Told a frame: it has just been linked onto the chain (its `previous` is its caller), or
/// is about to be unlinked.
pub type Hook = fn(&InterpreterFrame);

static ENTERED: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());
static LEAVING: AtomicPtr<()> = AtomicPtr::new(core::ptr::null_mut());

/// Set by the allocator that wants to know (memplay's engine).
pub fn set_hooks(entered: Hook, leaving: Hook) {
    ENTERED.store(entered as *mut (), Ordering::Release);
    LEAVING.store(leaving as *mut (), Ordering::Release);
}

#[inline(always)]
fn call(hook: &AtomicPtr<()>, frame: &InterpreterFrame) {
    let hook = hook.load(Ordering::Relaxed);
    if !hook.is_null() {
        // SAFETY: only `set_hooks` stores here, always a `Hook`.
        let hook: Hook = unsafe { core::mem::transmute::<*mut (), Hook>(hook) };
        hook(frame);
    }
}

/// `frame` has just been linked onto the chain.
#[inline(always)]
pub(crate) fn entered(frame: &InterpreterFrame) {
    call(&ENTERED, frame);
}

/// `frame` is about to be unlinked from the chain.
#[inline(always)]
pub(crate) fn leaving(frame: &InterpreterFrame) {
    call(&LEAVING, frame);
}
