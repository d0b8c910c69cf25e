//! f-strings, Python 3.11 rules: splitting an f-string body into literal
//! text (with `{{` / `}}` and escapes processed) and replacement fields
//! (`{expr=!r:spec}`), with CPython's error messages. The expression text
//! of each field is handed to a caller-supplied compiler, in source order,
//! so errors come out in the same order as CPython's.

use super::strings::{decode_str, normalize_newlines};
use crate::source::SyntaxError;

/// Bracket nesting allowed inside one replacement field.
const MAX_NESTING: usize = 200;

/// One piece of an f-string (or of a nested format spec).
#[derive(Debug, Clone, PartialEq)]
pub enum Piece<E> {
    /// Literal text, escapes already decoded.
    Literal(String),
    Field(Field<E>),
}

/// A replacement field `{expr [=] [!c] [:spec]}`.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<E> {
    pub expr: E,
    /// For `{expr=}`: the text from after `{` through `=` and any spaces.
    pub debug_text: Option<String>,
    /// `'s'`, `'r'` or `'a'` (implicitly `'r'` for a bare debug field).
    pub conversion: Option<char>,
    pub format_spec: Option<Vec<Piece<E>>>,
    /// Offsets of the `{` and just past the `}`.
    pub start: usize,
    pub end: usize,
}

/// Why an f-string could not be split.
#[derive(Debug, Clone, PartialEq)]
pub enum FError {
    /// CPython's message; it is reported at the end of the string token.
    Msg(String),
    /// An error from compiling an expression part.
    Syntax(SyntaxError),
}

fn msg<T>(m: &str) -> Result<T, FError> {
    Err(FError::Msg(m.to_string()))
}

struct Splitter<'a, 'c, E> {
    src: &'a str,
    b: &'a [u8],
    i: usize,
    end: usize,
    raw: bool,
    compile: &'c mut dyn FnMut(usize, usize) -> Result<E, SyntaxError>,
}

/// Splits the f-string body `src[start..end]`. `compile(a, b)` parses the
/// expression text `src[a..b]` of each field.
pub fn split<E>(
    src: &str,
    start: usize,
    end: usize,
    raw: bool,
    compile: &mut dyn FnMut(usize, usize) -> Result<E, SyntaxError>,
) -> Result<Vec<Piece<E>>, FError> {
    let mut s = Splitter { src, b: src.as_bytes(), i: start, end, raw, compile };
    s.pieces(0)
}

impl<E> Splitter<'_, '_, E> {
    fn decode(&self, from: usize, to: usize, text: &mut String) -> Result<(), FError> {
        if from == to {
            return Ok(());
        }
        let chunk = &self.src[from..to];
        if self.raw {
            text.push_str(&normalize_newlines(chunk));
        } else {
            text.push_str(&decode_str(chunk).map_err(FError::Msg)?);
        }
        Ok(())
    }

    /// Literal text and fields up to the end (level 0) or up to the `}`
    /// closing a format spec (level > 0, left unconsumed).
    fn pieces(&mut self, level: u32) -> Result<Vec<Piece<E>>, FError> {
        let mut out = Vec::new();
        loop {
            let mut text = String::new();
            let mut seg = self.i;
            while self.i < self.end {
                let c = self.b[self.i];
                if !self.raw && c == b'\\' && self.i + 1 < self.end {
                    let e = self.b[self.i + 1];
                    if e == b'N' {
                        self.i += 2;
                        if self.i < self.end && self.b[self.i] == b'{' {
                            while self.i < self.end && self.b[self.i] != b'}' {
                                self.i += 1;
                            }
                            self.i = (self.i + 1).min(self.end);
                        }
                        continue;
                    }
                    self.i += 1;
                    if e != b'{' && e != b'}' {
                        self.i += 1;
                        continue;
                    }
                    continue;
                }
                if c == b'{' || c == b'}' {
                    if level == 0 {
                        if self.i + 1 < self.end && self.b[self.i + 1] == c {
                            self.decode(seg, self.i + 1, &mut text)?;
                            self.i += 2;
                            seg = self.i;
                            continue;
                        }
                        if c == b'}' {
                            return msg("f-string: single '}' is not allowed");
                        }
                    }
                    break;
                }
                self.i += 1;
            }
            self.decode(seg, self.i, &mut text)?;
            if !text.is_empty() {
                out.push(Piece::Literal(text));
            }
            if self.i >= self.end || self.b[self.i] == b'}' {
                return Ok(out);
            }
            let field = self.field(level)?;
            out.push(Piece::Field(field));
        }
    }

    /// At a `{` that opens a replacement field.
    fn field(&mut self, level: u32) -> Result<Field<E>, FError> {
        if level >= 2 {
            return msg("f-string: expressions nested too deeply");
        }
        let start = self.i;
        self.i += 1;
        let expr_start = self.i;
        let mut quote: Option<(u8, bool)> = None;
        let mut stack: Vec<u8> = Vec::new();
        while self.i < self.end {
            let c = self.b[self.i];
            if c == b'\\' {
                return msg("f-string expression part cannot include a backslash");
            }
            if let Some((q, triple)) = quote {
                if c == q {
                    if !triple {
                        quote = None;
                    } else if self.i + 2 < self.end
                        && self.b[self.i + 1] == q
                        && self.b[self.i + 2] == q
                    {
                        self.i += 2;
                        quote = None;
                    }
                }
                self.i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    let triple = self.i + 2 < self.end
                        && self.b[self.i + 1] == c
                        && self.b[self.i + 2] == c;
                    if triple {
                        self.i += 2;
                    }
                    quote = Some((c, triple));
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= MAX_NESTING {
                        return msg("f-string: too many nested parenthesis");
                    }
                    stack.push(c);
                }
                b'#' => return msg("f-string expression part cannot include '#'"),
                b'!' | b':' | b'}' | b'=' | b'<' | b'>' if stack.is_empty() => {
                    let next = self.b.get(self.i + 1).copied().filter(|_| self.i + 1 < self.end);
                    if next == Some(b'=') && matches!(c, b'!' | b'=' | b'<' | b'>') {
                        self.i += 2;
                        continue;
                    }
                    if c != b'<' && c != b'>' {
                        break;
                    }
                }
                b')' | b']' | b'}' => {
                    let Some(open) = stack.pop() else {
                        return Err(FError::Msg(format!("f-string: unmatched '{}'", c as char)));
                    };
                    let ok = matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}'));
                    if !ok {
                        return Err(FError::Msg(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            c as char, open as char
                        )));
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
        let expr_end = self.i;
        if quote.is_some() {
            return msg("f-string: unterminated string");
        }
        if let Some(&open) = stack.last() {
            return Err(FError::Msg(format!("f-string: unmatched '{}'", open as char)));
        }
        if self.i >= self.end {
            return msg("f-string: expecting '}'");
        }
        let text = &self.src[expr_start..expr_end];
        if text.bytes().all(|c| c.is_ascii_whitespace()) {
            let stop = self.b[self.i];
            if matches!(stop, b'!' | b':' | b'=') {
                return Err(FError::Msg(format!("f-string: expression required before '{}'", stop as char)));
            }
            return msg("f-string: empty expression not allowed");
        }
        let expr = (self.compile)(expr_start, expr_end).map_err(FError::Syntax)?;
        let mut debug_text = None;
        if self.b[self.i] == b'=' {
            self.i += 1;
            while self.i < self.end && self.b[self.i].is_ascii_whitespace() {
                self.i += 1;
            }
            if self.i >= self.end {
                return msg("f-string: expecting '}'");
            }
            debug_text = Some(self.src[expr_start..self.i].to_string());
        }
        let mut conversion = None;
        if self.b[self.i] == b'!' {
            self.i += 1;
            if self.i >= self.end {
                return msg("f-string: expecting '}'");
            }
            let c = self.src[self.i..].chars().next().unwrap_or(' ');
            self.i += c.len_utf8();
            if !matches!(c, 's' | 'r' | 'a') {
                return msg("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = Some(c);
        }
        let mut format_spec = None;
        if self.i < self.end && self.b[self.i] == b':' {
            self.i += 1;
            if self.i >= self.end {
                return msg("f-string: expecting '}'");
            }
            format_spec = Some(self.pieces(level + 1)?);
        }
        if self.i >= self.end || self.b[self.i] != b'}' {
            return msg("f-string: expecting '}'");
        }
        self.i += 1;
        if debug_text.is_some() && format_spec.is_none() && conversion.is_none() {
            conversion = Some('r');
        }
        Ok(Field { expr, debug_text, conversion, format_spec, start, end: self.i })
    }
}
