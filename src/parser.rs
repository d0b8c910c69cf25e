//! The parser's public API and the only module that touches LALRPOP types:
//! it runs the generated LR(1) tables (one start rule; the lexer injects a
//! start token per mode) and hands failures to `errors.rs`, which words
//! them as CPython 3.11 does. AST building lives in the submodules.

mod depth;
mod errors;
mod helpers;
mod params;
mod patterns;
mod strings;
mod targets;

use crate::ast::{Expr, Module, Stmt};
use crate::lexer::{line_of, LexError, Lexer, Mode, Tok};
use crate::source::{Span, SyntaxError};
use errors::Failure;
use lalrpop_util::ParseError;

lalrpop_util::lalrpop_mod!(
    #[allow(clippy::all, unused, dead_code, unused_qualifications)]
    python,
    "/python.rs"
);

pub use depth::MAX_DEPTH;

/// What the single start rule produces, by mode.
pub enum Top {
    Module(Vec<Stmt>),
    Interactive(Vec<Stmt>),
    Expression(Expr),
}

type PError = ParseError<usize, Tok, LexError>;

/// Lifts a helper's result into the grammar's error type.
fn user<T>(r: Result<T, SyntaxError>) -> Result<T, PError> {
    r.map_err(|e| ParseError::User { error: LexError::from(e) })
}

/// Parses a whole file (also `-c` strings and piped stdin).
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    match run(source, Mode::Module)? {
        Top::Module(body) | Top::Interactive(body) => Ok(Module { body }),
        Top::Expression(_) => Ok(Module { body: Vec::new() }),
    }
}

/// Parses one REPL input: a compound statement, or one line of simple
/// statements separated by `;`. Input that ends inside an unfinished
/// construct fails with `incomplete: true`.
pub fn parse_interactive(source: &str) -> Result<Module, SyntaxError> {
    let body = match run(source, Mode::Interactive)? {
        Top::Module(body) | Top::Interactive(body) => body,
        Top::Expression(_) => Vec::new(),
    };
    // One compound statement, or the simple statements of one line.
    if body.len() > 1 {
        let first = &body[0];
        if !is_simple(first) {
            let at = body[1].span.start as usize;
            return Err(SyntaxError::new("invalid syntax", Span::new(at, at + 1)));
        }
        let first_line = line_of(source, first.span.start as usize);
        if body[1..].iter().any(|s| line_of(source, s.span.start as usize) != first_line) {
            let at = first.span.end as usize;
            let msg = "multiple statements found while compiling a single statement";
            return Err(SyntaxError::new(msg, Span::new(at, at)));
        }
    }
    Ok(Module { body })
}

fn is_simple(s: &Stmt) -> bool {
    use crate::ast::StmtKind::*;
    !matches!(
        s.kind,
        If { .. } | While { .. } | For { .. } | Try { .. } | With { .. } | FunctionDef(_) | ClassDef(_) | Match { .. }
    )
}

/// Parses the argument of `eval()`: one expression (or a bare tuple).
pub fn parse_expression(source: &str) -> Result<Expr, SyntaxError> {
    match run(source, Mode::Expression)? {
        Top::Expression(e) => Ok(e),
        _ => Err(SyntaxError::new("invalid syntax", Span::new(0, 0))),
    }
}

/// The expression part of an f-string field, `src[start..end]`, parsed as
/// if parenthesised (CPython 3.11's rule). Errors carry "f-string: ".
pub(crate) fn parse_fstring_expr(src: &str, start: usize, end: usize) -> Result<Expr, SyntaxError> {
    let mut lexer = Lexer::with_range(src, start, end, Mode::FStringExpr);
    match parse_tokens(src, &mut lexer) {
        Ok(Top::Expression(e)) => Ok(e),
        Ok(_) => Err(SyntaxError::new("f-string: invalid syntax", Span::new(start, end))),
        Err(f) => {
            let from_tokenizer = matches!(&f, Failure::Lex(e) if e.class != crate::lexer::ErrorClass::Parser);
            let mut e = errors::report(f, &mut lexer, src);
            if !from_tokenizer && !e.msg.starts_with("f-string") {
                e.msg = format!("f-string: {}", e.msg);
            }
            Err(e)
        }
    }
}

fn run(source: &str, mode: Mode) -> Result<Top, SyntaxError> {
    depth::reset();
    let mut lexer = Lexer::new(source, mode);
    match parse_tokens(source, &mut lexer) {
        Ok(top) => Ok(top),
        Err(f) => Err(errors::report(f, &mut lexer, source)),
    }
}

/// Feeds the lexer to the generated parser, stopping early when a builder
/// has flagged over-deep nesting.
fn parse_tokens(src: &str, lexer: &mut Lexer) -> Result<Top, Failure> {
    let guarded = Guarded { lexer };
    let result = python::TopParser::new().parse(src, guarded);
    if let Some(span) = depth::too_deep() {
        let msg = "too many nested expressions (maximum recursion depth exceeded during compilation)";
        return Err(Failure::Lex(LexError {
            error: SyntaxError::new(msg, span),
            class: crate::lexer::ErrorClass::Raised,
        }));
    }
    result.map_err(|e| match e {
        ParseError::User { error } => Failure::Lex(error),
        ParseError::UnrecognizedToken { token: (start, tok, end), expected } => {
            Failure::Token { start, tok, end, expected }
        }
        ParseError::ExtraToken { token: (start, tok, end) } => {
            Failure::Token { start, tok, end, expected: Vec::new() }
        }
        ParseError::UnrecognizedEof { expected, .. } => Failure::Eof { expected },
        ParseError::InvalidToken { location } => Failure::Lex(LexError::from(SyntaxError::new(
            "invalid syntax",
            Span::new(location, location),
        ))),
    })
}

/// The token stream, cut short once nesting got too deep.
struct Guarded<'a, 's> {
    lexer: &'a mut Lexer<'s>,
}

impl Iterator for Guarded<'_, '_> {
    type Item = crate::lexer::Item;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(span) = depth::too_deep() {
            let at = span.start as usize;
            return Some(Err(LexError::new("too deep", at, at, crate::lexer::ErrorClass::Raised)));
        }
        self.lexer.next()
    }
}
