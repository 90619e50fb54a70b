//! Every conversion between Rust values and JavaScript values happens here. Values cross
//! as plain JSON-shaped objects (maps as objects, `None` as `null`, integers as numbers),
//! so what the page hands to scripts is exactly what the CLI prints with `--json`.

use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsValue;

/// A Rust value as a JSON-shaped JavaScript value.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// A JavaScript value read as `T`, or why it is not one.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// What a thrown JavaScript value says, for a message to a person.
pub fn error_text(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    js_sys::Reflect::get(value, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// The bytes of an `ArrayBuffer` (or a typed array).
pub fn bytes(value: &JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(value).to_vec()
}

/// A plain object with the given properties.
pub fn object(properties: &[(&str, &JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in properties {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A line in the browser's console, for what the page drops on purpose.
pub fn warn(text: &str) {
    web_sys::console::warn_1(&JsValue::from_str(text));
}
