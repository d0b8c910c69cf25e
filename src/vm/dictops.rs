//! Dict operations with Python semantics: hashing through `__hash__`,
//! equality through `__eq__` only when it cannot be decided natively, and
//! the `str`-keyed fast paths used for namespaces and attribute dicts.

use crate::runtime::dict::PyDict;
use crate::runtime::iter::ViewKind;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The last dict probe decided without Python code (`Vm::dict_probe`):
/// in dict state `version` (a `keys_version`), `key` was at `index`
/// (`ABSENT`: not there), with hash `hash`.
///
/// `d[k] += 1`, `if k in d: d[k] += 1 else: d[k] = 1` and
/// `d[k] = d.get(k, 0) + 1` probe the same dict for the same key object two
/// or three times in a row. Keys that `native_key_hash` accepts (str, int,
/// tuples of those) have a hash and an equality that are pure functions of
/// their immutable contents and run no Python code, so a second probe
/// for the identical key in the same key state must give the same answer:
/// it is answered from here, skipping the hash and the compares. A
/// `keys_version` changes with every key added, removed or moved and is
/// never reused (a copied dict shares its version only while its keys are
/// the same, at the same indices), so the version alone names the key
/// state, whichever dict holds it. Identity of `key` uses the full `ObjRef`
/// (slot and generation), so a freed and reused slot never matches.
#[derive(Clone, Copy)]
pub struct DictProbe {
    version: u64,
    key: Value,
    hash: i64,
    index: usize,
}

const ABSENT: usize = usize::MAX;

impl DictProbe {
    /// Matches no probe (no lookup is made with an `Undef` key).
    pub const EMPTY: DictProbe = DictProbe { version: 0, key: Value::Undef, hash: 0, index: ABSENT };
}

impl Vm {
    #[inline]
    pub fn dict(&self, d: ObjRef) -> &PyDict {
        match self.heap.data(d) {
            ObjData::Dict(dict) => dict,
            _ => not_a_dict(),
        }
    }

    #[inline]
    pub fn dict_mut(&mut self, d: ObjRef) -> &mut PyDict {
        match self.heap.data_mut(d) {
            ObjData::Dict(dict) => dict,
            _ => not_a_dict(),
        }
    }

    /// Whether dict key `k` equals the str object `name` (identity, or
    /// same characters when both are exact strs).
    #[inline]
    pub fn str_key_eq(&self, k: Value, name: ObjRef) -> bool {
        match k {
            Value::Obj(kr) => {
                if kr == name {
                    return true;
                }
                match (self.heap.data(kr), self.heap.data(name)) {
                    (ObjData::Str(a), ObjData::Str(b)) => a.as_str() == b.as_str(),
                    _ => false,
                }
            }
            _ => false,
        }
    }

    /// Lookup by a `str` key (namespaces, instance dicts). Keys that would
    /// need a Python `__eq__` to compare with a str are treated as unequal.
    #[inline]
    pub fn dict_get_str(&self, d: ObjRef, name: ObjRef) -> Option<Value> {
        let h = self.str_hash(name);
        let dict = self.dict(d);
        dict.find(h, |k| self.str_key_eq(k, name)).map(|i| dict.value_at(i))
    }

    /// Index of the str key `name` in dict `d`, trying index `hint` first:
    /// dicts filled in the same order (the instances one `__init__`
    /// builds) keep a name at the same index, and a key there that *is*
    /// the interned `name` answers without hashing or probing.
    #[inline]
    pub fn dict_index_str_hinted(&self, d: ObjRef, name: ObjRef, hint: u32) -> Option<usize> {
        let dict = self.dict(d);
        if let Some((Value::Obj(k), _)) = dict.raw_entry_at(hint as usize) {
            if k == name {
                return Some(hint as usize);
            }
        }
        dict.find(self.str_hash(name), |k| self.str_key_eq(k, name))
    }

    pub fn dict_set_str(&mut self, d: ObjRef, name: ObjRef, value: Value) {
        let h = self.str_hash(name);
        let found = {
            let dict = self.dict(d);
            dict.find(h, |k| self.str_key_eq(k, name))
        };
        let dict = self.dict_mut(d);
        match found {
            Some(i) => dict.set_value_at(i, value),
            None => {
                dict.push_new(h, Value::Obj(name), value);
            }
        }
    }

    pub fn dict_del_str(&mut self, d: ObjRef, name: ObjRef) -> PyResult<bool> {
        let h = self.str_hash(name);
        let found = {
            let dict = self.dict(d);
            dict.find(h, |k| self.str_key_eq(k, name))
        };
        match found {
            Some(i) => {
                self.dict_mut(d).remove_at(i);
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// The hash of `key` when it needs no hashing protocol: an exact
    /// `str` (hash cached on the string) or a machine int.
    /// Also an exact tuple of such ints and strs (`d[(w1, w2)]`), hashed
    /// as `hash_value` would.
    #[inline]
    pub(crate) fn native_key_hash(&self, key: Value) -> Option<i64> {
        match key {
            Value::Int(i) => Some(crate::runtime::hash::hash_int(i)),
            Value::Obj(r) => {
                let o = self.heap.get(r);
                match &o.data {
                    ObjData::Str(s) if o.class == self.types.str => Some(s.hash()),
                    ObjData::Tuple(items) if o.class == self.types.tuple => {
                        let mut h = crate::runtime::hash::TupleHasher::new();
                        for &item in items.iter() {
                            h.add(self.flat_key_hash(item)?);
                        }
                        Some(h.finish(items.len()))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// `native_key_hash` for a tuple item: an int or an exact str.
    #[inline]
    fn flat_key_hash(&self, item: Value) -> Option<i64> {
        match item {
            Value::Int(i) => Some(crate::runtime::hash::hash_int(i)),
            Value::Obj(r) => {
                let o = self.heap.get(r);
                match &o.data {
                    ObjData::Str(s) if o.class == self.types.str => Some(s.hash()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// Find a key that `native_key_hash` accepts, deciding equality
    /// without Python code: `Err(())` when some candidate with the same
    /// hash would need `__eq__` (the caller takes the general path).
    #[inline]
    pub(crate) fn dict_find_native(&self, dict: &PyDict, h: i64, key: Value) -> Result<Option<usize>, ()> {
        let mut unsure = false;
        let found = dict.find(h, |k| {
            if k.is(key) {
                return true;
            }
            match self.native_key_eq(k, key) {
                Some(b) => b,
                None => {
                    unsure = true;
                    false
                }
            }
        });
        if found.is_none() && unsure {
            return Err(());
        }
        Ok(found)
    }

    /// `fast_eq(stored, key)` for the keys `native_key_hash` accepts, with
    /// their common cases (two exact strs, two exact tuples, item by item)
    /// straight-line: `fast_eq`'s general match cost ~90 Ir per str item
    /// of a tuple key. Anything else is `fast_eq`'s to decide.
    #[inline]
    fn native_key_eq(&self, stored: Value, key: Value) -> Option<bool> {
        let (Value::Obj(x), Value::Obj(y)) = (stored, key) else { return self.fast_eq(stored, key) };
        let (ox, oy) = (self.heap.get(x), self.heap.get(y));
        if ox.class != oy.class {
            return self.fast_eq(stored, key);
        }
        match (&ox.data, &oy.data) {
            (ObjData::Str(a), ObjData::Str(b)) if ox.class == self.types.str => Some(a.as_str() == b.as_str()),
            (ObjData::Tuple(p), ObjData::Tuple(q)) if ox.class == self.types.tuple => {
                if p.len() != q.len() {
                    return Some(false);
                }
                for (&u, &v) in p.iter().zip(q.iter()) {
                    let same = match (u, v) {
                        (Value::Obj(a), Value::Obj(b)) if a == b => continue,
                        (Value::Obj(a), Value::Obj(b)) => {
                            let (oa, ob) = (self.heap.get(a), self.heap.get(b));
                            match (&oa.data, &ob.data) {
                                (ObjData::Str(s), ObjData::Str(t)) if oa.class == self.types.str && ob.class == self.types.str => Some(s.as_str() == t.as_str()),
                                _ => self.fast_eq(u, v),
                            }
                        }
                        (Value::Int(a), Value::Int(b)) => Some(a == b),
                        _ => self.fast_eq(u, v),
                    };
                    match same {
                        Some(true) => {}
                        other => return other,
                    }
                }
                Some(true)
            }
            _ => self.fast_eq(stored, key),
        }
    }

    /// Find `key` in `dict` without Python code: (its hash, its entry
    /// index if present); None when that needs the hashing protocol or a
    /// Python `__eq__`. Answered from `dict_probe` when it is the same key
    /// in the same key state (see `DictProbe`), and remembered there.
    #[inline]
    pub(crate) fn dict_probe_native(&self, dict: &PyDict, key: Value) -> Option<(i64, Option<usize>)> {
        let last = self.dict_probe.get();
        let version = dict.keys_version();
        if last.version == version && last.key.is(key) {
            return Some((last.hash, (last.index != ABSENT).then_some(last.index)));
        }
        let h = self.native_key_hash(key)?;
        let found = self.dict_find_native(dict, h, key).ok()?;
        self.dict_probe.set(DictProbe { version, key, hash: h, index: found.unwrap_or(ABSENT) });
        Some((h, found))
    }

    /// Store `value` under `key` at the result of `dict_probe_native`
    /// (`found`): a new key is appended and remembered in `dict_probe`,
    /// so reading it back right away (`d[k] = v; d[k]`) probes nothing.
    #[inline]
    pub(crate) fn dict_store_probed(&mut self, d: ObjRef, h: i64, found: Option<usize>, key: Value, value: Value) {
        let dict = self.dict_mut(d);
        match found {
            Some(i) => dict.set_value_at(i, value),
            None => {
                let index = dict.push_new(h, key, value);
                let version = dict.keys_version();
                self.dict_probe.set(DictProbe { version, key, hash: h, index });
            }
        }
    }

    /// Find `key`: (its hash, its entry index if present).
    pub fn dict_lookup(&mut self, d: ObjRef, key: Value) -> PyResult<(i64, Option<usize>)> {
        if let Some(hit) = self.dict_probe_native(self.dict(d), key) {
            return Ok(hit);
        }
        let h = self.hash_value(key)?;
        let mut slow: Vec<Value> = Vec::new();
        let found = {
            let dict = self.dict(d);
            dict.find(h, |k| {
                if k.is(key) {
                    return true;
                }
                match self.fast_eq(k, key) {
                    Some(b) => b,
                    None => {
                        slow.push(k);
                        false
                    }
                }
            })
        };
        if found.is_some() {
            return Ok((h, found));
        }
        for cand in slow {
            if self.eq(cand, key)? {
                let i = self.dict(d).find_identical(h, cand);
                if i.is_some() {
                    return Ok((h, i));
                }
            }
        }
        Ok((h, None))
    }

    pub fn dict_get_item(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        // Fast path: str keys in an all-str dict need no hashing protocol.
        let (_, i) = self.dict_lookup(d, key)?;
        Ok(i.map(|i| self.dict(d).value_at(i)))
    }

    pub fn dict_set_item(&mut self, d: ObjRef, key: Value, value: Value) -> PyResult<()> {
        if let Some((h, found)) = self.dict_probe_native(self.dict(d), key) {
            self.dict_store_probed(d, h, found, key, value);
            return Ok(());
        }
        let (h, i) = self.dict_lookup(d, key)?;
        let dict = self.dict_mut(d);
        match i {
            Some(i) => dict.set_value_at(i, value),
            None => {
                dict.push_new(h, key, value);
            }
        }
        Ok(())
    }

    /// Remove `key`; returns its value if it was present.
    pub fn dict_del_item(&mut self, d: ObjRef, key: Value) -> PyResult<Option<Value>> {
        let (_, i) = self.dict_lookup(d, key)?;
        Ok(i.and_then(|i| self.dict_mut(d).remove_at(i)).map(|(_, v)| v))
    }

    /// `{**m}` in a display: update from a mapping.
    pub(crate) fn dict_update_display(&mut self, target: Value, m: Value) -> PyResult<()> {
        let t = target.as_obj().expect("dict display target");
        // `{**m}` takes mappings only (no iterables of pairs).
        let is_dict = matches!(m.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Dict(_)));
        if !is_dict {
            let keys_name = self.names.keys;
            if self.get_attr_opt(m, keys_name)?.is_none() {
                let tn = self.type_name(m);
                return Err(self.type_error(format!("'{}' object is not a mapping", tn)));
            }
        }
        self.dict_update_from(t, m)
    }

    /// `dict.update(m)` for a mapping or an iterable of pairs.
    pub fn dict_update_from(&mut self, t: ObjRef, m: Value) -> PyResult<()> {
        if let Value::Obj(r) = m {
            if let ObjData::Dict(src) = self.heap.data(r) {
                let items: Vec<(i64, Value, Value)> = src.iter_hashed().collect();
                for (h, k, v) in items {
                    self.dict_set_hashed(t, h, k, v)?;
                }
                return Ok(());
            }
        }
        let keys_name = self.names.keys;
        if let Some(keys_fn) = self.get_attr_opt(m, keys_name)? {
            let keys = self.call_value(keys_fn, &[], &[])?;
            let keys = self.collect_iterable(keys)?;
            self.temp_roots.extend_from_slice(&keys);
            let r = (|| {
                for k in keys.iter().copied() {
                    let v = self.get_item(m, k)?;
                    self.dict_set_item(t, k, v)?;
                }
                Ok(())
            })();
            let n = self.temp_roots.len() - keys.len();
            self.temp_roots.truncate(n);
            return r;
        }
        let items = match self.collect_iterable(m) {
            Ok(items) => items,
            Err(_) => {
                let tn = self.type_name(m);
                return Err(self.type_error(format!("'{}' object is not a mapping", tn)));
            }
        };
        for (n, item) in items.into_iter().enumerate() {
            let pair = self.collect_iterable(item).map_err(|_| n).ok();
            match pair {
                Some(p) if p.len() == 2 => self.dict_set_item(t, p[0], p[1])?,
                Some(p) => {
                    return Err(self.value_error(format!("dictionary update sequence element #{} has length {}; 2 is required", n, p.len())));
                }
                None => {
                    let tn = self.type_name(item);
                    return Err(self.type_error(format!("cannot convert dictionary update sequence element #{} to a sequence", n).replace("a sequence", &format!("a sequence ('{}')", tn)).replace(&format!(" ('{}')", tn), "")));
                }
            }
        }
        Ok(())
    }

    /// Insert with a precomputed hash (keys from another dict).
    fn dict_set_hashed(&mut self, d: ObjRef, h: i64, key: Value, value: Value) -> PyResult<()> {
        let mut slow = Vec::new();
        let found = {
            let dict = self.dict(d);
            dict.find(h, |k| {
                if k.is(key) {
                    return true;
                }
                match self.fast_eq(k, key) {
                    Some(b) => b,
                    None => {
                        slow.push(k);
                        false
                    }
                }
            })
        };
        let mut idx = found;
        if idx.is_none() {
            for cand in slow {
                if self.eq(cand, key)? {
                    idx = self.dict(d).find_identical(h, cand);
                    break;
                }
            }
        }
        let dict = self.dict_mut(d);
        match idx {
            Some(i) => dict.set_value_at(i, value),
            None => {
                dict.push_new(h, key, value);
            }
        }
        Ok(())
    }

    /// `f(**m)`: merge keyword arguments, rejecting duplicates.
    pub(crate) fn dict_merge_kwargs(&mut self, target: Value, m: Value, callee: Value) -> PyResult<()> {
        let t = target.as_obj().expect("kwargs dict");
        let tmp = self.new_dict_ref();
        if let Err(e) = self.dict_update_from(tmp, m) {
            let te = self.exc.type_error;
            if self.isinstance_exc(e.value(), te) {
                let fname = self.callable_name(callee);
                let tn = self.type_name(m);
                return Err(self.type_error(format!("{} argument after ** must be a mapping, not {}", fname, tn)));
            }
            return Err(e);
        }
        let items: Vec<(Value, Value)> = self.dict(tmp).iter().collect();
        for (k, v) in items {
            if self.str_of(k).is_none() {
                return Err(self.type_error("keywords must be strings"));
            }
            if self.dict_get_item(t, k)?.is_some() {
                let fname = self.callable_name(callee);
                let ks = self.str_of(k).unwrap_or("").to_string();
                return Err(self.type_error(format!("{} got multiple values for keyword argument '{}'", fname, ks)));
            }
            self.dict_set_item(t, k, v)?;
        }
        Ok(())
    }

    /// `f()` style name of a callable for error messages.
    /// How CPython names a callable in call-protocol errors: its
    /// qualified name and `()`, prefixed by the module unless that is
    /// `builtins` (`__main__.f()`, `print()`, `__main__.C.m()`).
    pub fn callable_name(&self, f: Value) -> String {
        match f.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Function(func)) => {
                let q = self.str_of(func.qualname).unwrap_or("?");
                match self.str_of(func.module) {
                    Some(m) if m != "builtins" => format!("{}.{}()", m, q),
                    _ => format!("{}()", q),
                }
            }
            Some(ObjData::Native(n)) => format!("{}()", n.name),
            Some(ObjData::Type(t)) if !t.builtin => {
                let module = self.dict_get_str(t.dict, self.names.__module__);
                match module.and_then(|m| self.str_of(m)) {
                    Some(m) if m != "builtins" => format!("{}.{}()", m, t.qualname),
                    _ => format!("{}()", t.qualname),
                }
            }
            Some(ObjData::Type(t)) => format!("{}()", t.name),
            Some(ObjData::BoundMethod(b)) => self.callable_name(b.1),
            _ => format!("{} object", self.type_name(f)),
        }
    }

    pub(crate) fn dict_view_contains(&mut self, d: ObjRef, kind: ViewKind, item: Value) -> PyResult<bool> {
        match kind {
            ViewKind::Keys => Ok(self.dict_lookup(d, item)?.1.is_some()),
            ViewKind::Values => {
                let vals = self.dict(d).values();
                for v in vals {
                    if self.eq_container(v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            ViewKind::Items => {
                let pair = match item.as_obj().map(|r| self.heap.data(r)) {
                    Some(ObjData::Tuple(t)) if t.len() == 2 => (t[0], t[1]),
                    _ => return Ok(false),
                };
                match self.dict_get_item(d, pair.0)? {
                    Some(v) => self.eq_container(v, pair.1),
                    None => Ok(false),
                }
            }
        }
    }

    /// `MatchMapping` support: `{**rest}` without the matched keys.
    pub(crate) fn copy_dict_without_keys(&mut self, m: Value, keys: Value) -> PyResult<Value> {
        let out = self.new_dict();
        let o = out.as_obj().expect("dict");
        self.dict_update_from(o, m)?;
        let keys = self.collect_iterable(keys)?;
        for k in keys {
            self.dict_del_item(o, k)?;
        }
        Ok(out)
    }
}

#[cold]
fn not_a_dict() -> ! {
    panic!("internal error: expected a dict object")
}
