//! Share links: the whole comparison in the URL fragment, so a static page can be handed
//! on without a server.
//!
//! A fragment is `&`-separated parts. One names the content:
//! - `v1=PAYLOAD`: both snippets, titles, preset and settings as JSON, deflated (raw
//!   deflate) and base64url-encoded without padding (see `payload`);
//! - `preset=ID`: a ready-made preset, the short form for an unedited preset.
//!
//! `run` (or `run=1`) asks the page to run the comparison on open; `sweep` (or `sweep=1`)
//! asks it to sweep the snippets' size instead (the Scale button); `cpython` runs the
//! comparison and checks it on CPython. Unknown parts are
//! ignored, so later versions can add options; `v2=…` and up name newer formats and are
//! refused with a message. Decoding never panics and caps both the encoded and the
//! decoded size.

mod embed_table;
mod payload;
mod urls;

use std::fmt;

use memplay_model::preset;

pub use embed_table::embed_js_table;
pub use urls::{
    EMBED_HEIGHT, EMBED_QUERY, IDLE_QUERY, embed_code, embed_url, page_url, query_part, readable_embed_code,
};

use crate::{PaneDraft, Settings};

/// The longest fragment read or written (characters).
pub const MAX_FRAGMENT: usize = 64 * 1024;
/// The most a payload may unpack to (bytes of JSON).
pub const MAX_DECODED: usize = 256 * 1024;
/// Titles longer than this are cut (characters).
pub const MAX_TITLE: usize = 120;
/// The format version this page writes.
pub const VERSION: u32 = 1;
/// The fragment's part naming a preset (`preset=ID`).
pub const PRESET_PART: &str = "preset";
/// The fragment's flags: run on open, sweep on open, run and check on CPython on open.
pub const RUN_FLAG: &str = "run";
pub const SWEEP_FLAG: &str = "sweep";
pub const CPYTHON_FLAG: &str = "cpython";

/// What a link carries: the snippets with their titles, the preset they came from (while
/// unedited) and the settings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shared {
    pub a: PaneDraft,
    pub b: PaneDraft,
    pub preset: Option<String>,
    pub settings: Settings,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LinkContent {
    Snippets(Box<Shared>),
    Preset(String),
}

/// A decoded link: what to show and whether to run it straight away.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub content: LinkContent,
    pub run: bool,
    /// Sweep the size variable on open (`&sweep`).
    pub sweep: bool,
    /// Run the comparison and check it on CPython on open (`&cpython`).
    pub cpython: bool,
}

/// Why a fragment is not a link that can be opened. The text is for the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    TooLong(usize),
    NotBase64,
    Corrupt,
    TooLarge,
    NotAComparison(String),
    NewerVersion(u64),
    UnknownPreset(String),
    Unrecognized,
    /// Only when writing: the snippets (this many bytes as JSON) do not fit in a link.
    TooBigToShare(usize),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLong(n) => {
                write!(f, "the link is too long ({n} characters; at most {MAX_FRAGMENT} are read)")
            }
            LinkError::NotBase64 => {
                write!(f, "the link is garbled (it was probably changed or cut when it was copied)")
            }
            LinkError::Corrupt => write!(f, "the link is garbled or cut short (its data does not unpack)"),
            LinkError::TooLarge => write!(f, "the link unpacks to more than {} KiB", MAX_DECODED / 1024),
            LinkError::NotAComparison(why) => write!(f, "the link does not hold a comparison ({why})"),
            LinkError::NewerVersion(v) => {
                write!(f, "the link was made by a newer memplay (format v{v}); this page reads v{VERSION}")
            }
            LinkError::UnknownPreset(id) => write!(f, "there is no preset called \"{id}\""),
            LinkError::Unrecognized => write!(f, "the address does not hold a memplay link"),
            LinkError::TooBigToShare(n) => write!(
                f,
                "the snippets are too long for a link ({} KiB; a link holds up to {} KiB that pack into {} KiB)",
                n.div_ceil(1024),
                MAX_DECODED / 1024,
                MAX_FRAGMENT / 1024
            ),
        }
    }
}

impl Link {
    /// Reads a URL fragment (with or without its `#`). `Ok(None)`: there is no fragment.
    pub fn parse(fragment: &str) -> Result<Option<Link>, LinkError> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if fragment.is_empty() {
            return Ok(None);
        }
        if fragment.len() > MAX_FRAGMENT {
            return Err(LinkError::TooLong(fragment.chars().count()));
        }
        let mut content = None;
        let mut run = false;
        let mut sweep = false;
        let mut cpython = false;
        for part in fragment.split('&') {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            match key {
                RUN_FLAG => run = value != "0",
                SWEEP_FLAG => sweep = value != "0",
                CPYTHON_FLAG => cpython = value != "0",
                PRESET_PART if content.is_none() => {
                    let p = preset(value).ok_or_else(|| LinkError::UnknownPreset(clip(value, 40)))?;
                    content = Some(LinkContent::Preset(p.id.to_owned()));
                }
                "v1" if content.is_none() => content = Some(LinkContent::Snippets(Box::new(payload::decode(value)?))),
                _ => {
                    if let Some(version) = key.strip_prefix('v').and_then(|v| v.parse::<u64>().ok()) {
                        return Err(LinkError::NewerVersion(version));
                    }
                }
            }
        }
        let content = content.ok_or(LinkError::Unrecognized)?;
        Ok(Some(Link { content, run, sweep, cpython }))
    }

    /// The fragment (without `#`) that opens this link.
    pub fn fragment(&self) -> Result<String, LinkError> {
        let mut out = match &self.content {
            LinkContent::Preset(id) => format!("{PRESET_PART}={id}"),
            LinkContent::Snippets(shared) => format!("v{VERSION}={}", payload::encode(shared)?),
        };
        for (on, flag) in [(self.run, RUN_FLAG), (self.sweep, SWEEP_FLAG), (self.cpython, CPYTHON_FLAG)] {
            if on {
                out.push('&');
                out.push_str(flag);
            }
        }
        if out.len() > MAX_FRAGMENT {
            return Err(LinkError::TooBigToShare(payload::json_len(&self.content)));
        }
        Ok(out)
    }
}

impl Shared {
    /// The link for these snippets: the short preset form when they are an unedited
    /// preset with the default settings.
    pub fn link(self, run: bool) -> Link {
        let content = match &self.preset {
            Some(id) if self.settings == Settings::default() && self.is_preset(id) => LinkContent::Preset(id.clone()),
            _ => LinkContent::Snippets(Box::new(self)),
        };
        Link { content, run, sweep: false, cpython: false }
    }

    fn is_preset(&self, id: &str) -> bool {
        preset(id).is_some_and(|p| {
            (p.a_title, p.a_code, p.b_title, p.b_code)
                == (self.a.title.as_str(), self.a.code.as_str(), self.b.title.as_str(), self.b.code.as_str())
        })
    }
}

/// At most `max` characters of `text`.
fn clip(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}
