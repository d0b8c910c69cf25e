//! A cheap hasher for the VM's internal maps keyed by `ObjRef`s and
//! identifier strings (the method cache, the interner, side tables).
//!
//! std's default SipHash resists hash flooding, which these maps do not
//! need: their keys are heap slot numbers and interned identifiers, not
//! attacker-chosen dict keys (Python dicts hash with their own Python
//! hashes, see `runtime::dict`). SipHash was 35 % of richards' instructions
//! through the method cache (notes/perf.md, lever 1); this is one
//! rotate-xor-multiply per word (the "Fx" scheme).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// An odd constant with well-mixed bits (2^64 / golden ratio).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

#[derive(Clone, Copy, Default)]
pub struct FastHasher {
    h: u64,
}

impl FastHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.h = (self.h.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the
        // top 7: the multiply leaves the low bits depending only on the
        // low bits of the input, so fold the high half down.
        self.h ^ (self.h >> 32)
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(n as u64);
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(n as u64);
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

pub type BuildFastHasher = BuildHasherDefault<FastHasher>;

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildFastHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn h<T: Hash>(t: T) -> u64 {
        BuildFastHasher::default().hash_one(t)
    }

    #[test]
    fn strings_differ() {
        assert_ne!(h("a"), h("b"));
        assert_ne!(h("abcdefgh"), h("abcdefghi"));
        assert_ne!(h(""), h("\0"));
        assert_eq!(h("__init__"), h(String::from("__init__")));
    }

    #[test]
    fn map_works() {
        let mut m: FastMap<(u64, u64), u32> = FastMap::default();
        for i in 0..1000u64 {
            m.insert((i, i * 7), i as u32);
        }
        for i in 0..1000u64 {
            assert_eq!(m.get(&(i, i * 7)), Some(&(i as u32)));
        }
    }
}
