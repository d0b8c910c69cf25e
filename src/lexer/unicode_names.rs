//! `\N{NAME}` lookup for string escapes. Algorithmic names (CJK ideographs,
//! Hangul syllables, ...) are computed; all other names (and the common
//! aliases) come from `unicode_names.bin`, a word-compressed table made by
//! `tools/gen_unicode_names.py` (format described there). Lookup is
//! case-insensitive, like CPython's.

static TABLE: &[u8] = include_bytes!("unicode_names.bin");

const JAMO_L: [&str; 19] =
    ["G", "GG", "N", "D", "DD", "R", "M", "B", "BB", "S", "SS", "", "J", "JJ", "C", "K", "T", "P", "H"];
const JAMO_V: [&str; 21] = [
    "A", "AE", "YA", "YAE", "EO", "E", "YEO", "YE", "O", "WA", "WAE", "OE", "YO", "U", "WEO", "WE",
    "WI", "YU", "EU", "YI", "I",
];
const JAMO_T: [&str; 28] = [
    "", "G", "GG", "GS", "N", "NJ", "NH", "D", "L", "LG", "LM", "LB", "LS", "LT", "LP", "LH", "M",
    "B", "BS", "S", "SS", "NG", "J", "C", "K", "T", "P", "H",
];

/// Names of the form `PREFIX-XXXX` and the code point ranges they cover.
const HEX_NAMED: &[(&str, &[(u32, u32)])] = &[
    (
        "CJK UNIFIED IDEOGRAPH-",
        &[
            (0x3400, 0x4DBF),
            (0x4E00, 0x9FFF),
            (0x20000, 0x2A6DF),
            (0x2A700, 0x2B738),
            (0x2B740, 0x2B81D),
            (0x2B820, 0x2CEA1),
            (0x2CEB0, 0x2EBE0),
            (0x30000, 0x3134A),
        ],
    ),
    ("CJK COMPATIBILITY IDEOGRAPH-", &[(0xF900, 0xFA6D), (0xFA70, 0xFAD9), (0x2F800, 0x2FA1D)]),
    ("KHITAN SMALL SCRIPT CHARACTER-", &[(0x18B00, 0x18CD5)]),
    ("NUSHU CHARACTER-", &[(0x1B170, 0x1B2FB)]),
];

fn hangul(rest: &str) -> Option<char> {
    for (li, l) in JAMO_L.iter().enumerate() {
        let Some(r1) = rest.strip_prefix(l) else { continue };
        for (vi, v) in JAMO_V.iter().enumerate() {
            let Some(r2) = r1.strip_prefix(v) else { continue };
            if let Some(ti) = JAMO_T.iter().position(|t| r2 == *t) {
                return char::from_u32(0xAC00 + (li as u32 * 21 + vi as u32) * 28 + ti as u32);
            }
        }
    }
    None
}

/// Byte reader over the table; every read is bounds-checked.
struct Reader {
    at: usize,
}

impl Reader {
    fn byte(&mut self) -> Option<u8> {
        let b = *TABLE.get(self.at)?;
        self.at += 1;
        Some(b)
    }
}

fn table_lookup(name: &str) -> Option<char> {
    let want: Vec<&str> = name.split(' ').collect();
    let mut r = Reader { at: 0 };
    let count = r.byte()? as usize | (r.byte()? as usize) << 8;
    let mut words: Vec<&[u8]> = Vec::with_capacity(count);
    for _ in 0..count {
        let len = r.byte()? as usize;
        let w = TABLE.get(r.at..r.at + len)?;
        r.at += len;
        words.push(w);
    }
    let mut cp: u32 = 0;
    while r.at < TABLE.len() {
        let mut delta: u32 = 0;
        let mut shift = 0;
        loop {
            let b = r.byte()?;
            delta |= ((b & 0x7F) as u32) << shift;
            shift += 7;
            if b & 0x80 == 0 {
                break;
            }
        }
        cp += delta;
        let n = r.byte()? as usize;
        let mut matches = n == want.len();
        for i in 0..n {
            let b = r.byte()?;
            let idx = if b & 0x80 == 0 { b as usize } else { ((b & 0x7F) as usize) << 8 | r.byte()? as usize };
            if matches && words.get(idx).copied() != want.get(i).map(|w| w.as_bytes()) {
                matches = false;
            }
        }
        if matches {
            return char::from_u32(cp);
        }
    }
    None
}

/// The character named `name`, if there is one.
pub fn lookup(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    for (prefix, ranges) in HEX_NAMED {
        if let Some(hex) = upper.strip_prefix(prefix) {
            if !(4..=5).contains(&hex.len()) || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let code = u32::from_str_radix(hex, 16).ok()?;
            let ok = ranges.iter().any(|&(lo, hi)| (lo..=hi).contains(&code));
            return if ok { char::from_u32(code) } else { None };
        }
    }
    if let Some(rest) = upper.strip_prefix("HANGUL SYLLABLE ") {
        return hangul(rest);
    }
    if upper.is_empty() || upper.contains("  ") {
        return None;
    }
    table_lookup(&upper)
}
