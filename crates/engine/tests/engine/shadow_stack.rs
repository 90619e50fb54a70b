//! The call stacks an allocation is counted for, kept as frames enter and leave (a shadow
//! stack): right where the chain of frames changes under a running snippet (a generator
//! resumed from different lines, an exception unwinding many calls, a recursion error),
//! and a deep recursion's stacks listed short.

use crate::common::*;
use memplay_model::{AtPeak, FRAMES_LISTED, STACKS_LISTED, elided_calls};

fn at_peak(code: &str) -> AtPeak {
    run_ok(code).at_peak.expect("a finished run says what was alive at its peak")
}

fn has_stack(at: &AtPeak, stack: &[&str]) -> bool {
    at.by_stack.iter().any(|s| s.stack == stack)
}

#[test]
fn a_generator_counts_for_the_line_that_resumed_it() {
    let code = "def rows():\n    while True:\n        yield [0] * 50_000\n\ng = rows()\na = next(g)\nb = next(g)\n";
    let at = at_peak(code);
    assert!(has_stack(&at, &["<module>:6", "rows:3"]), "{:#?}", at.by_stack);
    assert!(has_stack(&at, &["<module>:7", "rows:3"]), "{:#?}", at.by_stack);
}

#[test]
fn after_an_exception_unwinds_many_calls_the_stack_is_the_catchers() {
    let code = "def fail(n):\n    if n == 0:\n        raise ValueError('no')\n    return fail(n - 1)\n\ntry:\n    fail(40)\nexcept ValueError:\n    pass\nkept = [0] * 100_000\n";
    let at = at_peak(code);
    assert_eq!(at.by_stack[0].stack, ["<module>:10"], "{:#?}", at.by_stack);
}

#[test]
fn after_a_recursion_error_the_stack_is_the_catchers() {
    let code = "def down(n):\n    return down(n + 1)\n\ntry:\n    down(0)\nexcept RecursionError:\n    pass\nkept = [0] * 1_000_000\n";
    let at = at_peak(code);
    assert_eq!(at.by_stack[0].stack, ["<module>:8"], "{:#?}", at.by_stack);
}

#[test]
fn a_deep_recursion_lists_its_largest_stacks_each_short_with_the_calls_left_out_counted() {
    let code = "def build(n):\n    row = [n] * 10\n    if n == 0:\n        return [row]\n    return [row] + build(n - 1)[:1]\n\nkept = build(300)\n";
    let at = at_peak(code);
    assert!(at.by_stack.len() <= STACKS_LISTED, "{}", at.by_stack.len());
    let deepest = at
        .by_stack
        .iter()
        .map(|s| {
            assert!(s.stack.len() <= FRAMES_LISTED, "{:?}", s.stack);
            s.stack.iter().map(|f| elided_calls(f).unwrap_or(1)).sum::<usize>()
        })
        .max()
        .unwrap();
    // <module>, then build(300) … build(0): rows made hundreds of calls deep are alive.
    assert!(deepest > 4 * FRAMES_LISTED, "{deepest}: {:#?}", at.by_stack);
    let top = &at.by_stack[0].stack;
    assert_eq!(top[0], "<module>:7", "{top:?}");
    assert!(top[1..].iter().all(|f| f.starts_with("build:") || elided_calls(f).is_some()), "{top:?}");
}
