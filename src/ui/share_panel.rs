//! "Share & embed": the link to the current snippets (optionally running on open) and the
//! embed code for a blog post, each with a copy button.

use memplay_playground::{ShareOptions, ShareView};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};
use yew::prelude::*;

use super::page_js;

const PANEL_ID: &str = "share-panel";
const LINK_ID: &str = "share-link";

/// Opens the panel, scrolls to it, copies the link (as the button's title promises) and
/// puts the focus on it (the toolbar's Share).
pub fn reveal() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(panel) = document.get_element_by_id(PANEL_ID) {
        let _ = panel.set_attribute("open", "");
        panel.scroll_into_view();
    }
    let copy_link = document.query_selector("[data-testid=\"copy-link\"]").ok().flatten();
    if let Some(button) = copy_link.and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        button.click();
    }
    if let Some(input) = document.get_element_by_id(LINK_ID).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = input.focus();
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: ShareView,
    /// The reader ticked or unticked "Run when opened" or "Scale when opened".
    pub on_options: Callback<ShareOptions>,
}

#[component]
pub fn SharePanel(p: &Props) -> Html {
    let status = use_state(String::new);
    let ShareView { run, sweep, link, embed, readable } = p.view.clone();
    let copy = |what: &'static str, text: String| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let (status, text) = (status.clone(), text.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = page_js::copy_text(&text).await;
                status.set(if copied { format!("{what} copied.") } else { format!("Select the {what} and copy it.") });
            });
        })
    };
    let toggle = |set: fn(&mut ShareOptions, bool)| {
        let on_options = p.on_options.clone();
        Callback::from(move |e: Event| {
            let mut options = ShareOptions { run, sweep };
            set(&mut options, e.target_unchecked_into::<HtmlInputElement>().checked());
            on_options.emit(options);
        })
    };
    html! {
        <details class="share" id={PANEL_ID} data-testid="share">
            <summary data-testid="share-toggle">{ "Share & embed" }</summary>
            <div class="share-body">
                { match &link {
                    Ok(url) => html! {
                        <>
                        <label class="share-field">
                            <span>{ "Link to these snippets" }</span>
                            <input type="text" readonly=true value={url.clone()} data-testid="share-link" id={LINK_ID}
                                onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                        </label>
                        <div class="share-actions">
                            <button data-testid="copy-link" onclick={copy("Link", url.clone())}>{ "Copy link" }</button>
                            <label class="check">
                                <input type="checkbox" checked={run} onchange={toggle(|o, v| o.run = v)} data-testid="share-run" />
                                { "Run when opened" }
                            </label>
                            <label class="check">
                                <input type="checkbox" checked={sweep} onchange={toggle(|o, v| o.sweep = v)} data-testid="share-sweep" />
                                { "Scale when opened" }
                            </label>
                        </div>
                        <label class="share-field">
                            <span>{ "Embed code for a blog post (an iframe, and the script that sizes it)" }</span>
                            <textarea readonly=true rows="4" value={embed.clone()} data-testid="embed-code" />
                        </label>
                        <div class="share-actions">
                            <button data-testid="copy-embed" onclick={copy("Embed code", embed.clone())}>{ "Copy embed code" }</button>
                        </div>
                        <label class="share-field">
                            <span>{ "Or the snippets as text, to edit in your post (embed.js makes them live)" }</span>
                            <textarea readonly=true rows="6" value={readable.clone()} data-testid="embed-readable" />
                        </label>
                        <div class="share-actions">
                            <button data-testid="copy-embed-readable" onclick={copy("Readable embed code", readable.clone())}>
                                { "Copy readable embed code" }</button>
                        </div>
                        </>
                    },
                    Err(message) => html! { <p class="error" data-testid="share-error">{ message }</p> },
                } }
                <p class="share-status" role="status" data-testid="share-status">{ (*status).clone() }</p>
            </div>
        </details>
    }
}
