//! The engine's integration tests, in one binary: each module is one concern, and they
//! share the counting allocator and the runner in `common`. (One binary links RustPython
//! once. `determinism.rs`, `heap.rs` and `stdlib_split.rs` keep binaries of their own: they
//! read what is process-wide, which tests running alongside would move.)

mod common;

mod at_peak;
mod errors_and_limits;
mod growth;
mod kinds;
mod measurement;
mod presets;
mod sandbox;
mod shadow_stack;
mod tools;
