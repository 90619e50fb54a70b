//! Everything the playground page decides, without a browser: the state, the one reducer
//! that changes it, the effects the web shell must carry out, the saved draft, and the
//! view model (`State::view()`: every region's texts, figures, gutter marks and chart
//! series, finished). The Yew shell sends actions in, carries effects out and renders
//! the view; it decides nothing itself.

mod action;
mod check_state;
mod cpython;
mod demand;
mod draft;
mod effect;
mod exports;
mod gutter;
mod lifecycle;
mod link;
mod on_demand;
mod open_link;
mod pane;
mod reduce;
mod script;
mod series;
mod settings;
mod state;
mod sweep;
mod sweep_run;
mod view;

pub use action::Action;
pub use check_state::{CpythonState, CpythonWorker};
pub use demand::{Autostart, Demand, IDLE_OFF_SCREEN_MS, IDLE_RANGE_MS, idle_ms_from_query};
pub use draft::{DRAFT_KEY, Draft, PaneDraft};
pub use effect::{Announcement, Effect, WorkerHeaps, WorkerReport};
pub use exports::{EXPORT_URL_MS, EXPORTS, Export, Exported, SWEEP_EXPORTS, file_name};
pub use gutter::{GutterMark, MarkKind, gutter};
pub use lifecycle::{KEEP_ENGINE_AFTER_MS, KEEP_ENGINE_WITHIN_MS, MAX_FAILED_STARTS, SHELF_MS};
pub use link::{
    CPYTHON_FLAG, EMBED_HEIGHT, EMBED_QUERY, IDLE_QUERY, Link, LinkContent, LinkError, MAX_DECODED, MAX_FRAGMENT,
    MAX_TITLE, PRESET_PART, RUN_FLAG, SWEEP_FLAG, Shared, VERSION, embed_code, embed_js_table, embed_url, page_url,
    readable_embed_code,
};
pub use memplay_model::Side;
pub use pane::{ConsoleChunk, Pane, WorkerState};
pub use reduce::crash_error;
pub use script::ScriptResults;
pub use series::{Bar, BarChart, PeakMark, Tick, TimelineChart, TimelinePoint, bars, byte_ticks, charts, timeline};
pub use settings::{NumberSetting, Settings, ShareOptions, Theme};
pub use state::{DEFAULT_PRESET, EngineLoad, Mode, Notice, State};
pub use sweep_run::{SweepRun, spaced};
pub use view::{
    AlignedRowView, ComparisonView, CpythonView, ErrorView, FigureCell, FiguresView, FitView, FrameView, HONESTY_NOTE,
    KindsView, LoadView, PageView, PaneView, PeakRowView, PeakSideView, PeakView, ResultsView, RowView, ShareView,
    StackRowView, SweepChart, SweepChartPoint, SweepFormView, SweepView, ToolbarView, glossary,
};

/// Slack past the time limit before the page stops a worker that did not stop itself.
pub const WATCHDOG_GRACE_MS: u64 = 1000;

/// A worker is replaced between runs once it holds this much through its allocator: each
/// RustPython interpreter leaves a little behind (0.7 MiB for `pass`, a few MiB with
/// imports; see crates/engine/tests/heap.rs), so a long session would grow without bound.
pub const RECYCLE_LIVE_BYTES: i64 = 64 << 20;
/// … or once its WebAssembly memory (which never shrinks) has grown past this, as after a
/// snippet that peaked high: a fresh worker gives that memory back to the browser.
pub const RECYCLE_MEMORY_BYTES: u64 = 256 << 20;
/// An embed that sleeps hands its workers on to the post's next embed only while their
/// WebAssembly memory is below this (a fresh worker's is about 21 MiB): a worker whose
/// memory a snippet made grow would carry that high-water mark from embed to embed, so it
/// is terminated, and the next embed starts a fresh one.
pub const HAND_OVER_MEMORY_BYTES: u64 = 32 << 20;
