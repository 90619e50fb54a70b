//! "What the figures mean": the page's words, each in a line a tutorial reader can follow,
//! for the help the results offer. The figures' own meanings come from the model
//! (`Figure::meaning`), so the CLI and the page say the same.

use memplay_model::{Figure, TIME_NOISE_MS};

/// The full page's footnote: whose figures these are, and what the CPython check is for.
pub const HONESTY_NOTE: &str = "Figures are RustPython's, measured by counting every allocation of the interpreter \
    running in your browser (32-bit WebAssembly: pointers are 4 bytes). CPython's absolute sizes differ; \
    \u{201c}Check on CPython\u{201d} runs both snippets under CPython's tracemalloc (Pyodide) and says whether it \
    agrees.";

/// (word, meaning), in the order a reader meets them on the page.
pub fn glossary() -> Vec<(&'static str, String)> {
    let mut words: Vec<(&'static str, String)> =
        Figure::ALL.iter().map(|f| (f.label(), f.meaning().to_owned())).collect();
    words.extend([
        ("B vs A", format!(
            "How B's figure compares with A's: \"82× lower\" means B needs 82 times less. \"same\" means within 5 % \
             (for time, within {TIME_NOISE_MS:.0} ms)."
        )),
        ("so far", "The run did not finish (an error, a limit, Stop): its figures are what it reached before it ended, and no ratio is taken against them.".to_owned()),
        ("Gutter marks", "Beside each line: +3.8 MiB it kept, −3.8 MiB it freed, ~48 KiB it made and let go at once; ▲ what it made that was still alive at the peak.".to_owned()),
        ("At the peak", "What was alive at the moment of each snippet's peak, by the line that made it: each side at its own peak.".to_owned()),
        ("Objects and kinds", "Python objects by type, as type(x).__name__ names them. A container's own storage counts with it: a list's array of items is \"list\", a dict's table \"dict\".".to_owned()),
        ("(interpreter)", "Memory the interpreter used while running the snippet that belongs to no single Python object: frames, caches, buffers.".to_owned()),
        ("Check on CPython", "Runs both snippets again in CPython (the usual Python, compiled for the browser by Pyodide) under tracemalloc, Python's own memory tracer. Absolute sizes differ between the two; the direction of a comparison usually carries over.".to_owned()),
        ("Scale and fit", "Scale re-runs both snippets at a series of sizes. \"fit 1.00\" says how well a straight line (or curve) follows the points: 1.00 is a perfect fit.".to_owned()),
    ]);
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_and_every_word_on_the_page_is_explained_once() {
        let words = glossary();
        let mut names: Vec<&str> = words.iter().map(|(w, _)| *w).collect();
        for f in Figure::ALL {
            assert!(names.contains(&f.label()), "{} is explained", f.label());
        }
        for w in ["so far", "(interpreter)", "Check on CPython"] {
            assert!(names.contains(&w), "{w}");
        }
        assert!(words.iter().any(|(_, m)| m.contains("tracemalloc") && m.contains("Pyodide")));
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), words.len());
        assert!(words.iter().all(|(_, m)| m.ends_with('.') && !m.contains("allocator")), "plain words");
    }
}
