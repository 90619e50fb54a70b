//! The child side: reads one `ToWorker::Run` from standard input, runs it, and writes
//! what happens as `FromWorker` messages, one JSON line each, for the supervising parent:
//! the same protocol the page's workers speak.

use std::io::{Read, Write};
use std::process::ExitCode;

use memplay_engine::{EventHost, Host, NativeHost, run_on_big_stack};
use memplay_model::{EngineEvent, FromWorker, ToWorker};

pub const SUBCOMMAND: &str = "__child";

fn send(message: &FromWorker) {
    if let Ok(line) = serde_json::to_string(message) {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "{line}");
        let _ = out.flush();
    }
}

pub fn main() -> ExitCode {
    let mut input = String::new();
    let request = std::io::stdin()
        .read_to_string(&mut input)
        .map_err(|e| e.to_string())
        .and_then(|_| serde_json::from_str::<ToWorker>(&input).map_err(|e| e.to_string()));
    let ToWorker::Run { run_id, code, options } = match request {
        Ok(request) => request,
        Err(e) => {
            send(&FromWorker::Failed { message: format!("the engine process could not read its request: {e}") });
            return ExitCode::from(2);
        }
    };
    let clock = NativeHost::default();
    let mut host = EventHost::new(
        move || clock.now_ms(),
        |event| {
            let time_up = event.is_time_limit();
            send(&FromWorker::Run { run_id, event });
            if time_up {
                // The parent turns the partial report into the result; nothing to wait for.
                std::process::exit(3);
            }
        },
    );
    let report = run_on_big_stack(&code, &options, &mut host);
    send(&FromWorker::Run { run_id, event: EngineEvent::done(report) });
    ExitCode::SUCCESS
}
