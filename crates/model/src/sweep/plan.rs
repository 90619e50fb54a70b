//! What a sweep will run: the size variable both snippets share and the sizes, from the
//! range a person sets (the page's Scale settings, the command line's flags).

use serde::{Deserialize, Serialize};

use super::size::{NO_SIZE_VAR, sizes};
use super::size_site::{SizeSite, counterpart, default_site};
use crate::RunReport;

/// How far a sweep goes, as a person sets it: the size (`None`: A's first ALL-CAPS
/// variable, else its largest number; a variable's name, or `@LINE:COL` for the number
/// there, size_site.rs), B's size when it cannot be told from A's (`var_b`), the smallest size,
/// the largest (`None`: the snippet's own value) and how many sizes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SweepRange {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub var: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub var_b: Option<String>,
    pub from: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<u64>,
    pub points: u32,
}

impl Default for SweepRange {
    fn default() -> Self {
        Self { var: None, var_b: None, from: 10, to: None, points: 8 }
    }
}

/// What to sweep in each snippet and the sizes to run, both snippets checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SweepPlan {
    /// How the size reads: "N", or "10**6 (line 3)".
    pub var: String,
    /// A's size and B's.
    pub sites: [SizeSite; 2],
    pub sizes: Vec<u64>,
}

impl SweepRange {
    /// A number field as a person types it (`1_000`, `1,000`, `1 000`); `None` when it is
    /// empty or not a whole number.
    pub fn number(text: &str) -> Option<u64> {
        text.replace(['_', ',', ' '], "").trim().parse().ok()
    }

    /// The plan for snippets `a` and `b`, or a message for the person: no size variable
    /// (and how to add one), B without A's variable, sizes that do not make a sweep.
    pub fn plan(&self, a: &str, b: &str) -> Result<SweepPlan, String> {
        let site_a = match &self.var {
            Some(key) => SizeSite::parse(key),
            None => default_site(a).ok_or_else(|| format!("Snippet A: {NO_SIZE_VAR}"))?,
        };
        let value = site_a.value(a).ok_or_else(|| missing("A", &site_a))?;
        let site_b = match &self.var_b {
            Some(key) => SizeSite::parse(key),
            None => counterpart(a, b, &site_a)?,
        };
        if site_b.value(b).is_none() {
            return Err(missing("B", &site_b));
        }
        let sizes = sizes(self.from, self.to.unwrap_or(value), self.points)?;
        Ok(SweepPlan { var: site_a.label(a), sites: [site_a, site_b], sizes })
    }
}

/// "snippet A has no top-level line `M = <integer>` to sweep", or no number at a place.
fn missing(side: &str, site: &SizeSite) -> String {
    match site {
        SizeSite::Var(name) => format!("snippet {side} has no top-level line `{name} = <integer>` to sweep"),
        SizeSite::At { line, col } => format!("snippet {side} has no integer at line {line}, column {col} to sweep"),
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
    fn a_number_field_reads_as_people_write_numbers() {
        for (text, n) in [
            ("1_000", Some(1000)),
            ("1,000", Some(1000)),
            (" 1 000 ", Some(1000)),
            ("", None),
            ("1e6", None),
            ("-5", None),
        ] {
            assert_eq!(SweepRange::number(text), n, "{text:?}");
        }
    }

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
        let range = |var: Option<&str>, from, to, points| SweepRange {
            var: var.map(Into::into),
            var_b: None,
            from,
            to,
            points,
        };
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
