//! Where a snippet failed in one engine and ran in the other: the check's verdict says
//! which engine, so that a limit of the in-browser engine does not read as the code's.

use crate::{ErrorKind, RunReport};

/// Where a snippet failed in one engine and ran in the other, which one, and what that
/// means: "B failed in memplay (RustPython) with RecursionError, but CPython 3.14 ran it:
/// a limit of the in-browser engine, not of the code". A run the person stopped is no failure.
pub(super) fn one_engine_failed(
    letter: &str,
    ours: &RunReport,
    theirs: &RunReport,
    our_name: &str,
    their_name: &str,
) -> Option<String> {
    let failure = |r: &RunReport| r.error.as_ref().filter(|e| e.kind != ErrorKind::Stopped).map(|e| e.kind.clone());
    match (failure(ours), failure(theirs)) {
        (Some(kind), None) if theirs.error.is_none() => Some(format!(
            "{letter} failed in {our_name} with {kind}, but {their_name} ran it: a limit of the in-browser \
             engine, not of the code"
        )),
        (None, Some(kind)) if ours.error.is_none() => Some(format!(
            "{letter} failed in {their_name} with {kind}, but {our_name} ran it: the check could not \
             measure it there"
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{check, ours};
    use crate::{CpythonCheck, RunError};

    #[test]
    fn a_snippet_that_fails_in_one_engine_only_says_which() {
        // A memoized fib(300): RustPython's recursion limit, CPython ran it.
        let mut our = ours(44_000, 1_400_000);
        our.b.error = Some(RunError::plain(crate::ErrorKind::Python("RecursionError".into()), "deep"));
        let c = CpythonCheck::new(check(40_000), check(1_300_000), &our);
        assert!(
            c.verdict.ends_with(
                "B failed in memplay with RecursionError, but CPython 3.12 ran it: a limit of the in-browser \
                 engine, not of the code"
            ),
            "{}",
            c.verdict
        );
        // A module the check's CPython lacks.
        let mut b = check(3_300);
        b.error = Some(RunError::plain(crate::ErrorKind::Python("ModuleNotFoundError".into()), "no lz4"));
        let c = CpythonCheck::new(check(1_000), b, &ours(1_000, 10));
        assert!(c.verdict.ends_with("B failed in CPython 3.12 with ModuleNotFoundError, but memplay ran it: the check could not measure it there"), "{}", c.verdict);
        // Stopping is not failing.
        let mut stopped = ours(1_000, 10);
        stopped.a.error = Some(RunError::plain(crate::ErrorKind::Stopped, "stopped"));
        assert!(!CpythonCheck::new(check(1_000), check(10), &stopped).verdict.contains("failed in"));
    }
}
