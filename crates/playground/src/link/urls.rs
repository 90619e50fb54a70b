//! The addresses and snippets built from a link: the playground page, the embed frame and
//! the embed code an author pastes into a post.

/// The query that opens the page as the compact embed (`?embed`).
pub const EMBED_QUERY: &str = "embed";
/// The embed's query part giving its idle delay off screen, in seconds (`idle=30`).
pub const IDLE_QUERY: &str = "idle";
/// The height (CSS px) of an embed's iframe until the embed reports its own.
pub const EMBED_HEIGHT: u32 = 640;

/// The value of `key` in a page address's query (`?embed&idle=30`): `Some("")` for a key
/// given without one, `None` for a key not there.
pub fn query_part<'a>(search: &'a str, key: &str) -> Option<&'a str> {
    search.trim_start_matches('?').split('&').find_map(|part| {
        let (k, value) = part.split_once('=').unwrap_or((part, ""));
        (k == key).then_some(value)
    })
}

/// The playground page for `fragment`; `base` is the page's address without query or
/// fragment (`https://example.org/memplay/`).
pub fn page_url(base: &str, fragment: &str) -> String {
    format!("{base}#{fragment}")
}

/// The compact embed of `fragment`.
pub fn embed_url(base: &str, fragment: &str) -> String {
    format!("{base}?{EMBED_QUERY}#{fragment}")
}

/// What "Copy embed code" gives: the iframe, and the script that sizes it to its content
/// (and turns `<div data-memplay>` blocks into embeds).
pub fn embed_code(base: &str, fragment: &str, title: &str) -> String {
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT}\" loading=\"lazy\" \
         style=\"border:0;max-width:100%\" data-memplay-frame></iframe>\n\
         <script src=\"{}\" async></script>\n",
        attribute(&embed_url(base, fragment)),
        attribute(&format!("memplay: {title}")),
        attribute(&format!("{dir}embed.js")),
    )
}

/// The embed code an author can read and edit in the post: the two snippets as text in
/// `<pre>` blocks, which `embed.js` turns into a live comparison (and which stay readable
/// without JavaScript). `run` and `sweep` start it on open.
pub fn readable_embed_code(base: &str, a: (&str, &str), b: (&str, &str), run: bool, sweep: bool) -> String {
    let dir = match base.rfind('/') {
        Some(i) => &base[..=i],
        None => "",
    };
    let flags = format!("{}{}", if run { " data-run" } else { "" }, if sweep { " data-sweep" } else { "" });
    let pre = |(title, code): (&str, &str)| {
        format!("  <pre data-title=\"{}\">{}</pre>\n", attribute(title), attribute(code.trim_end_matches('\n')))
    };
    format!(
        "<div data-memplay{flags}>\n{}{}</div>\n<script src=\"{}\" async></script>\n",
        pre(a),
        pre(b),
        attribute(&format!("{dir}embed.js"))
    )
}

/// Text made safe inside a double-quoted HTML attribute.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_readable_embed_holds_the_snippets_as_text() {
        let code = readable_embed_code(
            "https://ex.org/mp/index.html",
            ("list", "xs = [i for i in range(10)]\nprint(len(xs) < 3)\n"),
            ("a \"gen\"", "xs = (i for i in range(10))\n"),
            true,
            false,
        );
        assert_eq!(
            code,
            "<div data-memplay data-run>\n  <pre data-title=\"list\">xs = [i for i in range(10)]\nprint(len(xs) &lt; 3)</pre>\n  \
             <pre data-title=\"a &quot;gen&quot;\">xs = (i for i in range(10))</pre>\n</div>\n\
             <script src=\"https://ex.org/mp/embed.js\" async></script>\n"
        );
    }

    #[test]
    fn embed_code_points_at_the_frame_and_the_script_beside_the_page() {
        let code = embed_code("https://ex.org/mp/index.html", "preset=keep-vs-del&run", "a \"b\" <c>");
        assert!(code.contains("src=\"https://ex.org/mp/index.html?embed#preset=keep-vs-del&amp;run\""), "{code}");
        assert!(code.contains("title=\"memplay: a &quot;b&quot; &lt;c&gt;\""), "{code}");
        assert!(code.contains("<script src=\"https://ex.org/mp/embed.js\" async></script>"), "{code}");
        assert_eq!(page_url("https://ex.org/", "v1=x"), "https://ex.org/#v1=x");
    }
}
