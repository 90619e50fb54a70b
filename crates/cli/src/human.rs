//! Plain-text output for people: aligned tables with units and the verdict.

use memplay_model::{
    AtPeak, CheckReport, Comparison, CpythonCheck, Figure, RunReport, figures, figures_table, format_bytes,
    group_thousands, kinds_sentence, kinds_table, kinds_text, listed_lines, peak_table,
};

pub fn report(title: &str, code: &str, r: &RunReport) -> String {
    let mut out = format!("{title}\n");
    for (label, value, unit) in figures(r) {
        out.push_str(&format!("  {label:<12} {:>12}\n", unit.format(value)));
    }
    if let Some(at) = r.at_peak.as_ref().filter(|at| at.live_bytes > 0) {
        out.push_str(&format!("  at the peak ({}), alive by the line that made it:\n", peak_moment(at)));
        // The page's rows: the three lines that held most, then the rest and what came before.
        for l in listed_lines(at, code, 3) {
            let blocks = group_thousands(l.blocks.max(0) as u64);
            let code = if l.code.is_empty() { String::new() } else { format!("  {}", l.code) };
            out.push_str(&format!("    {}: {} in {blocks} blocks{code}\n", l.label, format_bytes(l.bytes as f64)));
            let kinds = l.line.and_then(|n| at.by_line.iter().find(|p| p.line == n)).map(|p| kinds_text(&p.types, 4));
            if let Some(kinds) = kinds.filter(|k| !k.is_empty()) {
                out.push_str(&format!("      {kinds}\n"));
            }
        }
        if !at.by_type.is_empty() {
            out.push_str(&format!(
                "  what kind: {}\n",
                kinds_sentence("it", at).replacen("At its peak, it", "at its peak it", 1)
            ));
            for t in at.by_type.iter().take(6) {
                let count = if t.count > 0 { format!("{} ", group_thousands(t.count as u64)) } else { String::new() };
                out.push_str(&format!("    {count}{}: {}\n", t.name, format_bytes(t.bytes as f64)));
            }
        }
    }
    out.push_str(&tail(r));
    out
}

/// "8.6 MiB, while line 3 ran".
fn peak_moment(at: &AtPeak) -> String {
    let when = at.running_line.map_or_else(String::new, |l| format!(" while line {l} ran"));
    format!("{}{when}", format_bytes(at.live_bytes as f64))
}

pub fn comparison(a_title: &str, b_title: &str, c: &Comparison, check: Option<&CpythonCheck>) -> String {
    let mut out = figures_table(c, check, a_title, b_title).text(12, usize::MAX);
    out.push_str(&format!("\n{}\n", c.headline(check)));
    match check {
        Some(k) => out.push_str(&format!("{}\n", k.verdict)),
        None if c.close_call => {
            out.push_str(&format!("{} (--cpython)\n", memplay_model::CLOSE_CALL_NOTE.trim_end_matches('.')))
        }
        None => {}
    }
    if let Some(peak) = peak_table(c, check) {
        let moment = |letter: &str, r: &RunReport| r.at_peak.as_ref().map(|at| format!("{letter} {}", peak_moment(at)));
        let moments: Vec<String> = [moment("A", &c.a), moment("B", &c.b)].into_iter().flatten().collect();
        out.push_str(&format!("\nAt the peak ({}), alive by the line that made it:\n", moments.join("; ")));
        out.push_str(&indented(&peak.text(0, 40)));
    }
    if let Some(kinds) = kinds_table(c, check) {
        out.push_str("\nWhat kind of objects, alive at each peak:\n");
        for (letter, r) in [("A", &c.a), ("B", &c.b)] {
            if let Some(at) = r.at_peak.as_ref().filter(|at| !at.by_type.is_empty()) {
                out.push_str(&format!("  {}\n", kinds_sentence(letter, at)));
            }
        }
        out.push_str(&indented(&kinds.text(0, 24)));
    }
    for (name, r) in [("A", &c.a), ("B", &c.b)] {
        let t = tail(r);
        if !t.is_empty() {
            out.push_str(&format!("\n{name}:\n{t}"));
        }
    }
    out.push_str(match check {
        Some(_) => "\nmemplay's figures are RustPython's; CPython's are tracemalloc's (it cannot count allocations).\n",
        None => "\nFigures are RustPython's; CPython's absolute sizes differ.\n",
    });
    out
}

/// CPython's run of one snippet, after memplay's report.
pub fn check(r: &CheckReport) -> String {
    let mut out = format!("CPython {} (tracemalloc)\n", r.engine.version);
    for figure in [Figure::Peak, Figure::Retained, Figure::Time] {
        if let Some(text) = r.figure_text(figure) {
            out.push_str(&format!("  {:<12} {text:>12}\n", figure.label()));
        }
    }
    if let Some(e) = &r.error {
        out.push_str(&format!("  {}: {}\n", e.kind, e.message));
    }
    out
}

/// Top allocating lines, output and error of one run.
fn tail(r: &RunReport) -> String {
    let mut out = String::new();
    let mut lines: Vec<_> = r.lines.iter().filter(|l| l.allocated_bytes > 0).collect();
    lines.sort_by_key(|l| std::cmp::Reverse(l.allocated_bytes));
    for l in lines.iter().take(3) {
        out.push_str(&format!(
            "  line {:>4}: {} allocated, {} net, peak {}\n",
            l.line,
            format_bytes(l.allocated_bytes as f64),
            format_bytes(l.net_bytes as f64),
            format_bytes(l.peak_bytes as f64)
        ));
    }
    if !r.stdout.is_empty() {
        let shown: String = r.stdout.lines().take(10).map(|l| format!("  | {l}\n")).collect();
        out.push_str(&shown);
    }
    if let Some(notice) = r.output_cut_notice() {
        out.push_str(&format!("  [{notice}]\n"));
    }
    if let Some(e) = &r.error {
        let at = e.line_note().unwrap_or_default();
        out.push_str(&format!("  error: {}: {}{at}\n", e.kind, e.message));
    }
    out
}

fn indented(text: &str) -> String {
    text.lines().map(|l| format!("  {l}\n")).collect()
}
