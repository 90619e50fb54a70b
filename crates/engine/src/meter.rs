//! The meter: what the counting allocator reports to while a run is measured on this
//! thread. It keeps the counters, the per-line figures, the timeline and the captured
//! output, and calls the host for progress and limits. Everything it allocates itself it
//! does while `busy`, so its own work is never counted.

use core::cell::Cell;
use core::ptr::null_mut;
use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

use memplay_model::{LineStat, RunReport, TimelinePoint};

use memplay_model::LimitKind;

use crate::host::{Host, Stream};
use crate::live_at_peak::LiveAtPeak;
use crate::sites::{NOWHERE, Sites};
use crate::snippet_line;
use crate::timeline::{PROGRESS_POINTS, REPORT_POINTS, Timeline};
use crate::tracemalloc::TraceMalloc;

/// Memory events between two looks at the clock.
const TICK_EVENTS: u32 = 1024;
/// How often progress is sent to the host, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;
/// How often, at most, what is alive at the peak so far goes to the host (only when the
/// peak has risen since): rarer than progress, since it names every line and stack.
const EXPLAIN_EVERY_MS: f64 = 250.0;
/// Output is handed to the host as it is written, so that it survives the engine dying
/// (a trap, a loop that never allocates and is terminated): the first `EAGER_WRITES`
/// writes at once, and after that whenever `OUTPUT_EVERY_MS` has passed since the last
/// hand-over. In between, a flood of small writes gathers (up to `OUTPUT_CHUNK_BYTES`)
/// and goes with the next hand-over, progress report, limit, stream change or the end.
const EAGER_WRITES: u32 = 64;
const OUTPUT_EVERY_MS: f64 = 20.0;
const OUTPUT_CHUNK_BYTES: usize = 32 * 1024;

thread_local! {
    static ACTIVE: Cell<*mut Meter> = const { Cell::new(null_mut()) };
}

/// Runs are numbered (from 1) so that a block's header says whether this run made it.
static RUNS: AtomicU32 = AtomicU32::new(1);

/// What a block's header holds (see `alloc`): the run that made it, 0 for none, and the
/// place in the snippet (a `sites` key).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub(crate) struct Tag {
    run: u32,
    key: u32,
}

impl Tag {
    pub const NONE: Tag = Tag { run: 0, key: NOWHERE };
}

#[derive(Clone, Copy, Default)]
struct LineAcc {
    hits: u64,
    allocations: u64,
    allocated_bytes: u64,
    net_bytes: i64,
    peak_bytes: i64,
}

pub(crate) struct Meter {
    busy: bool,
    pub allocations: u64,
    pub allocated_bytes: u64,
    pub live: i64,
    pub peak: i64,
    memory_limit: i64,
    pub limit_hit: Option<LimitKind>,
    limit_line: Option<u32>,
    line: usize,
    /// Address of the snippet's interned `co_filename` (see `snippet_line`).
    snippet_path: usize,
    lines: Vec<LineAcc>,
    pub timeline: Timeline,
    pub tracemalloc: TraceMalloc,
    /// This run's number, in the headers of the blocks it makes.
    run: u32,
    sites: Sites,
    held: LiveAtPeak,
    pub stdout: String,
    pub stderr: String,
    output_limit: usize,
    pub output_truncated: bool,
    /// Output kept but not yet handed to the host, and the stream it belongs to.
    unsent: String,
    unsent_stream: Stream,
    writes: u32,
    last_sent_ms: f64,
    events: u32,
    start_ms: f64,
    time_limit_ms: f64,
    last_progress_ms: f64,
    /// The peak the host was last told about (`Host::at_peak`), and when.
    explained_peak: i64,
    last_explained_ms: f64,
    host: *mut dyn Host,
    template: RunReport,
}

impl Meter {
    /// A meter for a snippet of `line_count` lines, keeping each block's call stack when
    /// `stacks` (else its line only). `template` supplies the report fields the meter does
    /// not own (limits, engine, warmed imports).
    pub fn new(
        line_count: usize,
        snippet_path: usize,
        stacks: bool,
        template: RunReport,
        host: &mut dyn Host,
    ) -> Box<Self> {
        let limits = template.limits;
        // SAFETY: only the lifetime is erased; the meter is deactivated (see `Active`)
        // before the run that borrowed `host` returns.
        let host: *mut (dyn Host + '_) = host;
        let host: *mut dyn Host = unsafe { core::mem::transmute(host) };
        Box::new(Self {
            busy: false,
            allocations: 0,
            allocated_bytes: 0,
            live: 0,
            peak: 0,
            memory_limit: i64::try_from(limits.memory_bytes).unwrap_or(i64::MAX),
            limit_hit: None,
            limit_line: None,
            line: 0,
            snippet_path,
            lines: vec![LineAcc::default(); line_count + 1],
            timeline: Timeline::new(),
            tracemalloc: TraceMalloc::default(),
            run: RUNS.fetch_add(1, Relaxed).max(1),
            sites: Sites::new(stacks),
            held: LiveAtPeak::default(),
            stdout: String::with_capacity(4096),
            stderr: String::new(),
            output_limit: usize::try_from(limits.output_bytes).unwrap_or(usize::MAX),
            output_truncated: false,
            unsent: String::new(),
            unsent_stream: Stream::Stdout,
            writes: 0,
            last_sent_ms: 0.0,
            events: 0,
            start_ms: 0.0,
            time_limit_ms: limits.time_ms as f64,
            last_progress_ms: 0.0,
            explained_peak: 0,
            last_explained_ms: f64::NEG_INFINITY,
            host,
            template,
        })
    }

    fn host(&mut self) -> &mut dyn Host {
        // SAFETY: see `new`; the host outlives every use while the meter is active.
        unsafe { &mut *self.host }
    }

    pub fn now_ms(&mut self) -> f64 {
        self.host().now_ms()
    }

    pub fn elapsed_ms(&mut self) -> f64 {
        self.now_ms() - self.start_ms
    }

    /// Counts an allocation; its key for the block's header, or `None` past the limit.
    #[inline(always)]
    fn record_alloc(&mut self, bytes: usize) -> Option<u32> {
        let size = bytes as i64;
        if self.live.saturating_add(size) > self.memory_limit {
            self.hit_limit(LimitKind::Memory);
            return None;
        }
        let (key, line) = self.sites.current(self.snippet_path);
        let line = self.enter_line(line as usize);
        self.held.alloc(key, bytes);
        self.allocations += 1;
        self.allocated_bytes += size as u64;
        self.live += size;
        let live = self.live;
        let acc = &mut self.lines[line];
        acc.allocations += 1;
        acc.allocated_bytes += size as u64;
        acc.net_bytes += size;
        acc.peak_bytes = acc.peak_bytes.max(live);
        self.after_change(line);
        Some(key)
    }

    /// A block changing size, counted as CPython's tracemalloc counts it: the old size goes
    /// and the new one comes, never both live at once (a block that grows in place, as
    /// large ones mostly do, never holds both).
    fn record_realloc(&mut self, old: usize, new: usize, tag: Tag) -> Option<u32> {
        if self.live - old as i64 + new as i64 > self.memory_limit {
            self.hit_limit(LimitKind::Memory);
            return None;
        }
        self.record_free(old, tag);
        self.record_alloc(new)
    }

    /// Counts a free: against the running line (what the line did while it ran), and
    /// against the place that made the block (what is alive, and where it came from).
    #[inline(always)]
    fn record_free(&mut self, size: usize, tag: Tag) {
        let line = self.enter_current_line();
        self.held.free(if tag.run == self.run { tag.key } else { NOWHERE }, size);
        self.live -= size as i64;
        let acc = &mut self.lines[line];
        acc.net_bytes -= size as i64;
        self.after_change(line);
    }

    #[inline(always)]
    fn enter_current_line(&mut self) -> usize {
        self.enter_line(snippet_line::current(self.snippet_path))
    }

    #[inline(always)]
    fn enter_line(&mut self, line: usize) -> usize {
        let line = line.min(self.lines.len() - 1);
        if line != self.line {
            self.line = line;
            self.lines[line].hits += 1;
            self.timeline.push(TimelinePoint { live_bytes: self.live, line: line as u32 });
        }
        line
    }

    #[inline(always)]
    fn after_change(&mut self, line: usize) {
        if self.live > self.peak {
            self.peak = self.live;
            self.held.rose(line as u32);
        }
        if self.tracemalloc.tracing && self.live > self.tracemalloc.peak {
            self.tracemalloc.peak = self.live;
        }
        self.timeline.sample(TimelinePoint { live_bytes: self.live, line: line as u32 }, self.peak);
        self.events += 1;
        if self.events >= TICK_EVENTS {
            self.events = 0;
            self.tick();
        }
    }

    /// Looks at the clock: sends progress now and then, and reports the time limit.
    pub fn tick(&mut self) {
        let now = self.now_ms();
        if self.limit_hit.is_none() && now - self.start_ms > self.time_limit_ms {
            self.hit_limit(LimitKind::Time);
        } else if now - self.last_progress_ms >= PROGRESS_EVERY_MS {
            self.last_progress_ms = now;
            self.send_output();
            let partial = self.figures(PROGRESS_POINTS, false);
            self.host().progress(&partial);
            if self.peak > self.explained_peak && now - self.last_explained_ms >= EXPLAIN_EVERY_MS {
                self.explained_peak = self.peak;
                self.last_explained_ms = now;
                let so_far = self.held.report(partial.peak_bytes, &self.sites);
                self.host().at_peak(&so_far);
            }
        }
    }

    fn hit_limit(&mut self, kind: LimitKind) {
        if self.limit_hit.is_some() {
            return;
        }
        self.limit_hit = Some(kind);
        self.limit_line = u32::try_from(self.line).ok().filter(|&l| l > 0);
        self.send_output();
        let partial = self.figures(REPORT_POINTS, true);
        self.host().limit(kind, &partial);
    }

    /// Captures output, keeping at most the output limit (stdout and stderr together).
    pub fn write(&mut self, stream: Stream, text: &str) {
        let used = self.stdout.len() + self.stderr.len();
        let room = self.output_limit.saturating_sub(used);
        let kept = if text.len() <= room {
            text
        } else {
            self.output_truncated = true;
            let mut end = room;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        };
        if !kept.is_empty() {
            match stream {
                Stream::Stdout => self.stdout.push_str(kept),
                Stream::Stderr => self.stderr.push_str(kept),
            }
            if stream != self.unsent_stream {
                self.send_output();
                self.unsent_stream = stream;
            }
            self.unsent.push_str(kept);
            self.writes = self.writes.saturating_add(1);
            let due = self.writes <= EAGER_WRITES || self.now_ms() - self.last_sent_ms >= OUTPUT_EVERY_MS;
            if due || self.unsent.len() >= OUTPUT_CHUNK_BYTES {
                self.send_output();
            }
        }
        self.tick();
    }

    /// Hands the output gathered since the last call to the host.
    fn send_output(&mut self) {
        if self.unsent.is_empty() {
            return;
        }
        let text = core::mem::take(&mut self.unsent);
        let stream = self.unsent_stream;
        self.last_sent_ms = self.now_ms();
        self.host().output(stream, &text);
    }

    /// Per-line figures for the lines that saw any memory event.
    pub fn line_stats(&self) -> Vec<LineStat> {
        self.lines
            .iter()
            .enumerate()
            .skip(1)
            .filter(|(_, a)| a.hits > 0 || a.allocations > 0)
            .map(|(line, a)| LineStat {
                line: line as u32,
                hits: a.hits,
                allocations: a.allocations,
                allocated_bytes: a.allocated_bytes,
                net_bytes: a.net_bytes,
                peak_bytes: a.peak_bytes.max(0) as u64,
            })
            .collect()
    }

    /// The report as far as the run has got, with the output captured so far.
    pub fn report(&self) -> RunReport {
        let mut r = self.figures(REPORT_POINTS, true);
        r.stdout.clone_from(&self.stdout);
        r.stderr.clone_from(&self.stderr);
        r
    }

    /// The report as far as the run has got, without the output: what progress and limit
    /// events carry (the output went to the host as it was written), with a timeline of
    /// at most `points` points, and with what was alive at the peak when `explain` (not in
    /// progress, which goes out ten times a second).
    fn figures(&self, points: usize, explain: bool) -> RunReport {
        let mut r = self.template.clone();
        r.peak_bytes = self.peak.max(0) as u64;
        r.allocated_bytes = self.allocated_bytes;
        r.allocations = self.allocations;
        r.retained_bytes = self.live;
        r.truncated.output = self.output_truncated;
        r.lines = self.line_stats();
        let (timeline, cut) = self.timeline.downsampled_to(points);
        r.timeline = timeline;
        r.truncated.timeline = cut;
        // Once a limit is hit, every report says so: the run may not get to say it later.
        r.error = self.limit_hit.map(|kind| kind.error(&r.limits, self.limit_line));
        if explain {
            r.at_peak = Some(self.held.report(r.peak_bytes, &self.sites));
        }
        r
    }
}

/// A meter made the active one for this thread; deactivated on drop.
pub(crate) struct Active {
    meter: Option<Box<Meter>>,
}

impl Active {
    /// Starts measuring: counters from here on are relative to this moment.
    pub fn start(mut meter: Box<Meter>) -> Self {
        meter.start_ms = meter.now_ms();
        meter.last_progress_ms = meter.start_ms;
        meter.timeline.push(TimelinePoint { live_bytes: 0, line: 0 });
        ACTIVE.with(|a| a.set(&mut *meter));
        with_active(|m| m.host().started());
        Self { meter: Some(meter) }
    }

    /// Stops measuring and hands the meter back, with a last timeline point.
    pub fn stop(mut self) -> Box<Meter> {
        ACTIVE.with(|a| a.set(null_mut()));
        let mut meter = self.meter.take().expect("an active meter");
        meter.send_output();
        let point = TimelinePoint { live_bytes: meter.live, line: meter.line as u32 };
        meter.timeline.push(point);
        meter
    }
}

impl Drop for Active {
    fn drop(&mut self) {
        ACTIVE.with(|a| a.set(null_mut()));
    }
}

/// Runs `f` with the active meter, if any, with counting paused inside.
pub(crate) fn with_active<R>(f: impl FnOnce(&mut Meter) -> R) -> Option<R> {
    let ptr = ACTIVE.try_with(Cell::get).unwrap_or(null_mut());
    if ptr.is_null() {
        return None;
    }
    // SAFETY: the pointer is set only while `Active` owns the meter, on this thread.
    let m = unsafe { &mut *ptr };
    let was_busy = core::mem::replace(&mut m.busy, true);
    let r = f(m);
    m.busy = was_busy;
    Some(r)
}

/// Runs `f` uncounted: with the active meter paused if there is one.
pub(crate) fn paused<R>(f: impl FnOnce() -> R) -> R {
    let mut f = Some(f);
    match with_active(|_| f.take().map(|f| f())) {
        Some(Some(r)) => r,
        _ => (f.take().expect("f has not run"))(),
    }
}

#[inline(always)]
fn active_idle() -> Option<&'static mut Meter> {
    let ptr = ACTIVE.try_with(Cell::get).unwrap_or(null_mut());
    if ptr.is_null() {
        return None;
    }
    // SAFETY: as in `with_active`; a busy meter is the meter's own work, not counted.
    let m = unsafe { &mut *ptr };
    if m.busy { None } else { Some(m) }
}

/// The meter's answer to an allocation request.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Admit {
    /// Past the memory limit: the allocator returns null.
    Refuse,
    Allow,
    /// Allowed, and tracemalloc wants the block's address (`on_block`).
    Trace,
}

impl Meter {
    /// The allocator's answer for a block `record_alloc` keyed (or refused), with its tag.
    #[inline(always)]
    fn admit(&self, key: Option<u32>) -> (Admit, Tag) {
        match (key, self.tracemalloc.tracing) {
            (None, _) => (Admit::Refuse, Tag::NONE),
            (Some(key), false) => (Admit::Allow, Tag { run: self.run, key }),
            (Some(key), true) => (Admit::Trace, Tag { run: self.run, key }),
        }
    }
}

#[inline(always)]
pub(crate) fn on_alloc(size: usize) -> (Admit, Tag) {
    match active_idle() {
        None => (Admit::Allow, Tag::NONE),
        Some(m) => {
            m.busy = true;
            let key = m.record_alloc(size);
            m.busy = false;
            m.admit(key)
        }
    }
}

/// A block was handed out while tracemalloc traces: remember its line.
#[cold]
pub(crate) fn on_block(ptr: *mut u8, size: usize) {
    if let Some(m) = active_idle()
        && !ptr.is_null()
    {
        m.busy = true;
        m.tracemalloc.insert(ptr as usize, m.line as u32, size);
        m.busy = false;
    }
}

#[inline(always)]
pub(crate) fn on_free(ptr: *mut u8, size: usize, tag: Tag) {
    if let Some(m) = active_idle() {
        m.busy = true;
        m.record_free(size, tag);
        if m.tracemalloc.tracing {
            m.tracemalloc.remove(ptr as usize);
        }
        m.busy = false;
    }
}

pub(crate) fn on_realloc(ptr: *mut u8, old: usize, new: usize, tag: Tag) -> (Admit, Tag) {
    match active_idle() {
        // Outside a run a block keeps its header: it was made where it was made.
        None => (Admit::Allow, tag),
        Some(m) => {
            m.busy = true;
            let key = m.record_realloc(old, new, tag);
            if key.is_some() && m.tracemalloc.tracing {
                m.tracemalloc.remove(ptr as usize);
            }
            m.busy = false;
            m.admit(key)
        }
    }
}
