//! `match` statement patterns: builders for each pattern form and the
//! checks CPython's parser makes (complex literals, `_` as a target, no
//! f-strings, positional after keyword sub-patterns).

use super::helpers::{err, expr, PResult};
use crate::ast::*;
use crate::source::{Span, SyntaxError};

/// Patterns travel boxed through the parser (they are large).
pub type P = Box<Pattern>;

fn pattern(kind: PatternKind, l: usize, r: usize) -> P {
    Box::new(Pattern { span: Span::new(l, r), kind })
}

fn unbox(v: Vec<P>) -> Vec<Pattern> {
    v.into_iter().map(|p| *p).collect()
}

pub fn sequence(mut v: Vec<P>, last: Option<P>, l: usize, r: usize) -> P {
    v.extend(last);
    pattern(PatternKind::MatchSequence(unbox(v)), l, r)
}

pub fn as_pattern(p: P, name: String, nl: usize, l: usize, r: usize) -> PResult<P> {
    if name == "_" {
        return err("cannot use '_' as a target", nl, r);
    }
    Ok(pattern(PatternKind::MatchAs { pattern: Some(p), name: Some(name) }, l, r))
}

pub fn or(first: Pattern, rest: Vec<P>, l: usize, r: usize) -> P {
    let mut v = Vec::with_capacity(rest.len() + 1);
    v.push(first);
    v.extend(unbox(rest));
    pattern(PatternKind::MatchOr(v), l, r)
}

pub fn star(name: String, l: usize, r: usize) -> P {
    let name = if name == "_" { None } else { Some(name) };
    pattern(PatternKind::MatchStar(name), l, r)
}

pub fn value(e: Expr, l: usize, r: usize) -> P {
    pattern(PatternKind::MatchValue(e), l, r)
}

pub fn singleton(c: Constant, l: usize, r: usize) -> P {
    pattern(PatternKind::MatchSingleton(c), l, r)
}

/// A string literal used as a pattern or a mapping key (no f-strings).
pub fn string_key(e: Expr) -> PResult<Expr> {
    if matches!(e.kind, ExprKind::JoinedStr(_)) {
        return Err(SyntaxError::new("patterns may only match literals and attribute lookups", e.span));
    }
    Ok(e)
}

pub fn string(e: Expr, l: usize, r: usize) -> PResult<P> {
    Ok(value(string_key(e)?, l, r))
}

/// A bare name captures (`_` is the wildcard); a dotted name is a value.
pub fn capture_or_value(e: Expr, l: usize, r: usize) -> P {
    match e.kind {
        ExprKind::Name(n) => {
            let name = if n == "_" { None } else { Some(n) };
            pattern(PatternKind::MatchAs { pattern: None, name }, l, r)
        }
        _ => value(e, l, r),
    }
}

fn is_real(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(Constant::Int(_) | Constant::Float(_)) => true,
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => is_real(operand),
        _ => false,
    }
}

/// `1 + 2j` / `-1 - 2j` in patterns.
pub fn complex(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> PResult<Expr> {
    if !is_real(&a) {
        return Err(SyntaxError::new("real number required in complex literal", a.span));
    }
    if !matches!(b.kind, ExprKind::Constant(Constant::Imag(_))) {
        return Err(SyntaxError::new("imaginary number required in complex literal", b.span));
    }
    Ok(expr(ExprKind::BinOp { left: Box::new(a), op, right: Box::new(b) }, l, r))
}

/// A `**rest` capture in a mapping pattern (`**_` is not allowed).
pub fn rest_name(name: String, l: usize, r: usize) -> PResult<String> {
    if name == "_" {
        return err("invalid syntax", l, r);
    }
    Ok(name)
}

pub fn mapping(items: Vec<(Expr, P)>, rest: Option<String>, l: usize, r: usize) -> P {
    let (keys, patterns): (Vec<Expr>, Vec<P>) = items.into_iter().unzip();
    let patterns = unbox(patterns);
    pattern(PatternKind::MatchMapping { keys, patterns, rest }, l, r)
}

/// One sub-pattern of a class pattern: `(Some((kw, offset)), p)` for `kw=p`.
pub type ClassArg = (Option<(String, usize)>, P);

/// `Cls(p1, p2, kw=p3)`: keyword sub-patterns must come last.
pub fn class(cls: Expr, args: Option<Vec<ClassArg>>, l: usize, r: usize) -> PResult<P> {
    let mut patterns = Vec::new();
    let mut kwd_attrs = Vec::new();
    let mut kwd_patterns = Vec::new();
    for (kw, p) in args.unwrap_or_default() {
        match kw {
            Some((name, _)) => {
                kwd_attrs.push(name);
                kwd_patterns.push(*p);
            }
            None => {
                if !kwd_attrs.is_empty() {
                    return Err(SyntaxError::new("positional patterns follow keyword patterns", p.span));
                }
                patterns.push(*p);
            }
        }
    }
    Ok(pattern(PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns }, l, r))
}
