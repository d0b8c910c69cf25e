//! The methods `bytes` and `bytearray` share (searching, splitting,
//! stripping, padding, case, predicates, `hex`, `translate`, ...). Each
//! result has the receiver's type (`bytearray(b"ab").upper()` is a
//! bytearray); arguments accept any bytes-like object, with CPython's
//! messages.

use crate::builtins::args::kwarg;
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{KwArgs, PyResult, Vm};

pub const METHODS: &[(&str, NativeFn)] = &[
    ("capitalize", capitalize),
    ("center", center),
    ("count", count),
    ("decode", decode),
    ("endswith", endswith),
    ("expandtabs", expandtabs),
    ("find", find),
    ("hex", hex),
    ("index", index),
    ("isalnum", isalnum),
    ("isalpha", isalpha),
    ("isascii", isascii),
    ("isdigit", isdigit),
    ("islower", islower),
    ("isspace", isspace),
    ("istitle", istitle),
    ("isupper", isupper),
    ("join", join),
    ("ljust", ljust),
    ("lower", lower),
    ("lstrip", lstrip),
    ("partition", partition),
    ("removeprefix", removeprefix),
    ("removesuffix", removesuffix),
    ("replace", replace),
    ("rfind", rfind),
    ("rindex", rindex),
    ("rjust", rjust),
    ("rpartition", rpartition),
    ("rsplit", rsplit),
    ("rstrip", rstrip),
    ("split", split),
    ("splitlines", splitlines),
    ("startswith", startswith),
    ("strip", strip),
    ("swapcase", swapcase),
    ("title", title),
    ("translate", translate),
    ("upper", upper),
    ("zfill", zfill),
];

/// The contents of a bytes-like object.
pub fn buffer(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(b)) => Some(b.to_vec()),
        Some(ObjData::ByteArray(b)) => Some(b.clone()),
        _ => None,
    }
}

/// A bytes-like argument, or "a bytes-like object is required".
pub fn buffer_arg(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match buffer(vm, v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("a bytes-like object is required, not '{}'", tn)))
        }
    }
}

/// The receiver: its bytes and whether it is a bytearray.
pub fn recv(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<(Vec<u8>, bool)> {
    let is_array = matches!(args.first().and_then(|v| v.as_obj()).map(|r| vm.heap.data(r)), Some(ObjData::ByteArray(_)));
    match args.first().and_then(|v| buffer(vm, *v)) {
        Some(b) => Ok((b, is_array)),
        None => {
            let tn = args.first().map(|v| vm.type_name(*v)).unwrap_or_else(|| "nothing".into());
            Err(vm.type_error(format!("descriptor '{}' requires a 'bytes' object but received a '{}'", name, tn)))
        }
    }
}

/// A bytes or bytearray result, like the receiver.
pub fn new_like(vm: &mut Vm, is_array: bool, data: Vec<u8>) -> Value {
    if is_array {
        let cls = vm.types.bytearray;
        vm.alloc(cls, ObjData::ByteArray(data))
    } else {
        vm.new_bytes(data)
    }
}

fn too_many(vm: &mut Vm, name: &str, max: usize, got: usize) -> crate::vm::PyErr {
    vm.type_error(format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, got))
}

/// Positional-or-keyword argument `i` (after the receiver) named `name`.
fn arg(vm: &Vm, args: &[Value], kw: KwArgs, i: usize, name: &str) -> Option<Value> {
    args.get(i + 1).copied().or_else(|| kwarg(vm, kw, name))
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// (start, end) of the `[start:end]` window of optional slice arguments.
fn window(vm: &mut Vm, start: Option<Value>, end: Option<Value>, len: usize) -> PyResult<(usize, usize, bool)> {
    let conv = |vm: &mut Vm, v: Option<Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(v) => {
                let is_index = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) || {
                    let n = vm.names.__index__;
                    vm.lookup_special(v, n).is_some()
                };
                if !is_index {
                    return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
                }
                let b = crate::builtins::int::index_big(vm, v)?;
                Ok(num_traits::ToPrimitive::to_i64(&b).unwrap_or(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 }))
            }
        }
    };
    let n = len as i64;
    let s = conv(vm, start, 0)?;
    let e = conv(vm, end, n)?;
    let adj = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let (s2, e2) = (adj(s), adj(e));
    // `valid` is false when start lies past the end (even for empty needles).
    let valid = (if s < 0 { (s + n).max(0) } else { s }) <= n && s2 <= e2;
    Ok((s2 as usize, e2.max(s2) as usize, valid))
}

fn find_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind_in(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

fn count_in(hay: &[u8], needle: &[u8]) -> usize {
    if needle.is_empty() {
        return hay.len() + 1;
    }
    let (mut n, mut i) = (0, 0);
    while i + needle.len() <= hay.len() {
        if &hay[i..i + needle.len()] == needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// The needle of find/count/index: an int byte or a bytes-like object.
fn needle(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v) {
        return Ok(b);
    }
    let is_int = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) || {
        let n = vm.names.__index__;
        vm.lookup_special(v, n).is_some()
    };
    if is_int {
        let b = crate::builtins::int::index_big(vm, v)?;
        return match num_traits::ToPrimitive::to_u8(&b) {
            Some(x) => Ok(vec![x]),
            None => Err(vm.value_error("byte must be in range(0, 256)")),
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("argument should be integer or bytes-like object, not '{}'", tn)))
}

/// Shared core of find/rfind/index/rindex/count.
fn search(vm: &mut Vm, args: &[Value], name: &str, rev: bool) -> PyResult<(Option<usize>, usize)> {
    let (b, _) = recv(vm, args, name)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if args.len() > 4 {
        return Err(too_many(vm, name, 3, args.len() - 1));
    }
    let n = needle(vm, args[1])?;
    let (s, e, valid) = window(vm, args.get(2).copied(), args.get(3).copied(), b.len())?;
    if !valid {
        return Ok((None, 0));
    }
    let hay = &b[s..e];
    if name == "count" {
        return Ok((None, count_in(hay, &n)));
    }
    let pos = if rev { rfind_in(hay, &n) } else { find_in(hay, &n) };
    Ok((pos.map(|p| p + s), 0))
}

fn find(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (p, _) = search(vm, args, "find", false)?;
    Ok(Value::Int(p.map(|p| p as i64).unwrap_or(-1)))
}

fn rfind(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (p, _) = search(vm, args, "rfind", true)?;
    Ok(Value::Int(p.map(|p| p as i64).unwrap_or(-1)))
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match search(vm, args, "index", false)?.0 {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn rindex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match search(vm, args, "rindex", true)?.0 {
        Some(p) => Ok(Value::Int(p as i64)),
        None => Err(vm.value_error("subsection not found")),
    }
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (_, n) = search(vm, args, "count", false)?;
    Ok(Value::Int(n as i64))
}

fn affix(vm: &mut Vm, args: &[Value], name: &str, end: bool) -> PyResult<Value> {
    let (b, _) = recv(vm, args, name)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if args.len() > 4 {
        return Err(too_many(vm, name, 3, args.len() - 1));
    }
    let candidates: Vec<Value> = match args[1].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![args[1]],
    };
    let is_tuple = matches!(args[1].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Tuple(_)));
    let (s, e, valid) = window(vm, args.get(2).copied(), args.get(3).copied(), b.len())?;
    for c in candidates {
        let Some(p) = buffer(vm, c) else {
            let tn = vm.type_name(c);
            return Err(if is_tuple {
                vm.type_error(format!("a bytes-like object is required, not '{}'", tn))
            } else {
                vm.type_error(format!("{} first arg must be bytes or a tuple of bytes, not {}", name, tn))
            });
        };
        if !valid {
            continue;
        }
        let hay = &b[s..e];
        if (end && hay.ends_with(&p)) || (!end && hay.starts_with(&p)) {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, "startswith", false)
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix(vm, args, "endswith", true)
}

fn list_of(vm: &mut Vm, is_array: bool, parts: Vec<Vec<u8>>) -> Value {
    let vals: Vec<Value> = parts.into_iter().map(|p| new_like(vm, is_array, p)).collect();
    vm.new_list(vals)
}

fn split_args(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<(Vec<u8>, bool, Option<Vec<u8>>, i64)> {
    let (b, is_array) = recv(vm, args, name)?;
    crate::builtins::args::check_kwargs(vm, name, kw, &["sep", "maxsplit"])?;
    if args.len() > 3 {
        return Err(too_many(vm, name, 2, args.len() - 1));
    }
    let sep = match arg(vm, args, kw, 0, "sep") {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer_arg(vm, v)?;
            if s.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            Some(s)
        }
    };
    let maxsplit = match arg(vm, args, kw, 1, "maxsplit") {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    Ok((b, is_array, sep, maxsplit))
}

pub fn split_bytes(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut start = 0;
            let mut i = 0;
            while left > 0 && i + sep.len() <= b.len() {
                if &b[i..i + sep.len()] == sep {
                    out.push(b[start..i].to_vec());
                    i += sep.len();
                    start = i;
                    left -= 1;
                } else {
                    i += 1;
                }
            }
            out.push(b[start..].to_vec());
        }
        None => {
            let mut i = 0;
            loop {
                while i < b.len() && is_space(b[i]) {
                    i += 1;
                }
                if i >= b.len() {
                    break;
                }
                if left == 0 {
                    let mut end = b.len();
                    while end > i && is_space(b[end - 1]) {
                        end -= 1;
                    }
                    out.push(b[i..end].to_vec());
                    break;
                }
                let start = i;
                while i < b.len() && !is_space(b[i]) {
                    i += 1;
                }
                out.push(b[start..i].to_vec());
                left -= 1;
            }
        }
    }
    out
}

fn rsplit_bytes(b: &[u8], sep: Option<&[u8]>, maxsplit: i64) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut left = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    match sep {
        Some(sep) => {
            let mut end = b.len();
            let mut i = b.len();
            while left > 0 && i >= sep.len() {
                if &b[i - sep.len()..i] == sep {
                    out.push(b[i..end].to_vec());
                    i -= sep.len();
                    end = i;
                    left -= 1;
                } else {
                    i -= 1;
                }
            }
            out.push(b[..end].to_vec());
        }
        None => {
            let mut i = b.len();
            loop {
                while i > 0 && is_space(b[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if left == 0 {
                    let mut start = 0;
                    while start < i && is_space(b[start]) {
                        start += 1;
                    }
                    out.push(b[start..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !is_space(b[i - 1]) {
                    i -= 1;
                }
                out.push(b[i..end].to_vec());
                left -= 1;
            }
        }
    }
    out.reverse();
    out
}

fn split(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array, sep, maxsplit) = split_args(vm, args, kw, "split")?;
    let parts = split_bytes(&b, sep.as_deref(), maxsplit);
    Ok(list_of(vm, is_array, parts))
}

fn rsplit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array, sep, maxsplit) = split_args(vm, args, kw, "rsplit")?;
    let parts = rsplit_bytes(&b, sep.as_deref(), maxsplit);
    Ok(list_of(vm, is_array, parts))
}

fn splitlines(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, "splitlines")?;
    let keep = match arg(vm, args, kw, 0, "keepends") {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let mut parts = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        let eol = match b[i] {
            b'\n' => 1,
            b'\r' if b.get(i + 1) == Some(&b'\n') => 2,
            b'\r' => 1,
            _ => 0,
        };
        if eol == 0 {
            i += 1;
            continue;
        }
        let end = if keep { i + eol } else { i };
        parts.push(b[start..end].to_vec());
        i += eol;
        start = i;
    }
    if start < b.len() {
        parts.push(b[start..].to_vec());
    }
    Ok(list_of(vm, is_array, parts))
}

fn strip_impl(vm: &mut Vm, args: &[Value], name: &str, left: bool, right: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    if args.len() > 2 {
        return Err(too_many(vm, name, 1, args.len() - 1));
    }
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(&c) => Some(buffer_arg(vm, c)?),
    };
    let strip = |c: &u8| match &chars {
        Some(cs) => cs.contains(c),
        None => is_space(*c),
    };
    let mut s = 0;
    let mut e = b.len();
    if left {
        while s < e && strip(&b[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(&b[e - 1]) {
            e -= 1;
        }
    }
    Ok(new_like(vm, is_array, b[s..e].to_vec()))
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

fn partition_impl(vm: &mut Vm, args: &[Value], name: &str, rev: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, args.len() - 1)));
    }
    let sep = buffer_arg(vm, args[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let pos = if rev { rfind_in(&b, &sep) } else { find_in(&b, &sep) };
    let (a, m, c) = match pos {
        Some(p) => (b[..p].to_vec(), sep.clone(), b[p + sep.len()..].to_vec()),
        None if rev => (Vec::new(), Vec::new(), b.clone()),
        None => (b.clone(), Vec::new(), Vec::new()),
    };
    let items = vec![new_like(vm, is_array, a), new_like(vm, is_array, m), new_like(vm, is_array, c)];
    Ok(vm.new_tuple(items))
}

fn partition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "partition", false)
}

fn rpartition(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    partition_impl(vm, args, "rpartition", true)
}

fn replace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, "replace")?;
    if args.len() < 3 {
        return Err(vm.type_error(format!("replace expected at least 2 arguments, got {}", args.len() - 1)));
    }
    if args.len() > 4 {
        return Err(too_many(vm, "replace", 3, args.len() - 1));
    }
    let old = buffer_arg(vm, args[1])?;
    let new = buffer_arg(vm, args[2])?;
    let count = match arg(vm, args, kw, 2, "count") {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut left = if count < 0 { usize::MAX } else { count as usize };
    let mut out = Vec::with_capacity(b.len());
    if old.is_empty() {
        for (i, &c) in b.iter().enumerate() {
            if left > 0 {
                out.extend_from_slice(&new);
                left -= 1;
            }
            out.push(c);
            if i + 1 == b.len() && left > 0 {
                out.extend_from_slice(&new);
            }
        }
        if b.is_empty() && left > 0 {
            out.extend_from_slice(&new);
        }
        return Ok(new_like(vm, is_array, out));
    }
    let mut i = 0;
    while i < b.len() {
        if left > 0 && b[i..].starts_with(&old) {
            out.extend_from_slice(&new);
            i += old.len();
            left -= 1;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(new_like(vm, is_array, out))
}

fn affix_remove(vm: &mut Vm, args: &[Value], name: &str, suffix: bool) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("{}() takes exactly one argument ({} given)", name, args.len() - 1)));
    }
    let p = buffer_arg(vm, args[1])?;
    let out = if suffix && b.ends_with(&p) {
        b[..b.len() - p.len()].to_vec()
    } else if !suffix && b.starts_with(&p) {
        b[p.len()..].to_vec()
    } else {
        b
    };
    Ok(new_like(vm, is_array, out))
}

fn removeprefix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_remove(vm, args, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    affix_remove(vm, args, "removesuffix", true)
}

fn pad(vm: &mut Vm, args: &[Value], name: &str, how: u8) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    if args.len() < 2 {
        return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name)));
    }
    if args.len() > 3 {
        return Err(too_many(vm, name, 2, args.len() - 1));
    }
    let width = vm.index_value(args[1])?;
    let fill = match args.get(2) {
        None => b' ',
        Some(&f) => match buffer(vm, f) {
            Some(fb) if fb.len() == 1 => fb[0],
            _ => {
                let tn = vm.type_name(f);
                return Err(vm.type_error(format!("{}() argument 2 must be a byte string of length 1, not {}", name, tn)));
            }
        },
    };
    let len = b.len() as i64;
    if width <= len {
        return Ok(new_like(vm, is_array, b));
    }
    let total = (width - len) as usize;
    let (l, r) = match how {
        b'l' => (0, total),
        b'r' => (total, 0),
        _ => {
            // CPython's centring: the extra byte goes left when both the
            // padding and the width are odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let mut out = vec![fill; l];
    out.extend_from_slice(&b);
    out.extend(std::iter::repeat(fill).take(r));
    Ok(new_like(vm, is_array, out))
}

fn center(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad(vm, args, "center", b'c')
}

fn ljust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad(vm, args, "ljust", b'l')
}

fn rjust(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pad(vm, args, "rjust", b'r')
}

fn zfill(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, "zfill")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("zfill() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let width = vm.index_value(args[1])?;
    if width <= b.len() as i64 {
        return Ok(new_like(vm, is_array, b));
    }
    let fill = width as usize - b.len();
    let mut out = Vec::with_capacity(width as usize);
    let body = if matches!(b.first(), Some(b'+' | b'-')) {
        out.push(b[0]);
        &b[1..]
    } else {
        &b[..]
    };
    out.extend(std::iter::repeat(b'0').take(fill));
    out.extend_from_slice(body);
    Ok(new_like(vm, is_array, out))
}

fn expandtabs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, "expandtabs")?;
    let tab = match arg(vm, args, kw, 0, "tabsize") {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(b.len());
    let mut col = 0i64;
    for &c in &b {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - col % tab;
                    out.extend(std::iter::repeat(b' ').take(n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_like(vm, is_array, out))
}

fn map_bytes(vm: &mut Vm, args: &[Value], name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, name)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", name, args.len() - 1)));
    }
    Ok(new_like(vm, is_array, f(&b)))
}

fn upper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    map_bytes(vm, args, "upper", |b| b.to_ascii_uppercase())
}

fn lower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    map_bytes(vm, args, "lower", |b| b.to_ascii_lowercase())
}

fn swapcase(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    map_bytes(vm, args, "swapcase", |b| {
        b.iter()
            .map(|&c| if c.is_ascii_uppercase() { c.to_ascii_lowercase() } else if c.is_ascii_lowercase() { c.to_ascii_uppercase() } else { c })
            .collect()
    })
}

fn title(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    map_bytes(vm, args, "title", |b| {
        let mut prev = false;
        b.iter()
            .map(|&c| {
                let r = if prev { c.to_ascii_lowercase() } else { c.to_ascii_uppercase() };
                prev = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn capitalize(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    map_bytes(vm, args, "capitalize", |b| b.iter().enumerate().map(|(i, &c)| if i == 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect())
}

fn pred(vm: &mut Vm, args: &[Value], name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let (b, _) = recv(vm, args, name)?;
    if args.len() > 1 {
        return Err(vm.type_error(format!("{}() takes no arguments ({} given)", name, args.len() - 1)));
    }
    Ok(Value::Bool(f(&b)))
}

fn isalnum(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isalnum", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric()))
}

fn isalpha(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isalpha", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic()))
}

fn isascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isascii", |b| b.is_ascii())
}

fn isdigit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isdigit", |b| !b.is_empty() && b.iter().all(|c| c.is_ascii_digit()))
}

fn isspace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isspace", |b| !b.is_empty() && b.iter().all(|&c| is_space(c)))
}

fn islower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "islower", |b| b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase()))
}

fn isupper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "isupper", |b| b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase()))
}

fn istitle(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, "istitle", |b| {
        let (mut cased, mut prev) = (false, false);
        for &c in b {
            if c.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn join(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (sep, is_array) = recv(vm, args, "join")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("join() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let items = vm.collect_iterable(args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match buffer(vm, *it) {
            Some(b) => out.extend(b),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, tn)));
            }
        }
    }
    Ok(new_like(vm, is_array, out))
}

fn hex(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, _) = recv(vm, args, "hex")?;
    let digits: Vec<String> = b.iter().map(|x| format!("{:02x}", x)).collect();
    let sep = arg(vm, args, kw, 0, "sep");
    let Some(sep) = sep else { return Ok(vm.new_str(digits.concat())) };
    let sep_s = match (vm.str_of(sep), buffer(vm, sep)) {
        (Some(s), _) => s.to_string(),
        (None, Some(bs)) => String::from_utf8_lossy(&bs).to_string(),
        _ => {
            let tn = vm.type_name(sep);
            return Err(vm.type_error(format!("sep must be str or bytes, not {}", tn)));
        }
    };
    if sep_s.chars().count() != 1 {
        return Err(vm.value_error("sep must be length 1."));
    }
    let per = match arg(vm, args, kw, 1, "bytes_per_sep") {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    if per == 0 || digits.is_empty() {
        return Ok(vm.new_str(digits.concat()));
    }
    let n = per.unsigned_abs() as usize;
    // Groups counted from the right for a positive count, from the left
    // for a negative one.
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        let mut end = digits.len();
        while end > 0 {
            let start = end.saturating_sub(n);
            groups.push(digits[start..end].concat());
            end = start;
        }
        groups.reverse();
    } else {
        for chunk in digits.chunks(n) {
            groups.push(chunk.concat());
        }
    }
    Ok(vm.new_str(groups.join(&sep_s)))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)`: pairs of hex digits,
/// whitespace allowed between pairs.
pub fn parse_hex(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    let Some(s) = vm.str_of(v).map(|s| s.to_string()) else {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tn)));
    };
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &mut Vm, i: usize| vm.value_error(format!("non-hexadecimal number found in fromhex() arg at position {}", i));
    loop {
        while i < chars.len() && chars[i].is_ascii_whitespace() {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let Some(hi) = chars[i].to_digit(16) else { return Err(bad(vm, i)) };
        let Some(lo) = chars.get(i + 1).and_then(|c| c.to_digit(16)) else { return Err(bad(vm, i + 1)) };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

fn translate(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, is_array) = recv(vm, args, "translate")?;
    let table = arg(vm, args, kw, 0, "table");
    let Some(table) = table else {
        return Err(vm.type_error("translate() missing required argument 'table' (pos 1)"));
    };
    let table = match table {
        Value::None => None,
        t => {
            let tb = buffer_arg(vm, t)?;
            if tb.len() != 256 {
                return Err(vm.value_error("translation table must be 256 characters long"));
            }
            Some(tb)
        }
    };
    let delete = match arg(vm, args, kw, 1, "delete") {
        Some(d) => buffer_arg(vm, d)?,
        None => Vec::new(),
    };
    let out: Vec<u8> = b.iter().filter(|c| !delete.contains(c)).map(|&c| table.as_ref().map(|t| t[c as usize]).unwrap_or(c)).collect();
    Ok(new_like(vm, is_array, out))
}

/// `bytes.maketrans(from, to)`.
pub fn maketrans(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("maketrans expected 2 arguments, got {}", args.len())));
    }
    let from = buffer_arg(vm, args[0])?;
    let to = buffer_arg(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn decode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let (b, _) = recv(vm, args, "decode")?;
    crate::builtins::args::check_kwargs(vm, "decode", kw, &["encoding", "errors"])?;
    if args.len() > 3 {
        return Err(too_many(vm, "decode", 2, args.len() - 1));
    }
    let encoding = arg(vm, args, kw, 0, "encoding");
    let errors = arg(vm, args, kw, 1, "errors");
    let enc = crate::builtins::codecs::str_param(vm, encoding, "decode", 1, "encoding")?.unwrap_or_else(|| "utf-8".into());
    let err = crate::builtins::codecs::str_param(vm, errors, "decode", 2, "errors")?.unwrap_or_else(|| "strict".into());
    let s = crate::builtins::codecs::decode(vm, &b, &enc, &err)?;
    Ok(vm.new_str(s))
}
