//! A comparison as tables of text cells, built once for every place that prints them: the
//! Markdown export (the page's and the command line's `--markdown`) and the command
//! line's plain text. Two tables: the figures (A, B, B vs A, and CPython's A and B once
//! the check has run), and "At the peak" (each line of A beside its counterpart in B, with
//! CPython's figures for the same lines where the check explained its peaks).

use crate::{
    AtPeak, CheckReport, Comparison, CpythonCheck, INTERPRETER, PeakRow, TypeRow, each_text, format_bytes,
    group_thousands, rows,
};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub align: Vec<Align>,
    pub rows: Vec<Vec<String>>,
}

/// The figures: one row per figure.
pub fn figures_table(c: &Comparison, check: Option<&CpythonCheck>, a_title: &str, b_title: &str) -> Table {
    use Align::{Left, Right};
    let mut head = vec![String::new(), column_head("A", a_title), column_head("B", b_title), "B vs A".to_owned()];
    let mut align = vec![Left, Right, Right, Right];
    if let Some(k) = check {
        let name = k.engine.short_label();
        head.extend([format!("{name} A"), format!("{name} B")]);
        align.extend([Right, Right]);
    }
    let rows = rows(&c.a, &c.b)
        .into_iter()
        .map(|row| {
            let mut cells = vec![row.label.to_owned(), row.a, row.b, row.change];
            if let Some(k) = check {
                let their = |r: &CheckReport| r.figure_text(row.figure).unwrap_or_else(|| "–".into());
                cells.extend([their(&k.a), their(&k.b)]);
            }
            cells
        })
        .collect();
    Table { head, align, rows }
}

/// A side's column head: "A: list" for a titled snippet; "A" for one titled only by its
/// letter (a reader's own), not "A: A".
pub fn column_head(letter: &str, title: &str) -> String {
    match title.trim() {
        t if t.is_empty() || t.eq_ignore_ascii_case(letter) => letter.to_owned(),
        t => format!("{letter}: {t}"),
    }
}

/// "At the peak": `None` when neither run explained its peak.
pub fn peak_table(c: &Comparison, check: Option<&CpythonCheck>) -> Option<Table> {
    use Align::{Left, Right};
    if c.peak_lines.is_empty() {
        return None;
    }
    let theirs = check.filter(|k| k.explained());
    let mut head: Vec<String> =
        ["A line", "B line", "Code", "A holds at its peak", "B holds at its peak"].map(String::from).into();
    let mut align = vec![Right, Right, Left, Right, Right];
    if let Some(k) = theirs {
        let name = k.engine.short_label();
        head.extend([format!("{name} A ≈"), format!("{name} B ≈")]);
        align.extend([Right, Right]);
    }
    let line = |l: Option<u32>| l.map_or_else(|| "–".to_owned(), |l| l.to_string());
    let rows = c
        .peak_lines
        .iter()
        .map(|r| {
            let mut cells = vec![
                line(r.a_line),
                line(r.b_line),
                r.code_text(),
                crate::format_held(r.a_bytes),
                crate::format_held(r.b_bytes),
            ];
            if let Some((a, b)) = theirs.and_then(|k| cpython_held(k, r)) {
                cells.extend([a, b]);
            }
            cells
        })
        .collect();
    Some(Table { head, align, rows })
}

/// What CPython's check says a row's lines held at its own peaks ("–" for a side it did
/// not explain or a line the side lacks); `None` when it explained neither side.
pub fn cpython_held(check: &CpythonCheck, row: &PeakRow) -> Option<(String, String)> {
    if !check.explained() {
        return None;
    }
    let (a, b) = (check.a.at_peak.as_ref(), check.b.at_peak.as_ref());
    let held = |at: Option<&AtPeak>, line: Option<u32>| match (at, line) {
        (Some(at), Some(l)) => format_bytes(at.bytes_of(l) as f64),
        _ => "–".to_owned(),
    };
    Some((held(a, row.a_line), held(b, row.b_line)))
}

impl Table {
    /// A Markdown table; a `Code` column's cells as inline code.
    pub fn markdown(&self) -> String {
        let code = self.head.iter().position(|h| h == "Code");
        // "| a | b |", an empty cell as "| |".
        let line = |cells: Vec<String>| {
            let mut out = String::from("|");
            for c in cells {
                let c = c.replace('|', "\\|").replace('\n', " ");
                out.push_str(&if c.is_empty() { " |".to_owned() } else { format!(" {c} |") });
            }
            out + "\n"
        };
        let mut out = line(self.head.clone());
        let rule: Vec<&str> = self
            .align
            .iter()
            .enumerate()
            .map(|(i, a)| if i > 0 && *a == Align::Right { "---:" } else { "---" })
            .collect();
        out.push_str(&format!("|{}|\n", rule.join("|")));
        for row in &self.rows {
            let cells =
                row.iter().enumerate().map(|(i, t)| if Some(i) == code { inline_code(t) } else { t.clone() }).collect();
            out.push_str(&line(cells));
        }
        out
    }

    /// Plain text in aligned columns, two spaces apart, the first at least `first` wide;
    /// cells longer than `clip` characters end in "…".
    pub fn text(&self, first: usize, clip: usize) -> String {
        let clipped = |t: &str| match t.char_indices().nth(clip) {
            Some((end, _)) => format!("{}…", &t[..end]),
            None => t.to_owned(),
        };
        let lines: Vec<Vec<String>> =
            std::iter::once(&self.head).chain(&self.rows).map(|r| r.iter().map(|c| clipped(c)).collect()).collect();
        let width = |i: usize| lines.iter().filter_map(|r| r.get(i)).map(|c| c.chars().count()).max().unwrap_or(0);
        let widths: Vec<usize> =
            (0..self.head.len()).map(|i| if i == 0 { width(0).max(first) } else { width(i) }).collect();
        let mut out = String::new();
        for line in &lines {
            let cells: Vec<String> = line
                .iter()
                .zip(&widths)
                .zip(&self.align)
                .map(|((c, &w), a)| match a {
                    Align::Left => format!("{c:<w$}"),
                    Align::Right => format!("{c:>w$}"),
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }
}

/// A code cell as inline code; a row's two codes (`PeakRow::code_text`) each on its own.
fn inline_code(cell: &str) -> String {
    let code = |t: &str| format!("`{}`", t.replace('`', "'"));
    match cell.split_once(crate::peak::B_CODE) {
        Some((a, b)) => format!("{}{}{}", code(a), crate::peak::B_CODE, code(b)),
        None => code(cell),
    }
}

/// Kinds listed in the kinds table before the rest go into "other kinds".
const KINDS_LISTED: usize = 8;

/// "What kind": one row per type, A's objects and bytes beside B's, with bytes per object;
/// and CPython's bytes per object where the check counted its objects by type. `None`
/// when neither run told types.
pub fn kinds_table(c: &Comparison, check: Option<&CpythonCheck>) -> Option<Table> {
    use Align::{Left, Right};
    if c.peak_types.is_empty() {
        return None;
    }
    let theirs =
        check.filter(|k| [&k.a, &k.b].iter().any(|r| r.at_peak.as_ref().is_some_and(|a| !a.by_type.is_empty())));
    let mut head: Vec<String> =
        ["Kind", "A objects", "A holds", "A each", "B objects", "B holds", "B each"].map(String::from).into();
    let mut align = vec![Left, Right, Right, Right, Right, Right, Right];
    if let Some(k) = theirs {
        let name = k.engine.short_label();
        head.extend([format!("{name} A each ≈"), format!("{name} B each ≈")]);
        align.extend([Right, Right]);
    }
    let count = |n: i64| if n > 0 { group_thousands(n as u64) } else { "–".to_owned() };
    let their_each = |r: &crate::CheckReport, name: &str| {
        let t = r.at_peak.as_ref().and_then(|a| a.by_type.iter().find(|t| t.name == name));
        t.map(|t| each_text(t.count, t.bytes).trim_end_matches(" each").to_owned()).filter(|s| !s.is_empty())
    };
    let mut rows = Vec::new();
    // The kinds of objects, largest first, the rest in one row; then the interpreter's.
    let (objects, interpreter): (Vec<&TypeRow>, Vec<&TypeRow>) =
        c.peak_types.iter().partition(|r| r.name != INTERPRETER);
    let (shown, rest) = objects.split_at(objects.len().min(KINDS_LISTED));
    let other = rest.iter().fold(TypeRow { name: "other kinds".into(), ..TypeRow::default() }, |mut o, r| {
        o.a_count += r.a_count;
        o.a_bytes += r.a_bytes;
        o.b_count += r.b_count;
        o.b_bytes += r.b_bytes;
        o
    });
    for r in shown.iter().copied().chain((!rest.is_empty()).then_some(&other)).chain(interpreter) {
        let each = |n: i64, b: i64| each_text(n, b).trim_end_matches(" each").to_owned();
        let mut cells = vec![
            r.name.clone(),
            count(r.a_count),
            crate::format_held(r.a_bytes),
            each(r.a_count, r.a_bytes),
            count(r.b_count),
            crate::format_held(r.b_bytes),
            each(r.b_count, r.b_bytes),
        ];
        if let Some(k) = theirs {
            cells.extend([&k.a, &k.b].map(|side| their_each(side, &r.name).unwrap_or_else(|| "–".into())));
        }
        rows.push(cells);
    }
    Some(Table { head, align, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits, PeakLine, RunReport};

    fn report(peak: u64, line: u32) -> RunReport {
        let engine = EngineInfo { name: "t".into(), version: "0".into() };
        let at_peak = AtPeak {
            live_bytes: peak,
            running_line: Some(line),
            by_line: vec![PeakLine { line, bytes: peak as i64, blocks: 3, types: Vec::new() }],
            ..AtPeak::default()
        };
        RunReport { peak_bytes: peak, at_peak: Some(at_peak), ..RunReport::empty(Limits::default(), engine) }
    }

    fn comparison() -> Comparison {
        Comparison::of_code(report(9 << 20, 2), report(700, 2), "N = 9\nxs = [0] * N\n", "N = 9\nxs = iter(N)\n")
    }

    #[test]
    fn the_figures_and_the_peak_print_as_markdown_and_as_text() {
        let c = comparison();
        assert_eq!(figures_table(&c, None, "A", "B").head[1..3], ["A", "B"], "not \"A: A\"");
        let md = figures_table(&c, None, "list", "gen|erator").markdown();
        assert!(md.starts_with("| | A: list | B: gen\\|erator | B vs A |\n|---|---:|---:|---:|\n"), "{md}");
        assert!(md.contains("| Peak memory | 9.0 MiB | 700 B | 13482× lower |"), "{md}");
        let peak = peak_table(&c, None).unwrap();
        assert!(
            peak.markdown().contains("| 2 | 2 | `xs = [0] * N` · B: `xs = iter(N)` | 9.0 MiB | 700 B |"),
            "{}",
            peak.markdown()
        );
        let text = peak.text(0, 10);
        assert_eq!(text.lines().nth(1).unwrap(), "     2       2  xs = [0] *…      9.0 MiB        700 B");
    }

    #[test]
    fn cpython_columns_come_with_the_check() {
        let c = comparison();
        let check_report = |r: &RunReport| {
            let engine = EngineInfo { name: "CPython".into(), version: "3.12.7".into() };
            CheckReport {
                peak_bytes: r.peak_bytes,
                at_peak: r.at_peak.clone().map(|a| AtPeak { approximate: true, ..a }),
                ..CheckReport::empty(Limits::default(), engine)
            }
        };
        let check = CpythonCheck::new(check_report(&c.a), check_report(&c.b), &c);
        let figures = figures_table(&c, Some(&check), "a", "b");
        assert_eq!(figures.head.len(), 6);
        let peak = peak_table(&c, Some(&check)).unwrap();
        assert_eq!(peak.rows[0][5..], ["9.0 MiB".to_owned(), "700 B".to_owned()]);
        assert!(
            peak.markdown().lines().next().unwrap().ends_with("| CPython 3.12 A ≈ | CPython 3.12 B ≈ |"),
            "{}",
            peak.markdown()
        );
    }
}
