//! The first run tells the truth: on a fresh thread (RustPython's thread-local caches start
//! empty, as in a new worker), and in a fresh process (as the CLI runs every snippet), the
//! first run of a snippet counts exactly what a second run counts. Every preset and every
//! pair of `tests/fidelity/`. Its own test binary: each snippet needs a thread no other
//! snippet has warmed, and the process test starts this binary again per snippet.

#[path = "engine/common/mod.rs"]
mod common;
use memplay_engine::{NativeHost, run};
use memplay_model::{PRESETS, RunOptions, RunReport};

fn figures(r: &RunReport) -> [i128; 4] {
    [r.peak_bytes as i128, r.allocated_bytes as i128, r.allocations as i128, r.retained_bytes as i128]
}

/// The first and second run of `code` on a thread of their own.
fn first_and_second(code: String) -> (RunReport, RunReport) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(move || {
            let options = RunOptions::default();
            let first = run(&code, &options, &mut NativeHost::default());
            let second = run(&code, &options, &mut NativeHost::default());
            (first, second)
        })
        .unwrap()
        .join()
        .unwrap()
}

fn snippets() -> Vec<(String, String)> {
    let mut all = Vec::new();
    for p in PRESETS {
        all.push((format!("preset {} A", p.id), p.a_code.to_owned()));
        all.push((format!("preset {} B", p.id), p.b_code.to_owned()));
    }
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fidelity");
    let mut pairs: Vec<_> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().path()).collect();
    pairs.sort();
    for pair in pairs.iter().filter(|p| p.is_dir()) {
        for side in ["a.py", "b.py"] {
            let code = std::fs::read_to_string(pair.join(side)).unwrap();
            all.push((format!("{}/{side}", pair.file_name().unwrap().to_string_lossy()), code));
        }
    }
    all
}

/// Set in a child process: the snippet to run once, its figures printed.
const CHILD: &str = "MEMPLAY_FIRST_RUN_CHILD";

#[test]
fn child_runs_one_snippet_in_a_fresh_process() {
    let Some(path) = std::env::var_os(CHILD) else { return };
    let code = std::fs::read_to_string(path).unwrap();
    let (first, _) = first_and_second(code);
    println!("FIGURES {:?}", figures(&first));
}

#[test]
fn the_first_run_in_a_fresh_process_counts_what_a_second_run_counts() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("memplay-first-run-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut differ = Vec::new();
    for (i, (name, code)) in snippets().into_iter().enumerate() {
        let path = dir.join(format!("{i}.py"));
        std::fs::write(&path, &code).unwrap();
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "child_runs_one_snippet_in_a_fresh_process", "--nocapture", "--test-threads=1"])
            .env(CHILD, &path)
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&out.stdout);
        let cold = stdout
            .lines()
            .find_map(|l| l.split_once("FIGURES ").map(|(_, f)| f))
            .unwrap_or_else(|| panic!("{name}: {stdout}"));
        let (_, warm) = first_and_second(code);
        if cold != format!("{:?}", figures(&warm)) {
            differ.push(format!("{name}: a fresh process {cold}, a second run {:?}", figures(&warm)));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(differ.is_empty(), "first runs in a fresh process that count otherwise:\n{}", differ.join("\n"));
}

#[test]
fn the_first_run_on_a_fresh_thread_counts_what_the_second_counts() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let mut differ = Vec::new();
    let all = snippets();
    assert!(all.len() > 60, "presets and fidelity pairs: {}", all.len());
    for (name, code) in all {
        let (first, second) = first_and_second(code);
        if figures(&first) != figures(&second) {
            let [p, a, n, r] = figures(&first);
            let [p2, a2, n2, r2] = figures(&second);
            differ.push(format!(
                "{name}: peak {p} vs {p2}, allocated {a} vs {a2}, allocations {n} vs {n2}, retained {r} vs {r2}"
            ));
        }
    }
    assert!(differ.is_empty(), "first runs that count more or less than the second:\n{}", differ.join("\n"));
}
