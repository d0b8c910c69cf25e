//! Real-world corpora: every `.py` file under `/work/shared/seed/` must
//! parse, and (when present on the machine) so must CPython's own standard
//! library. (`tools/compare.py ast DIR` compares the resulting ASTs with
//! CPython's, positions included.)

use aiopy::parser::parse_module;
use std::path::{Path, PathBuf};

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            python_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

fn parse_all(dir: &str) -> (usize, Vec<String>) {
    let mut files = Vec::new();
    python_files(Path::new(dir), &mut files);
    let mut failures = Vec::new();
    let mut parsed = 0;
    for f in &files {
        let Ok(src) = std::fs::read_to_string(f) else { continue };
        parsed += 1;
        if let Err(e) = parse_module(&src) {
            failures.push(format!("{}: {e} at {:?}", f.display(), e.span));
        }
    }
    (parsed, failures)
}

#[test]
fn seed_files_parse() {
    let dir = "/work/shared/seed";
    if !Path::new(dir).exists() {
        eprintln!("{dir} not found; skipping");
        return;
    }
    let (n, failures) = parse_all(dir);
    assert!(n > 0, "no .py files under {dir}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// CPython's standard library (Debian's python3.11 package), if installed.
#[test]
fn cpython_stdlib_parses() {
    let dir = "/usr/lib/python3.11";
    if !Path::new(dir).exists() {
        eprintln!("{dir} not found; skipping");
        return;
    }
    let (n, failures) = parse_all(dir);
    eprintln!("parsed {n} stdlib files");
    // A few files in the test suite are deliberately invalid.
    let unexpected: Vec<_> = failures.iter().filter(|f| !f.contains("/test/") && !f.contains("bad")).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}
