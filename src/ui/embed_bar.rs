//! The embed's top bar: what is compared, Run and Stop, and the way to the full
//! playground with the same (possibly edited) snippets.

use memplay_playground::ToolbarView;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub headline: String,
    pub view: ToolbarView,
    /// The playground page with the embed's current snippets.
    pub playground_url: String,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_sweep: Callback<()>,
}

#[component]
pub fn EmbedBar(p: &Props) -> Html {
    html! {
        <header class="embed-bar">
            <span class="embed-brand">{ "memplay" }</span>
            <span class="embed-headline" data-testid="embed-headline">{ &p.headline }</span>
            <div class="controls">
                <button class="run" data-testid="run" disabled={!p.view.can_run}
                    title="Run both snippets (Ctrl/Cmd+Enter)" aria-keyshortcuts="Control+Enter Meta+Enter"
                    onclick={p.on_run.reform(|_| ())}>{ p.view.run_label }</button>
                <button class="scale" data-testid="scale" disabled={!p.view.can_sweep}
                    title="Sweep the size N (Ctrl/Cmd+Shift+Enter)" onclick={p.on_sweep.reform(|_| ())}>
                    { p.view.sweep_label }
                </button>
                <button class="stop" data-testid="stop" disabled={!p.view.can_stop} onclick={p.on_stop.reform(|_| ())}>
                    { "Stop" }
                </button>
                <a class="open-playground" data-testid="open-in-playground" href={p.playground_url.clone()}
                    target="_blank" rel="noopener">{ "Open in playground ↗" }</a>
            </div>
        </header>
    }
}
