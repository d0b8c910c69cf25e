//! Assignment, augmented-assignment, annotation, `del`, `for` and `with`
//! targets: expressions are parsed first and validated here, producing
//! CPython's messages (`cannot assign to function call here. Maybe you
//! meant '==' instead of '='?`, `cannot delete literal`, ...).

use super::helpers::PResult;
use crate::ast::*;
use crate::source::SyntaxError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// `=` targets and `with ... as` targets.
    Star,
    For,
    Del,
}

/// CPython's name for an expression in error messages.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant(c) => match c {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// The first sub-expression that cannot be a target of this kind.
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Compare { left, ops, .. } => {
            if kind == TargetKind::For && ops.first() == Some(&CmpOp::In) {
                invalid_target(left, kind)
            } else {
                Some(e)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

pub fn check_target(e: &Expr, kind: TargetKind) -> PResult<()> {
    match invalid_target(e, kind) {
        None => Ok(()),
        Some(bad) => {
            let verb = if kind == TargetKind::Del { "delete" } else { "assign to" };
            Err(SyntaxError::new(format!("cannot {verb} {}", expr_name(bad)), bad.span))
        }
    }
}

/// Could CPython's `bitwise_or` rule have matched this (unparenthesised)
/// expression? Used for the "Maybe you meant '=='" variant.
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp { op: UnaryOp::Not, .. }
            | ExprKind::Compare { .. }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::NamedExpr { .. }
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
            | ExprKind::Starred(_)
    )
}

/// Does the expression starting at offset `at` begin with a `bitwise_or`?
fn starts_with_bitwise_or(e: &Expr, at: usize) -> bool {
    if e.span.start as usize != at {
        return true; // parenthesised: an atom
    }
    match &e.kind {
        ExprKind::UnaryOp { op: UnaryOp::Not, .. }
        | ExprKind::Lambda { .. }
        | ExprKind::Yield(_)
        | ExprKind::YieldFrom(_)
        | ExprKind::Starred(_) => false,
        ExprKind::BoolOp { values, .. } => values.first().is_some_and(|v| starts_with_bitwise_or(v, at)),
        ExprKind::Compare { left, .. } => starts_with_bitwise_or(left, at),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(body, at),
        ExprKind::Tuple(elts) => elts.first().is_some_and(|v| starts_with_bitwise_or(v, at)),
        _ => true,
    }
}

fn is_parenthesized_tuple(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Tuple(elts) => elts.first().is_none_or(|x| x.span.start != e.span.start),
        _ => false,
    }
}

/// `t = rest[0] = ... = value`: `first_at` is the offset of the first
/// token of `t`; each `rest` entry is (offset of its first token, expr).
pub fn assign(first_at: usize, first: Expr, rest: Vec<(usize, Expr)>) -> PResult<StmtKind> {
    let mut rest = rest;
    let (value_at, value) = rest.pop().expect("grammar guarantees one '='");
    let mut starts = vec![first_at];
    starts.extend(rest.iter().map(|(at, _)| *at));
    let mut targets = Vec::with_capacity(rest.len() + 1);
    targets.push(first);
    targets.extend(rest.into_iter().map(|(_, e)| e));
    let single = targets.len() == 1;
    for (t, &at) in targets.iter().zip(&starts) {
        let bare = match &t.kind {
            ExprKind::Tuple(elts) => !is_parenthesized_tuple(t) && !elts.is_empty(),
            _ => t.span.start as usize == at,
        };
        if bare && matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Err(SyntaxError::new("assignment to yield expression not possible", t.span));
        }
        let Some(bad) = invalid_target(t, TargetKind::Star) else { continue };
        if single && starts_with_bitwise_or(&value, value_at) {
            // CPython's `invalid_named_expression` looks at the expression
            // right before `=`: the target, or the last item of a bare tuple.
            let excluded = |e: &Expr| {
                matches!(
                    e.kind,
                    ExprKind::List(_)
                        | ExprKind::Tuple(_)
                        | ExprKind::GeneratorExp { .. }
                        | ExprKind::Constant(Constant::None | Constant::Bool(_))
                )
            };
            match &t.kind {
                ExprKind::Tuple(elts) if bare => {
                    if let Some(e) = elts.last() {
                        if let ExprKind::Name(_) = e.kind {
                            let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                            return Err(SyntaxError::new(msg, e.span.to(value.span)));
                        }
                        if !excluded(e) && is_bitwise_or(e) {
                            let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e));
                            return Err(SyntaxError::new(msg, e.span));
                        }
                    }
                }
                _ if !excluded(t) && (!bare || is_bitwise_or(t)) => {
                    let msg = format!("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(t));
                    return Err(SyntaxError::new(msg, t.span));
                }
                _ => {}
            }
        }
        return Err(SyntaxError::new(format!("cannot assign to {}", expr_name(bad)), bad.span));
    }
    Ok(StmtKind::Assign { targets, value })
}

pub fn aug_assign(target: Expr, op: BinOp, value: Expr) -> PResult<StmtKind> {
    match target.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
            Ok(StmtKind::AugAssign { target, op, value })
        }
        _ => {
            let msg = format!("'{}' is an illegal expression for augmented assignment", expr_name(&target));
            Err(SyntaxError::new(msg, target.span))
        }
    }
}

/// `target: annotation [= value]`; `stmt_start` tells whether a name
/// target was parenthesised (then it is not "simple").
pub fn ann_assign(stmt_start: usize, target: Expr, annotation: Expr, value: Option<Expr>) -> PResult<StmtKind> {
    let simple = match &target.kind {
        ExprKind::Name(_) => target.span.start as usize == stmt_start,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::Tuple(elts) => {
            let at = match elts.first() {
                Some(first) if !is_parenthesized_tuple(&target) => first.span,
                _ => target.span,
            };
            return Err(SyntaxError::new("only single target (not tuple) can be annotated", at));
        }
        ExprKind::List(_) => {
            return Err(SyntaxError::new("only single target (not list) can be annotated", target.span));
        }
        _ => return Err(SyntaxError::new("illegal target for annotation", target.span)),
    };
    Ok(StmtKind::AnnAssign { target, annotation, value, simple })
}

pub fn delete(targets: Vec<Expr>) -> PResult<StmtKind> {
    for t in &targets {
        check_target(t, TargetKind::Del)?;
    }
    Ok(StmtKind::Delete(targets))
}

pub fn with_item(context_expr: Expr, target: Expr) -> PResult<WithItem> {
    check_target(&target, TargetKind::Star)?;
    Ok(WithItem { context_expr, optional_vars: Some(target) })
}
