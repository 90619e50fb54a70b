//! A snippet's size: a top-level `NAME = <int literal>` (e.g. `N = 100_000`), the sizes a
//! sweep runs, and the snippet rewritten for one size with its line numbers unchanged.

/// A candidate size variable: its name, its line (1-based) and its value in the snippet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeVar {
    pub name: String,
    pub line: u32,
    pub value: u64,
}

/// What to say when a snippet has no size to sweep.
pub const NO_SIZE_VAR: &str = "This snippet has no size to sweep. Add a top-level line such as \
`N = 100_000` and use N in the code; the sweep re-runs the snippet with other values of it.";

/// Every top-level `NAME = <int literal>` in `code`, ALL-CAPS names first (in order).
pub fn size_vars(code: &str) -> Vec<SizeVar> {
    let mut vars: Vec<SizeVar> = code
        .lines()
        .enumerate()
        .filter_map(|(i, line)| {
            let (name, value) = parse_assignment(line)?;
            Some(SizeVar { name: name.to_owned(), line: i as u32 + 1, value })
        })
        .collect();
    vars.sort_by_key(|v| !is_all_caps(&v.name));
    vars
}

/// The size variable a sweep uses by default: the first ALL-CAPS one (another candidate
/// can be picked by name).
pub fn default_size_var(code: &str) -> Option<SizeVar> {
    size_vars(code).into_iter().next().filter(|v| is_all_caps(&v.name))
}

/// `code` with `var`'s literal replaced by `n` on its line; every other line as it was.
pub fn with_size(code: &str, var: &str, n: u64) -> Result<String, String> {
    let mut found = false;
    let lines: Vec<String> = code
        .split_inclusive('\n')
        .map(|line| match parse_assignment(line.trim_end_matches(['\n', '\r'])) {
            Some((name, _)) if name == var && !found => {
                found = true;
                let ending = &line[line.trim_end_matches(['\n', '\r']).len()..];
                let comment = line.find('#').map(|i| format!("  {}", line[i..].trim_end_matches(['\n', '\r'])));
                format!("{var} = {n}{}{ending}", comment.unwrap_or_default())
            }
            _ => line.to_owned(),
        })
        .collect();
    if found { Ok(lines.concat()) } else { Err(format!("no top-level line `{var} = <integer>` in this snippet")) }
}

/// `points` sizes from `from` to `to`, evenly spaced on a log scale, rounded to integers,
/// without repeats.
pub fn sizes(from: u64, to: u64, points: u32) -> Result<Vec<u64>, String> {
    if from < 1 {
        return Err("the smallest size must be at least 1".into());
    }
    if from >= to {
        return Err(format!("the sweep must go up: from {from} is not below to {to}"));
    }
    if points < 2 {
        return Err("a sweep needs at least 2 points to show growth".into());
    }
    if points > 40 {
        return Err("at most 40 points: each one is a full run".into());
    }
    let (lo, hi) = ((from as f64).ln(), (to as f64).ln());
    let mut out: Vec<u64> = (0..points)
        .map(|i| (lo + (hi - lo) * f64::from(i) / f64::from(points - 1)).exp().round() as u64)
        .map(|n| n.clamp(from, to))
        .collect();
    out.dedup();
    Ok(out)
}

fn parse_assignment(line: &str) -> Option<(&str, u64)> {
    let line = line.split('#').next()?.trim_end();
    let (name, value) = line.split_once('=')?;
    let name = name.trim_end();
    let value = value.trim();
    let starts_ok = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if !starts_ok || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || name.starts_with(' ') {
        return None;
    }
    if value.is_empty() || !value.chars().all(|c| c.is_ascii_digit() || c == '_') || value.starts_with('_') {
        return None;
    }
    if value.len() > 1 && value.starts_with('0') {
        return None;
    }
    value.replace('_', "").parse().ok().map(|v| (name, v))
}

fn is_all_caps(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_uppercase()) && !name.chars().any(|c| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_all_caps_integer_is_the_size() {
        let code = "import sys\nn = 5\nN = 100_000  # elements\nSIZE = 3\n    M = 7\nx = [0] * N\n";
        let names: Vec<_> = size_vars(code).into_iter().map(|v| (v.name, v.line, v.value)).collect();
        assert_eq!(names, [("N".to_owned(), 3, 100_000), ("SIZE".to_owned(), 4, 3), ("n".to_owned(), 2, 5)]);
        assert_eq!(default_size_var("x = 1\n").map(|v| v.name), None);
        assert_eq!(default_size_var("N = 10 ** 6\nK = 0x10\nZ = 007\n"), None, "only plain integer literals");
    }

    #[test]
    fn rewriting_changes_only_the_literal_and_keeps_line_numbers() {
        let code = "N = 100_000  # elements\nxs = [0] * N\nN2 = N\n";
        let out = with_size(code, "N", 37).unwrap();
        assert_eq!(out, "N = 37  # elements\nxs = [0] * N\nN2 = N\n");
        assert_eq!(out.lines().count(), code.lines().count());
        assert!(with_size(code, "M", 3).unwrap_err().contains("`M = <integer>`"));
    }

    #[test]
    fn sizes_are_a_geometric_series_without_repeats() {
        assert_eq!(sizes(10, 100_000, 8).unwrap(), [10, 37, 139, 518, 1931, 7197, 26827, 100000]);
        assert_eq!(sizes(1, 3, 8).unwrap(), [1, 2, 3]);
        assert!(sizes(100, 10, 8).unwrap_err().contains("must go up"));
        assert!(sizes(10, 100, 1).unwrap_err().contains("at least 2 points"));
        assert!(sizes(0, 100, 4).is_err());
    }
}
