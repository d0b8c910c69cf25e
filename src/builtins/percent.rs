//! printf-style formatting: `str % args` and `bytes % args` (one parser;
//! bytes are handled as Latin-1 characters), with CPython's conversions,
//! flags and error messages.

use num_bigint::BigInt;
use num_traits::{Signed, Zero};

use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::format::{format_float, FormatSpec};
use crate::vm::ops::Num;
use crate::vm::{PyResult, Vm};

/// The flags, width and precision of one conversion.
#[derive(Default)]
struct Conv {
    left: bool,
    zero: bool,
    plus: bool,
    space: bool,
    alt: bool,
    width: usize,
    precision: Option<usize>,
}

impl Conv {
    /// Pad `prefix + body` to the width: spaces left or right, or zeros
    /// between the prefix (sign, base marker) and the body.
    fn pad(&self, prefix: &str, body: &str, numeric: bool) -> String {
        let len = prefix.chars().count() + body.chars().count();
        if len >= self.width {
            return format!("{}{}", prefix, body);
        }
        let n = self.width - len;
        if self.left {
            format!("{}{}{}", prefix, body, " ".repeat(n))
        } else if self.zero && numeric {
            format!("{}{}{}", prefix, "0".repeat(n), body)
        } else {
            format!("{}{}{}", " ".repeat(n), prefix, body)
        }
    }

    fn sign(&self, neg: bool) -> &'static str {
        if neg {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        }
    }
}

/// `fmt % args` for a str (`bytes == false`) or bytes format; the result
/// as characters (Latin-1 for bytes).
pub fn format(vm: &mut Vm, fmt: &[char], args: Value, bytes: bool) -> PyResult<String> {
    let is_tuple = matches!(args.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Tuple(_)));
    let items: Vec<Value> = match args.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vec![args],
    };
    // A mapping: anything with __getitem__ that is not a tuple or str.
    let is_mapping = !is_tuple && vm.str_of(args).is_none() && crate::builtins::bytes_methods::buffer(vm, args).is_none() && {
        let g = vm.names.__getitem__;
        vm.lookup_special(args, g).is_some()
    };
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut i = 0;
    let mut argi = 0;
    let next_arg = |vm: &mut Vm, argi: &mut usize| -> PyResult<Value> {
        if *argi >= items.len() {
            return Err(vm.type_error("not enough arguments for format string"));
        }
        *argi += 1;
        Ok(items[*argi - 1])
    };
    while i < fmt.len() {
        let c = fmt[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= fmt.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if fmt[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        let mut value: Option<Value> = None;
        if fmt[i] == '(' {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < fmt.len() && depth > 0 {
                match fmt[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            if !is_mapping {
                return Err(vm.type_error("format requires a mapping"));
            }
            let key: String = fmt[start..i - 1].iter().collect();
            let k = if bytes { vm.new_bytes(key.chars().map(|c| c as u32 as u8).collect()) } else { vm.new_str(key) };
            value = Some(vm.get_item(args, k)?);
            // After a mapping key, unnamed conversions have no argument.
            argi = usize::MAX;
        }
        let mut cv = Conv::default();
        while i < fmt.len() {
            match fmt[i] {
                '-' => cv.left = true,
                '+' => cv.plus = true,
                ' ' => cv.space = true,
                '#' => cv.alt = true,
                '0' => cv.zero = true,
                _ => break,
            }
            i += 1;
        }
        if i < fmt.len() && fmt[i] == '*' {
            let w = next_arg(vm, &mut argi)?;
            let w = star_int(vm, w)?;
            if w < 0 {
                cv.left = true;
            }
            cv.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                cv.width = cv.width.saturating_mul(10).saturating_add(fmt[i] as usize - '0' as usize);
                i += 1;
            }
        }
        if i < fmt.len() && fmt[i] == '.' {
            i += 1;
            if i < fmt.len() && fmt[i] == '*' {
                let p = next_arg(vm, &mut argi)?;
                cv.precision = Some(star_int(vm, p)?.max(0) as usize);
                i += 1;
            } else {
                let mut p = 0usize;
                while i < fmt.len() && fmt[i].is_ascii_digit() {
                    p = p.saturating_mul(10).saturating_add(fmt[i] as usize - '0' as usize);
                    i += 1;
                }
                cv.precision = Some(p);
            }
        }
        while i < fmt.len() && matches!(fmt[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= fmt.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = fmt[i];
        i += 1;
        let v = match value {
            Some(v) => v,
            None => next_arg(vm, &mut argi)?,
        };
        let piece = match conv {
            's' | 'r' | 'a' | 'b' if bytes => {
                let s: String = match conv {
                    's' | 'b' => bytes_arg(vm, v)?,
                    _ => {
                        let r = vm.to_repr_string(v)?;
                        crate::builtins::str::ascii_escape(&r)
                    }
                };
                let s: String = match cv.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                cv.pad("", &s, false)
            }
            's' | 'r' | 'a' => {
                let s = match conv {
                    's' => vm.to_str_string(v)?,
                    'r' => vm.to_repr_string(v)?,
                    _ => {
                        let r = vm.to_repr_string(v)?;
                        crate::builtins::str::ascii_escape(&r)
                    }
                };
                let s: String = match cv.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                cv.pad("", &s, false)
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = int_arg(vm, v, conv, bytes)?;
                let (base, marker) = match conv {
                    'x' => (16, "0x"),
                    'X' => (16, "0X"),
                    'o' => (8, "0o"),
                    _ => (10, ""),
                };
                let mut digits = n.abs().to_str_radix(base);
                if conv == 'X' {
                    digits = digits.to_uppercase();
                }
                if let Some(p) = cv.precision {
                    if digits.len() < p {
                        digits = format!("{}{}", "0".repeat(p - digits.len()), digits);
                    }
                }
                let prefix = format!("{}{}", cv.sign(n.is_negative()), if cv.alt { marker } else { "" });
                cv.pad(&prefix, &digits, true)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match vm.as_number(v) {
                    Some(n @ (Num::Int(_) | Num::Big(_) | Num::Float(_))) => vm.num_to_float(&n)?,
                    _ => {
                        let n = vm.names.__float__;
                        if vm.lookup_special(v, n).is_some() {
                            crate::builtins::float::float_from_value(vm, v)?
                        } else {
                            let tn = vm.type_name(v);
                            return Err(vm.type_error(format!("must be real number, not {}", tn)));
                        }
                    }
                };
                let fs = FormatSpec { ty: Some(conv), precision: Some(cv.precision.unwrap_or(6)), alternate: cv.alt, ..Default::default() };
                let body = format_float(x.abs(), &fs).map_err(|m| vm.value_error(m))?;
                let neg = x.is_sign_negative() && !x.is_nan();
                cv.pad(cv.sign(neg), &body, true)
            }
            'c' => {
                let s = char_arg(vm, v, bytes)?;
                cv.pad("", &s, false)
            }
            other => {
                let what = if bytes && other as u32 > 0x7f { '?' } else { other };
                return Err(vm.value_error(format!("unsupported format character '{}' (0x{:x}) at index {}", what, other as u32, i - 1)));
            }
        };
        out.push_str(&piece);
    }
    if argi < items.len() && !is_mapping {
        return Err(vm.type_error(format!("not all arguments converted during {} formatting", if bytes { "bytes" } else { "string" })));
    }
    Ok(out)
}

fn star_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match vm.as_number(v) {
        Some(Num::Int(i)) => Ok(i),
        Some(Num::Big(_)) => Err(vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.type_error("* wants int")),
    }
}

/// The int for %d/%x/%o (floats truncate for %d, %i, %u).
fn int_arg(vm: &mut Vm, v: Value, conv: char, bytes: bool) -> PyResult<BigInt> {
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    match vm.as_number(v) {
        Some(Num::Int(i)) => return Ok(BigInt::from(i)),
        Some(Num::Big(b)) => return Ok(b),
        Some(Num::Float(f)) if decimal => {
            if f.is_nan() {
                return Err(vm.value_error("cannot convert float NaN to integer"));
            }
            if f.is_infinite() {
                return Err(vm.overflow_error("cannot convert float infinity to integer"));
            }
            let b: BigInt = num_traits::FromPrimitive::from_f64(f.trunc()).unwrap_or_else(BigInt::zero);
            return Ok(b);
        }
        _ => {}
    }
    let _ = bytes;
    let names: &[&str] = if decimal { &["__index__", "__int__"] } else { &["__index__"] };
    for name in names {
        let n = vm.intern(name);
        if vm.lookup_special(v, n).is_some() && vm.str_of(v).is_none() {
            let r = if *name == "__index__" { crate::builtins::int::index_big(vm, v)? } else {
                let r = crate::builtins::int::int_from_value(vm, v)?;
                crate::builtins::int::index_big(vm, r)?
            };
            return Ok(r);
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(if decimal {
        format!("%{} format: a real number is required, not {}", conv, tn)
    } else {
        format!("%{} format: an integer is required, not {}", conv, tn)
    }))
}

/// `%s` of bytes formatting: a bytes-like object or `__bytes__`.
fn bytes_arg(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(b) = crate::builtins::bytes_methods::buffer(vm, v) {
        return Ok(b.iter().map(|&x| x as char).collect());
    }
    let bn = vm.names.__bytes__;
    if let Some(m) = vm.lookup_special(v, bn) {
        let r = vm.call_value(m, &[v], &[])?;
        if let Some(b) = crate::builtins::bytes_methods::buffer(vm, r) {
            return Ok(b.iter().map(|&x| x as char).collect());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("%b requires a bytes-like object, or an object that implements __bytes__, not '{}'", tn)))
}

fn char_arg(vm: &mut Vm, v: Value, bytes: bool) -> PyResult<String> {
    if bytes {
        if let Some(b) = crate::builtins::bytes_methods::buffer(vm, v) {
            if b.len() == 1 {
                return Ok((b[0] as char).to_string());
            }
        }
        return match vm.as_number(v) {
            Some(Num::Int(i)) if (0..256).contains(&i) => Ok((i as u8 as char).to_string()),
            Some(Num::Int(_) | Num::Big(_)) => Err(vm.overflow_error("%c arg not in range(256)")),
            _ => Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
        };
    }
    if let Some(s) = vm.str_of(v) {
        let mut cs = s.chars();
        if let (Some(c), None) = (cs.next(), cs.next()) {
            return Ok(c.to_string());
        }
        return Err(vm.type_error("%c requires int or char"));
    }
    match vm.as_number(v) {
        Some(Num::Int(i)) => match u32::try_from(i).ok().filter(|&c| c < 0x110000).and_then(crate::runtime::str::char_for) {
            Some(c) => Ok(c.to_string()),
            None => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        },
        Some(Num::Big(_)) => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        _ => Err(vm.type_error("%c requires int or char")),
    }
}
