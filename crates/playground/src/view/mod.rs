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
    /// What only the full page shows, or only an embed.
    pub frame: FrameView,
    pub theme: Theme,
    pub toolbar: ToolbarView,
    /// What a link did, or why it could not be opened.
    pub notice: Option<Notice>,
    pub load: LoadView,
    pub panes: [PaneView; 2],
    pub results: ResultsView,
    /// The sweep section (after Scale): why it could not start, or the sweep.
    pub sweep: Option<Result<SweepView, String>>,
    /// "A title vs B title", for an embed's bar.
    pub headline: String,
    /// Workers alive or starting (the page's `data-engines` hook).
    pub live_engines: usize,
}

/// The regions only the full page has, or only an embed: each built only where it is shown
/// (the share view and the embed's link both compress the snippets).
// One is built per render and none is kept in a collection, so the variants' sizes differing
// costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum FrameView {
    Page {
        /// The Scale settings (an embed shows only a sweep's result).
        sweep_form: SweepFormView,
        /// "Share & embed".
        share: ShareView,
        settings: Settings,
    },
    Embed {
        /// The link to the full page with the embed's snippets.
        playground_url: String,
    },
}

impl State {
    /// What the page shows now.
    pub fn view(&self) -> PageView {
        PageView {
            frame: match self.mode {
                Mode::Page => FrameView::Page {
                    sweep_form: self.sweep_form_view(),
                    share: self.share_view(),
                    settings: self.settings.clone(),
                },
                Mode::Embed => FrameView::Embed { playground_url: self.playground_url() },
            },
            theme: self.theme,
            toolbar: self.toolbar_view(),
            notice: self.notice.clone(),
            load: self.load_view(),
            panes: Side::BOTH.map(|side| self.pane_view(side)),
            results: self.results_view(),
            sweep: self.sweep_view(),
            headline: self.headline(),
            live_engines: self.live_engines(),
        }
    }
}
