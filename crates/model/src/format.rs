/// Bytes in the unit a person reads best: `812 B`, `113 KiB`, `9.0 MiB`, `1.50 GiB`.
pub fn format_bytes(bytes: f64) -> String {
    const UNITS: [&str; 4] = ["KiB", "MiB", "GiB", "TiB"];
    let sign = if bytes < 0.0 { "-" } else { "" };
    let mut value = bytes.abs();
    if value < 1024.0 {
        return format!("{sign}{value:.0} B");
    }
    let mut unit = UNITS[0];
    value /= 1024.0;
    for next in &UNITS[1..] {
        // Decided after rounding, so 1023.9 KiB reads "1.0 MiB", not "1024 KiB".
        if value.round() < 1024.0 {
            break;
        }
        value /= 1024.0;
        unit = next;
    }
    let digits = if value >= 100.0 { 0 } else { 1 };
    format!("{sign}{value:.digits$} {unit}")
}

/// Memory something held, as a reader can take it: below zero (a run that freed memory
/// made before it started) nothing is held, and the words say how much was freed:
/// `0 B (freed 244 B)`.
pub fn format_held(bytes: i64) -> String {
    if bytes < 0 { format!("0 B (freed {})", format_bytes(-bytes as f64)) } else { format_bytes(bytes as f64) }
}

/// Milliseconds as `0.42 ms`, `12.3 ms`, `1.52 s`.
pub fn format_ms(ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{:.2} s", ms / 1000.0)
    } else if ms >= 10.0 {
        format!("{ms:.1} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// "1,234,567": a count with its thousands grouped.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn held_memory_is_never_below_zero() {
        assert_eq!(format_held(-244), "0 B (freed 244 B)");
        assert_eq!(format_held(2048), "2.0 KiB");
    }

    #[test]
    fn bytes_pick_a_readable_unit() {
        assert_eq!(format_bytes(0.0), "0 B");
        assert_eq!(format_bytes(812.0), "812 B");
        assert_eq!(format_bytes(113.0 * 1024.0), "113 KiB");
        assert_eq!(format_bytes(9.0 * 1024.0 * 1024.0), "9.0 MiB");
        assert_eq!(format_bytes(15.5 * 1024.0 * 1024.0), "15.5 MiB");
        assert_eq!(format_bytes(-2048.0), "-2.0 KiB");
        assert_eq!(format_bytes(3.0 * 1024f64.powi(4)), "3.0 TiB");
        assert_eq!(format_bytes(1_048_575.0), "1.0 MiB");
        assert_eq!(format_bytes(1_048_000.0), "1023 KiB");
    }

    #[test]
    fn times_pick_a_readable_unit() {
        assert_eq!(format_ms(0.421), "0.42 ms");
        assert_eq!(format_ms(12.34), "12.3 ms");
        assert_eq!(format_ms(1520.0), "1.52 s");
    }
}
