//! The page as plain data: `State::view()` turns the state into what each region of the
//! page shows — texts already worded, figures already formatted, marks, chart series —
//! so that the Yew components only render what they are given. Tested natively.

mod load;
mod pane;
mod peak;
mod results;
mod share;
mod sweep;
mod toolbar;
mod words;

pub use load::LoadView;
pub use pane::{ErrorView, FigureCell, FiguresView, PaneView};
pub use peak::{AlignedRowView, KindsView, PeakRowView, PeakSideView, PeakView, StackRowView};
pub use results::{ComparisonView, CpythonView, ResultsView, RowView};
pub use share::ShareView;
pub use sweep::{FitView, SweepChart, SweepChartPoint, SweepFormView, SweepView};
pub use toolbar::ToolbarView;
pub use words::{HONESTY_NOTE, glossary};

use memplay_model::Side;

use crate::{Mode, Notice, Settings, State, Theme};

/// Everything the page shows, region by region (an embed shows some of them).
#[derive(Clone, Debug, PartialEq)]
pub struct PageView {
    pub mode: Mode,
    pub theme: Theme,
    pub toolbar: ToolbarView,
    /// What a link did, or why it could not be opened.
    pub notice: Option<Notice>,
    pub load: LoadView,
    pub panes: [PaneView; 2],
    pub results: ResultsView,
    /// The Scale settings: the full page's (an embed shows only a sweep's result).
    pub sweep_form: Option<SweepFormView>,
    /// The sweep section (after Scale): why it could not start, or the sweep.
    pub sweep: Option<Result<SweepView, String>>,
    /// "A title vs B title", for an embed's bar.
    pub headline: String,
    /// "Share & embed" (the full page).
    pub share: ShareView,
    /// An embed's link to the full page with its snippets.
    pub playground_url: String,
    pub settings: Settings,
    /// Workers alive or starting (the page's `data-engines` hook).
    pub live_engines: usize,
}

impl State {
    /// What the page shows now.
    pub fn view(&self) -> PageView {
        PageView {
            mode: self.mode,
            theme: self.theme,
            toolbar: self.toolbar_view(),
            notice: self.notice.clone(),
            load: self.load_view(),
            panes: Side::BOTH.map(|side| self.pane_view(side)),
            results: self.results_view(),
            sweep_form: (self.mode == Mode::Page).then(|| self.sweep_form_view()),
            sweep: self.sweep_view(),
            headline: self.headline(),
            share: self.share_view(),
            playground_url: self.playground_url(),
            settings: self.settings.clone(),
            live_engines: self.live_engines(),
        }
    }
}
