//! When an input is complete, following CPython's interactive prompt:
//!
//! - a simple statement runs as soon as its line is complete; an open
//!   bracket, an unterminated triple-quoted string or a backslash at the
//!   end of the line asks for more (`... `);
//! - a compound statement (`def`, `class`, `if`, `for`, `while`, `try`,
//!   `with`, `match`, decorators, their `async` forms) continues until a
//!   blank line, even when it fits on one line (`if x: f()`);
//! - a blank line ends the input; if the statement is still unfinished
//!   (a block header without a body, a `try` without handlers) it goes to
//!   the compiler, which reports CPython's error. Inside brackets or a
//!   triple-quoted string a blank line is just part of the input.
//!
//! Also here: how far the next `... ` line is pre-indented.

use crate::ast::StmtKind;
use crate::repl::scan::{scan, Kind};

/// Spaces per indentation level.
pub const INDENT: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Nothing to run (blank or comment-only first line).
    Empty,
    /// Run it.
    Complete,
    /// Ask for another line, pre-indented with this text.
    More(String),
}

/// Classify the lines typed so far (without newlines).
pub fn classify(lines: &[String]) -> Status {
    let Some(last) = lines.last() else { return Status::Empty };
    if lines.len() == 1 && is_blank_or_comment(last) && !scan(last).open_string {
        return Status::Empty;
    }
    let text = join(lines);
    let last_blank = lines.len() > 1 && last.trim().is_empty();
    match crate::parser::parse_interactive(&text) {
        Ok(m) => {
            let compound = m.body.first().is_some_and(|s| is_compound(&s.kind));
            if compound && !last_blank {
                Status::More(next_indent(lines))
            } else {
                Status::Complete
            }
        }
        Err(e) if e.incomplete => {
            if !last_blank {
                return Status::More(next_indent(lines));
            }
            // A blank line inside brackets or a string is content; any
            // other unfinished statement is reported.
            let s = scan(&text);
            if !s.open.is_empty() || s.open_string {
                Status::More(next_indent(lines))
            } else {
                Status::Complete
            }
        }
        Err(_) => Status::Complete,
    }
}

/// The lines as one source text.
pub fn join(lines: &[String]) -> String {
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn is_blank_or_comment(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#')
}

fn is_compound(k: &StmtKind) -> bool {
    matches!(
        k,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::Try { .. }
            | StmtKind::With { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
            | StmtKind::Match { .. }
    )
}

/// Leading whitespace of a line.
fn leading(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

/// Indentation for the next continuation line: the last code line's,
/// one level deeper after a block header (a line ending in `:`) or a line
/// leaving a bracket open, one level shallower after `return`, `pass`, `raise`,
/// `break` or `continue`. Nothing inside a triple-quoted string.
pub fn next_indent(lines: &[String]) -> String {
    let text = join(lines);
    let whole = scan(&text);
    if whole.open_string {
        return String::new();
    }
    let Some(last) = lines.iter().rev().find(|l| !l.trim().is_empty()) else { return String::new() };
    let mut indent = leading(last).to_string();
    let line = scan(last);
    let code: Vec<_> = line.tokens.iter().filter(|t| t.kind != Kind::Comment).collect();
    let Some(final_tok) = code.last() else { return indent };
    let final_text = &last[final_tok.start..final_tok.end];
    let opens_bracket = !line.open.is_empty() || final_tok.kind == Kind::Open;
    if opens_bracket || (final_text == ":" && whole.open.is_empty()) {
        indent.push_str(&" ".repeat(INDENT));
        return indent;
    }
    if whole.open.is_empty() && !whole.backslash {
        let first = code.first().map(|t| &last[t.start..t.end]).unwrap_or("");
        if matches!(first, "return" | "pass" | "raise" | "break" | "continue") {
            let keep = indent.len().saturating_sub(INDENT);
            indent.truncate(keep);
        }
    }
    indent
}

/// Whether a backspace with `before` left of the cursor removes one
/// indentation level (up to `INDENT` leading spaces) instead of a
/// character: when `before` is all spaces.
pub fn backspace_dedents(before: &str) -> bool {
    !before.is_empty() && before.bytes().all(|b| b == b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(src: &[&str]) -> Status {
        let lines: Vec<String> = src.iter().map(|s| s.to_string()).collect();
        classify(&lines)
    }

    fn more(s: &str) -> Status {
        Status::More(s.to_string())
    }

    #[test]
    fn simple_statements_run_at_once() {
        assert_eq!(status(&["x = 1"]), Status::Complete);
        assert_eq!(status(&["print(1); print(2)"]), Status::Complete);
        assert_eq!(status(&["await asyncio.sleep(0.1)"]), Status::Complete);
        assert_eq!(status(&["x = = 1"]), Status::Complete);
        assert_eq!(status(&["   x = 1"]), Status::Complete);
    }

    #[test]
    fn empty_input() {
        assert_eq!(status(&[""]), Status::Empty);
        assert_eq!(status(&["   "]), Status::Empty);
        assert_eq!(status(&["# just a comment"]), Status::Empty);
    }

    #[test]
    fn brackets_strings_backslash() {
        assert_eq!(status(&["x = (1,"]), more("    "));
        assert_eq!(status(&["x = (1,", "     2)"]), Status::Complete);
        assert_eq!(status(&["x = [", ""]), more("    "));
        assert_eq!(status(&["s = '''a"]), more(""));
        assert_eq!(status(&["s = '''a", "", "b'''"]), Status::Complete);
        assert_eq!(status(&["x = 1 + \\"]), more(""));
        assert_eq!(status(&["x = 1 + \\", "2"]), Status::Complete);
    }

    #[test]
    fn compound_statements_wait_for_blank_line() {
        assert_eq!(status(&["def f():"]), more("    "));
        assert_eq!(status(&["def f():", "    return 1"]), more(""));
        assert_eq!(status(&["def f():", "    return 1", ""]), Status::Complete);
        assert_eq!(status(&["if True: print(1)"]), more(""));
        assert_eq!(status(&["if True: print(1)", ""]), Status::Complete);
        assert_eq!(status(&["for i in range(3):", "    if i:", "        print(i)"]), more("        "));
        assert_eq!(status(&["@dec"]), more(""));
        assert_eq!(status(&["async def f():", "    await g()", "    "]), Status::Complete);
        assert_eq!(status(&["try:", "    pass"]), more(""));
        assert_eq!(status(&["class C:", "    x = 1", ""]), Status::Complete);
    }

    #[test]
    fn unfinished_blocks_are_reported_on_blank_line() {
        assert_eq!(status(&["if x:", ""]), Status::Complete);
        assert_eq!(status(&["try:", "    pass", ""]), Status::Complete);
        assert_eq!(status(&["@dec", ""]), Status::Complete);
    }

    #[test]
    fn dedent_after_return() {
        assert_eq!(status(&["def f(x):", "    if x:", "        return 1"]), more("    "));
    }

    #[test]
    fn backspace_over_indentation() {
        assert!(backspace_dedents("        "));
        assert!(!backspace_dedents(""));
        assert!(!backspace_dedents("  x"));
    }
}
