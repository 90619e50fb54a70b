//! The export buttons: each makes its file from the comparison (see
//! `memplay_playground::EXPORTS`) and offers it as a download.

use memplay_model::Comparison;
use memplay_playground::{EXPORTS, file_name};
use yew::prelude::*;

use super::vendor;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub comparison: Comparison,
    pub a_title: String,
    pub b_title: String,
}

#[component]
pub fn Exports(p: &Props) -> Html {
    let status = use_state(String::new);
    let buttons = EXPORTS.iter().map(|x| {
        let (comparison, a, b, status) = (p.comparison.clone(), p.a_title.clone(), p.b_title.clone(), status.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let text = (x.make)(&comparison, &a, &b);
            let name = file_name(&a, &b, x.suffix);
            if !x.png {
                vendor::download(&name, x.mime, &text);
                return;
            }
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = vendor::download_png(&name, &text).await {
                    status.set(format!("Could not make the PNG: {e}"));
                }
            });
        });
        html! { <button data-testid={format!("export-{}", x.id)} {onclick}>{ x.label }</button> }
    });
    html! {
        <div class="exports" role="group" aria-label="Export the results" data-testid="exports">
            <span class="exports-label">{ "Export:" }</span>
            { for buttons }
            <span role="status" class="export-status">{ (*status).clone() }</span>
        </div>
    }
}
