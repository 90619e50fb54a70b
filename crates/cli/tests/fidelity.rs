//! The fidelity corpus (tests/fidelity/: A/B pairs from public tutorials, docs and Q&A, the
//! source in each file's first line) on memplay and, where `python3` is there, on CPython's
//! tracemalloc: where CPython's peaks differ 2× or more, memplay picks CPython's winner,
//! and the comparison says `agrees: false` exactly where the winners differ.
//! `scripts/bench-fidelity.py` prints the whole table.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;

fn corpus() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fidelity");
    let mut pairs: Vec<PathBuf> =
        std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_dir()).collect();
    pairs.sort();
    pairs
}

#[test]
fn every_pair_names_its_source_and_runs_on_memplay() {
    let pairs = corpus();
    assert!(pairs.len() >= 20, "at least 20 pairs, found {}", pairs.len());
    for pair in &pairs {
        for side in ["a.py", "b.py"] {
            let code = std::fs::read_to_string(pair.join(side)).unwrap();
            assert!(code.starts_with("# Source: http"), "{}/{side} names its source", pair.display());
        }
    }
}

#[test]
fn memplay_picks_cpythons_winner_wherever_cpython_is_clear() {
    let python = Command::new("python3")
        .args(["-c", "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)"])
        .status()
        .is_ok_and(|s| s.success());
    if !python {
        eprintln!("no python3 >= 3.10 here: the corpus runs on memplay only");
    }
    for pair in corpus() {
        let (a, b) = (pair.join("a.py"), pair.join("b.py"));
        let mut args = vec!["compare".into(), a.display().to_string(), b.display().to_string(), "--json".into()];
        if python {
            args.push("--cpython".into());
        }
        let out = Command::new(env!("CARGO_BIN_EXE_memplay")).args(&args).output().unwrap();
        let c: Value = serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{}: {e}: {}", pair.display(), String::from_utf8_lossy(&out.stderr)));
        let name = pair.file_name().unwrap().to_string_lossy().into_owned();
        assert!(
            c["a"]["error"].is_null() && c["b"]["error"].is_null(),
            "{name}: {} {}",
            c["a"]["error"],
            c["b"]["error"]
        );
        if !python {
            continue;
        }
        let check = &c["cpython"];
        assert!(check["a"]["error"].is_null() && check["b"]["error"].is_null(), "{name} on CPython: {check}");
        let peak = |r: &Value| r["peak_bytes"].as_f64().unwrap().max(1.0);
        let theirs = peak(&check["a"]) / peak(&check["b"]);
        if theirs >= 2.0 || theirs <= 0.5 {
            assert_eq!(
                c["winner"], check["winner"],
                "{name}: CPython's peaks differ {theirs:.2}×; {}",
                check["verdict"]
            );
        }
        assert_eq!(check["agrees"], Value::Bool(c["winner"] == check["winner"]), "{name}: {}", check["verdict"]);
        if check["agrees"] == false {
            assert!(check["verdict"].as_str().unwrap().contains("disagrees: there"), "{name}");
        }
    }
}
