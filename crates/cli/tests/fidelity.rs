//! The fidelity corpus (tests/fidelity/: A/B pairs from public tutorials, docs and Q&A, the
//! source in each file's first line) on memplay and, where `python3` is there, on CPython's
//! tracemalloc: where CPython's peaks differ 2× or more, memplay picks CPython's winner,
//! and the comparison says `agrees: false` exactly where the winners differ.
//! `scripts/bench-fidelity.py` prints the whole table.

use std::path::PathBuf;
use std::process::Command;

use memplay_model::{Metric, Side};
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

fn has_python() -> bool {
    Command::new("python3")
        .args(["-c", "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)"])
        .status()
        .is_ok_and(|s| s.success())
}

fn compare(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_memplay")).args(args).output().unwrap();
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)))
}

#[test]
fn memplay_picks_cpythons_winner_wherever_cpython_is_clear() {
    let python = has_python();
    if !python {
        eprintln!("no python3 >= 3.10 here: the corpus runs on memplay only");
    }
    for pair in corpus() {
        let (a, b) = (pair.join("a.py"), pair.join("b.py"));
        let (a, b) = (a.display().to_string(), b.display().to_string());
        let mut args = vec!["compare", &a, &b, "--json"];
        if python {
            args.push("--cpython");
        }
        let c = compare(&args);
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

/// The presets say what CPython does: on each one's own figure (peak or retained), CPython
/// picks the preset's winner too, and where the engines' peaks disagree the preset's
/// explanation says so. The CPython check sees the same sample files (data/) as memplay.
#[test]
fn every_preset_winner_is_cpythons_and_disagreements_are_explained() {
    if !has_python() {
        eprintln!("no python3 >= 3.10 here: the presets are not checked on CPython");
        return;
    }
    for preset in memplay_model::PRESETS {
        let id = preset.id;
        let c = compare(&["compare", "--preset", id, "--cpython", "--json"]);
        let check = &c["cpython"];
        if !check["b"]["error"].is_null() {
            // lz4 is not in CPython's standard library: the preset says so.
            assert_eq!(check["b"]["error"]["type"], "ModuleNotFoundError", "{id}: {check}");
            assert!(preset.explanation.contains("CPython"), "{id}: {}", preset.explanation);
            continue;
        }
        assert!(check["a"]["error"].is_null(), "{id} on CPython: {check}");
        let figure = |r: &Value| {
            let bytes = match preset.metric {
                Metric::Peak => &r["peak_bytes"],
                Metric::Retained => &r["retained_bytes"],
            };
            bytes.as_f64().unwrap().max(1.0)
        };
        let theirs = if figure(&check["a"]) > figure(&check["b"]) { Side::B } else { Side::A };
        assert_eq!(theirs, preset.winner, "{id}: CPython picks {theirs:?} on {:?}: {check}", preset.metric);
        if check["agrees"] == false {
            assert!(preset.explanation.contains("CPython"), "{id} disagrees on peak and does not say so");
        }
    }
}
