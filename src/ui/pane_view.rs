//! One side of the comparison: title, editor, status, figures, error and console, as the
//! view model (`memplay_playground::PaneView`) gives them.

use memplay_playground::{ConsoleChunk, PaneView as View};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{editor::Editor, figures::Figures};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: View,
    pub on_code: Callback<String>,
    pub on_title: Callback<String>,
}

#[component]
pub fn PaneView(p: &Props) -> Html {
    let (v, letter) = (&p.view, p.view.side.letter());
    let name = letter.to_uppercase();
    let on_title = p.on_title.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    html! {
        <section class={classes!("pane", format!("pane-{letter}"))} data-testid={format!("pane-{letter}")}
            aria-label={format!("Snippet {name}")}>
            <div class="pane-head">
                <span class="side-badge" aria-hidden="true">{ &name }</span>
                <input class="title" type="text" value={v.title.clone()} oninput={on_title}
                    aria-label={format!("Title of snippet {name}")} data-testid={format!("title-{letter}")} />
                <span class="status" data-testid={format!("status-{letter}")} role="status">{ &v.status }</span>
            </div>
            <Editor testid={format!("editor-{letter}")} label={format!("Python code of snippet {name}")}
                code={v.code.clone()} marks={v.marks.clone()} error_line={v.error_line} on_change={p.on_code.clone()} />
            <Figures side={v.side} figures={v.figures.clone()} />
            if let Some(e) = &v.error {
                <div class="error" role="alert" data-testid={format!("error-{letter}")} data-line={e.line.map(|l| l.to_string())}>
                    <strong>{ &e.kind }</strong>{ ": " }{ &e.message }
                    if let Some(note) = &e.line_note { <span class="error-line">{ note }</span> }
                    if !e.traceback.is_empty() {
                        <details><summary>{ "Traceback" }</summary><pre>{ &e.traceback }</pre></details>
                    }
                </div>
            }
            <pre class="console" role="log" aria-live="polite" aria-label={format!("Output of snippet {name}")}
                data-testid={format!("console-{letter}")}>
                if v.console_placeholder {
                    <span class="placeholder">{ "Output appears here." }</span>
                }
                { for v.console.iter().map(chunk) }
                if let Some(notice) = &v.cut_notice {
                    <span class="stderr cut-notice" data-testid={format!("output-cut-{letter}")}>{ "\n" }{ notice }</span>
                }
            </pre>
        </section>
    }
}

fn chunk(c: &ConsoleChunk) -> Html {
    html! { <span class={classes!(c.stderr.then_some("stderr"))}>{ &c.text }</span> }
}
