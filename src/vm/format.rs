//! String formatting: the format-spec mini-language (`format()`,
//! f-strings, `str.format`), `printf`-style `%` formatting, and the
//! float-to-text conversions both share.

use num_bigint::BigInt;
use num_traits::Signed;

use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::ops::Num;
use crate::vm::{PyErr, PyResult, Vm};

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FormatSpec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub no_neg_zero: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Why a spec could not be parsed (the caller turns it into ValueError).
#[derive(Debug, PartialEq)]
pub enum SpecError {
    Invalid,
    BothGrouping,
}

pub fn parse_spec(spec: &str) -> Result<FormatSpec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut fs = FormatSpec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        fs.fill = Some(chars[0]);
        fs.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        fs.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        fs.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        fs.no_neg_zero = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        fs.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        fs.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        fs.width = Some(chars[start..i].iter().collect::<String>().parse().map_err(|_| SpecError::Invalid)?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        fs.grouping = Some(chars[i]);
        i += 1;
        if i < chars.len() && matches!(chars[i], ',' | '_') {
            return Err(SpecError::BothGrouping);
        }
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let s = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == s {
            return Err(SpecError::Invalid);
        }
        fs.precision = Some(chars[s..i].iter().collect::<String>().parse().map_err(|_| SpecError::Invalid)?);
    }
    if i < chars.len() {
        fs.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(SpecError::Invalid);
    }
    if fs.zero && fs.fill.is_none() {
        // The 0 flag: '0' fill, and sign-aware padding unless an
        // alignment was given.
        fs.fill = Some('0');
    }
    Ok(fs)
}

impl FormatSpec {
    /// The alignment of a number: as given, else '=' with the 0 flag.
    fn num_align(&self) -> Option<char> {
        match self.align {
            None if self.zero && self.fill == Some('0') => Some('='),
            a => a,
        }
    }

    /// This spec with the number alignment made explicit.
    fn for_number(&self) -> FormatSpec {
        FormatSpec { align: self.num_align(), ..self.clone() }
    }
}

/// Pad `body` (which may start with a sign/prefix of `prefix_len` chars)
/// to the spec's width.
fn pad(body: &str, prefix_len: usize, fs: &FormatSpec, default_align: char) -> String {
    let width = fs.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let fill = fs.fill.unwrap_or(' ');
    let n = width - len;
    let fills = |k: usize| std::iter::repeat(fill).take(k).collect::<String>();
    match fs.align.unwrap_or(default_align) {
        '<' => format!("{}{}", body, fills(n)),
        '^' => format!("{}{}{}", fills(n / 2), body, fills(n - n / 2)),
        '=' => {
            let (p, rest) = body.split_at(body.char_indices().nth(prefix_len).map(|(b, _)| b).unwrap_or(body.len()));
            format!("{}{}{}", p, fills(n), rest)
        }
        _ => format!("{}{}", fills(n), body),
    }
}

/// Insert grouping separators into a string of digits.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// With zero-padding and grouping, CPython pads the digits with grouped
/// zeros up to the width.
fn group_with_zero_pad(int_part: &str, sep: char, every: usize, min_len: usize) -> String {
    let mut digits = int_part.to_string();
    let mut grouped = group_digits(&digits, sep, every);
    while grouped.chars().count() < min_len {
        digits.insert(0, '0');
        grouped = group_digits(&digits, sep, every);
    }
    grouped
}

fn sign_str(neg: bool, sign: Option<char>) -> &'static str {
    if neg {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Format an int per spec.
/// Marks a formatting error message that is an OverflowError (the rest
/// are ValueErrors).
pub const OVERFLOW: char = '\u{1}';

pub fn format_int(n: &BigInt, fs: &FormatSpec) -> Result<String, String> {
    let ty = fs.ty.unwrap_or('d');
    if fs.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in integer format specifier".into());
    }
    let neg = n.is_negative();
    let mag = n.abs();
    let (digits, prefix) = match ty {
        'd' | 'n' => (mag.to_string(), ""),
        'b' => (mag.to_str_radix(2), "0b"),
        'o' => (mag.to_str_radix(8), "0o"),
        'x' => (mag.to_str_radix(16), "0x"),
        'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
        'c' => {
            if fs.precision.is_some() {
                return Err("Precision not allowed in integer format specifier".into());
            }
            if fs.sign.is_some() {
                return Err("Sign not allowed with integer format specifier 'c'".into());
            }
            if fs.alternate {
                return Err("Alternate form (#) not allowed with integer format specifier 'c'".into());
            }
            if let Some(g) = fs.grouping {
                return Err(format!("Cannot specify '{}' with 'c'.", g));
            }
            if num_traits::ToPrimitive::to_i64(n).is_none() {
                return Err(format!("{}Python int too large to convert to C long", OVERFLOW));
            }
            let cp = n.to_string().parse::<u32>().ok().filter(|&c| c < 0x110000).and_then(crate::runtime::str::char_for);
            let Some(cp) = cp else { return Err(format!("{}%c arg not in range(0x110000)", OVERFLOW)) };
            return Ok(pad(&cp.to_string(), 0, &fs.for_number(), '<'));
        }
        other => return Err(format!("Unknown format code '{}' for object of type 'int'", other)),
    };
    if fs.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".into());
    }
    let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
    let sign = sign_str(neg, fs.sign);
    let prefix = if fs.alternate { prefix } else { "" };
    let head_len = sign.len() + prefix.len();
    let body_digits = match fs.grouping {
        Some(sep) => {
            if sep == ',' && !matches!(ty, 'd' | 'n') {
                return Err(format!("Cannot specify ',' with '{}'.", ty));
            }
            if fs.num_align() == Some('=') && fs.fill == Some('0') {
                let min = fs.width.unwrap_or(0).saturating_sub(head_len);
                group_with_zero_pad(&digits, sep, every, min)
            } else {
                group_digits(&digits, sep, every)
            }
        }
        None => digits,
    };
    let body = format!("{}{}{}", sign, prefix, body_digits);
    Ok(pad(&body, head_len, &fs.for_number(), '>'))
}

/// `repr()`-style shortest digits for a float in scientific form:
/// (digits, decimal exponent such that value = 0.d1d2.. * 10^exp).
fn shortest_digits(x: f64) -> (String, i32) {
    let s = format!("{:e}", x.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp + 1)
}

/// `%e`-style: mantissa with `prec` decimals and a 2+ digit exponent.
fn format_exp(x: f64, prec: usize, upper: bool, alternate: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let mut mant = mant.to_string();
    if alternate && prec == 0 {
        mant.push('.');
    }
    let e = if upper { 'E' } else { 'e' };
    format!("{}{}{}{:02}", mant, e, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `%g`-style formatting.
fn format_general(x: f64, prec: usize, upper: bool, alternate: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    if x == 0.0 {
        let body = if alternate { format!("{:.*}", p - 1, 0.0) } else { "0".to_string() };
        return if x.is_sign_negative() { format!("-{}", body) } else { body };
    }
    // Exponent after rounding to p significant digits.
    let s = format!("{:.*e}", p - 1, x);
    let exp: i32 = s.split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0);
    let mut out = if exp >= -4 && exp < p as i32 {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    } else {
        format_exp(x, p - 1, upper, false)
    };
    if !alternate {
        // Strip trailing zeros in the mantissa.
        let (m, e) = match out.find(['e', 'E']) {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.').to_string() } else { m };
        out = format!("{}{}", m, e);
    } else if !out.contains('.') {
        match out.find(['e', 'E']) {
            Some(i) => out.insert(i, '.'),
            None => out.push('.'),
        }
    }
    out
}

/// A float with a precision but no presentation type: like `g`, but the
/// fixed form always has a digit after the point, and scientific form is
/// used from exponent `precision - 1` on.
fn format_general_dot0(x: f64, prec: usize, alternate: bool) -> String {
    let p = prec.max(1);
    let exp: i32 = if x == 0.0 { 0 } else { format!("{:.*e}", p - 1, x).split_once('e').map(|(_, e)| e.parse().unwrap_or(0)).unwrap_or(0) };
    if exp < -4 || exp >= p as i32 - 1 {
        let s = format_exp(x, p - 1, false, alternate);
        if alternate {
            return s;
        }
        let i = s.find('e').unwrap_or(s.len());
        let m = &s[..i];
        let m = if m.contains('.') { m.trim_end_matches('0').trim_end_matches('.') } else { m };
        return format!("{}{}", m, &s[i..]);
    }
    let mut s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x);
    if !alternate && s.contains('.') {
        s = s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    if !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// Python's `repr(float)`.
pub fn float_repr(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0.0".into() } else { "0.0".into() };
    }
    let (digits, decpt) = shortest_digits(x);
    let neg = if x < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    if decpt > 16 || decpt <= -4 {
        // Scientific: d.ddde+XX
        let mant = if n == 1 { digits.clone() } else { format!("{}.{}", &digits[..1], &digits[1..]) };
        let e = decpt - 1;
        return format!("{}{}e{}{:02}", neg, mant, if e < 0 { '-' } else { '+' }, e.abs());
    }
    if decpt <= 0 {
        format!("{}0.{}{}", neg, "0".repeat((-decpt) as usize), digits)
    } else if decpt >= n {
        format!("{}{}{}.0", neg, digits, "0".repeat((decpt - n) as usize))
    } else {
        format!("{}{}.{}", neg, &digits[..decpt as usize], &digits[decpt as usize..])
    }
}

/// Format a float per spec.
pub fn format_float(x: f64, fs: &FormatSpec) -> Result<String, String> {
    let ty = fs.ty;
    let neg = x.is_sign_negative() && !(fs.no_neg_zero && x == 0.0);
    let mut a = x.abs();
    if fs.no_neg_zero && a == 0.0 {
        a = 0.0;
    }
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    if let Some(t) = ty {
        if !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') {
            return Err(format!("Unknown format code '{}' for object of type 'float'", t));
        }
    }
    let body = if a.is_nan() || a.is_infinite() {
        let s = if a.is_nan() { "nan" } else { "inf" };
        let s = if upper { s.to_uppercase() } else { s.to_string() };
        if ty == Some('%') {
            format!("{}%", s)
        } else {
            s
        }
    } else {
        match ty {
            Some('f' | 'F') => {
                let mut s = format!("{:.*}", fs.precision.unwrap_or(6), a);
                if fs.alternate && !s.contains('.') {
                    s.push('.');
                }
                s
            }
            Some('e' | 'E') => format_exp(a, fs.precision.unwrap_or(6), upper, fs.alternate),
            Some('g' | 'G' | 'n') => format_general(a, fs.precision.unwrap_or(6), upper, fs.alternate),
            Some('%') => {
                let mut s = format!("{:.*}", fs.precision.unwrap_or(6), a * 100.0);
                if fs.alternate && !s.contains('.') {
                    s.push('.');
                }
                s.push('%');
                s
            }
            None => match fs.precision {
                None => {
                    let mut r = float_repr(a);
                    if fs.alternate && !r.contains('.') {
                        let i = r.find('e').unwrap_or(r.len());
                        r.insert(i, '.');
                    }
                    r
                }
                Some(p) => format_general_dot0(a, p, fs.alternate),
            },
            Some(other) => return Err(format!("Unknown format code '{}' for object of type 'float'", other)),
        }
    };
    let sign = sign_str(neg, fs.sign);
    let body = match fs.grouping {
        Some(sep) if !body.contains(['n', 'i', 'N', 'I']) => {
            let split = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
            let (int_part, rest) = body.split_at(split);
            let grouped = if fs.num_align() == Some('=') && fs.fill == Some('0') {
                let min = fs.width.unwrap_or(0).saturating_sub(sign.len() + rest.chars().count());
                group_with_zero_pad(int_part, sep, 3, min)
            } else {
                group_digits(int_part, sep, 3)
            };
            format!("{}{}", grouped, rest)
        }
        _ => body,
    };
    let full = format!("{}{}", sign, body);
    Ok(pad(&full, sign.len(), &fs.for_number(), '>'))
}

/// Format a str per spec.
pub fn format_str(s: &str, fs: &FormatSpec) -> Result<String, String> {
    if let Some(t) = fs.ty {
        if t != 's' {
            return Err(format!("Unknown format code '{}' for object of type 'str'", t));
        }
    }
    match fs.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".into()),
        Some(_) => return Err("Sign not allowed in string format specifier".into()),
        None => {}
    }
    if fs.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".into());
    }
    if fs.align == Some('=') {
        return Err("'=' alignment not allowed in string format specifier".into());
    }
    if fs.no_neg_zero {
        return Err("Negative zero coercion (z) not allowed in string format specifier".into());
    }
    if let Some(g) = fs.grouping {
        return Err(format!("Cannot specify '{}' with 's'.", g));
    }
    let s: String = match fs.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(&s, 0, fs, '<'))
}

impl Vm {
    /// The exception for a formatting error message (see `OVERFLOW`).
    #[cold]
    pub fn format_error(&mut self, m: String) -> PyErr {
        match m.strip_prefix(OVERFLOW) {
            Some(rest) => self.overflow_error(rest.to_string()),
            None => self.value_error(m),
        }
    }

    #[cold]
    fn spec_error(&mut self, e: SpecError) -> PyErr {
        match e {
            SpecError::Invalid => self.value_error("Invalid format specifier"),
            SpecError::BothGrouping => self.value_error("Cannot specify both ',' and '_'."),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        // Built-in types format natively; others through __format__.
        let builtin = match v {
            Value::Obj(r) => self.builtin_class(r),
            _ => true,
        };
        if builtin {
            if let Some(s) = self.format_builtin(v, spec)? {
                return Ok(s);
            }
        } else {
            let fname = self.names.__format__;
            if let Some(m) = self.lookup_special(v, fname) {
                if !self.is_object_slot(m, "__format__") {
                    let sp = self.new_str(spec);
                    let r = self.call_value(m, &[v, sp], &[])?;
                    return match self.str_of(r) {
                        Some(s) => Ok(s.to_string()),
                        None => {
                            let tn = self.type_name(r);
                            Err(self.type_error(format!("__format__ must return a str, not {}", tn)))
                        }
                    };
                }
            }
            if let Some(s) = self.format_builtin(v, spec)? {
                return Ok(s);
            }
        }
        // object.__format__: only the empty spec.
        if !spec.is_empty() {
            let tn = self.type_name(v);
            return Err(self.type_error(format!("unsupported format string passed to {}.__format__", tn)));
        }
        self.to_str_string(v)
    }

    fn format_builtin(&mut self, v: Value, spec: &str) -> PyResult<Option<String>> {
        if let Some(n) = self.as_number(v) {
            if spec.is_empty() {
                return self.to_str_string(v).map(Some);
            }
            let fs = parse_spec(spec).map_err(|e| self.spec_error(e))?;
            let r = match n {
                Num::Int(_) | Num::Big(_) if matches!(fs.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) => format_float(crate::vm::ops::num_to_f64(&n), &fs),
                Num::Int(i) => format_int(&BigInt::from(i), &fs),
                Num::Big(b) => format_int(&b, &fs),
                Num::Float(f) => format_float(f, &fs),
                Num::Complex(..) => Err("complex formatting is not supported".into()),
            };
            let r = r.map_err(|m| if matches!(v, Value::Bool(_)) { m.replace("'int'", "'bool'") } else { m });
            return r.map(Some).map_err(|m| self.format_error(m));
        }
        if let Some(s) = self.str_of(v) {
            if spec.is_empty() {
                return Ok(Some(s.to_string()));
            }
            let s = s.to_string();
            let fs = parse_spec(spec).map_err(|e| self.spec_error(e))?;
            return format_str(&s, &fs).map(Some).map_err(|m| self.value_error(m));
        }
        Ok(None)
    }

    /// `FormatValue`: an f-string replacement field.
    pub(crate) fn format_value(&mut self, v: Value, conversion: u32, spec: Option<Value>) -> PyResult<Value> {
        let v = match conversion {
            1 => self.to_str_value(v)?,
            2 => {
                let s = self.to_repr_string(v)?;
                self.new_str(s)
            }
            3 => {
                let s = self.to_repr_string(v)?;
                let a = crate::builtins::str::ascii_escape(&s);
                self.new_str(a)
            }
            _ => v,
        };
        let spec_s = spec.and_then(|s| self.str_of(s).map(|x| x.to_string())).unwrap_or_default();
        if spec_s.is_empty() {
            if let Some(ObjData::Str(_)) = v.as_obj().map(|r| self.heap.data(r)) {
                if v.as_obj().map(|r| self.builtin_class(r)).unwrap_or(false) {
                    return Ok(v);
                }
            }
        }
        let s = self.format(v, &spec_s)?;
        Ok(self.new_str(s))
    }

    /// `str % args`.
    pub fn percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let f: Vec<char> = self.str_of(fmt).unwrap_or("").chars().collect();
        let s = crate::builtins::percent::format(self, &f, args, false)?;
        Ok(self.new_str(s))
    }

    /// `bytes % args` / `bytearray % args` (a result of the same type).
    pub fn bytes_percent_format(&mut self, fmt: Value, args: Value) -> PyResult<Value> {
        let array = matches!(fmt.as_obj().map(|r| self.heap.data(r)), Some(ObjData::ByteArray(_)));
        let f: Vec<char> = crate::builtins::bytes_methods::buffer(self, fmt).unwrap_or_default().iter().map(|&b| b as char).collect();
        let s = crate::builtins::percent::format(self, &f, args, true)?;
        let out: Vec<u8> = s.chars().map(|c| c as u32 as u8).collect();
        Ok(crate::builtins::bytes_methods::new_like(self, array, out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(x: f64, spec: &str) -> String {
        format_float(x, &parse_spec(spec).unwrap()).unwrap()
    }

    fn i(x: i64, spec: &str) -> String {
        format_int(&BigInt::from(x), &parse_spec(spec).unwrap()).unwrap()
    }

    #[test]
    fn float_repr_matches_cpython() {
        assert_eq!(float_repr(0.1), "0.1");
        assert_eq!(float_repr(1e16), "1e+16");
        assert_eq!(float_repr(1e15), "1000000000000000.0");
        assert_eq!(float_repr(1e-5), "1e-05");
        assert_eq!(float_repr(0.0001), "0.0001");
        assert_eq!(float_repr(-0.0), "-0.0");
        assert_eq!(float_repr(1.5e-7), "1.5e-07");
        assert_eq!(float_repr(123456789012345678.0), "1.2345678901234568e+17");
        assert_eq!(float_repr(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(float_repr(2.0), "2.0");
        assert_eq!(float_repr(f64::INFINITY), "inf");
    }

    #[test]
    fn spec_parsing() {
        let s = parse_spec("*^10,.2f").unwrap();
        assert_eq!(s.fill, Some('*'));
        assert_eq!(s.align, Some('^'));
        assert_eq!(s.width, Some(10));
        assert_eq!(s.grouping, Some(','));
        assert_eq!(s.precision, Some(2));
        assert_eq!(s.ty, Some('f'));
        assert_eq!(parse_spec("08.3f").unwrap().fill, Some('0'));
        assert!(parse_spec("10.f").is_err());
        assert_eq!(parse_spec(",_"), Err(SpecError::BothGrouping));
    }

    #[test]
    fn float_formats() {
        assert_eq!(f(3.14159, ".2f"), "3.14");
        assert_eq!(f(2.5, ".0f"), "2");
        assert_eq!(f(1234567.891, ",.2f"), "1,234,567.89");
        assert_eq!(f(0.5, ".1%"), "50.0%");
        assert_eq!(f(12345.678, "e"), "1.234568e+04");
        assert_eq!(f(0.00001234, "g"), "1.234e-05");
        assert_eq!(f(123456789.0, "g"), "1.23457e+08");
        assert_eq!(f(100.0, "g"), "100");
        assert_eq!(f(-3.5, "08.2f"), "-0003.50");
        assert_eq!(f(3.0, ""), "3.0");
        assert_eq!(f(1.0, ".3"), "1.0");
        assert_eq!(f(1234.5, ".3"), "1.23e+03");
        assert_eq!(f(2.0, "10"), "       2.0");
    }

    #[test]
    fn int_formats() {
        assert_eq!(i(255, "x"), "ff");
        assert_eq!(i(255, "#x"), "0xff");
        assert_eq!(i(5, "08b"), "00000101");
        assert_eq!(i(1234567, ","), "1,234,567");
        assert_eq!(i(42, "+d"), "+42");
        assert_eq!(i(-42, "^7"), "  -42  ");
        assert_eq!(i(42, "*<6"), "42****");
        assert_eq!(i(1234, "_"), "1_234");
        assert_eq!(i(-12, "05"), "-0012");
    }
}
