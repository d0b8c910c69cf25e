//! `_aiopy_json`: the fast paths of `json` (py/json.py). `scan` parses a
//! JSON document with the C scanner's grammar, error messages and
//! (code point) positions, calling the Python hooks when given; `encode`
//! serialises dicts/lists/tuples/str/int/float/bool/None (and subclasses)
//! with CPython's separators, indentation, escapes and float reprs,
//! calling `default` for anything else.

use num_bigint::BigInt;

use crate::builtins::args::arity;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::ops::Num;
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    for (n, f) in [("scan", scan as crate::runtime::function::NativeFn), ("encode", encode), ("encode_basestring_ascii", py_encode_ascii), ("encode_basestring", py_encode_plain)] {
        let v = vm.native_fn(n, f);
        let k = vm.intern(n);
        vm.dict_set_str(d, k, v);
    }
    Ok(())
}

// ---------------------------------------------------------------- decoding

/// A decoding failure: a message and a byte offset, or "expecting value".
enum Fail {
    Msg(&'static str, usize),
    Stop(usize),
    Py(PyErr),
}

impl From<PyErr> for Fail {
    fn from(e: PyErr) -> Fail {
        Fail::Py(e)
    }
}

struct Scanner<'a> {
    s: &'a [u8],
    strict: bool,
    object_hook: Value,
    pairs_hook: Value,
    parse_float: Value,
    parse_int: Value,
    parse_constant: Value,
    depth: usize,
    limit: usize,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

impl<'a> Scanner<'a> {
    fn skip_ws(&self, mut i: usize) -> usize {
        while i < self.s.len() && is_ws(self.s[i]) {
            i += 1;
        }
        i
    }

    fn value(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let s = self.s;
        if i >= s.len() {
            return Err(Fail::Stop(i));
        }
        match s[i] {
            b'"' => {
                let (t, end) = self.string(i + 1)?;
                Ok((vm.new_str(t), end))
            }
            b'{' => {
                self.enter(vm, "object")?;
                let r = self.object(vm, i + 1);
                self.depth -= 1;
                r
            }
            b'[' => {
                self.enter(vm, "array")?;
                let r = self.array(vm, i + 1);
                self.depth -= 1;
                r
            }
            b'n' if s[i..].starts_with(b"null") => Ok((Value::None, i + 4)),
            b't' if s[i..].starts_with(b"true") => Ok((Value::Bool(true), i + 4)),
            b'f' if s[i..].starts_with(b"false") => Ok((Value::Bool(false), i + 5)),
            b'N' if s[i..].starts_with(b"NaN") => Ok((self.constant(vm, "NaN", f64::NAN)?, i + 3)),
            b'I' if s[i..].starts_with(b"Infinity") => Ok((self.constant(vm, "Infinity", f64::INFINITY)?, i + 8)),
            b'-' if s[i..].starts_with(b"-Infinity") => Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, i + 9)),
            _ => self.number(vm, i),
        }
    }

    fn enter(&mut self, vm: &mut Vm, what: &str) -> Result<(), Fail> {
        self.depth += 1;
        if self.depth > self.limit {
            self.depth -= 1;
            let c = vm.exc.recursion_error;
            return Err(Fail::Py(vm.new_error(c, format!("maximum recursion depth exceeded while decoding a JSON {} from a unicode string", what))));
        }
        Ok(())
    }

    fn constant(&mut self, vm: &mut Vm, name: &str, v: f64) -> Result<Value, Fail> {
        if self.parse_constant.is_none() {
            return Ok(Value::Float(v));
        }
        let n = vm.new_str(name);
        Ok(vm.call_value(self.parse_constant, &[n], &[])?)
    }

    fn number(&mut self, vm: &mut Vm, start: usize) -> Result<(Value, usize), Fail> {
        let s = self.s;
        let n = s.len();
        let mut i = start;
        if s[i] == b'-' {
            i += 1;
            if i >= n {
                return Err(Fail::Stop(start));
            }
        }
        match s[i] {
            b'1'..=b'9' => {
                i += 1;
                while i < n && s[i].is_ascii_digit() {
                    i += 1;
                }
            }
            b'0' => i += 1,
            _ => return Err(Fail::Stop(start)),
        }
        let mut is_float = false;
        if i + 1 < n && s[i] == b'.' && s[i + 1].is_ascii_digit() {
            is_float = true;
            i += 2;
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
        }
        if i + 1 < n && (s[i] == b'e' || s[i] == b'E') {
            let e_start = i;
            i += 1;
            if i + 1 < n && (s[i] == b'-' || s[i] == b'+') {
                i += 1;
            }
            while i < n && s[i].is_ascii_digit() {
                i += 1;
            }
            if s[i - 1].is_ascii_digit() {
                is_float = true;
            } else {
                i = e_start;
            }
        }
        let text = std::str::from_utf8(&s[start..i]).unwrap_or("0");
        if is_float {
            if !self.parse_float.is_none() {
                let t = vm.new_str(text);
                return Ok((vm.call_value(self.parse_float, &[t], &[])?, i));
            }
            let f: f64 = text.parse().unwrap_or(0.0);
            return Ok((Value::Float(f), i));
        }
        if !self.parse_int.is_none() {
            let t = vm.new_str(text);
            return Ok((vm.call_value(self.parse_int, &[t], &[])?, i));
        }
        if let Ok(v) = text.parse::<i64>() {
            return Ok((Value::Int(v), i));
        }
        let b: BigInt = text.parse().unwrap_or_default();
        Ok((vm.new_bigint(b), i))
    }

    /// A string body starting after the opening quote at `i`.
    fn string(&mut self, i: usize) -> Result<(String, usize), Fail> {
        let s = self.s;
        let n = s.len();
        let begin = i - 1;
        let mut out = String::new();
        let mut j = i;
        loop {
            let chunk_start = j;
            while j < n && s[j] != b'"' && s[j] != b'\\' {
                if s[j] < 0x20 && self.strict {
                    return Err(Fail::Msg("Invalid control character at", j));
                }
                j += 1;
            }
            if j >= n {
                return Err(Fail::Msg("Unterminated string starting at", begin));
            }
            out.push_str(std::str::from_utf8(&s[chunk_start..j]).unwrap_or(""));
            if s[j] == b'"' {
                return Ok((out, j + 1));
            }
            j += 1;
            if j >= n {
                return Err(Fail::Msg("Unterminated string starting at", begin));
            }
            let c = s[j];
            if c != b'u' {
                let ch = match c {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(Fail::Msg("Invalid \\escape", j - 1)),
                };
                out.push(ch);
                j += 1;
                continue;
            }
            j += 1;
            let end = j + 4;
            if end >= n {
                return Err(Fail::Msg("Invalid \\uXXXX escape", j - 1));
            }
            let hex = |k: usize| -> Option<u32> {
                let t = std::str::from_utf8(&s[k..k + 4]).ok()?;
                if t.chars().all(|c| c.is_ascii_hexdigit()) {
                    u32::from_str_radix(t, 16).ok()
                } else {
                    None
                }
            };
            let Some(mut uni) = hex(j) else {
                return Err(Fail::Msg("Invalid \\uXXXX escape", end - 5));
            };
            j = end;
            if (0xd800..=0xdbff).contains(&uni) && j + 6 < n && s[j] == b'\\' && s[j + 1] == b'u' {
                let Some(lo) = hex(j + 2) else {
                    return Err(Fail::Msg("Invalid \\uXXXX escape", j + 1));
                };
                if (0xdc00..=0xdfff).contains(&lo) {
                    uni = 0x10000 + (((uni - 0xd800) << 10) | (lo - 0xdc00));
                    j += 6;
                }
            }
            out.push(char::from_u32(uni).unwrap_or('\u{fffd}'));
        }
    }

    fn object(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let s = self.s;
        let n = s.len();
        let mut pairs: Vec<(Value, Value)> = Vec::new();
        let keep = vm.new_list(Vec::new());
        vm.temp_roots.push(keep);
        let r = (|| -> Result<usize, Fail> {
            let mut i = self.skip_ws(i);
            if i >= n || s[i] != b'}' {
                loop {
                    if i >= n || s[i] != b'"' {
                        return Err(Fail::Msg("Expecting property name enclosed in double quotes", i));
                    }
                    let (k, e) = self.string(i + 1)?;
                    let key = vm.new_str(k);
                    i = self.skip_ws(e);
                    if i >= n || s[i] != b':' {
                        return Err(Fail::Msg("Expecting ':' delimiter", i));
                    }
                    i = self.skip_ws(i + 1);
                    let (val, e) = self.value(vm, i)?;
                    if let Some(ObjData::List(l)) = keep.as_obj().map(|r| vm.heap.data_mut(r)) {
                        l.push(key);
                        l.push(val);
                    }
                    pairs.push((key, val));
                    i = self.skip_ws(e);
                    if i < n && s[i] == b'}' {
                        break;
                    }
                    if i >= n || s[i] != b',' {
                        return Err(Fail::Msg("Expecting ',' delimiter", i));
                    }
                    i = self.skip_ws(i + 1);
                }
            }
            Ok(i + 1)
        })();
        let out = match r {
            Ok(end) => {
                if !self.pairs_hook.is_none() {
                    let items: Vec<Value> = pairs.iter().map(|&(k, v)| vm.new_tuple(vec![k, v])).collect();
                    let l = vm.new_list(items);
                    let v = vm.call_value(self.pairs_hook, &[l], &[]);
                    v.map(|v| (v, end)).map_err(Fail::Py)
                } else {
                    let d = vm.new_dict_ref();
                    let mut err = None;
                    for (k, v) in pairs {
                        if let Err(e) = vm.dict_set_item(d, k, v) {
                            err = Some(e);
                            break;
                        }
                    }
                    match err {
                        Some(e) => Err(Fail::Py(e)),
                        None => {
                            if !self.object_hook.is_none() {
                                vm.call_value(self.object_hook, &[Value::Obj(d)], &[]).map(|v| (v, end)).map_err(Fail::Py)
                            } else {
                                Ok((Value::Obj(d), end))
                            }
                        }
                    }
                }
            }
            Err(e) => Err(e),
        };
        vm.temp_roots.pop();
        out
    }

    fn array(&mut self, vm: &mut Vm, i: usize) -> Result<(Value, usize), Fail> {
        let s = self.s;
        let n = s.len();
        let list = vm.new_list(Vec::new());
        vm.temp_roots.push(list);
        let r = (|| -> Result<usize, Fail> {
            let mut i = self.skip_ws(i);
            if i >= n || s[i] != b']' {
                loop {
                    let (val, e) = self.value(vm, i)?;
                    if let Some(ObjData::List(l)) = list.as_obj().map(|r| vm.heap.data_mut(r)) {
                        l.push(val);
                    }
                    i = self.skip_ws(e);
                    if i < n && s[i] == b']' {
                        break;
                    }
                    if i >= n || s[i] != b',' {
                        return Err(Fail::Msg("Expecting ',' delimiter", i));
                    }
                    i = self.skip_ws(i + 1);
                }
            }
            Ok(i + 1)
        })();
        vm.temp_roots.pop();
        r.map(|end| (list, end))
    }
}

/// `scan(s, idx, strict, object_hook, object_pairs_hook, parse_float,
/// parse_int, parse_constant)` -> `(value, end)` on success,
/// `(None, -1, msg, pos)` for a decode error, `(None, -2, pos)` when no
/// value starts at a position ("Expecting value"). Positions are code
/// point indices.
fn scan(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "scan", args, 8, 8)?;
    let Some(text) = vm.str_of(args[0]).map(|s| s.to_string()) else {
        return Err(vm.type_error("first argument must be a string"));
    };
    let idx = vm.index_value(args[1])?.max(0) as usize;
    let strict = vm.truthy(args[2])?;
    let bytes = text.as_bytes();
    // Code point index -> byte offset.
    let start = if text.is_ascii() { idx.min(bytes.len()) } else { text.char_indices().nth(idx).map(|(b, _)| b).unwrap_or(bytes.len()) };
    let limit = vm.recursion_limit.saturating_sub(vm.frames.len()).max(50);
    let mut sc = Scanner { s: bytes, strict, object_hook: args[3], pairs_hook: args[4], parse_float: args[5], parse_int: args[6], parse_constant: args[7], depth: 0, limit };
    let to_cp = |b: usize| -> i64 {
        if text.is_ascii() {
            b as i64
        } else {
            text[..b.min(text.len())].chars().count() as i64
        }
    };
    match sc.value(vm, start) {
        Ok((v, end)) => Ok(vm.new_tuple(vec![v, Value::Int(to_cp(end))])),
        Err(Fail::Py(e)) => Err(e),
        Err(Fail::Msg(m, pos)) => {
            let ms = vm.new_str(m);
            Ok(vm.new_tuple(vec![Value::None, Value::Int(-1), ms, Value::Int(to_cp(pos))]))
        }
        Err(Fail::Stop(pos)) => Ok(vm.new_tuple(vec![Value::None, Value::Int(-2), Value::Int(to_cp(pos))])),
    }
}

// ---------------------------------------------------------------- encoding

fn escape_into(out: &mut String, s: &str, ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c if ascii && (c as u32) > 0x7e => {
                let n = c as u32;
                if n < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", n));
                } else {
                    let m = n - 0x10000;
                    out.push_str(&format!("\\u{:04x}\\u{:04x}", 0xd800 | ((m >> 10) & 0x3ff), 0xdc00 | (m & 0x3ff)));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn py_encode_ascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "encode_basestring_ascii", args, 1, 1)?;
    let Some(s) = vm.str_of(args[0]).map(|s| s.to_string()) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("first argument must be a string, not {}", tn)));
    };
    let mut out = String::with_capacity(s.len() + 2);
    escape_into(&mut out, &s, true);
    Ok(vm.new_str(out))
}

fn py_encode_plain(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "encode_basestring", args, 1, 1)?;
    let Some(s) = vm.str_of(args[0]).map(|s| s.to_string()) else {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("first argument must be a string, not {}", tn)));
    };
    let mut out = String::with_capacity(s.len() + 2);
    escape_into(&mut out, &s, false);
    Ok(vm.new_str(out))
}

struct Encoder {
    indent: Option<String>,
    key_sep: String,
    item_sep: String,
    sort_keys: bool,
    skipkeys: bool,
    ascii: bool,
    allow_nan: bool,
    default: Value,
    markers: Option<Vec<ObjRef>>,
    out: String,
    depth: usize,
    limit: usize,
}

impl Encoder {
    fn float(&self, vm: &mut Vm, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(crate::vm::format::float_repr(f));
        }
        if !self.allow_nan {
            return Err(vm.value_error("Out of range float values are not JSON compliant"));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    fn newline(&mut self, level: usize) {
        if let Some(ind) = &self.indent {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str(ind);
            }
        }
    }

    fn mark(&mut self, vm: &mut Vm, r: ObjRef) -> PyResult<()> {
        if let Some(m) = &mut self.markers {
            if m.contains(&r) {
                return Err(vm.value_error("Circular reference detected"));
            }
            m.push(r);
        }
        Ok(())
    }

    fn unmark(&mut self) {
        if let Some(m) = &mut self.markers {
            m.pop();
        }
    }

    fn value(&mut self, vm: &mut Vm, v: Value, level: usize) -> PyResult<()> {
        self.depth += 1;
        if self.depth > self.limit {
            self.depth -= 1;
            let c = vm.exc.recursion_error;
            return Err(vm.new_error(c, "maximum recursion depth exceeded while encoding a JSON object"));
        }
        let r = self.value_inner(vm, v, level);
        self.depth -= 1;
        r
    }

    fn value_inner(&mut self, vm: &mut Vm, v: Value, level: usize) -> PyResult<()> {
        match v {
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => self.out.push_str(&i.to_string()),
            Value::Float(f) => {
                let s = self.float(vm, f)?;
                self.out.push_str(&s);
            }
            Value::Obj(r) => {
                enum K {
                    Str(String),
                    Num(Num),
                    Seq(Vec<Value>),
                    Dict,
                    Other,
                }
                let k = match vm.heap.data(r) {
                    ObjData::Str(s) => K::Str(s.as_str().to_string()),
                    ObjData::BigInt(_) | ObjData::Float(_) => match vm.as_number(v) {
                        Some(n) => K::Num(n),
                        None => K::Other,
                    },
                    ObjData::List(items) => K::Seq(items.clone()),
                    ObjData::Tuple(items) => K::Seq(items.to_vec()),
                    ObjData::Dict(_) => K::Dict,
                    _ => K::Other,
                };
                match k {
                    K::Str(s) => escape_into(&mut self.out, &s, self.ascii),
                    K::Num(Num::Int(i)) => self.out.push_str(&i.to_string()),
                    K::Num(Num::Big(b)) => self.out.push_str(&b.to_string()),
                    K::Num(Num::Float(f)) => {
                        let s = self.float(vm, f)?;
                        self.out.push_str(&s);
                    }
                    K::Num(_) => self.default(vm, v, level)?,
                    K::Seq(items) => self.list(vm, r, items, level)?,
                    K::Dict => self.dict(vm, r, level)?,
                    K::Other => self.default(vm, v, level)?,
                }
            }
            Value::Undef => self.out.push_str("null"),
        }
        Ok(())
    }

    fn default(&mut self, vm: &mut Vm, v: Value, level: usize) -> PyResult<()> {
        let r = v.as_obj();
        if let Some(r) = r {
            self.mark(vm, r)?;
        }
        vm.temp_roots.push(v);
        let o = vm.call_value(self.default, &[v], &[]);
        vm.temp_roots.pop();
        let o = o?;
        vm.temp_roots.push(o);
        let res = self.value(vm, o, level);
        vm.temp_roots.pop();
        res?;
        if r.is_some() {
            self.unmark();
        }
        Ok(())
    }

    fn list(&mut self, vm: &mut Vm, r: ObjRef, items: Vec<Value>, level: usize) -> PyResult<()> {
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        self.mark(vm, r)?;
        self.out.push('[');
        let inner = level + 1;
        self.newline(inner);
        for (i, it) in items.iter().enumerate() {
            if i > 0 {
                let sep = self.item_sep.clone();
                self.out.push_str(&sep);
                self.newline(inner);
            }
            self.value(vm, *it, inner)?;
        }
        self.newline(level);
        self.out.push(']');
        self.unmark();
        Ok(())
    }

    fn key(&mut self, vm: &mut Vm, k: Value) -> PyResult<Option<String>> {
        Ok(Some(match k {
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::None => "null".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => self.float(vm, f)?,
            Value::Obj(r) => match vm.heap.data(r) {
                ObjData::Str(s) => s.as_str().to_string(),
                ObjData::BigInt(_) | ObjData::Float(_) => match vm.as_number(k) {
                    Some(Num::Int(i)) => i.to_string(),
                    Some(Num::Big(b)) => b.to_string(),
                    Some(Num::Float(f)) => self.float(vm, f)?,
                    _ => return self.bad_key(vm, k),
                },
                _ => return self.bad_key(vm, k),
            },
            Value::Undef => return Ok(None),
        }))
    }

    fn bad_key(&mut self, vm: &mut Vm, k: Value) -> PyResult<Option<String>> {
        if self.skipkeys {
            return Ok(None);
        }
        let tn = vm.type_name(k);
        Err(vm.type_error(format!("keys must be str, int, float, bool or None, not {}", tn)))
    }

    fn dict(&mut self, vm: &mut Vm, r: ObjRef, level: usize) -> PyResult<()> {
        let mut items: Vec<(Value, Value)> = vm.dict(r).iter().collect();
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        self.mark(vm, r)?;
        let keep = vm.new_list(items.iter().flat_map(|(k, v)| [*k, *v]).collect());
        vm.temp_roots.push(keep);
        let res = (|| -> PyResult<()> {
            if self.sort_keys {
                let tuples: Vec<Value> = items.iter().map(|&(k, v)| vm.new_tuple(vec![k, v])).collect();
                let l = vm.new_list(tuples);
                vm.temp_roots.push(l);
                let sorted = vm.call_method(l, "sort", &[]);
                vm.temp_roots.pop();
                sorted?;
                let sorted_items = match l.as_obj().map(|x| vm.heap.data(x)) {
                    Some(ObjData::List(v)) => v.clone(),
                    _ => Vec::new(),
                };
                items = sorted_items
                    .iter()
                    .map(|t| match t.as_obj().map(|x| vm.heap.data(x)) {
                        Some(ObjData::Tuple(p)) => (p[0], p[1]),
                        _ => (Value::None, Value::None),
                    })
                    .collect();
            }
            self.out.push('{');
            let inner = level + 1;
            self.newline(inner);
            let mut first = true;
            for (k, v) in items.iter() {
                let Some(ks) = self.key(vm, *k)? else { continue };
                if !first {
                    let sep = self.item_sep.clone();
                    self.out.push_str(&sep);
                    self.newline(inner);
                }
                first = false;
                escape_into(&mut self.out, &ks, self.ascii);
                let ksep = self.key_sep.clone();
                self.out.push_str(&ksep);
                self.value(vm, *v, inner)?;
            }
            self.newline(level);
            self.out.push('}');
            Ok(())
        })();
        vm.temp_roots.pop();
        res?;
        self.unmark();
        Ok(())
    }
}

/// `encode(obj, indent, key_sep, item_sep, sort_keys, skipkeys,
/// ensure_ascii, allow_nan, default, check_circular)` -> str.
fn encode(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "encode", args, 10, 10)?;
    let indent = if args[1].is_none() { None } else { Some(vm.str_of(args[1]).unwrap_or("").to_string()) };
    let key_sep = vm.str_of(args[2]).unwrap_or(": ").to_string();
    let item_sep = vm.str_of(args[3]).unwrap_or(", ").to_string();
    let sort_keys = vm.truthy(args[4])?;
    let skipkeys = vm.truthy(args[5])?;
    let ascii = vm.truthy(args[6])?;
    let allow_nan = vm.truthy(args[7])?;
    let check = vm.truthy(args[9])?;
    let mut enc = Encoder { indent, key_sep, item_sep, sort_keys, skipkeys, ascii, allow_nan, default: args[8], markers: if check { Some(Vec::new()) } else { None }, out: String::new(), depth: 0, limit: vm.recursion_limit.saturating_sub(vm.frames.len()).max(50) };
    enc.value(vm, args[0], 0)?;
    Ok(vm.new_str(enc.out))
}
