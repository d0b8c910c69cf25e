//! Nesting guard. Long operator chains (`1+1+...`), `not not ... x`,
//! `a.b.c...` or `lambda: lambda: ...` build deep trees without any
//! brackets; later recursive passes (and even `Drop`) would overflow the
//! stack. Builders of chain-forming nodes call [`guard`], which follows the
//! widest child downwards (bounded work per node) and, past [`MAX_DEPTH`],
//! records an error that the token stream then reports, ending the parse.

use crate::ast::*;
use crate::source::Span;
use std::cell::Cell;

/// Deepest expression nesting accepted (CPython's compiler gives up near
/// 3000; `-` repeated 10,000 times is a MemoryError there).
pub const MAX_DEPTH: usize = 1000;

thread_local! {
    static TOO_DEEP: Cell<Option<Span>> = const { Cell::new(None) };
}

/// Clears the flag (at the start of a top-level parse).
pub fn reset() {
    TOO_DEEP.with(|c| c.set(None));
}

/// The span of an over-deep expression, if one was built.
pub fn too_deep() -> Option<Span> {
    TOO_DEEP.with(|c| c.get())
}

/// Calls `f` on each direct sub-expression of `e`.
pub fn for_each_child<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
        ExprKind::JoinedStr(v)
        | ExprKind::Tuple(v)
        | ExprKind::List(v)
        | ExprKind::Set(v)
        | ExprKind::BoolOp { values: v, .. } => v.iter().for_each(f),
        ExprKind::FormattedValue { value, format_spec, .. } => {
            f(value);
            if let Some(s) = format_spec {
                f(s);
            }
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(&mut *f);
            values.iter().for_each(f);
        }
        ExprKind::Starred(x)
        | ExprKind::Await(x)
        | ExprKind::YieldFrom(x)
        | ExprKind::Attribute { value: x, .. }
        | ExprKind::UnaryOp { operand: x, .. }
        | ExprKind::NamedExpr { value: x, .. } => f(x),
        ExprKind::Yield(x) => {
            if let Some(x) = x {
                f(x);
            }
        }
        ExprKind::Subscript { value, index } => {
            f(value);
            f(index);
        }
        ExprKind::Slice { lower, upper, step } => {
            for x in [lower, upper, step].into_iter().flatten() {
                f(x);
            }
        }
        ExprKind::Call { func, args, keywords } => {
            f(func);
            args.iter().for_each(&mut *f);
            keywords.iter().for_each(|k| f(&k.value));
        }
        ExprKind::BinOp { left, right, .. } => {
            f(left);
            f(right);
        }
        ExprKind::Compare { left, comparators, .. } => {
            f(left);
            comparators.iter().for_each(f);
        }
        ExprKind::IfExp { test, body, orelse } => {
            f(test);
            f(body);
            f(orelse);
        }
        ExprKind::Lambda { args, body } => {
            args.defaults.iter().for_each(&mut *f);
            args.kw_defaults.iter().flatten().for_each(&mut *f);
            f(body);
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            f(elt);
            comprehension_children(generators, f);
        }
        ExprKind::DictComp { key, value, generators } => {
            f(key);
            f(value);
            comprehension_children(generators, f);
        }
    }
}

fn comprehension_children<'a>(gens: &'a [Comprehension], f: &mut dyn FnMut(&'a Expr)) {
    for g in gens {
        f(&g.target);
        f(&g.iter);
        g.ifs.iter().for_each(&mut *f);
    }
}

fn width(e: &Expr) -> u32 {
    e.span.end.saturating_sub(e.span.start)
}

/// Flags `e` if following its widest children goes [`MAX_DEPTH`] deep.
/// Returns true when nesting is (or already was) too deep: the caller then
/// replaces the node by a leaf, so the tree never grows deeper still.
pub fn guard(e: &Expr) -> bool {
    if too_deep().is_some() {
        return true;
    }
    let mut cur = e;
    for _ in 0..MAX_DEPTH {
        let mut best: Option<&Expr> = None;
        for_each_child(cur, &mut |c| {
            if best.is_none_or(|b| width(c) >= width(b)) {
                best = Some(c);
            }
        });
        match best {
            Some(c) => cur = c,
            None => return false,
        }
    }
    TOO_DEEP.with(|c| c.set(Some(e.span)));
    true
}
