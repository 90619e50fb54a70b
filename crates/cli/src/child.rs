//! The child side: reads one request from standard input, runs it, and writes what
//! happens as JSON lines on standard output for the supervising parent.

use std::io::{Read, Write};
use std::process::ExitCode;

use memplay_engine::{Host, LimitKind, NativeHost, Stream, run_on_big_stack};
use memplay_model::RunReport;
use serde::{Deserialize, Serialize};

pub const SUBCOMMAND: &str = "__child";

#[derive(Serialize, Deserialize)]
pub struct Request {
    pub code: String,
    pub options: memplay_model::RunOptions,
}

/// One line from the child.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// The snippet's first line is about to run: the time limit starts now.
    Started,
    /// Output as the snippet writes it: kept by the parent in case the child dies.
    Output {
        stderr: bool,
        text: String,
    },
    Progress(RunReport),
    /// A limit was hit; the report is as far as the run got.
    Limit {
        kind: String,
        report: RunReport,
    },
    Done(RunReport),
}

struct ChildHost {
    clock: NativeHost,
}

impl ChildHost {
    fn send(event: &Event) {
        if let Ok(line) = serde_json::to_string(event) {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{line}");
            let _ = out.flush();
        }
    }
}

impl Host for ChildHost {
    fn now_ms(&self) -> f64 {
        self.clock.now_ms()
    }

    fn progress(&mut self, partial: &RunReport) {
        Self::send(&Event::Progress(partial.clone()));
    }

    fn limit(&mut self, kind: LimitKind, partial: &RunReport) {
        Self::send(&Event::Limit { kind: kind.error_type().to_owned(), report: partial.clone() });
        if kind == LimitKind::Time {
            // The parent turns the partial report into the result; nothing to wait for.
            std::process::exit(3);
        }
    }

    fn started(&mut self) {
        Self::send(&Event::Started);
    }

    fn output(&mut self, stream: Stream, text: &str) {
        Self::send(&Event::Output { stderr: stream == Stream::Stderr, text: text.to_owned() });
    }
}

pub fn main() -> ExitCode {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        return ExitCode::from(2);
    }
    let Ok(request) = serde_json::from_str::<Request>(&input) else {
        return ExitCode::from(2);
    };
    let mut host = ChildHost { clock: NativeHost::default() };
    let report = run_on_big_stack(&request.code, &request.options, &mut host);
    ChildHost::send(&Event::Done(report));
    ExitCode::SUCCESS
}
