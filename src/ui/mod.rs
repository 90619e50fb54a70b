//! The playground page: a Yew shell over `memplay_playground`. The app component owns the
//! state and carries out the reducer's effects; every other component only renders.

mod address;
mod api;
mod app;
mod charts;
mod cpython_workers;
mod editor;
mod embed_bar;
mod embed_signals;
mod exports;
mod figures;
mod load_bar;
mod notice;
mod page_js;
mod pane_view;
mod peak;
mod perf_marks;
mod results;
mod settings_panel;
mod share_panel;
mod storage;
mod sweep_panel;
mod theme;
mod toolbar;
mod worker_slot;
mod workers;

pub fn start() {
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    // The static loading notice in index.html is replaced by the app.
    root.set_inner_html("");
    yew::Renderer::<app::App>::with_root(root).render();
}
