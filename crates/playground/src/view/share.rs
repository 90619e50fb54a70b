//! "Share & embed" (the full page) and an embed's link to the playground: the addresses and
//! embed code of the current snippets, as the reader's choices ask.

use crate::{ShareOptions, State, embed_code, page_url, readable_embed_code};

/// What "Share & embed" shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareView {
    /// "Run when opened" and "Scale when opened" are ticked.
    pub run: bool,
    pub sweep: bool,
    /// The link to these snippets, or why there is none (too long, say).
    pub link: Result<String, String>,
    /// The embed code for a blog post (an iframe and the script that sizes it).
    pub embed: String,
    /// The snippets as text, for embed.js to make live.
    pub readable: String,
}

impl State {
    pub fn share_view(&self) -> ShareView {
        let ShareOptions { run, sweep } = self.share;
        let base = &self.page_base;
        let shared = self.shared();
        let (link, embed) = match self.share_fragment(run, sweep) {
            Ok(fragment) => (Ok(page_url(base, &fragment)), embed_code(base, &fragment, &self.headline())),
            Err(e) => (Err(format!("No link: {e}.")), String::new()),
        };
        let (a, b) = (&shared.a, &shared.b);
        let readable = readable_embed_code(base, (&a.title, &a.code), (&b.title, &b.code), run, sweep);
        ShareView { run, sweep, link, embed, readable }
    }

    /// An embed's "Open in the playground": the full page with these snippets.
    pub fn playground_url(&self) -> String {
        match self.share_fragment(false, false) {
            Ok(fragment) => page_url(&self.page_base, &fragment),
            Err(_) => self.page_base.clone(),
        }
    }
}
