//! `PySet`: the storage of `set` and `frozenset`, laid out as CPython lays
//! out its set table.
//!
//! Why not an `IndexSet`: Python prints a set in hash-table order, and for
//! ints, floats and tuples that order is deterministic (`{3, 1, 2}` prints
//! as `{1, 2, 3}`, `{-1, 5}` as `{5, -1}`). Reproducing CPython's output
//! needs the same table: open addressing, size a power of two (min 8),
//! 9 linear probes then a perturbed jump, dummies on delete, growth when
//! `fill * 5 >= mask * 3`. This module owns that table; the equality tests
//! that may run Python code are driven from `vm::setops` through [`Probe`].

use super::value::Value;

pub const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone, Copy)]
pub enum Entry {
    Unused,
    Dummy,
    Active { hash: i64, key: Value },
}

#[derive(Clone)]
pub struct PySet {
    pub table: Vec<Entry>,
    /// Active + dummy entries.
    pub fill: usize,
    /// Active entries.
    pub used: usize,
    /// Where `pop()` resumes its scan.
    pub finger: usize,
}

impl Default for PySet {
    fn default() -> Self {
        PySet::new()
    }
}

/// The probe sequence for one hash, walked one slot at a time so that the
/// caller can release its borrow of the set between comparisons.
#[derive(Clone, Copy)]
pub struct Probe {
    mask: usize,
    /// Start of the current linear run.
    start: usize,
    /// Offset within the run of the slot last returned.
    off: usize,
    /// Extra slots the current run visits after its start (9 or 0).
    run_len: usize,
    perturb: u64,
    fresh: bool,
}

impl Probe {
    pub fn new(hash: i64, mask: usize) -> Probe {
        let start = (hash as u64 as usize) & mask;
        let run_len = if start + LINEAR_PROBES <= mask { LINEAR_PROBES } else { 0 };
        Probe { mask, start, off: 0, run_len, perturb: hash as u64, fresh: true }
    }

    /// The next table index to examine.
    #[inline]
    pub fn next_index(&mut self) -> usize {
        if self.fresh {
            self.fresh = false;
            return self.start;
        }
        if self.off < self.run_len {
            self.off += 1;
            return self.start + self.off;
        }
        self.perturb >>= PERTURB_SHIFT;
        self.start = (self.start.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb as usize)) & self.mask;
        self.off = 0;
        self.run_len = if self.start + LINEAR_PROBES <= self.mask { LINEAR_PROBES } else { 0 };
        self.start
    }
}

impl PySet {
    pub fn new() -> PySet {
        PySet { table: vec![Entry::Unused; MIN_SIZE], fill: 0, used: 0, finger: 0 }
    }

    #[inline]
    pub fn mask(&self) -> usize {
        self.table.len() - 1
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    /// Active keys in table order (the order Python iterates).
    pub fn iter(&self) -> impl Iterator<Item = (i64, Value)> + '_ {
        self.table.iter().filter_map(|e| match *e {
            Entry::Active { hash, key } => Some((hash, key)),
            _ => None,
        })
    }

    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|(_, k)| k).collect()
    }

    /// Store a new key at slot `i`, found free by a probe; `was_dummy`
    /// says whether the slot held a dummy. Grows the table as CPython does.
    pub fn store_at(&mut self, i: usize, hash: i64, key: Value, was_dummy: bool) {
        self.table[i] = Entry::Active { hash, key };
        self.used += 1;
        if was_dummy {
            return;
        }
        self.fill += 1;
        if self.fill * 5 >= self.mask() * 3 {
            let minused = if self.used > 50_000 { self.used * 2 } else { self.used * 4 };
            self.resize(minused);
        }
    }

    /// Turn the active slot `i` into a dummy.
    pub fn remove_at(&mut self, i: usize) -> Value {
        let key = match self.table[i] {
            Entry::Active { key, .. } => key,
            _ => Value::Undef,
        };
        self.table[i] = Entry::Dummy;
        self.used -= 1;
        key
    }

    /// Rebuild with the smallest power-of-two size above `minused`,
    /// dropping dummies, reinserting in old table order.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![Entry::Unused; newsize]);
        self.fill = self.used;
        let mask = newsize - 1;
        for e in old {
            if let Entry::Active { hash, key } = e {
                insert_clean(&mut self.table, mask, hash, key);
            }
        }
    }

    /// Insert a key known to be absent (no equality tests needed).
    pub fn insert_clean(&mut self, hash: i64, key: Value) {
        let mask = self.mask();
        insert_clean(&mut self.table, mask, hash, key);
        self.fill += 1;
        self.used += 1;
    }

    pub fn clear(&mut self) {
        *self = PySet::new();
    }

    /// `pop()`: the first active entry from the finger on.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        loop {
            if let Entry::Active { .. } = self.table[i] {
                break;
            }
            i = (i + 1) & mask;
        }
        let key = self.remove_at(i);
        self.finger = i + 1;
        Some(key)
    }

    /// The table of `self` copied into an empty set as CPython's
    /// `set_merge` does into a fresh set (used by `set(s)`, `s.copy()`,
    /// `{*s}` and the frozenset-constant form of set displays).
    pub fn merge_into_empty(target: &mut PySet, other: &PySet) {
        if other.used == 0 {
            return;
        }
        if (target.fill + other.used) * 5 >= target.mask() * 3 {
            target.resize((target.used + other.used) * 2);
        }
        if target.fill == 0 && target.mask() == other.mask() && other.fill == other.used {
            target.table.clone_from(&other.table);
            target.fill = other.fill;
            target.used = other.used;
            return;
        }
        if target.fill == 0 {
            let mask = target.mask();
            target.fill = other.used;
            target.used = other.used;
            for e in &other.table {
                if let Entry::Active { hash, key } = *e {
                    insert_clean(&mut target.table, mask, hash, key);
                }
            }
        }
    }
}

fn insert_clean(table: &mut [Entry], mask: usize, hash: i64, key: Value) {
    let mut perturb = hash as u64;
    let mut i = (hash as u64 as usize) & mask;
    loop {
        if let Entry::Unused = table[i] {
            table[i] = Entry::Active { hash, key };
            return;
        }
        if i + LINEAR_PROBES <= mask {
            for j in 1..=LINEAR_PROBES {
                if let Entry::Unused = table[i + j] {
                    table[i + j] = Entry::Active { hash, key };
                    return;
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb as usize)) & mask;
    }
}
