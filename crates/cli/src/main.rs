//! `memplay`: runs Python snippets under the measuring engine from the command line.
//! Each snippet runs in a child process of this binary (`memplay __child`), so a snippet
//! that exhausts memory or loops forever is stopped without taking the command down.

mod args;
mod child;
mod cpython;
mod human;
mod supervise;
mod sweep;

use std::process::ExitCode;

use clap::Parser;
use memplay_engine::CountingAlloc;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc::system();

fn main() -> ExitCode {
    if std::env::args().nth(1).as_deref() == Some(child::SUBCOMMAND) {
        return child::main();
    }
    let cli = args::Cli::parse();
    match args::execute(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("memplay: {message}");
            ExitCode::from(2)
        }
    }
}
