//! The snippet's output as the meter captures it: kept up to the output limit (stdout and
//! stderr together), and handed to the host in batches so that it survives the engine
//! dying (a trap, a loop that never allocates and is terminated): the first `EAGER_WRITES`
//! writes at once, and after that whenever `OUTPUT_EVERY_MS` has passed since the last
//! hand-over. In between, a flood of small writes gathers (up to `OUTPUT_CHUNK_BYTES`) and
//! goes with the next hand-over, progress report, limit, stream change or the end.

use crate::host::Stream;

const EAGER_WRITES: u32 = 64;
const OUTPUT_EVERY_MS: f64 = 20.0;
const OUTPUT_CHUNK_BYTES: usize = 32 * 1024;

pub(crate) struct Captured {
    pub stdout: String,
    pub stderr: String,
    limit: usize,
    pub truncated: bool,
    /// Output kept but not yet handed to the host, and the stream it belongs to.
    unsent: String,
    unsent_stream: Stream,
    writes: u32,
    last_sent_ms: f64,
}

impl Captured {
    pub fn new(limit: usize) -> Self {
        Self {
            stdout: String::with_capacity(4096),
            stderr: String::new(),
            limit,
            truncated: false,
            unsent: String::new(),
            unsent_stream: Stream::Stdout,
            writes: 0,
            last_sent_ms: 0.0,
        }
    }

    /// Keeps what fits of `text`; calls `send` with each batch due for the host (one that
    /// was gathered on the other stream first).
    pub fn write(&mut self, stream: Stream, text: &str, now_ms: f64, mut send: impl FnMut(Stream, String)) {
        let used = self.stdout.len() + self.stderr.len();
        let room = self.limit.saturating_sub(used);
        let kept = if text.len() <= room {
            text
        } else {
            self.truncated = true;
            let mut end = room;
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            &text[..end]
        };
        if kept.is_empty() {
            return;
        }
        match stream {
            Stream::Stdout => self.stdout.push_str(kept),
            Stream::Stderr => self.stderr.push_str(kept),
        }
        if stream != self.unsent_stream {
            if let Some((s, t)) = self.take_unsent(now_ms) {
                send(s, t);
            }
            self.unsent_stream = stream;
        }
        self.unsent.push_str(kept);
        self.writes = self.writes.saturating_add(1);
        let due = self.writes <= EAGER_WRITES || now_ms - self.last_sent_ms >= OUTPUT_EVERY_MS;
        if (due || self.unsent.len() >= OUTPUT_CHUNK_BYTES)
            && let Some((s, t)) = self.take_unsent(now_ms)
        {
            send(s, t);
        }
    }

    /// The output gathered since the last hand-over, if any, now handed over.
    pub fn take_unsent(&mut self, now_ms: f64) -> Option<(Stream, String)> {
        if self.unsent.is_empty() {
            return None;
        }
        self.last_sent_ms = now_ms;
        Some((self.unsent_stream, core::mem::take(&mut self.unsent)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_is_cut_at_the_limit_and_batched_by_stream() {
        let mut c = Captured::new(10);
        let mut sent = Vec::new();
        c.write(Stream::Stdout, "héllo", 0.0, |s, t| sent.push((s, t)));
        c.write(Stream::Stderr, "wörld!", 1.0, |s, t| sent.push((s, t)));
        // 10 bytes: "héllo" is 6, so 4 of "wörld!" fit, cut on a character boundary.
        assert_eq!((c.stdout.as_str(), c.stderr.as_str(), c.truncated), ("héllo", "wör", true));
        assert_eq!(sent, [(Stream::Stdout, "héllo".to_owned()), (Stream::Stderr, "wör".to_owned())]);
        assert_eq!(c.take_unsent(2.0), None);
    }

    #[test]
    fn a_flood_of_small_writes_gathers_between_hand_overs() {
        let mut c = Captured::new(1 << 20);
        let mut sent = 0;
        for i in 0..1000 {
            c.write(Stream::Stdout, "x\n", f64::from(i) * 0.01, |_, _| sent += 1);
        }
        // The first 64 at once, then one when 20 ms have passed since the last.
        assert_eq!(sent, EAGER_WRITES as usize);
        let (_, rest) = c.take_unsent(10.0).unwrap();
        assert_eq!(rest.len(), (1000 - 64) * 2);
    }
}
