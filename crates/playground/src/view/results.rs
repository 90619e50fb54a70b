//! The comparison as the page shows it: the verdict (live while the panes run), the table
//! of figures, the charts and, once both runs are over, what the exports are made from.

use memplay_model::{Comparison, Side, rows, verdict, winner};

use crate::{BarChart, Mode, State, TimelineChart, charts};

#[derive(Clone, Debug, PartialEq)]
pub enum ResultsView {
    /// No pane has figures yet: how to get some.
    Empty(&'static str),
    Shown(Box<ComparisonView>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonView {
    /// The verdict, or "So far: …" while the panes run.
    pub verdict: String,
    pub live: bool,
    /// "a", "b" or "none".
    pub winner: &'static str,
    /// "A: list", "B: generator".
    pub a_header: String,
    pub b_header: String,
    pub rows: Vec<RowView>,
    /// The charts (the full page only; an embed stays compact).
    pub charts: Option<(BarChart, TimelineChart)>,
    /// The finished comparison with both runs' output, for the exports.
    pub exports: Option<Comparison>,
    pub a_title: String,
    pub b_title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub key: &'static str,
    pub label: &'static str,
    pub a: String,
    pub b: String,
    pub change: String,
}

impl State {
    pub fn results_view(&self) -> ResultsView {
        let [pa, pb] = &self.panes;
        let (Some(a), Some(b)) = (pa.shown_report(), pb.shown_report()) else {
            return ResultsView::Empty("Press Run (or Ctrl/Cmd+Enter) to compare the two snippets' memory.");
        };
        // Live while a run goes on (a sweep leaves the comparison as it was).
        let live = self.comparing;
        let (verdict_text, win) = match &self.comparison {
            Some(c) if !live => (c.verdict.clone(), c.winner),
            _ => (format!("So far: {}", verdict(a, b)), winner(a, b)),
        };
        let rows = rows(a, b)
            .into_iter()
            .map(|r| RowView { key: r.figure.key(), label: r.label, a: r.a, b: r.b, change: r.change })
            .collect();
        let page = self.mode == Mode::Page;
        ResultsView::Shown(Box::new(ComparisonView {
            verdict: verdict_text,
            live,
            winner: win.map(Side::letter).unwrap_or("none"),
            a_header: format!("A: {}", pa.title),
            b_header: format!("B: {}", pb.title),
            rows,
            charts: page.then(|| charts(&pa.title, &pb.title, a, b)),
            exports: if page && !live { self.comparison_with_output() } else { None },
            a_title: pa.title.clone(),
            b_title: pb.title.clone(),
        }))
    }

    /// The last comparison as `memplay compare --json` gives it: with each run's output,
    /// which the state keeps in the panes' results.
    pub fn comparison_with_output(&self) -> Option<Comparison> {
        let mut c = self.comparison.clone()?;
        for (report, pane) in [(&mut c.a, &self.panes[0]), (&mut c.b, &self.panes[1])] {
            if let Some(result) = &pane.result {
                report.stdout.clone_from(&result.stdout);
                report.stderr.clone_from(&result.stderr);
            }
        }
        Some(c)
    }
}
