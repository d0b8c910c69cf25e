//! `PyStr`: an immutable Python string (UTF-8 inside, code points outside).
//!
//! Python indexes strings by code point. ASCII strings (the common case) are
//! indexed in O(1); the ASCII flag is computed once at creation and packed,
//! with the lazily computed hash, into one word so the payload stays small.

use std::cell::Cell;

const HASH_DONE: u64 = 1 << 63;
const IS_ASCII: u64 = 1 << 62;
const HASH_MASK: u64 = (1 << 62) - 1;

pub struct PyStr {
    s: Box<str>,
    /// bit 63: hash computed; bit 62: ASCII-only; bits 0..62: the hash.
    meta: Cell<u64>,
}

impl PyStr {
    pub fn new(s: impl Into<Box<str>>) -> PyStr {
        let s: Box<str> = s.into();
        let meta = if s.is_ascii() { IS_ASCII } else { 0 };
        PyStr { s, meta: Cell::new(meta) }
    }

    /// A string the caller knows is ASCII (a piece of an ASCII string):
    /// skips the scan `new` makes.
    pub fn new_ascii(s: Box<str>) -> PyStr {
        debug_assert!(s.is_ascii());
        PyStr { s, meta: Cell::new(IS_ASCII) }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.s
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.meta.get() & IS_ASCII != 0
    }

    /// Length in code points.
    pub fn char_len(&self) -> usize {
        if self.is_ascii() {
            self.s.len()
        } else {
            self.s.chars().count()
        }
    }

    /// The code point at index `i` (0-based, already bounds-checked by the
    /// caller against `char_len`).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.s.as_bytes().get(i).map(|&b| b as char)
        } else {
            self.s.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len` gives the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.s.len())
        } else {
            self.s.char_indices().nth(i).map(|(b, _)| b).unwrap_or(self.s.len())
        }
    }

    /// The string's hash (never -1, as Python requires).
    #[inline]
    pub fn hash(&self) -> i64 {
        let m = self.meta.get();
        if m & HASH_DONE != 0 {
            return (m & HASH_MASK) as i64;
        }
        let h = str_hash(self.s.as_bytes()) & HASH_MASK;
        self.meta.set(m | HASH_DONE | h);
        h as i64
    }
}

/// A fast 62-bit string hash. CPython randomises str hashes per process, so
/// no program can depend on the values; only speed and spread matter.
pub fn str_hash(bytes: &[u8]) -> u64 {
    // FNV-1a over 8-byte words, then a final avalanche (splitmix64).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        h = (h ^ w).wrapping_mul(0x0000_0100_0000_01b3).rotate_left(23);
    }
    for &b in chunks.remainder() {
        h = (h ^ b as u64).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Lone surrogates (U+D800..U+DFFF, made by `chr`, `\udcxx` literals and
/// the `surrogateescape` error handler) cannot live in UTF-8. They are
/// stored as the plane-15 private-use code points U+FD800..U+FDFFF, one to
/// one, and every place that shows or converts code points (`ord`, `repr`,
/// encoders, the Unicode predicates) maps them back.
pub const SURROGATE_OFFSET: u32 = 0xF0000;

/// The Python code point of a stored character.
#[inline]
pub fn code_point(c: char) -> u32 {
    let u = c as u32;
    if (0xFD800..0xFE000).contains(&u) {
        u - SURROGATE_OFFSET
    } else {
        u
    }
}

/// Whether a stored character stands for a lone surrogate.
#[inline]
pub fn is_surrogate(c: char) -> bool {
    (0xFD800..0xFE000).contains(&(c as u32))
}

/// The stored character for a Python code point (None past U+10FFFF).
pub fn char_for(cp: u32) -> Option<char> {
    if (0xD800..0xE000).contains(&cp) {
        char::from_u32(cp + SURROGATE_OFFSET)
    } else {
        char::from_u32(cp)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_and_unicode_indexing() {
        let a = PyStr::new("hello");
        assert!(a.is_ascii());
        assert_eq!(a.char_len(), 5);
        assert_eq!(a.char_at(1), Some('e'));
        let u = PyStr::new("héllo€");
        assert!(!u.is_ascii());
        assert_eq!(u.char_len(), 6);
        assert_eq!(u.char_at(5), Some('€'));
        assert_eq!(u.byte_offset(2), 3);
    }

    #[test]
    fn hash_is_stable_and_not_minus_one() {
        let a = PyStr::new("abc");
        let h = a.hash();
        assert_eq!(h, a.hash());
        assert_eq!(h, PyStr::new("abc").hash());
        assert!(h >= 0);
        assert!(a.is_ascii());
    }
}
