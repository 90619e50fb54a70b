//! The files a comparison (or a sweep) can be taken out as, made by the same model
//! functions as the CLI's `--json`, `--markdown`, `--svg`, `--timeline-svg` and `--card`
//! (`memplay sweep --json`, `--markdown`, `--svg`).

use memplay_model::{
    Comparison, CpythonCheck, Results, Sweep, card_svg_checked, markdown, svg, sweep_markdown, sweep_svg, timeline_svg,
};

/// What a comparison's files are made from: the comparison (with its output) and CPython's
/// check of it, when there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported {
    pub comparison: Comparison,
    pub cpython: Option<CpythonCheck>,
}

/// One kind of file: a stable id, the button's label, the file's suffix, how its text is
/// made, and whether the page rasterizes that text (an SVG) to PNG.
pub struct Export<T: 'static = Exported> {
    pub id: &'static str,
    pub label: &'static str,
    pub suffix: &'static str,
    pub mime: &'static str,
    pub make: fn(&T, &str, &str) -> String,
    pub png: bool,
}

const SVG: &str = "image/svg+xml";

/// How long a saved file's address outlives the click that saves it: the browser reads the
/// file after the click returns, and the address holds the file's bytes until revoked.
pub const EXPORT_URL_MS: u64 = 30_000;

pub const EXPORTS: [Export; 8] = [
    Export { id: "json", label: "JSON", suffix: "json", mime: "application/json", make: comparison_json, png: false },
    Export { id: "markdown", label: "Markdown table", suffix: "md", mime: "text/markdown", make: table, png: false },
    Export { id: "chart-svg", label: "Chart SVG", suffix: "chart.svg", mime: SVG, make: bars, png: false },
    Export { id: "chart-png", label: "Chart PNG", suffix: "chart.png", mime: SVG, make: bars, png: true },
    Export { id: "timeline-svg", label: "Timeline SVG", suffix: "timeline.svg", mime: SVG, make: timeline, png: false },
    Export { id: "timeline-png", label: "Timeline PNG", suffix: "timeline.png", mime: SVG, make: timeline, png: true },
    Export { id: "card-png", label: "Results card PNG", suffix: "card.png", mime: SVG, make: card, png: true },
    Export { id: "card-svg", label: "Results card SVG", suffix: "card.svg", mime: SVG, make: card, png: false },
];

/// A sweep's files: what `memplay sweep` prints and draws.
pub const SWEEP_EXPORTS: [Export<Sweep>; 4] = [
    Export { id: "sweep-json", label: "JSON", suffix: "sweep.json", mime: "application/json", make: json, png: false },
    Export {
        id: "sweep-markdown",
        label: "Markdown table",
        suffix: "sweep.md",
        mime: "text/markdown",
        make: sweep_markdown,
        png: false,
    },
    Export { id: "sweep-svg", label: "Chart SVG", suffix: "sweep.svg", mime: SVG, make: sweep_svg, png: false },
    Export { id: "sweep-png", label: "Chart PNG", suffix: "sweep.png", mime: SVG, make: sweep_svg, png: true },
];

/// `memplay compare --markdown` (with `--cpython` when checked).
fn table(e: &Exported, a: &str, b: &str) -> String {
    markdown(&e.comparison, e.cpython.as_ref(), a, b)
}

fn bars(e: &Exported, a: &str, b: &str) -> String {
    svg(&e.comparison, a, b)
}

fn timeline(e: &Exported, a: &str, b: &str) -> String {
    timeline_svg(&e.comparison, a, b)
}

fn card(e: &Exported, a: &str, b: &str) -> String {
    card_svg_checked(&e.comparison, e.cpython.as_ref(), a, b)
}

/// The CLI's `compare --json` (with its `cpython` member when checked).
fn comparison_json(e: &Exported, a: &str, b: &str) -> String {
    json(&Results::checked(&e.comparison, e.cpython.as_ref()), a, b)
}

/// The CLI's `sweep --json`.
fn json<T: serde::Serialize>(c: &T, _: &str, _: &str) -> String {
    serde_json::to_string_pretty(c).unwrap_or_default()
}

/// `memplay-list-vs-generator.chart.svg` from the two titles.
pub fn file_name(a_title: &str, b_title: &str, suffix: &str) -> String {
    let words = format!("{a_title} vs {b_title}").to_lowercase();
    let mut stem = String::new();
    for c in words.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem: String = stem.trim_end_matches('-').chars().take(48).collect();
    let stem = stem.trim_end_matches('-');
    format!("memplay-{}.{suffix}", if stem.is_empty() { "comparison" } else { stem })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_plain_and_bounded() {
        assert_eq!(file_name("list", "generator", "md"), "memplay-list-vs-generator.md");
        assert_eq!(file_name("<A> / «B»", "", "json"), "memplay-a-b-vs.json");
        assert_eq!(file_name("", "", "card.png"), "memplay-vs.card.png");
        assert!(file_name(&"x".repeat(500), "y", "svg").len() < 70);
    }

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = EXPORTS.iter().map(|e| e.id).chain(SWEEP_EXPORTS.iter().map(|e| e.id)).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), EXPORTS.len() + SWEEP_EXPORTS.len());
    }
}
