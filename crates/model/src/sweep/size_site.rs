//! Where a snippet's size is: a top-level `NAME = <int>` (size.rs), or any integer literal
//! or power in the code as tutorials write it: `sum(firstn(1000000))`, `range(10**6)`.
//! A literal is named by its place in snippet A, `@LINE:COL` (1-based, COL in characters),
//! which is also how a person picks one (`memplay sweep --at 3:12`, the page's Scale
//! settings) and how links carry the choice (`SweepRange::var`).

use super::size::{default_size_var, size_vars, with_size};

/// A literal the sweep may change: its place, its value and its text as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    pub line: u32,
    pub col: u32,
    pub value: u64,
    pub text: String,
    /// Byte range in its line.
    start: usize,
    end: usize,
}

/// The size of one snippet: a variable by name, or the literal at a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SizeSite {
    Var(String),
    At { line: u32, col: u32 },
}

/// The smallest literal taken as a size by default (a smaller one is rarely a size).
const MIN_DEFAULT_SIZE: u64 = 100;

impl SizeSite {
    /// `@3:12` is the literal at line 3, column 12; anything else a variable's name.
    pub fn parse(key: &str) -> SizeSite {
        let at = key.strip_prefix('@').and_then(|p| p.split_once(':'));
        match at.and_then(|(l, c)| Some((l.trim().parse().ok()?, c.trim().parse().ok()?))) {
            Some((line, col)) => SizeSite::At { line, col },
            None => SizeSite::Var(key.to_owned()),
        }
    }

    /// The key `parse` reads back.
    pub fn key(&self) -> String {
        match self {
            SizeSite::Var(name) => name.clone(),
            SizeSite::At { line, col } => format!("@{line}:{col}"),
        }
    }

    /// The literal at this place in `code`, if the site is one.
    fn literal(&self, code: &str) -> Option<Literal> {
        let SizeSite::At { line, col } = *self else { return None };
        literals(code).into_iter().find(|l| l.line == line && l.col == col)
    }

    /// The size as the snippet has it.
    pub fn value(&self, code: &str) -> Option<u64> {
        match self {
            SizeSite::Var(name) => size_vars(code).into_iter().find(|v| &v.name == name).map(|v| v.value),
            SizeSite::At { .. } => self.literal(code).map(|l| l.value),
        }
    }

    /// `code` with this size set to `n`, every line where it was.
    pub fn apply(&self, code: &str, n: u64) -> Result<String, String> {
        match self {
            SizeSite::Var(name) => with_size(code, name, n),
            SizeSite::At { line, col } => {
                let lit = self.literal(code).ok_or_else(|| format!("no integer at line {line}, column {col}"))?;
                let mut out = String::with_capacity(code.len() + 8);
                for (i, text) in code.split_inclusive('\n').enumerate() {
                    if i as u32 + 1 == lit.line {
                        out.push_str(&text[..lit.start]);
                        out.push_str(&n.to_string());
                        out.push_str(&text[lit.end..]);
                    } else {
                        out.push_str(text);
                    }
                }
                Ok(out)
            }
        }
    }

    /// How a person reads the size: "N", or "the 10**6 on line 3".
    pub fn label(&self, code: &str) -> String {
        match (self, self.literal(code)) {
            (SizeSite::Var(name), _) => name.clone(),
            (SizeSite::At { line, .. }, Some(l)) => format!("{} (line {line})", l.text),
            (SizeSite::At { line, col }, None) => format!("line {line}:{col}"),
        }
    }
}

/// The size a sweep takes by default: the first ALL-CAPS `NAME = <int>`, else the largest
/// integer literal or power in the code (the one a snippet's memory most often depends on;
/// another can be picked).
pub fn default_site(code: &str) -> Option<SizeSite> {
    if let Some(v) = default_size_var(code) {
        return Some(SizeSite::Var(v.name));
    }
    literals(code)
        .into_iter()
        .filter(|l| l.value >= MIN_DEFAULT_SIZE)
        .max_by_key(|l| (l.value, std::cmp::Reverse((l.line, l.col))))
        .map(|l| SizeSite::At { line: l.line, col: l.col })
}

/// Every size a person can pick in `a` that `b` has a counterpart of: the variables, then
/// the other numbers of 2 and up, in order (a variable's own number is offered as the
/// variable), each with its label.
pub fn sites_in_both(a: &str, b: &str) -> Vec<(SizeSite, String)> {
    let pairing = Pairing::new(a, b);
    let named = size_vars(a);
    let vars = named.iter().map(|v| (SizeSite::Var(v.name.clone()), format!("{} = {}", v.name, v.value)));
    let lits = pairing.a.iter().filter(|l| l.value >= 2 && !named.iter().any(|v| v.line == l.line)).map(|l| {
        let label = format!("{} (line {}, column {})", l.text, l.line, l.col);
        (SizeSite::At { line: l.line, col: l.col }, label)
    });
    vars.chain(lits).filter(|(site, _)| pairing.counterpart(site).is_ok()).collect()
}

/// B's counterpart of A's size: the same variable; for a literal, the literal in the same
/// place of B's counterpart line (lines matched by a text diff, as "At the peak" does), or
/// else the one literal of B written the same way. Otherwise the person is asked.
pub fn counterpart(a: &str, b: &str, site: &SizeSite) -> Result<SizeSite, String> {
    Pairing::new(a, b).counterpart(site)
}

/// What matching A's sizes to B's reads, worked out once for a pair of snippets: both
/// snippets' numbers, B's variables and the lines matched by the diff.
struct Pairing {
    a: Vec<Literal>,
    b: Vec<Literal>,
    b_vars: Vec<String>,
    aligned: Vec<(Option<u32>, Option<u32>)>,
}

impl Pairing {
    fn new(a: &str, b: &str) -> Self {
        Self {
            a: literals(a),
            b: literals(b),
            b_vars: size_vars(b).into_iter().map(|v| v.name).collect(),
            aligned: crate::align_lines(a, b),
        }
    }

    fn counterpart(&self, site: &SizeSite) -> Result<SizeSite, String> {
        match site {
            SizeSite::Var(name) => {
                if self.b_vars.contains(name) {
                    Ok(site.clone())
                } else {
                    Err(format!(
                        "snippet B has no top-level line `{name} = <integer>`: add one so both sweep the same size"
                    ))
                }
            }
            &SizeSite::At { line, col } => {
                let lit = self
                    .a
                    .iter()
                    .find(|l| l.line == line && l.col == col)
                    .ok_or_else(|| format!("snippet A has no integer at line {line}, column {col}"))?;
                let in_a: Vec<&Literal> = self.a.iter().filter(|l| l.line == lit.line).collect();
                let index = in_a.iter().position(|l| l.col == lit.col).unwrap_or(0);
                let b_line = self.aligned.iter().find(|(x, _)| *x == Some(lit.line)).and_then(|&(_, y)| y);
                let on_line: Vec<&Literal> = self.b.iter().filter(|l| Some(l.line) == b_line).collect();
                let same_place = (on_line.len() == in_a.len()).then(|| on_line.get(index)).flatten();
                let same_text: Vec<&Literal> = self.b.iter().filter(|l| l.text == lit.text).collect();
                let found = same_place.copied().or(if same_text.len() == 1 { Some(same_text[0]) } else { None });
                found.map(|l| SizeSite::At { line: l.line, col: l.col }).ok_or_else(|| {
                    format!(
                        "snippet B has no number that clearly matches A's {} on line {}: pick another size \
                         in A, give both snippets a line such as `N = 100_000`, or, on the command line, \
                         name B's with `--at-b LINE:COL`",
                        lit.text, lit.line
                    )
                })
            }
        }
    }
}

/// Every integer literal (`1000000`, `100_000`) and power of two integers (`10**6`,
/// `2 ** 20`) outside strings and comments, with its place.
pub fn literals(code: &str) -> Vec<Literal> {
    let mut out = Vec::new();
    let mut in_string: Option<&str> = None;
    for (i, line) in code.split_inclusive('\n').enumerate() {
        let bytes = line.as_bytes();
        let mut k = 0;
        while k < bytes.len() {
            if let Some(q) = in_string {
                if bytes[k..].starts_with(q.as_bytes()) {
                    k += q.len();
                    in_string = None;
                } else {
                    k += if bytes[k] == b'\\' { 2 } else { 1 };
                }
                continue;
            }
            let c = bytes[k];
            if c == b'#' {
                break;
            }
            if c == b'"' || c == b'\'' {
                let triple = if c == b'"' { "\"\"\"" } else { "'''" };
                let q = if line[k..].starts_with(triple) { triple } else { &triple[..1] };
                in_string = Some(q);
                k += q.len();
                continue;
            }
            let after_word =
                k > 0 && (bytes[k - 1].is_ascii_alphanumeric() || matches!(bytes[k - 1], b'_' | b'.' | 0x80..));
            if c.is_ascii_digit() && !after_word {
                let (end, value) = integer(bytes, k);
                // A float, a complex, a hex or octal number is not a size.
                let next = bytes.get(end).copied().unwrap_or(b' ');
                if next == b'.' || next.is_ascii_alphanumeric() {
                    k = end.max(k + 1);
                    while k < bytes.len() && (bytes[k].is_ascii_alphanumeric() || bytes[k] == b'.' || bytes[k] == b'_')
                    {
                        k += 1;
                    }
                    continue;
                }
                let (end, value) = power(bytes, end, value);
                if let Some(value) = value {
                    out.push(Literal {
                        line: i as u32 + 1,
                        col: line[..k].chars().count() as u32 + 1,
                        value,
                        text: line[k..end].to_owned(),
                        start: k,
                        end,
                    });
                }
                k = end;
                continue;
            }
            k += 1;
        }
        // A single-quoted string does not go past its line.
        if in_string.is_some_and(|q| q.len() == 1) {
            in_string = None;
        }
    }
    out
}

/// The decimal integer at `k` (digits and underscores): where it ends and its value.
fn integer(bytes: &[u8], k: usize) -> (usize, Option<u64>) {
    let mut end = k;
    while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b'_') {
        end += 1;
    }
    let text: String = bytes[k..end].iter().filter(|&&b| b != b'_').map(|&b| b as char).collect();
    let leading_zero = text.len() > 1 && text.starts_with('0');
    (end, if leading_zero { None } else { text.parse().ok() })
}

/// `base ** exp` from `end` on, when `**` and an integer follow: where it ends and its value.
fn power(bytes: &[u8], end: usize, base: Option<u64>) -> (usize, Option<u64>) {
    let skip = |mut i: usize| {
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        i
    };
    let op = skip(end);
    if !(bytes.get(op) == Some(&b'*') && bytes.get(op + 1) == Some(&b'*')) {
        return (end, base);
    }
    let at = skip(op + 2);
    if !bytes.get(at).is_some_and(u8::is_ascii_digit) {
        return (end, base);
    }
    let (exp_end, exp) = integer(bytes, at);
    if bytes.get(exp_end).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'.') {
        return (end, base);
    }
    let value = base.zip(exp).and_then(|(b, e)| b.checked_pow(u32::try_from(e).ok()?));
    (exp_end, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(code: &str) -> Vec<(u32, u32, u64, String)> {
        literals(code).into_iter().map(|l| (l.line, l.col, l.value, l.text)).collect()
    }

    #[test]
    fn literals_and_powers_outside_strings_and_comments() {
        let code = "total = sum(firstn(1000000))\nxs = range(10**6)  # 10 ** 9 in a comment\n\
                    s = 'size 500' + \"7\"\nf = 1.5 + 2e3 + 0x10 + 3j + x1 + a.b2\nk = 2 ** 20, 100_000\n";
        assert_eq!(
            found(code),
            vec![
                (1, 20, 1_000_000, "1000000".into()),
                (2, 12, 1_000_000, "10**6".into()),
                (5, 5, 1 << 20, "2 ** 20".into()),
                (5, 14, 100_000, "100_000".into()),
            ]
        );
        let doc = "\"\"\"A docstring with 1000 in it\nand 2000 too\"\"\"\nn = 300\n";
        assert_eq!(found(doc), vec![(3, 5, 300, "300".into())]);
    }

    #[test]
    fn text_beyond_ascii_is_read_around_not_cut() {
        // Strings, comments and names in any script; columns count characters.
        let code = "s = 'café 10' * 3\n\"\"\"漢字 500\n字\"\"\"\né5 = 7  # naïve 9\nn = ['é'] * 1_000\n";
        assert_eq!(found(code), vec![(1, 17, 3, "3".into()), (4, 6, 7, "7".into()), (5, 13, 1_000, "1_000".into())]);
    }

    #[test]
    fn the_default_is_an_all_caps_variable_or_else_the_largest_number() {
        assert_eq!(default_site("N = 10\nxs = [0] * 10**6\n"), Some(SizeSite::Var("N".into())));
        assert_eq!(default_site("xs = [0] * 1000\nys = list(range(10**6))\n"), Some(SizeSite::At { line: 2, col: 17 }));
        assert_eq!(default_site("print(42)\n"), None, "nothing that looks like a size");
    }

    #[test]
    fn a_literal_is_rewritten_in_place() {
        let code = "def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(1000000)))\n";
        let site = default_site(code).unwrap();
        assert_eq!(site.key(), "@4:18");
        assert_eq!(SizeSite::parse("@4:18"), site);
        assert_eq!(site.value(code), Some(1_000_000));
        let out = site.apply(code, 316).unwrap();
        assert_eq!(out, "def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(316)))\n");
        assert_eq!(SizeSite::parse("@1:1").apply(code, 3).unwrap_err(), "no integer at line 1, column 1");
        assert_eq!(SizeSite::parse("N"), SizeSite::Var("N".into()));
        assert_eq!(site.label(code), "1000000 (line 4)");
    }

    #[test]
    fn b_takes_the_number_in_the_same_place_of_its_counterpart_line() {
        let a = "def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(1000000)))\n";
        let b = "def firstn(n):\n    num = 0\n    while num < n:\n        yield num\n        num += 1\n\n\
                 print(sum(firstn(1000000)))\n";
        let site_a = default_site(a).unwrap();
        assert_eq!(counterpart(a, b, &site_a), Ok(SizeSite::At { line: 7, col: 18 }));
        // Changed lines pair up too: `range(10**6)` against `xrange(10**6)`.
        let (a, b) = ("xs = [i for i in range(10**6)]\n", "xs = (i for i in range(10**6))\n");
        assert_eq!(counterpart(a, b, &default_site(a).unwrap()), Ok(SizeSite::At { line: 1, col: 24 }));
        // Nothing that clearly matches: ask.
        let err = counterpart("x = [0] * 5000\n", "y = 3\nz = 4\n", &SizeSite::At { line: 1, col: 11 }).unwrap_err();
        assert!(err.contains("--at-b"), "{err}");
    }
}
