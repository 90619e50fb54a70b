//! `--cpython`: the same snippet run under the local `python3`'s tracemalloc by the driver
//! the page runs in Pyodide (`memplay_model::CPYTHON_DRIVER`), one process per snippet.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use memplay_model::{CPYTHON_DRIVER, CPYTHON_MIN, CheckReport, CheckRequest, RunOptions, SAMPLE_FILES};

/// memplay's sample files in a folder of their own, for the driver to copy into the run's
/// data/ (only for a snippet that wants them); removed when dropped.
struct SampleDir(std::path::PathBuf);

impl SampleDir {
    fn write() -> std::io::Result<Self> {
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("memplay-samples-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let kept = SampleDir(dir);
        for (name, make) in SAMPLE_FILES {
            std::fs::write(kept.0.join(name), make())?;
        }
        Ok(kept)
    }
}

impl Drop for SampleDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The interpreter `--cpython` runs: `$MEMPLAY_PYTHON`, else `python3` on the PATH.
fn program() -> String {
    std::env::var("MEMPLAY_PYTHON").unwrap_or_else(|_| "python3".into())
}

/// Checks that a CPython new enough is there; the message says what is missing.
pub fn check_python() -> Result<(), String> {
    let python = program();
    let out = Command::new(&python)
        .args(["-c", "import sys, platform; print(platform.python_implementation(), *sys.version_info[:2])"])
        .output()
        .map_err(|e| format!("--cpython needs python3 {}.{} or newer ({python}: {e})", CPYTHON_MIN.0, CPYTHON_MIN.1))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut words = text.split_whitespace();
    let (implementation, major, minor) = (words.next(), words.next(), words.next());
    let version = major.zip(minor).and_then(|(a, b)| Some((a.parse::<u32>().ok()?, b.parse::<u32>().ok()?)));
    match (implementation, version) {
        (Some("CPython"), Some(v)) if v >= CPYTHON_MIN => Ok(()),
        (Some(other), Some((a, b))) => Err(format!(
            "--cpython needs CPython {}.{} or newer; {python} is {other} {a}.{b}",
            CPYTHON_MIN.0, CPYTHON_MIN.1
        )),
        _ => Err(format!(
            "--cpython needs python3 {}.{} or newer; {python} did not say its version",
            CPYTHON_MIN.0, CPYTHON_MIN.1
        )),
    }
}

/// Runs `code` under CPython; a run that dies or never answers is reported as such.
pub fn run(code: &str, options: &RunOptions) -> Result<CheckReport, String> {
    // The user's own python3, with their files and network: not sandboxed (--help says so).
    let samples = if memplay_model::wants_sample_files(code) {
        Some(SampleDir::write().map_err(|e| format!("cannot write the sample files: {e}"))?)
    } else {
        None
    };
    let dir = samples.as_ref().map(|s| s.0.to_string_lossy().into_owned()).unwrap_or_default();
    let request = serde_json::to_value(CheckRequest::local(code, options, &dir)).map_err(|e| e.to_string())?;
    let mut child = Command::new(program())
        .args(["-I", "-c", CPYTHON_DRIVER])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot start python3: {e}"))?;
    if let Some(mut stdin) = child.stdin.take() {
        let _ = stdin.write_all(request.to_string().as_bytes());
    }
    // The driver stops the snippet at the time limit itself; the deadline is for a CPython
    // that cannot be interrupted (a long call into C).
    let deadline = Instant::now() + Duration::from_millis(options.limits.time_ms) + Duration::from_secs(10);
    let (mut stdout, mut stderr) = (child.stdout.take(), child.stderr.take());
    let read = |pipe: &mut Option<std::process::ChildStdout>| {
        let mut buf = Vec::new();
        if let Some(p) = pipe.as_mut() {
            let _ = std::io::Read::read_to_end(p, &mut buf);
        }
        buf
    };
    let (out, err) = std::thread::scope(|s| {
        let out = s.spawn(|| read(&mut stdout));
        let err = s.spawn(|| {
            let mut buf = Vec::new();
            if let Some(p) = stderr.as_mut() {
                let _ = std::io::Read::read_to_end(p, &mut buf);
            }
            buf
        });
        while matches!(child.try_wait(), Ok(None)) {
            if Instant::now() > deadline {
                let _ = child.kill();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        (out.join().unwrap_or_default(), err.join().unwrap_or_default())
    });
    if Instant::now() > deadline {
        return Err("CPython did not stop at the time limit and was ended".into());
    }
    let output = std::process::Output { status: child.wait().map_err(|e| e.to_string())?, stdout: out, stderr: err };
    serde_json::from_slice(&output.stdout).map(CheckReport::vet).map_err(|e| {
        let stderr = String::from_utf8_lossy(&output.stderr);
        format!("CPython's driver gave no report ({e}): {}", stderr.lines().last().unwrap_or_default())
    })
}
