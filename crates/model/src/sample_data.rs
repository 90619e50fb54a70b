//! Deterministic sample files for the "process a large file line by line" examples: every
//! engine run finds them in data/, and the CPython check gets the same bytes (the request's
//! `samples`; the page's build writes them beside the driver with `memplay-samples`).

/// How a sample file's bytes are made.
pub type MakeSample = fn() -> Vec<u8>;

/// The sample files, as a snippet finds them in data/: name and how they are made.
pub const SAMPLE_FILES: [(&str, MakeSample); 3] =
    [("server.log", server_log), ("measurements.csv", measurements_csv), ("README.txt", readme)];

/// Whether the CPython check brings the sample files for `code` (it names the folder): the
/// files are 7 MB to write for each run, and most snippets never open them.
pub fn wants_sample_files(code: &str) -> bool {
    code.contains("data")
}

const PATHS: [&str; 8] =
    ["/", "/api/items", "/api/items/42", "/login", "/static/app.js", "/api/search?q=memory", "/health", "/api/orders"];

/// A web server log of 100 000 lines; about one line in 50 is an ERROR.
pub fn server_log() -> Vec<u8> {
    let mut out = String::with_capacity(7_000_000);
    let mut state: u32 = 12345;
    for i in 0..100_000u32 {
        state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let r = state >> 8;
        let (level, status) = if r.is_multiple_of(50) {
            ("ERROR", 500)
        } else if r.is_multiple_of(11) {
            ("WARN ", 404)
        } else {
            ("INFO ", 200)
        };
        let (h, m, s) = (i / 3600 % 24, i / 60 % 60, i % 60);
        let path = PATHS[(r % PATHS.len() as u32) as usize];
        let ms = 2 + r % 240;
        out.push_str(&format!("2024-03-01T{h:02}:{m:02}:{s:02}Z {level} GET {path} {status} {ms}ms\n"));
    }
    out.into_bytes()
}

/// A CSV of 20 000 sensor readings with a header row.
pub fn measurements_csv() -> Vec<u8> {
    let mut out = String::from("timestamp,sensor,temperature,humidity\n");
    for i in 0..20_000u32 {
        let temp = 18.0 + f64::from(i % 97) / 10.0;
        let hum = 30 + i % 41;
        out.push_str(&format!("{},sensor-{},{temp:.1},{hum}\n", 1_700_000_000 + i * 60, i % 12));
    }
    out.into_bytes()
}

pub fn readme() -> Vec<u8> {
    b"Sample files for memplay snippets:\n\
      server.log        100000 lines of a web server log (about 2% ERROR lines)\n\
      measurements.csv  20000 sensor readings: timestamp,sensor,temperature,humidity\n"
        .to_vec()
}

#[cfg(test)]
mod tests {
    #[test]
    fn log_has_100k_lines_some_errors_and_is_stable() {
        let log = super::server_log();
        let text = std::str::from_utf8(&log).unwrap();
        assert_eq!(text.lines().count(), 100_000);
        let errors = text.lines().filter(|l| l.contains("ERROR")).count();
        assert!((1000..3000).contains(&errors), "{errors}");
        assert_eq!(log, super::server_log());
    }

    #[test]
    fn csv_has_header_and_rows() {
        let csv = String::from_utf8(super::measurements_csv()).unwrap();
        assert!(csv.starts_with("timestamp,sensor,temperature,humidity\n"));
        assert_eq!(csv.lines().count(), 20_001);
    }
}
