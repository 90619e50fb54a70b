//! The engine download bar: progress while Python loads, a ready note, or why not.

use memplay_model::format_bytes;

use crate::State;

#[derive(Clone, Debug, PartialEq)]
pub enum LoadView {
    /// Downloading or starting: the text and the bar's percent (none while unknown).
    Loading {
        text: String,
        percent: Option<u8>,
    },
    Ready,
    /// An embed without an engine: Run starts one.
    Asleep,
    Failed(String),
}

impl State {
    pub fn load_view(&self) -> LoadView {
        let e = &self.engine;
        if let Some(error) = &e.error {
            return LoadView::Failed(format!("Python could not be loaded: {error}. Reload the page to try again."));
        }
        if self.ready() {
            return LoadView::Ready;
        }
        if self.asleep() {
            return LoadView::Asleep;
        }
        let text = match (e.compiled, e.total, e.percent()) {
            (true, _, _) => "Starting Python…".to_owned(),
            (false, Some(total), Some(pct)) => {
                format!("Loading Python… {} of {} ({pct}%)", format_bytes(e.loaded as f64), format_bytes(total as f64))
            }
            _ if e.loaded > 0 => format!("Loading Python… {}", format_bytes(e.loaded as f64)),
            _ => "Loading Python…".to_owned(),
        };
        LoadView::Loading { text, percent: if e.compiled { Some(100) } else { e.percent() } }
    }
}
