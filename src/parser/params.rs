//! Parameter lists of `def` and `lambda`: the grammar collects a flat list
//! of items (`a`, `a=1`, `/`, `*`, `*args`, `**kw`); this module checks
//! their order with CPython 3.11's messages and builds `ast::Arguments`.

use super::helpers::{err, PResult, ParamItem};
use crate::ast::Arguments;

#[derive(PartialEq, Eq, Clone, Copy)]
enum Section {
    Positional,
    KeywordOnly,
    AfterKwargs,
}

fn item_start(item: &ParamItem) -> (usize, usize) {
    match item {
        ParamItem::Plain(a, _) => (a.span.start as usize, a.span.end as usize),
        ParamItem::Slash(l, r)
        | ParamItem::Star(_, l, r)
        | ParamItem::DoubleStar(_, l, r)
        | ParamItem::BadDefault(_, l, r) => (*l, *r),
    }
}

/// Checks and builds a `def` parameter list.
pub fn check_items(items: Vec<ParamItem>) -> PResult<Arguments> {
    build(items, None)
}

/// Checks and builds a `lambda` parameter list; `end` is where the list
/// ends (CPython reports a bare `*` at the token after it).
pub fn check_lambda_items(src: &str, items: Vec<ParamItem>, end: usize) -> PResult<Arguments> {
    let rest = src.get(end..).unwrap_or("");
    let next = end + (rest.len() - rest.trim_start().len());
    build(items, Some(next))
}

fn build(items: Vec<ParamItem>, lambda_next: Option<usize>) -> PResult<Arguments> {
    let mut out = Arguments::default();
    let mut section = Section::Positional;
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut bare_star: Option<(usize, usize)> = None;
    let mut seen_any = false;
    let count = items.len();
    for item in items {
        let first = !seen_any;
        seen_any = true;
        if section == Section::AfterKwargs {
            let (l, r) = item_start(&item);
            return err("arguments cannot follow var-keyword argument", l, r);
        }
        match item {
            ParamItem::BadDefault(star, l, r) => {
                let what = if star { "var-positional" } else { "var-keyword" };
                return err(format!("{what} argument cannot have default value"), l, r);
            }
            ParamItem::Slash(l, r) => {
                if seen_slash {
                    return err("/ may appear only once", l, r);
                }
                if seen_star {
                    return err("/ must be ahead of *", l, r);
                }
                if out.args.is_empty() {
                    let alone = first && count == 1;
                    let msg = if alone { "invalid syntax" } else { "at least one argument must precede /" };
                    return err(msg, l, r);
                }
                seen_slash = true;
                out.posonlyargs = std::mem::take(&mut out.args);
            }
            ParamItem::Star(arg, l, r) => {
                if seen_star {
                    return err("* argument may appear only once", l, r);
                }
                seen_star = true;
                section = Section::KeywordOnly;
                if arg.is_none() {
                    bare_star = Some((l, r));
                }
                out.vararg = arg;
            }
            ParamItem::DoubleStar(arg, _, _) => {
                out.kwarg = Some(arg);
                section = Section::AfterKwargs;
            }
            ParamItem::Plain(arg, default) => match section {
                Section::Positional => {
                    match default {
                        Some(d) => out.defaults.push(d),
                        None if !out.defaults.is_empty() => {
                            let (l, r) = (arg.span.start as usize, arg.span.end as usize);
                            return err("non-default argument follows default argument", l, r);
                        }
                        None => {}
                    }
                    out.args.push(arg);
                }
                _ => {
                    out.kwonlyargs.push(arg);
                    out.kw_defaults.push(default);
                }
            },
        }
    }
    if let Some((l, r)) = bare_star {
        if out.kwonlyargs.is_empty() {
            let (l, r) = match (lambda_next, &out.kwarg) {
                (Some(_), Some(k)) => (k.span.start as usize - 2, k.span.start as usize),
                (Some(n), None) => (n, n + 1),
                (None, _) => (l, r),
            };
            return err("named arguments must follow bare *", l, r);
        }
    }
    Ok(out)
}
