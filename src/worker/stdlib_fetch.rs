//! Downloads the part of the standard library that is not built into the engine, the first
//! time a run imports a module from it. A run blocks the worker, so the request is
//! synchronous (allowed in workers); the page is told first, so it can say what is loading.

use memplay_model::FromWorker;
use web_sys::{XmlHttpRequest, XmlHttpRequestResponseType};

use super::post;
use crate::convert;

pub fn fetch(module: &str) -> Result<Vec<u8>, String> {
    post(&FromWorker::LoadingModule { module: module.to_owned() });
    let url = memplay_engine::STDLIB_BUNDLE;
    let failed = |e: wasm_bindgen::JsValue| format!("could not download {url}: {}", convert::error_text(&e));
    let request = XmlHttpRequest::new().map_err(failed)?;
    request.open_with_async("GET", url, false).map_err(failed)?;
    request.set_response_type(XmlHttpRequestResponseType::Arraybuffer);
    request.send().map_err(failed)?;
    match request.status().map_err(failed)? {
        200 => Ok(convert::bytes(&request.response().map_err(failed)?)),
        status => Err(format!("could not download {url} (HTTP {status})")),
    }
}
