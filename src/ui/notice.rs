//! The message above the panes: what a share link did, or why it could not be opened,
//! with the way back to the person's own snippets.

use memplay_playground::Notice;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Notice,
    pub on_restore: Callback<()>,
    pub on_dismiss: Callback<()>,
}

#[component]
pub fn NoticeBar(p: &Props) -> Html {
    let n = &p.notice;
    html! {
        <div class={classes!("notice", n.error.then_some("notice-error"))} data-testid="notice"
            data-kind={if n.error { "error" } else { "info" }} role={if n.error { "alert" } else { "status" }}>
            <span class="notice-text">{ &n.text }</span>
            if n.can_restore {
                <button data-testid="restore-draft" onclick={p.on_restore.reform(|_| ())}>
                    { "Restore my snippets" }
                </button>
            }
            <button class="notice-close" data-testid="dismiss-notice" aria-label="Dismiss this message"
                onclick={p.on_dismiss.reform(|_| ())}>{ "×" }</button>
        </div>
    }
}
