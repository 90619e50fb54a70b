//! The parent side: runs a snippet in a child process, keeps the latest partial report,
//! and turns a child that is killed at the time limit, aborts at the memory limit or
//! crashes into a report with a clear error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use memplay_engine::{LimitKind, engine_info};
use memplay_model::{RunError, RunOptions, RunReport};

use crate::child::{Event, Request, SUBCOMMAND};

/// Time a child may take to start its interpreter before its run begins.
const STARTUP: Duration = Duration::from_secs(30);
/// Slack past the time limit before the child is killed (it usually stops itself).
const GRACE: Duration = Duration::from_millis(500);

pub fn run(code: &str, options: &RunOptions) -> RunReport {
    match run_child(code, options) {
        Ok(report) => report,
        Err(message) => failed(options, "EngineError", message),
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
    let request =
        serde_json::to_vec(&Request { code: code.to_owned(), options: options.clone() }).map_err(|e| e.to_string())?;
    {
        let mut stdin = child.stdin.take().expect("piped stdin");
        stdin.write_all(&request).map_err(|e| format!("cannot send the snippet: {e}"))?;
    }
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Ok(event) = serde_json::from_str::<Event>(&line)
                && tx.send(event).is_err()
            {
                break;
            }
        }
    });

    let started = Instant::now();
    let time_limit = Duration::from_millis(options.limits.time_ms);
    let mut run_started: Option<Instant> = None;
    let mut latest: Option<RunReport> = None;
    let (mut stdout, mut stderr) = (String::new(), String::new());
    // What a child that never reports again has to show: its latest report with all the
    // output it streamed, and the given error unless the report names its own.
    let partial = |latest: Option<RunReport>, stdout: &str, stderr: &str, error: RunError| {
        let mut report = latest.unwrap_or_else(|| RunReport::empty(options.limits, engine_info()));
        report.stdout = stdout.to_owned();
        report.stderr = stderr.to_owned();
        report.error.get_or_insert(error);
        report
    };
    loop {
        let deadline = match run_started {
            Some(t) => t + time_limit + GRACE,
            None => started + STARTUP + time_limit,
        };
        let wait = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(wait) {
            Ok(Event::Done(report)) => {
                let _ = child.wait();
                return Ok(report);
            }
            Ok(Event::Started) => {
                run_started = Some(Instant::now());
            }
            Ok(Event::Output { stderr: to_stderr, text }) => {
                if to_stderr { &mut stderr } else { &mut stdout }.push_str(&text);
            }
            Ok(Event::Progress(report)) => latest = Some(report),
            Ok(Event::Limit { report, .. }) => latest = Some(report),
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let _ = child.kill();
                let _ = child.wait();
                let mut report = partial(latest, &stdout, &stderr, LimitKind::Time.error(&options.limits, None));
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
                    ..RunError::plain("EngineCrash", format!("the engine process ended unexpectedly ({status})"))
                };
                return Ok(partial(latest, &stdout, &stderr, crash));
            }
        }
    }
}

fn failed(options: &RunOptions, kind: &str, message: String) -> RunReport {
    let mut r = RunReport::empty(options.limits, engine_info());
    r.error = Some(RunError::plain(kind, message));
    r
}
