//! Exceptions, syntax errors and the limits an in-process run can enforce by itself.
//! (Time limits and aborting allocations need the supervising process: see the CLI tests.)

use crate::common::*;
use memplay_model::{Limits, RunOptions};

#[test]
fn a_syntax_error_names_its_line_and_runs_nothing() {
    let r = run("print('before')\nx = (1,\ny = 2 +\n");
    let e = r.error.expect("a syntax error");
    assert_eq!(e.kind, "SyntaxError");
    assert!(e.line.is_some_and(|l| (2..=3).contains(&l)), "{e:?}");
    assert!(r.stdout.is_empty(), "nothing ran");
}

#[test]
fn an_exception_keeps_output_and_figures_up_to_it() {
    let r = run("data = [0] * 100_000\nprint('built')\n\n1 / 0\nprint('never')\n");
    let e = r.error.expect("ZeroDivisionError");
    assert_eq!((e.kind.as_str(), e.message.as_str(), e.line), ("ZeroDivisionError", "division by zero", Some(4)));
    assert!(e.traceback.contains("line 4") && e.traceback.contains("1 / 0"), "{}", e.traceback);
    assert_eq!(r.stdout, "built\n");
    assert!(r.peak_bytes >= 800_000);
}

#[test]
fn deep_recursion_is_a_recursion_error_with_collapsed_frames() {
    let r = run("def down(n):\n    return down(n + 1)\n\ndown(0)\n");
    let e = r.error.expect("RecursionError");
    assert_eq!(e.kind, "RecursionError");
    assert!(e.message.starts_with("maximum recursion depth exceeded"), "{}", e.message);
    assert!(e.traceback.contains("[Previous line repeated"), "{}", e.traceback);
    assert!(e.traceback.lines().count() < 40, "collapsed: {} lines", e.traceback.lines().count());
}

#[test]
fn mutual_recursion_and_recursion_through_repr_also_stop_cleanly() {
    for code in [
        "def a(n): return b(n)\ndef b(n): return a(n)\na(0)\n",
        "class R:\n    def __repr__(self):\n        return repr(self)\nrepr(R())\n",
    ] {
        let e = run(code).error.expect("RecursionError");
        assert_eq!(e.kind, "RecursionError", "{code}");
    }
}

#[test]
fn a_huge_sequence_hits_the_memory_limit_as_memory_error() {
    let options =
        RunOptions { limits: Limits { memory_bytes: 64 << 20, ..Limits::default() }, ..RunOptions::default() };
    let r = run_with("x = [0] * 10**9\n", &options);
    let e = r.error.expect("MemoryError");
    assert_eq!(e.kind, "MemoryError");
    assert_eq!(e.message, "memory limit exceeded (64.0 MiB)");
    assert_eq!(e.line, Some(1));
    assert!(r.peak_bytes < 64 << 20);
}

#[test]
fn a_size_past_the_address_space_is_a_memory_error_with_a_message() {
    let e = run("x = [0] * 2**62\n").error.expect("MemoryError");
    assert_eq!(e.kind, "MemoryError");
    assert_eq!(e.message, "memory limit exceeded (512 MiB)");
}

#[test]
fn memory_error_can_be_caught_by_the_snippet() {
    let options =
        RunOptions { limits: Limits { memory_bytes: 32 << 20, ..Limits::default() }, ..RunOptions::default() };
    let r = run_with("try:\n    b = b'x' * 10**10\nexcept MemoryError:\n    print('caught')\n", &options);
    assert!(r.error.is_none(), "{:?}", r.error);
    assert_eq!(r.stdout, "caught\n");
}

#[test]
fn output_is_capped_with_a_notice() {
    let r = run("for i in range(300_000):\n    print('line', i)\nprint('done')\n");
    assert!(r.error.is_none());
    assert!(r.truncated.output);
    assert!(r.stdout.len() + r.stderr.len() <= (1 << 20) + 200);
    assert!(r.stdout.starts_with("line 0\nline 1\n"));
    // The cut is a flag each view says in its own words, not text added to the snippet's stderr.
    assert_eq!(r.output_cut_notice().as_deref(), Some("output truncated at 1.0 MiB"));
    assert!(!r.stderr.contains("output truncated"), "{}", r.stderr);
    let one_big = run("print('x' * 10**7)\n");
    assert!(one_big.truncated.output && one_big.stdout.len() <= 1 << 20);
}

#[test]
fn stderr_is_captured_apart_from_stdout() {
    let r = run_ok("import sys\nprint('out')\nprint('err', file=sys.stderr)\nsys.stdout.write('more\\n')\n");
    assert_eq!(r.stdout, "out\nmore\n");
    assert_eq!(r.stderr, "err\n");
}

#[test]
fn system_exit_zero_is_a_normal_end_and_nonzero_is_an_error() {
    assert!(run("import sys\nprint('a')\nsys.exit()\nprint('b')\n").error.is_none());
    assert!(run("raise SystemExit(0)\n").error.is_none());
    let e = run("import sys\nsys.exit(3)\n").error.expect("SystemExit(3)");
    assert_eq!((e.kind.as_str(), e.message.as_str()), ("SystemExit", "3"));
    assert_eq!(run("import os\nos._exit(1)\n").error.expect("exit").kind, "SystemExit");
}
