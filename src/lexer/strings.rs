//! String literals: prefixes, finding where a literal ends (single and
//! triple quotes, backslash rules, unterminated-literal detection), and
//! decoding the body of `str` and `bytes` literals (all escapes, raw
//! strings, newline normalisation, CPython's error wording).

use super::unicode_names;

/// The letters before the opening quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fmt: bool,
}

/// Interprets a (lexer-validated) prefix such as `rb`, `F`, `u`, or ``.
pub fn parse_prefix(p: &str) -> Prefix {
    let mut out = Prefix::default();
    for c in p.chars() {
        match c {
            'r' | 'R' => out.raw = true,
            'b' | 'B' => out.bytes = true,
            'f' | 'F' => out.fmt = true,
            _ => {}
        }
    }
    out
}

/// Where a literal's pieces are, as byte offsets into the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scanned {
    pub body_start: usize,
    pub body_end: usize,
    /// Just past the closing quote(s).
    pub end: usize,
    pub triple: bool,
}

/// The literal runs into a line end (single quotes) or the end of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unterminated {
    pub triple: bool,
    /// Byte offset where the lack of a closing quote was noticed.
    pub detected_at: usize,
}

/// Finds the end of the literal whose opening quote is at `quote_pos`.
pub fn scan_literal(src: &str, quote_pos: usize) -> Result<Scanned, Unterminated> {
    let b = src.as_bytes();
    let q = b[quote_pos];
    let triple = b.get(quote_pos + 1) == Some(&q) && b.get(quote_pos + 2) == Some(&q);
    let body_start = quote_pos + if triple { 3 } else { 1 };
    let mut i = body_start;
    loop {
        let Some(&c) = b.get(i) else {
            // Report the last character of the input, as CPython does.
            let at = if triple { src.len().saturating_sub(1) } else { src.len() };
            return Err(Unterminated { triple, detected_at: at });
        };
        match c {
            b'\\' => {
                i += 1;
                if b.get(i) == Some(&b'\r') && b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                if i < b.len() {
                    i += 1;
                }
            }
            b'\n' | b'\r' if !triple => {
                return Err(Unterminated { triple, detected_at: i });
            }
            _ if c == q => {
                if !triple {
                    return Ok(Scanned { body_start, body_end: i, end: i + 1, triple });
                }
                if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                    return Ok(Scanned { body_start, body_end: i, end: i + 3, triple });
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
}

/// Replaces `\r\n` and lone `\r` by `\n` (universal newlines).
pub fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// The message CPython gives for a failed `unicode_escape` decode, with
/// byte positions `start..end` (exclusive) in its intermediate buffer.
fn unicode_error(start: usize, end: usize, reason: &str) -> String {
    if end <= start + 1 {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {start}: {reason}"
        )
    } else {
        format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {reason}",
            start,
            end - 1
        )
    }
}

/// Width a character takes in CPython's intermediate escape buffer
/// (non-ASCII characters are rewritten as `\UXXXXXXXX`).
fn buf_width(c: char) -> usize {
    if c.is_ascii() {
        1
    } else {
        10
    }
}

/// Decodes the body of a non-raw `str` literal. The error is CPython's
/// message text (its location is the caller's business).
pub fn decode_str(body: &str) -> Result<String, String> {
    if !body.contains('\\') {
        return Ok(normalize_newlines(body));
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    let mut pos = 0usize; // position in CPython's intermediate buffer
    while let Some((_, c)) = chars.next() {
        if c != '\\' {
            if c == '\r' {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                    pos += 1;
                }
                out.push('\n');
            } else {
                out.push(c);
            }
            pos += buf_width(c);
            continue;
        }
        let start = pos;
        let Some(&(_, e)) = chars.peek() else {
            out.push('\\');
            break;
        };
        if !e.is_ascii() {
            // Kept literally, as `\u005c` in CPython's buffer.
            out.push('\\');
            pos += 6;
            continue;
        }
        chars.next();
        pos += 2;
        match e {
            '\n' => {}
            '\r' => {
                if matches!(chars.peek(), Some((_, '\n'))) {
                    chars.next();
                    pos += 1;
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e as u32 - '0' as u32;
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            v = v * 8 + (d as u32 - '0' as u32);
                            chars.next();
                            pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{FFFD}'));
            }
            'x' | 'u' | 'U' => {
                let (count, what) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut v: u32 = 0;
                for _ in 0..count {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                            pos += 1;
                        }
                        _ => return Err(unicode_error(start, pos, what)),
                    }
                }
                if v > 0x10FFFF {
                    return Err(unicode_error(start, pos, "illegal Unicode character"));
                }
                // Lone surrogates are stored as private-use characters
                // (see `runtime::str::char_for`).
                out.push(crate::runtime::str::char_for(v).unwrap_or('\u{FFFD}'));
            }
            'N' => {
                let malformed = "malformed \\N character escape";
                match chars.peek() {
                    Some(&(_, '{')) => {
                        chars.next();
                        pos += 1;
                    }
                    _ => return Err(unicode_error(start, pos, malformed)),
                }
                let mut name = String::new();
                loop {
                    match chars.peek() {
                        None => return Err(unicode_error(start, pos, malformed)),
                        Some(&(_, '}')) => break,
                        Some(&(_, ch)) => {
                            name.push(ch);
                            pos += buf_width(ch);
                            chars.next();
                        }
                    }
                }
                if name.is_empty() {
                    return Err(unicode_error(start, pos, malformed));
                }
                chars.next();
                pos += 1;
                match unicode_names::lookup(&name) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(unicode_error(start, pos, "unknown Unicode character name"))
                    }
                }
            }
            other => {
                // Unknown escapes are kept as written.
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes the body of a `bytes` literal. Non-ASCII characters are an
/// error, as in CPython (the message is returned; the caller locates it).
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, String> {
    if !body.is_ascii() {
        return Err("bytes can only contain ASCII literal characters".into());
    }
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        let Some(&e) = b.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    match b.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            v = v * 8 + (d - b'0') as u32;
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((v & 0xFF) as u8);
            }
            b'x' => {
                let hex = |k: usize| b.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => return Err(format!("(value error) invalid \\x escape at position {start}")),
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}
