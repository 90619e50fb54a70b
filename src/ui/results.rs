//! The comparison: both panes' figures side by side with B's change, the verdict and the
//! two charts. Shown as soon as both panes have figures, and live while they run.

use memplay_model::{rows, verdict, winner};
use memplay_playground::{Mode, State, charts};
use yew::prelude::*;

use super::charts::{Chart, ChartData};
use super::exports::Exports;
use super::figures::KEYS;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub state: State,
}

#[component]
pub fn Results(p: &Props) -> Html {
    let s = &p.state;
    let [pa, pb] = &s.panes;
    let (Some(a), Some(b)) = (pa.shown_report(), pb.shown_report()) else {
        return html! {
            <section class="results empty" data-testid="results" aria-label="Results">
                <p>{ "Press Run (or Ctrl/Cmd+Enter) to compare the two snippets' memory." }</p>
            </section>
        };
    };
    let running = s.running();
    let (verdict_text, win) = match &s.comparison {
        Some(c) if !running => (c.verdict.clone(), c.winner),
        _ => (format!("So far: {}", verdict(a, b)), winner(a, b)),
    };
    let win_letter = win.map(|w| w.letter()).unwrap_or("none");
    let (bars, timeline) = charts(s).expect("both panes have figures");
    let page = s.mode == Mode::Page;
    let exports = s.comparison.clone().filter(|_| page && !running);
    html! {
        <section class="results" data-testid="results" aria-label="Results">
            <p class={classes!("verdict", running.then_some("live"))} data-testid="verdict" data-winner={win_letter} role="status">
                { verdict_text }
            </p>
            <div class="table-scroll">
            <table class="comparison" data-testid="comparison-table">
                <thead><tr>
                    <th scope="col">{ "Figure" }</th>
                    <th scope="col">{ format!("A: {}", pa.title) }</th>
                    <th scope="col">{ format!("B: {}", pb.title) }</th>
                    <th scope="col">{ "B vs A" }</th>
                </tr></thead>
                <tbody>
                    { for rows(a, b).into_iter().zip(KEYS).map(|(row, key)| html! {
                        <tr data-testid={format!("row-{key}")}>
                            <th scope="row">{ row.label }</th>
                            <td>{ row.a }</td>
                            <td>{ row.b }</td>
                            <td class="change">{ row.change }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            if page {
                <div class="charts">
                    <Chart testid="chart-bars" label="Bar chart of peak, allocated, allocations and retained for A and B"
                        data={ChartData::Bars(bars)} theme={s.theme} />
                    <Chart testid="chart-timeline" label="Live memory over the run for A and B"
                        data={ChartData::Timeline(timeline)} theme={s.theme} />
                </div>
            }
            if let Some(comparison) = exports {
                <Exports {comparison} a_title={pa.title.clone()} b_title={pb.title.clone()} />
            }
        </section>
    }
}
