//! CPython-compatible hashes for numbers and tuples.
//!
//! These must equal CPython's because they are observable: `hash(2**61)`,
//! and, more importantly, the iteration order of sets of ints, floats and
//! tuples, which follows from the hash values. Numeric hashes are reduced
//! modulo the Mersenne prime 2**61 - 1 so that equal numbers of different
//! types (`1`, `1.0`, `True`) hash alike.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

pub const MODULUS: u64 = (1 << 61) - 1;
pub const HASH_INF: i64 = 314_159;

#[inline]
pub fn hash_int(n: i64) -> i64 {
    let m = (n.unsigned_abs() % MODULUS) as i64;
    let h = if n < 0 { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_bigint(n: &BigInt) -> i64 {
    let m = (n.magnitude() % MODULUS).to_u64().unwrap_or(0) as i64;
    let h = if n.sign() == Sign::Minus { -m } else { m };
    if h == -1 {
        -2
    } else {
        h
    }
}

/// Hash of a finite or infinite float; `None` for NaN (whose hash is based
/// on object identity in CPython 3.10+).
pub fn hash_float(v: f64) -> Option<i64> {
    if v.is_nan() {
        return None;
    }
    if v.is_infinite() {
        return Some(if v > 0.0 { HASH_INF } else { -HASH_INF });
    }
    let (mut m, mut e) = frexp(v);
    let sign: i64 = if m < 0.0 {
        m = -m;
        -1
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 { e % 61 } else { 61 - 1 - ((-1 - e) % 61) };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let h = x as i64 * sign;
    Some(if h == -1 { -2 } else { h })
}

/// `frexp`: v == m * 2**e with 0.5 <= |m| < 1 (m == 0 for v == 0).
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m_bits = (bits & !(0x7ffu64 << 52)) | (1022u64 << 52);
    (f64::from_bits(m_bits), e)
}

const XXPRIME_1: u64 = 11_400_714_785_074_694_791;
const XXPRIME_2: u64 = 14_029_467_366_897_019_727;
const XXPRIME_5: u64 = 2_870_177_450_012_600_261;

/// Combine element hashes as CPython's tuple hash does (xxHash-based).
#[allow(dead_code)] // the reference form, checked by the tests below
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    let len = items.len();
    let mut h = TupleHasher::new();
    for lane in items {
        h.add(lane);
    }
    h.finish(len)
}

/// `hash_tuple` one element at a time, for callers that compute element
/// hashes as they go (no temporary vector of hashes).
pub struct TupleHasher(u64);

impl TupleHasher {
    #[inline]
    pub fn new() -> TupleHasher {
        TupleHasher(XXPRIME_5)
    }

    #[inline]
    pub fn add(&mut self, lane: i64) {
        let acc = self.0.wrapping_add((lane as u64).wrapping_mul(XXPRIME_2));
        self.0 = acc.rotate_left(31).wrapping_mul(XXPRIME_1);
    }

    #[inline]
    pub fn finish(self, len: usize) -> i64 {
        let acc = self.0.wrapping_add(len as u64 ^ (XXPRIME_5 ^ 3_527_539));
        if acc == u64::MAX {
            1_546_275_796
        } else {
            acc as i64
        }
    }
}

/// CPython's frozenset hash from the element hashes (order-independent).
pub fn hash_frozenset(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
    }
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64 + 1).wrapping_mul(1_927_868_237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907_133_923);
    if hash == u64::MAX {
        590_923_713
    } else {
        hash as i64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ints_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_int(12345), 12345);
        assert_eq!(hash_int(i64::MIN), hash_bigint(&BigInt::from(i64::MIN)));
    }

    #[test]
    fn floats_match_cpython() {
        assert_eq!(hash_float(1.5), Some(1_152_921_504_606_846_977));
        assert_eq!(hash_float(-2.5), Some(-1_152_921_504_606_846_978));
        assert_eq!(hash_float(3.0), Some(3));
        assert_eq!(hash_float(f64::INFINITY), Some(314_159));
    }

    #[test]
    fn tuples_match_cpython() {
        assert_eq!(hash_tuple([].into_iter()), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3_550_055_125_485_641_917);
    }
}
