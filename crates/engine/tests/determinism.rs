//! The same code gives the same counts. Its own test binary: RustPython keeps a few
//! process-wide counters (type and dict versions, a type cache), so runs on *concurrent*
//! threads of one process can nudge each other's counts by a few allocations. The
//! product never runs two snippets at once in one process (one CLI child per run, one
//! worker per pane), and that is what this checks: runs one after another, on fresh
//! threads (as the CLI) and on one thread (as a worker).

#[path = "engine/common/mod.rs"]
mod common;
use memplay_engine::{NativeHost, run};
use memplay_model::{RunOptions, RunReport};

const CODE: &str =
    "import json\nd = {str(i): [i] * (i % 7) for i in range(3000)}\ns = json.dumps(d)\nprint(len(s), hash('x'))\n";

fn same_counts(a: &RunReport, b: &RunReport) {
    assert_eq!(a.allocations, b.allocations);
    assert_eq!(a.allocated_bytes, b.allocated_bytes);
    assert_eq!(a.peak_bytes, b.peak_bytes);
    assert_eq!(a.retained_bytes, b.retained_bytes);
    assert_eq!(a.lines, b.lines);
    assert_eq!(a.timeline, b.timeline);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn counts_are_identical_on_repeated_runs() {
    let first = common::run(CODE);
    assert!(first.error.is_none());
    for _ in 0..3 {
        same_counts(&first, &common::run(CODE));
    }
    // One thread, one run after another, as in a browser worker, which warms up with one
    // run first. (The first run on a thread allocates a little that later runs find in
    // place: 896 B more peak here.)
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let options = RunOptions::default();
            run("pass", &options, &mut NativeHost::default());
            let runs: Vec<RunReport> = (0..4).map(|_| run(CODE, &options, &mut NativeHost::default())).collect();
            assert!(runs[0].peak_bytes.abs_diff(first.peak_bytes) < 4096);
            for r in &runs[1..] {
                same_counts(&runs[0], r);
            }
        })
        .unwrap()
        .join()
        .unwrap();
}
