//! The tokenizer's public face: [`Tok`], [`LexError`], [`Mode`] and the
//! [`Lexer`] iterator the parser consumes. This file owns the last stage:
//! deciding soft keywords (`match` / `case` at the start of a logical line
//! that ends with `:`), marking the `(` of `with (a as b, c):`, and keeping
//! per-line notes the parser's error messages need. The stages below it are
//! `raw` (logos), `layout` (NEWLINE / INDENT / DEDENT, brackets),
//! `strings`, `fstring`, `numbers` and `ident`.

pub mod fstring;
pub mod ident;
mod layout;
pub mod numbers;
pub mod raw;
pub mod strings;
pub mod unicode_names;
mod unicode_tables;

use crate::ast::IntLit;
use crate::source::{Span, SyntaxError, SyntaxErrorKind};
use std::collections::VecDeque;

pub use strings::Prefix;

/// One token. Payload-free variants are keywords, operators and layout.
#[derive(Debug, Clone, PartialEq)]
pub enum Tok {
    Name(String),
    Int(IntLit),
    Float(f64),
    Imag(f64),
    String(StrTok),

    Newline,
    Indent,
    Dedent,
    /// Injected first token selecting the grammar's start symbol.
    StartModule,
    StartInteractive,
    StartExpression,

    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,
    /// Soft keywords, produced only where they start a statement.
    Match,
    Case,
    /// The `(` right after `with` when its matching `)` is followed by `:`
    /// (the parenthesised form `with (a as b, c):`).
    WithLpar,

    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Lbrace,
    Rbrace,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    VBar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinusEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VBarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
    /// Tokens the grammar never accepts (`<>`, a lone `!`, `$`, `?`, `` ` ``):
    /// they make the parser report `invalid syntax` where they stand.
    Invalid,
}

/// A string literal as written: its prefix and where its body is (escapes
/// are processed by the parser, which also joins adjacent literals).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrTok {
    pub prefix: Prefix,
    pub triple: bool,
    /// Offset of the token (its prefix) and just past its closing quote.
    pub start: usize,
    pub end: usize,
    /// The text between the quotes is `source[body_start..body_end]`.
    pub body_start: usize,
    pub body_end: usize,
}

/// How a tokenizer error interacts with an earlier parser error. CPython
/// keeps tokenizing after the parser fails, and some tokenizer errors
/// found that way replace the parser's message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    /// A hard tokenizer error (bad character, unterminated string, ...):
    /// replaces an earlier parser error.
    Raised,
    /// A tokenizer status (indentation, EOF after `\`): does not replace
    /// an earlier parser error.
    Status,
    /// End of input inside brackets; replaces an earlier parser error only
    /// when that error is on a later line than the bracket.
    Unclosed { bracket_line: u32 },
    /// Raised by the parser itself (grammar actions, string decoding).
    Parser,
}

/// What the lexer yields instead of a token when something is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct LexError {
    pub error: SyntaxError,
    pub class: ErrorClass,
}

impl LexError {
    pub fn new(msg: impl Into<String>, start: usize, end: usize, class: ErrorClass) -> LexError {
        LexError { error: SyntaxError::new(msg, Span::new(start, end)), class }
    }
    pub fn kind(mut self, kind: SyntaxErrorKind) -> LexError {
        self.error.kind = kind;
        self
    }
    pub fn incomplete(mut self) -> LexError {
        self.error.incomplete = true;
        self
    }
}

impl From<SyntaxError> for LexError {
    fn from(error: SyntaxError) -> LexError {
        LexError { error, class: ErrorClass::Parser }
    }
}

/// What kind of input is being tokenized.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Module,
    Interactive,
    Expression,
    /// The expression part of an f-string replacement field: tokenized as
    /// if wrapped in parentheses (CPython 3.11 does exactly that).
    FStringExpr,
}

pub type Spanned = (usize, Tok, usize);
pub type Item = Result<Spanned, LexError>;

/// Which compound statement a logical line starts (for messages such as
/// `expected an indented block after 'for' statement on line 3`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Header {
    If,
    Elif,
    Else,
    While,
    For,
    Try,
    Except,
    ExceptStar,
    Finally,
    With,
    Def,
    Class,
    Match,
    Case,
    /// A decorator line or a simple statement.
    Other,
}

impl Header {
    /// The words CPython uses after "expected an indented block after".
    pub fn describe(self) -> Option<&'static str> {
        Some(match self {
            Header::If => "'if' statement",
            Header::Elif => "'elif' statement",
            Header::Else => "'else' statement",
            Header::While => "'while' statement",
            Header::For => "'for' statement",
            Header::Try => "'try' statement",
            Header::Except => "'except' statement",
            Header::ExceptStar => "'except*' statement",
            Header::Finally => "'finally' statement",
            Header::With => "'with' statement",
            Header::Def => "function definition",
            Header::Class => "class definition",
            Header::Match => "'match' statement",
            Header::Case => "'case' statement",
            Header::Other => return None,
        })
    }
}

/// Notes about one logical line, kept for error messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineNote {
    /// Byte offset of the line's first token.
    pub start: usize,
    pub header: Header,
    /// Offset of the keyword that names the header (`for` in `async for`).
    pub keyword_at: usize,
}

/// The token stream of one input, ready for the parser.
pub struct Lexer<'s> {
    layout: layout::Layout<'s>,
    /// Tokens pulled ahead for soft-keyword decisions.
    ahead: VecDeque<Item>,
    mode: Mode,
    started: bool,
    /// The next token starts a logical line.
    at_line_start: bool,
    /// Tokens seen so far on the current logical line (saturating).
    on_line: u8,
    /// The current and the previous logical line.
    pub cur_line: LineNote,
    pub prev_line: LineNote,
    /// The last tokens handed out, oldest first (for error messages).
    pub history: VecDeque<Recent>,
    /// Bracket depth after the tokens handed out so far.
    depth: u16,
    /// Block nesting (INDENTs minus DEDENTs handed out).
    level: u32,
    /// Block levels of the `match` statements we are inside; `case` is a
    /// keyword at the start of a line one level deeper than the innermost.
    match_levels: Vec<u32>,
}

/// How many recent tokens the lexer remembers for error messages.
const HISTORY: usize = 64;

/// A cheap summary of a token already handed to the parser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recent {
    pub kind: RecentKind,
    pub start: usize,
    pub end: usize,
    /// Bracket depth just before this token.
    pub depth: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecentKind {
    /// `print` or `exec` (Python 2 statements get a special message).
    LegacyName,
    /// `match`, `case`, `_` used as names.
    SoftKeyword,
    Name,
    Str,
    Number,
    Async,
    Newline,
    If,
    Else,
    Other(TokClass),
}

/// Rough classes of the remaining tokens, for error heuristics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokClass {
    /// Can end an expression: `)`, `]`, `}`, `None`, `True`, `False`, `...`.
    Closer,
    /// Opens a bracket.
    Opener,
    /// A binary/unary operator or `.` / `await` / `not` / `and` / `or`.
    Operator,
    Comma,
    /// Anything else (`:`, `=`, keywords, layout).
    Other,
}

impl<'s> Lexer<'s> {
    /// Tokenizes all of `src`.
    pub fn new(src: &'s str, mode: Mode) -> Lexer<'s> {
        Lexer::with_range(src, 0, src.len(), mode)
    }

    /// Tokenizes `src[start..end]`, reporting offsets into all of `src`.
    pub fn with_range(src: &'s str, start: usize, end: usize, mode: Mode) -> Lexer<'s> {
        let note = LineNote { start, header: Header::Other, keyword_at: start };
        Lexer {
            layout: layout::Layout::new(src, start, end, mode),
            ahead: VecDeque::new(),
            mode,
            started: false,
            at_line_start: true,
            on_line: 0,
            cur_line: note,
            prev_line: note,
            history: VecDeque::with_capacity(HISTORY),
            depth: 0,
            level: 0,
            match_levels: Vec::new(),
        }
    }

    pub fn source(&self) -> &'s str {
        self.layout.source()
    }

    /// Brackets currently open (innermost last) as (char, offset).
    pub fn open_brackets(&self) -> &[(u8, usize)] {
        self.layout.open_brackets()
    }

    fn pull(&mut self) -> Option<Item> {
        match self.ahead.pop_front() {
            Some(item) => Some(item),
            None => self.layout.next(),
        }
    }

    /// Makes sure `ahead[i]` exists if the stream has that many items.
    fn fill_to(&mut self, i: usize) -> bool {
        while self.ahead.len() <= i {
            match self.layout.next() {
                Some(item) => self.ahead.push_back(item),
                None => return false,
            }
        }
        true
    }

    /// Does the logical line whose tokens are in `ahead` (up to its
    /// NEWLINE) end with a colon?
    fn line_ends_with_colon(&mut self) -> bool {
        let mut i = 0;
        let mut last_colon = false;
        while self.fill_to(i) {
            match &self.ahead[i] {
                Ok((_, Tok::Newline, _)) => return last_colon,
                Ok((_, t, _)) => last_colon = *t == Tok::Colon,
                Err(_) => return false,
            }
            i += 1;
        }
        false
    }

    /// After `with`: if the next token is `(` and its matching `)` is
    /// directly followed by `:`, or the group holds an `as` at its top
    /// level, turn that `(` into [`Tok::WithLpar`].
    fn mark_with_paren(&mut self) {
        if !self.fill_to(0) || !matches!(self.ahead[0], Ok((_, Tok::Lpar, _))) {
            return;
        }
        let mut depth = 0usize;
        let mut i = 0;
        let mut has_as = false;
        while self.fill_to(i) {
            match &self.ahead[i] {
                Ok((_, Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar, _)) => depth += 1,
                Ok((_, Tok::As, _)) if depth == 1 => has_as = true,
                Ok((_, Tok::Rpar | Tok::Rsqb | Tok::Rbrace, _)) => {
                    depth -= 1;
                    if depth == 0 {
                        let colon = self.fill_to(i + 1)
                            && matches!(self.ahead[i + 1], Ok((_, Tok::Colon, _)));
                        if colon || has_as {
                            if let Some(Ok((_, t, _))) = self.ahead.get_mut(0) {
                                *t = Tok::WithLpar;
                            }
                        }
                        return;
                    }
                }
                Ok((_, Tok::Newline, _)) | Err(_) => return,
                Ok(_) => {}
            }
            i += 1;
        }
    }

    fn note_line(&mut self, start: usize, tok: &Tok) {
        let header = match tok {
            Tok::If => Header::If,
            Tok::Elif => Header::Elif,
            Tok::Else => Header::Else,
            Tok::While => Header::While,
            Tok::For => Header::For,
            Tok::Try => Header::Try,
            Tok::Except => Header::Except,
            Tok::Finally => Header::Finally,
            Tok::With => Header::With,
            Tok::Def => Header::Def,
            Tok::Class => Header::Class,
            Tok::Match => Header::Match,
            Tok::Case => Header::Case,
            _ => Header::Other,
        };
        if self.on_line == 0 {
            self.prev_line = self.cur_line;
            self.cur_line = LineNote { start, header, keyword_at: start };
        } else if self.on_line == 1 {
            // `async def/for/with`, `except *`.
            let prev = self.cur_line.header;
            let first_is_async = self.history.back().is_some_and(|r| r.kind == RecentKind::Async);
            if first_is_async && matches!(header, Header::Def | Header::For | Header::With) {
                self.cur_line.header = header;
                self.cur_line.keyword_at = start;
            } else if prev == Header::Except && *tok == Tok::Star {
                self.cur_line.header = Header::ExceptStar;
            }
        }
        self.on_line = self.on_line.saturating_add(1);
    }
}

impl Iterator for Lexer<'_> {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        if !self.started {
            self.started = true;
            let t = match self.mode {
                Mode::Module => Tok::StartModule,
                Mode::Interactive => Tok::StartInteractive,
                Mode::Expression | Mode::FStringExpr => Tok::StartExpression,
            };
            let at = self.layout.start();
            return Some(Ok((at, t, at)));
        }
        let (l, mut tok, r) = match self.pull()? {
            Ok(t) => t,
            Err(e) => return Some(Err(e)),
        };
        let line_start = self.at_line_start;
        self.at_line_start = matches!(tok, Tok::Newline | Tok::Indent | Tok::Dedent);
        if let Tok::Name(n) = &tok {
            if line_start && n == "match" && self.line_ends_with_colon() {
                tok = Tok::Match;
                self.match_levels.push(self.level);
            } else if line_start && n == "case" && self.match_levels.last() == Some(&self.level.wrapping_sub(1)) {
                tok = Tok::Case;
            }
        }
        match tok {
            Tok::Indent => self.level += 1,
            Tok::Dedent => {
                self.level = self.level.saturating_sub(1);
                while self.match_levels.last().is_some_and(|&m| m >= self.level) {
                    self.match_levels.pop();
                }
            }
            _ => {}
        }
        if tok == Tok::With {
            self.mark_with_paren();
        }
        match tok {
            Tok::Newline => self.on_line = 0,
            Tok::Indent | Tok::Dedent => {}
            _ => self.note_line(l, &tok),
        }
        let depth = self.depth;
        match tok {
            Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => self.depth += 1,
            Tok::Rpar | Tok::Rsqb | Tok::Rbrace => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
        if self.history.len() == HISTORY {
            self.history.pop_front();
        }
        self.history.push_back(Recent { kind: classify(&tok), start: l, end: r, depth });
        Some(Ok((l, tok, r)))
    }
}

fn classify(tok: &Tok) -> RecentKind {
    match tok {
        Tok::Name(n) if n == "print" || n == "exec" => RecentKind::LegacyName,
        Tok::Name(n) if n == "match" || n == "case" || n == "_" => RecentKind::SoftKeyword,
        Tok::Name(_) => RecentKind::Name,
        Tok::String(_) => RecentKind::Str,
        Tok::Int(_) | Tok::Float(_) | Tok::Imag(_) => RecentKind::Number,
        Tok::Async => RecentKind::Async,
        Tok::Newline => RecentKind::Newline,
        Tok::If => RecentKind::If,
        Tok::Else => RecentKind::Else,
        Tok::Rpar | Tok::Rsqb | Tok::Rbrace | Tok::None | Tok::True | Tok::False | Tok::Ellipsis => {
            RecentKind::Other(TokClass::Closer)
        }
        Tok::Lpar | Tok::Lsqb | Tok::Lbrace | Tok::WithLpar => RecentKind::Other(TokClass::Opener),
        Tok::Comma => RecentKind::Other(TokClass::Comma),
        Tok::Plus
        | Tok::Minus
        | Tok::Star
        | Tok::Slash
        | Tok::DoubleSlash
        | Tok::Percent
        | Tok::At
        | Tok::DoubleStar
        | Tok::VBar
        | Tok::Amper
        | Tok::Circumflex
        | Tok::Tilde
        | Tok::LeftShift
        | Tok::RightShift
        | Tok::Less
        | Tok::Greater
        | Tok::LessEqual
        | Tok::GreaterEqual
        | Tok::EqEqual
        | Tok::NotEqual
        | Tok::Dot
        | Tok::Await
        | Tok::Not
        | Tok::And
        | Tok::Or
        | Tok::Is
        | Tok::In => RecentKind::Other(TokClass::Operator),
        _ => RecentKind::Other(TokClass::Other),
    }
}

/// 1-based line number of byte `offset` in `src` (counts `\n`, `\r\n` and
/// lone `\r` line ends). Linear; meant for error paths only.
pub fn line_of(src: &str, offset: usize) -> u32 {
    let b = src.as_bytes();
    let end = offset.min(b.len());
    let mut line = 1u32;
    let mut i = 0;
    while i < end {
        match b[i] {
            b'\n' => line += 1,
            b'\r' if b.get(i + 1) != Some(&b'\n') => line += 1,
            _ => {}
        }
        i += 1;
    }
    line
}

#[cfg(test)]
mod tests;
