//! `PyDict`: insertion-ordered hash map storage for `dict`, instance
//! `__dict__`s, module globals and class namespaces.
//!
//! Keys carry their Python hash (computed once, by the VM, which may have run
//! a `__hash__` method). Equality is decided by the caller through a closure
//! (`find`), because deciding it may need the heap or even Python code; this
//! module never looks inside a `Value`. `IndexMap` is used through its raw
//! entry API so that no `Eq` impl has to guess at Python semantics.
//!
//! Deleting an entry other than the last leaves a hole (a key of
//! `Value::Undef` whose hash no lookup can equal) instead of shifting every
//! later entry: as in CPython, `del d[k]` costs O(1), and holes are
//! squeezed out once they outnumber the live entries. Indices are positions
//! among entries and holes alike; `len` counts live entries only.
//!
//! `keys_version` changes whenever the set of keys (or their order) changes,
//! never when only a value is replaced: inline caches for globals remember
//! `(keys_version, index)` and re-read the value at that index.

use std::hash::{BuildHasher, Hash, Hasher};

use indexmap::map::raw_entry_v1::RawEntryApiV1;
use indexmap::IndexMap;

use super::value::Value;

#[derive(Clone, Copy, Debug)]
pub struct DictKey {
    pub hash: i64,
    pub key: Value,
}

impl Hash for DictKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash as u64);
    }
}

impl PartialEq for DictKey {
    /// Identity only; semantic equality goes through `PyDict::find`.
    fn eq(&self, other: &Self) -> bool {
        self.key.is(other.key)
    }
}

impl Eq for DictKey {}

/// Passes the precomputed Python hash through (mixed, so that small ints,
/// whose Python hash is themselves, spread over the table's low bits).
#[derive(Clone, Copy, Default)]
pub struct PassHash(u64);

impl Hasher for PassHash {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _bytes: &[u8]) {
        unreachable!("DictKey hashes with write_u64 only")
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(26);
    }
}

#[derive(Clone, Copy, Default)]
pub struct BuildPassHash;

impl BuildHasher for BuildPassHash {
    type Hasher = PassHash;
    fn build_hasher(&self) -> PassHash {
        PassHash(0)
    }
}

fn mix(hash: i64) -> u64 {
    let mut h = PassHash(0);
    h.write_u64(hash as u64);
    h.finish()
}

#[derive(Clone, Default)]
pub struct PyDict {
    map: IndexMap<DictKey, Value, BuildPassHash>,
    keys_version: u64,
    /// Entries of `map` that are holes left by deletions.
    holes: usize,
}

/// The hash stored in a hole: Python hashes are never -1, so `find` never
/// offers a hole to its `is_match` closure.
const HOLE_HASH: i64 = -1;

#[inline]
fn is_hole(k: &DictKey) -> bool {
    k.key.is_undef()
}

static NEXT_VERSION: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn new_version() -> u64 {
    NEXT_VERSION.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict { map: IndexMap::with_hasher(BuildPassHash), keys_version: new_version(), holes: 0 }
    }

    pub fn with_capacity(n: usize) -> PyDict {
        PyDict { map: IndexMap::with_capacity_and_hasher(n, BuildPassHash), keys_version: new_version(), holes: 0 }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.map.len() - self.holes
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Positions in use, holes included (the bound for `get_index`).
    #[inline]
    pub fn raw_len(&self) -> usize {
        self.map.len()
    }

    /// Changes whenever a key is added or removed (globally unique, so a
    /// cache can never confuse two dicts).
    #[inline]
    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Index of the entry whose key has `hash` and satisfies `is_match`.
    #[inline]
    pub fn find(&self, hash: i64, mut is_match: impl FnMut(Value) -> bool) -> Option<usize> {
        self.map.raw_entry_v1().index_from_hash(mix(hash), |k| k.hash == hash && is_match(k.key))
    }

    /// Index of the entry whose key is identical (`is`) to `key`.
    pub fn find_identical(&self, hash: i64, key: Value) -> Option<usize> {
        self.find(hash, |k| k.is(key))
    }

    /// The entry at position `i` as stored, None past the end: a hole reads
    /// as `(Undef, Undef)`. For index hints, which compare the key with an
    /// interned name (never Undef) and so need no hole check.
    #[inline]
    pub fn raw_entry_at(&self, i: usize) -> Option<(Value, Value)> {
        self.map.get_index(i).map(|(k, v)| (k.key, *v))
    }

    /// The entry at position `i`; None past the end or for a hole.
    #[inline]
    pub fn get_index(&self, i: usize) -> Option<(Value, Value)> {
        self.map.get_index(i).filter(|(k, _)| !is_hole(k)).map(|(k, v)| (k.key, *v))
    }

    #[inline]
    pub fn value_at(&self, i: usize) -> Value {
        self.map[i]
    }

    pub fn hash_at(&self, i: usize) -> i64 {
        self.map.get_index(i).map(|(k, _)| k.hash).unwrap_or(0)
    }

    #[inline]
    pub fn set_value_at(&mut self, i: usize, v: Value) {
        self.map[i] = v;
    }

    /// Append a key known to be absent.
    pub fn push_new(&mut self, hash: i64, key: Value, value: Value) -> usize {
        self.keys_version = new_version();
        let (i, _) = self.map.insert_full(DictKey { hash, key }, value);
        i
    }

    /// Remove entry `i`, keeping the order of the rest: the last entry is
    /// popped, any other becomes a hole.
    pub fn remove_at(&mut self, i: usize) -> Option<(Value, Value)> {
        use indexmap::map::MutableKeys;
        if i + 1 == self.map.len() {
            return self.pop_last();
        }
        let (k, v) = self.map.get_index_mut2(i)?;
        if is_hole(k) {
            return None;
        }
        self.keys_version = new_version();
        let removed = (k.key, *v);
        *k = DictKey { hash: HOLE_HASH, key: Value::Undef };
        *v = Value::Undef;
        self.holes += 1;
        if self.holes > 8 && self.holes > self.len() {
            self.map.retain(|k, _| !is_hole(k));
            self.holes = 0;
        }
        Some(removed)
    }

    /// Remove the last live entry (and the holes after it).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.keys_version = new_version();
        loop {
            let (k, v) = self.map.pop()?;
            if !is_hole(&k) {
                return Some((k.key, v));
            }
            self.holes -= 1;
        }
    }

    pub fn clear(&mut self) {
        self.keys_version = new_version();
        self.map.clear();
        self.holes = 0;
    }

    /// Move entry `i` to the end (`OrderedDict.move_to_end`) or the front.
    pub fn move_index(&mut self, i: usize, to_end: bool) {
        self.keys_version = new_version();
        let last = self.map.len() - 1;
        self.map.move_index(i, if to_end { last } else { 0 });
    }

    pub fn iter(&self) -> impl Iterator<Item = (Value, Value)> + '_ {
        self.map.iter().filter(|(k, _)| !is_hole(k)).map(|(k, v)| (k.key, *v))
    }

    pub fn iter_hashed(&self) -> impl Iterator<Item = (i64, Value, Value)> + '_ {
        self.map.iter().filter(|(k, _)| !is_hole(k)).map(|(k, v)| (k.hash, k.key, *v))
    }

    pub fn keys(&self) -> Vec<Value> {
        self.map.keys().filter(|k| !is_hole(k)).map(|k| k.key).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.map.iter().filter(|(k, _)| !is_hole(k)).map(|(_, v)| *v).collect()
    }
}
