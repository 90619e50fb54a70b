//! `www/embed.js` runs in an author's post without the page's wasm, so it keeps the link
//! format as one line. That line is the one the page's code writes.

use std::path::Path;

#[test]
fn embed_js_reads_links_as_the_page_writes_them() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../www/embed.js");
    let script = std::fs::read_to_string(&path).expect("www/embed.js");
    let table = memplay_playground::embed_js_table();
    let declared: Vec<&str> = script.lines().map(str::trim).filter(|l| l.starts_with("const LINK =")).collect();
    assert_eq!(declared, [table.as_str()], "www/embed.js must declare, on one line:\n{table}");
}
