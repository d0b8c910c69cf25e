//! Unicode character properties and case mappings as CPython 3.11 applies
//! them in the str methods (Unicode 14.0.0, tables in `unicode_data`):
//! the `is*` predicates, full case conversion with the final-sigma rule,
//! titlecasing, case folding, and digit values for `int()`/`float()`.

use super::unicode_data as ud;

/// Property bits of a code point (ASCII answered without the table).
pub fn props(c: char) -> u16 {
    let cp = crate::runtime::str::code_point(c);
    let i = ud::PROPS.partition_point(|&(start, _)| start <= cp);
    ud::PROPS[i - 1].1
}

#[inline]
fn has(c: char, bit: u16) -> bool {
    props(c) & bit != 0
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        has(c, ud::ALPHA)
    }
}

pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        has(c, ud::DECIMAL)
    }
}

pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        has(c, ud::DIGIT)
    }
}

pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_digit()
    } else {
        has(c, ud::NUMERIC)
    }
}

pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        has(c, ud::ALPHA | ud::DECIMAL | ud::DIGIT | ud::NUMERIC)
    }
}

/// `str.isspace()` / `str.split()` whitespace.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, ' ' | '\t' | '\n' | '\x0b' | '\x0c' | '\r' | '\x1c'..='\x1f')
    } else {
        has(c, ud::SPACE)
    }
}

pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        has(c, ud::LOWER)
    }
}

pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        has(c, ud::UPPER)
    }
}

/// Titlecase letters (category Lt).
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && has(c, ud::TITLE)
}

pub fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        has(c, ud::LOWER | ud::UPPER | ud::TITLE)
    }
}

fn is_case_ignorable(c: char) -> bool {
    has(c, ud::CASE_IGNORABLE)
}

pub fn is_printable(c: char) -> bool {
    !crate::runtime::str::is_surrogate(c) && crate::lexer::ident::is_printable(c)
}

/// The value of a character for which `isdigit()` holds.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if c.is_ascii() || !has(c, ud::DIGIT) {
        return None;
    }
    let cp = c as u32;
    let i = ud::DIGIT_VALUES.partition_point(|&(first, _, _)| first <= cp);
    let (first, last, v) = ud::DIGIT_VALUES[i.checked_sub(1)?];
    (cp <= last).then(|| v as u32 + (cp - first))
}

/// The value of a decimal digit (`isdecimal()`), as `int()` reads it.
pub fn decimal_value(c: char) -> Option<u32> {
    if is_decimal(c) {
        digit_value(c)
    } else {
        None
    }
}

fn push_mapped(c: char, single: &[(u32, u32)], multi: &[(u32, &str)], out: &mut String) -> bool {
    let cp = c as u32;
    if let Ok(i) = single.binary_search_by_key(&cp, |&(k, _)| k) {
        out.push(char::from_u32(single[i].1).unwrap_or(c));
        return true;
    }
    if let Ok(i) = multi.binary_search_by_key(&cp, |&(k, _)| k) {
        out.push_str(multi[i].1);
        return true;
    }
    false
}

pub fn push_lower(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !push_mapped(c, ud::LOWER_MAP, ud::LOWER_MAP_MULTI, out) {
        out.push(c);
    }
}

pub fn push_upper(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if !push_mapped(c, ud::UPPER_MAP, ud::UPPER_MAP_MULTI, out) {
        out.push(c);
    }
}

pub fn push_title(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if !push_mapped(c, ud::TITLE_MAP, ud::TITLE_MAP_MULTI, out) {
        push_upper(c, out);
    }
}

pub fn push_fold(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if !push_mapped(c, ud::FOLD_MAP, ud::FOLD_MAP_MULTI, out) {
        push_lower(c, out);
    }
}

/// Lowercase of the character at `i` of `chars`, applying the Final_Sigma
/// rule to U+03A3.
fn push_lower_at(chars: &[char], i: usize, out: &mut String) {
    let c = chars[i];
    if c != '\u{3a3}' {
        return push_lower(c, out);
    }
    // Final when preceded by a cased letter and not followed by one
    // (case-ignorable characters skipped both ways).
    let before = chars[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
    let mut fin = before.map(|&x| is_cased(x)).unwrap_or(false);
    if fin {
        let after = chars[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
        fin = after.map(|&x| !is_cased(x)).unwrap_or(true);
    }
    out.push(if fin { '\u{3c2}' } else { '\u{3c3}' });
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&chars, i, &mut out);
    }
    out
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(c, &mut out);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(c, &mut out);
    }
    out
}

/// `str.title()`: titlecase after an uncased character, lowercase after a
/// cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for i in 0..chars.len() {
        if prev_cased {
            push_lower_at(&chars, i, &mut out);
        } else {
            push_title(chars[i], &mut out);
        }
        prev_cased = is_cased(chars[i]);
    }
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(chars[0], &mut out);
        } else {
            push_lower_at(&chars, i, &mut out);
        }
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        let c = chars[i];
        if is_upper(c) {
            push_lower_at(&chars, i, &mut out);
        } else if is_lower(c) {
            push_upper(c, &mut out);
        } else {
            out.push(c);
        }
    }
    out
}

pub fn str_is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

pub fn str_is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

pub fn str_is_title(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn str_is_identifier(s: &str) -> bool {
    let mut cs = s.chars();
    match cs.next() {
        Some(f) if crate::lexer::ident::is_xid_start(f) => cs.all(crate::lexer::ident::is_xid_continue),
        _ => false,
    }
}
