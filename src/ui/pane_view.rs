//! One side of the comparison: title, editor, status, figures, error and console.

use memplay_model::Side;
use memplay_playground::{ConsoleChunk, Pane, WorkerState, gutter};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{editor::Editor, figures::Figures};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub side: Side,
    pub pane: Pane,
    pub on_code: Callback<String>,
    pub on_title: Callback<String>,
}

#[component]
pub fn PaneView(p: &Props) -> Html {
    let (pane, letter) = (&p.pane, p.side.letter());
    let name = letter.to_uppercase();
    let shown = pane.shown_report().cloned();
    let marks = shown.as_ref().map(gutter).unwrap_or_default();
    let error = pane.result.as_ref().and_then(|r| r.error.clone());
    let error_line = error.as_ref().and_then(|e| e.line);
    let on_title = p.on_title.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <section class={classes!("pane", format!("pane-{letter}"))} data-testid={format!("pane-{letter}")}
            aria-label={format!("Snippet {name}")}>
            <div class="pane-head">
                <span class="side-badge" aria-hidden="true">{ &name }</span>
                <input class="title" type="text" value={pane.title.clone()} oninput={on_title}
                    aria-label={format!("Title of snippet {name}")} data-testid={format!("title-{letter}")} />
                <span class="status" data-testid={format!("status-{letter}")} role="status">{ status(pane) }</span>
            </div>
            <Editor testid={format!("editor-{letter}")} label={format!("Python code of snippet {name}")}
                code={pane.code.clone()} {marks} {error_line} on_change={p.on_code.clone()} />
            <Figures side={p.side} report={shown} live={pane.running()} />
            if let Some(e) = error {
                <div class="error" role="alert" data-testid={format!("error-{letter}")} data-line={e.line.map(|l| l.to_string())}>
                    <strong>{ &e.kind }</strong>{ ": " }{ &e.message }
                    if let Some(line) = e.line { <span class="error-line">{ format!(" (line {line})") }</span> }
                    if !e.traceback.is_empty() {
                        <details><summary>{ "Traceback" }</summary><pre>{ &e.traceback }</pre></details>
                    }
                </div>
            }
            <pre class="console" role="log" aria-live="polite" aria-label={format!("Output of snippet {name}")}
                data-testid={format!("console-{letter}")}>
                if pane.console.is_empty() && !pane.running() {
                    <span class="placeholder">{ "Output appears here." }</span>
                }
                { for pane.console.iter().map(chunk) }
                if let Some(notice) = pane.output_cut_notice() {
                    <span class="stderr cut-notice" data-testid={format!("output-cut-{letter}")}>{ "\n" }{ notice }</span>
                }
            </pre>
        </section>
    }
}

fn chunk(c: &ConsoleChunk) -> Html {
    html! { <span class={classes!(c.stderr.then_some("stderr"))}>{ &c.text }</span> }
}

fn status(pane: &Pane) -> String {
    match (&pane.worker, pane.queued) {
        (WorkerState::Failed(_), _) => "engine unavailable".into(),
        (_, true) => "waiting for Python…".into(),
        (WorkerState::Busy, _) if pane.loading_module.is_some() => {
            format!("loading module {}…", pane.loading_module.as_deref().unwrap_or_default())
        }
        (WorkerState::Busy, _) => match pane.tracker.as_ref().map(|t| t.started()) {
            Some(true) => "running…".into(),
            _ => "starting…".into(),
        },
        _ => match &pane.result {
            Some(r) => match &r.error {
                Some(e) => format!("ended: {}", e.kind),
                None => format!("done in {}", memplay_model::format_ms(r.wall_ms)),
            },
            None => String::new(),
        },
    }
}
