use memplay_model::{Comparison, EngineInfo, Side, preset};

use crate::{Draft, Pane, PaneDraft, Settings, Theme, WorkerState};

/// The preset a first visit opens with.
pub const DEFAULT_PRESET: &str = "list-vs-generator";

/// How far the engine download has got.
#[derive(Clone, Debug, PartialEq)]
pub struct EngineLoad {
    pub loaded: u64,
    pub total: Option<u64>,
    pub compiled: bool,
    pub error: Option<String>,
    /// What the workers said they run (known once one is ready).
    pub info: EngineInfo,
}

impl Default for EngineLoad {
    fn default() -> Self {
        Self {
            loaded: 0,
            total: None,
            compiled: false,
            error: None,
            info: EngineInfo { name: "memplay (RustPython)".into(), version: String::new() },
        }
    }
}

impl EngineLoad {
    /// Percent downloaded, when the size is known.
    pub fn percent(&self) -> Option<u8> {
        let total = self.total.filter(|&t| t > 0)?;
        Some(((self.loaded.min(total) * 100) / total) as u8)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub panes: [Pane; 2],
    pub engine: EngineLoad,
    /// The preset the snippets came from, until one is edited.
    pub preset: Option<String>,
    pub settings: Settings,
    pub theme: Theme,
    /// Both panes' results from the last run where both finished.
    pub comparison: Option<Comparison>,
    /// A run is under way and its comparison has not been handed out yet.
    pub(crate) comparing: bool,
}

impl State {
    /// The page's state on load: the saved draft if there is one, else the default preset.
    pub fn new(draft: Option<Draft>) -> Self {
        let draft = draft.unwrap_or_else(|| Self::preset_draft(DEFAULT_PRESET));
        Self {
            panes: [Pane::new(&draft.a.title, &draft.a.code), Pane::new(&draft.b.title, &draft.b.code)],
            engine: EngineLoad::default(),
            preset: draft.preset,
            settings: draft.settings,
            theme: draft.theme,
            comparison: None,
            comparing: false,
        }
    }

    fn preset_draft(id: &str) -> Draft {
        let p = preset(id).unwrap_or(&memplay_model::PRESETS[0]);
        Draft {
            a: PaneDraft { title: p.a_title.into(), code: p.a_code.into() },
            b: PaneDraft { title: p.b_title.into(), code: p.b_code.into() },
            preset: Some(p.id.into()),
            ..Draft::default()
        }
    }

    pub fn pane(&self, side: Side) -> &Pane {
        &self.panes[side.index()]
    }

    pub(crate) fn pane_mut(&mut self, side: Side) -> &mut Pane {
        &mut self.panes[side.index()]
    }

    /// Python is ready when both workers are.
    pub fn ready(&self) -> bool {
        self.panes.iter().all(|p| matches!(p.worker, WorkerState::Ready | WorkerState::Busy))
    }

    pub fn running(&self) -> bool {
        self.panes.iter().any(Pane::running)
    }

    /// The draft autosave keeps.
    pub fn draft(&self) -> Draft {
        let pane = |p: &Pane| PaneDraft { title: p.title.clone(), code: p.code.clone() };
        Draft {
            a: pane(&self.panes[0]),
            b: pane(&self.panes[1]),
            preset: self.preset.clone(),
            settings: self.settings.clone(),
            theme: self.theme,
        }
    }
}
