//! The iteration protocol: `iter()` for every built-in iterable, one step
//! of every built-in iterator, generators driven natively, `__iter__` /
//! `__next__` / `__getitem__` for user classes, and the helpers native
//! code uses to consume iterables (keeping partial results rooted).

use crate::runtime::iter::{IterState, ViewKind};
use crate::runtime::object::{range_len, ObjData};
use crate::runtime::set::Entry;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    fn new_iter(&mut self, cls: ObjRef, state: IterState) -> Value {
        self.alloc(cls, ObjData::Iter(Box::new(state)))
    }

    /// `iter(v)`.
    pub fn get_iter(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            let builtin = self.heap.class_of_obj(r);
            let is_builtin = matches!(self.heap.data(builtin), ObjData::Type(t) if t.builtin);
            let state = match self.heap.data(r) {
                ObjData::List(_) if is_builtin => Some((self.types.list_iterator, IterState::Seq { seq: r, index: 0 })),
                ObjData::Tuple(_) if is_builtin => Some((self.types.tuple_iterator, IterState::Seq { seq: r, index: 0 })),
                ObjData::Str(_) if is_builtin => Some((self.types.str_iterator, IterState::Str { s: r, pos: 0 })),
                ObjData::Bytes(_) | ObjData::ByteArray(_) => Some((self.types.bytes_iterator, IterState::Bytes { b: r, index: 0 })),
                ObjData::Range(rg) => {
                    let n = range_len(rg.start, rg.stop, rg.step);
                    Some((self.types.range_iterator, IterState::Range { next: rg.start, step: rg.step, remaining: n }))
                }
                ObjData::Dict(d) if is_builtin => Some((self.types.dict_keyiterator, IterState::Dict { dict: r, index: 0, len: d.len(), kind: ViewKind::Keys, reversed: false })),
                ObjData::Set(s) if is_builtin => Some((self.types.set_iterator, IterState::Set { set: r, slot: 0, used: s.used })),
                ObjData::DictView(d, kind) => {
                    let (d, kind) = (*d, *kind);
                    let len = self.dict(d).len();
                    let cls = match kind {
                        ViewKind::Keys => self.types.dict_keyiterator,
                        ViewKind::Values => self.types.dict_valueiterator,
                        ViewKind::Items => self.types.dict_itemiterator,
                    };
                    Some((cls, IterState::Dict { dict: d, index: 0, len, kind, reversed: false }))
                }
                ObjData::Iter(_) => return Ok(v),
                ObjData::Generator(g) if g.kind == crate::runtime::generator::GenKind::Generator => return Ok(v),
                _ => None,
            };
            if let Some((cls, st)) = state {
                return Ok(self.new_iter(cls, st));
            }
        }
        let iter_name = self.names.__iter__;
        if let Some(m) = self.lookup_special(v, iter_name) {
            if m.is_none() {
                let tn = self.type_name(v);
                return Err(self.type_error(format!("'{}' object is not iterable", tn)));
            }
            let it = self.call_value(m, &[v], &[])?;
            let next = self.names.__next__;
            if self.lookup_special(it, next).is_none() && !self.is_native_iterator(it) {
                let tn = self.type_name(it);
                return Err(self.type_error(format!("iter() returned non-iterator of type '{}'", tn)));
            }
            return Ok(it);
        }
        let gi = self.names.__getitem__;
        if self.lookup_special(v, gi).is_some() && !matches!(v.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Dict(_) | ObjData::Type(_))) {
            let cls = self.types.seq_iterator;
            return Ok(self.new_iter(cls, IterState::GetItem { obj: v, index: 0 }));
        }
        let tn = self.type_name(v);
        Err(self.type_error(format!("'{}' object is not iterable", tn)))
    }

    fn is_native_iterator(&self, v: Value) -> bool {
        matches!(v.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Iter(_) | ObjData::Generator(_)))
    }

    /// One step of any iterator: `Some(item)` or `None` when exhausted.
    pub fn iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let Value::Obj(r) = it else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{}' object is not an iterator", tn)));
        };
        match self.heap.data(r) {
            ObjData::Iter(_) => self.builtin_iter_next(r),
            ObjData::Generator(g) if g.kind == crate::runtime::generator::GenKind::Generator => self.gen_next_native(r),
            _ => self.dunder_iter_next(it),
        }
    }

    /// `iter_next` for anything with a `__next__` method. Out of line so
    /// the generator and built-in paths above keep a small prologue.
    #[inline(never)]
    fn dunder_iter_next(&mut self, it: Value) -> PyResult<Option<Value>> {
        let n = self.names.__next__;
        let Some(m) = self.lookup_special(it, n) else {
            let tn = self.type_name(it);
            return Err(self.type_error(format!("'{}' object is not an iterator", tn)));
        };
        match self.call_value(m, &[it], &[]) {
            Ok(v) => Ok(Some(v)),
            Err(e) => {
                let si = self.exc.stop_iteration;
                if self.isinstance_exc(e.value(), si) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    fn set_iter_state(&mut self, r: ObjRef, st: IterState) {
        if let ObjData::Iter(s) = self.heap.data_mut(r) {
            **s = st;
        }
    }

    fn builtin_iter_next(&mut self, r: ObjRef) -> PyResult<Option<Value>> {
        let ObjData::Iter(state) = self.heap.data_mut(r) else { unreachable!() };
        match &mut **state {
            IterState::Seq { seq, index } => {
                let (seq, i) = (*seq, *index);
                let item = match self.heap.data(seq) {
                    ObjData::List(items) => items.get(i).copied(),
                    ObjData::Tuple(items) => items.get(i).copied(),
                    _ => None,
                };
                match item {
                    Some(v) => {
                        if let ObjData::Iter(s) = self.heap.data_mut(r) {
                            if let IterState::Seq { index, .. } = &mut **s {
                                *index += 1;
                            }
                        }
                        Ok(Some(v))
                    }
                    None => {
                        self.set_iter_state(r, IterState::Done);
                        Ok(None)
                    }
                }
            }
            IterState::SeqReversed { seq, index } => {
                let (seq, i) = (*seq, *index);
                if i < 0 {
                    self.set_iter_state(r, IterState::Done);
                    return Ok(None);
                }
                let item = match self.heap.data(seq) {
                    ObjData::List(items) => items.get(i as usize).copied(),
                    ObjData::Tuple(items) => items.get(i as usize).copied(),
                    _ => None,
                };
                if let ObjData::Iter(s) = self.heap.data_mut(r) {
                    if let IterState::SeqReversed { index, .. } = &mut **s {
                        *index -= 1;
                    }
                }
                match item {
                    Some(v) => Ok(Some(v)),
                    None => {
                        self.set_iter_state(r, IterState::Done);
                        Ok(None)
                    }
                }
            }
            IterState::Range { next, step, remaining } => {
                if *remaining <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *remaining -= 1;
                *next = next.wrapping_add(*step);
                Ok(Some(Value::Int(v)))
            }
            IterState::Str { s, pos } => {
                let (s, p) = (*s, *pos);
                let ch = match self.heap.data(s) {
                    ObjData::Str(st) => st.as_str()[p..].chars().next(),
                    _ => None,
                };
                match ch {
                    Some(c) => {
                        if let ObjData::Iter(st) = self.heap.data_mut(r) {
                            if let IterState::Str { pos, .. } = &mut **st {
                                *pos += c.len_utf8();
                            }
                        }
                        Ok(Some(self.char_value(c)))
                    }
                    None => Ok(None),
                }
            }
            IterState::Bytes { b, index } => {
                let (b, i) = (*b, *index);
                let byte = match self.heap.data(b) {
                    ObjData::Bytes(bs) => bs.get(i).copied(),
                    ObjData::ByteArray(bs) => bs.get(i).copied(),
                    _ => None,
                };
                if byte.is_some() {
                    if let ObjData::Iter(st) = self.heap.data_mut(r) {
                        if let IterState::Bytes { index, .. } = &mut **st {
                            *index += 1;
                        }
                    }
                }
                Ok(byte.map(|x| Value::Int(x as i64)))
            }
            IterState::Dict { dict, index, len, kind, reversed } => {
                let (d, i, len0, kind, rev) = (*dict, *index, *len, *kind, *reversed);
                let cur_len = self.dict(d).len();
                if cur_len != len0 {
                    self.set_iter_state(r, IterState::Done);
                    return Err(self.runtime_error("dictionary changed size during iteration"));
                }
                // `index` counts positions, holes left by deletions
                // included, from the start (or the end when reversed).
                let dict = self.dict(d);
                let raw = dict.raw_len();
                let mut next = i;
                let found = loop {
                    if next >= raw {
                        break None;
                    }
                    let idx = if rev { raw - 1 - next } else { next };
                    next += 1;
                    if let Some(kv) = dict.get_index(idx) {
                        break Some(kv);
                    }
                };
                if let ObjData::Iter(st) = self.heap.data_mut(r) {
                    if let IterState::Dict { index, .. } = &mut **st {
                        *index = next;
                    }
                }
                let Some((k, v)) = found else { return Ok(None) };
                Ok(Some(match kind {
                    ViewKind::Keys => k,
                    ViewKind::Values => v,
                    ViewKind::Items => self.new_tuple(vec![k, v]),
                }))
            }
            IterState::Set { set, slot, used } => {
                let (s, mut i, used0) = (*set, *slot, *used);
                let cur = self.set_ref(s);
                if cur.used != used0 {
                    self.set_iter_state(r, IterState::Done);
                    return Err(self.runtime_error("Set changed size during iteration"));
                }
                let mut found = None;
                while i < cur.table.len() {
                    if let Entry::Active { key, .. } = cur.table[i] {
                        found = Some(key);
                        i += 1;
                        break;
                    }
                    i += 1;
                }
                if let ObjData::Iter(st) = self.heap.data_mut(r) {
                    if let IterState::Set { slot, .. } = &mut **st {
                        *slot = i;
                    }
                }
                Ok(found)
            }
            IterState::Enumerate { iter, count } => {
                let (iter, count) = (*iter, *count);
                match self.iter_next(iter)? {
                    Some(v) => {
                        let next = crate::vm::ops::fast_binop(count, Value::Int(1), crate::ast::BinOp::Add);
                        let next = match next {
                            Some(n) => n,
                            None => self.binary_op(count, Value::Int(1), crate::ast::BinOp::Add)?,
                        };
                        if let ObjData::Iter(st) = self.heap.data_mut(r) {
                            if let IterState::Enumerate { count, .. } = &mut **st {
                                *count = next;
                            }
                        }
                        Ok(Some(self.new_tuple(vec![count, v])))
                    }
                    None => Ok(None),
                }
            }
            IterState::Zip { iters, strict } => {
                let (iters, strict) = (iters.clone(), *strict);
                if iters.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(iters.len());
                for (k, it) in iters.iter().enumerate() {
                    match self.iter_next(*it)? {
                        Some(v) => items.push(v),
                        None => {
                            self.set_iter_state(r, IterState::Done);
                            if strict {
                                if k > 0 {
                                    let plural = if k == 1 { "" } else { "s" };
                                    return Err(self.value_error(format!("zip() argument {} is shorter than argument{} 1{}", k + 1, plural, if k == 1 { String::new() } else { format!("-{}", k) })));
                                }
                                for (j, other) in iters.iter().enumerate().skip(1) {
                                    if self.iter_next(*other)?.is_some() {
                                        let plural = if j == 1 { "" } else { "s" };
                                        return Err(self.value_error(format!("zip() argument {} is longer than argument{} 1{}", j + 1, plural, if j == 1 { String::new() } else { format!("-{}", j) })));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                Ok(Some(self.new_tuple(items)))
            }
            IterState::Map { func, iters } => {
                let (func, iters) = (*func, iters.clone());
                let mut args = Vec::with_capacity(iters.len());
                for it in iters {
                    match self.iter_next(it)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                self.call_value(func, &args, &[]).map(Some)
            }
            IterState::Filter { func, iter, keep_true } => {
                let (func, iter, keep) = (*func, *iter, *keep_true);
                loop {
                    let Some(v) = self.iter_next(iter)? else { return Ok(None) };
                    let t = if func.is_none() {
                        self.truthy(v)?
                    } else {
                        let r = self.call_value(func, &[v], &[])?;
                        self.truthy(r)?
                    };
                    if t == keep {
                        return Ok(Some(v));
                    }
                }
            }
            IterState::GetItem { obj, index } => {
                let (obj, i) = (*obj, *index);
                match self.get_item(obj, Value::Int(i)) {
                    Ok(v) => {
                        if let ObjData::Iter(st) = self.heap.data_mut(r) {
                            if let IterState::GetItem { index, .. } = &mut **st {
                                *index += 1;
                            }
                        }
                        Ok(Some(v))
                    }
                    Err(e) => {
                        let (ie, si) = (self.exc.index_error, self.exc.stop_iteration);
                        if self.isinstance_exc(e.value(), ie) || self.isinstance_exc(e.value(), si) {
                            self.set_iter_state(r, IterState::Done);
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                }
            }
            IterState::Callable { func, sentinel } => {
                let (func, sentinel) = (*func, *sentinel);
                // StopIteration from the callable ends the iteration too.
                let v = match self.call_value(func, &[], &[]) {
                    Ok(v) => v,
                    Err(e) if self.isinstance_exc(e.value(), self.exc.stop_iteration) => {
                        self.set_iter_state(r, IterState::Done);
                        return Ok(None);
                    }
                    Err(e) => return Err(e),
                };
                // CPython compares `sentinel == value`, sentinel on the left.
                if self.eq(sentinel, v)? {
                    self.set_iter_state(r, IterState::Done);
                    Ok(None)
                } else {
                    Ok(Some(v))
                }
            }
            IterState::Done => Ok(None),
        }
    }

    /// A one-character str (ASCII ones are cached as interned strings).
    pub fn char_value(&mut self, c: char) -> Value {
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        if c.is_ascii() {
            Value::Obj(self.intern(s))
        } else {
            self.new_str(s)
        }
    }

    /// All items of an iterable. Partial results stay rooted (in a list
    /// on `temp_roots`) while Python code runs.
    pub fn collect_iterable(&mut self, v: Value) -> PyResult<Vec<Value>> {
        if let Value::Obj(r) = v {
            // The payload's own items only for the exact built-in types: a
            // subclass may override `__iter__`.
            let cls = self.heap.class_of_obj(r);
            let t = &self.types;
            match self.heap.data(r) {
                ObjData::List(items) if cls == t.list => return Ok(items.clone()),
                ObjData::Tuple(items) if cls == t.tuple => return Ok(items.to_vec()),
                ObjData::Set(s) if cls == t.set || cls == t.frozenset => return Ok(s.keys()),
                ObjData::Dict(d) if cls == t.dict => return Ok(d.keys()),
                ObjData::Str(s) if cls == t.str => {
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(chars.into_iter().map(|c| self.char_value(c)).collect());
                }
                ObjData::Range(rg) => {
                    let (start, step, n) = (rg.start, rg.step, rg.len());
                    if n > 100_000_000 {
                        return Err(self.memory_error());
                    }
                    return Ok((0..n).map(|i| Value::Int(start + i * step)).collect());
                }
                // `list(range(10**19))`: its length does not fit (OverflowError
                // as in CPython) or would exhaust memory; never iterate it.
                ObjData::Native2(_) => crate::builtins::range::check_materialize(self, v)?,
                _ => {}
            }
        }
        let it = self.get_iter(v)?;
        let acc = self.new_list(Vec::new());
        self.temp_roots.push(it);
        self.temp_roots.push(acc);
        let r = self.drain_into_list(it, acc);
        self.temp_roots.pop();
        self.temp_roots.pop();
        r?;
        match self.heap.data_mut(acc.as_obj().expect("list")) {
            ObjData::List(items) => Ok(std::mem::take(items)),
            _ => Ok(Vec::new()),
        }
    }

    fn drain_into_list(&mut self, it: Value, list: Value) -> PyResult<()> {
        let lr = list.as_obj().expect("list");
        if let Some(g) = self.plain_generator(it) {
            return self.gen_append_all(g, list);
        }
        while let Some(x) = self.iter_next(it)? {
            if let ObjData::List(items) = self.heap.data_mut(lr) {
                items.push(x);
            }
        }
        Ok(())
    }

    /// `list.extend(iterable)` / `[*it]`.
    pub fn list_extend(&mut self, list: Value, it: Value) -> PyResult<()> {
        let lr = list.as_obj().expect("list");
        if let Value::Obj(r) = it {
            // Exact lists and tuples only: a subclass may override `__iter__`.
            let cls = self.heap.class_of_obj(r);
            let items = match self.heap.data(r) {
                ObjData::List(items) if cls == self.types.list => Some(items.clone()),
                ObjData::Tuple(items) if cls == self.types.tuple => Some(items.to_vec()),
                _ => None,
            };
            if let Some(items) = items {
                if let ObjData::List(dst) = self.heap.data_mut(lr) {
                    dst.extend_from_slice(&items);
                }
                return Ok(());
            }
        }
        let iter = match self.get_iter(it) {
            Ok(i) => i,
            Err(e) => {
                let te = self.exc.type_error;
                // Only "not iterable at all" is reworded; an error raised by
                // a real `__iter__` goes through unchanged.
                let (iter_name, getitem_name) = (self.names.__iter__, self.names.__getitem__);
                let iterable = self.lookup_special(it, iter_name).is_some() || self.lookup_special(it, getitem_name).is_some();
                if self.isinstance_exc(e.value(), te) && !iterable {
                    let tn = self.type_name(it);
                    return Err(self.type_error(format!("Value after * must be an iterable, not {}", tn)));
                }
                return Err(e);
            }
        };
        self.temp_roots.push(iter);
        let r = self.drain_into_list(iter, list);
        self.temp_roots.pop();
        r
    }

    /// `UnpackSequence`: push the `n` items, first on top.
    pub(crate) fn unpack_sequence(&mut self, seq: Value, n: usize) -> PyResult<()> {
        if let Value::Obj(r) = seq {
            let cls = self.heap.class_of_obj(r);
            let items = match self.heap.data(r) {
                ObjData::Tuple(t) if t.len() == n && cls == self.types.tuple => Some(t.to_vec()),
                ObjData::List(l) if l.len() == n && cls == self.types.list => Some(l.clone()),
                _ => None,
            };
            if let Some(items) = items {
                self.stack.extend(items.into_iter().rev());
                return Ok(());
            }
        }
        let items = self.unpack_items(seq)?;
        if items.len() < n {
            return Err(self.value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
        }
        if items.len() > n {
            return Err(self.value_error(format!("too many values to unpack (expected {})", n)));
        }
        self.stack.extend(items.into_iter().rev());
        Ok(())
    }

    fn unpack_items(&mut self, seq: Value) -> PyResult<Vec<Value>> {
        match self.get_iter(seq) {
            Ok(_) => self.collect_iterable(seq),
            Err(e) => {
                let te = self.exc.type_error;
                if self.isinstance_exc(e.value(), te) {
                    let tn = self.type_name(seq);
                    return Err(self.type_error(format!("cannot unpack non-iterable {} object", tn)));
                }
                Err(e)
            }
        }
    }

    /// `UnpackEx`: `a, *b, c = seq`.
    pub(crate) fn unpack_ex(&mut self, seq: Value, before: usize, after: usize) -> PyResult<()> {
        let items = self.unpack_items(seq)?;
        if items.len() < before + after {
            return Err(self.value_error(format!("not enough values to unpack (expected at least {}, got {})", before + after, items.len())));
        }
        let mid_end = items.len() - after;
        for &v in items[mid_end..].iter().rev() {
            self.stack.push(v);
        }
        let mid = self.new_list(items[before..mid_end].to_vec());
        self.stack.push(mid);
        for &v in items[..before].iter().rev() {
            self.stack.push(v);
        }
        Ok(())
    }
}
