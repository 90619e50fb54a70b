//! The child side: reads one request from standard input, runs it, and writes what
//! happens as JSON lines on standard output for the supervising parent.

use std::io::{Read, Write};
use std::process::ExitCode;

use memplay_engine::{EventHost, Host, NativeHost, run_on_big_stack};
use memplay_model::EngineEvent;
use serde::{Deserialize, Serialize};

pub const SUBCOMMAND: &str = "__child";

#[derive(Serialize, Deserialize)]
pub struct Request {
    pub code: String,
    pub options: memplay_model::RunOptions,
}

fn send(event: &EngineEvent) {
    if let Ok(line) = serde_json::to_string(event) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
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
    let clock = NativeHost::default();
    let mut host = EventHost::new(
        move || clock.now_ms(),
        |event| {
            let time_up = event.is_time_limit();
            send(&event);
            if time_up {
                // The parent turns the partial report into the result; nothing to wait for.
                std::process::exit(3);
            }
        },
    );
    let report = run_on_big_stack(&request.code, &request.options, &mut host);
    send(&EngineEvent::Done(Box::new(report)));
    ExitCode::SUCCESS
}
