//! `memplay sweep`: both snippets re-run at a series of sizes of their size (a variable
//! `N = 100_000` or a number in the code), A and B side by side at each size, each run a
//! fresh child process.

use memplay_model::{RunOptions, RunReport, Sweep, SweepPlan, SweepPoint, slim};

use crate::supervise;

/// Runs the sweep planned (see `SweepRange::plan`); `progress` hears of each size as it
/// starts.
pub fn sweep(
    a: &str,
    b: &str,
    plan: &SweepPlan,
    options: &RunOptions,
    progress: impl Fn(u64, usize, usize),
) -> Result<Sweep, String> {
    let ns = &plan.sizes;
    let var = &plan.var;
    let mut points = Vec::with_capacity(ns.len());
    let (mut a_on, mut b_on) = (true, true);
    for (i, &n) in ns.iter().enumerate() {
        progress(n, i + 1, ns.len());
        let [site_a, site_b] = &plan.sites;
        let (code_a, code_b) = (site_a.apply(a, n)?, site_b.apply(b, n)?);
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
    Ok(Sweep::new(var.clone(), points))
}
