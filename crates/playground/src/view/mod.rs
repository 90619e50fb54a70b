//! The page as plain data: `State::view()` turns the state into what each region of the
//! page shows — texts already worded, figures already formatted, marks, chart series —
//! so that the Yew components only render what they are given. Tested natively.

mod load;
mod pane;
mod peak;
mod results;
mod sweep;
mod toolbar;
mod words;

pub use load::LoadView;
pub use pane::{ErrorView, FigureCell, FiguresView, PaneView};
pub use peak::{AlignedRowView, KindsView, PeakRowView, PeakSideView, PeakView, StackRowView};
pub use results::{ComparisonView, CpythonView, ResultsView, RowView};
pub use sweep::{FitView, SweepChart, SweepChartPoint, SweepFormView, SweepView};
pub use toolbar::ToolbarView;
pub use words::glossary;

use memplay_model::Side;

use crate::State;

/// Everything the page shows, region by region.
#[derive(Clone, Debug, PartialEq)]
pub struct PageView {
    pub toolbar: ToolbarView,
    pub load: LoadView,
    pub panes: [PaneView; 2],
    pub results: ResultsView,
    /// The sweep section (after Scale): why it could not start, or the sweep.
    pub sweep: Option<Result<SweepView, String>>,
    /// "A title vs B title", for an embed's bar.
    pub headline: String,
}

impl State {
    /// What the page shows now.
    pub fn view(&self) -> PageView {
        PageView {
            toolbar: self.toolbar_view(),
            load: self.load_view(),
            panes: Side::BOTH.map(|side| self.pane_view(side)),
            results: self.results_view(),
            sweep: self.sweep_view(),
            headline: self.headline(),
        }
    }
}
