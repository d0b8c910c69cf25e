//! Developer tool for differential testing against CPython (see
//! `tools/compare.py`):
//!
//! ```text
//! pyfront dump FILE...      canonical AST dump (or the SyntaxError)
//! pyfront errors FILE       FILE: one hex-encoded snippet per line;
//!                           prints one result line per snippet
//! pyfront time FILE         parse time
//! ```

#[path = "../tests/support/dump.rs"]
mod dump;

use aiopy::parser::{parse_expression, parse_interactive, parse_module};
use aiopy::source::{SourceFile, SyntaxError};

fn describe(src: &str, e: &SyntaxError) -> String {
    let f = SourceFile::new("x.py", src);
    let (line, col) = f.line_col(e.span.start);
    let (eline, ecol) = f.line_col(e.span.end);
    format!(
        "{}|{}|{}|{}|{}|{}|{}",
        e.kind.name(),
        e.msg,
        line,
        col + 1,
        eline,
        ecol + 1,
        if e.incomplete { "incomplete" } else { "complete" }
    )
}

fn unhex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect();
    String::from_utf8_lossy(&bytes).into_owned()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("dump") => {
            for path in &args[2..] {
                let src = std::fs::read_to_string(path).expect("read");
                match parse_module(&src) {
                    Ok(m) => print!("{}", dump::dump_module(&src, &m)),
                    Err(e) => println!("ERROR {}", describe(&src, &e)),
                }
            }
        }
        Some("errors") => {
            let text = std::fs::read_to_string(&args[2]).expect("read");
            for line in text.lines() {
                let (mode, hex) = line.split_once(' ').unwrap_or(("exec", line));
                let src = unhex(hex);
                let r = match mode {
                    "eval" => parse_expression(&src).map(|_| ()),
                    "single" => parse_interactive(&src).map(|_| ()),
                    _ => parse_module(&src).map(|_| ()),
                };
                match r {
                    Ok(()) => println!("OK"),
                    Err(e) => println!("{}", describe(&src, &e)),
                }
            }
        }
        Some("time") => {
            let src = std::fs::read_to_string(&args[2]).expect("read");
            let t = std::time::Instant::now();
            let r = parse_module(&src);
            let dt = t.elapsed();
            println!("{} statements, {:?}", r.map(|m| m.body.len()).unwrap_or(0), dt);
        }
        _ => eprintln!("usage: pyfront dump|errors|time FILE"),
    }
}
