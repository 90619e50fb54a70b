//! A CodeMirror editor. CodeMirror owns its DOM; this component creates it once and then
//! only passes changes across: text set from outside (a preset, `setCode`), gutter marks
//! and the error line.

use memplay_playground::GutterMark;
use wasm_bindgen::closure::Closure;
use yew::prelude::*;

use super::page_js::{self, EditorHandle};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub testid: String,
    pub label: String,
    pub code: String,
    pub marks: Vec<GutterMark>,
    pub error_line: Option<u32>,
    pub on_change: Callback<String>,
}

pub enum Msg {
    Edited(String),
}

pub struct Editor {
    host: NodeRef,
    handle: Option<EditorHandle>,
    _on_change: Closure<dyn FnMut(String)>,
}

impl Component for Editor {
    type Message = Msg;
    type Properties = Props;

    fn create(ctx: &Context<Self>) -> Self {
        let link = ctx.link().clone();
        let on_change = Closure::<dyn FnMut(String)>::new(move |text| link.send_message(Msg::Edited(text)));
        Self { host: NodeRef::default(), handle: None, _on_change: on_change }
    }

    fn update(&mut self, ctx: &Context<Self>, Msg::Edited(text): Msg) -> bool {
        ctx.props().on_change.emit(text);
        false
    }

    fn changed(&mut self, ctx: &Context<Self>, old: &Props) -> bool {
        let p = ctx.props();
        if let Some(h) = &self.handle {
            if p.code != old.code {
                h.set_doc(&p.code);
            }
            if p.marks != old.marks || p.error_line != old.error_line {
                h.set_marks(&p.marks, p.error_line);
            }
        }
        false
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        html! { <div class="editor" ref={self.host.clone()} data-testid={ctx.props().testid.clone()}></div> }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render && let Some(el) = self.host.cast::<web_sys::Element>() {
            let p = ctx.props();
            let handle = page_js::editor(&el, &p.code, &p.label, &self._on_change);
            handle.set_marks(&p.marks, p.error_line);
            self.handle = Some(handle);
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}
