//! What a sweep will run: the size variable both snippets share and the sizes, from the
//! range a person sets (the page's Scale settings, the command line's flags).

use serde::{Deserialize, Serialize};

use super::size::{NO_SIZE_VAR, default_size_var, size_vars, sizes};
use crate::RunReport;

/// How far a sweep goes, as a person sets it: the variable (`None`: A's first ALL-CAPS
/// one), the smallest size, the largest (`None`: the snippet's own value) and how many
/// sizes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SweepRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    pub from: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u64>,
    pub points: u32,
}

impl Default for SweepRange {
    fn default() -> Self {
        Self { var: None, from: 10, to: None, points: 8 }
    }
}

/// The variable to sweep and the sizes to run, both snippets checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SweepPlan {
    pub var: String,
    pub sizes: Vec<u64>,
}

impl SweepRange {
    /// The plan for snippets `a` and `b`, or a message for the person: no size variable
    /// (and how to add one), B without A's variable, sizes that do not make a sweep.
    pub fn plan(&self, a: &str, b: &str) -> Result<SweepPlan, String> {
        let var = match &self.var {
            Some(name) => size_vars(a)
                .into_iter()
                .find(|v| &v.name == name)
                .ok_or_else(|| format!("snippet A has no top-level line `{name} = <integer>` to sweep"))?,
            None => default_size_var(a).ok_or_else(|| format!("Snippet A: {NO_SIZE_VAR}"))?,
        };
        if !size_vars(b).iter().any(|v| v.name == var.name) {
            return Err(format!(
                "snippet B has no top-level line `{} = <integer>`: add one so both sweep the same size",
                var.name
            ));
        }
        let sizes = sizes(self.from, self.to.unwrap_or(var.value), self.points)?;
        Ok(SweepPlan { var: var.name, sizes })
    }
}

/// A point's report without its per-line figures and timeline: a sweep is about totals.
pub fn slim(mut r: RunReport) -> RunReport {
    r.lines.clear();
    r.timeline.clear();
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plan_takes_a_s_first_size_up_to_its_value() {
        let a = "N = 1_000\nx = [0] * N\n";
        let b = "N = 5\nx = range(N)\n";
        let plan = SweepRange::default().plan(a, b).unwrap();
        assert_eq!(plan.var, "N");
        assert_eq!(plan.sizes.first(), Some(&10));
        assert_eq!(plan.sizes.last(), Some(&1_000));
        assert_eq!(plan.sizes.len(), 8);
    }

    #[test]
    fn every_bad_range_is_a_message() {
        let code = "N = 1_000\nSIZE = 50\nx = [0] * N\n";
        let range = |var: Option<&str>, from, to, points| SweepRange { var: var.map(Into::into), from, to, points };
        let err = |r: SweepRange, a: &str, b: &str| r.plan(a, b).unwrap_err();
        assert!(err(SweepRange::default(), "x = [0] * 10\n", code).contains("N = 100_000"));
        assert!(err(SweepRange::default(), code, "x = 1\n").contains("snippet B has no top-level line `N"));
        assert!(err(range(Some("M"), 10, None, 8), code, code).contains("`M = <integer>`"));
        assert!(err(range(None, 500, Some(100), 8), code, code).contains("from 500 is not below to 100"));
        assert!(err(range(None, 10, None, 1), code, code).contains("at least 2 points"));
        assert!(err(range(None, 0, None, 8), code, code).contains("at least 1"));
        let picked = range(Some("SIZE"), 1, None, 3).plan(code, code).unwrap();
        assert_eq!((picked.var.as_str(), picked.sizes.as_slice()), ("SIZE", &[1, 7, 50][..]));
    }
}
