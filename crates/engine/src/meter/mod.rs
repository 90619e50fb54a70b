//! The meter: what the counting allocator reports to while a run is measured on this
//! thread. It keeps the counters and the per-line figures, and holds the timeline
//! (`timeline`), what is alive where (`sites`, `live_at_peak`) and the captured output
//! (`captured`); it calls the host for progress, the peak so far and limits. Everything
//! it allocates itself it does while `busy`, so its own work is never counted.

use core::sync::atomic::{AtomicU32, Ordering::Relaxed};

use memplay_model::{LimitKind, LineStat, RunReport, TimelinePoint};

use crate::captured::Captured;
use crate::header::Tag;
use crate::host::{Host, Stream};
use crate::live_at_peak::LiveAtPeak;
use crate::shadow_stack;
use crate::sites::{NOWHERE, Sites};
use crate::timeline::{PROGRESS_POINTS, REPORT_POINTS, Timeline};
use crate::tracemalloc::TraceMalloc;

mod hooks;

pub(crate) use hooks::{Active, Admit, on_alloc, on_free, on_realloc, paused, with_active};

/// Memory events between two looks at the clock.
const TICK_EVENTS: u32 = 1024;
/// How often progress is sent to the host, in milliseconds.
const PROGRESS_EVERY_MS: f64 = 100.0;
/// How often, at most, what is alive at the peak so far goes to the host (only when the
/// peak has risen since): rarer than progress, since it names every line and stack.
const EXPLAIN_EVERY_MS: f64 = 250.0;

/// Runs are numbered (from 1) so that a block's header says whether this run made it.
static RUNS: AtomicU32 = AtomicU32::new(1);

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
    /// While the freelists are emptied at the end: a block made before this run is not
    /// this run's to free.
    only_own_frees: bool,
    pub allocations: u64,
    pub allocated_bytes: u64,
    pub live: i64,
    pub peak: i64,
    memory_limit: i64,
    pub limit_hit: Option<LimitKind>,
    limit_line: Option<u32>,
    line: usize,
    /// Address of the snippet's interned `co_filename` (see `shadow_stack`).
    snippet_path: usize,
    lines: Vec<LineAcc>,
    pub timeline: Timeline,
    pub tracemalloc: TraceMalloc,
    /// This run's number, in the headers of the blocks it makes.
    run: u32,
    sites: Sites,
    held: LiveAtPeak,
    output: Captured,
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
            only_own_frees: false,
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
            output: Captured::new(usize::try_from(limits.output_bytes).unwrap_or(usize::MAX)),
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

    /// Live traced blocks per snippet line, as `tracemalloc`'s snapshot gives them.
    pub fn traced_by_line(&self) -> Vec<memplay_model::PeakLine> {
        self.tracemalloc.by_line(&self.sites)
    }

    pub fn limits(&self) -> memplay_model::Limits {
        self.template.limits
    }

    fn host(&mut self) -> &mut dyn Host {
        // SAFETY: see `new`; the host outlives every use while the meter is active.
        unsafe { &mut *self.host }
    }

    pub fn now_ms(&self) -> f64 {
        // SAFETY: see `new`; the clock is only read.
        unsafe { &*self.host }.now_ms()
    }

    pub fn elapsed_ms(&self) -> f64 {
        self.now_ms() - self.start_ms
    }

    /// Counts an allocation; the block's header, or `None` past the limit.
    #[inline(always)]
    fn record_alloc(&mut self, bytes: usize) -> Option<Tag> {
        let size = bytes as i64;
        if self.live.saturating_add(size) > self.memory_limit {
            self.hit_limit(LimitKind::Memory);
            return None;
        }
        let kind = self.sites.kind_of(rustpython_vm::alloc_owner::current());
        self.record_alloc_of(bytes, kind)
    }

    /// Counts an allocation of memory of `kind` (`kinds`).
    #[inline(always)]
    fn record_alloc_of(&mut self, bytes: usize, kind: u32) -> Option<Tag> {
        let size = bytes as i64;
        let (key, line) = self.sites.current(self.snippet_path, kind);
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
        let traced = self.tracemalloc.alloc(key, bytes);
        Some(Tag::new(self.run, key, traced))
    }

    /// A block changing size, counted as CPython's tracemalloc counts it: the old size goes
    /// and the new one comes, never both live at once (a block that grows in place, as
    /// large ones mostly do, never holds both).
    fn record_realloc(&mut self, old: usize, new: usize, tag: Tag) -> Option<Tag> {
        if self.live - old as i64 + new as i64 > self.memory_limit {
            self.hit_limit(LimitKind::Memory);
            return None;
        }
        // A block that grows stays what it was: a list's array of items stays the list's.
        let kind = if tag.run == self.run {
            crate::kinds::Kinds::storage(self.sites.site(tag.key()).kind)
        } else {
            self.sites.kind_of(rustpython_vm::alloc_owner::current())
        };
        self.record_free(old, tag);
        self.record_alloc_of(new, kind)
    }

    /// A buffer this run made, handed to the object that owns it (`alloc_owner::adopt`):
    /// its bytes move to the same place's key with the owner's kind, and its header says so.
    pub(crate) fn adopt(&mut self, block: *const u8, bytes: usize, owner: rustpython_vm::alloc_owner::Owner) {
        // SAFETY: the interpreter hands over heap blocks it allocated through the counting
        // allocator, with the size it allocated them with.
        let tag = unsafe { crate::header::tag_of(block.cast_mut()) };
        if tag.run != self.run {
            return;
        }
        let kind = self.sites.kind_of(owner);
        let key = self.sites.with_kind(tag.key(), kind);
        if key != tag.key() {
            self.held.moved(tag.key(), key, bytes);
            // SAFETY: as above.
            unsafe { crate::header::set_tag(block.cast_mut(), Tag::new(self.run, key, tag.traced())) };
        }
    }

    /// Counts a free: against the running line (what the line did while it ran), and
    /// against the place that made the block (what is alive, and where it came from).
    #[inline(always)]
    fn record_free(&mut self, size: usize, tag: Tag) {
        let line = self.enter_current_line();
        // A block made before this run counts as no place (and was not traced by it).
        let ours = tag.run == self.run;
        if !ours && self.only_own_frees {
            return;
        }
        let key = if ours { tag.key() } else { NOWHERE };
        self.held.free(key, size);
        if ours && tag.traced() != 0 {
            self.tracemalloc.free(key, tag.traced(), size);
        }
        self.live -= size as i64;
        let acc = &mut self.lines[line];
        acc.net_bytes -= size as i64;
        self.after_change(line);
    }

    #[inline(always)]
    fn enter_current_line(&mut self) -> usize {
        self.enter_line(shadow_stack::line(self.snippet_path) as usize)
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

    /// Captures output (see `captured`), handing the host what is due.
    pub fn write(&mut self, stream: Stream, text: &str) {
        let now = self.now_ms();
        // SAFETY: see `new`; the host is not the meter, so borrowing both is sound.
        let host = unsafe { &mut *self.host };
        self.output.write(stream, text, now, |s, t| host.output(s, &t));
        self.tick();
    }

    /// Hands the output gathered since the last hand-over to the host.
    fn send_output(&mut self) {
        let now = self.now_ms();
        if let Some((stream, text)) = self.output.take_unsent(now) {
            self.host().output(stream, &text);
        }
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
        r.stdout.clone_from(&self.output.stdout);
        r.stderr.clone_from(&self.output.stderr);
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
        r.wall_ms = self.elapsed_ms();
        r.retained_bytes = self.live;
        r.truncated.output = self.output.truncated;
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
