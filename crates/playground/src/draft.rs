//! What autosave keeps: both snippets, their titles, the preset, settings and theme.

use serde::{Deserialize, Serialize};

use crate::{Settings, Theme};

/// The local-storage key of the draft; the suffix changes if the format ever does.
pub const DRAFT_KEY: &str = "memplay.draft.v1";

/// Drafts larger than this are not restored (a snippet is a few kilobytes at most).
const MAX_DRAFT_BYTES: usize = 2 << 20;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PaneDraft {
    pub title: String,
    pub code: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub a: PaneDraft,
    pub b: PaneDraft,
    /// The preset the snippets came from, while they are unchanged.
    pub preset: Option<String>,
    pub settings: Settings,
    pub theme: Theme,
}

impl Draft {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The saved draft, or `None` for anything unreadable (then the page starts fresh).
    pub fn from_json(text: &str) -> Option<Self> {
        if text.len() > MAX_DRAFT_BYTES {
            return None;
        }
        let mut draft: Draft = serde_json::from_str(text).ok()?;
        draft.settings = draft.settings.sanitized();
        Some(draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips() {
        let d = Draft {
            a: PaneDraft { title: "mine".into(), code: "x = [1] * 10\n".into() },
            b: PaneDraft { title: "yours".into(), code: "del x\n".into() },
            preset: Some("keep-vs-del".into()),
            settings: Settings::default().with_time_s(3),
            theme: Theme::Dark,
        };
        assert_eq!(Draft::from_json(&d.to_json()), Some(d));
    }

    #[test]
    fn garbage_and_huge_drafts_are_not_restored() {
        assert_eq!(Draft::from_json("{not json"), None);
        assert_eq!(Draft::from_json(&"x".repeat(3 << 20)), None);
    }

    #[test]
    fn out_of_range_settings_are_clamped_on_restore() {
        let d = Draft::from_json(r#"{"settings":{"options":{"limits":{"time_ms":0,"memory_bytes":1}}}}"#).unwrap();
        assert_eq!(d.settings.limits().time_ms, 1000);
        assert_eq!(d.settings.limits().memory_bytes, 16 << 20);
    }
}
