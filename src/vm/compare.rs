//! Comparisons: `==`/`!=`/`<`... with CPython's rich-comparison protocol
//! (reflected operands, subclass priority, `NotImplemented`), the fast
//! paths for numbers and strings, `is`-shortcuts for containers, hashing,
//! and `in`.

use std::cmp::Ordering;

use crate::ast::CmpOp;
use crate::runtime::hash::{hash_bigint, hash_float, hash_int, TupleHasher};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// Compare numbers and strings without touching the VM's state.
/// Always inlined into the dispatch loop (see `ops::fast_binop`).
#[inline(always)]
pub fn fast_compare(a: Value, b: Value, op: CmpOp) -> Option<bool> {
    let ord = match (a, b) {
        (Value::Int(x), Value::Int(y)) => x.cmp(&y),
        (Value::Float(x), Value::Float(y)) => return Some(cmp_floats(x, y, op)),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => return Some(cmp_floats(x as f64, y, op)),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => return Some(cmp_floats(x, y as f64, op)),
        _ => return None,
    };
    Some(ord_matches(ord, op))
}

#[inline(always)]
fn cmp_floats(x: f64, y: f64, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        CmpOp::Lt => x < y,
        CmpOp::LtE => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::GtE => x >= y,
        _ => false,
    }
}

#[inline(always)]
pub fn ord_matches(ord: Ordering, op: CmpOp) -> bool {
    match op {
        CmpOp::Eq => ord == Ordering::Equal,
        CmpOp::NotEq => ord != Ordering::Equal,
        CmpOp::Lt => ord == Ordering::Less,
        CmpOp::LtE => ord != Ordering::Greater,
        CmpOp::Gt => ord == Ordering::Greater,
        CmpOp::GtE => ord != Ordering::Less,
        _ => false,
    }
}

pub fn op_symbol(op: CmpOp) -> &'static str {
    match op {
        CmpOp::Eq => "==",
        CmpOp::NotEq => "!=",
        CmpOp::Lt => "<",
        CmpOp::LtE => "<=",
        CmpOp::Gt => ">",
        CmpOp::GtE => ">=",
        CmpOp::Is => "is",
        CmpOp::IsNot => "is not",
        CmpOp::In => "in",
        CmpOp::NotIn => "not in",
    }
}

fn swapped(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::LtE => CmpOp::GtE,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::GtE => CmpOp::LtE,
        other => other,
    }
}

impl Vm {
    fn cmp_dunder(&self, op: CmpOp) -> ObjRef {
        match op {
            CmpOp::Eq => self.names.__eq__,
            CmpOp::NotEq => self.names.__ne__,
            CmpOp::Lt => self.names.__lt__,
            CmpOp::LtE => self.names.__le__,
            CmpOp::Gt => self.names.__gt__,
            CmpOp::GtE => self.names.__ge__,
            _ => self.names.__eq__,
        }
    }

    /// Equality decidable without running Python code (`None` when a
    /// user-defined `__eq__` may be involved).
    pub fn fast_eq(&self, a: Value, b: Value) -> Option<bool> {
        match (a, b) {
            (Value::Int(x), Value::Int(y)) => Some(x == y),
            (Value::Bool(x), Value::Bool(y)) => Some(x == y),
            (Value::Int(x), Value::Bool(y)) | (Value::Bool(y), Value::Int(x)) => Some(x == y as i64),
            (Value::Float(x), Value::Float(y)) => Some(x == y),
            (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => Some(int_float_eq(x, y)),
            (Value::Bool(x), Value::Float(y)) | (Value::Float(y), Value::Bool(x)) => Some(x as i64 as f64 == y),
            (Value::None, Value::None) => Some(true),
            (Value::None, Value::Obj(r)) | (Value::Obj(r), Value::None) => self.builtin_obj(r).then_some(false),
            (Value::Obj(x), Value::Obj(y)) => {
                // Identity decides only for built-in types: a user `__eq__`
                // runs even for `a == a`.
                if x == y && self.builtin_obj(x) {
                    return Some(true);
                }
                let ox = self.heap.get(x);
                let oy = self.heap.get(y);
                match (&ox.data, &oy.data) {
                    (ObjData::Str(s1), ObjData::Str(s2)) if ox.class == self.types.str && oy.class == self.types.str => Some(s1.as_str() == s2.as_str()),
                    (ObjData::BigInt(p), ObjData::BigInt(q)) if ox.class == self.types.int && oy.class == self.types.int => Some(p == q),
                    (ObjData::Bytes(p), ObjData::Bytes(q)) => Some(p == q),
                    (ObjData::Tuple(p), ObjData::Tuple(q)) if ox.class == self.types.tuple && oy.class == self.types.tuple => {
                        if p.len() != q.len() {
                            return Some(false);
                        }
                        for (u, v) in p.iter().zip(q.iter()) {
                            if u.is(*v) {
                                continue;
                            }
                            match self.fast_eq(*u, *v) {
                                Some(true) => {}
                                other => return other,
                            }
                        }
                        Some(true)
                    }
                    _ => {
                        // Different payloads of built-in types are unequal,
                        // except the kinds that compare across payloads
                        // (bytes == bytearray, dict views == sets, ranges of
                        // either representation).
                        let cross = |d: &ObjData| matches!(d, ObjData::Bytes(_) | ObjData::ByteArray(_) | ObjData::DictView(..) | ObjData::Set(_) | ObjData::Range(_) | ObjData::Native2(_));
                        if self.builtin_obj(x) && self.builtin_obj(y) && std::mem::discriminant(&ox.data) != std::mem::discriminant(&oy.data) && !(cross(&ox.data) && cross(&oy.data)) {
                            Some(false)
                        } else {
                            None
                        }
                    }
                }
            }
            (Value::Obj(r), _) | (_, Value::Obj(r)) => {
                // A built-in object against an immediate: equal only for
                // numbers (big ints never equal small ones).
                let o = self.heap.get(r);
                match &o.data {
                    ObjData::Str(_) | ObjData::Tuple(_) | ObjData::List(_) | ObjData::Dict(_) | ObjData::Bytes(_) | ObjData::Set(_) if self.builtin_obj(r) => Some(false),
                    ObjData::BigInt(_) if o.class == self.types.int => match (a, b) {
                        (Value::Float(_), _) | (_, Value::Float(_)) => None,
                        _ => Some(false),
                    },
                    _ => None,
                }
            }
            _ => Some(false),
        }
    }

    /// Whether an object's class is a built-in (no user `__eq__` possible).
    fn builtin_obj(&self, r: ObjRef) -> bool {
        let c = self.heap.class_of_obj(r);
        matches!(self.heap.data(c), ObjData::Type(t) if t.builtin)
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if let Some(r) = self.fast_eq(a, b) {
            return Ok(r);
        }
        let v = self.rich_compare(a, b, CmpOp::Eq)?;
        self.truthy(v)
    }

    /// Equality as used by containers (`in`, `index`, `count`, dict
    /// lookups): identity first.
    pub fn eq_container(&mut self, a: Value, b: Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.eq(a, b)
    }

    /// `CompareOp` slow path.
    pub fn compare_op(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        if matches!(op, CmpOp::Eq | CmpOp::NotEq) {
            if let Some(r) = self.fast_eq(a, b) {
                return Ok(Value::Bool(r == (op == CmpOp::Eq)));
            }
            // Sequences compare equal item by item, never ordering them.
            if let Some(r) = self.builtin_seq_eq(a, b)? {
                return Ok(Value::Bool(r == (op == CmpOp::Eq)));
            }
        }
        if let Some(ord) = self.builtin_order(a, b)? {
            return Ok(Value::Bool(ord_matches(ord, op)));
        }
        self.rich_compare(a, b, op)
    }

    /// Ordering of built-in values of the same kind (numbers, str, bytes,
    /// tuples and lists lexicographically). `None` if not applicable.
    fn builtin_order(&mut self, a: Value, b: Value) -> PyResult<Option<Ordering>> {
        if let (Some(x), Some(y)) = (self.as_number(a), self.as_number(b)) {
            return Ok(crate::vm::ops::compare_numbers(&x, &y));
        }
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else { return Ok(None) };
        if !self.builtin_obj(x) || !self.builtin_obj(y) {
            return Ok(None);
        }
        match (self.heap.data(x), self.heap.data(y)) {
            (ObjData::Str(s1), ObjData::Str(s2)) => Ok(Some(s1.as_str().cmp(s2.as_str()))),
            (ObjData::Bytes(p), ObjData::Bytes(q)) => Ok(Some(p.cmp(q))),
            (ObjData::Tuple(_), ObjData::Tuple(_)) | (ObjData::List(_), ObjData::List(_)) => self.seq_order(x, y).map(Some),
            _ => Ok(None),
        }
    }

    /// Item `i` of two lists/tuples, read afresh on every step (an item's
    /// `__eq__` may resize a list, as in CPython), or their lengths once
    /// one runs out. Reading by index avoids copying both sequences into
    /// `Vec`s per comparison (two mallocs per `sorted()` key compare).
    #[inline]
    fn seq_pair_at(&self, x: ObjRef, y: ObjRef, i: usize) -> Result<(Value, Value), (usize, usize)> {
        fn items(d: &ObjData) -> &[Value] {
            match d {
                ObjData::Tuple(t) => t,
                ObjData::List(l) => l,
                _ => &[],
            }
        }
        let (p, q) = (items(self.heap.data(x)), items(self.heap.data(y)));
        match (p.get(i), q.get(i)) {
            (Some(&u), Some(&v)) => Ok((u, v)),
            _ => Err((p.len(), q.len())),
        }
    }

    /// `==` of two built-in lists or two built-in tuples.
    fn builtin_seq_eq(&mut self, a: Value, b: Value) -> PyResult<Option<bool>> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else { return Ok(None) };
        if !self.builtin_obj(x) || !self.builtin_obj(y) {
            return Ok(None);
        }
        let (lp, lq) = match (self.heap.data(x), self.heap.data(y)) {
            (ObjData::Tuple(p), ObjData::Tuple(q)) => (p.len(), q.len()),
            (ObjData::List(p), ObjData::List(q)) => (p.len(), q.len()),
            _ => return Ok(None),
        };
        if lp != lq {
            return Ok(Some(false));
        }
        let mut i = 0;
        loop {
            let (u, v) = match self.seq_pair_at(x, y, i) {
                Ok(pair) => pair,
                Err((lp, lq)) => return Ok(Some(lp == lq)),
            };
            i += 1;
            if !self.eq_container(u, v)? {
                return Ok(Some(false));
            }
        }
    }

    /// Lexicographic ordering of two lists or two tuples: the first
    /// unequal pair decides.
    /// The order of two exact `str` objects (None for anything else).
    #[inline]
    fn exact_str_order(&self, a: Value, b: Value) -> Option<Ordering> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else { return None };
        let (ox, oy) = (self.heap.get(x), self.heap.get(y));
        match (&ox.data, &oy.data) {
            (ObjData::Str(s1), ObjData::Str(s2)) if ox.class == self.types.str && oy.class == self.types.str => Some(s1.as_str().cmp(s2.as_str())),
            _ => None,
        }
    }

    /// `a < b` for two exact strs, two exact tuples or two exact lists
    /// without the rich-comparison protocol (`sorted`'s key compares);
    /// None: not such a pair.
    pub(crate) fn exact_builtin_lt(&mut self, a: Value, b: Value) -> Option<PyResult<bool>> {
        let (Value::Obj(x), Value::Obj(y)) = (a, b) else { return None };
        let (ox, oy) = (self.heap.get(x), self.heap.get(y));
        if ox.class != oy.class {
            return None;
        }
        match (&ox.data, &oy.data) {
            (ObjData::Str(s1), ObjData::Str(s2)) if ox.class == self.types.str => return Some(Ok(s1.as_str() < s2.as_str())),
            // Tuples never change, so a prefix of machine ints can be
            // decided straight from the two slices (`sorted(key=lambda v:
            // (v % 1000, v))`); anything else from the start by `seq_order`.
            (ObjData::Tuple(p), ObjData::Tuple(q)) if ox.class == self.types.tuple => {
                let n = p.len().min(q.len());
                let mut k = 0;
                while k < n {
                    match (p[k], q[k]) {
                        (Value::Int(i), Value::Int(j)) if i == j => k += 1,
                        (Value::Int(i), Value::Int(j)) => return Some(Ok(i < j)),
                        _ => break,
                    }
                }
                if k == n {
                    return Some(Ok(p.len() < q.len()));
                }
            }
            (ObjData::List(_), ObjData::List(_)) if ox.class == self.types.list => {}
            _ => return None,
        }
        Some(self.seq_order(x, y).map(|o| o == Ordering::Less))
    }

    fn seq_order(&mut self, x: ObjRef, y: ObjRef) -> PyResult<Ordering> {
        let mut i = 0;
        loop {
            let (u, v) = match self.seq_pair_at(x, y, i) {
                Ok(pair) => pair,
                Err((lp, lq)) => return Ok(lp.cmp(&lq)),
            };
            i += 1;
            if u.is(v) {
                continue;
            }
            // Exact strs: no VM call (tuple keys of words in `sorted`).
            if let Some(ord) = self.exact_str_order(u, v) {
                if ord == Ordering::Equal {
                    continue;
                }
                return Ok(ord);
            }
            // Numbers: no VM call (tuple keys of ints in `sorted`).
            if let Some(eq) = fast_compare(u, v, CmpOp::Eq) {
                if eq {
                    continue;
                }
                if let Some(lt) = fast_compare(u, v, CmpOp::Lt) {
                    return Ok(if lt { Ordering::Less } else { Ordering::Greater });
                }
            }
            if self.eq_container(u, v)? {
                continue;
            }
            let lt = self.compare_op(u, v, CmpOp::Lt)?;
            if self.truthy(lt)? {
                return Ok(Ordering::Less);
            }
            return Ok(Ordering::Greater);
        }
    }

    /// The rich-comparison protocol with reflection.
    pub fn rich_compare(&mut self, a: Value, b: Value, op: CmpOp) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let name = self.cmp_dunder(op);
        let rname = self.cmp_dunder(swapped(op));
        let reflected_first = ta != tb && self.is_subtype(tb, ta) && self.overrides(tb, rname);
        if reflected_first {
            if let Some(r) = self.try_cmp(b, a, rname)? {
                return Ok(r);
            }
        }
        if let Some(r) = self.try_cmp(a, b, name)? {
            return Ok(r);
        }
        if !reflected_first {
            if let Some(r) = self.try_cmp(b, a, rname)? {
                return Ok(r);
            }
        }
        match op {
            CmpOp::Eq => Ok(Value::Bool(a.is(b))),
            CmpOp::NotEq => Ok(Value::Bool(!a.is(b))),
            _ => {
                let (na, nb) = (self.type_name(a), self.type_name(b));
                Err(self.type_error(format!("'{}' not supported between instances of '{}' and '{}'", op_symbol(op), na, nb)))
            }
        }
    }

    fn overrides(&mut self, cls: ObjRef, name: ObjRef) -> bool {
        match self.lookup_type(cls, name) {
            Some(v) => !matches!(v.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Native(n)) if n.owner == Some("object")),
            None => false,
        }
    }

    /// Call `a.<name>(b)`; `None` if missing or NotImplemented.
    fn try_cmp(&mut self, a: Value, b: Value, name: ObjRef) -> PyResult<Option<Value>> {
        let Some(m) = self.lookup_special(a, name) else { return Ok(None) };
        let r = self.call_value(m, &[a, b], &[])?;
        if r.is(self.not_implemented) {
            Ok(None)
        } else {
            Ok(Some(r))
        }
    }

    /// `hash(v)`.
    /// The hash of the `n` items of tuple `r`, read by index (a tuple
    /// never changes, so no copy is needed while `__hash__`s run).
    fn hash_tuple_items(&mut self, r: ObjRef, n: usize) -> PyResult<i64> {
        let mut h = TupleHasher::new();
        for i in 0..n {
            let item = match self.heap.data(r) {
                ObjData::Tuple(items) => items.get(i).copied().unwrap_or(Value::None),
                _ => Value::None,
            };
            h.add(self.hash_value(item)?);
        }
        Ok(h.finish(n))
    }

    pub fn hash_value(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(hash_int(i)),
            Value::Bool(b) => Ok(b as i64),
            Value::Float(f) => Ok(hash_float(f).unwrap_or(0x1234_5678)),
            Value::None => Ok(0x0fce_1d70),
            Value::Undef => Ok(0),
            Value::Obj(r) => {
                // Exact str and tuple first: dict and set keys.
                let o = self.heap.get(r);
                if o.class == self.types.str {
                    if let ObjData::Str(s) = &o.data {
                        return Ok(s.hash());
                    }
                } else if o.class == self.types.tuple {
                    if let ObjData::Tuple(items) = &o.data {
                        let n = items.len();
                        return self.hash_tuple_items(r, n);
                    }
                }
                // Most other keys: instances whose `__hash__` is object's.
                let cls = o.class;
                if self.type_hooks(cls) & crate::runtime::class::IDENTITY_HASH != 0 {
                    return Ok(self.identity_hash(r));
                }
                // Subclasses of str/int/tuple/bytes hash like their base
                // unless they define their own `__hash__`.
                let hn = self.names.__hash__;
                let builtin = self.builtin_class(r) || (matches!(self.heap.data(r), ObjData::Str(_) | ObjData::BigInt(_) | ObjData::Tuple(_)) && self.subclass_override(v, hn).is_none() && self.lookup_special(v, hn).map(|m| !m.is_none()).unwrap_or(false));
                let o = self.heap.get(r);
                match &o.data {
                    ObjData::Str(s) if builtin => return Ok(s.hash()),
                    ObjData::BigInt(b) if builtin => return Ok(hash_bigint(b)),
                    ObjData::Tuple(items) if builtin => {
                        let n = items.len();
                        return self.hash_tuple_items(r, n);
                    }
                    ObjData::Bytes(b) => return Ok(crate::runtime::str::str_hash(b) as i64 & ((1 << 62) - 1)),
                    _ => {}
                }
                let hname = self.names.__hash__;
                match self.lookup_special(v, hname) {
                    Some(Value::None) | None => {
                        let tn = self.type_name(v);
                        Err(self.type_error(format!("unhashable type: '{}'", tn)))
                    }
                    Some(m) => {
                        if let Some(ObjData::Native(n)) = m.as_obj().map(|x| self.heap.data(x)) {
                            if n.owner == Some("object") {
                                return Ok(self.identity_hash(r));
                            }
                        }
                        let h = self.call_value(m, &[v], &[])?;
                        match h {
                            // An int that fits is the hash itself (CPython: `PyLong_AsSsize_t`).
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::Obj(hr) => match self.heap.data(hr) {
                                ObjData::BigInt(b) => Ok(hash_bigint(b)),
                                _ => Err(self.type_error("__hash__ method should return an integer")),
                            },
                            _ => Err(self.type_error("__hash__ method should return an integer")),
                        }
                    }
                }
            }
        }
    }

    /// Hash of a `str` object (callers know it is one).
    #[inline]
    pub fn str_hash(&self, r: ObjRef) -> i64 {
        match self.heap.data(r) {
            ObjData::Str(s) => s.hash(),
            _ => 0,
        }
    }

    /// Identity-based hash, as `object.__hash__`.
    pub fn identity_hash(&self, r: ObjRef) -> i64 {
        let id = self.id_of(r);
        (id >> 4) as i64
    }

    /// A stable unique number for an object (`id()`), shaped like an
    /// address.
    pub fn id_of(&self, r: ObjRef) -> u64 {
        use slotmap::Key;
        // Unique among live objects: the slot index.
        let idx = r.data().as_ffi() & 0xffff_ffff;
        0x7f00_0000_0000 + (idx << 4)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: Value, item: Value) -> PyResult<bool> {
        if let Some(found) = self.exact_dict_contains(container, item) {
            return Ok(found);
        }
        let cn = self.names.__contains__;
        if let Some(m) = self.subclass_override(container, cn) {
            let r = self.call_value(m, &[container, item], &[])?;
            return self.truthy(r);
        }
        if let Value::Obj(r) = container {
            match self.heap.data(r) {
                ObjData::List(items) => {
                    let n = items.len();
                    for i in 0..n {
                        let x = match self.heap.data(r) {
                            ObjData::List(items) => match items.get(i) {
                                Some(x) => *x,
                                None => break,
                            },
                            _ => break,
                        };
                        if self.eq_container(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                ObjData::Tuple(items) => {
                    let items = items.to_vec();
                    for x in items {
                        if self.eq_container(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                ObjData::Str(s) if self.heap.class_of_obj(r) == self.types.str => {
                    let hay = s.as_str().to_string();
                    return match self.str_of(item) {
                        Some(needle) => Ok(hay.contains(needle)),
                        None => {
                            let tn = self.type_name(item);
                            Err(self.type_error(format!("'in <string>' requires string as left operand, not {}", tn)))
                        }
                    };
                }
                ObjData::Dict(_) => return Ok(self.dict_lookup(r, item)?.1.is_some()),
                ObjData::Set(_) => return self.set_contains(r, item),
                ObjData::DictView(d, kind) => {
                    let (d, kind) = (*d, *kind);
                    return self.dict_view_contains(d, kind, item);
                }
                ObjData::Range(rg) => {
                    let (start, stop, step) = (rg.start, rg.stop, rg.step);
                    if let Value::Int(i) = item {
                        let inr = if step > 0 { i >= start && i < stop } else { i <= start && i > stop };
                        return Ok(inr && (i - start) % step == 0);
                    }
                }
                _ => {}
            }
        }
        let cname = self.names.__contains__;
        if let Some(m) = self.lookup_special(container, cname) {
            let r = self.call_value(m, &[container, item], &[])?;
            return self.truthy(r);
        }
        // Fall back to iteration.
        let it = match self.get_iter(container) {
            Ok(it) => it,
            Err(_) => {
                let tn = self.type_name(container);
                return Err(self.type_error(format!("argument of type '{}' is not iterable", tn)));
            }
        };
        self.temp_roots.push(it);
        let r = (|| {
            while let Some(x) = self.iter_next(it)? {
                if self.eq_container(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        })();
        self.temp_roots.pop();
        r
    }
}

fn int_float_eq(x: i64, y: f64) -> bool {
    if y.fract() != 0.0 || !y.is_finite() {
        return false;
    }
    if y.abs() < 9.2e18 {
        y as i64 == x
    } else {
        false
    }
}
