//! Bindings to `window.memplayVendor` (www/js): the code editor, the charts and the engine
//! download. Values cross through `convert`.

use js_sys::{Function, Promise};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};

#[wasm_bindgen]
extern "C" {
    /// A CodeMirror editor.
    pub type EditorHandle;

    #[wasm_bindgen(js_namespace = memplayVendor, js_name = createEditor)]
    fn create_editor(parent: &Element, options: &JsValue) -> EditorHandle;
    #[wasm_bindgen(method, js_name = setDoc)]
    pub fn set_doc(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method, js_name = setMarks)]
    fn set_marks_js(this: &EditorHandle, marks: &JsValue, error_line: Option<u32>);
    #[wasm_bindgen(method)]
    pub fn destroy(this: &EditorHandle);

    /// A Chart.js chart.
    pub type ChartHandle;

    #[wasm_bindgen(js_namespace = memplayVendor, js_name = createBars)]
    fn create_bars(canvas: &HtmlElement, data: &JsValue) -> ChartHandle;
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = createTimeline)]
    fn create_timeline(canvas: &HtmlElement, data: &JsValue, format_bytes: &Function) -> ChartHandle;
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = createSweep)]
    fn create_sweep(canvas: &HtmlElement, data: &JsValue) -> ChartHandle;
    #[wasm_bindgen(method, js_name = update)]
    fn update_js(this: &ChartHandle, data: &JsValue);
    #[wasm_bindgen(method)]
    pub fn destroy(this: &ChartHandle);

    #[wasm_bindgen(js_namespace = memplayVendor, js_name = loadEngine)]
    fn load_engine_js(url: &str, on_progress: &Function) -> Promise;
    /// Forgets this frame's failed download of the engine (`Effect::ForgetEngineDownload`).
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = forgetEngine)]
    pub fn forget_engine();
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = keepEngine)]
    fn keep_engine_js(within_ms: f64);
}

/// Keeps the engine this frame downloaded in Cache Storage (`Effect::KeepEngine`).
pub fn keep_engine(within_ms: u64) {
    keep_engine_js(within_ms as f64);
}

/// Options of a new editor; `on_change` gets the whole text after every edit.
pub fn editor(parent: &Element, doc: &str, label: &str, on_change: &Closure<dyn FnMut(String)>) -> EditorHandle {
    let options = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(k), v);
    };
    set("doc", &JsValue::from_str(doc));
    set("label", &JsValue::from_str(label));
    set("onChange", on_change.as_ref());
    create_editor(parent, &options)
}

impl EditorHandle {
    pub fn set_marks(&self, marks: &[memplay_playground::GutterMark], error_line: Option<u32>) {
        self.set_marks_js(&crate::convert::to_js(marks), error_line);
    }
}

/// Which chart a canvas holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ChartKind {
    Bars,
    Timeline,
    Sweep,
}

pub fn chart<T: serde::Serialize>(kind: ChartKind, canvas: &HtmlElement, data: &T) -> ChartHandle {
    let data = crate::convert::to_js(data);
    match kind {
        ChartKind::Bars => create_bars(canvas, &data),
        ChartKind::Sweep => create_sweep(canvas, &data),
        ChartKind::Timeline => FORMAT_BYTES.with(|f| create_timeline(canvas, &data, f.as_ref().unchecked_ref())),
    }
}

thread_local! {
    /// The page's one byte formatter (`memplay_model::format_bytes`), for the timeline's
    /// tooltips: formatted when a point is hovered, not for every point on every render.
    static FORMAT_BYTES: Closure<dyn Fn(f64) -> String> = Closure::new(memplay_model::format_bytes);
}

impl ChartHandle {
    pub fn update<T: serde::Serialize>(&self, data: &T) {
        self.update_js(&crate::convert::to_js(data));
    }
}

/// Downloads and compiles the engine; `on_progress(loaded, total)` as bytes arrive
/// (`total` is 0 when the server does not say). Resolves to `{ module, fetched }`: a
/// `WebAssembly.Module`, and whether this load downloaded it from the network.
pub fn load_engine(url: &str, on_progress: &Closure<dyn FnMut(f64, f64)>) -> Promise {
    load_engine_js(url, on_progress.as_ref().unchecked_ref())
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = copyText)]
    fn copy_text_js(text: &str) -> Promise;
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = download)]
    fn download_js(filename: &str, mime: &str, text: &str, keep_ms: f64);
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = downloadPng)]
    fn download_png_js(filename: &str, svg: &str, scale: f64, keep_ms: f64) -> Promise;
    /// In an embed: keeps the post around it told of the page's height.
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = reportHeight)]
    pub fn report_height();

    /// In an embed: calls back with whether the frame is on screen, now and on change.
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = watchOnScreen)]
    pub fn watch_on_screen(on_change: &Function);
    /// In an embed: the channel to the page's other embeds. Calls `on_claim` when another
    /// one starts its engine; returns the function that says this one did.
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = engineChannel)]
    pub fn engine_channel(on_claim: &Function) -> Function;
    /// In an embed: puts a ready engine worker it gave back on its shelf under `id`, with
    /// the message it said ready with, for the post's next embed to take.
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = shelveWorker)]
    pub fn shelve_worker(worker: &web_sys::Worker, ready: &JsValue, id: u32);
    /// Terminates the worker shelved under `id`, unless an embed has taken it.
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = dropShelved)]
    pub fn drop_shelved(id: u32);
    #[wasm_bindgen(js_namespace = memplayVendor, js_name = takeWorker)]
    fn take_worker_js(on_owner_gone: &JsValue) -> JsValue;
}

/// Offers `text` as a downloaded file.
pub fn download(filename: &str, mime: &str, text: &str) {
    download_js(filename, mime, text, memplay_playground::EXPORT_URL_MS as f64);
}

/// A ready engine worker that an embed of the post (this one included) gave back, with the
/// message it said ready with; none when no shelf holds one. `on_owner_gone` is called if
/// the frame that started it is removed.
pub fn take_worker(on_owner_gone: impl FnOnce() + 'static) -> Option<(web_sys::Worker, JsValue)> {
    let taken = take_worker_js(&Closure::once_into_js(on_owner_gone));
    if !js_sys::Array::is_array(&taken) {
        return None;
    }
    let pair = js_sys::Array::from(&taken);
    Some((pair.get(0).unchecked_into(), pair.get(1)))
}

/// Copies `text` to the clipboard; true when it got there.
pub async fn copy_text(text: &str) -> bool {
    wasm_bindgen_futures::JsFuture::from(copy_text_js(text)).await.is_ok_and(|v| v.as_bool() == Some(true))
}

/// Draws `svg` at twice its size and offers it as a PNG file; the error says why not.
pub async fn download_png(filename: &str, svg: &str) -> Result<(), String> {
    wasm_bindgen_futures::JsFuture::from(download_png_js(filename, svg, 2.0, memplay_playground::EXPORT_URL_MS as f64))
        .await
        .map(|_| ())
        .map_err(|e| crate::convert::error_text(&e))
}
