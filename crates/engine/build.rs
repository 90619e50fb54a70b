//! `py_freeze!` compiles crates/engine/py into the crate at build time, but cargo does not
//! know the macro reads those files: this makes an edit there rebuild the engine.
fn main() {
    println!("cargo:rerun-if-changed=py");
}
