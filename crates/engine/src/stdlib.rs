//! The Python standard library in two parts (built by `build.rs` from `stdlib-core.txt`):
//! the modules memory snippets need are frozen into the engine; every other module is in
//! one bundle, fetched once per process on the first import of a module from it. On the
//! page that is a download (the worker's fetcher); natively the bundle is built in.

use std::collections::HashMap;
use std::sync::OnceLock;

use rustpython_compiler_core::frozen::{FrozenLib, FrozenModule};

use crate::stdlib_hash::bundle_name;

static CORE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib-core.bin"));
static LAZY_INDEX: &str = include_str!(concat!(env!("OUT_DIR"), "/stdlib-lazy.index"));
#[cfg(not(target_arch = "wasm32"))]
static LAZY_BUILT_IN: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/stdlib-lazy.bin"));

/// The bundle's file name next to the worker's script (it names the content, so it can be
/// cached for good).
pub const STDLIB_BUNDLE: &str = include_str!(concat!(env!("OUT_DIR"), "/stdlib-lazy.name"));

/// Gets the bundle's bytes; `module` is the import that needs it (for a progress note).
pub type Fetch = fn(module: &str) -> Result<Vec<u8>, String>;

static FETCH: OnceLock<Fetch> = OnceLock::new();
static LOADED: OnceLock<&'static [u8]> = OnceLock::new();
static LOADED_BY: OnceLock<String> = OnceLock::new();

/// How this process gets the bundle. Without a fetcher, a native engine uses the built-in
/// copy and one on wasm cannot import anything from the bundle.
pub fn set_stdlib_fetch(fetch: Fetch) {
    let _ = FETCH.set(fetch);
}

/// The frozen part. The bundle's modules are always imported through `_StdlibBundle` (in
/// the boot script), also once the bundle is in, so that an import costs the same in the
/// run that fetched the bundle as in every later one.
pub(crate) fn frozen_modules() -> impl Iterator<Item = (&'static str, FrozenModule)> {
    FrozenLib::from_ref(CORE).decode()
}

/// Whether the bundle has `module`, and if so whether it is a package.
pub(crate) fn in_bundle(module: &str) -> Option<bool> {
    static INDEX: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        LAZY_INDEX.lines().map(|l| l.strip_suffix(" package").map_or((l, false), |n| (n, true))).collect()
    });
    index.get(module).copied()
}

/// The import that made this process fetch the bundle, if one has.
pub fn stdlib_bundle_loaded_by() -> Option<&'static str> {
    LOADED_BY.get().map(String::as_str)
}

/// `module`'s frozen code from the bundle, fetching the bundle first if need be.
pub(crate) fn bundle_module(module: &str) -> Result<FrozenModule, String> {
    FrozenLib::from_ref(bundle(module)?)
        .decode()
        .find(|(name, _)| *name == module)
        .map(|(_, m)| m)
        .ok_or_else(|| format!("{module} is not in {STDLIB_BUNDLE}"))
}

/// The bundle, from the fetcher (checked against the name it was built under, which is
/// its fingerprint) or built in; kept for the rest of the process.
fn bundle(module: &str) -> Result<&'static [u8], String> {
    if let Some(bytes) = LOADED.get() {
        return Ok(bytes);
    }
    let bytes: &'static [u8] = match FETCH.get() {
        Some(fetch) => {
            let fetched = fetch(module)?;
            if bundle_name(&fetched) != STDLIB_BUNDLE {
                return Err(format!("{STDLIB_BUNDLE} does not match this engine (a stale copy?); reload the page"));
            }
            Box::leak(fetched.into_boxed_slice())
        }
        None => built_in()?,
    };
    let _ = LOADED_BY.set(module.to_owned());
    Ok(LOADED.get_or_init(|| bytes))
}

#[cfg(not(target_arch = "wasm32"))]
fn built_in() -> Result<&'static [u8], String> {
    Ok(LAZY_BUILT_IN)
}

#[cfg(target_arch = "wasm32")]
fn built_in() -> Result<&'static [u8], String> {
    Err("this engine has no way to fetch the rest of the standard library".to_owned())
}
