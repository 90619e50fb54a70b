//! One pane's headline figures, as the view model gives them.

use memplay_model::Side;
use memplay_playground::FiguresView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub side: Side,
    pub figures: FiguresView,
}

#[component]
pub fn Figures(p: &Props) -> Html {
    let letter = p.side.letter();
    match &p.figures {
        FiguresView::Empty(text) => {
            html! { <div class="figures empty" data-testid={format!("figures-{letter}")}>{ *text }</div> }
        }
        FiguresView::Shown { live, cells } => html! {
            <dl class={classes!("figures", live.then_some("live"))} data-testid={format!("figures-{letter}")}>
                { for cells.iter().map(|c| html! {
                    <div class="figure">
                        <dt title={c.meaning}>{ c.label }</dt>
                        <dd data-testid={format!("figure-{letter}-{}", c.key)} data-value={c.value.to_string()}>{ &c.text }</dd>
                    </div>
                }) }
            </dl>
        },
    }
}
