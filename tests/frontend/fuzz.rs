//! Property-style robustness tests: random bytes, random token soup, and
//! mutations of valid programs must never make the front end panic.

use aiopy::parser::{parse_expression, parse_interactive, parse_module};

/// A small deterministic PRNG (xorshift64*), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// More iterations with `FUZZ_SCALE=100 cargo test --release --test fuzz`.
fn scale() -> usize {
    std::env::var("FUZZ_SCALE").ok().and_then(|s| s.parse().ok()).unwrap_or(1)
}

fn all_modes(src: &str) {
    let r = std::panic::catch_unwind(|| {
        let _ = parse_module(src);
        let _ = parse_interactive(src);
        let _ = parse_expression(src);
    });
    assert!(r.is_ok(), "panic on input {src:?}");
}

const PIECES: &[&str] = &[
    "x", "y", "_", "match", "case", "print", "1", "0x1f", "1.5", "2j", "1e5", "'s'", "\"d\"", "'''t'''", "f'{x}'",
    "f'{x=}'", "f'{x!r:>{w}}'", "b'b'", "rb'\\d'", "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "...", "=",
    "==", "!=", "<", ">", "<=", ">=", "+", "-", "*", "**", "/", "//", "%", "@", "|", "&", "^", "~", "<<",
    ">>", "+=", "-=", ":=", "->", "if", "elif", "else", "for", "in", "while", "def", "class", "return",
    "yield", "lambda", "not", "and", "or", "is", "None", "True", "False", "try", "except", "finally", "with",
    "as", "async", "await", "import", "from", "global", "nonlocal", "del", "pass", "break", "continue",
    "raise", "assert", "\n", "\n    ", "\n        ", "\t", " ", "\\\n", "#c\n", "'", "\"", "f'{", "}", "€",
    "\u{a0}", "0777", "1_", "\0", "\r\n",
];

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _ in 0..3000 * scale() {
        let len = rng.below(80);
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        all_modes(&String::from_utf8_lossy(&bytes));
        let ascii: String = (0..len).map(|_| (32 + rng.below(95)) as u8 as char).collect();
        all_modes(&ascii);
    }
}

#[test]
fn token_soup_never_panics() {
    let mut rng = Rng(12345);
    for _ in 0..4000 * scale() {
        let n = 1 + rng.below(30);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[rng.below(PIECES.len())]);
            if rng.below(3) == 0 {
                s.push(' ');
            }
        }
        all_modes(&s);
    }
}

const VALID: &str = r#"
import os, sys as system
from .mod import (a as b, c)
@decorator(arg=1)
class Point(Base, metaclass=Meta):
    x: int = 0
    def __init__(self, x, /, y=2, *args, z, **kw) -> None:
        self.x, self.y = x, y
        print(f"{x!r:>{width}} {y=}", *args, sep='')
    async def run(self):
        async with self.lock as l:
            return [i async for i in aiter() if await i]
match command.split():
    case [action, *rest] if rest:
        pass
    case {"k": v, **kw} | Point(x=0, y=_):
        pass
try:
    x = (yield) if a else lambda q, *, r=1: q ** -r
except* (E1, E2) as e:
    raise RuntimeError("bad") from e
while (n := next(it)) is not None:
    del a[1:2, ::3], b.c
"#;

#[test]
fn mutated_programs_never_panic() {
    let mut rng = Rng(777);
    let chars: Vec<char> = VALID.chars().collect();
    for _ in 0..1500 * scale() {
        let mut v = chars.clone();
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(v.len());
            match rng.below(3) {
                0 => {
                    v.remove(i);
                }
                1 => {
                    let p = PIECES[rng.below(PIECES.len())];
                    for (k, c) in p.chars().enumerate() {
                        v.insert(i + k, c);
                    }
                }
                _ => {
                    let j = rng.below(v.len());
                    v.swap(i, j);
                }
            }
        }
        let s: String = v.into_iter().collect();
        all_modes(&s);
    }
}

#[test]
fn every_prefix_of_a_program_is_handled() {
    let chars: Vec<(usize, char)> = VALID.char_indices().collect();
    for &(i, _) in &chars {
        all_modes(&VALID[..i]);
    }
}
