//! Conversions and protocols every built-in relies on: truth value,
//! `repr()`/`str()`, `len()`, subscripting (indexes and slices), name
//! lookup instructions (globals with inline caches, class-body names,
//! closures), and the REPL's expression echo.

use num_traits::ToPrimitive;

use crate::bytecode::{CodeObject, GlobalCache};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const INT_MAX_STR_DIGITS: usize = 4300;

impl Vm {
    /// `bool(v)`.
    pub fn truthy(&mut self, v: Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(b),
            Value::None | Value::Undef => Ok(false),
            Value::Int(i) => Ok(i != 0),
            Value::Float(f) => Ok(f != 0.0),
            Value::Obj(r) => {
                let cls = self.heap.class_of_obj(r);
                let builtin = matches!(self.heap.data(cls), ObjData::Type(t) if t.builtin);
                if let ObjData::Native2(n) = self.heap.data(r) {
                    if let Some(len) = n.native_len(cls) {
                        return Ok(len != 0);
                    }
                }
                if builtin {
                    match self.heap.data(r) {
                        ObjData::Str(s) => return Ok(!s.as_str().is_empty()),
                        ObjData::List(l) => return Ok(!l.is_empty()),
                        ObjData::Tuple(t) => return Ok(!t.is_empty()),
                        ObjData::Dict(d) => return Ok(!d.is_empty()),
                        ObjData::Set(s) => return Ok(!s.is_empty()),
                        ObjData::Bytes(b) => return Ok(!b.is_empty()),
                        ObjData::ByteArray(b) => return Ok(!b.is_empty()),
                        ObjData::BigInt(_) => return Ok(true),
                        ObjData::Complex(c) => return Ok(c.0 != 0.0 || c.1 != 0.0),
                        ObjData::Range(rg) => return Ok(rg.len() != 0),
                        ObjData::DictView(d, _) => return Ok(!self.dict(*d).is_empty()),
                        _ => {}
                    }
                }
                // No `__bool__`/`__len__` anywhere in the MRO: true.
                if self.type_hooks(cls) & crate::runtime::class::HOOK_TRUTH == 0 {
                    return Ok(true);
                }
                let b = self.names.__bool__;
                if let Some(m) = self.lookup_type(cls, b) {
                    let r = self.call_value(m, &[v], &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b),
                        _ => {
                            let tn = self.type_name(r);
                            Err(self.type_error(format!("__bool__ should return bool, returned {}", tn)))
                        }
                    };
                }
                let l = self.names.__len__;
                if self.lookup_type(cls, l).is_some() {
                    return Ok(self.len_of(v)? != 0);
                }
                Ok(true)
            }
        }
    }

    /// `len(v)`.
    pub fn len_of(&mut self, v: Value) -> PyResult<usize> {
        let ln = self.names.__len__;
        if self.subclass_override(v, ln).is_some() {
            return self.len_via_dunder(v);
        }
        if let Value::Obj(r) = v {
            match self.heap.data(r) {
                ObjData::Str(s) => return Ok(s.char_len()),
                ObjData::List(l) => return Ok(l.len()),
                ObjData::Tuple(t) => return Ok(t.len()),
                ObjData::Dict(d) if self.builtin_class(r) => return Ok(d.len()),
                ObjData::Set(s) if self.builtin_class(r) => return Ok(s.len()),
                ObjData::Bytes(b) => return Ok(b.len()),
                ObjData::ByteArray(b) => return Ok(b.len()),
                ObjData::Range(rg) => return Ok(rg.len() as usize),
                ObjData::DictView(d, _) => return Ok(self.dict(*d).len()),
                ObjData::Native2(n) => {
                    if let Some(len) = n.native_len(self.heap.class_of_obj(r)) {
                        return Ok(len);
                    }
                }
                _ => {}
            }
        }
        self.len_via_dunder(v)
    }

    /// `len()` through a `__len__` method, with CPython's checks.
    fn len_via_dunder(&mut self, v: Value) -> PyResult<usize> {
        let l = self.names.__len__;
        match self.lookup_special(v, l) {
            Some(m) => {
                let r = self.call_value(m, &[v], &[])?;
                match r {
                    Value::Int(i) if i >= 0 => Ok(i as usize),
                    Value::Bool(b) => Ok(b as usize),
                    Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                    Value::Obj(o) if matches!(self.heap.data(o), ObjData::BigInt(_)) => {
                        Err(self.overflow_error("cannot fit 'int' into an index-sized integer"))
                    }
                    _ => {
                        let tn = self.type_name(r);
                        Err(self.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
                    }
                }
            }
            None => {
                let tn = self.type_name(v);
                Err(self.type_error(format!("object of type '{}' has no len()", tn)))
            }
        }
    }

    /// A plain `dict` (not a subclass, not another mapping).
    #[inline]
    pub fn is_exact_dict(&self, r: ObjRef) -> bool {
        self.heap.class_of_obj(r) == self.types.dict
    }

    /// Whether an object's class is a built-in type (not a subclass).
    pub fn builtin_class(&self, r: ObjRef) -> bool {
        let c = self.heap.class_of_obj(r);
        matches!(self.heap.data(c), ObjData::Type(t) if t.builtin)
    }

    /// `repr(v)` as a Rust string.
    pub fn to_repr_string(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::None => Ok("None".into()),
            Value::Undef => Ok("<NULL>".into()),
            Value::Bool(true) => Ok("True".into()),
            Value::Bool(false) => Ok("False".into()),
            Value::Int(i) => Ok(i.to_string()),
            Value::Float(f) => Ok(crate::builtins::float::float_repr(f)),
            Value::Obj(r) => {
                if self.builtin_class(r) {
                    if let Some(s) = crate::builtins::repr::builtin_repr(self, r)? {
                        return Ok(s);
                    }
                }
                let rn = self.names.__repr__;
                let cls = self.heap.class_of_obj(r);
                match self.lookup_type(cls, rn) {
                    Some(m) if !self.is_object_slot(m, "__repr__") => {
                        let s = self.call_value(m, &[v], &[])?;
                        match self.str_of(s) {
                            Some(s) => Ok(s.to_string()),
                            None => {
                                let tn = self.type_name(s);
                                Err(self.type_error(format!("__repr__ returned non-string (type {})", tn)))
                            }
                        }
                    }
                    _ => match crate::builtins::repr::builtin_repr(self, r)? {
                        Some(s) => Ok(s),
                        None => Ok(self.default_repr(r)),
                    },
                }
            }
        }
    }

    /// `<module.Class object at 0x...>`.
    pub fn default_repr(&mut self, r: ObjRef) -> String {
        let cls = self.heap.class_of_obj(r);
        let name = self.class_full_name(cls);
        format!("<{} object at {:#x}>", name, self.id_of(r))
    }

    /// `module.Qualname` of a class (`builtins` omitted).
    pub fn class_full_name(&mut self, cls: ObjRef) -> String {
        let (qual, dict) = match self.heap.data(cls) {
            ObjData::Type(t) => (t.qualname.clone(), t.dict),
            _ => return "?".into(),
        };
        let mname = self.names.__module__;
        let module = self.dict_get_str(dict, mname).and_then(|m| self.str_of(m).map(|s| s.to_string()));
        match module.as_deref() {
            None | Some("builtins") => qual,
            Some(m) => format!("{}.{}", m, qual),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn to_str_string(&mut self, v: Value) -> PyResult<String> {
        if let Value::Obj(r) = v {
            if let ObjData::Str(s) = self.heap.data(r) {
                if self.builtin_class(r) {
                    return Ok(s.as_str().to_string());
                }
            }
            let sn = self.names.__str__;
            let cls = self.heap.class_of_obj(r);
            if let Some(m) = self.lookup_type(cls, sn) {
                if !self.is_object_slot(m, "__str__") {
                    let s = self.call_value(m, &[v], &[])?;
                    return match self.str_of(s) {
                        Some(s) => Ok(s.to_string()),
                        None => {
                            let tn = self.type_name(s);
                            Err(self.type_error(format!("__str__ returned non-string (type {})", tn)))
                        }
                    };
                }
            }
        }
        self.to_repr_string(v)
    }

    /// `str(v)` as a str object (no copy for exact strs).
    pub fn to_str_value(&mut self, v: Value) -> PyResult<Value> {
        if let Value::Obj(r) = v {
            if let ObjData::Str(_) = self.heap.data(r) {
                if self.builtin_class(r) {
                    return Ok(v);
                }
            }
        }
        let s = self.to_str_string(v)?;
        Ok(self.new_str(s))
    }

    pub fn new_bytes(&mut self, b: Vec<u8>) -> Value {
        let cls = self.types.bytes;
        self.alloc(cls, ObjData::Bytes(b.into_boxed_slice()))
    }

    pub fn new_slice(&mut self, start: Value, stop: Value, step: Value) -> Value {
        let cls = self.types.slice;
        self.alloc(cls, ObjData::Slice(Box::new([start, stop, step])))
    }

    /// Resolve a sequence index (negative counts from the end).
    fn seq_index(&mut self, key: Value, len: usize, what: &str) -> PyResult<Option<usize>> {
        let i = match key {
            Value::Int(i) => i,
            Value::Bool(b) => b as i64,
            _ => {
                let i = self.index_value(key)?;
                let _ = what;
                i
            }
        };
        let i = if i < 0 { i + len as i64 } else { i };
        if i < 0 || i >= len as i64 {
            Ok(None)
        } else {
            Ok(Some(i as usize))
        }
    }

    /// `slice.indices(len)`: (start, stop, step, slicelength).
    pub fn slice_indices(&mut self, s: ObjRef, len: usize) -> PyResult<(i64, i64, i64, usize)> {
        let [start, stop, step] = match self.heap.data(s) {
            ObjData::Slice(parts) => **parts,
            _ => [Value::None; 3],
        };
        let step = if step.is_none() { 1 } else { self.slice_int(step)? };
        if step == 0 {
            return Err(self.value_error("slice step cannot be zero"));
        }
        let start = if start.is_none() { None } else { Some(self.slice_int(start)?) };
        let stop = if stop.is_none() { None } else { Some(self.slice_int(stop)?) };
        Ok(slice_range(start, stop, step, len))
    }

    fn slice_int(&mut self, v: Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(i),
            Value::Bool(b) => Ok(b as i64),
            Value::Obj(r) => {
                if let ObjData::BigInt(b) = self.heap.data(r) {
                    return Ok(if b.sign() == num_bigint::Sign::Minus { i64::MIN / 2 } else { i64::MAX / 2 });
                }
                let n = self.names.__index__;
                if self.lookup_special(v, n).is_some() {
                    return self.index_value(v);
                }
                Err(self.type_error("slice indices must be integers or None or have an __index__ method"))
            }
            _ => Err(self.type_error("slice indices must be integers or None or have an __index__ method")),
        }
    }

    fn is_slice(&self, v: Value) -> Option<ObjRef> {
        match v {
            Value::Obj(r) if matches!(self.heap.data(r), ObjData::Slice(_)) => Some(r),
            _ => None,
        }
    }

    /// `obj[key]`.
    pub fn get_item(&mut self, obj: Value, key: Value) -> PyResult<Value> {
        if let Some(v) = self.exact_dict_index(obj, key) {
            return Ok(v);
        }
        let gi = self.names.__getitem__;
        if let Some(m) = self.subclass_override(obj, gi) {
            return self.call_value(m, &[obj, key], &[]);
        }
        if let Value::Obj(r) = obj {
            let builtin = self.builtin_class(r);
            let index_like = matches!(key, Value::Int(_) | Value::Bool(_)) || (matches!(self.heap.data(r), ObjData::List(_) | ObjData::Tuple(_)) && self.is_index_like(key));
            match self.heap.data(r) {
                ObjData::List(items) => {
                    if let Value::Int(i) = key {
                        let len = items.len() as i64;
                        let j = if i < 0 { i + len } else { i };
                        if j >= 0 && j < len {
                            return Ok(items[j as usize]);
                        }
                        return Err(self.index_error("list index out of range"));
                    }
                    if let Some(s) = self.is_slice(key) {
                        let len = items.len();
                        let (start, _, step, n) = self.slice_indices(s, len)?;
                        let items = match self.heap.data(r) {
                            ObjData::List(items) => items,
                            _ => unreachable!(),
                        };
                        let out: Vec<Value> = (0..n).map(|k| items[(start + k as i64 * step) as usize]).collect();
                        return Ok(self.new_list(out));
                    }
                    if index_like {
                        let len = items.len();
                        return match self.seq_index(key, len, "list")? {
                            Some(i) => match self.heap.data(r) {
                                ObjData::List(items) => Ok(items[i]),
                                _ => unreachable!(),
                            },
                            None => Err(self.index_error("list index out of range")),
                        };
                    }
                    if builtin {
                        let tn = self.type_name(key);
                        return Err(self.type_error(format!("list indices must be integers or slices, not {}", tn)));
                    }
                }
                ObjData::Tuple(items) => {
                    if let Value::Int(i) = key {
                        let len = items.len() as i64;
                        let j = if i < 0 { i + len } else { i };
                        if j >= 0 && j < len {
                            return Ok(items[j as usize]);
                        }
                        return Err(self.index_error("tuple index out of range"));
                    }
                    if let Some(s) = self.is_slice(key) {
                        let len = items.len();
                        let (start, _, step, n) = self.slice_indices(s, len)?;
                        let items = match self.heap.data(r) {
                            ObjData::Tuple(items) => items,
                            _ => unreachable!(),
                        };
                        let out: Vec<Value> = (0..n).map(|k| items[(start + k as i64 * step) as usize]).collect();
                        return Ok(self.new_tuple(out));
                    }
                    if index_like {
                        let len = items.len();
                        return match self.seq_index(key, len, "tuple")? {
                            Some(i) => match self.heap.data(r) {
                                ObjData::Tuple(items) => Ok(items[i]),
                                _ => unreachable!(),
                            },
                            None => Err(self.index_error("tuple index out of range")),
                        };
                    }
                    if builtin {
                        let tn = self.type_name(key);
                        return Err(self.type_error(format!("tuple indices must be integers or slices, not {}", tn)));
                    }
                }
                ObjData::Str(_) if builtin => return crate::builtins::str::str_getitem(self, r, key),
                ObjData::Bytes(_) | ObjData::ByteArray(_) if builtin => return crate::builtins::bytes::bytes_getitem(self, r, key),
                ObjData::Dict(_) => {
                    if let Some(v) = self.dict_get_item(r, key)? {
                        return Ok(v);
                    }
                    if !builtin {
                        let m = self.names.__missing__;
                        if let Some(f) = self.lookup_special(obj, m) {
                            return self.call_value(f, &[obj, key], &[]);
                        }
                    }
                    return Err(self.key_error(key));
                }
                ObjData::Range(_) => return crate::builtins::range::range_getitem(self, r, key),
                ObjData::Type(_) => return crate::builtins::types::class_getitem(self, r, key),
                _ => {}
            }
        }
        let gi = self.names.__getitem__;
        match self.lookup_special(obj, gi) {
            Some(m) => self.call_value(m, &[obj, key], &[]),
            None => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{}' object is not subscriptable", tn)))
            }
        }
    }

    fn is_index_like(&mut self, v: Value) -> bool {
        match v {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(r) => {
                if matches!(self.heap.data(r), ObjData::BigInt(_)) {
                    return true;
                }
                let n = self.names.__index__;
                self.lookup_special(v, n).is_some()
            }
            _ => false,
        }
    }

    /// `obj[key] = value`.
    pub fn set_item(&mut self, obj: Value, key: Value, value: Value) -> PyResult<()> {
        if self.exact_dict_store(obj, key, value) {
            return Ok(());
        }
        let si = self.names.__setitem__;
        if let Some(m) = self.subclass_override(obj, si) {
            return self.call_value(m, &[obj, key, value], &[]).map(|_| ());
        }
        if let Value::Obj(r) = obj {
            let builtin = self.builtin_class(r);
            let index_like = matches!(self.heap.data(r), ObjData::List(_)) && self.is_index_like(key);
            let user_setitem = matches!(self.heap.data(r), ObjData::Dict(_)) && !builtin && self.has_user_method(obj, "__setitem__");
            match self.heap.data(r) {
                ObjData::List(items) => {
                    if let Some(s) = self.is_slice(key) {
                        return crate::builtins::list::list_set_slice(self, r, s, value);
                    }
                    if index_like || builtin {
                        let len = items.len();
                        if !index_like {
                            let tn = self.type_name(key);
                            return Err(self.type_error(format!("list indices must be integers or slices, not {}", tn)));
                        }
                        return match self.seq_index(key, len, "list")? {
                            Some(i) => {
                                if let ObjData::List(items) = self.heap.data_mut(r) {
                                    items[i] = value;
                                }
                                Ok(())
                            }
                            None => Err(self.index_error("list assignment index out of range")),
                        };
                    }
                }
                ObjData::Dict(_) if !user_setitem => return self.dict_set_item(r, key, value),
                ObjData::ByteArray(_) => return crate::builtins::bytes::bytearray_setitem(self, r, key, value),
                _ => {}
            }
        }
        let si = self.names.__setitem__;
        match self.lookup_special(obj, si) {
            Some(m) => {
                self.call_value(m, &[obj, key, value], &[])?;
                Ok(())
            }
            None => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{}' object does not support item assignment", tn)))
            }
        }
    }

    /// For an instance of a user subclass of a built-in container, the
    /// method `name` if the subclass overrides it (the payload fast paths
    /// must then step aside).
    #[inline]
    pub(crate) fn subclass_override(&mut self, obj: Value, name: ObjRef) -> Option<Value> {
        let Value::Obj(r) = obj else { return None };
        if !matches!(self.heap.data(r), ObjData::List(_) | ObjData::Tuple(_) | ObjData::Dict(_) | ObjData::Set(_) | ObjData::Str(_) | ObjData::Bytes(_)) || self.builtin_class(r) {
            return None;
        }
        match self.lookup_special(obj, name) {
            Some(m) if !matches!(m.as_obj().map(|x| self.heap.data(x)), Some(ObjData::Native(_))) => Some(m),
            _ => None,
        }
    }

    fn has_user_method(&mut self, obj: Value, name: &str) -> bool {
        let n = self.intern(name);
        match self.lookup_special(obj, n) {
            Some(m) => matches!(m.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Function(_))),
            None => false,
        }
    }

    /// `del obj[key]`.
    pub fn del_item(&mut self, obj: Value, key: Value) -> PyResult<()> {
        let di = self.names.__delitem__;
        if let Some(m) = self.subclass_override(obj, di) {
            return self.call_value(m, &[obj, key], &[]).map(|_| ());
        }
        if let Value::Obj(r) = obj {
            let builtin = self.builtin_class(r);
            let index_like = matches!(self.heap.data(r), ObjData::List(_)) && self.is_index_like(key);
            let user_delitem = matches!(self.heap.data(r), ObjData::Dict(_)) && !builtin && self.has_user_method(obj, "__delitem__");
            match self.heap.data(r) {
                ObjData::List(items) => {
                    if let Some(s) = self.is_slice(key) {
                        return crate::builtins::list::list_del_slice(self, r, s);
                    }
                    let len = items.len();
                    if index_like {
                        return match self.seq_index(key, len, "list")? {
                            Some(i) => {
                                if let ObjData::List(items) = self.heap.data_mut(r) {
                                    items.remove(i);
                                }
                                Ok(())
                            }
                            None => Err(self.index_error("list assignment index out of range")),
                        };
                    }
                    if builtin {
                        let tn = self.type_name(key);
                        return Err(self.type_error(format!("list indices must be integers or slices, not {}", tn)));
                    }
                }
                ObjData::Dict(_) if !user_delitem => {
                    return match self.dict_del_item(r, key)? {
                        Some(_) => Ok(()),
                        None => Err(self.key_error(key)),
                    };
                }
                _ => {}
            }
        }
        let di = self.names.__delitem__;
        match self.lookup_special(obj, di) {
            Some(m) => {
                self.call_value(m, &[obj, key], &[])?;
                Ok(())
            }
            None => {
                let tn = self.type_name(obj);
                Err(self.type_error(format!("'{}' object doesn't support item deletion", tn)))
            }
        }
    }

    // ---- names ----

    /// `LoadGlobal` with its inline cache.
    #[inline]
    pub(crate) fn load_global(&mut self, code: &CodeObject, i: usize, globals: ObjRef) -> PyResult<Value> {
        let cache = code.global_cache(i);
        let gver = self.dict(globals).keys_version();
        if cache.globals_version == gver {
            if !cache.in_builtins {
                return Ok(self.dict(globals).value_at(cache.index as usize));
            }
            let b = self.builtins;
            if cache.builtins_version == self.dict(b).keys_version() {
                return Ok(self.dict(b).value_at(cache.index as usize));
            }
        }
        self.load_global_slow(code, i, globals)
    }

    #[cold]
    fn load_global_slow(&mut self, code: &CodeObject, i: usize, globals: ObjRef) -> PyResult<Value> {
        let name = code.names[i];
        let h = self.str_hash(name);
        let gd = self.dict(globals);
        if let Some(idx) = gd.find(h, |k| self.str_key_eq(k, name)) {
            let v = gd.value_at(idx);
            code.set_global_cache(i, GlobalCache { globals_version: gd.keys_version(), builtins_version: 0, index: idx as u32, in_builtins: false });
            return Ok(v);
        }
        let gver = gd.keys_version();
        if let Some(cb) = self.custom_builtins(globals) {
            // `exec(src, {"__builtins__": {...}})`: uncached lookups there.
            if let Some(v) = self.dict_get_str(cb, name) {
                return Ok(v);
            }
            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
            return Err(self.name_error(&n));
        }
        let b = self.builtins;
        let bd = self.dict(b);
        if let Some(idx) = bd.find(h, |k| self.str_key_eq(k, name)) {
            let v = bd.value_at(idx);
            code.set_global_cache(i, GlobalCache { globals_version: gver, builtins_version: bd.keys_version(), index: idx as u32, in_builtins: true });
            return Ok(v);
        }
        let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
        Err(self.name_error(&n))
    }

    /// A globals dict whose `__builtins__` is a plain dict other than the
    /// real builtins namespace (as `exec`/`eval` callers may pass).
    fn custom_builtins(&self, globals: ObjRef) -> Option<ObjRef> {
        let bk = self.names.__builtins__;
        let r = self.dict_get_str(globals, bk)?.as_obj()?;
        (r != self.builtins && self.is_exact_dict(r)).then_some(r)
    }

    /// `LoadName`: class-body / exec namespace, then globals, builtins.
    pub(crate) fn load_name(&mut self, fi: usize, name: ObjRef) -> PyResult<Value> {
        let f = &self.frames[fi];
        let (locals, globals) = (f.locals, f.globals);
        if let Some(l) = locals {
            if self.is_exact_dict(l) {
                if let Some(v) = self.dict_get_str(l, name) {
                    return Ok(v);
                }
            } else {
                // Any other mapping (from `__prepare__` or `exec`): only a
                // KeyError means "not here".
                match self.get_item(Value::Obj(l), Value::Obj(name)) {
                    Ok(v) => return Ok(v),
                    Err(e) => {
                        let ke = self.exc.key_error;
                        if !self.isinstance_exc(e.value(), ke) {
                            return Err(e);
                        }
                    }
                }
            }
        }
        if let Some(v) = self.dict_get_str(globals, name) {
            return Ok(v);
        }
        let b = self.custom_builtins(globals).unwrap_or(self.builtins);
        if let Some(v) = self.dict_get_str(b, name) {
            return Ok(v);
        }
        let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
        Err(self.name_error(&n))
    }

    pub(crate) fn load_deref(&mut self, code: &CodeObject, base: usize, i: usize) -> PyResult<Value> {
        let cell = self.stack[base + i];
        let v = match cell.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Cell(v)) => *v,
            _ => Value::Undef,
        };
        if v.is_undef() {
            let nl = code.nlocals as usize;
            let nc = code.cellvars.len();
            if i < nl + nc {
                let name = code.cellvars[i - nl].clone();
                return Err(self.unbound_local(&name));
            }
            let name = code.freevars[i - nl - nc].clone();
            let c = self.exc.name_error;
            return Err(self.new_error(c, format!("cannot access free variable '{}' where it is not associated with a value in enclosing scope", name)));
        }
        Ok(v)
    }

    pub(crate) fn store_deref(&mut self, base: usize, i: usize, v: Value) {
        if let Value::Obj(c) = self.stack[base + i] {
            if let ObjData::Cell(slot) = self.heap.data_mut(c) {
                *slot = v;
            }
        }
    }

    /// REPL echo of an expression statement.
    pub(crate) fn print_expr(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let s = self.to_repr_string(v)?;
        self.out.write_stdout(&s);
        self.out.write_stdout("\n");
        let b = self.builtins;
        let u = self.intern("_");
        self.dict_set_str(b, u, v);
        Ok(())
    }

    /// An int's decimal string (with CPython's 4300-digit limit).
    pub fn int_to_decimal(&mut self, v: Value) -> PyResult<String> {
        match v {
            Value::Int(i) => Ok(i.to_string()),
            Value::Bool(b) => Ok((b as i64).to_string()),
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::BigInt(b) => {
                    let b = (**b).clone();
                    if b.bits() > 14_000 {
                        let s = b.to_string();
                        let digits = s.trim_start_matches('-').len();
                        if digits > INT_MAX_STR_DIGITS {
                            return Err(self.value_error(format!(
                                "Exceeds the limit ({}) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                                INT_MAX_STR_DIGITS
                            )));
                        }
                        return Ok(s);
                    }
                    Ok(b.to_string())
                }
                _ => Ok("?".into()),
            },
            _ => Ok("?".into()),
        }
    }

    /// An i64 from an int value (error message for the caller's context).
    pub fn int_value(&self, v: Value) -> Option<i64> {
        match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::BigInt(b) => b.to_i64(),
                _ => None,
            },
            _ => None,
        }
    }
}

/// `slice(start, stop, step).indices(len)` for machine-int bounds (None
/// = omitted) and a non-zero step: (start, stop, step, slicelength).
pub fn slice_range(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> (i64, i64, i64, usize) {
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: i64| -> i64 {
        if v < 0 {
            (v + len).max(lower)
        } else {
            v.min(upper)
        }
    };
    let start = match start {
        None => if step < 0 { upper } else { lower },
        Some(v) => clamp(v),
    };
    let stop = match stop {
        None => if step < 0 { lower } else { upper },
        Some(v) => clamp(v),
    };
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    (start, stop, step, n as usize)
}
