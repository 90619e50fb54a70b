//! `memplay sweep`: both snippets re-run at a series of sizes of their size variable
//! (`N = 100_000`), A and B side by side at each size, each run a fresh child process.

use memplay_model::{RunOptions, RunReport, Sweep, SweepPoint, default_size_var, size_vars, sizes, with_size};

use crate::supervise;

/// How far a sweep goes: the variable (None: A's first ALL-CAPS one), the smallest size,
/// the largest (None: the snippet's own value) and how many sizes.
pub struct Range {
    pub var: Option<String>,
    pub from: u64,
    pub to: Option<u64>,
    pub points: u32,
}

/// Runs the sweep; `progress` hears of each size as it starts.
pub fn sweep(
    a: &str,
    b: &str,
    range: &Range,
    options: &RunOptions,
    progress: impl Fn(u64, usize, usize),
) -> Result<Sweep, String> {
    let var = match &range.var {
        Some(name) => size_vars(a)
            .into_iter()
            .find(|v| &v.name == name)
            .ok_or_else(|| format!("snippet A has no top-level line `{name} = <integer>`"))?,
        None => default_size_var(a).ok_or_else(|| format!("snippet A: {}", memplay_model::NO_SIZE_VAR))?,
    };
    if !size_vars(b).iter().any(|v| v.name == var.name) {
        return Err(format!("snippet B has no top-level line `{} = <integer>` to sweep", var.name));
    }
    let ns = sizes(range.from, range.to.unwrap_or(var.value), range.points)?;
    let mut points = Vec::with_capacity(ns.len());
    let (mut a_on, mut b_on) = (true, true);
    for (i, &n) in ns.iter().enumerate() {
        progress(n, i + 1, ns.len());
        let (code_a, code_b) = (with_size(a, &var.name, n)?, with_size(b, &var.name, n)?);
        let (ra, rb) = std::thread::scope(|s| {
            let ta = s.spawn(|| a_on.then(|| supervise::run(&code_a, options)));
            let tb = s.spawn(|| b_on.then(|| supervise::run(&code_b, options)));
            (ta.join().unwrap_or(None), tb.join().unwrap_or(None))
        });
        // A run that ends in an error (a limit, an exception) ends that side's sweep.
        a_on &= ra.as_ref().is_some_and(RunReport::finished);
        b_on &= rb.as_ref().is_some_and(RunReport::finished);
        points.push(SweepPoint { n, a: ra.map(slim), b: rb.map(slim) });
        if !a_on && !b_on {
            break;
        }
    }
    Ok(Sweep::new(var.name, points))
}

/// A point's report without its per-line figures and timeline: a sweep is about totals.
fn slim(mut r: RunReport) -> RunReport {
    r.lines.clear();
    r.timeline.clear();
    r
}
