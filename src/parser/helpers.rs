//! AST builders called from grammar actions: expressions, calls,
//! comprehensions, compound statements. Each takes the pieces the grammar
//! matched plus byte offsets, and returns an AST node (or a CPython-worded
//! `SyntaxError` for checks the grammar cannot express).

use super::depth::guard;
use super::targets::{check_target, TargetKind};
use crate::ast::*;
use crate::source::{Span, SyntaxError};

pub type PResult<T> = Result<T, SyntaxError>;

/// One argument of a call or class header, before order checks.
pub enum ArgItem {
    Pos(Expr),
    /// An unparenthesised generator expression argument.
    Gen(Expr),
    /// `*x` (already wrapped in `Starred`).
    Star(Expr),
    /// `**x` with the item's start and end.
    DoubleStar(Expr, usize, usize),
    /// `k=v`: key expression, value, start, end of `=`, end.
    Keyword(Expr, Expr, usize, usize, usize),
}

/// One parameter-list item, before order checks (see `params.rs`).
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Slash(usize, usize),
    Star(Option<Arg>, usize, usize),
    DoubleStar(Arg, usize, usize),
    /// `*a=1` (true) or `**k=1` (false), with the span of the `=`.
    BadDefault(bool, usize, usize),
}

pub enum CompKind {
    List,
    Set,
    Gen,
}

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr::new(span(l, r), kind)
}

pub fn name(n: String, l: usize, r: usize) -> Expr {
    expr(ExprKind::Name(n), l, r)
}

pub fn constant(c: Constant, l: usize, r: usize) -> Expr {
    expr(ExprKind::Constant(c), l, r)
}

pub fn attribute(v: Expr, attr: String, l: usize, r: usize) -> Expr {
    guarded(expr(ExprKind::Attribute { value: Box::new(v), attr }, l, r))
}

/// Builds a node that can form long chains, checking its nesting depth.
fn guarded(e: Expr) -> Expr {
    if guard(&e) {
        // Too deep: the parse will fail; stop the tree from growing.
        return Expr::new(e.span, ExprKind::Constant(Constant::None));
    }
    e
}

pub fn starred(e: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::Starred(Box::new(e)), l, r)
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    guarded(expr(ExprKind::UnaryOp { op, operand: Box::new(e) }, l, r))
}

pub fn bin_op(a: Expr, op: BinOp, b: Expr, l: usize, r: usize) -> Expr {
    guarded(expr(ExprKind::BinOp { left: Box::new(a), op, right: Box::new(b) }, l, r))
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>, l: usize, r: usize) -> Expr {
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    expr(ExprKind::BoolOp { op, values }, l, r)
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>, l: usize, r: usize) -> Expr {
    let (ops, comparators) = rest.into_iter().unzip();
    expr(ExprKind::Compare { left: Box::new(left), ops, comparators }, l, r)
}

pub fn if_exp(test: Expr, body: Expr, orelse: Expr, l: usize, r: usize) -> Expr {
    let kind = ExprKind::IfExp { test: Box::new(test), body: Box::new(body), orelse: Box::new(orelse) };
    guarded(expr(kind, l, r))
}

fn items(mut v: Vec<Expr>, last: Option<Expr>) -> Vec<Expr> {
    v.extend(last);
    v
}

pub fn tuple(v: Vec<Expr>, last: Option<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::Tuple(items(v, last)), l, r)
}

pub fn list(v: Vec<Expr>, last: Option<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::List(items(v, last)), l, r)
}

pub fn set(v: Vec<Expr>, l: usize, r: usize) -> Expr {
    expr(ExprKind::Set(v), l, r)
}

pub fn dict(entries: Vec<(Option<Expr>, Expr)>, l: usize, r: usize) -> Expr {
    let (keys, values) = entries.into_iter().unzip();
    expr(ExprKind::Dict { keys, values }, l, r)
}

pub fn dict_comp(k: Expr, v: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    expr(ExprKind::DictComp { key: Box::new(k), value: Box::new(v), generators }, l, r)
}

pub fn comp(kind: CompKind, elt: Expr, generators: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    let elt = Box::new(elt);
    let kind = match kind {
        CompKind::List => ExprKind::ListComp { elt, generators },
        CompKind::Set => ExprKind::SetComp { elt, generators },
        CompKind::Gen => ExprKind::GeneratorExp { elt, generators },
    };
    expr(kind, l, r)
}

pub fn comprehension(is_async: bool, target: Expr, iter: Expr, ifs: Vec<Expr>) -> PResult<Comprehension> {
    check_target(&target, TargetKind::For)?;
    Ok(Comprehension { target, iter, ifs, is_async })
}

pub fn slice(lo: Option<Expr>, hi: Option<Expr>, st: Option<Expr>, l: usize, r: usize) -> Expr {
    let kind = ExprKind::Slice { lower: lo.map(Box::new), upper: hi.map(Box::new), step: st.map(Box::new) };
    expr(kind, l, r)
}

/// `a[*b]` indexes with the tuple `(*b,)`.
pub fn single_subscript(e: Expr) -> Expr {
    if matches!(e.kind, ExprKind::Starred(_)) {
        let sp = e.span;
        return Expr::new(sp, ExprKind::Tuple(vec![e]));
    }
    e
}

pub fn subscript(v: Expr, index: Expr, l: usize, r: usize) -> Expr {
    guarded(expr(ExprKind::Subscript { value: Box::new(v), index: Box::new(index) }, l, r))
}

/// `(*a)`: a starred expression alone in parentheses.
pub fn starred_alone(e: Expr) -> PResult<Expr> {
    Err(SyntaxError::new("cannot use starred expression here", e.span))
}

pub fn err<T>(msg: impl Into<String>, l: usize, r: usize) -> PResult<T> {
    Err(SyntaxError::new(msg, span(l, r)))
}

/// Splits call arguments into positional and keyword lists, enforcing
/// CPython's ordering rules and keyword-name checks. `close` is where the
/// closing `)` is (CPython reports some ordering errors there).
pub fn call_args(items: Vec<ArgItem>, trailing_comma: bool, close: usize) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let single = items.len() == 1 && !trailing_comma;
    let mut args = Vec::new();
    let mut keywords = Vec::new();
    // 0: positional; 1: after `k=v`; 2: after `**x`.
    let mut state = 0;
    for item in items {
        match item {
            ArgItem::Gen(e) if !single => {
                return Err(SyntaxError::new("Generator expression must be parenthesized", e.span));
            }
            ArgItem::Pos(e) | ArgItem::Gen(e) => match state {
                1 => return err("positional argument follows keyword argument", close, close + 1),
                2 => {
                    let msg = "positional argument follows keyword argument unpacking";
                    return err(msg, close, close + 1);
                }
                _ => args.push(e),
            },
            ArgItem::Star(e) => {
                if state == 2 {
                    let msg = "iterable argument unpacking follows keyword argument unpacking";
                    return Err(SyntaxError::new(msg, e.span));
                }
                args.push(e);
            }
            ArgItem::DoubleStar(e, l, r) => {
                state = 2;
                keywords.push(Keyword { span: span(l, r), arg: None, value: e });
            }
            ArgItem::Keyword(k, v, l, eq_end, r) => {
                let parenthesized = k.span.start as usize != l;
                let arg = match k.kind {
                    ExprKind::Name(n) if !parenthesized => n,
                    ExprKind::Constant(Constant::Bool(b)) => {
                        let what = if b { "True" } else { "False" };
                        return err(format!("cannot assign to {what}"), l, eq_end);
                    }
                    ExprKind::Constant(Constant::None) => return err("cannot assign to None", l, eq_end),
                    _ => {
                        let msg = "expression cannot contain assignment, perhaps you meant \"==\"?";
                        return err(msg, k.span.start as usize, eq_end);
                    }
                };
                if state == 0 {
                    state = 1;
                }
                keywords.push(Keyword { span: span(l, r), arg: Some(arg), value: v });
            }
        }
    }
    Ok((args, keywords))
}

/// `f(args)`; `lp` is where `(` is (a lone generator argument spans the
/// call's parentheses, as in CPython).
pub fn call(f: Expr, a: (Vec<ArgItem>, bool), lp: usize, l: usize, r: usize) -> PResult<Expr> {
    let (mut items, trailing) = a;
    if let [ArgItem::Gen(g)] = items.as_mut_slice() {
        if !trailing {
            g.span = span(lp, r);
        }
    }
    let (args, keywords) = call_args(items, trailing, r - 1)?;
    Ok(guarded(expr(ExprKind::Call { func: Box::new(f), args, keywords }, l, r)))
}

pub fn lambda(p: Option<Arguments>, body: Expr, l: usize, r: usize) -> PResult<Expr> {
    let args = Box::new(p.unwrap_or_default());
    Ok(guarded(expr(ExprKind::Lambda { args, body: Box::new(body) }, l, r)))
}

pub fn arg(name: String, annotation: Option<Expr>, l: usize, r: usize) -> Arg {
    Arg { span: span(l, r), name, annotation }
}

pub fn alias(name: String, asname: Option<String>, l: usize, r: usize) -> Alias {
    Alias { name, asname, span: span(l, r) }
}

pub fn import_from(
    dots: Vec<u32>,
    module: Option<String>,
    import_at: usize,
    targets: (Vec<Alias>, Option<usize>),
) -> PResult<StmtKind> {
    if dots.is_empty() && module.is_none() {
        return err("invalid syntax", import_at, import_at + 6);
    }
    if let Some(c) = targets.1 {
        return err("trailing comma not allowed without surrounding parentheses", c + 1, c + 1);
    }
    Ok(StmtKind::ImportFrom { module, names: targets.0, level: dots.iter().sum() })
}

// ------------------------------------------------------------ statements

/// End offset of the last statement of a block.
fn block_end(b: &[Stmt], default: usize) -> usize {
    b.last().map_or(default, |s| s.span.end as usize)
}

pub fn if_stmt(
    l: usize,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    orelse: Option<Vec<Stmt>>,
) -> Stmt {
    // Build the elif chain from the innermost (last) one outwards.
    let mut tail = orelse.unwrap_or_default();
    for (el, t, b) in elifs.into_iter().rev() {
        let end = block_end(&tail, block_end(&b, el));
        let s = Stmt::new(span(el, end), StmtKind::If { test: t, body: b, orelse: tail });
        tail = vec![s];
    }
    let end = block_end(&tail, block_end(&body, l));
    Stmt::new(span(l, end), StmtKind::If { test, body, orelse: tail })
}

pub fn while_stmt(l: usize, test: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> Stmt {
    let orelse = orelse.unwrap_or_default();
    let end = block_end(&orelse, block_end(&body, l));
    Stmt::new(span(l, end), StmtKind::While { test, body, orelse })
}

pub fn for_stmt(l: usize, target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Option<Vec<Stmt>>) -> PResult<Stmt> {
    check_target(&target, TargetKind::For)?;
    let orelse = orelse.unwrap_or_default();
    let end = block_end(&orelse, block_end(&body, l));
    Ok(Stmt::new(span(l, end), StmtKind::For { target, iter, body, orelse, is_async: false }))
}

pub fn handler(l: usize, typ: Option<Expr>, name: Option<String>, body: Vec<Stmt>) -> ExceptHandler {
    let end = block_end(&body, l);
    ExceptHandler { span: span(l, end), typ, name, body }
}

pub fn except_clause(
    l: usize,
    star: bool,
    typ: Expr,
    name: Option<String>,
    body: Vec<Stmt>,
) -> PResult<(bool, ExceptHandler)> {
    if let ExprKind::Tuple(elts) = &typ.kind {
        let bare = elts.first().is_some_and(|e| e.span.start == typ.span.start);
        if bare {
            return Err(SyntaxError::new("multiple exception types must be parenthesized", typ.span));
        }
    }
    Ok((star, handler(l, Some(typ), name, body)))
}

pub fn except_star_bare(colon: usize) -> PResult<(bool, ExceptHandler)> {
    err("expected one or more exception types", colon, colon + 1)
}

pub fn try_stmt(
    l: usize,
    body: Vec<Stmt>,
    handlers: Vec<(bool, ExceptHandler)>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
) -> PResult<Stmt> {
    let is_star = handlers.first().is_some_and(|h| h.0);
    if let Some((_, h)) = handlers.iter().find(|h| h.0 != is_star) {
        let at = h.span.start as usize;
        return err("cannot have both 'except' and 'except*' on the same 'try'", at, at + 6);
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.1).collect();
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let mut end = block_end(&body, l);
    if let Some(h) = handlers.last() {
        end = h.span.end as usize;
    }
    end = block_end(&finalbody, block_end(&orelse, end));
    let kind = StmtKind::Try { body, handlers, orelse, finalbody, is_star };
    Ok(Stmt::new(span(l, end), kind))
}

pub fn with_stmt(l: usize, items: Vec<WithItem>, body: Vec<Stmt>) -> Stmt {
    let end = block_end(&body, l);
    Stmt::new(span(l, end), StmtKind::With { items, body, is_async: false })
}

pub fn func_def(
    l: usize,
    name: String,
    params: Option<Arguments>,
    returns: Option<Expr>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let end = block_end(&body, l);
    let def = FunctionDef {
        span: span(l, end),
        name,
        args: params.unwrap_or_default(),
        body,
        decorators: Vec::new(),
        returns,
        is_async: false,
    };
    Ok(Stmt::new(span(l, end), StmtKind::FunctionDef(Box::new(def))))
}

pub fn class_def(
    src: &str,
    l: usize,
    name: String,
    args: Option<(Vec<ArgItem>, bool, usize)>,
    body: Vec<Stmt>,
) -> PResult<Stmt> {
    let (bases, keywords) = match args {
        None => (Vec::new(), Vec::new()),
        Some((items, trailing, close)) => {
            if let Some(ArgItem::Gen(g)) = items.iter().find(|a| matches!(a, ArgItem::Gen(_))) {
                // CPython stops at the `for` of an unparenthesised generator.
                if let ExprKind::GeneratorExp { elt, .. } = &g.kind {
                    let mut at = elt.span.end as usize;
                    let rest = src.get(at..).unwrap_or("");
                    at += rest.len() - rest.trim_start().len();
                    let kw = if src[at..].starts_with("async") { 5 } else { 3 };
                    return err("invalid syntax", at, at + kw);
                }
            }
            call_args(items, trailing, close)?
        }
    };
    let end = block_end(&body, l);
    let def = ClassDef { span: span(l, end), name, bases, keywords, body, decorators: Vec::new() };
    Ok(Stmt::new(span(l, end), StmtKind::ClassDef(Box::new(def))))
}

pub fn decorate(decorators: Vec<Expr>, mut s: Stmt) -> Stmt {
    match &mut s.kind {
        StmtKind::FunctionDef(f) => f.decorators = decorators,
        StmtKind::ClassDef(c) => c.decorators = decorators,
        _ => {}
    }
    s
}

/// Marks a `def` / `for` / `with` as `async`, its span starting at `async`.
pub fn make_async(l: usize, mut s: Stmt) -> Stmt {
    s.span.start = l as u32;
    match &mut s.kind {
        StmtKind::FunctionDef(f) => {
            f.is_async = true;
            f.span.start = l as u32;
        }
        StmtKind::For { is_async, .. } | StmtKind::With { is_async, .. } => *is_async = true,
        _ => {}
    }
    s
}

pub fn match_stmt(l: usize, subject: Expr, cases: Vec<MatchCase>) -> Stmt {
    let end = cases.last().map_or(l, |c| block_end(&c.body, l));
    Stmt::new(span(l, end), StmtKind::Match { subject, cases })
}
