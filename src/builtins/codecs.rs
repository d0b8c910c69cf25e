//! Text encodings for `str.encode`, `bytes.decode`, `str(b, enc)` and
//! `bytes(s, enc)`: UTF-8 (and -sig), ASCII, Latin-1, UTF-16/32 (with and
//! without BOM), cp1252; the error handlers strict, ignore, replace,
//! backslashreplace, xmlcharrefreplace, surrogateescape and
//! surrogatepass; and `UnicodeEncodeError`/`UnicodeDecodeError` with their
//! attributes and CPython's messages.

use crate::builtins::args::arity;
use crate::builtins::add_method;
use crate::runtime::str::{char_for, code_point};
use crate::runtime::value::Value;
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Utf8Sig,
    Ascii,
    Latin1,
    Cp1252,
    /// (bytes per unit, big-endian, with BOM)
    Utf16(bool, bool),
    Utf32(bool, bool),
}

/// The codec for an encoding name and the name errors show.
fn lookup(name: &str) -> Option<(Codec, &'static str)> {
    let n: String = name.trim().to_ascii_lowercase().chars().map(|c| if c == '_' || c == ' ' { '-' } else { c }).collect();
    Some(match n.as_str() {
        "utf-8" | "utf8" | "u8" | "utf" | "cp65001" | "utf8-ucs2" | "utf8-ucs4" => (Codec::Utf8, "utf-8"),
        "utf-8-sig" | "utf8-sig" => (Codec::Utf8Sig, "utf-8"),
        "ascii" | "us-ascii" | "646" | "us" | "ansi-x3.4-1968" | "iso646-us" => (Codec::Ascii, "ascii"),
        "latin-1" | "latin1" | "latin" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "iso-ir-100" | "iso-8859-1:1987" => (Codec::Latin1, "latin-1"),
        "cp1252" | "windows-1252" | "1252" => (Codec::Cp1252, "charmap"),
        "utf-16" | "utf16" | "u16" => (Codec::Utf16(false, true), "utf-16"),
        "utf-16-le" | "utf-16le" | "utf16le" => (Codec::Utf16(false, false), "utf-16-le"),
        "utf-16-be" | "utf-16be" | "utf16be" => (Codec::Utf16(true, false), "utf-16-be"),
        "utf-32" | "utf32" | "u32" => (Codec::Utf32(false, true), "utf-32"),
        "utf-32-le" | "utf-32le" | "utf32le" => (Codec::Utf32(false, false), "utf-32-le"),
        "utf-32-be" | "utf-32be" | "utf32be" => (Codec::Utf32(true, false), "utf-32-be"),
        _ => return None,
    })
}

/// cp1252 bytes 0x80..0x9F (0 = undefined); other bytes map to Latin-1.
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

fn cp1252_encode(cp: u32) -> Option<u8> {
    if cp < 0x80 || (0xA0..0x100).contains(&cp) {
        return Some(cp as u8);
    }
    CP1252_HIGH.iter().position(|&x| x != 0 && x as u32 == cp).map(|i| 0x80 + i as u8)
}

fn cp1252_decode(b: u8) -> Option<u32> {
    match b {
        0x80..=0x9F => match CP1252_HIGH[(b - 0x80) as usize] {
            0 => None,
            x => Some(x as u32),
        },
        _ => Some(b as u32),
    }
}

/// An optional `encoding`/`errors` argument that must be a str.
pub fn str_param(vm: &mut Vm, v: Option<Value>, fname: &str, pos: usize, name: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(v) => match vm.str_of(v) {
            Some(s) => Ok(Some(s.to_string())),
            None => {
                let tn = vm.type_name(v);
                let _ = pos;
                Err(vm.type_error(format!("{}() argument '{}' must be str, not {}", fname, name, tn)))
            }
        },
    }
}

fn unknown_encoding(vm: &mut Vm, enc: &str) -> PyErr {
    let c = vm.exc.lookup_error;
    vm.new_error(c, format!("unknown encoding: {}", enc))
}

fn unknown_handler(vm: &mut Vm, errors: &str) -> PyErr {
    let c = vm.exc.lookup_error;
    vm.new_error(c, format!("unknown error handler name '{}'", errors))
}

/// A `UnicodeEncodeError`/`UnicodeDecodeError` with its attributes.
fn unicode_error(vm: &mut Vm, decode: bool, enc: &str, object: Value, start: usize, end: usize, reason: &str) -> PyErr {
    let cls = if decode { vm.exc.unicode_decode_error } else { vm.exc.unicode_encode_error };
    let e = vm.new_str(enc);
    let r = vm.new_str(reason);
    let args = vec![e, object, Value::Int(start as i64), Value::Int(end as i64), r];
    let exc = vm.make_exception(cls, args.clone());
    for (name, v) in ["encoding", "object", "start", "end", "reason"].iter().zip(args) {
        let _ = vm.set_exc_attr(exc, name, v);
    }
    PyErr(exc)
}

fn encode_error(vm: &mut Vm, enc: &str, chars: &[char], start: usize, end: usize, reason: &str) -> PyErr {
    let s: String = chars.iter().collect();
    let obj = vm.new_str(s);
    unicode_error(vm, false, enc, obj, start, end, reason)
}

fn decode_error(vm: &mut Vm, enc: &str, b: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let obj = vm.new_bytes(b.to_vec());
    unicode_error(vm, true, enc, obj, start, end, reason)
}

/// The characters one unencodable character becomes under a handler, or
/// None for strict (and for handlers that cannot deal with it).
fn encode_replacement(errors: &str, c: char, codec: Codec) -> Option<Vec<u8>> {
    let cp = code_point(c);
    Some(match errors {
        "ignore" => Vec::new(),
        "replace" => b"?".to_vec(),
        "xmlcharrefreplace" => format!("&#{};", cp).into_bytes(),
        "backslashreplace" => escape_cp(cp).into_bytes(),
        "surrogateescape" if (0xDC80..0xDD00).contains(&cp) => vec![(cp - 0xDC00) as u8],
        "surrogatepass" if (0xD800..0xE000).contains(&cp) && codec == Codec::Utf8 => {
            vec![0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]
        }
        _ => return None,
    })
}

fn escape_cp(cp: u32) -> String {
    if cp < 0x100 {
        format!("\\x{:02x}", cp)
    } else if cp < 0x10000 {
        format!("\\u{:04x}", cp)
    } else {
        format!("\\U{:08x}", cp)
    }
}

fn check_handler(vm: &mut Vm, errors: &str) -> PyResult<()> {
    match errors {
        "strict" | "ignore" | "replace" | "xmlcharrefreplace" | "backslashreplace" | "surrogateescape" | "surrogatepass" | "namereplace" => Ok(()),
        _ => Err(unknown_handler(vm, errors)),
    }
}

/// `s.encode(encoding, errors)`.
pub fn encode(vm: &mut Vm, s: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let Some((codec, name)) = lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    // Fast path: valid UTF-8 without surrogates.
    if matches!(codec, Codec::Utf8) && !s.chars().any(crate::runtime::str::is_surrogate) {
        return Ok(s.as_bytes().to_vec());
    }
    if codec == Codec::Ascii && s.is_ascii() {
        return Ok(s.as_bytes().to_vec());
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(s.len());
    match codec {
        Codec::Utf16(be, bom) => {
            let push = |u: u16, out: &mut Vec<u8>| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if bom {
                push(0xFEFF, &mut out);
            }
            let mut i = 0;
            while i < chars.len() {
                let cp = code_point(chars[i]);
                if (0xD800..0xE000).contains(&cp) && errors != "surrogatepass" {
                    let end = run_end(&chars, i, |c| (0xD800..0xE000).contains(&code_point(c)));
                    handle_encode(vm, errors, name, &chars, i, end, "surrogates not allowed", codec, &mut out)?;
                    i = end;
                    continue;
                }
                let mut units = [0u16; 2];
                match char::from_u32(cp) {
                    Some(ch) => {
                        for u in ch.encode_utf16(&mut units) {
                            push(*u, &mut out);
                        }
                    }
                    None => push(cp as u16, &mut out),
                }
                i += 1;
            }
        }
        Codec::Utf32(be, bom) => {
            let push = |u: u32, out: &mut Vec<u8>| out.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
            if bom {
                push(0xFEFF, &mut out);
            }
            let mut i = 0;
            while i < chars.len() {
                let cp = code_point(chars[i]);
                if (0xD800..0xE000).contains(&cp) && errors != "surrogatepass" {
                    let end = run_end(&chars, i, |c| (0xD800..0xE000).contains(&code_point(c)));
                    handle_encode(vm, errors, name, &chars, i, end, "surrogates not allowed", codec, &mut out)?;
                    i = end;
                    continue;
                }
                push(cp, &mut out);
                i += 1;
            }
        }
        _ => {
            if codec == Codec::Utf8Sig {
                out.extend_from_slice(b"\xef\xbb\xbf");
            }
            let (limit, reason) = match codec {
                Codec::Ascii => (0x80, "ordinal not in range(128)"),
                Codec::Latin1 => (0x100, "ordinal not in range(256)"),
                Codec::Cp1252 => (0, "character maps to <undefined>"),
                _ => (0, "surrogates not allowed"),
            };
            let ok = |c: char| -> Option<Vec<u8>> {
                let cp = code_point(c);
                match codec {
                    Codec::Ascii | Codec::Latin1 => (cp < limit).then(|| vec![cp as u8]),
                    Codec::Cp1252 => cp1252_encode(cp).map(|b| vec![b]),
                    _ => {
                        if crate::runtime::str::is_surrogate(c) {
                            None
                        } else {
                            let mut buf = [0u8; 4];
                            Some(c.encode_utf8(&mut buf).as_bytes().to_vec())
                        }
                    }
                }
            };
            let mut i = 0;
            while i < chars.len() {
                match ok(chars[i]) {
                    Some(b) => {
                        out.extend(b);
                        i += 1;
                    }
                    None => {
                        let end = run_end(&chars, i, |c| ok(c).is_none());
                        let codec = if codec == Codec::Utf8Sig { Codec::Utf8 } else { codec };
                        handle_encode(vm, errors, name, &chars, i, end, reason, codec, &mut out)?;
                        i = end;
                    }
                }
            }
        }
    }
    Ok(out)
}

fn run_end(chars: &[char], start: usize, bad: impl Fn(char) -> bool) -> usize {
    let mut e = start + 1;
    while e < chars.len() && bad(chars[e]) {
        e += 1;
    }
    e
}

#[allow(clippy::too_many_arguments)]
fn handle_encode(vm: &mut Vm, errors: &str, name: &str, chars: &[char], start: usize, end: usize, reason: &str, codec: Codec, out: &mut Vec<u8>) -> PyResult<()> {
    check_handler(vm, errors)?;
    let mut buf = Vec::new();
    for (k, &c) in chars[start..end].iter().enumerate() {
        let rep = match codec {
            // UTF-16/32 surrogatepass: the code unit as is.
            Codec::Utf16(be, _) if errors == "surrogatepass" => {
                let u = code_point(c) as u16;
                Some(if be { u.to_be_bytes().to_vec() } else { u.to_le_bytes().to_vec() })
            }
            Codec::Utf32(be, _) if errors == "surrogatepass" => {
                let u = code_point(c);
                Some(if be { u.to_be_bytes().to_vec() } else { u.to_le_bytes().to_vec() })
            }
            _ => encode_replacement(errors, c, codec),
        };
        match rep {
            Some(r) => buf.extend(r),
            None => {
                // strict (or a handler that cannot encode this character):
                // report from here to the end of the run.
                let s = if errors == "strict" { start } else { start + k };
                return Err(encode_error(vm, name, chars, s, end, reason));
            }
        }
    }
    out.extend(buf);
    Ok(())
}

/// What a decoding error becomes under a handler (None for strict).
fn decode_replacement(errors: &str, bad: &[u8]) -> Option<String> {
    Some(match errors {
        "ignore" => String::new(),
        "replace" => "\u{fffd}".into(),
        "backslashreplace" => bad.iter().map(|b| format!("\\x{:02x}", b)).collect(),
        "surrogateescape" => bad.iter().filter_map(|&b| if b >= 0x80 { char_for(0xDC00 + b as u32) } else { None }).collect(),
        _ => return None,
    })
}

#[allow(clippy::too_many_arguments)]
fn handle_decode(vm: &mut Vm, errors: &str, name: &str, b: &[u8], start: usize, end: usize, reason: &str, out: &mut String) -> PyResult<()> {
    check_handler(vm, errors)?;
    let bad = &b[start..end];
    if errors == "surrogateescape" && bad.iter().any(|&x| x < 0x80) {
        return Err(decode_error(vm, name, b, start, end, reason));
    }
    match decode_replacement(errors, bad) {
        Some(s) => {
            out.push_str(&s);
            Ok(())
        }
        None => Err(decode_error(vm, name, b, start, end, reason)),
    }
}

/// `b.decode(encoding, errors)`.
pub fn decode(vm: &mut Vm, b: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let Some((codec, name)) = lookup(encoding) else { return Err(unknown_encoding(vm, encoding)) };
    let mut out = String::with_capacity(b.len());
    match codec {
        Codec::Utf8 | Codec::Utf8Sig => {
            let data = if codec == Codec::Utf8Sig && b.starts_with(b"\xef\xbb\xbf") { &b[3..] } else { b };
            if let Ok(s) = std::str::from_utf8(data) {
                return Ok(s.to_string());
            }
            let off = b.len() - data.len();
            let mut i = 0;
            while i < data.len() {
                match std::str::from_utf8(&data[i..]) {
                    Ok(s) => {
                        out.push_str(s);
                        break;
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&data[i..i + good]).unwrap_or(""));
                        let at = i + good;
                        // Encoded surrogates under surrogatepass.
                        if errors == "surrogatepass" && data[at] == 0xED && at + 2 < data.len() && (0xA0..0xC0).contains(&data[at + 1]) && (0x80..0xC0).contains(&data[at + 2]) {
                            let cp = 0xD000 | ((data[at + 1] as u32 & 0x3F) << 6) | (data[at + 2] as u32 & 0x3F);
                            out.extend(char_for(cp));
                            i = at + 3;
                            continue;
                        }
                        let lead = data[at];
                        let (len, reason) = match e.error_len() {
                            None => (data.len() - at, "unexpected end of data"),
                            Some(n) => {
                                let invalid_start = (0x80..0xC2).contains(&lead) || lead >= 0xF5;
                                (n, if invalid_start { "invalid start byte" } else { "invalid continuation byte" })
                            }
                        };
                        handle_decode(vm, errors, name, b, off + at, off + at + len, reason, &mut out)?;
                        i = at + len;
                    }
                }
            }
        }
        Codec::Ascii | Codec::Latin1 | Codec::Cp1252 => {
            for (i, &x) in b.iter().enumerate() {
                let cp = match codec {
                    Codec::Ascii => (x < 0x80).then_some(x as u32),
                    Codec::Latin1 => Some(x as u32),
                    _ => cp1252_decode(x),
                };
                match cp.and_then(char::from_u32) {
                    Some(c) => out.push(c),
                    None => {
                        let reason = if codec == Codec::Ascii { "ordinal not in range(128)" } else { "character maps to <undefined>" };
                        handle_decode(vm, errors, name, b, i, i + 1, reason, &mut out)?;
                    }
                }
            }
        }
        Codec::Utf16(be, bom) => {
            let mut be = be;
            let mut i = 0;
            if bom && b.len() >= 2 {
                if b[..2] == [0xFF, 0xFE] {
                    i = 2;
                } else if b[..2] == [0xFE, 0xFF] {
                    be = true;
                    i = 2;
                }
            }
            let unit = |k: usize| -> u16 {
                let p = [b[k], b[k + 1]];
                if be {
                    u16::from_be_bytes(p)
                } else {
                    u16::from_le_bytes(p)
                }
            };
            while i < b.len() {
                if i + 1 >= b.len() {
                    handle_decode(vm, errors, name, b, i, b.len(), "truncated data", &mut out)?;
                    break;
                }
                let u = unit(i) as u32;
                if !(0xD800..0xE000).contains(&u) {
                    out.extend(char::from_u32(u));
                    i += 2;
                    continue;
                }
                if u >= 0xDC00 {
                    if errors == "surrogatepass" {
                        out.extend(char_for(u));
                        i += 2;
                        continue;
                    }
                    handle_decode(vm, errors, name, b, i, i + 2, "illegal encoding", &mut out)?;
                    i += 2;
                    continue;
                }
                if i + 3 >= b.len() {
                    handle_decode(vm, errors, name, b, i, b.len(), "unexpected end of data", &mut out)?;
                    break;
                }
                let u2 = unit(i + 2) as u32;
                if (0xDC00..0xE000).contains(&u2) {
                    out.extend(char::from_u32(0x10000 + ((u - 0xD800) << 10) + (u2 - 0xDC00)));
                    i += 4;
                } else if errors == "surrogatepass" {
                    out.extend(char_for(u));
                    i += 2;
                } else {
                    handle_decode(vm, errors, name, b, i, i + 2, "illegal UTF-16 surrogate", &mut out)?;
                    i += 2;
                }
            }
        }
        Codec::Utf32(be, bom) => {
            let mut be = be;
            let mut i = 0;
            if bom && b.len() >= 4 {
                if b[..4] == [0xFF, 0xFE, 0, 0] {
                    i = 4;
                } else if b[..4] == [0, 0, 0xFE, 0xFF] {
                    be = true;
                    i = 4;
                }
            }
            while i < b.len() {
                if i + 3 >= b.len() {
                    handle_decode(vm, errors, name, b, i, b.len(), "truncated data", &mut out)?;
                    break;
                }
                let p = [b[i], b[i + 1], b[i + 2], b[i + 3]];
                let u = if be { u32::from_be_bytes(p) } else { u32::from_le_bytes(p) };
                if u > 0x10FFFF {
                    handle_decode(vm, errors, name, b, i, i + 4, "code point not in range(0x110000)", &mut out)?;
                } else if (0xD800..0xE000).contains(&u) && errors != "surrogatepass" {
                    handle_decode(vm, errors, name, b, i, i + 4, "code point in surrogate character range", &mut out)?;
                } else {
                    out.extend(char_for(u));
                }
                i += 4;
            }
        }
    }
    Ok(out)
}

pub fn install(vm: &mut Vm) {
    for (cls, name) in [(vm.exc.unicode_encode_error, "UnicodeEncodeError"), (vm.exc.unicode_decode_error, "UnicodeDecodeError"), (vm.exc.unicode_translate_error, "UnicodeTranslateError")] {
        add_method(vm, cls, name, "__init__", unicode_error_init);
        add_method(vm, cls, name, "__str__", unicode_error_str);
    }
}

/// `UnicodeEncodeError(encoding, object, start, end, reason)` (and the
/// decode/translate forms): the attributes from the arguments.
fn unicode_error_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(r) = args.first().and_then(|v| v.as_obj()) else { return Ok(Value::None) };
    let cls = vm.heap.class_of_obj(r);
    let translate = vm.is_subtype(cls, vm.exc.unicode_translate_error);
    let decode = vm.is_subtype(cls, vm.exc.unicode_decode_error);
    let a = &args[1..];
    let name = if translate { "UnicodeTranslateError" } else if decode { "UnicodeDecodeError" } else { "UnicodeEncodeError" };
    let want = if translate { 4 } else { 5 };
    if a.len() != want {
        return Err(vm.type_error(format!("function takes exactly {} arguments ({} given)", want, a.len())));
    }
    let names: &[&str] = if translate { &["object", "start", "end", "reason"] } else { &["encoding", "object", "start", "end", "reason"] };
    // Type checks as CPython's argument parsing does.
    for (i, (&v, n)) in a.iter().zip(names).enumerate() {
        let ok = match *n {
            "encoding" | "reason" => vm.str_of(v).is_some(),
            "object" if decode => crate::builtins::bytes_methods::buffer(vm, v).is_some(),
            "object" => vm.str_of(v).is_some(),
            _ => vm.int_value(v).is_some(),
        };
        if !ok {
            let tn = vm.type_name(v);
            let want = match *n {
                "encoding" | "reason" => "str",
                "object" if decode => "a bytes-like object",
                "object" => "str",
                _ => "int",
            };
            let msg = if want == "a bytes-like object" {
                format!("argument {} must be bytes-like object, not '{}'", i + 1, tn)
            } else if want == "int" {
                format!("'{}' object cannot be interpreted as an integer", tn)
            } else {
                format!("argument {} must be {}, not {}", i + 1, want, tn)
            };
            let _ = name;
            return Err(vm.type_error(msg));
        }
    }
    let args_t = vm.new_tuple(a.to_vec());
    if let crate::runtime::object::ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.args = args_t;
    }
    for (&v, n) in a.iter().zip(names) {
        let v = if *n == "object" && decode {
            let b = crate::builtins::bytes_methods::buffer(vm, v).unwrap_or_default();
            vm.new_bytes(b)
        } else {
            v
        };
        let _ = vm.set_exc_attr(r, n, v);
    }
    Ok(Value::None)
}

fn attr(vm: &mut Vm, obj: Value, name: &str) -> PyResult<Option<Value>> {
    let n = vm.intern(name);
    vm.get_attr_opt(obj, n)
}

fn unicode_error_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__str__", args, 1, 1)?;
    let e = args[0];
    let Some(r) = e.as_obj() else { return Ok(vm.new_str("")) };
    let cls = vm.heap.class_of_obj(r);
    let translate = vm.is_subtype(cls, vm.exc.unicode_translate_error);
    let decode = vm.is_subtype(cls, vm.exc.unicode_decode_error);
    let (Some(obj), Some(start), Some(end), Some(reason)) = (attr(vm, e, "object")?, attr(vm, e, "start")?, attr(vm, e, "end")?, attr(vm, e, "reason")?) else {
        // Not initialised by the 5-argument form: the plain message.
        let a = match vm.heap.data(r) {
            crate::runtime::object::ObjData::Exception(x) => x.args,
            _ => Value::None,
        };
        let items = vm.collect_iterable(a)?;
        return match items.len() {
            0 => Ok(vm.new_str("")),
            1 => {
                let s = vm.to_str_string(items[0])?;
                Ok(vm.new_str(s))
            }
            _ => {
                let s = vm.to_str_string(a)?;
                Ok(vm.new_str(s))
            }
        };
    };
    let enc = match attr(vm, e, "encoding")? {
        Some(v) => vm.to_str_string(v)?,
        None => String::new(),
    };
    let reason = vm.to_str_string(reason)?;
    let (start, end) = (vm.int_value(start).unwrap_or(0), vm.int_value(end).unwrap_or(0));
    let single = end == start + 1;
    let s = if decode {
        let b = crate::builtins::bytes_methods::buffer(vm, obj).unwrap_or_default();
        match (single, b.get(start as usize)) {
            (true, Some(x)) => format!("'{}' codec can't decode byte 0x{:02x} in position {}: {}", enc, x, start, reason),
            _ => format!("'{}' codec can't decode bytes in position {}-{}: {}", enc, start, end - 1, reason),
        }
    } else {
        let text = vm.str_of(obj).unwrap_or("").to_string();
        let ch = text.chars().nth(start.max(0) as usize);
        match (single, ch) {
            (true, Some(c)) => {
                let what = escape_cp(code_point(c));
                if translate {
                    format!("can't translate character '{}' in position {}: {}", what, start, reason)
                } else {
                    format!("'{}' codec can't encode character '{}' in position {}: {}", enc, what, start, reason)
                }
            }
            _ => {
                if translate {
                    format!("can't translate characters in position {}-{}: {}", start, end - 1, reason)
                } else {
                    format!("'{}' codec can't encode characters in position {}-{}: {}", enc, start, end - 1, reason)
                }
            }
        }
    };
    Ok(vm.new_str(s))
}
