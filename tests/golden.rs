//! Golden tests: every `tests/golden/**/NAME.py` is run under the built
//! `aiopy` (`--virtual-clock --seed 0`, working directory = its folder)
//! and compared with what CPython 3.11 produced for it through
//! `../shared/tools/pyref.py --seed 0` (regenerate with
//! `python3 tests/regen.py`):
//!
//! - `NAME.out`: stdout, byte for byte (as a sorted multiset of lines when
//!   NAME.py is listed in an `UNORDERED` file in its folder; hex addresses
//!   are masked as pydiff does);
//! - `NAME.exit` + `NAME.err` (only when CPython exited non-zero): the exit
//!   status and the last non-empty line of stderr;
//! - `NAME.stderr` (programs in a `tracebacks` folder): the whole stderr,
//!   without CPython's `^^^` marker lines, which aiopy does not draw.
//!
//! `tests/golden/KNOWN_FAILING` lists programs (paths relative to
//! `tests/golden`) that are known not to match yet: they still run, their
//! mismatches are reported but do not fail the test, and one that starts
//! passing is reported so it can be taken off the list. The list is the
//! honest to-do of the suite and should shrink to nothing.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::Duration;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
        } else if p.extension().map(|e| e == "py").unwrap_or(false) && p.with_extension("out").exists() {
            out.push(p);
        }
    }
}

fn mask_addresses(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'0' && i + 2 < b.len() && (b[i + 1] == b'x') && b[i + 2].is_ascii_hexdigit() {
            out.push_str("0x?");
            i += 2;
            while i < b.len() && b[i].is_ascii_hexdigit() {
                i += 1;
            }
            continue;
        }
        let ch = s[i..].chars().next().unwrap();
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn normalise(s: &str, unordered: bool) -> String {
    let s = mask_addresses(s);
    if unordered {
        let mut lines: Vec<&str> = s.lines().collect();
        lines.sort();
        lines.join("\n")
    } else {
        s
    }
}

fn listed_unordered(py: &Path) -> bool {
    let list = py.parent().unwrap().join("UNORDERED");
    match std::fs::read_to_string(list) {
        Ok(text) => {
            let name = py.file_name().unwrap().to_string_lossy().to_string();
            text.split_whitespace().any(|w| w == name)
        }
        Err(_) => false,
    }
}

fn last_line(s: &str) -> String {
    s.lines().filter(|l| !l.trim().is_empty()).last().unwrap_or("").trim().to_string()
}

/// Stderr without lines of `^`/`~` position markers (also inside the
/// margins of exception-group boxes), as `tests/regen.py` stores it.
fn without_marker_lines(s: &str) -> String {
    s.split_inclusive('\n')
        .filter(|l| {
            let body = l.trim().trim_start_matches('|').trim();
            body.is_empty() || !body.chars().all(|c| c == '^' || c == '~')
        })
        .collect()
}

/// "stdout differs at line N" with both versions of that line.
fn first_difference(what: &str, expected: &str, got: &str) -> String {
    let exp: Vec<&str> = expected.lines().collect();
    let got: Vec<&str> = got.lines().collect();
    let first = exp.iter().zip(got.iter()).position(|(a, b)| a != b).unwrap_or(exp.len().min(got.len()));
    format!(
        "{} differs at line {}:\n    CPython: {:?}\n    aiopy:   {:?}",
        what,
        first + 1,
        exp.get(first).copied().unwrap_or("<end>"),
        got.get(first).copied().unwrap_or("<end>")
    )
}

/// Run one golden program; `Err(description)` on mismatch.
fn check(py: &Path) -> Result<(), String> {
    let exe = env!("CARGO_BIN_EXE_aiopy");
    let dir = py.parent().unwrap();
    let mut child = Command::new(exe)
        .args(["--virtual-clock", "--seed", "0"])
        .arg(py.file_name().unwrap())
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .stdin(std::process::Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start aiopy: {}", e))?;
    // Drain both pipes on their own threads (a long traceback must not
    // fill a pipe and stall the child), with a watchdog so a hang fails
    // the test instead of stalling CI.
    use std::io::Read;
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = std::time::Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > Duration::from_secs(30) => {
                let _ = child.kill();
                return Err("timed out after 30 s".into());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => return Err(e.to_string()),
        }
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).to_string();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).to_string();
    let code = status.code().unwrap_or(-1);
    let expected = std::fs::read_to_string(py.with_extension("out")).unwrap_or_default();
    let want_code: i32 = std::fs::read_to_string(py.with_extension("exit")).ok().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    let unordered = listed_unordered(py);
    let mut problems = Vec::new();
    if code != want_code {
        problems.push(format!("exit status {} (CPython {})", code, want_code));
    }
    if normalise(&stdout, unordered) != normalise(&expected, unordered) {
        problems.push(first_difference("stdout", &expected, &stdout));
    }
    if want_code != 0 {
        let want_err = std::fs::read_to_string(py.with_extension("err")).unwrap_or_default();
        if last_line(&stderr) != want_err.trim() {
            problems.push(format!("last stderr line {:?} (CPython {:?})", last_line(&stderr), want_err.trim()));
        }
    }
    if let Ok(want_full) = std::fs::read_to_string(py.with_extension("stderr")) {
        let got_full = without_marker_lines(&stderr);
        if got_full != want_full {
            problems.push(first_difference("stderr", &want_full, &got_full));
        }
    }
    if code != want_code && want_code == 0 && !stderr.is_empty() {
        problems.push(format!("stderr:\n{}", stderr.lines().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect::<Vec<_>>().join("\n")));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n  "))
    }
}

fn known_failing(root: &Path) -> Vec<PathBuf> {
    std::fs::read_to_string(root.join("KNOWN_FAILING"))
        .unwrap_or_default()
        .lines()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| root.join(l))
        .collect()
}

#[test]
fn golden_programs_match_cpython() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let known = known_failing(&root);
    let mut files = Vec::new();
    collect(&root, &mut files);
    assert!(!files.is_empty(), "no golden programs found");
    let queue = Arc::new(Mutex::new(files.clone()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(2);
    let handles: Vec<_> = (0..workers)
        .map(|_| {
            let queue = Arc::clone(&queue);
            let failures = Arc::clone(&failures);
            std::thread::spawn(move || loop {
                let next = queue.lock().unwrap().pop();
                let Some(py) = next else { break };
                if let Err(msg) = check(&py) {
                    failures.lock().unwrap().push(format!("{}: {}", py.display(), msg));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let mut failures = failures.lock().unwrap().clone();
    failures.sort();
    let (expected, failures): (Vec<String>, Vec<String>) =
        failures.into_iter().partition(|f| known.iter().any(|k| f.starts_with(&format!("{}:", k.display()))));
    for k in &known {
        if !expected.iter().any(|f| f.starts_with(&format!("{}:", k.display()))) && k.exists() {
            eprintln!("now passing, take it off KNOWN_FAILING: {}", k.display());
        }
    }
    if !expected.is_empty() {
        eprintln!("{} known-failing golden programs still differ:\n{}", expected.len(), expected.join("\n"));
    }
    if !failures.is_empty() {
        panic!("{} of {} golden programs differ from CPython:\n{}", failures.len(), files.len(), failures.join("\n"));
    }
}
