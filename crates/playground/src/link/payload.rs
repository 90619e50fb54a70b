//! The `v1` payload: JSON (below), raw deflate, base64url without padding.
//!
//! ```json
//! {"a": {"title": "…", "code": "…"}, "b": {"title": "…", "code": "…"},
//!  "preset": "list-vs-generator",
//!  "limits": {"time_s": 10, "memory_mib": 512, "output_kib": 1024}, "warm_imports": true,
//!  "sweep": {"var": "N", "from": 10, "to": 100000, "points": 8}}
//! ```
//! (`sweep`, the Scale settings, was added later and is written only when it is not the
//! default; `var` and `to` may be left out.)
//! Every field may be left out (then it takes the default), unknown fields are ignored,
//! numbers are clamped to the settings' bounds and titles are cleaned. `www/embed.js`
//! writes this format too. This is frozen: a change is a new version, not an edit.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use memplay_model::{SweepRange, preset};
use serde::{Deserialize, Serialize};

use super::{LinkError, MAX_DECODED, MAX_TITLE, Shared};
use crate::{PaneDraft, Settings};

#[derive(Serialize, Deserialize, Default)]
#[serde(default)]
struct Pane {
    title: String,
    code: String,
}

#[derive(Serialize, Deserialize)]
#[serde(default)]
struct Limits {
    time_s: u64,
    memory_mib: u64,
    output_kib: u64,
}

#[derive(Serialize, Deserialize)]
#[serde(default)]
struct V1 {
    a: Pane,
    b: Pane,
    #[serde(skip_serializing_if = "Option::is_none")]
    preset: Option<String>,
    limits: Limits,
    warm_imports: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    sweep: Option<SweepRange>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits::from(&Settings::default())
    }
}

impl From<&Settings> for Limits {
    fn from(s: &Settings) -> Self {
        let l = s.limits();
        Limits { time_s: l.time_ms / 1000, memory_mib: l.memory_bytes >> 20, output_kib: l.output_bytes >> 10 }
    }
}

impl Default for V1 {
    fn default() -> Self {
        V1 {
            a: Pane::default(),
            b: Pane::default(),
            preset: None,
            limits: Limits::default(),
            warm_imports: Settings::default().options.warm_imports,
            sweep: None,
        }
    }
}

pub fn encode(shared: &Shared) -> Result<String, LinkError> {
    let json = serde_json::to_vec(&wire(shared)).unwrap_or_default();
    if json.len() > MAX_DECODED {
        return Err(LinkError::TooBigToShare(json.len()));
    }
    Ok(URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec(&json, 9)))
}

/// Bytes of JSON a link's content takes before packing.
pub fn json_len(content: &super::LinkContent) -> usize {
    match content {
        super::LinkContent::Snippets(shared) => serde_json::to_vec(&wire(shared)).map_or(0, |j| j.len()),
        super::LinkContent::Preset(id) => id.len(),
    }
}

fn wire(shared: &Shared) -> V1 {
    let pane = |p: &PaneDraft| Pane { title: p.title.clone(), code: p.code.clone() };
    V1 {
        a: pane(&shared.a),
        b: pane(&shared.b),
        preset: shared.preset.clone(),
        limits: Limits::from(&shared.settings),
        warm_imports: shared.settings.options.warm_imports,
        sweep: Some(shared.settings.sweep.clone()).filter(|s| *s != SweepRange::default()),
    }
}

pub fn decode(text: &str) -> Result<Shared, LinkError> {
    let packed = URL_SAFE_NO_PAD.decode(text.trim_end_matches('=')).map_err(|_| LinkError::NotBase64)?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&packed, MAX_DECODED).map_err(|e| match e.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => LinkError::TooLarge,
            _ => LinkError::Corrupt,
        })?;
    let wire: V1 =
        serde_json::from_slice(&json).map_err(|e| LinkError::NotAComparison(super::clip(&e.to_string(), 120)))?;
    let mut sweep = wire.sweep.unwrap_or_default();
    sweep.var = sweep.var.map(|v| super::clip(&v, 40));
    let settings = Settings { sweep, ..Settings::default() }
        .with_time_s(wire.limits.time_s)
        .with_memory_mib(wire.limits.memory_mib)
        .with_output_kib(wire.limits.output_kib)
        .with_warm_imports(wire.warm_imports);
    Ok(Shared {
        a: PaneDraft { title: title(&wire.a.title), code: wire.a.code },
        b: PaneDraft { title: title(&wire.b.title), code: wire.b.code },
        preset: wire.preset.and_then(|id| preset(&id)).map(|p| p.id.to_owned()),
        settings,
    })
}

/// A title as the page shows it: one line, no control characters, at most `MAX_TITLE`.
pub fn title(text: &str) -> String {
    let one_line: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    super::clip(one_line.trim(), MAX_TITLE)
}
