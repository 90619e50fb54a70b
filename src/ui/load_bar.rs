//! The engine download: bytes and percent while it loads, then a ready note, or why not.

use memplay_model::format_bytes;
use memplay_playground::EngineLoad;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub engine: EngineLoad,
    pub ready: bool,
}

#[component]
pub fn LoadBar(p: &Props) -> Html {
    let e = &p.engine;
    if let Some(error) = &e.error {
        return html! {
            <div class="load-bar failed" role="alert" data-testid="engine-error">
                { format!("Python could not be loaded: {error}. Reload the page to try again.") }
            </div>
        };
    }
    if p.ready {
        return html! { <div class="load-bar ready" data-testid="engine-ready" role="status">{ "Python is ready" }</div> };
    }
    let text = match (e.compiled, e.total, e.percent()) {
        (true, _, _) => "Starting Python…".to_owned(),
        (false, Some(total), Some(pct)) => {
            format!("Loading Python… {} of {} ({pct}%)", format_bytes(e.loaded as f64), format_bytes(total as f64))
        }
        _ if e.loaded > 0 => format!("Loading Python… {}", format_bytes(e.loaded as f64)),
        _ => "Loading Python…".to_owned(),
    };
    let value = if e.compiled { Some(100) } else { e.percent() };
    html! {
        <div class="load-bar" data-testid="engine-progress" role="status">
            <progress max="100" value={value.map(|v| v.to_string())} aria-label="Python engine download"></progress>
            <span>{ text }</span>
        </div>
    }
}
