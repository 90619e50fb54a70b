//! A Chart.js chart on a canvas, rebuilt when its data changes.

use memplay_playground::{BarChart, SweepChart, TimelineChart};
use yew::prelude::*;

use super::page_js::{self, ChartHandle, ChartKind};

#[derive(Clone, PartialEq)]
pub enum ChartData {
    Bars(BarChart),
    Timeline(TimelineChart),
    Sweep(SweepChart),
}

impl ChartData {
    fn kind(&self) -> ChartKind {
        match self {
            ChartData::Bars(_) => ChartKind::Bars,
            ChartData::Timeline(_) => ChartKind::Timeline,
            ChartData::Sweep(_) => ChartKind::Sweep,
        }
    }

    fn create(&self, canvas: &web_sys::HtmlElement) -> ChartHandle {
        match self {
            ChartData::Bars(d) => page_js::chart(self.kind(), canvas, d),
            ChartData::Timeline(d) => page_js::chart(self.kind(), canvas, d),
            ChartData::Sweep(d) => page_js::chart(self.kind(), canvas, d),
        }
    }

    fn update(&self, handle: &ChartHandle) {
        match self {
            ChartData::Bars(d) => handle.update(d),
            ChartData::Timeline(d) => handle.update(d),
            ChartData::Sweep(d) => handle.update(d),
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub testid: &'static str,
    pub label: String,
    pub data: ChartData,
    /// Changes when the theme does, so the chart picks up the new colours.
    pub theme: memplay_playground::Theme,
}

pub struct Chart {
    canvas: NodeRef,
    handle: Option<ChartHandle>,
}

impl Component for Chart {
    type Message = ();
    type Properties = Props;

    fn create(_ctx: &Context<Self>) -> Self {
        Self { canvas: NodeRef::default(), handle: None }
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Props) -> bool {
        if let Some(h) = &self.handle {
            ctx.props().data.update(h);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let p = ctx.props();
        html! {
            <figure class="chart" data-testid={p.testid}>
                <div class="chart-box"><canvas ref={self.canvas.clone()} role="img" aria-label={p.label.clone()}></canvas></div>
            </figure>
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if first_render && let Some(canvas) = self.canvas.cast::<web_sys::HtmlElement>() {
            self.handle = Some(ctx.props().data.create(&canvas));
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
    }
}
