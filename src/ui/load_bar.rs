//! The engine download: the view model's progress text and percent, a ready note, or why not.

use memplay_playground::LoadView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: LoadView,
}

#[component]
pub fn LoadBar(p: &Props) -> Html {
    match &p.view {
        LoadView::Failed(text) => html! {
            <div class="load-bar failed" role="alert" data-testid="engine-error">{ text }</div>
        },
        LoadView::Ready => {
            html! { <div class="load-bar ready" data-testid="engine-ready" role="status">{ "Python is ready" }</div> }
        }
        LoadView::Asleep => html! {
            <div class="load-bar asleep" data-testid="engine-asleep" role="status">
                { "Python starts when you press Run" }
            </div>
        },
        LoadView::Loading { text, percent } => html! {
            <div class="load-bar" data-testid="engine-progress" role="status">
                <progress max="100" value={percent.map(|v| v.to_string())} aria-label="Python engine download"></progress>
                <span>{ text }</span>
            </div>
        },
    }
}
