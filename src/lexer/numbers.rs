//! Numeric literals: scanning with CPython's exact error rules (`invalid
//! decimal literal`, `invalid digit '8' in octal literal`, leading zeros,
//! misplaced `_`) and conversion to values (`IntLit`, `f64`).

use crate::ast::IntLit;
use num_bigint::BigInt;
use num_traits::Num;

/// A scanned number's value.
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    Int(IntLit),
    Float(f64),
    Imag(f64),
}

/// A tokenizer error inside a number. `at` is the byte offset of the
/// character the caret goes under; `end` where the highlighted range ends.
#[derive(Debug, Clone, PartialEq)]
pub struct NumError {
    pub msg: String,
    pub at: usize,
    pub end: usize,
}

struct Scan<'a> {
    b: &'a [u8],
    i: usize,
}

impl Scan<'_> {
    fn peek(&self) -> u8 {
        self.b.get(self.i).copied().unwrap_or(0)
    }
    fn peek_at(&self, k: usize) -> u8 {
        self.b.get(self.i + k).copied().unwrap_or(0)
    }
}

/// Characters that make a number literal invalid when they follow it
/// directly. (CPython's check sees only ASCII here: `1é` is a number and a
/// name, reported by the parser.)
fn is_ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Error with the caret under the character just before byte `cur`
/// (CPython reports tokenizer errors at "the current position").
fn err_before(src: &str, cur: usize, msg: String) -> NumError {
    let mut at = cur.min(src.len());
    if at > 0 {
        at -= 1;
        while at > 0 && !src.is_char_boundary(at) {
            at -= 1;
        }
    }
    NumError { msg, at, end: cur.max(at + 1) }
}

/// After a complete number: only a few keywords may follow directly
/// (`1if x else y`, deprecated but valid); any other identifier character
/// makes the literal invalid.
fn check_end(src: &str, s: &Scan, kind: &str) -> Result<(), NumError> {
    let c = s.peek();
    let next_is = |word: &[u8]| src.as_bytes()[s.i..].starts_with(word);
    let keyword_follows = match c {
        b'a' => next_is(b"and"),
        b'e' => next_is(b"else"),
        b'f' => next_is(b"for"),
        b'i' => matches!(s.peek_at(1), b'f' | b'n' | b's'),
        b'o' => next_is(b"or"),
        b'n' => next_is(b"not"),
        _ => false,
    };
    if !keyword_follows && is_ident_byte(c) {
        return Err(err_before(src, s.i, format!("invalid {kind} literal")));
    }
    Ok(())
}

/// Digits with single underscores between them, starting at the current
/// position (which may hold no digit at all).
fn decimal_tail(src: &str, s: &mut Scan) -> Result<(), NumError> {
    loop {
        while s.peek().is_ascii_digit() {
            s.i += 1;
        }
        if s.peek() != b'_' {
            return Ok(());
        }
        s.i += 1;
        if !s.peek().is_ascii_digit() {
            return Err(err_before(src, s.i, "invalid decimal literal".into()));
        }
    }
}

/// Scans the number starting at byte `start` (a digit, or `.` + digit).
/// Returns the end offset and the value.
pub fn scan_number(src: &str, start: usize) -> Result<(usize, Number), NumError> {
    let mut s = Scan { b: src.as_bytes(), i: start };
    if s.peek() == b'0' && matches!(s.peek_at(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
        let (radix, kind) = match s.peek_at(1) {
            b'x' | b'X' => (16, "hexadecimal"),
            b'o' | b'O' => (8, "octal"),
            _ => (2, "binary"),
        };
        s.i += 2;
        return scan_radix(src, s, start, radix, kind);
    }
    if s.peek() == b'.' {
        s.i += 1;
        return scan_fraction(src, s, start);
    }
    let leading_zero = s.peek() == b'0';
    if leading_zero {
        // Zeros (with single underscores) are always fine on their own.
        loop {
            if s.peek() == b'_' {
                s.i += 1;
                if !s.peek().is_ascii_digit() {
                    return Err(err_before(src, s.i, "invalid decimal literal".into()));
                }
            }
            if s.peek() != b'0' {
                break;
            }
            s.i += 1;
        }
        let zeros_end = s.i;
        let nonzero = s.peek().is_ascii_digit();
        if nonzero {
            decimal_tail(src, &mut s)?;
        }
        match s.peek() {
            b'.' | b'e' | b'E' | b'j' | b'J' => {}
            _ if nonzero => {
                return Err(NumError {
                    msg: "leading zeros in decimal integer literals are not permitted; \
                          use an 0o prefix for octal integers"
                        .into(),
                    at: start,
                    end: zeros_end.max(start + 1),
                });
            }
            _ => {
                check_end(src, &s, "decimal")?;
                return Ok((s.i, Number::Int(IntLit::Small(0))));
            }
        }
    } else {
        decimal_tail(src, &mut s)?;
    }
    match s.peek() {
        b'.' => {
            s.i += 1;
            scan_fraction(src, s, start)
        }
        b'e' | b'E' => scan_exponent(src, s, start),
        b'j' | b'J' => scan_imag(src, s, start),
        _ => {
            check_end(src, &s, "decimal")?;
            let text = &src[start..s.i];
            Ok((s.i, Number::Int(int_value(text, 10))))
        }
    }
}

fn scan_radix(
    src: &str,
    mut s: Scan,
    start: usize,
    radix: u32,
    kind: &str,
) -> Result<(usize, Number), NumError> {
    let digit_ok = |c: u8| (c as char).is_digit(radix);
    loop {
        if s.peek() == b'_' {
            s.i += 1;
        }
        if !digit_ok(s.peek()) {
            if radix < 10 && s.peek().is_ascii_digit() {
                s.i += 1;
                let d = s.b[s.i - 1] as char;
                return Err(err_before(src, s.i, format!("invalid digit '{d}' in {kind} literal")));
            }
            return Err(err_before(src, s.i, format!("invalid {kind} literal")));
        }
        while digit_ok(s.peek()) {
            s.i += 1;
        }
        if s.peek() != b'_' {
            break;
        }
    }
    if radix < 10 && s.peek().is_ascii_digit() {
        s.i += 1;
        let d = s.b[s.i - 1] as char;
        return Err(err_before(src, s.i, format!("invalid digit '{d}' in {kind} literal")));
    }
    check_end(src, &s, kind)?;
    Ok((s.i, Number::Int(int_value(&src[start + 2..s.i], radix))))
}

/// At the first character after the `.` of a float.
fn scan_fraction(src: &str, mut s: Scan, start: usize) -> Result<(usize, Number), NumError> {
    if s.peek().is_ascii_digit() {
        decimal_tail(src, &mut s)?;
    }
    match s.peek() {
        b'e' | b'E' => scan_exponent(src, s, start),
        b'j' | b'J' => scan_imag(src, s, start),
        _ => {
            check_end(src, &s, "decimal")?;
            Ok((s.i, Number::Float(float_value(&src[start..s.i]))))
        }
    }
}

/// At an `e`/`E` after the mantissa.
fn scan_exponent(src: &str, mut s: Scan, start: usize) -> Result<(usize, Number), NumError> {
    let e_pos = s.i;
    s.i += 1;
    if matches!(s.peek(), b'+' | b'-') {
        s.i += 1;
        if !s.peek().is_ascii_digit() {
            return Err(err_before(src, s.i, "invalid decimal literal".into()));
        }
    } else if !s.peek().is_ascii_digit() {
        // `1e` followed by something else: the number ends before the `e`,
        // which then must not start an identifier.
        let back = Scan { b: s.b, i: e_pos };
        check_end(src, &back, "decimal")?;
        let text = &src[start..e_pos];
        let value = if text.contains('.') {
            Number::Float(float_value(text))
        } else {
            Number::Int(int_value(text, 10))
        };
        return Ok((e_pos, value));
    }
    decimal_tail(src, &mut s)?;
    if matches!(s.peek(), b'j' | b'J') {
        return scan_imag(src, s, start);
    }
    check_end(src, &s, "decimal")?;
    Ok((s.i, Number::Float(float_value(&src[start..s.i]))))
}

/// At the `j`/`J` suffix.
fn scan_imag(src: &str, mut s: Scan, start: usize) -> Result<(usize, Number), NumError> {
    let text = &src[start..s.i];
    s.i += 1;
    check_end(src, &s, "imaginary")?;
    Ok((s.i, Number::Imag(float_value(text))))
}

/// The value of an integer literal's digits (underscores allowed).
pub fn int_value(digits: &str, radix: u32) -> IntLit {
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    match i64::from_str_radix(&clean, radix) {
        Ok(v) => IntLit::Small(v),
        Err(_) => match BigInt::from_str_radix(&clean, radix) {
            Ok(v) => IntLit::Big(v),
            Err(_) => IntLit::Small(0),
        },
    }
}

/// The value of a float literal (underscores allowed; `1.`, `.5`, `1e5`).
pub fn float_value(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().unwrap_or(f64::INFINITY)
}
