//! A host that turns what happens during a run into protocol events for a sink: the
//! command line's child writes them as JSON lines, the browser's worker posts them.

use memplay_model::{AtPeak, EngineEvent, RunReport};

use memplay_model::LimitKind;

use crate::host::{Host, Stream};

pub struct EventHost<C, S> {
    clock: C,
    sink: S,
}

impl<C: Fn() -> f64, S: FnMut(EngineEvent)> EventHost<C, S> {
    /// `clock` gives milliseconds from any fixed origin; `sink` receives every event. A
    /// sink may end the process (or throw) after a time-limit event: nothing else follows.
    pub fn new(clock: C, sink: S) -> Self {
        Self { clock, sink }
    }
}

impl<C: Fn() -> f64, S: FnMut(EngineEvent)> Host for EventHost<C, S> {
    fn now_ms(&self) -> f64 {
        (self.clock)()
    }

    fn started(&mut self) {
        (self.sink)(EngineEvent::Started);
    }

    fn output(&mut self, stream: Stream, text: &str) {
        (self.sink)(EngineEvent::Output { stderr: stream == Stream::Stderr, text: text.to_owned() });
    }

    fn progress(&mut self, partial: &RunReport) {
        (self.sink)(EngineEvent::progress(partial.clone()));
    }

    fn at_peak(&mut self, so_far: &AtPeak) {
        (self.sink)(EngineEvent::AtPeak(Box::new(so_far.clone())));
    }

    fn limit(&mut self, kind: LimitKind, partial: &RunReport) {
        (self.sink)(EngineEvent::limit(kind, partial.clone()));
    }
}
