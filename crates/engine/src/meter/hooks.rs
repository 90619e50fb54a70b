//! How the allocator and the shims reach the meter: the thread's active meter (set while a
//! run is measured), and the hooks the counting allocator calls on every block. Each hook
//! marks the meter busy while it works, so that what the meter allocates is not counted.

use core::cell::Cell;
use core::ptr::null_mut;

use memplay_model::TimelinePoint;

use super::Meter;
use crate::header::Tag;

thread_local! {
    static ACTIVE: Cell<*mut Meter> = const { Cell::new(null_mut()) };
}

/// A meter made the active one for this thread; deactivated on drop.
pub(crate) struct Active {
    meter: Option<Box<Meter>>,
    _following: Option<crate::shadow_stack::Following>,
}

impl Active {
    /// Starts measuring: counters from here on are relative to this moment.
    pub fn start(mut meter: Box<Meter>) -> Self {
        rustpython_vm::alloc_owner::set_adopt_hook(adopt);
        let following = meter.sites.stacks().then(|| crate::shadow_stack::Following::start(meter.snippet_path));
        meter.start_ms = meter.now_ms();
        meter.last_progress_ms = meter.start_ms;
        meter.timeline.push(TimelinePoint { live_bytes: 0, line: 0 });
        ACTIVE.with(|a| a.set(&mut *meter));
        with_active(|m| m.host().started());
        Self { meter: Some(meter), _following: following }
    }

    /// Empties the thread's freelists (`rustpython_vm::process_memory::release_caches`),
    /// counting the frees of the blocks this run made and no other.
    pub fn release_caches(&self) {
        with_active(|m| m.only_own_frees = true);
        rustpython_vm::process_memory::release_caches();
        with_active(|m| m.only_own_frees = false);
    }

    /// Stops measuring and hands the meter back, with a last timeline point.
    pub fn stop(mut self) -> Box<Meter> {
        ACTIVE.with(|a| a.set(null_mut()));
        let mut meter = self.meter.take().expect("an active meter");
        meter.send_output();
        let point = TimelinePoint { live_bytes: meter.live, line: meter.line as u32 };
        meter.timeline.push(point);
        meter
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(null_mut()));
    }
}

/// Runs `f` with the active meter, if any, with counting paused inside.
pub(crate) fn with_active<R>(f: impl FnOnce(&mut Meter) -> R) -> Option<R> {
    let ptr = ACTIVE.try_with(Cell::get).unwrap_or(null_mut());
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the pointer is set only while `Active` owns the meter, on this thread.
    let m = unsafe { &mut *ptr };
    let was_busy = core::mem::replace(&mut m.busy, true);
    let r = f(m);
    m.busy = was_busy;
    Some(r)
}

/// Runs `f` uncounted: with the active meter paused if there is one.
pub(crate) fn paused<R>(f: impl FnOnce() -> R) -> R {
    let mut f = Some(f);
    match with_active(|_| f.take().map(|f| f())) {
        Some(Some(r)) => r,
        _ => (f.take().expect("f has not run"))(),
    }
}

#[inline(always)]
fn active_idle() -> Option<&'static mut Meter> {
    let ptr = ACTIVE.try_with(Cell::get).unwrap_or(null_mut());
    if ptr.is_null() {
        return None;
    }
    // SAFETY: as in `with_active`; a busy meter is the meter's own work, not counted.
    let m = unsafe { &mut *ptr };
    // What the interpreter makes for the process (an interned string, a static type: the
    // vendored rustpython-vm says) outlives the run, and only the first run that needs it
    // makes it: it is not the snippet's (vendor/README.md).
    if m.busy || rustpython_vm::process_memory::making() { None } else { Some(m) }
}

/// The meter's answer to an allocation request.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Admit {
    /// Past the memory limit: the allocator returns null.
    Refuse,
    Allow,
}

fn admit(tag: Option<Tag>) -> (Admit, Tag) {
    match tag {
        None => (Admit::Refuse, Tag::NONE),
        Some(tag) => (Admit::Allow, tag),
    }
}

#[inline(always)]
pub(crate) fn on_alloc(size: usize) -> (Admit, Tag) {
    match active_idle() {
        None => (Admit::Allow, Tag::NONE),
        Some(m) => {
            m.busy = true;
            let tag = m.record_alloc(size);
            m.busy = false;
            admit(tag)
        }
    }
}

#[inline(always)]
pub(crate) fn on_free(size: usize, tag: Tag) {
    if let Some(m) = active_idle() {
        m.busy = true;
        m.record_free(size, tag);
        m.busy = false;
    }
}

/// A buffer handed to its object's type (`rustpython_vm::alloc_owner::adopt`).
fn adopt(block: *const u8, bytes: usize, owner: rustpython_vm::alloc_owner::Owner) {
    if let Some(m) = active_idle() {
        m.busy = true;
        m.adopt(block, bytes, owner);
        m.busy = false;
    }
}

pub(crate) fn on_realloc(old: usize, new: usize, tag: Tag) -> (Admit, Tag) {
    match active_idle() {
        // Outside a run a block keeps its header: it was made where it was made.
        None => (Admit::Allow, tag),
        Some(m) => {
            m.busy = true;
            let tag = m.record_realloc(old, new, tag);
            m.busy = false;
            admit(tag)
        }
    }
}
