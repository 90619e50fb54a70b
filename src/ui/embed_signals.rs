//! An embed's signals for engines on demand (memplay_playground::on_demand): whether its
//! frame is on screen, and the channel on which the page's embeds say that one of them
//! started its engine.

use js_sys::Function;
use memplay_playground::Action;
use wasm_bindgen::{JsCast, JsValue, closure::Closure};
use yew::Callback;

use super::page_js;

pub struct EmbedSignals {
    claim: Function,
    _on_screen: Closure<dyn FnMut(bool)>,
    _on_claim: Closure<dyn FnMut()>,
}

impl EmbedSignals {
    /// Starts watching: `actions` gets `Visible` and `OtherEngineClaimed`.
    pub fn start(actions: &Callback<Action>) -> Self {
        let visible = actions.clone();
        let on_screen = Closure::<dyn FnMut(bool)>::new(move |v: bool| visible.emit(Action::Visible(v)));
        let claimed = actions.clone();
        let on_claim = Closure::<dyn FnMut()>::new(move || claimed.emit(Action::OtherEngineClaimed));
        page_js::watch_on_screen(on_screen.as_ref().unchecked_ref());
        let claim = page_js::engine_channel(on_claim.as_ref().unchecked_ref());
        Self { claim, _on_screen: on_screen, _on_claim: on_claim }
    }

    /// Tells the page's other embeds that this one started its engine.
    pub fn claim(&self) {
        let _ = self.claim.call0(&JsValue::NULL);
    }
}

/// The reader's browser asks pages to save data (`navigator.connection.saveData`): an embed
/// then downloads the engine only when Run is pressed, not when it comes on screen.
pub fn save_data() -> bool {
    let Some(window) = web_sys::window() else { return false };
    js_sys::Reflect::get(&window, &JsValue::from_str("navigator"))
        .ok()
        .filter(JsValue::is_object)
        .and_then(|n| js_sys::Reflect::get(&n, &JsValue::from_str("connection")).ok())
        .filter(JsValue::is_object)
        .and_then(|c| js_sys::Reflect::get(&c, &JsValue::from_str("saveData")).ok())
        .is_some_and(|v| v.is_truthy())
}
