//! Plain data shared by the engine, the command line and the page: what a run is asked to
//! do, what it reports, how two reports compare, and the ready-made presets.
//! No interpreter and no browser types live here.

mod format;
mod markdown;
mod presets;
mod report;
mod request;
mod svg;
mod verdict;

pub use format::{format_bytes, format_ms};
pub use markdown::{Row, Unit, change, figures, group_thousands, markdown, rows};
pub use presets::{Metric, PRESETS, Preset, Side, preset};
pub use report::{EngineInfo, LineStat, RunError, RunReport, TimelinePoint, Truncated};
pub use request::{Limits, RunOptions};
pub use svg::svg;
pub use verdict::{Comparison, verdict};
