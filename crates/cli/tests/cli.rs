//! The `memplay` command as a user runs it: output formats, exit codes, and the limits
//! only a supervising process can enforce (a loop that never allocates, an allocation
//! that aborts the runner).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn memplay(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_memplay")).args(args).output().expect("run memplay")
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_memplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn snippet(name: &str, code: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("memplay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, code).unwrap();
    path
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const REPORT_FIELDS: [&str; 16] = [
    "peak_bytes",
    "allocated_bytes",
    "allocations",
    "retained_bytes",
    "wall_ms",
    "stdout",
    "stderr",
    "error",
    "lines",
    "timeline",
    "warmed_imports",
    "limits",
    "engine",
    "truncated",
    "timeline",
    "at_peak",
];

#[test]
fn run_json_has_exactly_the_report_fields() {
    let file = snippet("fields.py", "import json\nx = [json.dumps(i) for i in range(1000)]\nprint(len(x))\n");
    let out = memplay(&["run", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let r = json(&out);
    let mut keys: Vec<_> = r.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    let mut want: Vec<_> = REPORT_FIELDS.iter().map(|s| s.to_string()).collect();
    want.sort();
    want.dedup();
    assert_eq!(keys, want);
    assert_eq!(r["stdout"], "1000\n");
    assert_eq!(r["warmed_imports"], serde_json::json!(["json"]));
    assert_eq!(r["error"], Value::Null);
    let line = &r["lines"][1];
    for k in ["line", "hits", "allocations", "allocated_bytes", "net_bytes", "peak_bytes"] {
        assert!(line.get(k).is_some(), "line stat has {k}: {line}");
    }
    assert!(r["timeline"][0].get("live_bytes").is_some() && r["timeline"][0].get("line").is_some());
    assert_eq!(r["limits"]["time_ms"], 10_000);
    assert!(r["truncated"].get("output").is_some());
}

#[test]
fn compare_json_gives_a_b_and_a_verdict_with_units() {
    let out = memplay(&["compare", "--preset", "list-vs-generator", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let c = json(&out);
    let a = c["a"]["peak_bytes"].as_u64().unwrap();
    let b = c["b"]["peak_bytes"].as_u64().unwrap();
    assert!(b * 100 < a, "generator {b} vs list {a}");
    let verdict = c["verdict"].as_str().unwrap();
    assert!(
        verdict.starts_with("B peaks ") && verdict.contains("× lower than A: ") && verdict.contains("MiB"),
        "{verdict}"
    );
    assert_eq!(c["close_call"], false, "81× apart is no close call");
    let (x, y) = (snippet("close_a.py", "xs = [0] * 100_000\n"), snippet("close_b.py", "xs = [0] * 80_000\n"));
    let close = json(&memplay(&["compare", "--json", x.to_str().unwrap(), y.to_str().unwrap()]));
    assert_eq!(close["close_call"], true);
}

#[test]
fn sweep_takes_tutorial_code_as_written() {
    // The size is inline, as tutorials write it: no `N = …` line.
    let a = snippet("sweep_a.py", "def firstn(n):\n    return list(range(n))\n\nprint(sum(firstn(20000)))\n");
    let b = snippet(
        "sweep_b.py",
        "def firstn(n):\n    num = 0\n    while num < n:\n        yield num\n        num += 1\n\nprint(sum(firstn(20000)))\n",
    );
    let (a, b) = (a.to_str().unwrap(), b.to_str().unwrap());
    let out = memplay(&["sweep", a, b, "--from", "100", "--points", "3", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s = json(&out);
    assert_eq!(s["var"], "20000 (line 4)");
    let ns: Vec<u64> = s["points"].as_array().unwrap().iter().map(|p| p["n"].as_u64().unwrap()).collect();
    assert_eq!(ns, [100, 1414, 20_000]);
    assert_eq!(s["fit"]["a"]["class"], "linear", "{}", s["fit"]);
    // `--at LINE:COL` picks the number; one that is not there is a clear usage error.
    let at = memplay(&["sweep", a, b, "--at", "4:18", "--from", "100", "--points", "2", "--json"]);
    assert_eq!(json(&at)["var"], "20000 (line 4)");
    let wrong = memplay(&["sweep", a, b, "--at", "1:1"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("no integer at line 1, column 1"));
}

#[test]
fn human_output_is_a_table_with_units_and_the_verdict() {
    let a = snippet("a.py", "data = list(range(100_000))\n");
    let b = snippet("b.py", "from array import array\ndata = array('i', range(100_000))\n");
    let out = memplay(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("A: a.py") && text.contains("B: b.py"), "{text}");
    for label in ["Peak memory", "Allocated", "Allocations", "Retained", "Time"] {
        assert!(text.contains(label), "{label} in {text}");
    }
    assert!(text.contains("MiB") && text.contains("KiB"));
    assert!(text.contains("B peaks ") && text.contains("lower than A"), "{text}");
}

#[test]
fn markdown_and_svg_outputs() {
    let out = memplay(&["compare", "--preset", "list-vs-array", "--markdown"]);
    let md = stdout(&out);
    assert!(md.starts_with("| | A: list of ints | B: array('i') | B vs A |\n|---|---:|---:|---:|\n"), "{md}");
    assert!(md.contains("| Peak memory |") && md.contains("**Verdict:** B peaks"));
    let svg = std::env::temp_dir().join(format!("memplay-{}.svg", std::process::id()));
    let out = memplay(&["compare", "--preset", "list-vs-array", "--svg", svg.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let text = std::fs::read_to_string(&svg).unwrap();
    assert!(text.starts_with("<svg") && text.contains("B: array(&#x27;i&#x27;)") || text.contains("B: array('i')"));
    assert!(stdout(&out).starts_with("B peaks"));
}

#[test]
fn timeline_and_card_pictures_come_with_any_output() {
    let dir = std::env::temp_dir();
    let timeline = dir.join(format!("memplay-{}-timeline.svg", std::process::id()));
    let card = dir.join(format!("memplay-{}-card.svg", std::process::id()));
    let args = ["compare", "--preset", "keep-vs-del", "--json", "--timeline-svg", timeline.to_str().unwrap()];
    let out = memplay(&[&args[..], &["--card", card.to_str().unwrap()]].concat());
    assert_eq!(out.status.code(), Some(0));
    let report = json(&out);
    let timeline = std::fs::read_to_string(&timeline).unwrap();
    assert_eq!(timeline.matches("<polyline").count(), 2, "{timeline}");
    let card = std::fs::read_to_string(&card).unwrap();
    assert!(card.contains("width=\"1200\" height=\"630\""));
    let verdict = report["verdict"].as_str().unwrap();
    assert!(card.contains(verdict.split(':').next().unwrap()), "{verdict} in {card}");
    assert!(card.contains(">A<") && card.contains(">B<") && card.contains("Peak memory"));
}

#[test]
fn standard_input_and_presets() {
    let out = with_stdin(&["run", "-", "--json"], "print(6 * 7)\n");
    assert_eq!(json(&out)["stdout"], "42\n");
    let list = stdout(&memplay(&["run", "--list-presets"]));
    assert!(list.lines().count() >= 11 && list.contains("list-vs-generator"), "{list}");
    let out = memplay(&["run", "--preset", "list-vs-generator:b", "--json"]);
    assert_eq!(json(&out)["stdout"], "333328333350000\n");
}

#[test]
fn a_snippet_that_raises_exits_1_with_the_report() {
    let file = snippet("raise.py", "print('start')\nraise ValueError('bad value')\n");
    let out = memplay(&["run", file.to_str().unwrap(), "--json"]);
    assert_eq!(out.status.code(), Some(1));
    let r = json(&out);
    assert_eq!(r["error"]["type"], "ValueError");
    assert_eq!(r["error"]["message"], "bad value");
    assert_eq!(r["error"]["line"], 2);
    assert!(r["error"]["traceback"].as_str().unwrap().contains("raise ValueError"));
    assert_eq!(r["stdout"], "start\n");
}

#[test]
fn usage_and_file_errors_exit_2_with_a_message() {
    let out = memplay(&["run", "/no/such/file.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/file.py"));
    let out = memplay(&["compare", "only-one.py"]);
    assert_eq!(out.status.code(), Some(2));
    let out = memplay(&["run", "--preset", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown preset 'nope'"));
    let out = memplay(&["run", "-", "--time-limit", "-1"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(memplay(&["frobnicate"]).status.code(), Some(2));
}

#[test]
fn a_loop_that_never_allocates_is_stopped_at_the_time_limit() {
    let file = snippet("spin.py", "print('spinning')\nwhile True:\n    pass\n");
    let started = std::time::Instant::now();
    let out = memplay(&["run", file.to_str().unwrap(), "--json", "--time-limit", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let r = json(&out);
    assert_eq!(r["error"]["type"], "TimeLimitExceeded");
    assert_eq!(r["error"]["message"], "time limit exceeded (1.00 s)");
    assert_eq!(r["stdout"], "spinning\n", "output before the loop is kept");
    assert!(started.elapsed().as_secs() < 20, "stopped, not hung");
}

#[test]
fn an_allocating_loop_stops_itself_at_the_time_limit_with_partial_results() {
    let file = snippet(
        "alloc-spin.py",
        "keep = []\nwhile True:\n    keep.append(str(len(keep)))\n    if len(keep) > 50_000:\n        keep.clear()\n",
    );
    let out = memplay(&["run", file.to_str().unwrap(), "--json", "--time-limit", "1"]);
    assert_eq!(out.status.code(), Some(1));
    let r = json(&out);
    assert_eq!(r["error"]["type"], "TimeLimitExceeded");
    assert!(r["allocations"].as_u64().unwrap() > 10_000, "partial figures: {}", r["allocations"]);
    assert!(r["lines"].as_array().unwrap().iter().any(|l| l["line"] == 3));
}

#[test]
fn memory_bombs_end_with_a_clear_error_and_never_take_the_command_down() {
    for code in [
        "bytearray(2**40)\n",
        "x = [0] * 10**9\n",
        "b = b'x' * 10**10\n",
        "s = ' ' * 2**40\n",
        "grow = []\nwhile True:\n    grow.append('x' * 1000)\n",
    ] {
        let file = snippet("bomb.py", code);
        let out = memplay(&["run", file.to_str().unwrap(), "--json", "--memory-limit", "64"]);
        assert_eq!(out.status.code(), Some(1), "{code}");
        let r = json(&out);
        let kind = r["error"]["type"].as_str().unwrap();
        assert!(
            ["MemoryError", "MemoryLimitExceeded", "OverflowError"].contains(&kind),
            "{code}: {kind} {}",
            r["error"]["message"]
        );
        assert!(r["peak_bytes"].as_u64().unwrap() <= 64 << 20, "{code}");
    }
}

#[test]
fn the_growing_list_reports_its_partial_figures() {
    let file = snippet("grow.py", "grow = []\nwhile True:\n    grow.append('x' * 1000)\n");
    let out = memplay(&["run", file.to_str().unwrap(), "--json", "--memory-limit", "32"]);
    let r = json(&out);
    // The list's last doubling is what gets refused, so the peak is past half the limit.
    assert!(r["peak_bytes"].as_u64().unwrap() > 16 << 20, "partial peak {}", r["peak_bytes"]);
    assert_eq!(r["error"]["type"], "MemoryLimitExceeded");
    assert_eq!(r["error"]["message"], "memory limit exceeded (32.0 MiB)");
    assert_eq!(r["error"]["line"], 3);
    assert!(
        r["lines"].as_array().unwrap().iter().any(|l| l["line"] == 3 && l["net_bytes"].as_i64().unwrap() >= 16 << 20)
    );
}

/// True when a CPython the check can use is on this machine (the CI machine has one).
fn have_python3() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)"])
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn cpython_runs_beside_and_says_whether_it_agrees() {
    if !have_python3() {
        eprintln!("no python3 >= 3.10 here: the --cpython check is not tested");
        return;
    }
    let out = memplay(&["compare", "--preset", "list-vs-generator", "--cpython", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let c = json(&out);
    let check = &c["cpython"];
    assert_eq!(check["engine"]["name"], "CPython");
    assert_eq!(check["winner"], "B");
    assert_eq!(check["agrees"], true);
    assert!(check["verdict"].as_str().unwrap().starts_with("CPython 3."), "{}", check["verdict"]);
    assert!(check["verdict"].as_str().unwrap().contains(" agrees: B peaks"), "{}", check["verdict"]);
    // A 100 000-element list of ints: CPython's list alone holds 800 KB.
    assert!(check["a"]["peak_bytes"].as_u64().unwrap() > 800_000);
    assert!(check["b"]["peak_bytes"].as_u64().unwrap() < 10_000);
    assert_eq!(check["a"]["stdout"], "333328333350000\n");
    for absent in ["allocations", "allocated_bytes", "timeline"] {
        assert!(check["a"].get(absent).is_none(), "{absent} is absent, never zero");
    }
    // The table and the Markdown get CPython's columns.
    let table = stdout(&memplay(&["compare", "--preset", "list-vs-generator", "--cpython"]));
    assert!(table.lines().next().unwrap().contains("CPython 3."), "{table}");
    assert!(table.contains("agrees: B peaks"), "{table}");
    let md = stdout(&memplay(&["compare", "--preset", "list-vs-generator", "--cpython", "--markdown"]));
    assert!(md.lines().any(|l| l.starts_with("| Allocations") && l.ends_with("| – | – |")), "{md}");
}

/// The line a report's `at_peak` blames most (line 0 aside).
fn top_line(report: &Value) -> u64 {
    let lines = report["at_peak"]["by_line"].as_array().expect("at_peak.by_line");
    lines.iter().filter(|l| l["line"].as_u64() > Some(0)).max_by_key(|l| l["bytes"].as_i64()).unwrap()["line"]
        .as_u64()
        .unwrap()
}

#[test]
fn at_the_peak_both_engines_blame_the_same_line() {
    let out = memplay(&["compare", "--preset", "list-vs-generator", "--json"]);
    let c = json(&out);
    let at = &c["a"]["at_peak"];
    assert_eq!(at["live_bytes"], c["a"]["peak_bytes"]);
    assert_eq!(top_line(&c["a"]), 2, "{at}");
    // The aligned rows: line 2 of A against line 2 of B, A holding its list.
    let rows = c["peak_lines"].as_array().unwrap();
    let row = rows.iter().find(|r| r["a_line"] == 2).expect("A's line 2 is a row");
    assert_eq!(row["b_line"], 2);
    assert!(row["a_bytes"].as_i64().unwrap() > 100 * row["b_bytes"].as_i64().unwrap().max(1));
    let md = stdout(&memplay(&["compare", "--preset", "list-vs-generator", "--markdown"]));
    assert!(md.contains("**At the peak**"), "{md}");
    assert!(
        md.contains("| 2 | 2 | `total = sum([x * x for x in range(N)])` · B: `total = sum(x * x for x in range(N))` |"),
        "both codes where they differ: {md}"
    );
    if !have_python3() {
        eprintln!("no python3 >= 3.10 here: CPython's side of the peak is not tested");
        return;
    }
    for preset in ["list-vs-generator", "readlines-vs-iteration"] {
        let c = json(&memplay(&["compare", "--preset", preset, "--cpython", "--json"]));
        let theirs = &c["cpython"]["a"];
        assert_eq!(theirs["at_peak"]["approximate"], true, "{preset}: {theirs}");
        assert_eq!(top_line(theirs), top_line(&c["a"]), "{preset}: {} / {}", theirs["at_peak"], c["a"]["at_peak"]);
    }
    // CPython's figures for the same lines, beside memplay's, in the aligned table.
    let md = stdout(&memplay(&["compare", "--preset", "list-vs-generator", "--cpython", "--markdown"]));
    let head = md.lines().find(|l| l.starts_with("| A line |")).expect(&md);
    assert!(head.contains("| B holds at its peak | CPython 3.") && head.ends_with(" B ≈ |"), "{head}");
    let row = md.lines().find(|l| l.starts_with("| 2 | 2 |")).expect(&md);
    assert_eq!(row.matches(" MiB").count(), 2, "memplay's and CPython's A hold the list: {row}");
}

#[test]
fn the_terminal_explains_the_peak_and_stacks_can_be_turned_off() {
    let text = stdout(&memplay(&["compare", "--preset", "list-vs-generator"]));
    assert!(text.contains("At the peak (A ") && text.contains("alive by the line that made it:"), "{text}");
    let row = text.lines().find(|l| l.contains("total = sum([x * x")).expect(&text);
    assert!(row.trim_start().starts_with("2       2") && row.contains("MiB"), "{row}");
    let code = "def build(n):\n    return [str(i) for i in range(n)]\n\nrows = build(20_000)\n";
    let a = snippet("stacked.py", code);
    let with = json(&memplay(&["run", a.to_str().unwrap(), "--json"]));
    let without = json(&memplay(&["run", a.to_str().unwrap(), "--json", "--no-stacks"]));
    let stacks = |r: &Value| r["at_peak"]["by_stack"].as_array().unwrap().len();
    assert!(stacks(&with) > 0, "{}", with["at_peak"]);
    assert_eq!(stacks(&without), 0, "{}", without["at_peak"]);
    assert_eq!(top_line(&with), top_line(&without));
    let human = stdout(&memplay(&["run", a.to_str().unwrap()]));
    assert!(human.contains("at the peak (") && human.contains("line 2: "), "{human}");
}

#[test]
fn cpython_loads_first_what_the_engine_loads_first_and_a_tutorials_tracemalloc_calls_keep_the_figures() {
    if !have_python3() {
        return;
    }
    let peak = |name: &str, code: &str| {
        let path = snippet(name, code);
        let r = json(&memplay(&["run", path.to_str().unwrap(), "--cpython", "--json"]));
        assert_eq!(r["cpython"]["error"], Value::Null, "{name}: {}", r["cpython"]["error"]);
        r["cpython"]["peak_bytes"].as_f64().unwrap()
    };
    // The engine loads indented imports before measuring; so does the check, by its list.
    let body = "    return xml.dom.minidom.parseString('<a/>').documentElement.tagName\nparse()\n";
    let top = peak("top.py", &format!("import xml.dom.minidom\ndef parse():\n{body}"));
    let inner = peak("inner.py", &format!("def parse():\n    import xml.dom.minidom\n{body}"));
    assert!((inner - top).abs() <= top.max(inner) * 0.10, "top {top} B, inner {inner} B");
    // A tutorial that measures itself with tracemalloc (stop, reset_peak) does not end or
    // reset the check's own measurement.
    let list = "x = [str(i) for i in range(100_000)]\n";
    let plain = peak("plain.py", &format!("{list}del x\n"));
    let own = peak(
        "own.py",
        &format!(
            "import tracemalloc\ntracemalloc.start()\n{list}print(tracemalloc.get_traced_memory())\ndel x\ntracemalloc.reset_peak()\ntracemalloc.clear_traces()\ntracemalloc.stop()\n"
        ),
    );
    assert!(
        plain > 5_000_000.0 && (own - plain).abs() <= plain * 0.05,
        "plain {plain} B, with tracemalloc calls {own} B"
    );
}

#[test]
fn compare_says_what_kind_of_objects_each_peak_held() {
    let c = json(&memplay(&["compare", "--preset", "dict-vs-slots", "--json"]));
    let types = c["peak_types"].as_array().expect("peak_types");
    let row = |name: &str| types.iter().find(|t| t["type"] == name).unwrap_or_else(|| panic!("{name}: {types:?}"));
    assert!(row("dict")["a_count"].as_i64().unwrap() >= 19_800, "{types:?}");
    assert!(row("dict")["b_count"].as_i64().unwrap() <= 100, "{types:?}");
    for side in ["a", "b"] {
        let at = &c[side]["at_peak"];
        let sum: i64 = at["by_type"].as_array().unwrap().iter().map(|t| t["bytes"].as_i64().unwrap()).sum();
        let peak = c[side]["peak_bytes"].as_i64().unwrap();
        assert!((sum - peak).abs() <= peak / 20 + 64, "{side}: kinds {sum} vs peak {peak}");
        let line = &at["by_line"][0];
        assert!(line["types"].as_array().is_some_and(|t| !t.is_empty()), "each line names its kinds: {line}");
    }
    let text = stdout(&memplay(&["compare", "--preset", "dict-vs-slots"]));
    assert!(text.contains("What kind of objects, alive at each peak:"), "{text}");
    assert!(text.contains("At its peak, A held"), "{text}");
    let md = stdout(&memplay(&["compare", "--preset", "dict-vs-slots", "--markdown"]));
    assert!(md.contains("**What kind of objects**") && md.contains("| dict |"), "{md}");
}

#[test]
fn cpython_counts_the_same_ints_at_its_peak() {
    if !have_python3() {
        return;
    }
    let c = json(&memplay(&["compare", "--preset", "list-vs-generator", "--cpython", "--json"]));
    let count = |types: &Value| {
        types.as_array().and_then(|t| t.iter().find(|t| t["type"] == "int")).map_or(0, |t| t["count"].as_i64().unwrap())
    };
    let ours = count(&c["a"]["at_peak"]["by_type"]);
    let theirs = count(&c["cpython"]["a"]["at_peak"]["by_type"]);
    assert!(ours >= 99_000, "{ours}");
    assert!((theirs - ours).abs() * 10 <= ours, "CPython {theirs} int against memplay's {ours}");
    assert_eq!(c["cpython"]["a"]["at_peak"]["approximate"], true);
}

#[test]
fn cpython_reports_errors_with_their_line_and_a_missing_python_exits_2() {
    if have_python3() {
        let path = snippet("raises.py", "x = 1\nraise ValueError('no')\n");
        let out = memplay(&["run", path.to_str().unwrap(), "--cpython", "--json"]);
        let r = json(&out);
        assert_eq!(r["cpython"]["error"]["type"], "ValueError");
        assert_eq!(r["cpython"]["error"]["line"], 2);
        assert!(r["cpython"]["error"]["traceback"].as_str().unwrap().contains("line 2"));
        let slow = snippet("slow.py", "while True:\n    pass\n");
        let out = memplay(&["run", slow.to_str().unwrap(), "--cpython", "--json", "--time-limit", "1"]);
        assert_eq!(json(&out)["cpython"]["error"]["type"], "TimeLimitExceeded");
    }
    let out = Command::new(env!("CARGO_BIN_EXE_memplay"))
        .args(["run", "--preset", "list-vs-generator", "--cpython"])
        .env("MEMPLAY_PYTHON", "/no/such/python3")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--cpython needs python3 3.10 or newer"));
}

/// The numbers of a human-readable table row, in order ("8.6 MiB" → 8.6; units kept apart).
fn row_numbers(line: &str) -> Vec<f64> {
    line.split(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-')).filter_map(|t| t.parse::<f64>().ok()).collect()
}

#[test]
fn the_readme_example_is_what_the_command_prints() {
    // The README's first example, as a reader would paste it: its figures must not drift
    // from what the command prints today (times vary run to run and are left out).
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let command = "$ memplay compare --preset list-vs-generator\n";
    let start = readme.find(command).expect("the README shows the example") + command.len();
    let shown: Vec<&str> = readme[start..].lines().take_while(|l| !l.starts_with("```")).collect();
    let printed = stdout(&memplay(&["compare", "--preset", "list-vs-generator"]));
    let printed: Vec<&str> = printed.lines().collect();
    for (want, got) in shown.iter().zip(&printed) {
        if want.starts_with("Time") {
            continue;
        }
        let (w, g) = (row_numbers(want), row_numbers(got));
        let close = w.len() == g.len() && w.iter().zip(&g).all(|(a, b)| (a - b).abs() <= a.abs() * 0.02 + 0.05);
        let words = |s: &str| s.split_whitespace().filter(|t| row_numbers(t).is_empty()).collect::<Vec<_>>().join(" ");
        assert!(
            close && words(want) == words(got),
            "README: {want:?}\nprinted: {got:?}\n(update the README's example)"
        );
    }
    assert!(shown.len() >= 8 && printed.len() >= shown.len(), "{shown:?} vs {printed:?}");
}
