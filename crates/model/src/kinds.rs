//! "What kind of objects": what was alive at a peak by Python type (`type(o).__name__`),
//! A's kinds beside B's, and the words every view uses for them. A container's own
//! storage counts with its type (a list's array of items is `list`), as `sys.getsizeof`
//! counts it; memory that belongs to no object is one row, `(interpreter)`.

use serde::{Deserialize, Serialize};

use crate::{AtPeak, PeakType, format_bytes, group_thousands};

/// The row of memory that belongs to no Python object.
pub const INTERPRETER: &str = "(interpreter)";

/// One type in A and B at their own peaks: `{"type", "a_count", "a_bytes", "b_count",
/// "b_bytes"}` (`compare --json`'s `peak_types`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TypeRow {
    #[serde(rename = "type")]
    pub name: String,
    pub a_count: i64,
    pub a_bytes: i64,
    pub b_count: i64,
    pub b_bytes: i64,
}

/// Ranks types as every view shows them: most bytes first, then by name.
pub fn rank_types(types: &mut [PeakType]) {
    types.sort_by(|x, y| y.bytes.cmp(&x.bytes).then_with(|| x.name.cmp(&y.name)));
}

/// A's and B's types aligned by name, largest (in either) first; `(interpreter)` last.
pub fn peak_types(a: Option<&AtPeak>, b: Option<&AtPeak>) -> Vec<TypeRow> {
    let mut rows: Vec<TypeRow> = Vec::new();
    let mut add = |at: Option<&AtPeak>, is_a: bool| {
        for t in at.map(|at| at.by_type.as_slice()).unwrap_or_default() {
            let i = match rows.iter().position(|r| r.name == t.name) {
                Some(i) => i,
                None => {
                    rows.push(TypeRow { name: t.name.clone(), ..TypeRow::default() });
                    rows.len() - 1
                }
            };
            let r = &mut rows[i];
            if is_a {
                (r.a_count, r.a_bytes) = (t.count, t.bytes);
            } else {
                (r.b_count, r.b_bytes) = (t.count, t.bytes);
            }
        }
    };
    add(a, true);
    add(b, false);
    rows.sort_by(|x, y| {
        (x.name == INTERPRETER)
            .cmp(&(y.name == INTERPRETER))
            .then(y.a_bytes.max(y.b_bytes).cmp(&x.a_bytes.max(x.b_bytes)))
            .then_with(|| x.name.cmp(&y.name))
    });
    rows
}

/// "20,000 Point, 20,000 dict, 20,000 int, 1 list": the kinds of objects, most bytes first,
/// at most `max` of them ("…" after), `(interpreter)` left out; storage a line grew for
/// objects made elsewhere reads "dict storage".
pub fn kinds_text(types: &[PeakType], max: usize) -> String {
    let objects: Vec<&PeakType> = types.iter().filter(|t| t.bytes > 0 && t.name != INTERPRETER).collect();
    let mut parts: Vec<String> = objects
        .iter()
        .take(max)
        .map(|t| match t.count {
            0 => format!("{} storage", t.name),
            n => format!("{} {}", group_thousands(n as u64), t.name),
        })
        .collect();
    if objects.len() > max {
        parts.push("…".to_owned());
    }
    parts.join(", ")
}

/// "280 B each", the bytes per object of a row (empty without objects).
pub fn each_text(count: i64, bytes: i64) -> String {
    if count <= 0 {
        return String::new();
    }
    format!("{} each", format_bytes((bytes as f64 / count as f64).round()))
}

/// One plain sentence about a snippet's kinds at its peak, made from the figures: "At its
/// peak, A held 100,000 int (7.6 MiB) and 1 list (781 KiB), most of it made by line 2."
pub fn kinds_sentence(letter: &str, at: &AtPeak) -> String {
    // Objects, and storage whose object was not made yet (an array filling its buffer).
    let held: Vec<&PeakType> = at.by_type.iter().filter(|t| t.bytes > 0 && t.name != INTERPRETER).collect();
    let objects: Vec<&PeakType> = held.iter().copied().filter(|t| t.count > 0).collect();
    let total: i64 = objects.iter().map(|t| t.count).sum();
    if held.is_empty() {
        return format!("At its peak, {letter} held no Python objects of its own: what it used was the interpreter's.");
    }
    if total < 10 && held[0].count > 0 {
        let few = kinds_text(&objects.iter().map(|t| (*t).clone()).collect::<Vec<_>>(), 4);
        return format!("{letter} never held more than {total} of its objects at a time ({few}).");
    }
    // The kinds that make up most of the peak: at least the largest, then any holding a
    // tenth of the largest, at most three.
    let largest = held[0].bytes.max(1);
    let named: Vec<String> = held
        .iter()
        .take(3)
        .filter(|t| t.bytes * 10 >= largest)
        .map(|t| match t.count {
            0 => format!("{} storage ({})", t.name, format_bytes(t.bytes as f64)),
            n => format!("{} {} ({})", group_thousands(n as u64), t.name, format_bytes(t.bytes as f64)),
        })
        .collect();
    let listed = match named.as_slice() {
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
        [] => unreachable!("the largest kind is always named"),
    };
    let made = match at.top_line() {
        Some(l) if l.bytes * 2 >= at.live_bytes as i64 => format!(", most of it made by line {}", l.line),
        _ => String::new(),
    };
    format!("At its peak, {letter} held {listed}{made}.")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Comparison, PeakLine, kinds_table};

    fn t(name: &str, count: i64, bytes: i64) -> PeakType {
        PeakType { name: name.into(), count, bytes }
    }

    fn at(types: Vec<PeakType>, line: u32) -> AtPeak {
        let live: i64 = types.iter().map(|t| t.bytes).sum();
        AtPeak {
            live_bytes: live as u64,
            by_line: vec![PeakLine { line, bytes: live, blocks: 1, ..PeakLine::default() }],
            by_type: types,
            ..AtPeak::default()
        }
    }

    #[test]
    fn a_and_b_align_by_type_name_largest_first_interpreter_last() {
        let a = at(vec![t("int", 100_000, 8_000_000), t("list", 1, 800_000), t(INTERPRETER, 0, 9_000)], 2);
        let b = at(vec![t("generator", 1, 200), t("int", 3, 240), t(INTERPRETER, 0, 50_000)], 2);
        let rows = peak_types(Some(&a), Some(&b));
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["int", "list", "generator", INTERPRETER]);
        assert_eq!((rows[0].a_count, rows[0].b_count, rows[0].b_bytes), (100_000, 3, 240));
        assert_eq!((rows[2].a_count, rows[2].a_bytes), (0, 0), "A held no generator");
        let json = serde_json::to_value(&rows[0]).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "int", "a_count": 100_000, "a_bytes": 8_000_000, "b_count": 3, "b_bytes": 240})
        );
        assert!(peak_types(None, None).is_empty());
    }

    #[test]
    fn the_words_say_how_many_of_what() {
        let types = vec![
            t("Point", 20_000, 1_120_000),
            t("dict", 20_000, 3_000_000),
            t("int", 20_000, 640_000),
            t("list", 1, 160_000),
            t(INTERPRETER, 0, 10),
        ];
        let mut ranked = types.clone();
        rank_types(&mut ranked);
        assert_eq!(ranked[0].name, "dict");
        assert_eq!(kinds_text(&ranked, 3), "20,000 dict, 20,000 Point, 20,000 int, …");
        assert_eq!(kinds_text(&ranked, 9), "20,000 dict, 20,000 Point, 20,000 int, 1 list");
        assert_eq!(kinds_text(&[t("dict", 0, 1_800_000)], 4), "dict storage", "a line that grew other objects' dicts");
        assert_eq!(each_text(20_000, 3_000_000), "150 B each");
        assert_eq!(each_text(0, 10), "");
        let sentence = kinds_sentence("A", &at(ranked, 8));
        assert_eq!(
            sentence,
            "At its peak, A held 20,000 dict (2.9 MiB), 20,000 Point (1.1 MiB) and 20,000 int (625 KiB), most of it made by line 8."
        );
    }

    #[test]
    fn the_kinds_table_lists_a_beside_b_with_bytes_per_object() {
        let engine = crate::EngineInfo { name: "t".into(), version: "0".into() };
        let report = |at: AtPeak| crate::RunReport {
            peak_bytes: at.live_bytes,
            at_peak: Some(at),
            ..crate::RunReport::empty(crate::Limits::default(), engine.clone())
        };
        let a = at(vec![t("int", 100_000, 8_000_000), t("list", 1, 800_000), t(INTERPRETER, 0, 9_000)], 2);
        let b = at(vec![t("generator", 1, 200), t(INTERPRETER, 0, 500)], 2);
        let c = Comparison::of_code(report(a), report(b), "x\n", "y\n");
        let table = kinds_table(&c, None).unwrap();
        assert_eq!(table.head[..3], ["Kind", "A objects", "A holds"]);
        assert_eq!(table.rows[0], ["int", "100,000", "7.6 MiB", "80 B", "–", "0 B", ""]);
        assert_eq!(table.rows.last().unwrap()[0], INTERPRETER);
        assert!(table.markdown().contains("| generator | – | 0 B | | 1 | 200 B | 200 B |"), "{}", table.markdown());
    }

    #[test]
    fn few_objects_and_none_read_as_plain_sentences() {
        let few = at(vec![t("generator", 1, 200), t("int", 3, 96), t(INTERPRETER, 0, 500)], 2);
        assert_eq!(
            kinds_sentence("B", &few),
            "B never held more than 4 of its objects at a time (1 generator, 3 int)."
        );
        let building = at(vec![t("array", 0, 1_048_656), t("generator", 1, 200), t(INTERPRETER, 0, 500)], 3);
        assert_eq!(
            kinds_sentence("B", &building),
            "At its peak, B held array storage (1.0 MiB), most of it made by line 3.",
            "an array still filling its buffer"
        );
        let none = at(vec![t(INTERPRETER, 0, 500)], 1);
        assert!(kinds_sentence("B", &none).contains("held no Python objects of its own"));
    }
}
