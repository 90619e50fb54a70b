//! The one message protocol between whoever asks for a run and the engine that does it:
//! the page and its workers, the command line and its child process.

use serde::{Deserialize, Serialize};

use crate::{AtPeak, EngineInfo, LimitKind, RunOptions, RunReport};

/// What the engine reports while one run goes on, in order: `Started`, then any number of
/// `Output`, `Progress`, `AtPeak` and `Limit`, then `Done` (or nothing, if it died).
///
/// Output travels once: as `Output`, as it is written (a flood of small writes gathered
/// into chunks at most 20 ms apart, and always before progress, a limit and the end). The reports in `Progress`,
/// `Limit` and `Done` carry figures only (their `stdout` and `stderr` are empty); whoever
/// follows the run (`RunTracker`, the page's pane) keeps the output it was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EngineEvent {
    /// The snippet's first line is about to run: the time limit starts now.
    Started,
    /// Output as the snippet wrote it since the last `Output` (already cut to the output
    /// limit), so it survives the engine dying later.
    Output { stderr: bool, text: String },
    /// The figures so far, about every 100 ms while the snippet allocates.
    Progress(Box<RunReport>),
    /// What was alive at the peak so far, when the peak has risen since the last one (at
    /// most every 250 ms): a run cut short is explained up to the peak it had reached.
    AtPeak(Box<AtPeak>),
    /// A limit was reached; the report is as far as the run got. The engine may not be
    /// able to say anything after this.
    Limit { kind: LimitKind, report: Box<RunReport> },
    /// The run ended; the report is final.
    Done(Box<RunReport>),
}

impl EngineEvent {
    /// The run reached its time limit: the engine stops there and nothing follows.
    pub fn is_time_limit(&self) -> bool {
        matches!(self, EngineEvent::Limit { kind: LimitKind::Time, .. })
    }

    /// The figures so far, without the output (it was sent as it was written).
    pub fn progress(report: RunReport) -> Self {
        EngineEvent::Progress(Box::new(report.without_output()))
    }

    /// A limit reached, with the figures so far.
    pub fn limit(kind: LimitKind, report: RunReport) -> Self {
        EngineEvent::Limit { kind, report: Box::new(report.without_output()) }
    }

    /// The final report, without the output (it was sent as it was written).
    pub fn done(report: RunReport) -> Self {
        EngineEvent::Done(Box::new(report.without_output()))
    }
}

/// Page → worker, and the command line → its child process.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum ToWorker {
    Run { run_id: u32, code: String, options: RunOptions },
}

/// Worker → page, and the command line's child → the command line (as JSON lines).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FromWorker {
    /// The interpreter is loaded and the worker takes runs.
    Ready { engine: EngineInfo },
    /// Something about run `run_id`.
    Run { run_id: u32, event: EngineEvent },
    /// The worker itself failed (it could not boot, it could not read a request, or the
    /// engine panicked): it is of no further use and must be replaced.
    Failed { message: String },
    /// The worker is between runs (after its warm-up and after each run): its own memory,
    /// with nothing of any snippet left, for leak checks.
    Idle { heap: WorkerHeap },
    /// The run imports `module`, the first from the part of the standard library that is
    /// not built into the engine: the worker is downloading that part (once).
    LoadingModule { module: String },
}

/// A worker's own memory between runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct WorkerHeap {
    /// Bytes held through the engine's allocator.
    pub live_bytes: i64,
    /// Size of the worker's WebAssembly memory (it grows and never shrinks).
    pub memory_bytes: u64,
    /// Runs this worker has done.
    pub runs: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Limits;

    fn report() -> RunReport {
        let mut r = RunReport::empty(Limits::default(), EngineInfo { name: "e".into(), version: "1".into() });
        r.peak_bytes = 42;
        r
    }

    #[test]
    fn every_message_round_trips_through_json() {
        let messages = vec![
            FromWorker::Ready { engine: report().engine },
            FromWorker::Run { run_id: 1, event: EngineEvent::Started },
            FromWorker::Run { run_id: 1, event: EngineEvent::Output { stderr: true, text: "é\n".into() } },
            FromWorker::Run { run_id: 2, event: EngineEvent::Progress(Box::new(report())) },
            FromWorker::Run { run_id: 2, event: EngineEvent::limit(LimitKind::Time, report()) },
            FromWorker::Run { run_id: 2, event: EngineEvent::limit(LimitKind::Memory, report()) },
            FromWorker::Run { run_id: 3, event: EngineEvent::done(report()) },
            FromWorker::Failed { message: "panicked at …".into() },
            FromWorker::Idle { heap: WorkerHeap { live_bytes: 1 << 20, memory_bytes: 64 << 20, runs: 3 } },
            FromWorker::LoadingModule { module: "email.message".into() },
        ];
        for m in messages {
            let text = serde_json::to_string(&m).unwrap();
            assert_eq!(serde_json::from_str::<FromWorker>(&text).unwrap(), m, "{text}");
        }
    }

    #[test]
    fn messages_are_tagged_by_type() {
        let run = ToWorker::Run { run_id: 7, code: "x = 1".into(), options: RunOptions::default() };
        let v: serde_json::Value = serde_json::to_value(&run).unwrap();
        assert_eq!(v["type"], "run");
        assert_eq!(v["run_id"], 7);
        let ready: serde_json::Value = serde_json::to_value(FromWorker::Ready { engine: report().engine }).unwrap();
        assert_eq!(ready["type"], "ready");
    }

    #[test]
    fn only_a_time_limit_event_is_a_time_limit() {
        let limit = |kind: LimitKind| EngineEvent::limit(kind, report());
        assert!(limit(LimitKind::Time).is_time_limit());
        assert!(!limit(LimitKind::Memory).is_time_limit());
        assert!(!EngineEvent::Started.is_time_limit());
    }

    #[test]
    fn limit_kinds_are_typed_on_the_wire() {
        let v = serde_json::to_value(EngineEvent::limit(LimitKind::Memory, report())).unwrap();
        assert_eq!(v["limit"]["kind"], "memory");
        assert!(
            serde_json::from_str::<EngineEvent>(r#"{"limit":{"kind":"MemoryLimitExceeded","report":null}}"#).is_err()
        );
    }

    #[test]
    fn reports_on_the_wire_carry_figures_not_output() {
        let mut r = report();
        r.stdout = "x".repeat(1 << 20);
        r.stderr = "warn".into();
        for event in
            [EngineEvent::progress(r.clone()), EngineEvent::limit(LimitKind::Time, r.clone()), EngineEvent::done(r)]
        {
            let text = serde_json::to_string(&event).unwrap();
            assert!(text.len() < 1024, "{} bytes", text.len());
            assert!(!text.contains("warn"), "{text}");
        }
    }

    #[test]
    fn an_unknown_message_is_an_error_not_a_guess() {
        assert!(serde_json::from_str::<ToWorker>(r#"{"type":"explode"}"#).is_err());
        assert!(serde_json::from_str::<FromWorker>(r#"{"type":"run","run_id":1}"#).is_err());
    }
}
