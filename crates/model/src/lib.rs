//! Plain data shared by the engine, the command line and the page: what a run is asked to
//! do, what it reports, how two reports compare, and the ready-made presets.
//! No interpreter and no browser types live here.

mod cpython;
mod figure;
mod format;
mod imports;
mod kinds;
mod limit_kind;
mod markdown;
mod peak;
mod presets;
mod protocol;
mod report;
mod request;
mod results;
mod rows;
mod sample_data;
mod sandbox;
mod svg;
mod sweep;
mod table;
mod tracker;
mod verdict;

pub use cpython::{
    CPYTHON_DRIVER, CPYTHON_DRIVER_PARTS, CPYTHON_MIN, CheckLine, CheckProgress, CheckReport, CheckRequest,
    CpythonCheck, FromCpython, KeyGate, LimitMessages, MEMORY_MARGIN_BYTES, PYODIDE_SAMPLES_DIR, SampleFiles, Sealed,
    ToCpython,
};
pub use figure::{Figure, Unit};
pub use format::{format_bytes, format_held, format_ms, group_thousands};
pub use imports::imported_modules;
pub use kinds::{INTERPRETER, TypeRow, each_text, kinds_sentence, kinds_text, peak_types, rank_types};
pub use limit_kind::LimitKind;
pub use markdown::markdown;
pub use peak::{
    AtPeak, FRAMES_LISTED, ListedLine, PeakLine, PeakRow, PeakStack, PeakType, STACKS_LISTED, align_lines,
    elided_calls, line_text, listed_frames, listed_lines, peak_lines, rank_lines,
};
pub use presets::{Metric, PRESETS, Preset, Side, preset, still_the_preset};
pub use protocol::{EngineEvent, FromWorker, ToWorker, WorkerHeap};
pub use report::{ENGINE_NAME, EngineInfo, ErrorKind, LineStat, RunError, RunReport, TimelinePoint, Truncated};
pub use request::{Limits, RunOptions};
pub use results::Results;
pub use rows::{Row, SO_FAR, TIME_NOISE_MS, UNMEASURED, change, figure_change, figures, partial_text, rows};
pub use sample_data::{SAMPLE_FILES, measurements_csv, readme, server_log, wants_sample_files};
pub use sandbox::{SNIPPET_FILENAME, UNAVAILABLE, unavailable};
pub use svg::{card_svg, card_svg_checked, svg, sweep_svg, timeline_percent, timeline_svg};
pub use sweep::{
    Crossover, Fit, Growth, Literal, NO_SIZE_VAR, SizeSite, SizeVar, Sweep, SweepFits, SweepPlan, SweepPoint,
    SweepRange, counterpart, crossover, default_site, default_size_var, fit, literals, sites_in_both, size_vars, sizes,
    slim, sweep_markdown, with_size,
};
pub use table::{Align, Table, column_head, cpython_held, figures_table, kinds_table, peak_table};
pub use tracker::RunTracker;
pub use verdict::{
    CLOSE_CALL_NOTE, CLOSE_CALL_RATIO, Comparison, close_call, short_verdict, verdict, verdict_on, winner, winner_on,
};
