//! `str`: construction, indexing and slicing by code point, and the string
//! methods (splitting, joining, stripping, searching, case, predicates,
//! padding, `format`, `encode`, ...).

use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_method, add_native, Kind};
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::str::PyStr;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

const METHODS: &[(&str, NativeFn)] = &[
    ("__len__", str_len),
    ("__contains__", str_contains),
    ("__getitem__", str_getitem_m),
    ("__iter__", str_iter),
    ("__add__", str_add),
    ("__mul__", str_mul),
    ("__rmul__", str_mul),
    ("__mod__", str_mod),
    ("__eq__", str_eq),
    ("__ne__", str_ne),
    ("__lt__", str_lt),
    ("__le__", str_le),
    ("__gt__", str_gt),
    ("__ge__", str_ge),
    ("__hash__", str_hash_m),
    ("__repr__", str_repr_m),
    ("__str__", str_str),
    ("__format__", str_format_m),
    ("join", join),
    ("split", split),
    ("rsplit", rsplit),
    ("splitlines", splitlines),
    ("strip", strip),
    ("lstrip", lstrip),
    ("rstrip", rstrip),
    ("replace", replace),
    ("find", find),
    ("rfind", rfind),
    ("index", index),
    ("rindex", rindex),
    ("count", count),
    ("startswith", startswith),
    ("endswith", endswith),
    ("format", format),
    ("format_map", format_map),
    ("encode", encode),
    ("zfill", zfill),
    ("ljust", ljust),
    ("rjust", rjust),
    ("center", center),
    ("partition", partition),
    ("rpartition", rpartition),
    ("expandtabs", expandtabs),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("translate", translate),
];

pub fn install(vm: &mut Vm) {
    let t = vm.types.str;
    add_native(vm, t, "str", "__new__", str_new, Kind::Static);
    for &(name, f) in METHODS.iter().chain(crate::builtins::str_case::METHODS) {
        add_method(vm, t, "str", name, f);
    }
    add_native(vm, t, "str", "maketrans", maketrans, Kind::Static);
}

/// The receiver of a str method, as a Rust string.
fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<String> {
    match args.first().and_then(|v| vm.str_of(*v)) {
        Some(s) => Ok(s.to_string()),
        None => match args.first() {
            Some(v) => {
                let tn = vm.type_name(*v);
                Err(vm.type_error(format!("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", name, tn)))
            }
            None => Err(vm.type_error(format!("unbound method str.{}() needs an argument", name))),
        },
    }
}

fn str_arg(vm: &mut Vm, v: Value, fname: &str) -> PyResult<String> {
    match vm.str_of(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{} argument must be str, not {}", fname, tn)))
        }
    }
}

/// `ascii()`: escape non-ASCII characters of a repr.
pub fn ascii_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let cp = c as u32;
        if cp < 0x80 {
            out.push(c);
        } else if cp < 0x100 {
            out.push_str(&format!("\\x{:02x}", cp));
        } else if cp < 0x10000 {
            out.push_str(&format!("\\u{:04x}", cp));
        } else {
            out.push_str(&format!("\\U{:08x}", cp));
        }
    }
    out
}

fn str_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.str);
    let obj = args.get(1).copied().or_else(|| kwarg(vm, kw, "object"));
    let encoding = args.get(2).copied().or_else(|| kwarg(vm, kw, "encoding"));
    if let Some(o) = obj {
        // str(s) of an exact str is s itself.
        if cls == vm.types.str && args.len() == 2 && kw.is_empty() && vm.type_of(o) == vm.types.str {
            return Ok(o);
        }
    }
    let s = match obj {
        None => String::new(),
        Some(o) => {
            let errors = args.get(3).copied().or_else(|| kwarg(vm, kw, "errors"));
            let raw: Option<Vec<u8>> = if encoding.is_some() || errors.is_some() {
                match crate::builtins::bytes_methods::buffer(vm, o) {
                    Some(b) => Some(b),
                    None => {
                        let tn = vm.type_name(o);
                        return Err(vm.type_error(format!("decoding to str: need a bytes-like object, {} found", tn)));
                    }
                }
            } else {
                None
            };
            match raw {
                Some(b) => {
                    let enc = crate::builtins::codecs::str_param(vm, encoding, "str", 2, "encoding")?.unwrap_or_else(|| "utf-8".into());
                    let err = crate::builtins::codecs::str_param(vm, errors, "str", 3, "errors")?.unwrap_or_else(|| "strict".into());
                    crate::builtins::codecs::decode(vm, &b, &enc, &err)?
                }
                None => vm.to_str_string(o)?,
            }
        }
    };
    if cls == vm.types.str {
        return Ok(vm.new_str(s));
    }
    Ok(vm.alloc(cls, ObjData::Str(crate::runtime::str::PyStr::new(s))))
}

/// `s[key]` for a str object.
pub fn str_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let (is_ascii, len) = match vm.heap.data(r) {
        ObjData::Str(s) => (s.is_ascii(), s.char_len()),
        _ => (true, 0),
    };
    if let Some(i) = vm.int_value(key) {
        let j = if i < 0 { i + len as i64 } else { i };
        if j < 0 || j >= len as i64 {
            return Err(vm.index_error("string index out of range"));
        }
        let c = match vm.heap.data(r) {
            ObjData::Str(s) => s.char_at(j as usize),
            _ => None,
        };
        return Ok(vm.char_value(c.unwrap_or(' ')));
    }
    if let Some(ObjData::Slice(_)) = key.as_obj().map(|k| vm.heap.data(k)) {
        let (start, _, step, n) = vm.slice_indices(key.as_obj().expect("slice"), len)?;
        let s = match vm.heap.data(r) {
            ObjData::Str(s) => s.as_str().to_string(),
            _ => String::new(),
        };
        let out: String = if step == 1 {
            if is_ascii {
                s[start as usize..start as usize + n].to_string()
            } else {
                s.chars().skip(start as usize).take(n).collect()
            }
        } else {
            let chars: Vec<char> = s.chars().collect();
            (0..n).map(|k| chars[(start + k as i64 * step) as usize]).collect()
        };
        return Ok(vm.new_str(out));
    }
    let n = vm.names.__index__;
    if vm.lookup_special(key, n).is_some() {
        let i = vm.index_value(key)?;
        return str_getitem(vm, r, Value::Int(i));
    }
    let tn = vm.type_name(key);
    Err(vm.type_error(format!("string indices must be integers, not '{}'", tn)))
}

fn str_getitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    recv(vm, args, "__getitem__")?;
    str_getitem(vm, args[0].as_obj().expect("str"), args[1])
}

fn str_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "__len__")?;
    Ok(Value::Int(s.chars().count() as i64))
}

fn str_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let s = recv(vm, args, "__contains__")?;
    match vm.str_of(args[1]) {
        Some(n) => Ok(Value::Bool(s.contains(n))),
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("'in <string>' requires string as left operand, not {}", tn)))
        }
    }
}

fn str_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = args[0].as_obj().expect("str");
    let cls = vm.types.str_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(crate::runtime::iter::IterState::Str { s: r, pos: 0 }))))
}

fn str_add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    let s = recv(vm, args, "__add__")?;
    match vm.str_of(args[1]) {
        Some(t) => Ok(vm.new_str(format!("{}{}", s, t))),
        None => Ok(vm.not_implemented),
    }
}

fn str_mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    let s = recv(vm, args, "__mul__")?;
    let Some(n) = vm.int_value(args[1]) else { return Ok(vm.not_implemented) };
    if n <= 0 {
        return Ok(vm.new_str(""));
    }
    if s.len() as u128 * n as u128 > (1 << 32) {
        return Err(vm.memory_error());
    }
    Ok(vm.new_str(s.repeat(n as usize)))
}

fn str_mod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mod__", args, 2, 2)?;
    vm.percent_format(args[0], args[1])
}

fn cmp(vm: &mut Vm, args: &[Value], f: fn(&str, &str) -> bool) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    let s = recv(vm, args, "comparison")?;
    match vm.str_of(args[1]) {
        Some(t) => Ok(Value::Bool(f(&s, t))),
        None => Ok(vm.not_implemented),
    }
}

fn str_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a == b)
}

fn str_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a != b)
}

fn str_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a < b)
}

fn str_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a <= b)
}

fn str_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a > b)
}

fn str_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp(vm, args, |a, b| a >= b)
}

fn str_hash_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "__hash__")?;
    Ok(Value::Int((crate::runtime::str::str_hash(s.as_bytes()) & ((1 << 62) - 1)) as i64))
}

fn str_repr_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "__repr__")?;
    Ok(vm.new_str(crate::builtins::repr::str_repr(&s)))
}

fn str_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "__str__")?;
    if vm.type_of(args[0]) == vm.types.str {
        return Ok(args[0]);
    }
    Ok(vm.new_str(s))
}

fn str_format_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__format__", args, 2, 2)?;
    let s = recv(vm, args, "__format__")?;
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    let sv = vm.new_str(s);
    let out = vm.format(sv, &spec)?;
    Ok(vm.new_str(out))
}

fn join(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "str.join", args, 2, 2)?;
    let sep = recv(vm, args, "join")?;
    let items = vm.collect_iterable(args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(&sep);
        }
        match vm.str_of(*it) {
            Some(s) => out.push_str(s),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!("sequence item {}: expected str instance, {} found", i, tn)));
            }
        }
    }
    Ok(vm.new_str(out))
}

fn maxsplit_arg(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<i64> {
    match args.get(2).copied().or_else(|| kwarg(vm, kw, "maxsplit")) {
        Some(v) => vm.index_value(v),
        None => Ok(-1),
    }
}

fn sep_arg(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Option<String>> {
    match args.get(1).copied().or_else(|| kwarg(vm, kw, "sep")) {
        None | Some(Value::None) => Ok(None),
        Some(v) => match vm.str_of(v) {
            Some("") => Err(vm.value_error("empty separator")),
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("must be str or None, not {}", tn)))
            }
        },
    }
}

fn str_list(vm: &mut Vm, parts: Vec<String>) -> Value {
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_str(p)).collect();
    vm.new_list(vals)
}

pub fn split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(crate::builtins::unicode::is_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            return out;
        }
        match rest.find(crate::builtins::unicode::is_space) {
            Some(i) => {
                out.push(rest[..i].to_string());
                rest = rest[i..].trim_start_matches(crate::builtins::unicode::is_space);
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    // The receiver is checked first (CPython's order) but not copied: the
    // parts are cut straight from the heap string.
    if args.first().and_then(|v| vm.str_of(*v)).is_none() {
        recv(vm, args, "split")?;
    }
    let sep = sep_arg(vm, args, kw)?;
    let maxsplit = maxsplit_arg(vm, args, kw)?;
    let (ascii, parts): (bool, Vec<Box<str>>) = {
        let s = args.first().and_then(|v| vm.str_of(*v)).unwrap_or("");
        let parts = match sep {
            None => split_whitespace_parts(s, maxsplit),
            Some(sep) => {
                if maxsplit < 0 {
                    let mut parts = Vec::with_capacity(SPLIT_START_CAPACITY);
                    match ascii_char(&sep) {
                        Some(c) => parts.extend(s.split(c).map(Box::from)),
                        None => parts.extend(s.split(sep.as_str()).map(Box::from)),
                    }
                    parts
                } else {
                    s.splitn(maxsplit as usize + 1, sep.as_str()).map(Box::from).collect()
                }
            }
        };
        (s.is_ascii(), parts)
    };
    // Pieces of an ASCII string are ASCII: no second scan of each.
    let vals: Vec<Value> = if ascii {
        let cls = vm.types.str;
        parts.into_iter().map(|p| vm.alloc(cls, ObjData::Str(PyStr::new_ascii(p)))).collect()
    } else {
        parts.into_iter().map(|p| vm.new_str(p)).collect()
    };
    Ok(vm.new_list(vals))
}

/// Room for the parts of a split before the first regrowth: a line of
/// text has about this many words, and growing 0 -> 4 -> 8 -> 16 cost
/// three reallocations per line (dict_str: 12 000 regrowths, ~1 % of it).
const SPLIT_START_CAPACITY: usize = 16;

/// `str.split()` with no separator, as boxed parts; ASCII text is
/// scanned byte by byte (the common case), the rest by code point.
fn split_whitespace_parts(s: &str, maxsplit: i64) -> Vec<Box<str>> {
    if !s.is_ascii() {
        return split_whitespace(s, maxsplit).into_iter().map(String::into_boxed_str).collect();
    }
    // The ASCII characters `is_space` accepts.
    fn space(b: u8) -> bool {
        matches!(b, b' ' | b'\t'..=b'\r' | 0x1c..=0x1f)
    }
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(SPLIT_START_CAPACITY);
    let mut i = 0;
    loop {
        while i < b.len() && space(b[i]) {
            i += 1;
        }
        if i == b.len() {
            break;
        }
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            // The rest, trailing whitespace included (CPython keeps it).
            out.push(Box::from(&s[i..]));
            break;
        }
        let start = i;
        while i < b.len() && !space(b[i]) {
            i += 1;
        }
        out.push(Box::from(&s[start..i]));
    }
    out
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "rsplit")?;
    let sep = sep_arg(vm, args, kw)?;
    let maxsplit = maxsplit_arg(vm, args, kw)?;
    let mut parts: Vec<String> = match sep {
        None => {
            if maxsplit < 0 {
                split_whitespace(&s, -1)
            } else {
                let mut out = Vec::new();
                let mut rest = s.trim_end_matches(crate::builtins::unicode::is_space);
                while !rest.is_empty() {
                    if out.len() as i64 == maxsplit {
                        out.push(rest.to_string());
                        break;
                    }
                    match rest.rfind(crate::builtins::unicode::is_space) {
                        Some(i) => {
                            let ch_len = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                            out.push(rest[i + ch_len..].to_string());
                            rest = rest[..i].trim_end_matches(crate::builtins::unicode::is_space);
                        }
                        None => {
                            out.push(rest.to_string());
                            break;
                        }
                    }
                }
                out.reverse();
                out
            }
        }
        Some(sep) => {
            let mut v: Vec<String> = if maxsplit < 0 { s.rsplit(sep.as_str()).map(|p| p.to_string()).collect() } else { s.rsplitn(maxsplit as usize + 1, sep.as_str()).map(|p| p.to_string()).collect() };
            v.reverse();
            v
        }
    };
    if parts.is_empty() && false {
        parts.push(String::new());
    }
    Ok(str_list(vm, parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "splitlines")?;
    let keep = match args.get(1).copied().or_else(|| kwarg(vm, kw, "keepends")) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if is_break {
            let mut end = i + 1;
            if c == '\r' && i + 1 < chars.len() && chars[i + 1] == '\n' {
                end = i + 2;
            }
            let line: String = if keep { chars[start..end].iter().collect() } else { chars[start..i].iter().collect() };
            out.push(line);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect());
    }
    Ok(str_list(vm, out))
}

fn strip_chars(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<Option<Vec<char>>> {
    match args.get(1) {
        None | Some(Value::None) => Ok(None),
        Some(&v) => match vm.str_of(v) {
            Some(s) => Ok(Some(s.chars().collect())),
            None => {
                let tn = vm.type_name(v);
                Err(vm.type_error(format!("{} arg must be None or str, not {}", name, tn)))
            }
        },
    }
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    let chars = strip_chars(vm, args, name)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(&c),
        None => crate::builtins::unicode::is_space(c),
    };
    let mut t: &str = &s;
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    if t.len() == s.len() && vm.type_of(args[0]) == vm.types.str {
        return Ok(args[0]);
    }
    Ok(vm.new_str(t))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "strip", true, true)
}

fn lstrip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "lstrip", true, false)
}

fn rstrip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    strip_impl(vm, args, "rstrip", false, true)
}

fn replace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "replace", args, 3, 4)?;
    let s = recv(vm, args, "replace")?;
    let old = str_arg(vm, args[1], "replace()")?;
    let new = str_arg(vm, args[2], "replace()")?;
    let count = match args.get(3) {
        Some(&c) => vm.index_value(c)?,
        None => -1,
    };
    let out = if count < 0 {
        if old.is_empty() {
            let mut o = new.clone();
            for c in s.chars() {
                o.push(c);
                o.push_str(&new);
            }
            o
        } else if let Some(c) = ascii_char(&old) {
            s.replace(c, &new)
        } else {
            s.replace(old.as_str(), &new)
        }
    } else if old.is_empty() {
        let mut o = String::new();
        let mut n = 0;
        for c in s.chars() {
            if n < count {
                o.push_str(&new);
                n += 1;
            }
            o.push(c);
        }
        if n < count {
            o.push_str(&new);
        }
        o
    } else {
        s.replacen(old.as_str(), &new, count as usize)
    };
    Ok(vm.new_str(out))
}

/// Resolve optional start/end args into a char range of `s`.
fn char_range(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let norm = |v: i64| -> usize {
        if v < 0 {
            (v + len as i64).max(0) as usize
        } else {
            (v as usize).min(len)
        }
    };
    // A start past the end is kept as is: nothing (not even "") is
    // found there.
    let start = match args.get(from) {
        Some(Value::None) | None => 0,
        Some(&v) => {
            let i = slice_index(vm, v)?;
            if i < 0 {
                norm(i)
            } else {
                i.min(len as i64 + 1) as usize
            }
        }
    };
    let end = match args.get(from + 1) {
        Some(Value::None) | None => len,
        Some(&v) => norm(slice_index(vm, v)?),
    };
    Ok((start, end))
}

/// A start/end argument of find/count/...: an int (big ones clamped) or
/// an object with `__index__`.
fn slice_index(vm: &mut Vm, v: Value) -> PyResult<i64> {
    let ok = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) || {
        let n = vm.names.__index__;
        vm.lookup_special(v, n).is_some()
    };
    if !ok {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    let b = crate::builtins::int::index_big(vm, v)?;
    Ok(num_traits::ToPrimitive::to_i64(&b).unwrap_or(if num_traits::Signed::is_negative(&b) { i64::MIN / 2 } else { i64::MAX / 2 }))
}

/// Byte offset of char index `i`.
fn byte_at(s: &str, i: usize) -> usize {
    // ASCII (checked a word at a time): code point index = byte index.
    if s.is_ascii() {
        return i.min(s.len());
    }
    s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(s.len())
}

/// A one-byte (ASCII) pattern as a `char`: `str`'s char searcher scans
/// with memchr, its substring searcher runs Two-Way for every pattern.
fn ascii_char(pat: &str) -> Option<char> {
    match pat.as_bytes() {
        &[b] if b.is_ascii() => Some(b as char),
        _ => None,
    }
}

fn find_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<i64> {
    let s = recv(vm, args, name)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!("{}() takes at least 1 argument (0 given)", name)));
    }
    let sub = match vm.str_of(args[1]) {
        Some(t) => t.to_string(),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("must be str, not {}", tn)));
        }
    };
    let len = s.chars().count();
    let (start, end) = char_range(vm, args, 2, len)?;
    if start > end {
        return Ok(-1);
    }
    let (bs, be) = (byte_at(&s, start), byte_at(&s, end));
    let hay = &s[bs..be];
    let found = if reverse { hay.rfind(sub.as_str()) } else { hay.find(sub.as_str()) };
    Ok(match found {
        Some(b) => (start + hay[..b].chars().count()) as i64,
        None => -1,
    })
}

fn find(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "find", false)?))
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, args, "rfind", true)?))
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, "index", false)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match find_impl(vm, args, "rindex", true)? {
        -1 => Err(vm.value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "count")?;
    arity(vm, "count", args, 2, 4)?;
    let sub = str_arg(vm, args[1], "count()")?;
    let len = if s.is_ascii() { s.len() } else { s.chars().count() };
    let (start, end) = char_range(vm, args, 2, len)?;
    if start > end {
        return Ok(Value::Int(0));
    }
    let hay = &s[byte_at(&s, start)..byte_at(&s, end)];
    let n = if sub.is_empty() {
        hay.chars().count() + 1
    } else if let Some(c) = ascii_char(&sub) {
        hay.matches(c).count()
    } else {
        hay.matches(sub.as_str()).count()
    };
    Ok(Value::Int(n as i64))
}

fn affix_impl(vm: &mut Vm, args: &[Value], name: &str, prefix: bool) -> PyResult<Value> {
    // `s.startswith(p)` with one str and no range: compare in place (the
    // general path below copies the receiver twice).
    if args.len() == 2 {
        if let (Some(s), Some(p)) = (vm.str_of(args[0]), vm.str_of(args[1])) {
            return Ok(Value::Bool(if prefix { s.starts_with(p) } else { s.ends_with(p) }));
        }
    }
    let s = recv(vm, args, name)?;
    arity(vm, name, args, 2, 4)?;
    let len = s.chars().count();
    let (start, end) = char_range(vm, args, 2, len)?;
    let hay = if start <= end { s[byte_at(&s, start)..byte_at(&s, end)].to_string() } else { return Ok(Value::Bool(false)) };
    let candidates: Vec<Value> = match args[1].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![args[1]],
    };
    for c in candidates {
        let Some(p) = vm.str_of(c) else {
            let tn = vm.type_name(c);
            return Err(vm.type_error(format!("{} first arg must be str or a tuple of str, not {}", name, tn)));
        };
        if (prefix && hay.starts_with(p)) || (!prefix && hay.ends_with(p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_impl(vm, args, "startswith", true)
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_impl(vm, args, "endswith", false)
}

fn format(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "format")?;
    let out = str_format(vm, &s, &args[1..], kw, None)?;
    Ok(vm.new_str(out))
}

fn format_map(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "format_map", args, 2, 2)?;
    let s = recv(vm, args, "format_map")?;
    let out = str_format(vm, &s, &[], &[], Some(args[1]))?;
    Ok(vm.new_str(out))
}

/// `str.format`: replacement fields with auto/manual numbering, attribute
/// and index access, conversions and (nested) format specs.
pub fn str_format(vm: &mut Vm, fmt: &str, args: &[Value], kw: KwArgs, mapping: Option<Value>) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut auto_idx = 0usize;
    let mut numbering: Option<bool> = None; // Some(true) auto, Some(false) manual
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.value_error("Single '}' encountered in format string"));
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if i + 1 < chars.len() && chars[i + 1] == '{' {
            out.push('{');
            i += 2;
            continue;
        }
        // Find the end of the field as CPython's markup iterator does: in
        // the field name, `[...]` is skipped whole and `{` is an error; after
        // `!` the next character is the conversion, whatever it is; in the
        // spec, braces nest.
        let start = i + 1;
        if start >= chars.len() {
            return Err(vm.value_error("Single '{' encountered in format string"));
        }
        let mut j = start;
        let mut in_spec = false;
        let mut depth = 1;
        loop {
            if j >= chars.len() {
                let msg = if in_spec { "unmatched '{' in format spec" } else { "expected '}' before end of string" };
                return Err(vm.value_error(msg));
            }
            let c = chars[j];
            if !in_spec {
                match c {
                    '[' => {
                        while j < chars.len() && chars[j] != ']' {
                            j += 1;
                        }
                        if j >= chars.len() {
                            continue;
                        }
                    }
                    '{' => return Err(vm.value_error("unexpected '{' in field name")),
                    '}' => break,
                    '!' => {
                        in_spec = true;
                        j += 1; // the conversion character
                    }
                    ':' => in_spec = true,
                    _ => {}
                }
            } else {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
            }
            j += 1;
        }
        let field: String = chars[start..j].iter().collect();
        i = j + 1;
        // Split field_name ! conversion : spec.
        let (name_part, rest) = match field.find(['!', ':']) {
            Some(p) => (&field[..p], &field[p..]),
            None => (field.as_str(), ""),
        };
        let (conversion, spec) = if let Some(r) = rest.strip_prefix('!') {
            let mut cs = r.chars();
            let conv = cs.next();
            let after: String = cs.collect();
            if !after.is_empty() && !after.starts_with(':') {
                return Err(vm.value_error("expected ':' after conversion specifier"));
            }
            (conv, after.strip_prefix(':').unwrap_or("").to_string())
        } else {
            (None, rest.strip_prefix(':').unwrap_or("").to_string())
        };
        // Resolve the first component.
        let first_end = name_part.find(['.', '[']).unwrap_or(name_part.len());
        let first = &name_part[..first_end];
        let mut value = if first.is_empty() {
            if numbering == Some(false) {
                return Err(vm.value_error("cannot switch from manual field specification to automatic field numbering"));
            }
            numbering = Some(true);
            let idx = auto_idx;
            auto_idx += 1;
            match args.get(idx) {
                Some(v) => *v,
                None => return Err(vm.index_error(format!("Replacement index {} out of range for positional args tuple", idx))),
            }
        } else if let Some(idx) = first.bytes().all(|b| b.is_ascii_digit()).then(|| first.parse::<usize>().ok()).flatten() {
            if numbering == Some(true) {
                return Err(vm.value_error("cannot switch from automatic field numbering to manual field specification"));
            }
            numbering = Some(false);
            match args.get(idx) {
                Some(v) => *v,
                None => return Err(vm.index_error(format!("Replacement index {} out of range for positional args tuple", idx))),
            }
        } else {
            let found = match mapping {
                Some(m) => {
                    let k = vm.new_str(first);
                    Some(vm.get_item(m, k)?)
                }
                None => kw.iter().find(|(k, _)| vm.str_of(*k) == Some(first)).map(|(_, v)| *v),
            };
            match found {
                Some(v) => v,
                None => {
                    let k = vm.new_str(first);
                    return Err(vm.key_error(k));
                }
            }
        };
        // Attribute / index chain.
        let mut rest_name = &name_part[first_end..];
        while !rest_name.is_empty() {
            if let Some(r) = rest_name.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                let attr = &r[..end];
                let a = vm.intern(attr);
                value = vm.get_attr(value, a)?;
                rest_name = &r[end..];
            } else if let Some(r) = rest_name.strip_prefix('[') {
                let end = r.find(']').ok_or(()).map_err(|_| vm.value_error("Missing ']' in format string"))?;
                let key = &r[..end];
                // Only plain decimal digits make an int index: "-1" and
                // "+1" are string keys, as in CPython.
                let digits = !key.is_empty() && key.bytes().all(|b| b.is_ascii_digit());
                let k = match key.parse::<i64>() {
                    Ok(n) if digits => Value::Int(n),
                    _ => vm.new_str(key),
                };
                value = vm.get_item(value, k)?;
                rest_name = &r[end + 1..];
            } else {
                return Err(vm.value_error("Only '.' or '[' may follow ']' in format field specifier"));
            }
        }
        let value = match conversion {
            None => value,
            Some('s') => vm.to_str_value(value)?,
            Some('r') => {
                let s = vm.to_repr_string(value)?;
                vm.new_str(s)
            }
            Some('a') => {
                let s = vm.to_repr_string(value)?;
                let a = ascii_escape(&s);
                vm.new_str(a)
            }
            Some(c) => return Err(vm.value_error(format!("Unknown conversion specifier {}", c))),
        };
        // Nested fields inside the spec.
        let spec = if spec.contains('{') {
            let mut sub_auto = auto_idx;
            let r = str_format_nested(vm, &spec, args, kw, mapping, &mut sub_auto)?;
            auto_idx = sub_auto;
            r
        } else {
            spec
        };
        out.push_str(&vm.format(value, &spec)?);
    }
    Ok(out)
}

fn str_format_nested(vm: &mut Vm, spec: &str, args: &[Value], kw: KwArgs, mapping: Option<Value>, auto_idx: &mut usize) -> PyResult<String> {
    // Replace each {x} in the spec with its formatted value.
    let mut out = String::new();
    let mut rest = spec;
    while let Some(p) = rest.find('{') {
        out.push_str(&rest[..p]);
        let Some(q) = rest[p..].find('}') else { break };
        let inner = &rest[p + 1..p + q];
        let index = if inner.is_empty() {
            *auto_idx += 1;
            Some(*auto_idx - 1)
        } else {
            inner.bytes().all(|b| b.is_ascii_digit()).then(|| inner.parse::<usize>().ok()).flatten()
        };
        let v = match index {
            Some(n) => match args.get(n) {
                Some(&v) => v,
                None => return Err(vm.index_error(format!("Replacement index {} out of range for positional args tuple", n))),
            },
            None => {
                let found = match mapping {
                    Some(m) => {
                        let k = vm.new_str(inner);
                        Some(vm.get_item(m, k)?)
                    }
                    None => kw.iter().find(|(k, _)| vm.str_of(*k) == Some(inner)).map(|(_, v)| *v),
                };
                match found {
                    Some(v) => v,
                    None => {
                        let k = vm.new_str(inner);
                        return Err(vm.key_error(k));
                    }
                }
            }
        };
        out.push_str(&vm.to_str_string(v)?);
        rest = &rest[p + q + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn encode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "encode")?;
    crate::builtins::args::check_kwargs(vm, "encode", kw, &["encoding", "errors"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("encode() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let enc = args.get(1).copied().or_else(|| kwarg(vm, kw, "encoding"));
    let errors = args.get(2).copied().or_else(|| kwarg(vm, kw, "errors"));
    let enc = crate::builtins::codecs::str_param(vm, enc, "encode", 1, "encoding")?.unwrap_or_else(|| "utf-8".into());
    let errors = crate::builtins::codecs::str_param(vm, errors, "encode", 2, "errors")?.unwrap_or_else(|| "strict".into());
    let bytes = crate::builtins::codecs::encode(vm, &s, &enc, &errors)?;
    Ok(vm.new_bytes(bytes))
}

fn width_arg(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(String, usize, char)> {
    let s = recv(vm, args, name)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    let w = vm.index_value(args[1])?.max(0) as usize;
    let fill = match args.get(2) {
        Some(&f) => match vm.str_of(f) {
            Some(f) if f.chars().count() == 1 => f.chars().next().unwrap_or(' '),
            _ => return Err(vm.type_error("The fill character must be exactly one character long")),
        },
        None => ' ',
    };
    Ok((s, w, fill))
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, w, f) = width_arg(vm, args, "ljust")?;
    let n = s.chars().count();
    let out = if n >= w { s } else { format!("{}{}", s, f.to_string().repeat(w - n)) };
    Ok(vm.new_str(out))
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, w, f) = width_arg(vm, args, "rjust")?;
    let n = s.chars().count();
    let out = if n >= w { s } else { format!("{}{}", f.to_string().repeat(w - n), s) };
    Ok(vm.new_str(out))
}

fn center(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, w, f) = width_arg(vm, args, "center")?;
    let n = s.chars().count();
    if n >= w {
        return Ok(vm.new_str(s));
    }
    let total = w - n;
    // CPython puts the extra pad on the left when the string length and
    // the total padding are both odd... precisely: left = total/2 + (total & w & 1).
    let left = total / 2 + (total & w & 1);
    let right = total - left;
    let out = format!("{}{}{}", f.to_string().repeat(left), s, f.to_string().repeat(right));
    Ok(vm.new_str(out))
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "zfill", args, 2, 2)?;
    let s = recv(vm, args, "zfill")?;
    let w = vm.index_value(args[1])?.max(0) as usize;
    let n = s.chars().count();
    if n >= w {
        return Ok(vm.new_str(s));
    }
    let pad = "0".repeat(w - n);
    let out = match s.chars().next() {
        Some(c @ ('+' | '-')) => format!("{}{}{}", c, pad, &s[1..]),
        _ => format!("{}{}", pad, s),
    };
    Ok(vm.new_str(out))
}

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, reverse: bool) -> PyResult<Value> {
    arity(vm, name, args, 2, 2)?;
    let s = recv(vm, args, name)?;
    let sep = str_arg(vm, args[1], name)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse { s.rfind(sep.as_str()) } else { s.find(sep.as_str()) };
    let parts = match found {
        Some(i) => (s[..i].to_string(), sep.clone(), s[i + sep.len()..].to_string()),
        None if reverse => (String::new(), String::new(), s.clone()),
        None => (s.clone(), String::new(), String::new()),
    };
    let a = vm.new_str(parts.0);
    let b = vm.new_str(parts.1);
    let c = vm.new_str(parts.2);
    Ok(vm.new_tuple(vec![a, b, c]))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let s = recv(vm, args, "expandtabs")?;
    let ts = match args.get(1).copied().or_else(|| kwarg(vm, kw, "tabsize")) {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "removeprefix", args, 2, 2)?;
    let s = recv(vm, args, "removeprefix")?;
    let p = str_arg(vm, args[1], "removeprefix()")?;
    Ok(vm.new_str(s.strip_prefix(p.as_str()).unwrap_or(&s)))
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "removesuffix", args, 2, 2)?;
    let s = recv(vm, args, "removesuffix")?;
    let p = str_arg(vm, args[1], "removesuffix()")?;
    Ok(vm.new_str(s.strip_suffix(p.as_str()).unwrap_or(&s)))
}

fn maketrans(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "maketrans", args, 1, 3)?;
    let d = vm.new_dict();
    let dr = d.as_obj().expect("dict");
    if args.len() == 1 {
        let items: Vec<(Value, Value)> = match args[0].as_obj().map(|r| vm.heap.data(r)) {
            Some(ObjData::Dict(dd)) => dd.iter().collect(),
            _ => return Err(vm.type_error("if you give only one argument to maketrans it must be a dict")),
        };
        for (k, v) in items {
            let key = match vm.str_of(k) {
                Some(s) if s.chars().count() == 1 => Value::Int(s.chars().next().unwrap_or('\0') as i64),
                _ => k,
            };
            vm.dict_set_item(dr, key, v)?;
        }
        return Ok(d);
    }
    let a: Vec<char> = vm.str_of(args[0]).unwrap_or("").chars().collect();
    let b: Vec<char> = vm.str_of(args[1]).unwrap_or("").chars().collect();
    if a.len() != b.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        vm.dict_set_item(dr, Value::Int(*x as i64), Value::Int(*y as i64))?;
    }
    if let Some(&z) = args.get(2) {
        let zs: Vec<char> = vm.str_of(z).unwrap_or("").chars().collect();
        for c in zs {
            vm.dict_set_item(dr, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(d)
}

fn translate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "translate", args, 2, 2)?;
    let s = recv(vm, args, "translate")?;
    let table = args[1];
    let mut out = String::new();
    for c in s.chars() {
        match vm.get_item(table, Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => out.extend(char::from_u32(i as u32)),
            Ok(v) => match vm.str_of(v) {
                Some(t) => out.push_str(t),
                None => return Err(vm.type_error("character mapping must return integer, None or str")),
            },
            Err(e) => {
                let le = vm.exc.lookup_error;
                if vm.isinstance_exc(e.value(), le) {
                    out.push(c);
                } else {
                    return Err(e);
                }
            }
        }
    }
    Ok(vm.new_str(out))
}
