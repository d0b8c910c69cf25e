//! The layout pass: turns raw logos tokens into parser tokens, adding
//! NEWLINE / INDENT / DEDENT. It keeps the indentation stack (with
//! CPython's tab/space consistency check), the bracket stack (implicit line
//! joining, the 200-level limit, mismatch errors), ignores blank and
//! comment-only lines, handles backslash continuations, and at the end of
//! input emits the final NEWLINE and the remaining DEDENTs.

use super::ident::{first_invalid, invalid_char_message, keyword};
use super::numbers::{scan_number, Number};
use super::raw::Raw;
use super::strings::{parse_prefix, scan_literal};
use super::{line_of, ErrorClass, Item, LexError, Mode, StrTok, Tok};
use crate::source::SyntaxErrorKind;
use logos::Logos;
use std::collections::VecDeque;

/// CPython's tokenizer limits.
const MAX_BRACKETS: usize = 200;
const MAX_INDENT: usize = 100;

pub(super) struct Layout<'s> {
    src: &'s str,
    start: usize,
    end: usize,
    raw: logos::Lexer<'s, Raw>,
    mode: Mode,
    /// (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(u32, u32)>,
    brackets: Vec<(u8, usize)>,
    /// No token yet on the current logical line.
    line_start: bool,
    /// Indentation must be measured before the next token.
    check_indent: bool,
    /// Offset where the current physical line begins.
    line_pos: usize,
    /// Offset of a `\` line continuation that nothing has followed yet.
    continuation: Option<usize>,
    out: VecDeque<Item>,
    done: bool,
    first_line: bool,
}

impl<'s> Layout<'s> {
    pub fn new(src: &'s str, start: usize, end: usize, mode: Mode) -> Layout<'s> {
        let mut raw = Raw::lexer(&src[..end]);
        let mut pos = start;
        if start == 0 && src.starts_with('\u{FEFF}') {
            pos = 3;
        }
        raw.bump(pos);
        let mut out = VecDeque::new();
        let mut brackets = Vec::new();
        if mode == Mode::FStringExpr {
            out.push_back(Ok((pos, Tok::Lpar, pos)));
            brackets.push((b'(', pos));
        }
        Layout {
            src,
            start: pos,
            end,
            raw,
            mode,
            indents: vec![(0, 0)],
            brackets,
            line_start: true,
            check_indent: true,
            line_pos: pos,
            continuation: None,
            out,
            done: false,
            first_line: true,
        }
    }

    pub fn source(&self) -> &'s str {
        self.src
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn open_brackets(&self) -> &[(u8, usize)] {
        &self.brackets
    }

    pub fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(item) = self.out.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            self.step();
        }
    }

    fn fail(&mut self, e: LexError) {
        self.out.push_back(Err(e));
        self.done = true;
    }

    fn push(&mut self, start: usize, tok: Tok, end: usize) {
        self.line_start = false;
        self.out.push_back(Ok((start, tok, end)));
    }

    fn raised(&self, msg: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError::new(msg, start, end, ErrorClass::Raised)
    }

    fn step(&mut self) {
        if self.check_indent && self.brackets.is_empty() {
            self.check_indent = false;
            if let Err(e) = self.indentation() {
                self.fail(e);
                return;
            }
        }
        let Some(res) = self.raw.next() else {
            self.at_eof();
            return;
        };
        let span = self.raw.span();
        let (start, end) = (span.start, span.end);
        if !matches!(res, Ok(Raw::Continuation)) {
            self.continuation = None;
        }
        let raw = match res {
            Ok(r) => r,
            Err(()) => {
                let c = self.src[start..].chars().next().unwrap_or('\0');
                let e = if c == '\0' {
                    let line_start = self.src[..start].rfind('\n').map_or(0, |i| i + 1);
                    self.raised("source code cannot contain null bytes", line_start, line_start)
                } else {
                    self.raised(invalid_char_message(c), start, start + c.len_utf8())
                };
                self.fail(e);
                return;
            }
        };
        match raw {
            Raw::Newline => {
                if self.brackets.is_empty() {
                    if !self.line_start {
                        self.push(start, Tok::Newline, end);
                        self.line_start = true;
                    }
                    self.check_indent = true;
                    self.first_line = false;
                }
                self.line_pos = end;
            }
            Raw::Continuation => {
                self.continuation = Some(start);
                self.line_pos = end;
            }
            Raw::Backslash => {
                let e = if end >= self.end {
                    LexError::new("unexpected EOF while parsing", end, end, ErrorClass::Status)
                        .incomplete()
                } else {
                    LexError::new(
                        "unexpected character after line continuation character",
                        end,
                        end + 1,
                        ErrorClass::Status,
                    )
                };
                self.fail(e);
            }
            Raw::Name => self.name(start, end),
            Raw::StringStart => self.string(start, end),
            Raw::NumberStart => match scan_number(&self.src[..self.end], start) {
                Ok((stop, num)) => {
                    self.raw.bump(stop - end);
                    let tok = match num {
                        Number::Int(v) => Tok::Int(v),
                        Number::Float(v) => Tok::Float(v),
                        Number::Imag(v) => Tok::Imag(v),
                    };
                    self.push(start, tok, stop);
                }
                Err(e) => {
                    let err = self.raised(e.msg, e.at, e.end);
                    self.fail(err);
                }
            },
            Raw::Lpar => self.open(b'(', start, Tok::Lpar),
            Raw::Lsqb => self.open(b'[', start, Tok::Lsqb),
            Raw::Lbrace => self.open(b'{', start, Tok::Lbrace),
            Raw::Rpar => self.close(b')', start, Tok::Rpar),
            Raw::Rsqb => self.close(b']', start, Tok::Rsqb),
            Raw::Rbrace => self.close(b'}', start, Tok::Rbrace),
            other => {
                let tok = simple_token(other);
                self.push(start, tok, end);
            }
        }
    }

    fn open(&mut self, c: u8, start: usize, tok: Tok) {
        if self.brackets.len() >= MAX_BRACKETS {
            let e = self.raised("too many nested parentheses", start, start + 1);
            self.fail(e);
            return;
        }
        self.brackets.push((c, start));
        self.push(start, tok, start + 1);
    }

    fn close(&mut self, c: u8, start: usize, tok: Tok) {
        let Some(&(open, open_at)) = self.brackets.last() else {
            let e = self.raised(format!("unmatched '{}'", c as char), start, start + 1);
            self.fail(e);
            return;
        };
        let expected = match open {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if c != expected {
            let open_line = line_of(self.src, open_at);
            let here_line = line_of(self.src, start);
            let mut msg = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                c as char, open as char
            );
            if open_line != here_line {
                msg.push_str(&format!(" on line {open_line}"));
            }
            let e = self.raised(msg, start, start + 1);
            self.fail(e);
            return;
        }
        self.brackets.pop();
        self.push(start, tok, start + 1);
    }

    fn name(&mut self, start: usize, end: usize) {
        let text = &self.src[start..end];
        if let Some(bad) = first_invalid(text) {
            let at = start + bad;
            let c = self.src[at..].chars().next().unwrap_or(' ');
            let e = self.raised(invalid_char_message(c), at, at + c.len_utf8());
            self.fail(e);
            return;
        }
        let tok = keyword(text).unwrap_or_else(|| Tok::Name(text.to_string()));
        self.push(start, tok, end);
    }

    fn string(&mut self, start: usize, end: usize) {
        let quote_pos = end - 1;
        let prefix = parse_prefix(&self.src[start..quote_pos]);
        match scan_literal(&self.src[..self.end], quote_pos) {
            Ok(s) => {
                self.raw.bump(s.end - end);
                let tok = StrTok {
                    prefix,
                    triple: s.triple,
                    start,
                    end: s.end,
                    body_start: s.body_start,
                    body_end: s.body_end,
                };
                self.push(start, Tok::String(tok), s.end);
            }
            Err(u) => {
                let line = line_of(self.src, u.detected_at);
                let e = if u.triple {
                    let msg = format!(
                        "unterminated triple-quoted string literal (detected at line {line})"
                    );
                    self.raised(msg, start, start + 1).incomplete()
                } else {
                    let msg = format!("unterminated string literal (detected at line {line})");
                    self.raised(msg, start, start + 1)
                };
                self.fail(e);
            }
        }
    }

    /// Measures the indentation of the line starting at `line_pos` and
    /// queues INDENT / DEDENTs (blank and comment-only lines are skipped).
    fn indentation(&mut self) -> Result<(), LexError> {
        let b = &self.src.as_bytes()[..self.end];
        let (mut col, mut alt) = (0u32, 0u32);
        let mut i = self.line_pos;
        while i < b.len() {
            match b[i] {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                0x0C => {
                    col = 0;
                    alt = 0;
                }
                _ => break,
            }
            i += 1;
        }
        if i >= b.len() || matches!(b[i], b'\n' | b'\r' | b'#') {
            self.check_indent = true; // blank line: measure the next one
            return Ok(());
        }
        if b[i] == b'\\' && matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
            self.check_indent = true;
            return Ok(());
        }
        if self.mode == Mode::Expression && self.first_line {
            return Ok(());
        }
        let (top, top_alt) = *self.indents.last().unwrap_or(&(0, 0));
        let tab_error = || {
            LexError::new(
                "inconsistent use of tabs and spaces in indentation",
                self.line_pos,
                self.line_pos,
                ErrorClass::Status,
            )
            .kind(SyntaxErrorKind::TabError)
        };
        if col == top {
            if alt != top_alt {
                return Err(tab_error());
            }
        } else if col > top {
            if alt <= top_alt {
                return Err(tab_error());
            }
            if self.indents.len() > MAX_INDENT {
                return Err(LexError::new(
                    "too many levels of indentation",
                    i,
                    i,
                    ErrorClass::Status,
                )
                .kind(SyntaxErrorKind::IndentationError));
            }
            self.indents.push((col, alt));
            self.out.push_back(Ok((self.line_pos, Tok::Indent, i)));
        } else {
            // Find the level first: no DEDENT is emitted for a bad unindent.
            let keep = self.indents.iter().rposition(|&(c, _)| c <= col).unwrap_or(0);
            let (now, now_alt) = self.indents[keep];
            if col != now {
                let eol = self.src[i..self.end].find(['\n', '\r']).map_or(self.end, |k| i + k);
                return Err(LexError::new(
                    "unindent does not match any outer indentation level",
                    eol,
                    eol,
                    ErrorClass::Status,
                )
                .kind(SyntaxErrorKind::IndentationError));
            }
            if alt != now_alt {
                return Err(tab_error());
            }
            for _ in keep + 1..self.indents.len() {
                self.out.push_back(Ok((i, Tok::Dedent, i)));
            }
            self.indents.truncate(keep + 1);
        }
        Ok(())
    }

    fn at_eof(&mut self) {
        let end = self.end;
        if let Some(at) = self.continuation {
            let e = LexError::new("unexpected EOF while parsing", at + 1, at + 1, ErrorClass::Status)
                .incomplete();
            self.fail(e);
            return;
        }
        if self.mode == Mode::FStringExpr {
            if self.brackets.len() == 1 {
                self.brackets.pop();
                self.push(end, Tok::Rpar, end);
            }
            self.done = true;
            return;
        }
        if let Some(&(c, at)) = self.brackets.last() {
            let line = line_of(self.src, at);
            let e = LexError::new(
                format!("'{}' was never closed", c as char),
                at,
                at + 1,
                ErrorClass::Unclosed { bracket_line: line },
            )
            .incomplete();
            self.fail(e);
            return;
        }
        if !self.line_start {
            self.push(end, Tok::Newline, end);
            self.line_start = true;
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.out.push_back(Ok((end, Tok::Dedent, end)));
        }
        self.done = true;
    }
}

fn simple_token(r: Raw) -> Tok {
    match r {
        Raw::Colon => Tok::Colon,
        Raw::Comma => Tok::Comma,
        Raw::Semi => Tok::Semi,
        Raw::Plus => Tok::Plus,
        Raw::Minus => Tok::Minus,
        Raw::Star => Tok::Star,
        Raw::Slash => Tok::Slash,
        Raw::VBar => Tok::VBar,
        Raw::Amper => Tok::Amper,
        Raw::Less => Tok::Less,
        Raw::Greater => Tok::Greater,
        Raw::Equal => Tok::Equal,
        Raw::Dot => Tok::Dot,
        Raw::Percent => Tok::Percent,
        Raw::EqEqual => Tok::EqEqual,
        Raw::NotEqual => Tok::NotEqual,
        Raw::LessEqual => Tok::LessEqual,
        Raw::GreaterEqual => Tok::GreaterEqual,
        Raw::Tilde => Tok::Tilde,
        Raw::Circumflex => Tok::Circumflex,
        Raw::LeftShift => Tok::LeftShift,
        Raw::RightShift => Tok::RightShift,
        Raw::DoubleStar => Tok::DoubleStar,
        Raw::PlusEqual => Tok::PlusEqual,
        Raw::MinusEqual => Tok::MinusEqual,
        Raw::StarEqual => Tok::StarEqual,
        Raw::SlashEqual => Tok::SlashEqual,
        Raw::PercentEqual => Tok::PercentEqual,
        Raw::AmperEqual => Tok::AmperEqual,
        Raw::VBarEqual => Tok::VBarEqual,
        Raw::CircumflexEqual => Tok::CircumflexEqual,
        Raw::LeftShiftEqual => Tok::LeftShiftEqual,
        Raw::RightShiftEqual => Tok::RightShiftEqual,
        Raw::DoubleStarEqual => Tok::DoubleStarEqual,
        Raw::DoubleSlash => Tok::DoubleSlash,
        Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
        Raw::At => Tok::At,
        Raw::AtEqual => Tok::AtEqual,
        Raw::Rarrow => Tok::Rarrow,
        Raw::Ellipsis => Tok::Ellipsis,
        Raw::ColonEqual => Tok::ColonEqual,
        _ => Tok::Invalid,
    }
}
