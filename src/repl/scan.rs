//! A forgiving scanner for text being typed: splits a line (or a few) into
//! names, numbers, strings, comments and brackets without ever failing,
//! and says what is still open at the end (brackets, a triple-quoted
//! string, a backslash continuation). The highlighter colours its tokens,
//! the input rules use what is left open, and completion uses it to stay
//! out of strings and comments. The real lexer decides what the code is.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Name,
    Number,
    Str,
    Comment,
    Open,
    Close,
    Op,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    /// Byte range in the scanned text.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub tokens: Vec<Token>,
    /// Unclosed brackets: (bracket byte, offset).
    pub open: Vec<(u8, usize)>,
    /// The text ends inside a string (triple-quoted, or single-quoted on
    /// the last line).
    pub open_string: bool,
    /// The last line ends with a backslash continuation.
    pub backslash: bool,
}

impl Scan {
    /// The token covering byte offset `at`, if any.
    pub fn token_at(&self, at: usize) -> Option<&Token> {
        self.tokens.iter().find(|t| t.start <= at && at < t.end)
    }
}

fn is_ident_start(c: char) -> bool {
    c == '_' || c.is_alphabetic()
}

fn is_ident_char(c: char) -> bool {
    c == '_' || c.is_alphanumeric()
}

/// String prefix letters (`rb`, `f`, `U`, ...) directly before a quote.
fn is_string_prefix(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    matches!(w.as_str(), "r" | "u" | "b" | "f" | "br" | "rb" | "fr" | "rf")
}

pub fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let bytes = text.as_bytes();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '#' => {
                let end = text[i..].find('\n').map_or(text.len(), |n| i + n);
                out.tokens.push(Token { kind: Kind::Comment, start: i, end });
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            '\'' | '"' => {
                let end = string_end(text, i, &mut out);
                out.tokens.push(Token { kind: Kind::Str, start: i, end });
                while chars.peek().is_some_and(|&(j, _)| j < end) {
                    chars.next();
                }
            }
            '(' | '[' | '{' => {
                out.open.push((c as u8, i));
                out.tokens.push(Token { kind: Kind::Open, start: i, end: i + 1 });
            }
            ')' | ']' | '}' => {
                out.open.pop();
                out.tokens.push(Token { kind: Kind::Close, start: i, end: i + 1 });
            }
            '\\' => {
                let rest = &text[i + 1..];
                let line_end = rest.find('\n').map_or(rest.len(), |n| n);
                if rest[..line_end].trim().is_empty() && !rest[line_end..].contains(|ch: char| !ch.is_whitespace()) {
                    out.backslash = true;
                }
                out.tokens.push(Token { kind: Kind::Op, start: i, end: i + 1 });
            }
            c if c.is_ascii_digit() || (c == '.' && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())) => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    let prev = bytes[j - 1];
                    let exp_sign = (d == '+' || d == '-') && (prev == b'e' || prev == b'E') && !text[i..j].starts_with("0x");
                    if d.is_ascii_alphanumeric() || d == '.' || d == '_' || exp_sign {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.tokens.push(Token { kind: Kind::Number, start: i, end });
            }
            c if is_ident_start(c) => {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if is_ident_char(d) {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                let next = bytes.get(end).copied();
                if matches!(next, Some(b'\'' | b'"')) && is_string_prefix(&text[i..end]) {
                    let send = string_end(text, end, &mut out);
                    out.tokens.push(Token { kind: Kind::Str, start: i, end: send });
                    while chars.peek().is_some_and(|&(j, _)| j < send) {
                        chars.next();
                    }
                } else {
                    out.tokens.push(Token { kind: Kind::Name, start: i, end });
                }
            }
            c if c.is_whitespace() => {}
            _ => out.tokens.push(Token { kind: Kind::Op, start: i, end: i + c.len_utf8() }),
        }
    }
    out
}

/// End (exclusive) of the string whose opening quote is at `q`; marks
/// `open_string` when the text ends inside it.
fn string_end(text: &str, q: usize, out: &mut Scan) -> usize {
    let bytes = text.as_bytes();
    let quote = bytes[q];
    let triple = bytes.get(q + 1) == Some(&quote) && bytes.get(q + 2) == Some(&quote);
    let mut i = if triple { q + 3 } else { q + 1 };
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'\\' {
            i += 2;
            continue;
        }
        if triple {
            if b == quote && bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                return i + 3;
            }
        } else if b == quote {
            return i + 1;
        } else if b == b'\n' {
            // An unterminated one-line string stops at the line's end.
            return i;
        }
        i += 1;
    }
    out.open_string = true;
    // `i` may have stepped past the end over a trailing backslash.
    let mut end = i.min(bytes.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        scan(s).tokens.iter().map(|t| (t.kind, &s[t.start..t.end])).collect()
    }

    #[test]
    fn tokens() {
        assert_eq!(
            kinds("x = f(1.5e-3, 'a#b') # c"),
            vec![
                (Kind::Name, "x"),
                (Kind::Op, "="),
                (Kind::Name, "f"),
                (Kind::Open, "("),
                (Kind::Number, "1.5e-3"),
                (Kind::Op, ","),
                (Kind::Str, "'a#b'"),
                (Kind::Close, ")"),
                (Kind::Comment, "# c"),
            ]
        );
        assert_eq!(kinds("rb'x' fr\"{y}\""), vec![(Kind::Str, "rb'x'"), (Kind::Str, "fr\"{y}\"")]);
    }

    #[test]
    fn open_things() {
        let s = scan("x = [1,\n  (2");
        assert_eq!(s.open.iter().map(|o| o.0).collect::<Vec<_>>(), vec![b'[', b'(']);
        assert!(scan("s = '''abc\ndef").open_string);
        assert!(!scan("s = '''abc\ndef'''").open_string);
        assert!(scan("x = 1 + \\").backslash);
        assert!(!scan("x = '\\\\'").backslash);
        assert!(scan("'abc\\").open_string);
        let s = scan("é'");
        assert!(s.open_string);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["\\", "'\\", "\"\"\"\\", "é\\", "0x", "1e", ".", "1.e+", "#", "(((", ")))", "'''", "f'{", "b'\\xé", "\u{1F600}(", "x = 1 \\ # c"] {
            let s = scan(text);
            for t in &s.tokens {
                assert!(t.start < t.end && t.end <= text.len() && text.is_char_boundary(t.start) && text.is_char_boundary(t.end), "{:?}", text);
            }
            let _ = crate::repl::highlight::colour(text, Some(0));
            for pos in 0..=text.len() {
                let _ = crate::repl::highlight::matching_bracket(text, pos);
            }
        }
    }
}
