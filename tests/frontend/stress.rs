//! Nesting stress: pathological nesting fails cleanly, fast, and without
//! deep recursion (see `perf.rs` for the large-file timing test).

use aiopy::parser::{parse_expression, parse_module};
use std::time::{Duration, Instant};

fn expect_error(src: &str, msg: &str) {
    let t = Instant::now();
    let e = parse_module(src).expect_err("must fail");
    assert!(e.msg.contains(msg), "got {:?}", e.msg);
    assert!(t.elapsed() < Duration::from_secs(5));
}

#[test]
fn ten_thousand_parentheses() {
    let src = "(".repeat(10_000);
    let e = parse_module(&src).unwrap_err();
    assert_eq!(e.msg, "too many nested parentheses");
    assert_eq!(e.span.start, 200);
    let src = format!("x = {}1{}\n", "(".repeat(10_000), ")".repeat(10_000));
    expect_error(&src, "too many nested parentheses");
    let src = format!("x = {}\n", "[".repeat(199) + &"]".repeat(199));
    assert!(parse_module(&src).is_ok());
}

#[test]
fn deep_chains_fail_cleanly() {
    let n = 100_000;
    expect_error(&format!("x = {}1\n", "-".repeat(n)), "too many nested");
    expect_error(&format!("x = {}1\n", "not ".repeat(n)), "too many nested");
    expect_error(&format!("x = 1{}\n", "+1".repeat(n)), "too many nested");
    expect_error(&format!("x = 2{}\n", "**2".repeat(n)), "too many nested");
    expect_error(&format!("x = a{}\n", ".b".repeat(n)), "too many nested");
    expect_error(&format!("x = f{}\n", "()".repeat(n)), "too many nested");
    expect_error(&format!("x = a{}\n", "[0]".repeat(n)), "too many nested");
    expect_error(&format!("x = {}1\n", "lambda: ".repeat(n)), "too many nested");
    expect_error(&format!("x = {}1\n", "a if b else ".repeat(n)), "too many nested");
    // Long but flat constructs are fine.
    assert!(parse_module(&format!("x = [{}]\n", "1, ".repeat(n))).is_ok());
    assert!(parse_module(&format!("x = a{}\n", " and a".repeat(n))).is_ok());
    assert!(parse_module(&format!("x = a{}\n", " < a".repeat(n))).is_ok());
    assert!(parse_module(&format!("x = 1{}\n", " + 1".repeat(500))).is_ok());
    assert!(parse_expression(&format!("'a'{}", " 'b'".repeat(n))).is_ok());
}

#[test]
fn deep_indentation() {
    let mut src = String::new();
    for i in 0..99 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(99));
    src.push_str("pass\n");
    assert!(parse_module(&src).is_ok());
    let mut src = String::new();
    for i in 0..120 {
        src.push_str(&" ".repeat(i));
        src.push_str("if x:\n");
    }
    src.push_str(&" ".repeat(120));
    src.push_str("pass\n");
    let e = parse_module(&src).unwrap_err();
    assert_eq!(e.msg, "too many levels of indentation");
}

#[test]
fn many_lines_of_blank_and_comments() {
    let src = "# comment\n\n   \n\t# indented comment\n".repeat(50_000) + "x = 1\n";
    let m = parse_module(&src).unwrap();
    assert_eq!(m.body.len(), 1);
}
