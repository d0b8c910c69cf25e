//! Light syntax colouring of the line being edited (keywords, strings,
//! numbers, comments) and the bracket matching the one at the cursor.
//! Only ANSI colour codes are added, so the text keeps its width.

use crate::repl::complete::KEYWORDS;
use crate::repl::scan::{scan, Kind, Scan};

const KEYWORD: &str = "\x1b[1;35m";
const STRING: &str = "\x1b[32m";
const NUMBER: &str = "\x1b[36m";
const COMMENT: &str = "\x1b[90m";
const BRACKET: &str = "\x1b[1;4;33m";
const RESET: &str = "\x1b[0m";

/// Soft keywords coloured like keywords.
const SOFT: &[&str] = &["match", "case"];

/// The coloured line; `bracket` is the offset of a bracket to mark.
pub fn colour(line: &str, bracket: Option<usize>) -> String {
    let s = scan(line);
    let mut out = String::with_capacity(line.len() * 2);
    let mut at = 0;
    for t in &s.tokens {
        let text = &line[t.start..t.end];
        let style = match t.kind {
            Kind::Name if KEYWORDS.contains(&text) || SOFT.contains(&text) => Some(KEYWORD),
            Kind::Str => Some(STRING),
            Kind::Number => Some(NUMBER),
            Kind::Comment => Some(COMMENT),
            Kind::Open | Kind::Close if bracket == Some(t.start) => Some(BRACKET),
            _ => None,
        };
        if let Some(style) = style {
            out.push_str(&line[at..t.start]);
            out.push_str(style);
            out.push_str(text);
            out.push_str(RESET);
            at = t.end;
        }
    }
    out.push_str(&line[at..]);
    out
}

/// The bracket matching the one under or just before the cursor.
pub fn matching_bracket(line: &str, pos: usize) -> Option<usize> {
    let s = scan(line);
    let here = bracket_at(&s, pos).or_else(|| pos.checked_sub(1).and_then(|p| bracket_at(&s, p)))?;
    let idx = s.tokens.iter().position(|t| t.start == here)?;
    let tok = s.tokens[idx];
    if tok.kind == Kind::Open {
        let mut depth = 0usize;
        for t in &s.tokens[idx..] {
            match t.kind {
                Kind::Open => depth += 1,
                Kind::Close => {
                    depth -= 1;
                    if depth == 0 {
                        return pairs(line, here, t.start).then_some(t.start);
                    }
                }
                _ => {}
            }
        }
    } else {
        let mut depth = 0usize;
        for t in s.tokens[..=idx].iter().rev() {
            match t.kind {
                Kind::Close => depth += 1,
                Kind::Open => {
                    depth -= 1;
                    if depth == 0 {
                        return pairs(line, t.start, here).then_some(t.start);
                    }
                }
                _ => {}
            }
        }
    }
    None
}

fn bracket_at(s: &Scan, at: usize) -> Option<usize> {
    s.tokens.iter().find(|t| t.start == at && matches!(t.kind, Kind::Open | Kind::Close)).map(|t| t.start)
}

fn pairs(line: &str, open: usize, close: usize) -> bool {
    matches!((line.as_bytes()[open], line.as_bytes()[close]), (b'(', b')') | (b'[', b']') | (b'{', b'}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strip(s: &str) -> String {
        let mut out = String::new();
        let mut in_esc = false;
        for c in s.chars() {
            match (in_esc, c) {
                (false, '\x1b') => in_esc = true,
                (true, 'm') => in_esc = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }

    #[test]
    fn colouring_keeps_text() {
        for line in ["def f(x): return 'a' + 1 # c", "é = \"unterminated", "async for x in y:", ""] {
            assert_eq!(strip(&colour(line, matching_bracket(line, 5))), line);
        }
        assert!(colour("if x:", None).contains(KEYWORD));
    }

    #[test]
    fn brackets() {
        assert_eq!(matching_bracket("f(a[1], (b))", 1), Some(11));
        assert_eq!(matching_bracket("f(a[1], (b))", 12), Some(1));
        assert_eq!(matching_bracket("f(a[1], (b))", 7), None);
        assert_eq!(matching_bracket("f(a[1], (b))", 3), Some(5));
        assert_eq!(matching_bracket("f(a[1], (b))", 6), Some(3));
        assert_eq!(matching_bracket("f(')'", 1), None);
        assert_eq!(matching_bracket("(]", 0), None);
    }
}
