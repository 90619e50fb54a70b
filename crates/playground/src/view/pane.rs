//! One pane as the page shows it: status, figures, gutter marks, error and console.

use memplay_model::{Figure, RunError, RunReport, Side};

use crate::{ConsoleChunk, GutterMark, Pane, State, WorkerState, gutter};

#[derive(Clone, Debug, PartialEq)]
pub struct PaneView {
    pub side: Side,
    pub title: String,
    pub code: String,
    /// "running…", "done in 12 ms", "ended: MemoryError", …
    pub status: String,
    pub figures: FiguresView,
    /// The gutter's marks, and the line the error points at for the editor to highlight:
    /// none once the code has been edited since its run, since they describe code that is
    /// gone.
    pub marks: Vec<GutterMark>,
    pub error_line: Option<u32>,
    pub error: Option<ErrorView>,
    pub console: Vec<ConsoleChunk>,
    /// Nothing has been printed and nothing runs: the console shows its placeholder.
    pub console_placeholder: bool,
    /// Said after the console text when the output was cut at its limit.
    pub cut_notice: Option<String>,
}

/// The pane's headline figures, or what stands in for them.
#[derive(Clone, Debug, PartialEq)]
pub enum FiguresView {
    Empty(&'static str),
    /// `live`: the run goes on and these are its latest figures.
    Shown {
        live: bool,
        cells: Vec<FigureCell>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct FigureCell {
    pub key: &'static str,
    pub label: &'static str,
    /// What the figure means, for its tooltip.
    pub meaning: &'static str,
    pub value: f64,
    pub text: String,
}

/// How the run ended, with the line to highlight.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorView {
    pub kind: String,
    pub message: String,
    pub line: Option<u32>,
    /// " (line 3)", unless the message names its line itself.
    pub line_note: Option<String>,
    pub traceback: String,
}

impl State {
    pub fn pane_view(&self, side: Side) -> PaneView {
        let pane = self.pane(side);
        let shown = pane.shown_report();
        let sweep_progress = self.sweep.as_ref().and_then(|s| s.progress(side));
        let running_here = pane.running() && sweep_progress.is_none();
        let error = pane.result.as_ref().and_then(|r| r.error.as_ref());
        PaneView {
            side,
            title: pane.title.clone(),
            code: pane.code.clone(),
            status: sweep_progress.map_or_else(|| status(pane), |p| format!("sweeping {p}")),
            figures: figures(shown, running_here),
            marks: shown.filter(|_| !pane.edited_since_run).map(gutter).unwrap_or_default(),
            error_line: error.and_then(|e| e.line).filter(|_| !pane.edited_since_run),
            error: error.map(ErrorView::from),
            console: pane.console.clone(),
            console_placeholder: pane.console.is_empty() && !running_here,
            cut_notice: pane.output_cut_notice(),
        }
    }
}

impl From<&RunError> for ErrorView {
    fn from(e: &RunError) -> Self {
        Self {
            kind: e.kind.to_string(),
            // A limit is the page's setting, not the code's fault: say where it is raised,
            // as the output cap's notice does.
            message: match e.kind {
                memplay_model::ErrorKind::TimeLimitExceeded => {
                    format!("{}: \u{201c}Time limit (s)\u{201d} in Settings raises it", e.message)
                }
                memplay_model::ErrorKind::MemoryLimitExceeded => {
                    format!("{}: \u{201c}Memory limit (MiB)\u{201d} in Settings raises it", e.message)
                }
                _ => e.message.clone(),
            },
            line: e.line,
            line_note: e.line_note(),
            traceback: e.traceback.clone(),
        }
    }
}

fn figures(report: Option<&RunReport>, live: bool) -> FiguresView {
    let Some(r) = report else {
        return FiguresView::Empty(if live {
            "Running… figures appear as the snippet allocates"
        } else {
            "Run to see figures"
        });
    };
    let cells = Figure::ALL
        .iter()
        .map(|f| FigureCell {
            key: f.key(),
            label: f.label(),
            meaning: f.meaning(),
            value: f.value(r),
            text: memplay_model::partial_text(f.text(r), r.measured(), r.finished() || live),
        })
        .collect();
    FiguresView::Shown { live, cells }
}

fn status(pane: &Pane) -> String {
    match (&pane.worker, pane.queued) {
        (WorkerState::Failed(_), _) => "engine unavailable".into(),
        (_, true) => "waiting for Python…".into(),
        (WorkerState::Busy, _) if pane.loading_module.is_some() => {
            format!("loading module {}…", pane.loading_module.as_deref().unwrap_or_default())
        }
        (WorkerState::Busy, _) => match pane.tracker.as_ref().filter(|t| t.started()) {
            // How far the run is against its time limit, as the last progress said.
            Some(t) => match t.latest().filter(|r| r.wall_ms >= 1000.0) {
                Some(r) => format!(
                    "running… {} of {}",
                    memplay_model::format_ms(r.wall_ms),
                    memplay_model::format_ms(r.limits.time_ms as f64)
                ),
                None => "running…".into(),
            },
            None => "starting…".into(),
        },
        _ => match &pane.result {
            Some(r) => match &r.error {
                Some(e) => format!("ended: {}", e.kind),
                None => format!("done in {}", memplay_model::format_ms(r.wall_ms)),
            },
            None => String::new(),
        },
    }
}
