//! The export buttons: each makes its file from the comparison or the sweep (see
//! `memplay_playground::EXPORTS` and `SWEEP_EXPORTS`) and offers it as a download.

use memplay_model::Sweep;
use memplay_playground::{EXPORTS, Export, Exported, SWEEP_EXPORTS, file_name};
use yew::prelude::*;

use super::page_js;

/// What the files are made from.
#[derive(Clone, PartialEq)]
pub enum ExportSource {
    Comparison(Box<Exported>),
    Sweep(Sweep),
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub source: ExportSource,
    pub a_title: String,
    pub b_title: String,
}

#[component]
pub fn Exports(p: &Props) -> Html {
    let status = use_state(String::new);
    let (a, b) = (&p.a_title, &p.b_title);
    let (buttons, testid, label): (Vec<Html>, _, _) = match &p.source {
        ExportSource::Comparison(c) => {
            (EXPORTS.iter().map(|x| button(x, c, a, b, &status)).collect(), "exports", "Export the results")
        }
        ExportSource::Sweep(s) => {
            (SWEEP_EXPORTS.iter().map(|x| button(x, s, a, b, &status)).collect(), "sweep-exports", "Export the sweep")
        }
    };
    html! {
        <div class="exports" role="group" aria-label={label} data-testid={testid}>
            <span class="exports-label">{ "Export:" }</span>
            { for buttons }
            <span role="status" class="export-status">{ (*status).clone() }</span>
        </div>
    }
}

fn button<T: Clone + 'static>(
    x: &'static Export<T>,
    value: &T,
    a: &str,
    b: &str,
    status: &UseStateHandle<String>,
) -> Html {
    let (value, a, b, status) = (value.clone(), a.to_owned(), b.to_owned(), status.clone());
    let onclick = Callback::from(move |_: MouseEvent| {
        let text = (x.make)(&value, &a, &b);
        let name = file_name(&a, &b, x.suffix);
        if !x.png {
            page_js::download(&name, x.mime, &text);
            return;
        }
        let status = status.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = page_js::download_png(&name, &text).await {
                status.set(format!("Could not make the PNG: {e}"));
            }
        });
    });
    html! { <button data-testid={format!("export-{}", x.id)} {onclick}>{ x.label }</button> }
}
