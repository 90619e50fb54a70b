//! The results card: one 1200×630 picture (the size link previews use) with both titles,
//! the four memory figures, B's change against A, what kinds of objects each held at its
//! peak, and the verdict, for pasting into a post.

use super::{COLOR_A, COLOR_B, clip, escape, open};
use crate::kinds::kinds_text;
use crate::rows::rows;
use crate::{Comparison, CpythonCheck, Figure, RunReport, Side};

const WIDTH: f64 = 1200.0;
const HEIGHT: f64 = 630.0;
/// Right edges of the A, B and change columns.
const COLUMNS: [f64; 3] = [580.0, 880.0, 1140.0];

pub fn card_svg(c: &Comparison, a_title: &str, b_title: &str) -> String {
    card_svg_checked(c, None, a_title, b_title)
}

/// The card, with CPython's verdict in its foot when the comparison was checked.
pub fn card_svg_checked(c: &Comparison, check: Option<&CpythonCheck>, a_title: &str, b_title: &str) -> String {
    let headline = c.headline(check);
    let mut out = open(WIDTH, HEIGHT, &headline);
    out.push_str(
        "<rect width=\"1200\" height=\"64\" fill=\"#f3f5f8\"/>\n\
         <text x=\"60\" y=\"42\" font-size=\"26\" font-weight=\"700\" fill=\"#1f2933\">memplay</text>\n\
         <text x=\"196\" y=\"42\" font-size=\"20\" fill=\"#52606d\">Python memory playground</text>\n",
    );
    for (i, line) in wrap(&headline, 58).iter().take(2).enumerate() {
        out.push_str(&format!(
            "<text x=\"60\" y=\"{}\" font-size=\"34\" font-weight=\"700\" fill=\"#1f2933\">{}</text>\n",
            124 + 44 * i,
            escape(line)
        ));
    }
    // Column heads: the side's letter in its colour, the title under it, the winner's tick.
    for (side, title, color, right) in
        [(Side::A, a_title, COLOR_A, COLUMNS[0]), (Side::B, b_title, COLOR_B, COLUMNS[1])]
    {
        out.push_str(&format!(
            "<text x=\"{right}\" y=\"222\" font-size=\"22\" font-weight=\"800\" fill=\"{color}\" text-anchor=\"end\">{}</text>\n\
             <text x=\"{right}\" y=\"252\" font-size=\"22\" font-weight=\"600\" text-anchor=\"end\">{}</text>\n\
             <rect x=\"{}\" y=\"262\" width=\"240\" height=\"4\" fill=\"{color}\"/>\n",
            side.letter().to_uppercase(),
            escape(&clip(title, 20)),
            right - 240.0,
        ));
        if c.winner == Some(side) {
            out.push_str(&format!(
                "<text x=\"{right}\" y=\"290\" font-size=\"18\" fill=\"#1e7b34\" text-anchor=\"end\">✓ uses less memory</text>\n"
            ));
        }
    }
    out.push_str(&format!(
        "<text x=\"{}\" y=\"252\" font-size=\"22\" fill=\"#52606d\" text-anchor=\"end\">B vs A</text>\n",
        COLUMNS[2]
    ));
    let charted = rows(&c.a, &c.b).into_iter().filter(|r| Figure::CHARTED.contains(&r.figure));
    for (i, row) in charted.enumerate() {
        let y = 340.0 + 52.0 * i as f64;
        out.push_str(&format!(
            "<line x1=\"60\" x2=\"1140\" y1=\"{}\" y2=\"{}\" stroke=\"#e4e7eb\"/>\n\
             <text x=\"60\" y=\"{y}\" font-size=\"26\" fill=\"#52606d\">{}</text>\n\
             <text x=\"{}\" y=\"{y}\" font-size=\"34\" font-weight=\"600\" text-anchor=\"end\">{}</text>\n\
             <text x=\"{}\" y=\"{y}\" font-size=\"34\" font-weight=\"600\" text-anchor=\"end\">{}</text>\n\
             <text x=\"{}\" y=\"{y}\" font-size=\"26\" text-anchor=\"end\">{}</text>\n",
            y + 20.0,
            y + 20.0,
            row.label,
            COLUMNS[0],
            escape(&row.a),
            COLUMNS[1],
            escape(&row.b),
            COLUMNS[2],
            escape(&row.change),
        ));
    }
    if let Some(kinds) = kinds_line(c) {
        out.push_str(&format!(
            "<text x=\"60\" y=\"548\" font-size=\"20\" fill=\"#1f2933\">{}</text>\n",
            escape(&clip(&kinds, 100))
        ));
    }
    let foot = match check {
        Some(k) => format!(
            "<text x=\"60\" y=\"612\" font-size=\"16\" font-weight=\"700\" fill=\"{}\">{}</text>\n",
            if k.agrees == Some(false) { "#b42318" } else { "#1e7b34" },
            escape(&clip(&k.verdict, 130))
        ),
        None => "<text x=\"60\" y=\"612\" font-size=\"16\" fill=\"#7b8794\">CPython's absolute sizes differ; the direction of a comparison carries over.</text>\n".into(),
    };
    out.push_str(&format!(
        "<text x=\"60\" y=\"588\" font-size=\"16\" fill=\"#7b8794\">Measured in {} {}; bytes above each run's baseline.</text>\n{foot}</svg>\n",
        escape(&clip(&c.a.engine.name, 40)),
        escape(&clip(&c.a.engine.version, 48)),
    ));
    out
}

/// "At each peak: A 100,000 int, 1 list · B 1 array": the two largest kinds of objects
/// each snippet held; `None` when neither run told kinds.
fn kinds_line(c: &Comparison) -> Option<String> {
    let side = |letter: &str, r: &RunReport| {
        let text = r.at_peak.as_ref().map(|at| kinds_text(&at.by_type, 2)).unwrap_or_default();
        (!text.is_empty()).then(|| format!("{letter} {text}"))
    };
    let sides: Vec<String> = [side("A", &c.a), side("B", &c.b)].into_iter().flatten().collect();
    (!sides.is_empty()).then(|| format!("At each peak: {}", sides.join(" · ")))
}

/// Words of `text` in lines of at most `width` characters (a longer word gets its own line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EngineInfo, Limits, RunReport};

    fn report(peak: u64) -> RunReport {
        let engine = EngineInfo { name: "RustPython".into(), version: "0.6.0".into() };
        RunReport { peak_bytes: peak, allocations: peak / 64, ..RunReport::empty(Limits::default(), engine) }
    }

    #[test]
    fn card_has_titles_figures_winner_and_verdict() {
        let c = Comparison::new(report(9 << 20), report(113 << 10));
        let s = card_svg(&c, "list <comprehension>", "generator");
        assert!(s.starts_with("<svg") && s.trim_end().ends_with("</svg>"));
        assert!(s.contains("width=\"1200\" height=\"630\""));
        assert!(s.contains(">list &lt;comprehension&gt;<") && s.contains(">generator<"), "{s}");
        assert!(s.contains(">9.0 MiB<") && s.contains(">113 KiB<") && s.contains(">82× lower<"), "{s}");
        assert!(s.contains("✓ uses less memory") && s.contains(&escape(&c.verdict)));
        assert_eq!(s.matches("✓").count(), 1);
        assert!(s.contains("RustPython 0.6.0"));
    }

    #[test]
    fn card_names_the_kinds_each_side_held_at_its_peak() {
        use crate::{AtPeak, PeakType};
        let with = |peak: u64, types: Vec<PeakType>| RunReport {
            at_peak: Some(AtPeak { live_bytes: peak, by_type: types, ..AtPeak::default() }),
            ..report(peak)
        };
        let t = |name: &str, count, bytes| PeakType { name: name.into(), count, bytes };
        let a = with(9 << 20, vec![t("int", 100_000, 8 << 20), t("list", 1, 800_000), t("(interpreter)", 0, 10)]);
        let b = with(900_000, vec![t("array", 1, 800_000), t("(interpreter)", 0, 100_000)]);
        let s = card_svg(&Comparison::new(a, b), "list", "array");
        assert!(s.contains(">At each peak: A 100,000 int, 1 list · B 1 array<"), "{s}");
        let plain = card_svg(&Comparison::new(report(9 << 20), report(1 << 20)), "a", "b");
        assert!(!plain.contains("At each peak"), "no kinds, no line: {plain}");
    }

    #[test]
    fn long_verdicts_wrap_on_words() {
        assert_eq!(wrap("aa bb cc", 5), ["aa bb", "cc"]);
        assert_eq!(wrap("averyveryverylongword x", 4), ["averyveryverylongword", "x"]);
    }
}
