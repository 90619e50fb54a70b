//! The live-bytes timeline: a bounded buffer filled from inside the allocator (so it
//! never grows after it is made) and downsampled for the report.

use memplay_model::TimelinePoint;

/// Points kept while running; when full, neighbours are merged keeping the higher one.
const CAPACITY: usize = 8192;
/// Points in a report at most.
pub const REPORT_POINTS: usize = 2000;
/// Points in a progress report: enough for the live chart, and a progress report goes out
/// ten times a second.
pub const PROGRESS_POINTS: usize = 400;
/// A new point is taken when live bytes moved this much since the last one...
const MIN_STEP: i64 = 4096;
/// ...or this fraction of the peak so far.
const PEAK_FRACTION: i64 = 256;

pub(crate) struct Timeline {
    points: Vec<TimelinePoint>,
    merged: bool,
}

impl Timeline {
    pub fn new() -> Self {
        Self { points: Vec::with_capacity(CAPACITY), merged: false }
    }

    /// Adds a point unconditionally (a line change, the start, the end).
    pub fn push(&mut self, point: TimelinePoint) {
        if self.points.len() == CAPACITY {
            self.halve();
        }
        self.points.push(point);
    }

    /// Adds a point if live bytes moved enough since the last one: by `MIN_STEP`, or by
    /// `1 / PEAK_FRACTION` of the peak. Called on every memory event, so without a division:
    /// for whole numbers, `moved < peak / PEAK_FRACTION` (rounded down) exactly when
    /// `(moved + 1) * PEAK_FRACTION <= peak`.
    #[inline(always)]
    pub fn sample(&mut self, point: TimelinePoint, peak: i64) {
        let near = self.points.last().is_some_and(|last| {
            let moved = (point.live_bytes - last.live_bytes).abs();
            moved < MIN_STEP || (moved + 1).saturating_mul(PEAK_FRACTION) <= peak
        });
        if !near {
            self.push(point);
        }
    }

    fn halve(&mut self) {
        self.merged = true;
        let n = self.points.len() / 2;
        for i in 0..n {
            let (a, b) = (self.points[2 * i], self.points[2 * i + 1]);
            self.points[i] = if b.live_bytes >= a.live_bytes { b } else { a };
        }
        if self.points.len() % 2 == 1 {
            self.points[n] = self.points[2 * n];
            self.points.truncate(n + 1);
        } else {
            self.points.truncate(n);
        }
    }

    /// At most `max` points (`REPORT_POINTS` in a report), each bucket keeping its highest
    /// point, the first and last points kept as they are; and whether anything was merged.
    pub fn downsampled_to(&self, max: usize) -> (Vec<TimelinePoint>, bool) {
        downsample(&self.points, max, self.merged)
    }
}

fn downsample(points: &[TimelinePoint], max: usize, merged: bool) -> (Vec<TimelinePoint>, bool) {
    if points.len() <= max {
        return (points.to_vec(), merged);
    }
    let (first, last) = (points[0], points[points.len() - 1]);
    let inner = &points[1..points.len() - 1];
    let buckets = max - 2;
    let mut out = Vec::with_capacity(max);
    out.push(first);
    for b in 0..buckets {
        let lo = b * inner.len() / buckets;
        let hi = ((b + 1) * inner.len() / buckets).max(lo + 1);
        let best = inner[lo..hi].iter().max_by_key(|p| p.live_bytes).copied();
        out.extend(best);
    }
    out.push(last);
    (out, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(live: i64) -> TimelinePoint {
        TimelinePoint { live_bytes: live, line: 1 }
    }

    #[test]
    fn small_moves_are_not_sampled() {
        let mut t = Timeline::new();
        t.push(p(0));
        t.sample(p(100), 100);
        t.sample(p(5000), 5000);
        assert_eq!(t.points.len(), 2);
    }

    #[test]
    fn a_move_is_sampled_exactly_where_a_fraction_of_the_peak_says() {
        for peak in [0, 1, 4095, 4096, 1 << 20, (1 << 20) + 255, 3_000_001, i64::MAX / 2] {
            for moved in [0, 1, 4095, 4096, 4097, 8191, 12_345, 1 << 12, (1 << 20) / 256, 11_719, 11_720, 11_721] {
                let mut t = Timeline::new();
                t.push(p(0));
                t.sample(p(moved), peak);
                let step = MIN_STEP.max(peak / PEAK_FRACTION);
                assert_eq!(t.points.len() == 2, moved >= step, "moved {moved} with peak {peak}");
            }
        }
    }

    #[test]
    fn stays_bounded_and_keeps_the_peak() {
        let mut t = Timeline::new();
        for i in 0..100_000i64 {
            let live = if i == 77_777 { 10_000_000 } else { i % 1000 };
            t.push(p(live));
        }
        assert!(t.points.len() <= CAPACITY);
        let (out, cut) = t.downsampled_to(REPORT_POINTS);
        assert!(cut);
        assert!(out.len() <= REPORT_POINTS);
        assert!(out.iter().any(|q| q.live_bytes == 10_000_000));
    }

    #[test]
    fn short_timelines_are_unchanged() {
        let pts: Vec<_> = (0..10).map(p).collect();
        assert_eq!(downsample(&pts, 2000, false), (pts.clone(), false));
    }
}
