//! The parent side: runs a snippet in a child process, keeps the latest partial report,
//! and turns a child that is killed at the time limit, aborts at the memory limit or
//! crashes into a report with a clear error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use memplay_engine::engine_info;
use memplay_model::{
    EngineEvent, ErrorKind, FromWorker, LimitKind, RunError, RunOptions, RunReport, RunTracker, ToWorker,
};

use crate::child::SUBCOMMAND;

/// Time a child may take to start its interpreter before its run begins.
const STARTUP: Duration = Duration::from_secs(30);
/// Slack past the time limit before the child is killed (it usually stops itself).
const GRACE: Duration = Duration::from_millis(500);

pub fn run(code: &str, options: &RunOptions) -> RunReport {
    match run_child(code, options) {
        Ok(report) => report,
        Err(message) => failed(options, message),
    }
}

fn run_child(code: &str, options: &RunOptions) -> Result<RunReport, String> {
    let exe = std::env::current_exe().map_err(|e| format!("cannot find the memplay binary: {e}"))?;
    let mut child = Command::new(exe)
        .arg(SUBCOMMAND)
        .env("RUST_BACKTRACE", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start the engine process: {e}"))?;
    let request = ToWorker::Run { run_id: 1, code: code.to_owned(), options: options.clone() };
    let request = serde_json::to_vec(&request).map_err(|e| e.to_string())?;
    {
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin.write_all(&request).map_err(|e| format!("cannot send the snippet: {e}"))?;
    }
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            let Ok(message) = serde_json::from_str::<FromWorker>(&line) else { continue };
            let event = match message {
                FromWorker::Run { event, .. } => Ok(event),
                FromWorker::Failed { message } => Err(message),
                FromWorker::Ready { .. } | FromWorker::Idle { .. } | FromWorker::LoadingModule { .. } => continue,
            };
            if tx.send(event).is_err() {
                break;
            }
        }
    });

    let mut started = Instant::now();
    let time_limit = Duration::from_millis(options.limits.time_ms);
    let mut tracker = RunTracker::new(options.limits, engine_info());
    loop {
        let deadline = if tracker.started() { started + time_limit + GRACE } else { started + STARTUP + time_limit };
        let wait = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(wait) {
            Ok(Ok(EngineEvent::Started)) => {
                started = Instant::now();
                tracker.apply(EngineEvent::Started);
            }
            Ok(Err(message)) => {
                let _ = child.wait();
                return Err(message);
            }
            Ok(Ok(event)) => {
                if let Some(report) = tracker.apply(event) {
                    let report = report.clone();
                    let _ = child.wait();
                    return Ok(report);
                }
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                let mut report = tracker.partial(LimitKind::Time.error(&options.limits, None));
                report.wall_ms = report.wall_ms.max(options.limits.time_ms as f64);
                return Ok(report);
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                let status = child.wait().map_err(|e| e.to_string())?;
                let mut child_stderr = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut child_stderr);
                }
                let crash = RunError {
                    traceback: child_stderr.trim().to_owned(),
                    ..RunError::plain(
                        ErrorKind::EngineCrash,
                        format!("the engine process ended unexpectedly ({status})"),
                    )
                };
                return Ok(tracker.partial(crash));
            }
        }
    }
}

fn failed(options: &RunOptions, message: String) -> RunReport {
    let mut r = RunReport::empty(options.limits, engine_info());
    r.error = Some(RunError::plain(ErrorKind::EngineError, message));
    r
}
