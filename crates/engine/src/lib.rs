//! The measuring engine: runs a Python snippet in a fresh RustPython interpreter under the
//! counting allocator and reports what it did to memory. Pure Rust: the same code runs in
//! the command line, the tests and the browser's worker.

mod alloc;
mod captured;
mod events;
mod header;
mod host;
mod interp;
mod kinds;
mod live_at_peak;
mod meter;
mod run;
mod shadow_stack;
mod shims;
mod sites;
mod stacks;
mod stdlib;
mod stdlib_hash;
mod timeline;
mod tracemalloc;
mod vfs;

pub use alloc::{CountingAlloc, heap_live};
pub use events::EventHost;
#[cfg(not(target_arch = "wasm32"))]
pub use host::NativeHost;
pub use host::{Host, Stream};
pub use memplay_model::imported_modules;
#[cfg(not(target_arch = "wasm32"))]
pub use run::run_on_big_stack;
pub use run::{Counting, SNIPPET_FILENAME, engine_info, run, run_counting, run_delivering, warm_up};
pub use stdlib::{Fetch, STDLIB_BUNDLE, set_stdlib_fetch, stdlib_bundle_loaded_by};
