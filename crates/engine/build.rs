//! `py_freeze!` compiles crates/engine/py into the crate at build time, but cargo does not
//! know the macro reads those files: this makes an edit there rebuild the engine.
//! `MEMPLAY_TEST_HOOKS=1` compiles in `_memplay_test`, the module the browser tests use to
//! make the engine panic or trap on purpose; no other build has it.
fn main() {
    println!("cargo:rerun-if-changed=py");
    println!("cargo:rerun-if-env-changed=MEMPLAY_TEST_HOOKS");
    println!("cargo::rustc-check-cfg=cfg(memplay_test_hooks)");
    if std::env::var("MEMPLAY_TEST_HOOKS").is_ok_and(|v| v == "1") {
        println!("cargo:rustc-cfg=memplay_test_hooks");
    }
}
