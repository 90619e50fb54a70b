//! Shared by the engine's integration tests: the counting allocator and a runner.
#![allow(dead_code, reason = "each test binary uses the helpers it needs")]

use memplay_engine::{CountingAlloc, NativeHost, run_on_big_stack};
use memplay_model::{RunOptions, RunReport};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::system();

pub fn run(code: &str) -> RunReport {
    run_with(code, &RunOptions::default())
}

pub fn run_with(code: &str, options: &RunOptions) -> RunReport {
    run_on_big_stack(code, options, &mut NativeHost::default())
}

/// Runs and fails the test, showing the error, if the snippet did not finish.
pub fn run_ok(code: &str) -> RunReport {
    let r = run(code);
    assert!(r.error.is_none(), "snippet failed: {:#?}\nstdout: {}", r.error, r.stdout);
    r
}
