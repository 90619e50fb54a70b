//! The blog post's techniques as ready A/B comparisons. Each names the figure its winner
//! wins on; the engine's tests run every preset and check that winner.

use serde::Serialize;

/// The figure a preset's comparison is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Highest live memory during the run.
    Peak,
    /// Memory still held at the end (what the program keeps).
    Retained,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub enum Side {
    A,
    B,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::A, Side::B];

    /// 0 for A, 1 for B.
    pub fn index(self) -> usize {
        self as usize
    }

    /// "a" or "b", as in `data-testid` hooks and the page's script API.
    pub fn letter(self) -> &'static str {
        match self {
            Side::A => "a",
            Side::B => "b",
        }
    }

    /// Reads "a"/"A"/"b"/"B".
    pub fn from_letter(s: &str) -> Option<Side> {
        match s {
            "a" | "A" => Some(Side::A),
            "b" | "B" => Some(Side::B),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, Serialize)]
pub struct Preset {
    /// Stable id used on the command line and in links, e.g. `list-vs-generator`.
    pub id: &'static str,
    pub title: &'static str,
    /// Two sentences: what is compared and why the winner wins; a third says what CPython
    /// does where it differs from RustPython (tests/fidelity.rs in the CLI checks that
    /// CPython picks the same winner).
    pub explanation: &'static str,
    pub a_title: &'static str,
    pub a_code: &'static str,
    pub b_title: &'static str,
    pub b_code: &'static str,
    pub winner: Side,
    pub metric: Metric,
    /// For A and for B, the lines the explanation holds to account for the snippet's peak:
    /// what they made is most of what is alive then (the engine's tests check ≥ 80 % on
    /// the side that peaks higher, and the page's "At the peak" section shows it).
    pub blamed: [&'static [u32]; 2],
}

/// Looks a preset up by its id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

pub static PRESETS: &[Preset] = &[
    Preset {
        id: "list-vs-generator",
        title: "List comprehension vs generator expression",
        explanation: "A list comprehension builds every square in memory before sum() sees the first one. \
            A generator expression hands sum() one value at a time, so memory stays flat however long the range.",
        a_title: "list comprehension",
        a_code: "N = 100_000\ntotal = sum([x * x for x in range(N)])\nprint(total)\n",
        b_title: "generator expression",
        b_code: "N = 100_000\ntotal = sum(x * x for x in range(N))\nprint(total)\n",
        winner: Side::B,
        blamed: [&[2], &[2]],
        metric: Metric::Peak,
    },
    Preset {
        id: "readlines-vs-iteration",
        title: "readlines() vs iterating the file",
        explanation: "readlines() reads every line it is asked for (here SIZE characters of the log) into a list of strings before the loop starts. \
            Iterating the file object reads one buffered line at a time, so only the current line is alive.",
        a_title: "f.readlines()",
        a_code: "SIZE = 4_000_000  # characters of the log to read\nerrors = 0\nwith open('data/server.log') as f:\n    lines = f.readlines(SIZE)\n    for line in lines:\n        if 'ERROR' in line:\n            errors += 1\nprint(errors, 'errors')\n",
        b_title: "for line in f",
        b_code: "SIZE = 4_000_000  # characters of the log to read\nerrors = 0\nread = 0\nwith open('data/server.log') as f:\n    for line in f:\n        if 'ERROR' in line:\n            errors += 1\n        read += len(line)\n        if read >= SIZE:\n            break\nprint(errors, 'errors')\n",
        winner: Side::B,
        blamed: [&[4], &[5]],
        metric: Metric::Peak,
    },
    Preset {
        id: "keep-vs-del",
        title: "Keeping a reference vs dropping it with del",
        explanation: "As long as a name refers to a big object, Python cannot free it, even if the program never uses it again. \
            Dropping the reference with del (or setting it to None) frees it before the next big step, so the two never add up.",
        a_title: "keep the reference",
        a_code: "N = 100_000\nraw = [str(i) for i in range(N)]\nparsed = [int(s) for s in raw]\n\nsquares = [n * n for n in parsed]\nprint(len(squares))\n",
        b_title: "del what is done",
        b_code: "N = 100_000\nraw = [str(i) for i in range(N)]\nparsed = [int(s) for s in raw]\ndel raw\nsquares = [n * n for n in parsed]\nprint(len(squares))\n",
        winner: Side::B,
        blamed: [&[2, 3, 5], &[3, 5]],
        metric: Metric::Peak,
    },
    Preset {
        id: "dict-vs-list-lookup",
        title: "Dict vs list for lookups by a dense integer key",
        explanation: "A dict gives fast lookups for any key, but every entry pays for a hash slot and the key object. \
            When the keys are the dense integers 0..n-1, a list gives the same constant-time lookup for a fraction of the memory.",
        a_title: "dict keyed by id",
        a_code: "N = 50_000\nprices = {i: i * 3 for i in range(N)}\nprint(prices[N // 2])\n",
        b_title: "list indexed by id",
        b_code: "N = 50_000\nprices = [i * 3 for i in range(N)]\nprint(prices[N // 2])\n",
        winner: Side::B,
        blamed: [&[2], &[2]],
        metric: Metric::Peak,
    },
    Preset {
        id: "list-vs-array",
        title: "List of ints vs array('i')",
        explanation: "A list holds a pointer to a separate int object for every element. \
            An array('i') stores the raw 4-byte integers back to back, with no object per element.",
        a_title: "list of ints",
        a_code: "N = 200_000\nnums = [i * 7 for i in range(N)]\nprint(sum(nums))\n",
        b_title: "array('i')",
        b_code: "from array import array\nN = 200_000\nnums = array('i', (i * 7 for i in range(N)))\nprint(sum(nums))\n",
        winner: Side::B,
        blamed: [&[2], &[3]],
        metric: Metric::Peak,
    },
    Preset {
        id: "raw-vs-zlib",
        title: "Raw bytes vs zlib-compressed bytes",
        explanation: "Text and JSON repeat themselves, and zlib squeezes that repetition out. \
            Keeping the compressed form and decompressing when needed holds far fewer bytes between uses. \
            CPython agrees on what is kept; on the peak it sees a tie, where RustPython's zlib needs a little more while it compresses.",
        a_title: "keep raw bytes",
        a_code: "import json\nN = 5_000\nrecords = [{'id': i, 'status': 'active', 'score': i % 100} for i in range(N)]\nblob = json.dumps(records).encode()\ndel records\nprint(len(blob), 'bytes kept')\n",
        b_title: "keep zlib-compressed",
        b_code: "import json, zlib\nN = 5_000\nrecords = [{'id': i, 'status': 'active', 'score': i % 100} for i in range(N)]\nblob = zlib.compress(json.dumps(records).encode())\ndel records\nprint(len(blob), 'bytes kept')\n",
        winner: Side::B,
        blamed: [&[3, 4], &[3, 4]],
        metric: Metric::Retained,
    },
    Preset {
        id: "raw-vs-gzip",
        title: "Raw text vs gzip-compressed text",
        explanation: "gzip is zlib's compression with a file header, the format of .gz files and HTTP. \
            A log held gzip-compressed in memory costs a fraction of the raw text.",
        a_title: "keep raw text",
        a_code: "N = 20_000\nlog = ''.join(f'2024-01-01 12:00:{i % 60:02d} INFO request {i} ok\\n' for i in range(N)).encode()\nprint(len(log), 'bytes kept')\n",
        b_title: "keep gzip-compressed",
        b_code: "import gzip\nN = 20_000\nlog = gzip.compress(''.join(f'2024-01-01 12:00:{i % 60:02d} INFO request {i} ok\\n' for i in range(N)).encode())\nprint(len(log), 'bytes kept')\n",
        winner: Side::B,
        blamed: [&[2], &[3]],
        metric: Metric::Retained,
    },
    Preset {
        id: "raw-vs-lz4",
        title: "Raw bytes vs lz4-compressed bytes",
        explanation: "lz4 compresses less than zlib but is many times faster, which suits data that is compressed and read often. \
            Even so, repetitive data kept lz4-compressed holds far fewer bytes than the raw form. \
            lz4 is a package, not part of Python: the CPython check runs only A unless lz4 is installed there.",
        a_title: "keep raw bytes",
        a_code: "import json\nN = 5_000\nreadings = [{'sensor': f'sensor-{i % 16}', 'unit': 'celsius', 'value': 20 + i % 7} for i in range(N)]\nblob = json.dumps(readings).encode()\ndel readings\nprint(len(blob), 'bytes kept')\n",
        b_title: "keep lz4-compressed",
        b_code: "import json\nimport lz4.frame\nN = 5_000\nreadings = [{'sensor': f'sensor-{i % 16}', 'unit': 'celsius', 'value': 20 + i % 7} for i in range(N)]\nblob = lz4.frame.compress(json.dumps(readings).encode())\ndel readings\nprint(len(blob), 'bytes kept')\n",
        winner: Side::B,
        blamed: [&[3, 4], &[4, 5]],
        metric: Metric::Retained,
    },
    Preset {
        id: "json-vs-pickle",
        title: "JSON vs pickle serialized size",
        explanation: "JSON spells every number out as text and repeats every key in every record. \
            pickle writes numbers in binary and remembers repeated strings, so the same records serialize smaller. \
            CPython agrees, by more (about 2×), and there pickle also peaks lower: its pickler is C, \
            while RustPython's is pure Python and its bytes keep their spare capacity.",
        a_title: "json.dumps",
        a_code: "import json\nN = 10_000\nrecords = [{'id': i, 'name': f'user{i}', 'active': i % 3 == 0, 'score': i % 100} for i in range(N)]\nblob = json.dumps(records).encode()\ndel records\nprint(len(blob), 'bytes')\n",
        b_title: "pickle.dumps",
        b_code: "import pickle\nN = 10_000\nrecords = [{'id': i, 'name': f'user{i}', 'active': i % 3 == 0, 'score': i % 100} for i in range(N)]\nblob = pickle.dumps(records)\ndel records\nprint(len(blob), 'bytes')\n",
        winner: Side::B,
        blamed: [&[3, 4], &[3, 4]],
        metric: Metric::Retained,
    },
    Preset {
        id: "dict-vs-slots",
        title: "Objects with __dict__ vs __slots__",
        explanation: "By default every instance carries its own attribute dictionary. \
            Declaring __slots__ gives instances fixed attribute storage instead, which is much smaller when there are many of them.",
        a_title: "plain class",
        a_code: "N = 20_000\n\nclass Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\npoints = [Point(i, i) for i in range(N)]\nprint(len(points))\n",
        b_title: "class with __slots__",
        b_code: "N = 20_000\n\nclass Point:\n    __slots__ = ('x', 'y')\n\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n\npoints = [Point(i, i) for i in range(N)]\nprint(len(points))\n",
        winner: Side::B,
        blamed: [&[5, 6, 8], &[7, 8, 10]],
        metric: Metric::Peak,
    },
    Preset {
        id: "list-vs-tuple",
        title: "Lists vs tuples for fixed records",
        explanation: "A list is resizable, so it keeps room to grow and the machinery to change. \
            A tuple is fixed at creation, so a record that never changes is smaller as a tuple.",
        a_title: "list per record",
        a_code: "N = 30_000\nrows = [[i, i + 1, i + 2] for i in range(N)]\nprint(len(rows))\n",
        b_title: "tuple per record",
        b_code: "N = 30_000\nrows = [(i, i + 1, i + 2) for i in range(N)]\nprint(len(rows))\n",
        winner: Side::B,
        blamed: [&[2], &[2]],
        metric: Metric::Peak,
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_url_safe() {
        let mut ids: Vec<_> = PRESETS.iter().map(|p| p.id).collect();
        assert!(ids.iter().all(|id| id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), PRESETS.len());
    }

    #[test]
    fn explanations_are_two_sentences_and_one_on_cpython_where_it_differs() {
        for p in PRESETS {
            let sentences: Vec<&str> = p.explanation.split_inclusive(". ").collect();
            assert!(p.explanation.ends_with('.'), "{}", p.id);
            match sentences.len() {
                2 => assert!(!p.explanation.contains("CPython"), "{}", p.id),
                3 => assert!(sentences[2].contains("CPython"), "{}: the third sentence is CPython's", p.id),
                n => panic!("{}: {n} sentences: {}", p.id, p.explanation),
            }
        }
    }

    #[test]
    fn every_preset_has_a_size_to_sweep_in_both_snippets() {
        for p in PRESETS {
            let plan = crate::SweepRange::default().plan(p.a_code, p.b_code);
            assert!(plan.is_ok(), "{}: {plan:?}", p.id);
        }
    }

    #[test]
    fn lookup_by_id() {
        assert_eq!(preset("list-vs-array").unwrap().b_title, "array('i')");
        assert!(preset("nope").is_none());
    }
}

/// Whether `code` is still, more or less, the preset snippet `preset_code`: at least half
/// of it the same, character by character (a changed size or name keeps it the preset's;
/// a replaced snippet does not). A pane's preset title is kept only while this holds.
pub fn still_the_preset(preset_code: &str, code: &str) -> bool {
    let ratio = if preset_code.len() + code.len() > 20_000 {
        similar::TextDiff::from_lines(preset_code, code).ratio()
    } else {
        similar::TextDiff::from_chars(preset_code, code).ratio()
    };
    ratio >= 0.5
}

#[cfg(test)]
mod still_the_preset_tests {
    use super::*;

    #[test]
    fn an_edited_size_keeps_the_preset_a_replaced_snippet_does_not() {
        let p = preset("list-vs-generator").unwrap();
        assert!(still_the_preset(p.a_code, p.a_code));
        assert!(still_the_preset(p.a_code, &p.a_code.replace("100_000", "1_000_000")));
        let slots = "class P:\n    __slots__ = ('x', 'y')\n\nps = [P() for _ in range(1000)]\n";
        assert!(!still_the_preset(p.a_code, slots));
        assert!(!still_the_preset(p.a_code, ""));
    }
}
