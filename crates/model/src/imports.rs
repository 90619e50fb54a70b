//! Finds the modules a snippet imports, so they can be imported before the baseline: the
//! one rule, read by the engine (run.rs) and sent to the CPython check in its request.

/// Module names from `import a.b, c as d` and `from x.y import z` lines, in order, without
/// duplicates. Relative imports are skipped. A best-effort scan of the text: an import
/// inside a string is found too, and warming it up does no harm.
pub fn imported_modules(source: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut add = |name: &str| {
        let valid = !name.is_empty()
            && name.split('.').all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '_'));
        if valid && !found.iter().any(|f| f == name) {
            found.push(name.to_owned());
        }
    };
    for line in source.lines() {
        for stmt in line.split(';') {
            let stmt = stmt.split('#').next().unwrap_or("").trim();
            if let Some(rest) = stmt.strip_prefix("import ") {
                for part in rest.split(',') {
                    add(part.split_whitespace().next().unwrap_or(""));
                }
            } else if let Some(rest) = stmt.strip_prefix("from ") {
                let module = rest.split_whitespace().next().unwrap_or("");
                if !module.starts_with('.') && rest.contains(" import") {
                    add(module);
                }
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::imported_modules;

    #[test]
    fn finds_plain_dotted_aliased_and_from_imports() {
        let src = "import json, zlib as z\nfrom array import array\n  import lz4.frame\nfrom . import x\nimport json\nx = 1; import gzip # comment\n";
        assert_eq!(imported_modules(src), ["json", "zlib", "array", "lz4.frame", "gzip"]);
    }

    #[test]
    fn ignores_non_imports() {
        assert!(imported_modules("important = 1\nfromage = 2\nprint('import')\n").is_empty());
    }
}
