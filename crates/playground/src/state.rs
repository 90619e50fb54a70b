use memplay_model::{Comparison, EngineInfo, Figure, Side, preset};

use crate::{
    CpythonState, Demand, Draft, Link, LinkError, Pane, PaneDraft, Settings, Shared, SweepRun, Theme, WorkerState,
};

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
            info: EngineInfo { name: memplay_model::ENGINE_NAME.into(), version: String::new() },
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

/// The full playground, or the compact embed inside someone's post (which never touches
/// the reader's saved draft).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    #[default]
    Page,
    Embed,
}

impl Mode {
    /// The mode a page address's query (`?embed&frame=1`) asks for.
    pub fn from_query(search: &str) -> Mode {
        if crate::link::query_part(search, crate::EMBED_QUERY).is_some() { Mode::Embed } else { Mode::Page }
    }
}

/// A message above the panes: what a link did, or why it could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
    /// The person's own snippets were set aside and can be put back.
    pub can_restore: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub mode: Mode,
    pub panes: [Pane; 2],
    pub engine: EngineLoad,
    /// The preset the snippets came from, until one is edited.
    pub preset: Option<String>,
    pub settings: Settings,
    pub theme: Theme,
    /// Both panes' results from the last run where both finished.
    pub comparison: Option<Comparison>,
    pub notice: Option<Notice>,
    /// The CPython check of the last comparison (its workers start only when asked).
    pub cpython: CpythonState,
    /// The code each pane ran in the last Run (what the CPython check runs).
    pub(crate) ran: [String; 2],
    /// The sweep under way or the last one (Scale).
    pub sweep: Option<SweepRun>,
    /// Why the last press of Scale could not start a sweep.
    pub sweep_error: Option<String>,
    /// The figure the sweep's chart, fits and crossover show.
    pub sweep_figure: Figure,
    /// The snippets are a link's (or the default preset shown for a broken link), unedited:
    /// the saved draft (`previous`) is left as it was until the person edits.
    pub from_link: bool,
    /// The person's own snippets, set aside when a link replaced them.
    pub(crate) previous: Option<Draft>,
    /// A run is under way and its comparison has not been handed out yet.
    pub(crate) comparing: bool,
    /// `Effect::PythonReady` has been given.
    pub(crate) announced_ready: bool,
    /// When the engine starts and when it is given back (embeds start it on demand).
    pub demand: Demand,
    /// The preset whose title each pane still wears, until its code stops being the
    /// preset's (then the title falls back to "A"/"B") or the person retitles it.
    pub(crate) titled_by: [Option<String>; 2],
    /// The playground page's address without query or fragment, which share links and embed
    /// code are built on (the shell sets it from the page's location).
    pub page_base: String,
    /// The reader's choices in "Share & embed".
    pub share: crate::ShareOptions,
}

impl State {
    /// The figure the snippets' preset is about, while both panes still run it (a reader's
    /// own snippets have none: the verdict then says peak and what is kept).
    pub(crate) fn preset_metric(&self) -> Option<memplay_model::Metric> {
        match &self.titled_by {
            [Some(a), Some(b)] if a == b => preset(a).map(|p| p.metric),
            _ => None,
        }
    }

    /// The page's state on load: the saved draft if there is one, else the default preset.
    pub fn new(draft: Option<Draft>) -> Self {
        let draft = draft.unwrap_or_else(|| Self::preset_draft(DEFAULT_PRESET));
        Self {
            mode: Mode::Page,
            notice: None,
            from_link: false,
            previous: None,
            panes: [Pane::new(&draft.a.title, &draft.a.code), Pane::new(&draft.b.title, &draft.b.code)],
            engine: EngineLoad::default(),
            preset: draft.preset.clone(),
            settings: draft.settings,
            theme: draft.theme,
            comparison: None,
            sweep: None,
            cpython: CpythonState::default(),
            ran: [String::new(), String::new()],
            sweep_error: None,
            sweep_figure: Figure::Peak,
            comparing: false,
            announced_ready: false,
            demand: Demand { requested: true, visible: true, ..Demand::default() },
            titled_by: [draft.preset.clone(), draft.preset.clone()],
            page_base: String::new(),
            share: crate::ShareOptions::default(),
        }
    }

    /// An embed's state on load: the default preset until its link is opened, no engine
    /// until it is run, off screen until the frame says otherwise.
    pub fn embedded() -> Self {
        let mut state = Self { mode: Mode::Embed, demand: Demand::default(), ..Self::new(None) };
        for pane in &mut state.panes {
            pane.worker = WorkerState::Asleep;
        }
        state
    }

    pub(crate) fn preset_draft(id: &str) -> Draft {
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

    /// What a share link of the current snippets carries.
    pub fn shared(&self) -> Shared {
        let d = self.draft();
        Shared { a: d.a, b: d.b, preset: d.preset, settings: d.settings }
    }

    /// The fragment (without `#`) that opens the current snippets, running them on open
    /// when `run` is set and sweeping them when `sweep` is.
    pub fn share_fragment(&self, run: bool, sweep: bool) -> Result<String, LinkError> {
        Link { sweep, ..self.shared().link(run) }.fragment()
    }

    /// "A title vs B title", for an embed's title and the results card.
    pub fn headline(&self) -> String {
        format!("{} vs {}", self.panes[0].title, self.panes[1].title)
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
