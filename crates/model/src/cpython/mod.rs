//! The CPython check: the same two snippets run under CPython's `tracemalloc` (the local
//! `python3` for the command line, Pyodide in the page), by one driver, `py/cpython/`: one
//! file per job, joined into one script (`CPYTHON_DRIVER`).
//! Its reports have the shape of memplay's own, without the fields CPython cannot tell
//! (allocations and bytes allocated over the run, the timeline, per-line hits and peaks):
//! those are absent, never zero.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

mod check;
mod one_failed;
mod worker;

pub use check::CpythonCheck;

pub use worker::{FromCpython, KeyGate, Sealed, ToCpython};

use crate::{EngineInfo, Figure, LimitKind, Limits, RunError, RunOptions, RunReport, SNIPPET_FILENAME, Truncated};

/// The driver's parts, one job each, in the order they are joined: their names' order, so
/// the page's build joins `py/cpython/*.py` the same way (a test holds the two together).
pub const CPYTHON_DRIVER_PARTS: [&str; 6] =
    ["0_driver.py", "1_closing.py", "2_samples.py", "3_run.py", "4_at_peak.py", "5_entry.py"];

/// The driver the command line and the page run CPython with: its parts, joined.
pub const CPYTHON_DRIVER: &str = concat!(
    include_str!("../../py/cpython/0_driver.py"),
    include_str!("../../py/cpython/1_closing.py"),
    include_str!("../../py/cpython/2_samples.py"),
    include_str!("../../py/cpython/3_run.py"),
    include_str!("../../py/cpython/4_at_peak.py"),
    include_str!("../../py/cpython/5_entry.py"),
);

/// Where the page's CPython worker puts the sample files in Pyodide's file system.
pub const PYODIDE_SAMPLES_DIR: &str = "/memplay-samples";

/// The oldest CPython the driver runs on (`tracemalloc.reset_peak` is 3.9; the command line
/// asks for 3.10 to match what the page's Pyodide runs or newer).
pub const CPYTHON_MIN: (u32, u32) = (3, 10);

/// What the driver is asked to run, the same from the command line and the page: the
/// snippet, its limits and how they are worded (`LimitKind::message`, as memplay words
/// them), the modules to load before measuring (the engine's own list), and in the page
/// the modules a snippet is refused.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckRequest {
    pub code: String,
    pub limits: Limits,
    /// The modules loaded before the baseline, as the engine loads them
    /// (`imported_modules`, indented imports included); empty with warm imports off. The
    /// driver keeps no rule of its own.
    pub imports: Vec<String>,
    pub limit_messages: LimitMessages,
    /// The file name the snippet runs under (`SNIPPET_FILENAME`).
    pub snippet: String,
    /// Modules refused, with the reason (`crate::UNAVAILABLE`): the page's check is closed
    /// as memplay's engine is. Empty for the command line, whose python3 is the user's own.
    pub unavailable: BTreeMap<String, String>,
    /// How far past the memory limit the check's process may grow for CPython's own
    /// arenas (`MEMORY_MARGIN_BYTES`): the page's worker and the driver both read it here.
    pub memory_margin: u64,
    /// memplay's sample files, for the run's data/ folder, when the snippet names it
    /// (`wants_sample_files`): the driver makes none of its own.
    pub samples: Option<SampleFiles>,
}

/// Where the driver finds memplay's sample files (`crate::SAMPLE_FILES`), by name: the
/// page's worker puts them there in Pyodide, the command line in a folder of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SampleFiles {
    pub dir: String,
    pub files: Vec<String>,
}

/// The room CPython gets past the memory limit for its own arenas, where the check
/// enforces the limit on the whole process (the command line) or the whole heap (Pyodide).
pub const MEMORY_MARGIN_BYTES: u64 = 64 << 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LimitMessages {
    pub time: String,
    pub memory: String,
}

impl CheckRequest {
    /// The page's request: closed, as the engine is.
    pub fn closed(code: &str, options: &RunOptions) -> Self {
        let unavailable = crate::sandbox::unavailable_map();
        Self {
            unavailable: unavailable.into_iter().map(|(m, why)| (m.to_owned(), why.to_owned())).collect(),
            ..Self::local(code, options, PYODIDE_SAMPLES_DIR)
        }
    }

    /// The command line's request: the local python3, not sandboxed; the sample files, if
    /// the snippet wants them, are in `samples_dir`.
    pub fn local(code: &str, options: &RunOptions, samples_dir: &str) -> Self {
        let limits = options.limits;
        Self {
            code: code.to_owned(),
            limits,
            imports: if options.warm_imports { crate::imported_modules(code) } else { Vec::new() },
            limit_messages: LimitMessages {
                time: LimitKind::Time.message(&limits),
                memory: LimitKind::Memory.message(&limits),
            },
            snippet: SNIPPET_FILENAME.to_owned(),
            unavailable: BTreeMap::new(),
            memory_margin: MEMORY_MARGIN_BYTES,
            samples: crate::wants_sample_files(code).then(|| SampleFiles {
                dir: samples_dir.to_owned(),
                files: crate::SAMPLE_FILES.iter().map(|(name, _)| (*name).to_owned()).collect(),
            }),
        }
    }
}

/// One snippet's run under CPython's tracemalloc.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckReport {
    pub peak_bytes: u64,
    pub retained_bytes: i64,
    pub wall_ms: f64,
    #[serde(default)]
    pub stdout: String,
    #[serde(default)]
    pub stderr: String,
    pub error: Option<RunError>,
    /// Memory each snippet line still holds at the end (tracemalloc's traces).
    #[serde(default)]
    pub lines: Vec<CheckLine>,
    #[serde(default)]
    pub warmed_imports: Vec<String>,
    pub limits: Limits,
    pub engine: EngineInfo,
    #[serde(default)]
    pub truncated: Truncated,
    /// What was alive at the peak, by line, from a second pass (approximate; absent where
    /// the check could not take it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_peak: Option<crate::AtPeak>,
    /// Why the explanation (`at_peak`) was left out: it comes from Python, and its rows did
    /// not add up to the peak the check measured (`vet`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at_peak_dropped: Option<String>,
}

/// How far the explanation's rows may be from the measured peak (10 %).
pub const EXPLANATION_TOLERANCE: f64 = 0.10;

impl CheckReport {
    /// A report of nothing yet: no figures, no output, no error.
    pub fn empty(limits: Limits, engine: EngineInfo) -> Self {
        CheckReport {
            peak_bytes: 0,
            retained_bytes: 0,
            wall_ms: 0.0,
            stdout: String::new(),
            stderr: String::new(),
            error: None,
            lines: Vec::new(),
            warmed_imports: Vec::new(),
            limits,
            engine,
            truncated: Truncated::default(),
            at_peak: None,
            at_peak_dropped: None,
        }
    }

    /// The explanation is checked against the figures: the peak is read from CPython's
    /// C-level state (in the page, by the worker's JavaScript), while what was alive at
    /// it is listed by Python. Rows that do not add up to the peak within
    /// `EXPLANATION_TOLERANCE` are never shown beside it: they are dropped, and why is kept.
    pub fn vet(mut self) -> Self {
        let Some(at) = self.at_peak.as_mut() else { return self };
        let kinds: i64 = at.by_type.iter().map(|t| t.bytes).sum();
        if kinds as f64 > self.peak_bytes as f64 * (1.0 + EXPLANATION_TOLERANCE) {
            // Kinds that hold more than the peak: not shown beside it.
            at.by_type.clear();
        }
        let rows: i64 = at.by_line.iter().map(|l| l.bytes).sum();
        let peak = self.peak_bytes as f64;
        let off = (rows as f64 - peak).abs();
        if peak > 0.0 && off <= peak * EXPLANATION_TOLERANCE {
            at.live_bytes = self.peak_bytes;
            return self;
        }
        self.at_peak_dropped = Some(format!(
            "CPython's lines at the peak add up to {}, not to the {} peak it measured, so they are not shown",
            crate::format_bytes(rows.max(0) as f64),
            crate::format_bytes(self.peak_bytes as f64)
        ));
        self.at_peak = None;
        self
    }
}

/// What a CPython run has done so far.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CheckProgress {
    pub peak_bytes: u64,
    pub retained_bytes: i64,
    pub wall_ms: f64,
    #[serde(default)]
    pub stdout: String,
    #[serde(default)]
    pub stderr: String,
}

impl CheckProgress {
    /// Adds a later progress: the figures are replaced, the output appended.
    pub fn extend(&mut self, later: CheckProgress) {
        self.peak_bytes = self.peak_bytes.max(later.peak_bytes);
        self.retained_bytes = later.retained_bytes;
        self.wall_ms = later.wall_ms;
        self.stdout.push_str(&later.stdout);
        self.stderr.push_str(&later.stderr);
    }

    /// The report of a run ended before it finished (`error` says how), with what it did
    /// up to then.
    pub fn into_report(self, error: RunError, limits: Limits, engine: EngineInfo) -> CheckReport {
        CheckReport {
            peak_bytes: self.peak_bytes,
            retained_bytes: self.retained_bytes,
            wall_ms: self.wall_ms,
            stdout: self.stdout,
            stderr: self.stderr,
            error: Some(error),
            ..CheckReport::empty(limits, engine)
        }
    }
}

/// What the snippet's line `line` made that was still alive when the run ended (traced by
/// tracemalloc): not memplay's `LineStat::net_bytes`, which is what was allocated minus
/// what was freed while the line ran, whoever made it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckLine {
    pub line: u32,
    pub held_bytes: i64,
}

impl CheckReport {
    /// A figure CPython can tell (peak, retained, time), formatted; `None` for the others.
    pub fn figure_text(&self, figure: Figure) -> Option<String> {
        let value = match figure {
            Figure::Peak => self.peak_bytes as f64,
            Figure::Retained => self.retained_bytes as f64,
            Figure::Time => self.wall_ms,
            Figure::Allocated | Figure::Allocations => return None,
        };
        // A run that ended before it measured (a timeout at the start) has no figures;
        // one cut short has figures so far.
        let measured = self.error.is_none() || self.peak_bytes > 0 || self.wall_ms > 0.0;
        Some(crate::partial_text(figure.unit().format(value), measured, self.error.is_none()))
    }

    /// The figures the verdict reads, as a memplay report.
    pub(super) fn as_run(&self) -> RunReport {
        RunReport {
            peak_bytes: self.peak_bytes,
            retained_bytes: self.retained_bytes,
            error: self.error.clone(),
            ..RunReport::empty(self.limits, self.engine.clone())
        }
    }
}

impl EngineInfo {
    /// "CPython 3.12" of CPython 3.12.7: the name and the version up to its minor number.
    pub fn short_label(&self) -> String {
        let v = &self.version;
        let short = match v.match_indices('.').nth(1) {
            Some((i, _)) => &v[..i],
            None => v,
        };
        format!("{} {short}", self.name)
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::{Comparison, Side};

    pub(crate) fn check(peak: u64) -> CheckReport {
        let engine = EngineInfo { name: "CPython".into(), version: "3.12.7".into() };
        CheckReport { peak_bytes: peak, wall_ms: 1.0, ..CheckReport::empty(Limits::default(), engine) }
    }

    pub(crate) fn ours(a: u64, b: u64) -> Comparison {
        let r = |peak| RunReport {
            peak_bytes: peak,
            ..RunReport::empty(Limits::default(), EngineInfo { name: "memplay".into(), version: "1".into() })
        };
        Comparison::new(r(a), r(b))
    }

    #[test]
    fn the_verdict_says_whether_cpython_agrees() {
        let c = CpythonCheck::new(check(4_000_000), check(700), &ours(9_000_000, 1_000));
        assert_eq!(c.agrees, Some(true));
        assert!(c.verdict.starts_with("CPython 3.12 agrees: B peaks"), "{}", c.verdict);
        let c = CpythonCheck::new(check(1_000), check(1_800_000), &ours(9_000_000, 1_000));
        assert_eq!((c.agrees, c.winner), (Some(false), Some(Side::A)));
        assert!(c.verdict.starts_with("CPython 3.12 disagrees: there A peaks"), "{}", c.verdict);
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["agrees"], false);
        assert!(json["a"].get("allocations").is_none(), "what CPython cannot tell is absent");
        assert!(json["a"].get("timeline").is_none());
    }

    #[test]
    fn a_failed_run_has_nothing_to_agree_on() {
        let mut b = check(10);
        b.error = Some(RunError::plain(crate::ErrorKind::Python("ValueError".into()), "bad"));
        let c = CpythonCheck::new(check(1_000), b, &ours(1_000, 10));
        assert_eq!(c.agrees, None);
        assert!(c.verdict.starts_with("CPython 3.12: B failed with ValueError"), "{}", c.verdict);
    }

    #[test]
    fn markdown_puts_cpython_beside_memplay() {
        let ours = ours(9_000_000, 1_000);
        let c = CpythonCheck::new(check(4_000_000), check(700), &ours);
        let md = crate::markdown(&ours, Some(&c), "list", "gen");
        assert!(md.starts_with("| | A: list | B: gen | B vs A | CPython 3.12 A | CPython 3.12 B |\n"), "{md}");
        assert!(md.contains("| Allocations | 0 | 0 |"), "{md}");
        assert!(md.lines().any(|l| l.starts_with("| Allocations") && l.ends_with("| – | – |")), "{md}");
        assert!(md.contains("| 3.8 MiB | 700 B |"), "{md}");
        assert!(md.contains("**CPython 3.12:** CPython 3.12 agrees"), "{md}");
    }

    #[test]
    fn the_workers_messages_read_as_the_worker_writes_them() {
        let done: FromCpython = serde_json::from_value(serde_json::json!({
            "type": "done", "run_id": 3,
            "report": {"peak_bytes": 720, "retained_bytes": 128, "wall_ms": 2.5, "stdout": "1\n", "stderr": "",
                       "error": null, "lines": [{"line": 2, "held_bytes": 32}], "warmed_imports": [],
                       "limits": {"time_ms": 10000, "memory_bytes": 1, "output_bytes": 1, "recursion": 1000},
                       "engine": {"name": "CPython", "version": "3.14.0"},
                       "truncated": {"output": false, "timeline": false}}
        }))
        .unwrap();
        assert!(matches!(done, FromCpython::Done { run_id: 3, report } if report.peak_bytes == 720));
        let request = CheckRequest::closed("x", &RunOptions::default());
        let run = serde_json::to_value(ToCpython::Run { run_id: 1, request }).unwrap();
        assert_eq!(run["type"], "run");
        assert_eq!(run["request"]["limit_messages"]["memory"], "memory limit exceeded (512 MiB)");
        assert_eq!(run["request"]["unavailable"]["js"], "the playground gives Python no access to the page");
        assert_eq!(run["request"]["snippet"], "<snippet>");
    }

    #[test]
    fn the_command_line_runs_the_users_own_python_unclosed() {
        let request = CheckRequest::local("x", &RunOptions::default(), "/tmp/s");
        assert!(request.unavailable.is_empty());
        assert_eq!(request.limit_messages.time, LimitKind::Time.message(&Limits::default()));
    }

    #[test]
    fn the_request_carries_the_engines_import_list_indented_imports_too() {
        let code = "def parse():\n    import xml.dom.minidom\n    return 1\nimport json\n";
        let request = CheckRequest::local(code, &RunOptions::default(), "/tmp/s");
        assert_eq!(request.imports, ["xml.dom.minidom", "json"]);
        assert_eq!(request.imports, crate::imported_modules(code));
        let off = RunOptions { warm_imports: false, ..RunOptions::default() };
        assert!(CheckRequest::closed(code, &off).imports.is_empty());
        let json = serde_json::to_value(CheckRequest::closed(code, &RunOptions::default())).unwrap();
        assert_eq!(json["imports"][0], "xml.dom.minidom");
    }

    fn explained(peak: u64, rows: &[i64]) -> CheckReport {
        let by_line = rows.iter().enumerate().map(|(i, &bytes)| crate::PeakLine {
            line: i as u32,
            bytes,
            blocks: 1,
            types: Vec::new(),
        });
        let at_peak =
            crate::AtPeak { live_bytes: 7, by_line: by_line.collect(), approximate: true, ..Default::default() };
        CheckReport { at_peak: Some(at_peak), ..check(peak) }
    }

    #[test]
    fn an_explanation_is_kept_only_where_it_adds_up_to_the_measured_peak() {
        let kept = explained(1_000_000, &[900_000, 50_000]).vet();
        assert_eq!(kept.at_peak.as_ref().map(|a| a.live_bytes), Some(1_000_000), "the peak is the measured one");
        assert_eq!(kept.at_peak_dropped, None);
        // A peak forged low, or rows made up: the rows no longer add up, and are dropped.
        let dropped = explained(7, &[900_000, 50_000]).vet();
        assert_eq!(dropped.at_peak, None);
        let why = dropped.at_peak_dropped.unwrap();
        assert!(why.contains("add up to 928 KiB") && why.contains("7 B peak"), "{why}");
        assert!(explained(1_000_000, &[800_000]).vet().at_peak.is_none(), "20 % short is dropped");
        assert!(explained(1_000_000, &[1_150_000]).vet().at_peak.is_none(), "15 % over is dropped");
        assert!(explained(0, &[10]).vet().at_peak.is_none());
        assert_eq!(check(10).vet(), check(10), "nothing to vet");
        let json = serde_json::to_value(explained(7, &[900]).vet()).unwrap();
        assert!(json["at_peak_dropped"].is_string() && json.get("at_peak").is_none());
    }

    #[test]
    fn the_driver_is_its_parts_joined_in_their_names_order() {
        assert!(CPYTHON_DRIVER.contains("def check(request, hook=None)"));
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/py/cpython");
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.ends_with(".py"))
            .collect();
        names.sort();
        assert_eq!(names, CPYTHON_DRIVER_PARTS, "every part is joined, in the order a glob lists them");
        let joined: String =
            CPYTHON_DRIVER_PARTS.iter().map(|n| std::fs::read_to_string(format!("{dir}/{n}")).unwrap()).collect();
        assert_eq!(joined, CPYTHON_DRIVER);
    }

    #[test]
    fn the_sample_files_come_with_a_snippet_that_names_their_folder() {
        let request = CheckRequest::closed("open('data/server.log')", &RunOptions::default());
        let samples = request.samples.expect("sent");
        assert_eq!(samples.dir, PYODIDE_SAMPLES_DIR);
        assert_eq!(samples.files, ["server.log", "measurements.csv", "README.txt"]);
        assert_eq!(CheckRequest::local("x = 1", &RunOptions::default(), "/tmp/s").samples, None);
    }
}
