//! No-panic smoke test: mutated golden programs (truncated, lines deleted
//! or duplicated, tokens swapped, stray characters inserted; a fixed seed)
//! must never make aiopy panic (exit 101, "panicked") or die by a signal.
//! Any Python-level error is fine. Runs in a few seconds.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const MUTANTS: usize = 160;
const TIMEOUT: Duration = Duration::from_secs(3);

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn golden_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            golden_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") && !p.to_string_lossy().contains("big_100k") {
            out.push(p);
        }
    }
}

const INSERTS: &[&str] = &["(", ")", "[", "]", "{", "}", ":", "\n", " ", "\t", "'", "\"", "\\", "async ", "await ", "yield ", "*", "**", "lambda", "=", ":=", "f'{", "0x", "1e", "\u{e9}", "#", ",", ".", "@", "\0"];

fn char_floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, src: &str) -> String {
    let mut lines: Vec<&str> = src.split('\n').collect();
    match rng.below(6) {
        0 => return src[..char_floor(src, rng.below(src.len() + 1))].to_string(),
        1 => {
            lines.remove(rng.below(lines.len()));
        }
        2 => {
            let l = lines[rng.below(lines.len())];
            lines.insert(rng.below(lines.len()), l);
        }
        3 => {
            // Swap two words.
            let words: Vec<&str> = src.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|w| !w.is_empty()).collect();
            if words.len() > 2 {
                let (a, b) = (words[rng.below(words.len())], words[rng.below(words.len())]);
                return src.replacen(a, b, 1);
            }
        }
        4 => {
            let p = char_floor(src, rng.below(src.len() + 1));
            return format!("{}{}{}", &src[..p], INSERTS[rng.below(INSERTS.len())], &src[p..]);
        }
        _ => {
            let i = rng.below(lines.len());
            let owned;
            if rng.below(2) == 0 {
                lines[i] = lines[i].trim_start();
            } else {
                owned = format!("    {}", lines[i]);
                return lines.iter().enumerate().map(|(j, l)| if j == i { owned.as_str() } else { l }).collect::<Vec<_>>().join("\n");
            }
        }
    }
    lines.join("\n")
}

/// Run one program; `Some(description)` if aiopy crashed.
fn run(exe: &Path, dir: &Path, file: &Path) -> Option<String> {
    let mut child = Command::new(exe)
        .args(["--virtual-clock", "--seed", "0"])
        .arg(file)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn aiopy");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Ok(Some(s)) = child.try_wait() {
            break Some(s);
        }
        if start.elapsed() > TIMEOUT {
            // A mutant may loop for ever: not a crash.
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let err = String::from_utf8_lossy(&reader.join().unwrap_or_default()).to_string();
    let status = status?;
    use std::os::unix::process::ExitStatusExt;
    if status.code() == Some(101) || status.signal().is_some() || err.contains("panicked") {
        let tail: String = err.lines().rev().take(4).collect::<Vec<_>>().join(" | ");
        return Some(format!("{} (status {:?}): {}", file.display(), status, tail));
    }
    None
}

#[test]
fn mutated_programs_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let exe = PathBuf::from(env!("CARGO_BIN_EXE_aiopy"));
    let mut files = Vec::new();
    golden_files(&root.join("tests/golden"), &mut files);
    assert!(!files.is_empty());
    let work = std::env::temp_dir().join(format!("aiopy_fuzz_smoke_{}", std::process::id()));
    std::fs::create_dir_all(&work).expect("temp dir");
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut mutants = Vec::new();
    for i in 0..MUTANTS {
        let f = &files[rng.below(files.len())];
        let src = String::from_utf8_lossy(&std::fs::read(f).expect("read golden")).to_string();
        let mut m = src;
        for _ in 0..1 + rng.below(3) {
            if !m.is_empty() {
                m = mutate(&mut rng, &m);
            }
        }
        let p = work.join(format!("m{}.py", i));
        std::fs::write(&p, m).expect("write mutant");
        mutants.push(p);
    }
    // Two workers: the runs are independent processes.
    let chunks: Vec<Vec<PathBuf>> = (0..2).map(|k| mutants.iter().skip(k).step_by(2).cloned().collect()).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let (exe, work) = (exe.clone(), work.clone());
            std::thread::spawn(move || chunk.iter().filter_map(|p| run(&exe, &work, p)).collect::<Vec<_>>())
        })
        .collect();
    let crashes: Vec<String> = handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect();
    if crashes.is_empty() {
        let _ = std::fs::remove_dir_all(&work);
    }
    assert!(crashes.is_empty(), "aiopy crashed on {} mutant(s) (kept in {}):\n{}", crashes.len(), work.display(), crashes.join("\n"));
}
