//! The top bar (and an embed's bar): what Run can do now and the preset in use.

use memplay_model::preset;

use crate::{State, Theme};

#[derive(Clone, Debug, PartialEq)]
pub struct ToolbarView {
    /// Run is enabled: Python is ready (or asleep: the press starts it) and nothing runs.
    pub can_run: bool,
    /// Stop is enabled: something runs (a run, a sweep, or the CPython check).
    pub can_stop: bool,
    pub run_label: &'static str,
    /// Scale (sweep) is enabled: as Run.
    pub can_sweep: bool,
    pub sweep_label: &'static str,
    /// The preset's id, or "" once the snippets were edited.
    pub preset: String,
    /// The preset's explanation, under the bar.
    pub explanation: Option<&'static str>,
    pub theme: Theme,
}

impl State {
    pub fn toolbar_view(&self) -> ToolbarView {
        let running = self.running();
        let busy = self.busy();
        let sweeping = self.sweep.as_ref().is_some_and(|s| s.running());
        ToolbarView {
            can_run: self.can_start() && !busy,
            can_stop: busy,
            run_label: if running && !sweeping { "Running…" } else { "Run" },
            can_sweep: self.can_start() && !busy,
            sweep_label: if sweeping { "Scaling…" } else { "Scale" },
            preset: self.preset.clone().unwrap_or_default(),
            explanation: self.preset.as_deref().and_then(preset).map(|p| p.explanation),
            theme: self.theme,
        }
    }
}
