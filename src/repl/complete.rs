//! Tab completion with CPython's `rlcompleter` rules: keywords (with a
//! space or colon after them), names in `__main__` and the builtins, and
//! attributes after a dot (`asyncio.ga` -> `asyncio.gather(`); callables
//! get a `(`. Names starting with `_` are offered only once the prefix
//! starts with `_` (`__` for dunder names). The object before the dot must
//! be a dotted name: completion looks attributes up, it never calls.
//! Tab on an empty (or all-blank) line indents.

use crate::repl::input::INDENT;
use crate::repl::scan::{scan, Kind};
use crate::runtime::value::Value;
use crate::vm::interactive::Interactive;
use crate::vm::Vm;

/// Python 3.11's `keyword.kwlist`.
pub const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try",
    "while", "with", "yield",
];

/// Where the completed word starts in `line`, and the candidates (sorted,
/// without duplicates) that replace `line[start..pos]`.
pub fn complete(vm: &mut Vm, session: &Interactive, line: &str, pos: usize) -> (usize, Vec<String>) {
    let pos = pos.min(line.len());
    if !line.is_char_boundary(pos) {
        return (pos, Vec::new());
    }
    let before = &line[..pos];
    if before.trim().is_empty() {
        let width = INDENT - before.chars().count() % INDENT;
        return (pos, vec![" ".repeat(width)]);
    }
    // Not inside a string or a comment.
    let s = scan(before);
    if s.open_string || s.tokens.last().is_some_and(|t| t.end == pos && matches!(t.kind, Kind::Str | Kind::Comment)) {
        return (pos, Vec::new());
    }
    let start = before.rfind(|c: char| !(c == '_' || c == '.' || c.is_alphanumeric())).map_or(0, |i| i + before[i..].chars().next().map_or(1, |c| c.len_utf8()));
    let word = &before[start..];
    if word.is_empty() || word.starts_with(|c: char| c.is_ascii_digit()) {
        return (pos, Vec::new());
    }
    match word.rfind('.') {
        Some(dot) => {
            let (expr, attr) = (&word[..dot], &word[dot + 1..]);
            (start + dot + 1, attr_matches(vm, session, expr, attr))
        }
        None => (start, global_matches(vm, session, word)),
    }
}

fn global_matches(vm: &mut Vm, session: &Interactive, text: &str) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for &kw in KEYWORDS {
        if kw.starts_with(text) {
            seen.push(kw.to_string());
            out.push(match kw {
                "finally" | "try" => format!("{}:", kw),
                "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => kw.to_string(),
                _ => format!("{} ", kw),
            });
        }
    }
    for (name, value) in vm.interactive_names(session) {
        if name.starts_with(text) && !seen.contains(&name) {
            seen.push(name.clone());
            out.push(with_call_paren(vm, name, value));
        }
    }
    out.sort();
    out.dedup();
    out
}

fn attr_matches(vm: &mut Vm, session: &Interactive, expr: &str, attr: &str) -> Vec<String> {
    let Some(obj) = resolve(vm, session, expr) else { return Vec::new() };
    let Some(dir) = lookup_builtin(vm, "dir") else { return Vec::new() };
    let names = match vm.call_value(dir, &[obj], &[]).and_then(|l| vm.collect_iterable(l)) {
        Ok(items) => items.into_iter().filter_map(|v| vm.str_of(v).map(|s| s.to_string())).collect::<Vec<_>>(),
        Err(_) => return Vec::new(),
    };
    let hide = if attr.is_empty() {
        Some("_")
    } else if attr == "_" {
        Some("__")
    } else {
        None
    };
    let mut out = Vec::new();
    for name in names {
        if !name.starts_with(attr) || name == "__builtins__" {
            continue;
        }
        if hide.is_some_and(|h| name.starts_with(h)) {
            continue;
        }
        let n = vm.intern(&name);
        let entry = match vm.get_attr(obj, n) {
            Ok(v) => with_call_paren(vm, name, v),
            Err(_) => name,
        };
        out.push(entry);
    }
    out.sort();
    out.dedup();
    out
}

/// The value of a dotted name (`a`, `a.b.c`) at the prompt, looked up
/// without calling anything but attribute access.
fn resolve(vm: &mut Vm, session: &Interactive, expr: &str) -> Option<Value> {
    let mut parts = expr.split('.');
    let first = parts.next()?;
    if !is_identifier(first) {
        return None;
    }
    let k = vm.intern(first);
    let mut v = vm.dict_get_str(session.globals, k).or_else(|| {
        let b = vm.builtins;
        vm.dict_get_str(b, k)
    })?;
    for p in parts {
        if !is_identifier(p) {
            return None;
        }
        let k = vm.intern(p);
        v = vm.get_attr(v, k).ok()?;
    }
    Some(v)
}

fn lookup_builtin(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    let b = vm.builtins;
    vm.dict_get_str(b, k)
}

fn is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c == '_' || c.is_alphabetic()) && cs.all(|c| c == '_' || c.is_alphanumeric())
}

fn with_call_paren(vm: &mut Vm, name: String, v: Value) -> String {
    if crate::builtins::functions::is_callable(vm, v) {
        format!("{}(", name)
    } else {
        name
    }
}
