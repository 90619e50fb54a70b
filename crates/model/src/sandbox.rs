//! What a snippet sees of the world, in one place for both engines: the file name its
//! code runs under, and the modules it may not import, each with the reason it is told.
//! The engine's import shim (`_memplay.UNAVAILABLE`) and the CPython check's driver (sent
//! in each request) read this table; neither keeps a copy.

use std::collections::BTreeMap;

/// The file name a snippet's code runs under: tracebacks, tracemalloc and the per-line
/// figures name it.
pub const SNIPPET_FILENAME: &str = "<snippet>";

const NO_PAGE: &str = "the playground gives Python no access to the page";
const NO_NETWORK: &str = "the playground has no network";
const NO_PROCESSES: &str = "the playground cannot start processes";

/// Modules (and their submodules) a snippet is refused, with the message of the
/// `ModuleNotFoundError` it gets. The page's way into the browser (`js`, Pyodide's own
/// modules), the network and processes are closed in both engines; numpy and pandas are
/// simply not there.
pub const UNAVAILABLE: &[(&str, &str)] = &[
    (
        "numpy",
        "numpy is not available in the playground; use the array module (array.array('d', ...)) \
         for compact numeric arrays",
    ),
    ("pandas", "pandas is not available in the playground; use csv and collections"),
    ("js", NO_PAGE),
    ("_js", NO_PAGE),
    ("browser", NO_PAGE),
    ("pyodide", NO_PAGE),
    ("pyodide_js", NO_PAGE),
    ("_pyodide", NO_PAGE),
    ("_pyodide_core", NO_PAGE),
    ("micropip", NO_PAGE),
    ("socket", NO_NETWORK),
    ("_socket", NO_NETWORK),
    ("ssl", NO_NETWORK),
    ("subprocess", NO_PROCESSES),
    ("multiprocessing", NO_PROCESSES),
    ("ctypes", "the playground gives Python no access to native code"),
    ("_ctypes", "the playground gives Python no access to native code"),
];

/// The refusal for `name`: its own entry, else its top-level package's.
pub fn unavailable(name: &str) -> Option<&'static str> {
    let lookup = |n: &str| UNAVAILABLE.iter().find(|(m, _)| *m == n).map(|(_, why)| *why);
    lookup(name).or_else(|| lookup(name.split('.').next().unwrap_or(name)))
}

/// The table as the CPython driver takes it (a JSON object).
pub fn unavailable_map() -> BTreeMap<&'static str, &'static str> {
    UNAVAILABLE.iter().copied().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submodules_are_refused_with_their_package() {
        assert_eq!(unavailable("pyodide.ffi"), Some(NO_PAGE));
        assert_eq!(unavailable("pyodide.http"), Some(NO_PAGE));
        assert_eq!(unavailable("socket"), Some(NO_NETWORK));
        assert_eq!(unavailable("json"), None);
        assert_eq!(unavailable("jsonschema"), None, "a prefix is not a package");
    }

    #[test]
    fn every_module_is_named_once() {
        assert_eq!(unavailable_map().len(), UNAVAILABLE.len());
    }
}
