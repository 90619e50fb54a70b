//! The engine worker's native stack. On wasm32 Rust keeps its own ("shadow") stack in
//! linear memory, 1 MiB by default, while the browser gives the wasm frames themselves
//! about 1 MB of machine stack. RustPython turns deep native recursion into
//! `RecursionError` when the shadow stack runs low, but with 1 MiB the browser's stack runs
//! out first (a `RangeError` that kills the worker). A smaller shadow stack makes
//! RustPython's check fire first; BENCHMARKS.md has the measurements behind the size.
const WORKER_STACK_BYTES: u32 = 320 * 1024;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32") {
        println!("cargo:rustc-link-arg-bin=worker=-zstack-size={WORKER_STACK_BYTES}");
    }
}
