//! Plain-text output for people: aligned tables with units and the verdict.

use memplay_model::{CheckReport, Comparison, CpythonCheck, Figure, RunReport, figures, format_bytes, rows};

pub fn report(title: &str, r: &RunReport) -> String {
    let mut out = format!("{title}\n");
    for (label, value, unit) in figures(r) {
        out.push_str(&format!("  {label:<12} {:>12}\n", unit.format(value)));
    }
    out.push_str(&tail(r));
    out
}

pub fn comparison(a_title: &str, b_title: &str, c: &Comparison, check: Option<&CpythonCheck>) -> String {
    let wa = a_title.chars().count().max(12);
    let wb = b_title.chars().count().max(12);
    let name = check.map(|k| format!("{} {}", k.engine.name, k.engine.version));
    // The change column is padded only when CPython's columns follow it.
    let wc = if check.is_some() { 10 } else { 0 };
    let mut out =
        format!("{:<12}  {:>wa$}  {:>wb$}  {:<wc$}", "", format!("A: {a_title}"), format!("B: {b_title}"), "B vs A");
    if let Some(name) = &name {
        out.push_str(&format!("  {:>12}  {:>12}", format!("{name} A"), "B"));
    }
    out.push('\n');
    for row in rows(&c.a, &c.b) {
        out.push_str(&format!("{:<12}  {:>wa$}  {:>wb$}  {:<wc$}", row.label, row.a, row.b, row.change));
        if let Some(k) = check {
            let their = |r: &CheckReport| r.figure_text(row.figure).unwrap_or_else(|| "–".into());
            out.push_str(&format!("  {:>12}  {:>12}", their(&k.a), their(&k.b)));
        }
        out.push('\n');
    }
    out.push_str(&format!("\n{}\n", c.headline(check)));
    match check {
        Some(k) => out.push_str(&format!("{}\n", k.verdict)),
        None if c.close_call => {
            out.push_str(&format!("{} (--cpython)\n", memplay_model::CLOSE_CALL_NOTE.trim_end_matches('.')))
        }
        None => {}
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
