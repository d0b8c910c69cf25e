//! Set operations with Python semantics on top of the CPython-shaped
//! table in `runtime::set`: probing releases the borrow of the set
//! between comparisons, so a Python `__eq__` may run mid-probe.

use crate::runtime::object::ObjData;
use crate::runtime::set::{Entry, Probe, PySet};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// Outcome of probing for a key.
enum Found {
    /// Active at this slot.
    At(usize),
    /// Absent; this is where it would go (and whether it is a dummy).
    Free(usize, bool),
}

impl Vm {
    #[inline]
    pub fn set_ref(&self, s: ObjRef) -> &PySet {
        match self.heap.data(s) {
            ObjData::Set(set) => set,
            _ => panic!("internal error: expected a set object"),
        }
    }

    #[inline]
    pub fn set_mut(&mut self, s: ObjRef) -> &mut PySet {
        match self.heap.data_mut(s) {
            ObjData::Set(set) => set,
            _ => panic!("internal error: expected a set object"),
        }
    }

    pub fn new_set_value(&mut self) -> Value {
        let cls = self.types.set;
        self.alloc(cls, ObjData::Set(Box::default()))
    }

    pub fn new_frozenset_value(&mut self, set: PySet) -> Value {
        let cls = self.types.frozenset;
        self.alloc(cls, ObjData::Set(Box::new(set)))
    }

    fn set_probe(&mut self, s: ObjRef, hash: i64, key: Value) -> PyResult<Found> {
        'restart: loop {
            let mask = self.set_ref(s).mask();
            let mut probe = Probe::new(hash, mask);
            let mut freeslot: Option<usize> = None;
            loop {
                let i = probe.next_index();
                let entry = self.set_ref(s).table[i];
                match entry {
                    Entry::Unused => {
                        return Ok(match freeslot {
                            Some(f) => Found::Free(f, true),
                            None => Found::Free(i, false),
                        });
                    }
                    Entry::Dummy => {
                        if freeslot.is_none() {
                            freeslot = Some(i);
                        }
                    }
                    Entry::Active { hash: h, key: k } => {
                        if h != hash {
                            continue;
                        }
                        if k.is(key) {
                            return Ok(Found::At(i));
                        }
                        let eq = match self.fast_eq(k, key) {
                            Some(b) => b,
                            None => {
                                let r = self.eq(k, key)?;
                                // The comparison may have changed the set.
                                let still = matches!(self.set_ref(s).table.get(i), Some(Entry::Active { key: k2, .. }) if k2.is(k));
                                if !still || self.set_ref(s).mask() != mask {
                                    continue 'restart;
                                }
                                r
                            }
                        };
                        if eq {
                            return Ok(Found::At(i));
                        }
                    }
                }
            }
        }
    }

    /// `set.add(key)` on a set object value.
    pub fn set_add(&mut self, s: Value, key: Value) -> PyResult<()> {
        let r = s.as_obj().expect("set object");
        let h = self.hash_value(key)?;
        self.set_add_hashed(r, h, key)
    }

    pub fn set_add_hashed(&mut self, r: ObjRef, h: i64, key: Value) -> PyResult<()> {
        match self.set_probe(r, h, key)? {
            Found::At(_) => Ok(()),
            Found::Free(i, was_dummy) => {
                self.set_mut(r).store_at(i, h, key, was_dummy);
                Ok(())
            }
        }
    }

    pub fn set_contains(&mut self, r: ObjRef, key: Value) -> PyResult<bool> {
        let h = match self.hash_value(key) {
            Ok(h) => h,
            Err(e) => {
                // `[1] in {..}`: unhashable means not found only for set
                // subclass semantics; CPython raises TypeError.
                return Err(e);
            }
        };
        Ok(matches!(self.set_probe(r, h, key)?, Found::At(_)))
    }

    /// Remove `key`; true if it was present.
    pub fn set_discard(&mut self, r: ObjRef, key: Value) -> PyResult<bool> {
        let h = self.hash_value(key)?;
        match self.set_probe(r, h, key)? {
            Found::At(i) => {
                self.set_mut(r).remove_at(i);
                Ok(true)
            }
            Found::Free(..) => Ok(false),
        }
    }

    /// `s.update(iterable)` (and `{*it}` in displays), following CPython's
    /// paths: sets merge table-to-table, dicts pre-size, others add one by
    /// one.
    pub fn set_update(&mut self, s: Value, it: Value) -> PyResult<()> {
        let r = s.as_obj().expect("set object");
        if let Value::Obj(o) = it {
            match self.heap.data(o) {
                ObjData::Set(other) => {
                    if o == r {
                        return Ok(());
                    }
                    let other = (**other).clone();
                    return self.set_merge(r, &other);
                }
                ObjData::Dict(d) => {
                    let n = d.len();
                    let items: Vec<(i64, Value)> = d.iter_hashed().map(|(h, k, _)| (h, k)).collect();
                    let set = self.set_mut(r);
                    if (set.fill + n) * 5 >= set.mask() * 3 {
                        let minused = (set.used + n) * 2;
                        set.resize(minused);
                    }
                    for (h, k) in items {
                        self.set_add_hashed(r, h, k)?;
                    }
                    return Ok(());
                }
                _ => {}
            }
        }
        let iter = self.get_iter(it)?;
        self.temp_roots.push(iter);
        let res = (|| {
            while let Some(x) = self.iter_next(iter)? {
                self.set_add(s, x)?;
            }
            Ok(())
        })();
        self.temp_roots.pop();
        res
    }

    /// CPython's `set_merge`: add every key of `other` into set `r`.
    pub fn set_merge(&mut self, r: ObjRef, other: &PySet) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        let empty = self.set_ref(r).fill == 0;
        if empty {
            PySet::merge_into_empty(self.set_mut(r), other);
            return Ok(());
        }
        {
            let set = self.set_mut(r);
            if (set.fill + other.used) * 5 >= set.mask() * 3 {
                let minused = (set.used + other.used) * 2;
                set.resize(minused);
            }
        }
        for (h, k) in other.iter() {
            self.set_add_hashed(r, h, k)?;
        }
        Ok(())
    }

    /// Build a new set (or frozenset) of class `cls` from an iterable.
    pub fn set_from_iterable(&mut self, cls: ObjRef, it: Value) -> PyResult<Value> {
        let s = self.alloc(cls, ObjData::Set(Box::default()));
        self.temp_roots.push(s);
        let r = self.set_update(s, it);
        self.temp_roots.pop();
        r.map(|_| s)
    }

    /// Keys of a set in iteration order.
    pub fn set_keys(&self, r: ObjRef) -> Vec<Value> {
        self.set_ref(r).keys()
    }
}
