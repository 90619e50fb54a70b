//! The page's own address: whether it is an embed, the link in its fragment, and the base
//! that share links and embed code are built on.

use memplay_playground::Mode;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

fn search() -> String {
    location().and_then(|l| l.search().ok()).unwrap_or_default()
}

pub fn mode() -> Mode {
    Mode::from_query(&search())
}

/// How long an embed stays off screen, idle, before it gives its engine back.
pub fn idle_ms() -> u64 {
    memplay_playground::idle_ms_from_query(&search())
}

/// The fragment, `#` included (empty when there is none).
pub fn fragment() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// The playground page's address without query or fragment: `https://host/path/`.
pub fn base() -> String {
    location().and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))).unwrap_or_default()
}

/// Takes the link out of the address bar without reloading or adding a history entry.
pub fn clear_fragment() {
    let Some(window) = web_sys::window() else { return };
    let Some(l) = location() else { return };
    let url = format!("{}{}", l.pathname().unwrap_or_default(), l.search().unwrap_or_default());
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}
