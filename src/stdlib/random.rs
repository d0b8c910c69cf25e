//! The Mersenne Twister (MT19937) with CPython's seeding, so `random`
//! produces CPython's exact sequences for a given seed. The Python-level
//! `random` API is built on top of this core.

const N: usize = 624;
const M: usize = 397;

#[derive(Clone)]
pub struct MersenneTwister {
    mt: [u32; N],
    index: usize,
}

impl Default for MersenneTwister {
    fn default() -> Self {
        MersenneTwister::from_u64(0)
    }
}

impl MersenneTwister {
    fn init_genrand(s: u32) -> MersenneTwister {
        let mut mt = [0u32; N];
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32.wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_add(i as u32);
        }
        MersenneTwister { mt, index: N }
    }

    /// `init_by_array`: how CPython seeds from an int (its absolute value
    /// split into 32-bit words, least significant first).
    pub fn from_key(key: &[u32]) -> MersenneTwister {
        let mut s = MersenneTwister::init_genrand(19_650_218);
        let key: Vec<u32> = if key.is_empty() { vec![0] } else { key.to_vec() };
        let mut i = 1usize;
        let mut j = 0usize;
        let mut k = N.max(key.len());
        while k > 0 {
            s.mt[i] = (s.mt[i] ^ (s.mt[i - 1] ^ (s.mt[i - 1] >> 30)).wrapping_mul(1_664_525)).wrapping_add(key[j]).wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                s.mt[0] = s.mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            s.mt[i] = (s.mt[i] ^ (s.mt[i - 1] ^ (s.mt[i - 1] >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                s.mt[0] = s.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        s.mt[0] = 0x8000_0000;
        s.index = N;
        s
    }

    pub fn from_u64(seed: u64) -> MersenneTwister {
        let mut key = vec![seed as u32];
        if seed >> 32 != 0 {
            key.push((seed >> 32) as u32);
        }
        MersenneTwister::from_key(&key)
    }

    fn generate(&mut self) {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX: u32 = 0x9908_b0df;
        for kk in 0..N {
            let y = (self.mt[kk] & UPPER) | (self.mt[(kk + 1) % N] & LOWER);
            let mag = if y & 1 != 0 { MATRIX } else { 0 };
            self.mt[kk] = self.mt[(kk + M) % N] ^ (y >> 1) ^ mag;
        }
        self.index = 0;
    }

    pub fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.generate();
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random.random()`: 53 random bits as a float in [0, 1).
    pub fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// `getrandbits(k)` as little-endian 32-bit words (the last word
    /// holding the top `k % 32` bits).
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        if k <= 32 {
            return vec![self.next_u32() >> (32 - k)];
        }
        let words = k.div_ceil(32) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        out
    }

    pub fn state(&self) -> (Vec<u32>, usize) {
        (self.mt.to_vec(), self.index)
    }

    pub fn set_state(&mut self, mt: &[u32], index: usize) {
        self.mt.copy_from_slice(&mt[..N]);
        self.index = index;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_seed_zero() {
        // random.seed(0); random.random() == 0.8444218515250481
        let mut mt = MersenneTwister::from_key(&[0]);
        assert_eq!(mt.random(), 0.844_421_851_525_048_1);
        assert_eq!(mt.random(), 0.757_954_402_940_302_5);
    }
}
