//! `int` and `bool`: construction (from numbers, strings in any base,
//! `__int__`/`__index__`/`__trunc__`), and the methods tutorials use.

use num_bigint::{BigInt, Sign};
use num_traits::{Num as _, Signed, ToPrimitive, Zero};

use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_getset, add_method, add_native, Kind};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::ops::Num;
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.int;
    add_native(vm, t, "int", "__new__", int_new, Kind::Static);
    add_method(vm, t, "int", "__repr__", int_repr);
    add_method(vm, t, "int", "__hash__", int_hash);
    add_method(vm, t, "int", "__format__", int_format);
    add_method(vm, t, "int", "__round__", int_round);
    add_method(vm, t, "int", "__trunc__", int_self);
    add_method(vm, t, "int", "__floor__", int_self);
    add_method(vm, t, "int", "__ceil__", int_self);
    add_method(vm, t, "int", "bit_length", bit_length);
    add_method(vm, t, "int", "bit_count", bit_count);
    add_method(vm, t, "int", "to_bytes", to_bytes);
    add_native(vm, t, "int", "from_bytes", from_bytes, Kind::Class);
    add_method(vm, t, "int", "conjugate", int_self);
    add_method(vm, t, "int", "as_integer_ratio", as_integer_ratio);
    add_getset(vm, t, "int", "real", int_real, None);
    add_getset(vm, t, "int", "imag", int_imag, None);
    add_getset(vm, t, "int", "numerator", int_real, None);
    add_getset(vm, t, "int", "denominator", int_one, None);
    let b = vm.types.bool;
    add_native(vm, b, "bool", "__new__", bool_new, Kind::Static);
    add_method(vm, b, "bool", "__repr__", bool_repr);
}

/// The integer value of an int (or bool, or int-subclass) object.
pub fn int_num(vm: &Vm, v: Value) -> Option<Num> {
    match vm.as_number(v)? {
        n @ (Num::Int(_) | Num::Big(_)) => Some(n),
        _ => None,
    }
}

/// `operator.index(v)` as a big int: ints (and subclasses, bools) as they
/// are, else `__index__`, with CPython's messages.
pub fn index_big(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => return Ok(BigInt::from(i)),
        Value::Bool(b) => return Ok(BigInt::from(b as i64)),
        Value::Obj(r) => {
            if let ObjData::BigInt(b) = vm.heap.data(r) {
                return Ok((**b).clone());
            }
        }
        _ => {}
    }
    let n = vm.names.__index__;
    if let Some(m) = vm.lookup_special(v, n) {
        let r = vm.call_value(m, &[v], &[])?;
        return match int_num(vm, r) {
            Some(n) => Ok(to_bigint(&n)),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__index__ returned non-int (type {})", tn)))
            }
        };
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
}

pub fn to_bigint(n: &Num) -> BigInt {
    crate::vm::ops::to_big(n)
}

fn int_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<BigInt> {
    match int_num(vm, v) {
        Some(n) => Ok(to_bigint(&n)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{}' requires a 'int' object but received a '{}'", what, tn)))
        }
    }
}

/// Unicode decimal digits as ASCII digits and Unicode whitespace as
/// spaces (what `int()`/`float()` accept); None when the text has another
/// non-ASCII character.
pub fn ascii_digits(s: &str) -> Option<std::borrow::Cow<'_, str>> {
    if s.is_ascii() {
        return Some(std::borrow::Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(d) = crate::builtins::unicode::decimal_value(c) {
            out.push((b'0' + d as u8) as char);
        } else if crate::builtins::unicode::is_space(c) {
            out.push(' ');
        } else {
            return None;
        }
    }
    Some(std::borrow::Cow::Owned(out))
}

/// Parse an int literal the way `int(s, base)` does (base 0 or 2..=36).
/// CPython's limit on decimal (non power-of-two base) string conversion.
fn check_str_digits(vm: &mut Vm, s: &str, base: u32) -> PyResult<()> {
    let t = s.trim().trim_start_matches(['+', '-']);
    let lower = t.get(..2).map(|p| p.to_ascii_lowercase());
    let prefixed = base == 0 && matches!(lower.as_deref(), Some("0x" | "0o" | "0b"));
    if base.is_power_of_two() || prefixed {
        return Ok(());
    }
    let digits = t.bytes().filter(|&b| b != b'_').count();
    if digits > 4300 {
        return Err(vm.value_error(format!(
            "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits
        )));
    }
    Ok(())
}

pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let s = ascii_digits(s)?;
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '\x1c'..='\x1f'));
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.get(..2).map(|p| p.to_ascii_lowercase());
    let prefix_base = match lower.as_deref() {
        Some("0x") => Some(16),
        Some("0o") => Some(8),
        Some("0b") => Some(2),
        _ => None,
    };
    let (base, digits, had_prefix) = match (base, prefix_base) {
        (0, Some(pb)) => (pb, &body[2..], true),
        (0, None) => {
            // Base 0: no leading zeros in a non-zero decimal literal.
            if body.len() > 1 && body.starts_with('0') && body.bytes().any(|c| c != b'0' && c != b'_') {
                return None;
            }
            (10, body, false)
        }
        (b, Some(pb)) if b == pb => (b, &body[2..], true),
        (b, _) => (b, body, false),
    };
    let digits = if had_prefix { digits.strip_prefix('_').unwrap_or(digits) } else { digits };
    if digits.is_empty() || digits.starts_with('_') || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    if !digits.bytes().all(|c| c == b'_' || (c as char).to_digit(base).is_some()) {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    let v = BigInt::from_str_radix(&clean, base).ok()?;
    Some(if neg { -v } else { v })
}

fn int_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.int);
    let x = args.get(1).copied().or_else(|| kwarg(vm, kw, "x"));
    let base = args.get(2).copied().or_else(|| kwarg(vm, kw, "base"));
    if args.len() > 3 {
        return Err(vm.type_error(format!("int() takes at most 2 arguments ({} given)", args.len() - 1)));
    }
    let value = match (x, base) {
        (None, None) => Value::Int(0),
        (None, Some(_)) => return Err(vm.type_error("int() missing string argument")),
        (Some(x), Some(b)) => {
            let base = vm.index_value(b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(vm.value_error("int() base must be >= 2 and <= 36, or 0"));
            }
            let (s, shown) = if let Some(s) = vm.str_of(x) {
                (s.to_string(), crate::builtins::repr::str_repr(s))
            } else {
                match x.as_obj().map(|r| vm.heap.data(r)) {
                    Some(ObjData::Bytes(b)) => (if b.is_ascii() { String::from_utf8_lossy(b).to_string() } else { "\u{0}".into() }, crate::builtins::repr::bytes_repr(b)),
                    Some(ObjData::ByteArray(b)) => (if b.is_ascii() { String::from_utf8_lossy(b).to_string() } else { "\u{0}".into() }, crate::builtins::repr::bytes_repr(b)),
                    _ => return Err(vm.type_error("int() can't convert non-string with explicit base")),
                }
            };
            match parse_int(&s, base as u32) {
                Some(v) => {
                    check_str_digits(vm, &s, base as u32)?;
                    vm.new_bigint(v)
                }
                None => return Err(vm.value_error(format!("invalid literal for int() with base {}: {}", base, shown))),
            }
        }
        (Some(x), None) => int_from_value(vm, x)?,
    };
    if cls == vm.types.int {
        return Ok(value);
    }
    // A subclass instance carries its value in a BigInt payload.
    let n = match vm.as_number(value) {
        Some(n) => to_bigint(&n),
        None => BigInt::zero(),
    };
    Ok(vm.alloc(cls, ObjData::BigInt(Box::new(n))))
}

/// `int(x)` for a single argument.
pub fn int_from_value(vm: &mut Vm, x: Value) -> PyResult<Value> {
    match vm.as_number(x) {
        Some(Num::Int(i)) => return Ok(Value::Int(i)),
        Some(Num::Big(b)) => return Ok(vm.new_bigint(b)),
        Some(Num::Float(f)) => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            return Ok(crate::builtins::functions::float_to_int(vm, f.trunc()));
        }
        Some(Num::Complex(..)) => {
            return Err(vm.type_error("int() argument must be a string, a bytes-like object or a real number, not 'complex'"));
        }
        None => {}
    }
    if let Some(s) = vm.str_of(x) {
        let s = s.to_string();
        return match parse_int(&s, 10) {
            Some(v) => {
                check_str_digits(vm, &s, 10)?;
                Ok(vm.new_bigint(v))
            }
            None => {
                let r = crate::builtins::repr::str_repr(&s);
                Err(vm.value_error(format!("invalid literal for int() with base 10: {}", r)))
            }
        };
    }
    let raw = match x.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(b)) => Some((b.to_vec(), false)),
        Some(ObjData::ByteArray(b)) => Some((b.clone(), true)),
        _ => None,
    };
    if let Some((b, is_array)) = raw {
        let parsed = if b.is_ascii() { parse_int(std::str::from_utf8(&b).unwrap_or(""), 10) } else { None };
        return match parsed {
            Some(v) => Ok(vm.new_bigint(v)),
            None => {
                let _ = is_array;
                let r = crate::builtins::repr::bytes_repr(&b);
                Err(vm.value_error(format!("invalid literal for int() with base 10: {}", r)))
            }
        };
    }
    for name in ["__int__", "__index__", "__trunc__"] {
        let n = vm.intern(name);
        if let Some(m) = vm.lookup_special(x, n) {
            let r = vm.call_value(m, &[x], &[])?;
            return match int_num(vm, r) {
                Some(Num::Int(i)) => Ok(Value::Int(i)),
                Some(n) => Ok(vm.new_bigint(to_bigint(&n))),
                None => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("{} returned non-int (type {})", name, tn)))
                }
            };
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("int() argument must be a string, a bytes-like object or a real number, not '{}'", tn)))
}

fn bool_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("bool() takes no keyword arguments"));
    }
    match args.get(1) {
        None => Ok(Value::Bool(false)),
        Some(&v) => {
            if args.len() > 2 {
                return Err(vm.type_error(format!("bool expected at most 1 argument, got {}", args.len() - 1)));
            }
            Ok(Value::Bool(vm.truthy(v)?))
        }
    }
}

fn bool_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = matches!(args[0], Value::Bool(true));
    Ok(Value::Obj(vm.intern(if b { "True" } else { "False" })))
}





fn plain_int(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match int_num(vm, v) {
        Some(Num::Int(i)) => Ok(Value::Int(i)),
        Some(n) => Ok(vm.new_bigint(to_bigint(&n))),
        None => Err(vm.type_error("descriptor requires an 'int' object")),
    }
}

fn int_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    plain_int(vm, args[0])
}


fn int_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = plain_int(vm, args[0])?;
    let s = vm.int_to_decimal(v)?;
    Ok(vm.new_str(s))
}



fn int_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = int_arg(vm, args[0], "__hash__")?;
    Ok(Value::Int(crate::runtime::hash::hash_bigint(&b)))
}

fn int_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__format__", args, 2, 2)?;
    let v = plain_int(vm, args[0])?;
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    let s = vm.format(v, &spec)?;
    Ok(vm.new_str(s))
}

fn int_round(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    plain_int(vm, args[0])
}



fn bit_length(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = int_arg(vm, args[0], "bit_length")?;
    Ok(Value::Int(b.magnitude().bits() as i64))
}

fn bit_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = int_arg(vm, args[0], "bit_count")?;
    Ok(Value::Int(b.magnitude().count_ones() as i64))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = plain_int(vm, args[0])?;
    Ok(vm.new_tuple(vec![v, Value::Int(1)]))
}

fn int_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    plain_int(vm, v)
}

fn int_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Int(0))
}

fn int_one(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Int(1))
}

fn byteorder_arg(vm: &mut Vm, args: &[Value], i: usize, kw: KwArgs) -> PyResult<bool> {
    let bo = args.get(i).copied().or_else(|| kwarg(vm, kw, "byteorder"));
    match bo.and_then(|b| vm.str_of(b)) {
        None | Some("big") => Ok(true),
        Some("little") => Ok(false),
        Some(_) => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
    }
}

fn to_bytes(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = int_arg(vm, args[0], "to_bytes")?;
    let length = match args.get(1).copied().or_else(|| kwarg(vm, kw, "length")) {
        Some(l) => vm.index_value(l)? as usize,
        None => 1,
    };
    let big = byteorder_arg(vm, args, 2, kw)?;
    let signed = match kwarg(vm, kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    if b.is_negative() && !signed {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let mut bytes = if signed { b.to_signed_bytes_be() } else { b.to_bytes_be().1 };
    if b.is_zero() {
        bytes = vec![];
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let pad = if b.is_negative() { 0xff } else { 0 };
    let mut out = vec![pad; length - bytes.len()];
    out.extend(bytes);
    if !big {
        out.reverse();
    }
    Ok(vm.new_bytes(out))
}

fn from_bytes(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let data = args.get(1).copied().or_else(|| kwarg(vm, kw, "bytes")).unwrap_or(Value::None);
    let bytes: Vec<u8> = match data.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(b)) => b.to_vec(),
        Some(ObjData::ByteArray(b)) => b.clone(),
        _ => {
            let items = vm.collect_iterable(data)?;
            items.iter().map(|v| vm.int_value(*v).unwrap_or(0) as u8).collect()
        }
    };
    let big = byteorder_arg(vm, args, 2, kw)?;
    let signed = match kwarg(vm, kw, "signed") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let v = match (big, signed) {
        (true, false) => BigInt::from_bytes_be(Sign::Plus, &bytes),
        (false, false) => BigInt::from_bytes_le(Sign::Plus, &bytes),
        (true, true) => BigInt::from_signed_bytes_be(&bytes),
        (false, true) => BigInt::from_signed_bytes_le(&bytes),
    };
    Ok(vm.new_bigint(v))
}

#[allow(dead_code)]
fn as_i64(b: &BigInt) -> Option<i64> {
    b.to_i64()
}

#[allow(dead_code)]
fn unused(_r: ObjRef) {}
