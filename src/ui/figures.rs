//! One pane's headline figures.

use memplay_model::{RunReport, Side, figures};
use yew::prelude::*;

/// Stable names of the five figures, in `figures()` order, for `data-testid` hooks.
pub const KEYS: [&str; 5] = ["peak", "allocated", "allocations", "retained", "time"];

#[derive(Properties, PartialEq)]
pub struct Props {
    pub side: Side,
    pub report: Option<RunReport>,
    /// Still running: the figures are the latest progress.
    pub live: bool,
}

#[component]
pub fn Figures(p: &Props) -> Html {
    let letter = p.side.letter();
    let Some(report) = &p.report else {
        let text = if p.live { "Running… figures appear as the snippet allocates" } else { "Run to see figures" };
        return html! { <div class="figures empty" data-testid={format!("figures-{letter}")}>{ text }</div> };
    };
    html! {
        <dl class={classes!("figures", p.live.then_some("live"))} data-testid={format!("figures-{letter}")}>
            { for figures(report).into_iter().zip(KEYS).map(|((label, value, unit), key)| html! {
                <div class="figure">
                    <dt>{ label }</dt>
                    <dd data-testid={format!("figure-{letter}-{key}")} data-value={value.to_string()}>{ unit.format(value) }</dd>
                </div>
            }) }
        </dl>
    }
}
