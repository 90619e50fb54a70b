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
    /// The verdict, or "So far: …" while the panes run; once the CPython check disagrees,
    /// both engines' answers.
    pub verdict: String,
    /// Beside the verdict when the peaks are close (`Comparison::close_call`) and CPython
    /// has not been asked yet: the difference may not carry over.
    pub close_call: Option<&'static str>,
    pub live: bool,
    /// "a", "b" or "none".
    pub winner: &'static str,
    /// "A: list", "B: generator".
    pub a_header: String,
    pub b_header: String,
    pub rows: Vec<RowView>,
    /// The charts (the full page only; an embed stays compact).
    pub charts: Option<(BarChart, TimelineChart)>,
    /// The finished comparison with both runs' output (and CPython's check), for the exports.
    pub exports: Option<crate::Exported>,
    pub a_title: String,
    pub b_title: String,
    pub cpython: CpythonView,
    /// "At the peak": what was alive at each snippet's peak (once the comparison is done).
    pub peak: Option<super::PeakView>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RowView {
    pub key: &'static str,
    pub label: &'static str,
    /// What the figure means, for its tooltip.
    pub meaning: &'static str,
    pub a: String,
    pub b: String,
    pub change: String,
    /// CPython's A and B, when the check has them ("–" where CPython cannot tell).
    pub cpython: Option<(String, String)>,
}

/// The CPython check as the results show it.
#[derive(Clone, Debug, PartialEq)]
pub struct CpythonView {
    /// "Check on CPython" can be pressed.
    pub can_check: bool,
    /// "Loading CPython (Pyodide)…", "Running on CPython…", or why it did not finish.
    pub status: String,
    pub running: bool,
    /// "CPython 3.14 agrees: …" / "CPython 3.14 disagrees: there …".
    pub verdict: Option<String>,
    /// "agrees", "disagrees" or "none" (a run failed in one engine).
    pub agreement: &'static str,
    /// "CPython 3.14 A", for the table's heads.
    pub engine: String,
}

impl State {
    pub fn results_view(&self) -> ResultsView {
        let [pa, pb] = &self.panes;
        let (Some(a), Some(b)) = (pa.shown_report(), pb.shown_report()) else {
            return ResultsView::Empty(if self.running() {
                "Running both snippets: the figures appear here as they come in."
            } else {
                "Press Run (or Ctrl/Cmd+Enter) to compare the two snippets' memory."
            });
        };
        // Live while a run goes on (a sweep leaves the comparison as it was).
        let live = self.comparing;
        let check = self.cpython.check.as_ref().filter(|_| !live);
        let (verdict_text, win) = match &self.comparison {
            Some(c) if !live => (c.headline(check), c.winner),
            _ => (format!("So far: {}", verdict(a, b)), winner(a, b)),
        };
        let close_call = self
            .comparison
            .as_ref()
            .filter(|c| !live && c.close_call && check.is_none() && !self.cpython.running)
            .map(|_| memplay_model::CLOSE_CALL_NOTE);
        let rows = rows(a, b)
            .into_iter()
            .map(|r| RowView {
                key: r.figure.key(),
                label: r.label,
                meaning: r.figure.meaning(),
                cpython: check.map(|k| {
                    let cell = |c: &memplay_model::CheckReport| c.figure_text(r.figure).unwrap_or_else(|| "–".into());
                    (cell(&k.a), cell(&k.b))
                }),
                a: r.a,
                b: r.b,
                change: r.change,
            })
            .collect();
        let page = self.mode == Mode::Page;
        ResultsView::Shown(Box::new(ComparisonView {
            verdict: verdict_text,
            close_call,
            live,
            winner: win.map(Side::letter).unwrap_or("none"),
            a_header: memplay_model::column_head("A", &pa.title),
            b_header: memplay_model::column_head("B", &pb.title),
            rows,
            charts: page.then(|| charts(&pa.title, &pb.title, a, b)),
            exports: if page && !live {
                self.comparison_with_output()
                    .map(|comparison| crate::Exported { comparison, cpython: self.cpython.check.clone() })
            } else {
                None
            },
            a_title: pa.title.clone(),
            b_title: pb.title.clone(),
            cpython: self.cpython_view(live),
            peak: if live { None } else { self.peak_view() },
        }))
    }

    fn cpython_view(&self, live: bool) -> CpythonView {
        let c = &self.cpython;
        let check = c.check.as_ref().filter(|_| !live);
        let loading = c.workers.contains(&crate::CpythonWorker::Starting);
        let status = if c.running || c.pending {
            if loading {
                "Loading CPython (Pyodide)… then running both snippets"
            } else {
                "Running both snippets on CPython…"
            }
            .to_owned()
        } else if check.is_none() && c.ended.iter().any(Option::is_some) {
            format!("The CPython check did not finish ({}).", c.why_ended())
        } else {
            String::new()
        };
        let engine = c.engine.as_ref().map_or_else(|| "CPython".to_owned(), memplay_model::EngineInfo::short_label);
        CpythonView {
            can_check: self.can_start() && !self.running() && !c.running,
            status,
            running: c.running || c.pending,
            verdict: check.map(|k| k.verdict.clone()),
            agreement: match check.and_then(|k| k.agrees) {
                Some(true) => "agrees",
                Some(false) => "disagrees",
                None => "none",
            },
            engine,
        }
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
