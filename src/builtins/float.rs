//! `float` and `complex`: construction from numbers and strings, `repr`
//! (shortest round-trip, via `vm::format`), and their methods.

use num_bigint::BigInt;

use crate::builtins::args::arity;
use crate::builtins::{add_getset, add_method, add_native, Kind};
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::ops::Num;
use crate::vm::{KwArgs, PyResult, Vm};

pub use crate::vm::format::float_repr;

pub fn install(vm: &mut Vm) {
    let t = vm.types.float;
    add_native(vm, t, "float", "__new__", float_new, Kind::Static);
    add_method(vm, t, "float", "__repr__", float_repr_m);
    add_method(vm, t, "float", "__trunc__", float_int);
    add_method(vm, t, "float", "__floor__", float_floor);
    add_method(vm, t, "float", "__ceil__", float_ceil);
    add_method(vm, t, "float", "__round__", float_round);
    add_method(vm, t, "float", "__hash__", float_hash);
    add_method(vm, t, "float", "__format__", float_format);
    add_method(vm, t, "float", "is_integer", is_integer);
    add_method(vm, t, "float", "as_integer_ratio", as_integer_ratio);
    add_method(vm, t, "float", "conjugate", float_self);
    add_method(vm, t, "float", "hex", float_hex);
    add_getset(vm, t, "float", "real", float_real, None);
    add_getset(vm, t, "float", "imag", float_imag, None);

    let c = vm.types.complex;
    add_native(vm, c, "complex", "__new__", complex_new, Kind::Static);
    add_getset(vm, c, "complex", "real", complex_real, None);
    add_getset(vm, c, "complex", "imag", complex_imag, None);
    add_method(vm, c, "complex", "conjugate", complex_conjugate);
}

fn fval(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_number(v) {
        Some(Num::Float(f)) => Ok(f),
        Some(Num::Int(i)) => Ok(i as f64),
        Some(Num::Big(b)) => Ok(crate::vm::ops::big_to_f64(&b)),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("must be real number, not {}", tn)))
        }
    }
}

/// Parse a float literal as `float(s)` accepts it.
pub fn parse_float(s: &str) -> Option<f64> {
    let s = crate::builtins::int::ascii_digits(s)?;
    let t = s.trim_matches(|c: char| c.is_ascii_whitespace() || matches!(c, '\x1c'..='\x1f'));
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.strip_prefix('-') {
        Some(r) => (-1.0, r.to_string()),
        None => (1.0, lower.strip_prefix('+').unwrap_or(&lower).to_string()),
    };
    match body.as_str() {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN),
        _ => {}
    }
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    // Underscores only between digits.
    let b = body.as_bytes();
    for (i, &c) in b.iter().enumerate() {
        if c == b'_' && !(i > 0 && b[i - 1].is_ascii_digit() && i + 1 < b.len() && b[i + 1].is_ascii_digit()) {
            return None;
        }
        if !(c.is_ascii_digit() || matches!(c, b'.' | b'e' | b'+' | b'-' | b'_')) {
            return None;
        }
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().ok().map(|v| sign * v)
}

fn float_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.float);
    if args.len() > 2 {
        return Err(vm.type_error(format!("float expected at most 1 argument, got {}", args.len() - 1)));
    }
    let v = match args.get(1) {
        None => 0.0,
        Some(&x) => float_from_value(vm, x)?,
    };
    if cls == vm.types.float {
        return Ok(Value::Float(v));
    }
    Ok(vm.alloc(cls, ObjData::Float(v)))
}

/// `float(x)`.
pub fn float_from_value(vm: &mut Vm, x: Value) -> PyResult<f64> {
    match vm.as_number(x) {
        Some(Num::Float(f)) => return Ok(f),
        Some(Num::Int(i)) => return Ok(i as f64),
        Some(Num::Big(b)) => {
            let f = crate::vm::ops::big_to_f64(&b);
            if f.is_infinite() {
                return Err(vm.overflow_error("int too large to convert to float"));
            }
            return Ok(f);
        }
        _ => {}
    }
    if let Some(s) = vm.str_of(x) {
        let s = s.to_string();
        return match parse_float(&s) {
            Some(f) => Ok(f),
            None => {
                let r = crate::builtins::repr::str_repr(&s);
                Err(vm.value_error(format!("could not convert string to float: {}", r)))
            }
        };
    }
    for name in ["__float__", "__index__"] {
        let n = vm.intern(name);
        if let Some(m) = vm.lookup_special(x, n) {
            let r = vm.call_value(m, &[x], &[])?;
            return match vm.as_number(r) {
                Some(Num::Float(f)) => Ok(f),
                Some(Num::Int(i)) if name == "__index__" => Ok(i as f64),
                _ => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("{}() returned non-float (type {})", name.trim_matches('_'), tn)))
                }
            };
        }
    }
    let tn = vm.type_name(x);
    Err(vm.type_error(format!("float() argument must be a string or a real number, not '{}'", tn)))
}

fn float_repr_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    Ok(vm.new_str(float_repr(f)))
}

fn float_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(fval(vm, args[0])?))
}

fn to_int(vm: &mut Vm, f: f64) -> PyResult<Value> {
    if f.is_nan() {
        return Err(vm.value_error("cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert float infinity to integer"));
    }
    Ok(crate::builtins::functions::float_to_int(vm, f))
}


fn float_int(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    to_int(vm, f.trunc())
}

fn float_floor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    to_int(vm, f.floor())
}

fn float_ceil(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    to_int(vm, f.ceil())
}

fn float_round(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    match args.get(1).filter(|v| !v.is_none()) {
        Some(&n) => {
            let n = vm.index_value(n)?;
            Ok(Value::Float(crate::builtins::functions::round_float(f, n)))
        }
        None => {
            let r = f.round();
            let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
            to_int(vm, r)
        }
    }
}

fn float_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    Ok(Value::Int(crate::runtime::hash::hash_float(f).unwrap_or(0)))
}


fn float_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__format__", args, 2, 2)?;
    let f = fval(vm, args[0])?;
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    let s = vm.format(Value::Float(f), &spec)?;
    Ok(vm.new_str(s))
}



fn is_integer(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    Ok(Value::Bool(f.is_finite() && f.fract() == 0.0))
}

fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    if f.is_infinite() {
        return Err(vm.overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    let (m, e) = crate::runtime::hash::frexp(f);
    let mut mant = m;
    let mut exp = e;
    let mut i = 0;
    while mant != mant.floor() && i < 300 {
        mant *= 2.0;
        exp -= 1;
        i += 1;
    }
    let num: BigInt = num_traits::FromPrimitive::from_f64(mant).unwrap_or_default();
    let (n, d) = if exp >= 0 { (num << exp as usize, BigInt::from(1)) } else { (num, BigInt::from(1) << (-exp) as usize) };
    let g = num_integer::Integer::gcd(&n, &d);
    let n = vm.new_bigint(&n / &g);
    let d = vm.new_bigint(&d / &g);
    Ok(vm.new_tuple(vec![n, d]))
}

fn float_hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = fval(vm, args[0])?;
    if f == 0.0 {
        return Ok(vm.new_str(if f.is_sign_negative() { "-0x0.0p+0" } else { "0x0.0p+0" }));
    }
    let bits = f.to_bits();
    let sign = if f < 0.0 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    let mut m = format!("{:013x}", mant);
    while m.len() > 1 && m.ends_with('0') {
        m.pop();
    }
    Ok(vm.new_str(format!("{}0x{}.{}p{}{}", sign, lead, m, if e < 0 { "-" } else { "+" }, e.abs())))
}

fn float_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Float(fval(vm, v)?))
}

fn float_imag(_vm: &mut Vm, _v: Value) -> PyResult<Value> {
    Ok(Value::Float(0.0))
}

fn complex_parts(vm: &mut Vm, v: Value) -> PyResult<(f64, f64)> {
    match vm.as_number(v) {
        Some(Num::Complex(r, i)) => Ok((r, i)),
        Some(n) => Ok((crate::vm::ops::num_to_f64(&n), 0.0)),
        None => Err(vm.type_error("complex expected")),
    }
}

fn complex_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let real = args.get(1).copied().unwrap_or(Value::Int(0));
    let imag = args.get(2).copied().unwrap_or(Value::Int(0));
    if let Some(s) = vm.str_of(real) {
        let s = s.trim().trim_start_matches('(').trim_end_matches(')').to_string();
        if let Some(body) = s.strip_suffix('j') {
            let split = body.rfind(['+', '-']).filter(|&i| i > 0 && !body[..i].ends_with(['e', 'E']));
            let (re, im) = match split {
                Some(i) => (parse_float(&body[..i]), parse_float(if &body[i..] == "+" || &body[i..] == "-" { "1" } else { &body[i..] })),
                None => (Some(0.0), if body.is_empty() || body == "+" { Some(1.0) } else if body == "-" { Some(-1.0) } else { parse_float(body) }),
            };
            if let (Some(r), Some(i)) = (re, im) {
                return Ok(vm.num_value(Num::Complex(r, i)));
            }
        } else if let Some(r) = parse_float(&s) {
            return Ok(vm.num_value(Num::Complex(r, 0.0)));
        }
        return Err(vm.value_error("complex() arg is a malformed string"));
    }
    let (a, b) = complex_parts(vm, real)?;
    let (c, d) = complex_parts(vm, imag)?;
    Ok(vm.num_value(Num::Complex(a - d, b + c)))
}

fn complex_real(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Float(complex_parts(vm, v)?.0))
}

fn complex_imag(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Float(complex_parts(vm, v)?.1))
}

fn complex_conjugate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (r, i) = complex_parts(vm, args[0])?;
    Ok(vm.num_value(Num::Complex(r, -i)))
}

