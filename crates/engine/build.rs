//! Build steps of the engine:
//! - The standard library in two parts (see `stdlib-core.txt`): the listed modules are
//!   compiled to frozen bytecode that the engine embeds (`stdlib-core.bin`), every other
//!   module of RustPython's Lib/ to one bundle (`stdlib-lazy.bin`, and its file name for
//!   dist/ in `stdlib-lazy.name`) that the page fetches on first use.
//! - `py_freeze!` compiles crates/engine/py into the crate, but cargo does not know the
//!   macro reads those files: this makes an edit there rebuild the engine.
//! - `MEMPLAY_TEST_HOOKS=1` compiles in `_memplay_test`, the module the browser tests use
//!   to make the engine panic or trap on purpose; no other build has it.

#[path = "src/stdlib_hash.rs"]
mod stdlib_hash;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use rustpython_compiler::{CompileOpts, Mode, compile};
use rustpython_compiler_core::frozen::{FrozenCodeObject, FrozenLib, FrozenModule};

/// Packages of Lib/ left out of the bundle: no use without a screen, a network, processes
/// or a package installer, or documentation only.
const LEFT_OUT: &[&str] =
    &["test", "idlelib", "tkinter", "turtledemo", "ensurepip", "venv", "pydoc_data", "_pyrepl", "lib2to3"];

fn main() {
    println!("cargo:rerun-if-changed=py");
    println!("cargo:rerun-if-changed=stdlib-core.txt");
    println!("cargo:rerun-if-changed=src/stdlib_hash.rs");
    println!("cargo:rerun-if-env-changed=MEMPLAY_TEST_HOOKS");
    println!("cargo::rustc-check-cfg=cfg(memplay_test_hooks)");
    if std::env::var("MEMPLAY_TEST_HOOKS").is_ok_and(|v| v == "1") {
        println!("cargo:rustc-cfg=memplay_test_hooks");
    }
    split_stdlib();
}

/// A module of Lib/: its dotted name, source file and whether it is a package.
struct Source {
    path: PathBuf,
    package: bool,
}

fn split_stdlib() {
    let lib = Path::new(rustpython_pylib::LIB_PATH);
    let mut sources = BTreeMap::new();
    collect(lib, "", &mut sources);
    let listed = std::fs::read_to_string("stdlib-core.txt").expect("read stdlib-core.txt");
    let mut core = BTreeSet::new();
    let mut unknown = Vec::new();
    for line in listed.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let matched: Vec<&String> = match line.strip_suffix(".*") {
            Some(pkg) => sources.keys().filter(|n| *n == pkg || n.starts_with(&format!("{pkg}."))).collect(),
            None => sources.keys().filter(|n| *n == line).collect(),
        };
        if matched.is_empty() {
            unknown.push(line);
        }
        core.extend(matched.into_iter().cloned());
    }
    assert!(unknown.is_empty(), "stdlib-core.txt: not Python modules of Lib/: {unknown:?}");
    let (core_mods, lazy_mods): (Vec<_>, Vec<_>) = sources.iter().partition(|(name, _)| core.contains(*name));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap());
    let (core_bytes, failed) = freeze(&core_mods);
    assert!(failed.is_empty(), "stdlib-core.txt: these do not compile: {failed:?}");
    let (lazy_bytes, _) = freeze(&lazy_mods);
    std::fs::write(out.join("stdlib-core.bin"), &core_bytes).unwrap();
    std::fs::write(out.join("stdlib-lazy.bin"), &lazy_bytes).unwrap();
    std::fs::write(out.join("stdlib-lazy.name"), stdlib_hash::bundle_name(&lazy_bytes)).unwrap();
    let index: String =
        lazy_mods.iter().map(|(n, s)| format!("{n}{}\n", if s.package { " package" } else { "" })).collect();
    std::fs::write(out.join("stdlib-lazy.index"), index).unwrap();
}

/// The Python modules under `dir`, named as `import` names them.
fn collect(dir: &Path, parent: &str, into: &mut BTreeMap<String, Source>) {
    for entry in std::fs::read_dir(dir).expect("list Lib/").flatten() {
        let path = entry.path();
        let file = entry.file_name().to_string_lossy().into_owned();
        let dotted = |stem: &str| if parent.is_empty() { stem.to_owned() } else { format!("{parent}.{stem}") };
        if path.is_dir() {
            if !(parent.is_empty() && LEFT_OUT.contains(&file.as_str())) && !file.contains('-') {
                collect(&path, &dotted(&file), into);
            }
        } else if let Some(stem) = file.strip_suffix(".py") {
            println!("cargo:rerun-if-changed={}", path.display());
            let (name, package) = if stem == "__init__" { (parent.to_owned(), true) } else { (dotted(stem), false) };
            if !name.is_empty() {
                into.insert(name, Source { path, package });
            }
        }
    }
}

/// Standard-library code without docstrings or column positions (CPython's `-OO` and
/// `-X no_debug_ranges`): a fifth smaller, and snippets do not read them.
fn opts() -> CompileOpts {
    CompileOpts { optimize: 2, debug_ranges: false, ..CompileOpts::default() }
}

/// `data` as an LZ4 block of literals only (with its size in front, as `lz4_flex` reads
/// it): the engine decodes it like any frozen module, and the files compress far better
/// under brotli or gzip on the wire than with LZ4 inside (measured in BENCHMARKS.md).
fn stored_lz4(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + data.len() / 255 + 16);
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    if data.is_empty() {
        out.push(0);
        return out;
    }
    let n = data.len();
    out.push(if n >= 15 { 0xF0 } else { (n as u8) << 4 });
    if n >= 15 {
        let mut rest = n - 15;
        while rest >= 255 {
            out.push(255);
            rest -= 255;
        }
        out.push(rest as u8);
    }
    out.extend_from_slice(data);
    out
}

/// Compiles modules as `py_freeze!` does and encodes them as one `FrozenLib`, with the
/// names of files that do not compile (Lib/ has a few on purpose, for CPython's tests),
/// which are left out.
fn freeze(modules: &[(&String, &Source)]) -> (Vec<u8>, Vec<String>) {
    let mut failed = Vec::new();
    let compiled: Vec<(&str, FrozenModule<Vec<u8>>)> = modules
        .iter()
        .filter_map(|(name, src)| {
            let text = std::fs::read_to_string(&src.path).ok();
            let code = text.and_then(|t| compile(&t, Mode::Exec, name, opts()).ok());
            let Some(code) = code else {
                failed.push(name.to_string());
                return None;
            };
            let mut marshalled = Vec::new();
            rustpython_compiler_core::marshal::serialize_code(&mut marshalled, &code);
            Some((
                name.as_str(),
                FrozenModule { code: FrozenCodeObject { bytes: stored_lz4(&marshalled) }, package: src.package },
            ))
        })
        .collect();
    let lib =
        FrozenLib::encode(compiled.iter().map(|(n, m)| {
            (*n, FrozenModule { code: FrozenCodeObject { bytes: &m.code.bytes[..] }, package: m.package })
        }));
    (lib.bytes, failed)
}
