//! The top bar: name, preset picker, Run, Stop, Share and the theme toggle.

use memplay_model::PRESETS;
use memplay_playground::{Theme, ToolbarView};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: ToolbarView,
    pub on_preset: Callback<String>,
    pub on_run: Callback<()>,
    pub on_stop: Callback<()>,
    pub on_sweep: Callback<()>,
    pub on_theme: Callback<Theme>,
    pub on_share: Callback<()>,
}

#[component]
pub fn Toolbar(p: &Props) -> Html {
    let on_select = p.on_preset.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    let v = &p.view;
    let (current, theme) = (&v.preset, v.theme);
    html! {
        <header class="topbar">
            <div class="brand">
                <h1>{ "memplay" }</h1>
                <span class="tagline">{ "Python memory playground" }</span>
            </div>
            <div class="controls">
                <label class="preset-picker">
                    <span class="visually-hidden">{ "Preset" }</span>
                    <select data-testid="preset-select" aria-label="Load a preset comparison" onchange={on_select}>
                        <option value="" selected={current.is_empty()} disabled=true>{ "Presets…" }</option>
                        { for PRESETS.iter().map(|pr| html! {
                            <option value={pr.id} selected={pr.id == current.as_str()}>{ pr.title }</option>
                        }) }
                    </select>
                </label>
                <button
                    class="run" data-testid="run"
                    disabled={!v.can_run}
                    title="Run both snippets (Ctrl/Cmd+Enter)"
                    aria-keyshortcuts="Control+Enter Meta+Enter"
                    onclick={p.on_run.reform(|_| ())}
                >{ v.run_label }</button>
                <button
                    class="scale" data-testid="scale"
                    disabled={!v.can_sweep}
                    title="Sweep both snippets' size N and show how memory grows (Ctrl/Cmd+Shift+Enter)"
                    aria-keyshortcuts="Control+Shift+Enter Meta+Shift+Enter"
                    onclick={p.on_sweep.reform(|_| ())}
                >{ v.sweep_label }</button>
                <button class="stop" data-testid="stop" disabled={!v.can_stop} title="Stop both runs"
                    onclick={p.on_stop.reform(|_| ())}>{ "Stop" }</button>
                <button class="share-button" data-testid="share-button" title="Copy a link to these snippets, and show the embed code"
                    onclick={p.on_share.reform(|_| ())}>{ "Share" }</button>
                <button class="theme" data-testid="theme-toggle" aria-label={theme.label()} title={theme.label()}
                    onclick={p.on_theme.reform(move |_| theme.next())}>
                    { match theme { Theme::System => "◐", Theme::Dark => "☾", Theme::Light => "☀" } }
                </button>
            </div>
            if let Some(text) = v.explanation {
                <p class="preset-explanation" data-testid="preset-explanation">{ text }</p>
            }
        </header>
    }
}
