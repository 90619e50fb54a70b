//! The link format as `www/embed.js` reads it. embed.js runs in an author's post, without
//! the page's wasm, so it keeps the format as one line of JavaScript that this module
//! writes; `crates/playground/tests/embed_js.rs` fails when the line in embed.js is not
//! this one.

use super::{CPYTHON_FLAG, EMBED_HEIGHT, EMBED_QUERY, IDLE_QUERY, PRESET_PART, RUN_FLAG, SWEEP_FLAG, VERSION};

/// The line that declares `LINK` in embed.js.
pub fn embed_js_table() -> String {
    let fields = [
        ("snippets", format!("\"v{VERSION}\"")),
        ("preset", format!("\"{PRESET_PART}\"")),
        ("run", format!("\"{RUN_FLAG}\"")),
        ("sweep", format!("\"{SWEEP_FLAG}\"")),
        ("cpython", format!("\"{CPYTHON_FLAG}\"")),
        ("embed", format!("\"{EMBED_QUERY}\"")),
        ("idle", format!("\"{IDLE_QUERY}\"")),
        ("height", EMBED_HEIGHT.to_string()),
    ];
    let body: Vec<String> = fields.iter().map(|(k, v)| format!("{k}: {v}")).collect();
    format!("const LINK = {{ {} }};", body.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_names_every_part_of_the_format() {
        assert_eq!(
            embed_js_table(),
            "const LINK = { snippets: \"v1\", preset: \"preset\", run: \"run\", sweep: \"sweep\", \
             cpython: \"cpython\", embed: \"embed\", idle: \"idle\", height: 640 };"
        );
    }
}
