//! What was alive at a run's peak, by the snippet line (and the call stack) that made it,
//! and the two snippets' lines aligned by a text diff so A's and B's can be set side by
//! side. The engine fills `AtPeak` from its allocator; the comparison aligns the lines.

use serde::{Deserialize, Serialize};
use similar::{DiffOp, TextDiff};

/// The call stacks `AtPeak::by_stack` lists: the largest. A recursion 600 calls deep has
/// a stack per depth, each hundreds of frames long.
pub const STACKS_LISTED: usize = 50;

/// The frames a listed stack shows: a deeper stack shows its outermost `OUTER_FRAMES`,
/// one frame saying how many calls are left out (`elided_calls`), and the innermost rest.
pub const FRAMES_LISTED: usize = 24;
const OUTER_FRAMES: usize = 4;
const ELIDED: &str = "… ";
const ELIDED_UNIT: &str = " calls";

/// The frames of a stack `depth` frames deep that are listed, made by `frame(i)` (outermost
/// first): all of them, or the outermost and innermost with the calls between counted.
pub fn listed_frames(depth: usize, frame: impl Fn(usize) -> String) -> Vec<String> {
    if depth <= FRAMES_LISTED {
        return (0..depth).map(frame).collect();
    }
    let inner = FRAMES_LISTED - OUTER_FRAMES - 1;
    let left_out = depth - OUTER_FRAMES - inner;
    (0..OUTER_FRAMES)
        .map(&frame)
        .chain([format!("{ELIDED}{left_out}{ELIDED_UNIT}")])
        .chain((depth - inner..depth).map(&frame))
        .collect()
}

/// How many calls a listed frame stands for, when it stands for calls left out.
pub fn elided_calls(frame: &str) -> Option<usize> {
    frame.strip_prefix(ELIDED)?.strip_suffix(ELIDED_UNIT)?.parse().ok()
}

/// Alive at the moment of the peak: `{"live_bytes", "running_line", "by_line", "by_stack"}`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AtPeak {
    /// Bytes alive at the peak, above the baseline: the report's `peak_bytes`.
    pub live_bytes: u64,
    /// The snippet line that was running when the peak was reached.
    pub running_line: Option<u32>,
    /// By the snippet line that allocated it, largest first. Line 0 is memory made before
    /// the snippet started (negative where the snippet had freed it by then) or while no
    /// snippet line ran.
    pub by_line: Vec<PeakLine>,
    /// By the snippet's call stack that allocated it, largest first, the largest
    /// `STACKS_LISTED` only (a recursion has a stack per depth): frames outermost first,
    /// each `function:line`, at most `FRAMES_LISTED` of them (`listed_frames`);
    /// standard-library frames are folded into the snippet frame that called them.
    pub by_stack: Vec<PeakStack>,
    /// By Python type, largest first, summing to the peak: objects of each type with the
    /// storage they own, and memory that belongs to no object as `(interpreter)`
    /// (`kinds.rs`). Empty where the engine could not tell types.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by_type: Vec<PeakType>,
    /// Set where the figures are not exact (the CPython check's).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeakLine {
    pub line: u32,
    pub bytes: i64,
    pub blocks: i64,
    /// What kinds of objects the line made that were alive at the peak, largest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub types: Vec<PeakType>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeakStack {
    pub stack: Vec<String>,
    pub bytes: i64,
}

/// One row of `peak_lines`: a line of A and its counterpart in B (either may be absent),
/// with what each held at its own peak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeakRow {
    pub a_line: Option<u32>,
    pub b_line: Option<u32>,
    pub a_bytes: i64,
    pub b_bytes: i64,
    /// The line's code (A's, or B's where A has none), trimmed.
    pub text: String,
    /// B's line where it reads differently from A's (`for line in f:` beside A's
    /// `for line in lines:`), so that a row never shows one side's code for both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub b_text: Option<String>,
}

/// What stands between A's code and B's in one cell.
pub const B_CODE: &str = " · B: ";

impl PeakRow {
    /// The code as one cell: "A's code", or "A's code · B: B's code" where they differ.
    pub fn code_text(&self) -> String {
        match &self.b_text {
            Some(b) => format!("{}{B_CODE}{b}", self.text),
            None => self.text.clone(),
        }
    }
}

/// Ranks lines as every view shows them: most bytes first, then by line number.
pub fn rank_lines<L: std::borrow::Borrow<PeakLine>>(lines: &mut [L]) {
    lines.sort_by(|x, y| {
        let (x, y) = (x.borrow(), y.borrow());
        y.bytes.cmp(&x.bytes).then(x.line.cmp(&y.line))
    });
}

impl AtPeak {
    /// Bytes the snippet's line `line` held at the peak.
    pub fn bytes_of(&self, line: u32) -> i64 {
        self.by_line.iter().find(|l| l.line == line).map_or(0, |l| l.bytes)
    }

    /// The line that held the most at the peak (line 0 aside).
    pub fn top_line(&self) -> Option<&PeakLine> {
        self.by_line.iter().filter(|l| l.line > 0).max_by(|x, y| x.bytes.cmp(&y.bytes).then(y.line.cmp(&x.line)))
    }
}

/// One row of a snippet's "at the peak" list, as every view words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListedLine {
    /// The snippet line; `None` for the "other lines" and "before the snippet" rows.
    pub line: Option<u32>,
    /// "line 3", "other lines", "before the snippet".
    pub label: String,
    /// The line's code, trimmed ("" for the summary rows).
    pub code: String,
    pub bytes: i64,
    pub blocks: i64,
}

/// The line `line` (1-based) of `code`, trimmed.
pub fn line_text(code: &str, line: u32) -> String {
    code.lines().nth((line as usize).wrapping_sub(1)).unwrap_or("").trim().to_owned()
}

/// A snippet's lines at its peak as the views list them: at most `max` lines, largest
/// first, each holding at least 1 % of the peak; the rest in one "other lines" row; and
/// the memory of line 0, made before the snippet (negative where the snippet had freed it
/// by the peak) or while none of its lines ran, so that the rows add up to the peak.
pub fn listed_lines(at: &AtPeak, code: &str, max: usize) -> Vec<ListedLine> {
    let floor = (at.live_bytes / 100) as i64;
    let mut lines: Vec<&PeakLine> = at.by_line.iter().filter(|l| l.line > 0).collect();
    rank_lines(&mut lines);
    let (shown, rest): (Vec<_>, Vec<_>) =
        lines.into_iter().enumerate().partition(|(i, l)| *i < max && l.bytes > 0 && l.bytes >= floor);
    let mut out: Vec<ListedLine> = shown
        .into_iter()
        .map(|(_, l)| ListedLine {
            line: Some(l.line),
            label: format!("line {}", l.line),
            code: line_text(code, l.line),
            bytes: l.bytes,
            blocks: l.blocks,
        })
        .collect();
    let (bytes, blocks) = rest.iter().fold((0, 0), |(b, n), (_, l)| (b + l.bytes, n + l.blocks));
    if bytes != 0 {
        out.push(ListedLine { line: None, label: "other lines".into(), code: String::new(), bytes, blocks });
    }
    let before = at.bytes_of(0);
    if before != 0 {
        let blocks = at.by_line.iter().find(|l| l.line == 0).map_or(0, |l| l.blocks);
        out.push(ListedLine {
            line: None,
            label: "before the snippet".into(),
            code: String::new(),
            bytes: before,
            blocks,
        });
    }
    out
}

/// A's and B's lines (1-based) paired by a text diff, in the order of the text: equal
/// lines pair up, changed lines pair where the diff pairs them, the rest stand alone.
pub fn align_lines(a: &str, b: &str) -> Vec<(Option<u32>, Option<u32>)> {
    let diff = TextDiff::from_lines(a, b);
    let line = |i: usize| Some(i as u32 + 1);
    let mut rows = Vec::new();
    for op in diff.ops() {
        match *op {
            DiffOp::Equal { old_index, new_index, len } => {
                rows.extend((0..len).map(|k| (line(old_index + k), line(new_index + k))));
            }
            DiffOp::Delete { old_index, old_len, .. } => rows.extend((0..old_len).map(|k| (line(old_index + k), None))),
            DiffOp::Insert { new_index, new_len, .. } => rows.extend((0..new_len).map(|k| (None, line(new_index + k)))),
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let old: Vec<&str> = a.lines().skip(old_index).take(old_len).collect();
                let new: Vec<&str> = b.lines().skip(new_index).take(new_len).collect();
                for (i, j) in pair_changed(&old, &new) {
                    rows.push((i.map(|i| line(old_index + i).unwrap()), j.map(|j| line(new_index + j).unwrap())));
                }
            }
        }
    }
    rows
}

/// Changed lines of one hunk of the diff, paired in order where they are alike (half their
/// characters or more in common), the rest alone: `total = sum([...])` pairs with
/// `total = sum(...)`, not with a comment inserted above it.
fn pair_changed(old: &[&str], new: &[&str]) -> Vec<(Option<usize>, Option<usize>)> {
    let (n, m) = (old.len(), new.len());
    if n * m > 10_000 {
        return (0..n.max(m)).map(|k| ((k < n).then_some(k), (k < m).then_some(k))).collect();
    }
    let alike = |i: usize, j: usize| {
        let r = TextDiff::from_chars(old[i].trim(), new[j].trim()).ratio();
        if r >= 0.5 { f64::from(r) } else { f64::NEG_INFINITY }
    };
    // best[i][j]: the most likeness pairing old[i..] with new[j..] in order can have.
    let mut best = vec![vec![0.0_f64; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            best[i][j] = best[i + 1][j].max(best[i][j + 1]).max(alike(i, j) + best[i + 1][j + 1]);
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < n || j < m {
        if i < n && j < m && best[i][j] == alike(i, j) + best[i + 1][j + 1] {
            out.push((Some(i), Some(j)));
            (i, j) = (i + 1, j + 1);
        } else if i < n && (j == m || best[i][j] == best[i + 1][j]) {
            out.push((Some(i), None));
            i += 1;
        } else {
            out.push((None, Some(j)));
            j += 1;
        }
    }
    out
}

/// The aligned rows that held anything at either side's peak, in the order of the text.
pub fn peak_lines(code_a: &str, code_b: &str, a: Option<&AtPeak>, b: Option<&AtPeak>) -> Vec<PeakRow> {
    if a.is_none() && b.is_none() {
        return Vec::new();
    }
    let held = |at: Option<&AtPeak>, line: Option<u32>| match (at, line) {
        (Some(at), Some(l)) => at.bytes_of(l),
        _ => 0,
    };
    align_lines(code_a, code_b)
        .into_iter()
        .map(|(a_line, b_line)| PeakRow {
            a_line,
            b_line,
            a_bytes: held(a, a_line),
            b_bytes: held(b, b_line),
            text: match (a_line, b_line) {
                (Some(l), _) => line_text(code_a, l),
                (None, Some(l)) => line_text(code_b, l),
                (None, None) => String::new(),
            },
            b_text: match (a_line, b_line) {
                (Some(la), Some(lb)) => Some(line_text(code_b, lb)).filter(|b| *b != line_text(code_a, la)),
                _ => None,
            },
        })
        .filter(|r| r.a_bytes != 0 || r.b_bytes != 0)
        .collect()
}

/// Objects of one type alive at the peak: `{"type", "count", "bytes"}`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PeakType {
    #[serde(rename = "type")]
    pub name: String,
    /// Objects of the type alive at the peak (0 for `(interpreter)`).
    pub count: i64,
    /// Their bytes: the objects and the storage they own.
    pub bytes: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deep_stack_lists_its_ends_and_counts_the_calls_between() {
        let frame = |i: usize| format!("f:{i}");
        assert_eq!(listed_frames(3, frame), ["f:0", "f:1", "f:2"]);
        assert_eq!(listed_frames(FRAMES_LISTED, frame).len(), FRAMES_LISTED);
        let deep = listed_frames(600, frame);
        assert_eq!(deep.len(), FRAMES_LISTED);
        assert_eq!(&deep[..OUTER_FRAMES], ["f:0", "f:1", "f:2", "f:3"]);
        assert_eq!(deep.last().map(String::as_str), Some("f:599"));
        let counted: usize = deep.iter().map(|f| elided_calls(f).unwrap_or(1)).sum();
        assert_eq!(counted, 600, "{deep:?}");
        assert_eq!(elided_calls("f:3"), None);
    }

    fn at(lines: &[(u32, i64)]) -> AtPeak {
        AtPeak {
            live_bytes: lines.iter().map(|l| l.1).sum::<i64>() as u64,
            by_line: lines
                .iter()
                .map(|&(line, bytes)| PeakLine { line, bytes, blocks: 1, types: Vec::new() })
                .collect(),
            ..AtPeak::default()
        }
    }

    #[test]
    fn an_extra_line_does_not_shift_the_pairs() {
        let a = "import sys\nN = 10\ntotal = sum([i for i in range(N)])\nprint(total)\n";
        let b = "import sys\n# a generator holds one item at a time\nN = 10\ntotal = sum(i for i in range(N))\nprint(total)\n";
        let rows = align_lines(a, b);
        assert_eq!(
            rows,
            vec![(Some(1), Some(1)), (None, Some(2)), (Some(2), Some(3)), (Some(3), Some(4)), (Some(4), Some(5))]
        );
    }

    #[test]
    fn rows_carry_each_sides_bytes_at_its_own_peak() {
        let a = "N = 10\ntotal = sum([i for i in range(N)])\n";
        let b = "N = 10\nextra = 1\ntotal = sum(i for i in range(N))\n";
        let rows = peak_lines(a, b, Some(&at(&[(2, 5_000), (0, -40)])), Some(&at(&[(3, 100)])));
        let text = "total = sum([i for i in range(N)])".to_owned();
        let b_text = Some("total = sum(i for i in range(N))".to_owned());
        assert_eq!(
            rows,
            vec![PeakRow { a_line: Some(2), b_line: Some(3), a_bytes: 5_000, b_bytes: 100, text, b_text }]
        );
        assert_eq!(rows[0].code_text(), "total = sum([i for i in range(N)]) · B: total = sum(i for i in range(N))");
        let same = peak_lines("x = [0] * 9\n", "x = [0] * 9\n", Some(&at(&[(1, 80)])), None);
        assert_eq!(
            (same[0].b_text.as_deref(), same[0].code_text().as_str()),
            (None, "x = [0] * 9"),
            "one text where both read alike"
        );
        assert!(peak_lines(a, b, None, None).is_empty());
        let one_sided = peak_lines(a, b, Some(&at(&[(2, 5_000)])), None);
        assert_eq!(one_sided[0].b_bytes, 0);
    }

    #[test]
    fn the_listed_rows_add_up_to_the_peak() {
        let code = "a = [0] * 1000\nb = 'x'\nc = [1] * 10\nd = 2\n";
        let mut peak = at(&[(1, 8_000), (2, 50), (3, 120), (4, 30), (0, -200)]);
        peak.live_bytes = 8_000;
        let listed = listed_lines(&peak, code, 2);
        let labels: Vec<&str> = listed.iter().map(|l| l.label.as_str()).collect();
        assert_eq!(labels, ["line 1", "line 3", "other lines", "before the snippet"]);
        assert_eq!(listed[0].code, "a = [0] * 1000");
        assert_eq!(listed.iter().map(|l| l.bytes).sum::<i64>(), 8_000);
        assert_eq!(listed[3].bytes, -200);
    }

    #[test]
    fn lines_rank_by_bytes_then_number() {
        let mut lines = at(&[(3, 10), (1, 50), (2, 10), (0, -5)]).by_line;
        rank_lines(&mut lines);
        let order: Vec<u32> = lines.iter().map(|l| l.line).collect();
        assert_eq!(order, vec![1, 2, 3, 0]);
        assert_eq!(at(&[(3, 10), (1, 50), (0, 90)]).top_line().unwrap().line, 1, "line 0 is never blamed");
    }

    #[test]
    fn at_peak_reads_as_the_report_names_it() {
        let json = serde_json::to_value(at(&[(2, 64)])).unwrap();
        assert_eq!(json["live_bytes"], 64);
        assert_eq!(json["by_line"][0], serde_json::json!({"line": 2, "bytes": 64, "blocks": 1}));
        assert!(json.get("approximate").is_none(), "exact figures say nothing");
        assert!(json["running_line"].is_null());
    }
}
