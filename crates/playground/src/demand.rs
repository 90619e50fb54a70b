//! When an embed's engine is wanted, as the page knows it (the reducer drives it:
//! on_demand.rs).

/// How long an embed stays off screen, idle, before it gives its workers back: long enough
/// that a reader scrolling past and back does not wait for Python again, short enough that
/// a long post does not keep every engine it passed. A post can set it (`data-idle`, in
/// seconds, which embed.js passes as the frame's `idle` query), within `IDLE_RANGE_MS`.
pub const IDLE_OFF_SCREEN_MS: u64 = 30_000;
pub const IDLE_RANGE_MS: std::ops::RangeInclusive<u64> = 1_000..=600_000;

/// The idle delay an embed's address asks for (`?embed&idle=SECONDS`), within range.
pub fn idle_ms_from_query(search: &str) -> u64 {
    crate::link::query_part(search, crate::IDLE_QUERY)
        .and_then(|v| v.parse::<f64>().ok())
        .filter(|s| s.is_finite())
        .map_or(IDLE_OFF_SCREEN_MS, |s| ((s * 1000.0) as u64).clamp(*IDLE_RANGE_MS.start(), *IDLE_RANGE_MS.end()))
}

/// What a link asked an embed to do once it is on screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autostart {
    Run,
    Sweep,
    Cpython,
}

/// An embed's engine as the page knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demand {
    /// The engine's download has been asked for (at once on the full page).
    pub requested: bool,
    /// The frame is on screen (an embed reports it; the full page is always on screen).
    pub visible: bool,
    /// What a link asked for, waiting for the embed to come on screen.
    pub autostart: Option<Autostart>,
    /// Another embed started its engine while this one was running: give the workers
    /// back once it is done.
    pub yield_when_idle: bool,
    /// Counts visibility changes, so a timer set when the frame left the screen is void
    /// once it came back.
    pub generation: u32,
    /// How long the embed stays off screen, idle, before it sleeps.
    pub idle_ms: u64,
    /// Download and compile the engine (no interpreter) when the embed first comes on
    /// screen, so that Run only starts the workers; off when the reader's browser asks to
    /// save data.
    pub prefetch: bool,
    /// Workers this embed has shelved (each one's id).
    pub shelved: u32,
}

impl Default for Demand {
    fn default() -> Self {
        Self {
            requested: false,
            visible: false,
            autostart: None,
            yield_when_idle: false,
            generation: 0,
            idle_ms: IDLE_OFF_SCREEN_MS,
            prefetch: true,
            shelved: 0,
        }
    }
}
