//! Where in the snippet the interpreter is running, kept as it calls and returns (a shadow
//! stack, as memray and Fil keep), so that the allocator can ask on every event at the cost
//! of one read at any depth. The vendored rustpython-vm says when a frame enters the chain
//! of running frames and when it leaves (`frame_place`); each entry here is a running
//! frame and its callers' place: a hash of each calling snippet frame's code and running
//! line, outermost first, and the innermost of those lines. A frame that is not the
//! snippet's (the standard library, a builtin's callback) passes its callers' place on, so
//! what it allocates counts for the snippet line that called it. Where the stack does not
//! hold the running frame (it was full, or the frame entered before the run), the place is
//! read from the frame chain instead, as it always was: slower, the same answer.

use core::cell::{Cell, RefCell};

use rustpython_vm::builtins::{PyCode, PyStrInterned};
use rustpython_vm::frame::{InterpreterFrame, current_thread_iframe};
use rustpython_vm::frame_place;

/// A place in the snippet and its innermost line; `(0, 0)` is none.
pub(crate) type Place = (u64, u32);

/// Frames kept: deeper calls than this are read from the chain. The stack is allocated
/// once per thread, before any run is counted, and never grows.
const DEPTH: usize = 8192;

thread_local! {
    /// Address of the snippet's interned `co_filename`: which frames are the snippet's.
    /// 0 while no run is followed.
    static TARGET: Cell<usize> = const { Cell::new(0) };
    /// Running frames (their address) with their callers' place, innermost last.
    static STACK: RefCell<Vec<(usize, Place)>> = const { RefCell::new(Vec::new()) };
    /// The stack's last entry (`NO_TOP` when it is empty): what every allocation reads,
    /// kept apart so that reading it borrows nothing.
    static TOP: Cell<(usize, Place)> = const { Cell::new(NO_TOP) };
}

/// `TOP` of an empty stack: no frame is at address 0.
const NO_TOP: (usize, Place) = (0, (0, 0));

/// Sets `TOP` to the stack's last entry.
fn keep_top(stack: &[(usize, Place)]) {
    TOP.set(stack.last().copied().unwrap_or(NO_TOP));
}

/// While alive, frames that enter and leave on this thread are followed for the snippet
/// whose file name is interned at `target` (a run that keeps call stacks).
pub(crate) struct Following(());

impl Following {
    /// Call before the run's counting starts: the stack's one allocation is not the run's.
    pub fn start(target: usize) -> Self {
        STACK.with_borrow_mut(|s| {
            s.clear();
            s.reserve_exact(DEPTH);
        });
        TOP.set(NO_TOP);
        TARGET.with(|t| t.set(target));
        frame_place::set_hooks(entered, leaving);
        Self(())
    }
}

impl Drop for Following {
    fn drop(&mut self) {
        let _ = TARGET.try_with(|t| t.set(0));
        let _ = STACK.try_with(|s| s.borrow_mut().clear());
        let _ = TOP.try_with(|t| t.set(NO_TOP));
    }
}

fn address(frame: &InterpreterFrame) -> usize {
    core::ptr::from_ref(frame) as usize
}

/// A frame entered the chain: it runs called from the place running in its caller.
fn entered(frame: &InterpreterFrame) {
    let target = TARGET.get();
    if target == 0 {
        return;
    }
    // SAFETY: `previous` is the running caller, alive while `frame` runs.
    let callers = match unsafe { frame.previous().as_ref() } {
        Some(caller) => here(caller, target),
        None => (0, 0),
    };
    STACK.with_borrow_mut(|s| {
        if s.len() < s.capacity() {
            s.push((address(frame), callers));
            keep_top(s);
        }
    });
}

/// A frame leaves the chain: its entry goes, with any above it that were never popped.
fn leaving(frame: &InterpreterFrame) {
    if TARGET.get() == 0 {
        return;
    }
    let frame = address(frame);
    STACK.with_borrow_mut(|s| {
        match s.last() {
            Some(&(top, _)) if top == frame => {
                s.pop();
            }
            _ => {
                if let Some(at) = s.iter().rposition(|&(f, _)| f == frame) {
                    s.truncate(at);
                }
            }
        }
        keep_top(s);
    });
}

/// The place running in `frame`, and its innermost snippet line: its callers' place, with
/// its own code and line added when it is a snippet frame.
#[inline(always)]
fn here(frame: &InterpreterFrame, target: usize) -> Place {
    within(frame, callers_of(frame, target), target)
}

/// The place running in `frame` called from `callers`.
#[inline(always)]
fn within(frame: &InterpreterFrame, callers: Place, target: usize) -> Place {
    let code = frame.code();
    if is_snippets(code, target) {
        let line = line_of(frame);
        (with_frame(callers.0, code, line), line)
    } else {
        callers
    }
}

/// Whether `code` is the snippet's: its interned file name is at `target`.
#[inline(always)]
fn is_snippets(code: &PyCode, target: usize) -> bool {
    core::ptr::from_ref(code.source_path) as usize == target
}

/// The place `frame` was called from: the top of the stack, or read from the chain.
#[inline(always)]
fn callers_of(frame: &InterpreterFrame, target: usize) -> Place {
    match TOP.get() {
        (top, callers) if top == address(frame) => callers,
        _ => callers_from_chain(frame, target),
    }
}

#[cold]
#[inline(never)]
fn callers_from_chain(frame: &InterpreterFrame, target: usize) -> Place {
    // SAFETY: the callers of a running frame are running, and alive.
    match unsafe { frame.previous().as_ref() } {
        Some(caller) => within(caller, callers_from_chain(caller, target), target),
        None => (0, 0),
    }
}

/// The place `callers` with one more snippet frame inside it: never 0, which is no place.
#[inline(always)]
fn with_frame(callers: u64, code: &PyCode, line: u32) -> u64 {
    let seed = if callers == 0 { 0xcbf2_9ce4_8422_2325 } else { callers };
    let hash =
        (seed ^ core::ptr::from_ref(code) as u64).wrapping_mul(0x0100_0000_01b3).rotate_left(17) ^ u64::from(line);
    hash.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1
}

/// The running snippet stack's place and innermost line, `(0, 0)` when no snippet frame
/// runs. `target` is the address of the snippet's interned `co_filename`.
#[inline(always)]
pub(crate) fn current(target: usize) -> Place {
    let frame = current_thread_iframe();
    // SAFETY: the frame chain is the running interpreter's, on this thread; the running
    // frame is alive while it runs.
    match unsafe { frame.as_ref() } {
        Some(frame) => here(frame, target),
        None => (0, 0),
    }
}

/// Calls `f(place, function name, line)` for each running snippet frame, innermost first,
/// with the place running in it, while `f` returns true: what a new place's stack is made
/// from, down to the first place already known.
pub(crate) fn snippet_frames(target: usize, mut f: impl FnMut(u64, &'static PyStrInterned, u32) -> bool) {
    STACK.with_borrow(|stack| {
        let mut below = stack.len();
        let mut frame = current_thread_iframe();
        // SAFETY: as in `current`; the callers of a running frame are running, and alive.
        while let Some(running) = unsafe { frame.as_ref() } {
            let callers = if below > 0 && stack[below - 1].0 == address(running) {
                below -= 1;
                stack[below].1
            } else {
                callers_from_chain(running, target)
            };
            let code = running.code();
            if is_snippets(code, target) {
                let (place, line) = within(running, callers, target);
                if !f(place, code.obj_name, line) {
                    return;
                }
            }
            frame = running.previous();
        }
    });
}

/// The innermost snippet line running, 0 when none: the first snippet frame down the chain,
/// mostly the running frame itself (lines only, and a free, need no place).
#[inline(always)]
pub(crate) fn line(target: usize) -> u32 {
    let mut frame = current_thread_iframe();
    // SAFETY: the frame chain is the running interpreter's, on this thread; frames are
    // only read, and each stays alive while a frame it called is running.
    while let Some(running) = unsafe { frame.as_ref() } {
        if is_snippets(running.code(), target) {
            return line_of(running);
        }
        frame = running.previous();
    }
    0
}

/// The line `frame` is running: the location of its last instruction.
#[inline(always)]
fn line_of(frame: &InterpreterFrame) -> u32 {
    let lasti = frame.get_lasti() as usize;
    frame.code().locations.get(lasti.saturating_sub(1)).map_or(0, |(loc, _)| loc.line.get() as u32)
}
