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
    add_native(vm, t, "float", "fromhex", float_fromhex, Kind::Class);
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
    if !f.is_finite() {
        return Ok(vm.new_str(float_repr(f)));
    }
    let sign = if f.is_sign_negative() { "-" } else { "" };
    if f == 0.0 {
        return Ok(vm.new_str(format!("{}0x0.0p+0", sign)));
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    // CPython always prints all 13 hex digits of the fraction.
    let (lead, e) = if exp == 0 { (0, -1022) } else { (1, exp - 1023) };
    Ok(vm.new_str(format!("{}0x{}.{:013x}p{}{}", sign, lead, mant, if e < 0 { "-" } else { "+" }, e.abs())))
}

/// Result of parsing a hexadecimal float string.
enum HexFloat {
    Value(f64),
    Invalid,
    TooLarge,
}

/// `float.fromhex` syntax: `[sign] ['0x'] digits ['.' digits] ['p' [sign] decimal]`,
/// or inf/infinity/nan, surrounded by optional whitespace. Rounds half to even.
fn parse_hex_float(s: &str) -> HexFloat {
    let t = s.trim().to_ascii_lowercase();
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(&t)),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    match body {
        "inf" | "infinity" => return HexFloat::Value(sign * f64::INFINITY),
        "nan" => return HexFloat::Value(f64::NAN),
        _ => {}
    }
    let body = body.strip_prefix("0x").unwrap_or(body);
    let (mant_part, exp_part) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (int_digits, frac_digits) = match mant_part.find('.') {
        Some(i) => (&mant_part[..i], &mant_part[i + 1..]),
        None => (mant_part, ""),
    };
    if int_digits.is_empty() && frac_digits.is_empty() {
        return HexFloat::Invalid;
    }
    let all_hex = |d: &str| d.bytes().all(|c| c.is_ascii_hexdigit());
    if !all_hex(int_digits) || !all_hex(frac_digits) {
        return HexFloat::Invalid;
    }
    let mut exp: BigInt = match exp_part {
        None => BigInt::from(0),
        Some(e) => {
            let digits = e.strip_prefix(['+', '-']).unwrap_or(e);
            if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
                return HexFloat::Invalid;
            }
            match e.parse::<BigInt>() {
                Ok(v) => v,
                Err(_) => return HexFloat::Invalid,
            }
        }
    };
    let digits = format!("{}{}", int_digits, frac_digits);
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    exp -= BigInt::from(4 * frac_digits.len());
    use num_traits::{ToPrimitive, Zero};
    if m.is_zero() {
        return HexFloat::Value(sign * 0.0);
    }
    let nbits = m.bits() as i64;
    // Exponents far outside the float range: clamp so the arithmetic stays small.
    let e = match exp.to_i64() {
        Some(e) if e.abs() < 1 << 40 => e,
        _ if exp > BigInt::zero() => return HexFloat::TooLarge,
        _ => return HexFloat::Value(sign * 0.0),
    };
    let top = nbits - 1 + e; // value is in [2^top, 2^(top+1))
    if top > 1023 {
        return HexFloat::TooLarge;
    }
    // Significant bits the result can hold: 53 for normals, fewer below 2^-1022.
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep < 0 {
        return HexFloat::Value(sign * 0.0);
    }
    let shift = nbits - keep;
    let (mut q, mut e2) = (m.clone(), e);
    if shift > 0 {
        let sh = shift as usize;
        q = &m >> sh;
        let rem = &m - (&q << sh);
        let half = BigInt::from(1) << (sh - 1);
        let odd = (&q & BigInt::from(1)) == BigInt::from(1);
        if rem > half || (rem == half && odd) {
            q += 1;
        }
        e2 += shift;
    }
    let qf = q.to_f64().unwrap_or(0.0);
    if (q.bits() as i64) - 1 + e2 > 1023 {
        return HexFloat::TooLarge;
    }
    HexFloat::Value(sign * ldexp_exact(qf, e2))
}

/// `x * 2^e` for a result known to be representable (so each step is exact).
fn ldexp_exact(mut x: f64, mut e: i64) -> f64 {
    while e > 0 {
        let step = e.min(1000);
        x *= 2f64.powi(step as i32);
        e -= step;
    }
    while e < 0 {
        let step = (-e).min(1000);
        x *= 2f64.powi(-(step as i32));
        e += step;
    }
    x
}

fn float_fromhex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("float.fromhex() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let cls = args[0];
    let s = match vm.str_of(args[1]) {
        Some(s) => s.to_string(),
        None => {
            let tn = vm.type_name(args[1]);
            return Err(vm.type_error(format!("fromhex() argument must be str, not {}", tn)));
        }
    };
    let f = match parse_hex_float(&s) {
        HexFloat::Value(f) => f,
        HexFloat::Invalid => return Err(vm.value_error("invalid hexadecimal floating-point string")),
        HexFloat::TooLarge => return Err(vm.overflow_error("hexadecimal value too large to represent as a float")),
    };
    if cls.as_obj() == Some(vm.types.float) {
        return Ok(Value::Float(f));
    }
    vm.call_value(cls, &[Value::Float(f)], &[])
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

