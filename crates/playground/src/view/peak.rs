//! The "At the peak" section: what was alive at each snippet's peak, by the line that made
//! it and by call stack, and A's lines against B's, aligned by the text of the code.
//! Worded for a reader who has never heard of an allocator.

use memplay_model::{
    AtPeak, Comparison, CpythonCheck, PeakStack, RunReport, format_bytes, kinds_sentence, kinds_table, kinds_text,
    listed_lines,
};

use crate::State;

/// How many lines each snippet lists before the rest go into "other lines".
const LISTED: usize = 6;

#[derive(Clone, Debug, PartialEq)]
pub struct PeakView {
    /// A's and B's, in that order; `None` for a side with nothing to explain.
    pub sides: [Option<PeakSideView>; 2],
    /// Lines of A and their counterparts in B, in the order of the code.
    pub aligned: Vec<AlignedRowView>,
    /// "CPython 3.14" when the check explained its side too (its columns are then filled).
    pub cpython: Option<String>,
    /// "What kind of objects": each side's sentence and the table of types, A beside B
    /// (`None` when the engine told no types).
    pub kinds: Option<KindsView>,
    /// Why the check's explanation of a side is not shown ("B: CPython's lines at the peak
    /// add up to …"): it did not add up to the peak the check measured.
    pub cpython_dropped: Vec<String>,
}

/// The kinds of objects alive at each peak: the model's table (`kinds_table`), as cells.
#[derive(Clone, Debug, PartialEq)]
pub struct KindsView {
    /// One plain sentence per side ("At its peak, A held 20,000 dict (2.9 MiB), …").
    pub sentences: Vec<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PeakSideView {
    /// "A peaked at 8.6 MiB while line 3 ran:", then `running_code` ("print(total)"), then
    /// "Alive then, by the line that made it:".
    pub heading: String,
    pub running_code: String,
    pub rows: Vec<PeakRowView>,
    /// The call stacks alive at the peak, as a nested list (only where a function call
    /// made some of it: a one-frame stack says no more than the lines do).
    pub stacks: Vec<StackRowView>,
    /// Why the lines add up to more than the peak, where the snippet freed memory made
    /// before it started (a row below zero means nothing to a reader on its own).
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PeakRowView {
    /// "line 3", "other lines", "before the snippet".
    pub label: String,
    pub code: String,
    pub bytes: String,
    /// "20,000 objects" where the engine told what they are, else "100,001 allocations"
    /// (the allocator's "blocks" stay out of the reader's way).
    pub blocks: String,
    /// The kinds of objects the line made: "20,000 Point, 20,000 dict, 20,000 int".
    pub kinds: String,
    /// Share of the peak, 0–100, for the bar behind the row.
    pub percent: f64,
    /// The row's line, for the editor's mark.
    pub line: Option<u32>,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StackRowView {
    pub depth: usize,
    /// "build, line 2"; the module itself is "the snippet, line 5".
    pub frame: String,
    pub bytes: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AlignedRowView {
    /// "line 2" (A's), "B line 3" where only B has it.
    pub a_line: String,
    pub b_line: String,
    pub code: String,
    /// B's line where it reads differently from A's.
    pub b_code: Option<String>,
    pub a: String,
    pub b: String,
    /// "A holds 5.7 MiB at its peak; its counterpart in B holds 0 B".
    pub title: String,
    /// What the same lines held at CPython's peaks (approximate), when the check has them.
    pub cpython: Option<(String, String)>,
}

impl State {
    /// The section, once a comparison has finished with something to explain.
    pub(crate) fn peak_view(&self) -> Option<PeakView> {
        let c = self.comparison.as_ref()?;
        let sides = [(&c.a, "A", &self.ran[0]), (&c.b, "B", &self.ran[1])]
            .map(|(r, letter, code)| r.at_peak.as_ref().map(|at| side_view(r, at, letter, code)));
        if sides.iter().all(Option::is_none) {
            return None;
        }
        let check = self.cpython.check.as_ref();
        let mut aligned = aligned(c);
        if let Some(k) = check {
            for (row, r) in aligned.iter_mut().zip(&c.peak_lines) {
                row.cpython = memplay_model::cpython_held(k, r);
            }
        }
        let cpython = check.filter(|k| k.explained()).map(|k| k.engine.short_label());
        let kinds = kinds_view(c, check);
        let cpython_dropped = check
            .map(|k| {
                [("A", &k.a), ("B", &k.b)]
                    .into_iter()
                    .filter_map(|(letter, r)| r.at_peak_dropped.as_ref().map(|why| format!("{letter}: {why}.")))
                    .collect()
            })
            .unwrap_or_default();
        Some(PeakView { sides, aligned, cpython, kinds, cpython_dropped })
    }
}

fn side_view(r: &RunReport, at: &AtPeak, letter: &str, code: &str) -> PeakSideView {
    let peak = format_bytes(at.live_bytes as f64);
    let (when, running_code) = match at.running_line {
        Some(l) => (format!(" while line {l} ran"), memplay_model::line_text(code, l)),
        None => (String::new(), String::new()),
    };
    let ended = match r.error.as_ref().map(|e| &e.kind) {
        None => String::new(),
        Some(memplay_model::ErrorKind::Stopped) => " before it was stopped".to_owned(),
        Some(kind) => format!(" before it ended with {}", kind.as_str()),
    };
    // A run cut short is explained as far as the engine last said, which may be below the
    // peak its figures reached in its last moments: say so rather than pass it off as the peak.
    let heading = if at.live_bytes < r.peak_bytes {
        let reached = format_bytes(r.peak_bytes as f64);
        format!("{letter} peaked at {reached}{ended}; explained as it was at {peak}{when}")
    } else {
        format!("{letter} peaked at {peak}{ended}{when}")
    };
    let whole = at.live_bytes.max(1) as f64;
    let rows = listed_lines(at, code, LISTED)
        .into_iter()
        .map(|l| {
            let bytes = memplay_model::format_held(l.bytes);
            let types = l.line.and_then(|n| at.by_line.iter().find(|p| p.line == n)).map(|p| p.types.as_slice());
            let objects: i64 = types.unwrap_or_default().iter().map(|t| t.count).sum();
            let blocks = if objects > 0 {
                format!("{} object{}", memplay_model::group_thousands(objects as u64), plural(objects))
            } else {
                format!("{} allocation{}", memplay_model::group_thousands(l.blocks.max(0) as u64), plural(l.blocks))
            };
            let kinds = types.map(|t| kinds_text(t, 4)).unwrap_or_default();
            let title = match l.line {
                Some(n) => format!("Made by line {n} and still alive when {letter} peaked: {bytes} in {blocks}"),
                None if l.label == "before the snippet" && l.bytes < 0 => {
                    format!("Memory made before the snippet started that it had freed by its peak: {bytes}")
                }
                None if l.label == "before the snippet" => format!("Made while no line of the snippet ran: {bytes}"),
                None => format!("The other lines together: {bytes} in {blocks}"),
            };
            PeakRowView {
                percent: (l.bytes.max(0) as f64 / whole * 100.0).min(100.0),
                label: l.label,
                code: l.code,
                bytes,
                blocks,
                kinds,
                line: l.line,
                title,
            }
        })
        .collect();
    let freed = -at.bytes_of(0);
    let note = (freed > 0).then(|| {
        format!(
            "By its peak, {letter} had freed {} that the interpreter made before the snippet started, so the \
             lines above add up to that much more than the peak.",
            format_bytes(freed as f64)
        )
    });
    PeakSideView { heading, running_code, rows, stacks: stack_rows(&at.by_stack), note }
}

fn kinds_view(c: &Comparison, check: Option<&CpythonCheck>) -> Option<KindsView> {
    let table = kinds_table(c, check)?;
    let sentences = [("A", &c.a), ("B", &c.b)]
        .into_iter()
        .filter_map(|(letter, r)| {
            r.at_peak.as_ref().filter(|at| !at.by_type.is_empty()).map(|at| kinds_sentence(letter, at))
        })
        .collect();
    Some(KindsView { sentences, head: table.head, rows: table.rows })
}

fn plural(n: i64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Stacks listed under "By call stack": the largest, so that a recursion (a stack per
/// depth) stays a short list.
const STACKS_SHOWN: usize = 10;

/// The stacks as a nested list: each frame once under its caller, with the bytes alive
/// under it, and a frame called again from itself (a recursion) as one row with the count.
/// Empty when no stack is deeper than the snippet's own top level.
fn stack_rows(stacks: &[PeakStack]) -> Vec<StackRowView> {
    if stacks.iter().all(|s| s.stack.len() < 2) {
        return Vec::new();
    }
    // (path, bytes), each prefix of each stack once, in the order first seen (stacks come
    // largest first, so the largest branch leads); a path's steps are a frame and how many
    // times in a row it runs.
    type Path<'a> = Vec<(&'a str, usize)>;
    let mut nodes: Vec<(Path, i64)> = Vec::new();
    for s in stacks.iter().filter(|s| s.bytes > 0).take(STACKS_SHOWN) {
        let mut runs: Path = Vec::new();
        for frame in &s.stack {
            match runs.last_mut() {
                Some((last, n)) if *last == frame.as_str() => *n += 1,
                _ => runs.push((frame, 1)),
            }
        }
        for depth in 1..=runs.len() {
            let path = &runs[..depth];
            match nodes.iter_mut().find(|(p, _)| p == path) {
                Some((_, bytes)) => *bytes += s.bytes,
                None => nodes.push((path.to_vec(), s.bytes)),
            }
        }
    }
    let mut ordered: Vec<&(Path, i64)> = Vec::new();
    fn children<'a>(nodes: &'a [(Path<'a>, i64)], parent: &[(&str, usize)], out: &mut Vec<&'a (Path<'a>, i64)>) {
        let mut kids: Vec<&(Path, i64)> =
            nodes.iter().filter(|(p, _)| p.len() == parent.len() + 1 && p.starts_with(parent)).collect();
        kids.sort_by_key(|k| std::cmp::Reverse(k.1));
        for kid in kids {
            out.push(kid);
            children(nodes, &kid.0, out);
        }
    }
    children(&nodes, &[], &mut ordered);
    ordered
        .into_iter()
        .map(|(path, bytes)| {
            let (frame, times) = path.last().copied().unwrap_or_default();
            let frame = frame_label(frame);
            StackRowView {
                depth: path.len() - 1,
                frame: if times > 1 { format!("{frame} (×{times})") } else { frame },
                bytes: format_bytes(*bytes as f64),
            }
        })
        .collect()
}

/// "build:2" → "build, line 2"; "<module>:5" → "the snippet, line 5"; the calls a deep
/// stack leaves out → "… 572 more calls".
fn frame_label(frame: &str) -> String {
    if let Some(calls) = memplay_model::elided_calls(frame) {
        return format!("… {calls} more calls");
    }
    let (name, line) = frame.rsplit_once(':').unwrap_or((frame, ""));
    let name = if name == "<module>" { "the snippet" } else { name };
    format!("{name}, line {line}")
}

fn aligned(c: &Comparison) -> Vec<AlignedRowView> {
    c.peak_lines
        .iter()
        .map(|r| {
            let (a, b) = (memplay_model::format_held(r.a_bytes), memplay_model::format_held(r.b_bytes));
            let at = |n: Option<u32>| n.map_or_else(|| "–".to_owned(), |n| format!("line {n}"));
            let title = match (r.a_line, r.b_line) {
                (Some(_), Some(_)) => format!("A holds {a} at its peak; its counterpart in B holds {b}"),
                (Some(_), None) => format!("A holds {a} at its peak; B has no such line"),
                (None, _) => format!("B holds {b} at its peak; A has no such line"),
            };
            AlignedRowView {
                a_line: at(r.a_line),
                b_line: at(r.b_line),
                code: r.text.clone(),
                b_code: r.b_text.clone(),
                a,
                b,
                title,
                cpython: None,
            }
        })
        .collect()
}
