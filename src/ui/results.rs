//! The comparison: the verdict, both panes' figures side by side with B's change, the
//! two charts and the exports, as the view model (`ResultsView`) gives them.

use memplay_playground::{ResultsView, Theme};
use yew::prelude::*;

use super::charts::{Chart, ChartData};
use super::exports::{ExportSource, Exports};
use super::peak::AtPeak;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: ResultsView,
    /// The charts pick up the theme's colours.
    pub theme: Theme,
    /// "Check on CPython".
    pub on_check: Callback<()>,
}

#[component]
pub fn ResultsPanel(p: &Props) -> Html {
    let v = match &p.view {
        ResultsView::Empty(text) => {
            return html! {
                <section class="results empty" data-testid="results" aria-label="Results"><p>{ *text }</p></section>
            };
        }
        ResultsView::Shown(v) => v,
    };
    let c = &v.cpython;
    let checked = v.rows.first().is_some_and(|r| r.cpython.is_some());
    let (cpython_a, cpython_b) = (format!("{} A", c.engine), format!("{} B", c.engine));
    html! {
        <section class="results" data-testid="results" aria-label="Results">
            <p class={classes!("verdict", v.live.then_some("live"))} data-testid="verdict" data-winner={v.winner}
                data-agreement={c.agreement} role="status">
                { &v.verdict }
            </p>
            if let Some(note) = v.close_call {
                <p class="close-call" data-testid="close-call">
                    { note }
                    <button data-testid="close-call-check" disabled={!c.can_check}
                        onclick={p.on_check.reform(|_| ())}>{ "Check on CPython" }</button>
                </p>
            }
            <div class="table-scroll">
            <table class="comparison" data-testid="comparison-table">
                <thead><tr>
                    <th scope="col">{ "Figure" }</th>
                    <th scope="col">{ &v.a_header }</th>
                    <th scope="col">{ &v.b_header }</th>
                    <th scope="col">{ "B vs A" }</th>
                    if checked {
                        <th scope="col" class="cpython-col">{ &cpython_a }</th>
                        <th scope="col" class="cpython-col">{ &cpython_b }</th>
                    }
                </tr></thead>
                <tbody>
                    { for v.rows.iter().map(|row| html! {
                        <tr data-testid={format!("row-{}", row.key)}>
                            <th scope="row" title={row.meaning}>{ row.label }</th>
                            <td data-label={v.a_header.clone()}>{ &row.a }</td>
                            <td data-label={v.b_header.clone()}>{ &row.b }</td>
                            <td class="change" data-label="B vs A">{ &row.change }</td>
                            if let Some((a, b)) = &row.cpython {
                                <td class="cpython-col" data-label={cpython_a.clone()}
                                    data-testid={format!("cpython-{}-a", row.key)}>{ a }</td>
                                <td class="cpython-col" data-label={cpython_b.clone()}
                                    data-testid={format!("cpython-{}-b", row.key)}>{ b }</td>
                            }
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
            <details class="words" data-testid="figures-help">
                <summary>{ "What the figures mean" }</summary>
                <dl>
                    { for memplay_playground::glossary().into_iter().map(|(word, meaning)| html! {
                        <><dt>{ word }</dt><dd>{ meaning }</dd></>
                    }) }
                </dl>
            </details>
            <div class="cpython-check">
                <button data-testid="check-cpython" disabled={!c.can_check}
                    title="Run both snippets again under CPython's tracemalloc, in your browser (Pyodide)"
                    onclick={p.on_check.reform(|_| ())}>{ "Check on CPython" }</button>
                if !c.status.is_empty() {
                    <span class="cpython-status" data-testid="cpython-status" role="status">{ &c.status }</span>
                }
                if let Some(verdict) = &c.verdict {
                    <p class={classes!("cpython-verdict", c.agreement)} data-testid="cpython-verdict"
                        data-agreement={c.agreement} role="status">
                        if c.agreement == "disagrees" { <strong>{ "⚠ " }</strong> }
                        { verdict }
                    </p>
                }
            </div>
            if let Some(peak) = &v.peak {
                <AtPeak view={peak.clone()} />
            }
            if let Some((bars, timeline)) = &v.charts {
                <div class="charts">
                    <Chart testid="chart-bars" label="Bar chart of peak, allocated, allocations and retained for A and B"
                        data={ChartData::Bars(bars.clone())} theme={p.theme} />
                    <Chart testid="chart-timeline" label="Live memory over the run for A and B"
                        data={ChartData::Timeline(timeline.clone())} theme={p.theme} />
                </div>
                <p class="chart-note" data-testid="timeline-peaks">
                    { for [&timeline.a_peak, &timeline.b_peak].into_iter().flatten().map(|m| html! {
                        <span>{ format!("▲ {} ({:.0}% of its run)", m.text, m.x) }</span>
                    }) }
                </p>
            }
            if let Some(comparison) = &v.exports {
                <Exports source={ExportSource::Comparison(Box::new(comparison.clone()))} a_title={v.a_title.clone()} b_title={v.b_title.clone()} />
            }
        </section>
    }
}
