//! Attribute access: `type_of`, MRO lookup (with a cache), the descriptor
//! protocol (`__get__`/`__set__`, properties, methods, classmethods,
//! staticmethods), instance dicts, `__getattr__`/`__setattr__` hooks, and
//! `LoadMethod`'s allocation-free method lookup.

use crate::runtime::class::{Layout, HOOK_DELATTR, HOOK_GETATTR, HOOK_GETATTRIBUTE, HOOK_SETATTR, HOOK_TRUTH};
use crate::runtime::function::NativeKind;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

impl Vm {
    /// The class of any value.
    #[inline]
    pub fn type_of(&self, v: Value) -> ObjRef {
        match v {
            Value::Obj(r) => self.heap.class_of_obj(r),
            Value::Int(_) => self.types.int,
            Value::Float(_) => self.types.float,
            Value::Bool(_) => self.types.bool,
            Value::None => self.types.none_type,
            Value::Undef => self.types.none_type,
        }
    }

    /// Look `name` up along the MRO of `cls` (no descriptor binding).
    pub fn lookup_type(&mut self, cls: ObjRef, name: ObjRef) -> Option<Value> {
        let epoch = self.class_version(cls);
        if let Some(&(e, v)) = self.method_cache.get(&(cls, name)) {
            if e == epoch {
                return v;
            }
        }
        let v = self.lookup_type_uncached(cls, name);
        self.method_cache.insert((cls, name), (epoch, v));
        v
    }

    pub fn lookup_type_uncached(&self, cls: ObjRef, name: ObjRef) -> Option<Value> {
        let h = self.str_hash(name);
        let ObjData::Type(t) = self.heap.data(cls) else { return None };
        for &c in &t.mro {
            let ObjData::Type(ct) = self.heap.data(c) else { continue };
            if let ObjData::Dict(d) = self.heap.data(ct.dict) {
                if let Some(i) = d.find(h, |k| self.str_key_eq(k, name)) {
                    return Some(d.value_at(i));
                }
            }
        }
        None
    }

    /// The attribute-cache version of class `cls`: changes whenever the
    /// namespace of `cls` or of any class in its MRO changes. Versions come
    /// from one VM-wide counter, so a (class, version) pair never repeats.
    ///
    /// Read from `ext.class_versions`, indexed by the class's heap slot (no
    /// heap lookup of the class and its boxed `TypeObj` on every attribute
    /// cache hit). `bump_one_version` is the only writer of a class's
    /// version and keeps the table equal to `TypeObj::version`. A slot
    /// reused by a class never bumped would read the previous occupant's
    /// version; harmless, as the caches compare the class reference (with
    /// its generation) first, and every reader of versions uses this
    /// function, so it sees a value that changes whenever the class is bumped.
    #[inline(always)]
    pub(crate) fn class_version(&self, cls: ObjRef) -> u64 {
        let idx = slotmap::Key::data(&cls).as_ffi() as u32 as usize;
        self.ext.class_versions.get(idx).copied().unwrap_or(0)
    }

    /// Invalidate the attribute caches of `cls` and of all its subclasses
    /// (direct and indirect) after its namespace changed, or give a new
    /// class its first version. Other classes' caches stay valid.
    pub fn bump_class_version(&mut self, cls: ObjRef) {
        let subs = self.bump_one_version(cls);
        if subs == 0 {
            return;
        }
        let mut todo = vec![cls];
        while let Some(c) = todo.pop() {
            let ObjData::Type(t) = self.heap.data(c) else { continue };
            let subs = t.subclasses.clone();
            for s in subs {
                if self.bump_one_version(s) != 0 {
                    todo.push(s);
                }
            }
        }
    }

    /// A fresh version for `cls`; the number of its direct subclasses.
    fn bump_one_version(&mut self, cls: ObjRef) -> usize {
        self.ext.type_epoch += 1;
        let v = self.ext.type_epoch;
        match self.heap.data_mut(cls) {
            ObjData::Type(t) => {
                t.version = v;
                let subs = t.subclasses.len();
                let idx = slotmap::Key::data(&cls).as_ffi() as u32 as usize;
                let table = &mut self.ext.class_versions;
                if table.len() <= idx {
                    table.resize(idx + 1, 0);
                }
                table[idx] = v;
                subs
            }
            _ => 0,
        }
    }

    /// The `HOOK_*` bits of `cls`: which of `__getattribute__`,
    /// `__setattr__`, `__getattr__`, `__delattr__` it (or a base)
    /// overrides. Cached in the type and recomputed after a namespace
    /// change of the class or a base (its version), so an assignment like
    /// `C.__getattr__ = f` after creation is seen. The common attribute
    /// paths then need one cache probe (the name) instead of two.
    #[inline]
    pub(crate) fn type_hooks(&mut self, cls: ObjRef) -> u8 {
        let epoch = match self.heap.data(cls) {
            ObjData::Type(t) if t.hooks_epoch == t.version => return t.hooks,
            ObjData::Type(t) => t.version,
            _ => 0,
        };
        self.compute_type_hooks(cls, epoch)
    }

    #[cold]
    fn compute_type_hooks(&mut self, cls: ObjRef, epoch: u64) -> u8 {
        let mut h = 0;
        let n = self.names.__getattribute__;
        if let Some(v) = self.lookup_type(cls, n) {
            if !self.is_object_slot(v, "__getattribute__") {
                h |= HOOK_GETATTRIBUTE;
            }
        }
        let n = self.names.__setattr__;
        if let Some(v) = self.lookup_type(cls, n) {
            if !self.is_object_slot(v, "__setattr__") && !self.is_type_setattr(v) {
                h |= HOOK_SETATTR;
            }
        }
        let n = self.names.__getattr__;
        if self.lookup_type(cls, n).is_some() {
            h |= HOOK_GETATTR;
        }
        let n = self.names.__delattr__;
        if let Some(v) = self.lookup_type(cls, n) {
            if !self.is_object_slot(v, "__delattr__") {
                h |= HOOK_DELATTR;
            }
        }
        let (b, l) = (self.names.__bool__, self.names.__len__);
        if self.lookup_type(cls, b).is_some() || self.lookup_type(cls, l).is_some() {
            h |= HOOK_TRUTH;
        }
        let n = self.names.__hash__;
        if let Some(v) = self.lookup_type(cls, n) {
            if self.is_object_slot(v, "__hash__") {
                h |= crate::runtime::class::IDENTITY_HASH;
            }
        }
        if let ObjData::Type(t) = self.heap.data_mut(cls) {
            t.hooks = h;
            t.hooks_epoch = epoch;
        }
        h
    }

    /// A special method looked up on the type (never the instance).
    #[inline]
    pub fn lookup_special(&mut self, obj: Value, name: ObjRef) -> Option<Value> {
        let cls = self.type_of(obj);
        self.lookup_type(cls, name)
    }

    /// Whether a class attribute is a data descriptor (takes precedence
    /// over the instance dict).
    fn is_data_descriptor(&mut self, d: Value) -> bool {
        let Value::Obj(r) = d else { return false };
        match self.heap.data(r) {
            ObjData::Property(_) | ObjData::GetSet(_) | ObjData::Member(_) => true,
            ObjData::Instance(_) => {
                let set = self.names.__set__;
                let del = self.names.__delete__;
                self.lookup_special(d, set).is_some() || self.lookup_special(d, del).is_some()
            }
            _ => false,
        }
    }

    pub fn get_attr_str(&mut self, obj: Value, name: &str) -> PyResult<Value> {
        let n = self.intern(name);
        self.get_attr(obj, n)
    }

    /// `getattr(obj, name)`.
    pub fn get_attr(&mut self, obj: Value, name: ObjRef) -> PyResult<Value> {
        match self.get_attr_inner(obj, name)? {
            Some(v) => Ok(v),
            None => {
                let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                Err(self.no_attribute(obj, &n))
            }
        }
    }

    /// `getattr(obj, name, None)`-style: `Ok(None)` when missing.
    pub fn get_attr_opt(&mut self, obj: Value, name: ObjRef) -> PyResult<Option<Value>> {
        match self.get_attr_inner(obj, name) {
            Ok(v) => Ok(v),
            Err(e) => {
                let ae = self.exc.attribute_error;
                if self.isinstance_exc(e.value(), ae) {
                    Ok(None)
                } else {
                    Err(e)
                }
            }
        }
    }

    fn get_attr_inner(&mut self, obj: Value, name: ObjRef) -> PyResult<Option<Value>> {
        if let Value::Obj(r) = obj {
            if let ObjData::Type(_) = self.heap.data(r) {
                return self.type_getattr(r, name);
            }
        }
        let cls = self.type_of(obj);
        // A user-defined __getattribute__ replaces everything.
        if self.type_hooks(cls) & HOOK_GETATTRIBUTE != 0 {
            let ga = self.names.__getattribute__;
            if let Some(custom) = self.lookup_type(cls, ga) {
                let r = self.call_value(custom, &[obj, Value::Obj(name)], &[]);
                return match r {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        let ae = self.exc.attribute_error;
                        if self.isinstance_exc(e.value(), ae) {
                            self.call_getattr_hook(obj, cls, name, Some(e))
                        } else {
                            Err(e)
                        }
                    }
                };
            }
        }
        match self.generic_getattr(obj, cls, name) {
            Ok(Some(v)) => Ok(Some(v)),
            Ok(None) => {
                // PEP 562: a module-level `__getattr__` function.
                if let Some(ObjData::Module(m)) = obj.as_obj().map(|r| self.heap.data(r)) {
                    let d = m.dict;
                    let ga = self.names.__getattr__;
                    if let Some(hook) = self.dict_get_str(d, ga) {
                        return self.call_value(hook, &[Value::Obj(name)], &[]).map(Some);
                    }
                }
                self.call_getattr_hook(obj, cls, name, None)
            }
            // A property (or other descriptor) raising AttributeError
            // also falls back to `__getattr__`.
            Err(e) => {
                let ae = self.exc.attribute_error;
                if self.isinstance_exc(e.value(), ae) {
                    self.call_getattr_hook(obj, cls, name, Some(e))
                } else {
                    Err(e)
                }
            }
        }
    }

    /// `__getattr__` fallback, if the class defines one.
    fn call_getattr_hook(&mut self, obj: Value, cls: ObjRef, name: ObjRef, err: Option<PyErr>) -> PyResult<Option<Value>> {
        if self.type_hooks(cls) & HOOK_GETATTR == 0 {
            return match err {
                Some(e) => Err(e),
                None => Ok(None),
            };
        }
        let gname = self.names.__getattr__;
        match self.lookup_type(cls, gname) {
            Some(hook) => self.call_value(hook, &[obj, Value::Obj(name)], &[]).map(Some),
            None => match err {
                Some(e) => Err(e),
                None => Ok(None),
            },
        }
    }

    /// `object.__getattribute__`.
    pub fn generic_getattr(&mut self, obj: Value, cls: ObjRef, name: ObjRef) -> PyResult<Option<Value>> {
        let descr = self.lookup_type(cls, name);
        if let Some(d) = descr {
            if self.is_data_descriptor(d) {
                return self.descr_get(d, obj, Value::Obj(cls)).map(Some);
            }
        }
        if let Value::Obj(r) = obj {
            if let Some(v) = self.instance_attr(r, name) {
                return Ok(Some(v));
            }
        }
        match descr {
            Some(d) => self.descr_get(d, obj, Value::Obj(cls)).map(Some),
            None => Ok(None),
        }
    }

    /// Apply the descriptor protocol to a class attribute `d` accessed
    /// through `obj` (None when accessed through the class `owner`).
    pub fn descr_get(&mut self, d: Value, obj: Value, owner: Value) -> PyResult<Value> {
        let Value::Obj(r) = d else { return Ok(d) };
        // A user subclass of property/classmethod/staticmethod may
        // override `__get__`: go through the type.
        if matches!(self.heap.data(r), ObjData::Property(_) | ObjData::ClassMethod(_) | ObjData::StaticMethod(_)) && !self.builtin_class(r) {
            let get = self.names.__get__;
            if let Some(g) = self.lookup_special(d, get) {
                let o = if obj.is_undef() { Value::None } else { obj };
                return self.call_value(g, &[d, o, owner], &[]);
            }
        }
        self.descr_get_payload(d, obj, owner)
    }

    /// The built-in descriptor behaviour of `d`'s payload (what
    /// `property.__get__` and friends do).
    pub fn descr_get_payload(&mut self, d: Value, obj: Value, owner: Value) -> PyResult<Value> {
        let Value::Obj(r) = d else { return Ok(d) };
        match self.heap.data(r) {
            ObjData::Function(_) => {
                if obj.is_undef() {
                    return Ok(d);
                }
                let cls = self.types.method;
                Ok(self.alloc(cls, ObjData::BoundMethod(Box::new((obj, d)))))
            }
            ObjData::Native(n) => {
                if !n.bound.is_undef() {
                    return Ok(d);
                }
                match n.kind {
                    NativeKind::Method if !obj.is_undef() => {
                        let mut nn = (**n).clone();
                        nn.bound = obj;
                        let cls = self.types.builtin_function;
                        Ok(self.alloc(cls, ObjData::Native(Box::new(nn))))
                    }
                    NativeKind::ClassMethod => {
                        let mut nn = (**n).clone();
                        nn.bound = owner;
                        let cls = self.types.builtin_function;
                        Ok(self.alloc(cls, ObjData::Native(Box::new(nn))))
                    }
                    _ => Ok(d),
                }
            }
            ObjData::ClassMethod(f) => {
                let f = *f;
                let owner = if owner.is_none() || owner.is_undef() { Value::Obj(self.type_of(obj)) } else { owner };
                let cls = self.types.method;
                Ok(self.alloc(cls, ObjData::BoundMethod(Box::new((owner, f)))))
            }
            ObjData::StaticMethod(f) => Ok(*f),
            ObjData::Property(p) => {
                if obj.is_undef() {
                    return Ok(d);
                }
                let fget = p.fget;
                if fget.is_none() {
                    return Err(self.property_error(r, obj, "getter"));
                }
                self.call_value(fget, &[obj], &[])
            }
            ObjData::Member(m) => {
                if obj.is_undef() {
                    return Ok(d);
                }
                let name = m.0;
                self.member_get(obj, name)
            }
            ObjData::GetSet(g) => {
                if obj.is_undef() {
                    return Ok(d);
                }
                let get = g.get;
                get(self, obj)
            }
            ObjData::Instance(_) => {
                let get = self.names.__get__;
                match self.lookup_special(d, get) {
                    Some(g) => {
                        let o = if obj.is_undef() { Value::None } else { obj };
                        self.call_value(g, &[d, o, owner], &[])
                    }
                    None => Ok(d),
                }
            }
            _ => Ok(d),
        }
    }

    /// "property 'x' of 'C' object has no getter" (the name is known once
    /// `__set_name__` ran; CPython drops it otherwise).
    #[cold]
    pub(crate) fn property_error(&mut self, prop: ObjRef, obj: Value, what: &str) -> PyErr {
        let name = match self.heap.data(prop) {
            ObjData::Property(p) => p.name,
            _ => Value::None,
        };
        let cls = self.type_of(obj);
        let qualname = match self.heap.data(cls) {
            ObjData::Type(t) => t.qualname.clone(),
            _ => String::new(),
        };
        let msg = if name.is_none() {
            format!("property of '{}' object has no {}", qualname, what)
        } else {
            let n = self.to_repr_string(name).unwrap_or_default();
            format!("property {} of '{}' object has no {}", n, qualname, what)
        };
        self.attribute_error(msg)
    }

    /// `type.__getattribute__`: attribute of a class object.
    fn type_getattr(&mut self, cls: ObjRef, name: ObjRef) -> PyResult<Option<Value>> {
        let meta = self.heap.class_of_obj(cls);
        let meta_attr = self.lookup_type(meta, name);
        if let Some(m) = meta_attr {
            if self.is_data_descriptor(m) {
                return self.descr_get(m, Value::Obj(cls), Value::Obj(meta)).map(Some);
            }
        }
        if let Some(a) = self.lookup_type(cls, name) {
            return self.descr_get(a, Value::Undef, Value::Obj(cls)).map(Some);
        }
        if let Some(m) = meta_attr {
            return self.descr_get(m, Value::Obj(cls), Value::Obj(meta)).map(Some);
        }
        // A metaclass __getattr__ (rare; e.g. enum-like classes).
        let gname = self.names.__getattr__;
        if meta != self.types.type_ {
            if let Some(hook) = self.lookup_type(meta, gname) {
                return self.call_value(hook, &[Value::Obj(cls), Value::Obj(name)], &[]).map(Some);
            }
        }
        Ok(None)
    }

    /// Whether `v` is the native slot `object.<name>` (i.e. not overridden).
    pub(crate) fn is_object_slot(&self, v: Value, name: &str) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Native(n)) => n.owner == Some("object") && n.name == name,
            _ => false,
        }
    }

    /// `setattr(obj, name, value)`.
    pub fn set_attr(&mut self, obj: Value, name: ObjRef, value: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if self.type_hooks(cls) & HOOK_SETATTR != 0 {
            let sa = self.names.__setattr__;
            if let Some(custom) = self.lookup_type(cls, sa) {
                self.call_value(custom, &[obj, Value::Obj(name), value], &[])?;
                return Ok(());
            }
        }
        self.generic_setattr(obj, name, value)
    }

    fn is_type_setattr(&self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Native(n)) => n.owner == Some("type") && n.name == "__setattr__",
            _ => false,
        }
    }

    /// `object.__setattr__`.
    pub fn generic_setattr(&mut self, obj: Value, name: ObjRef, value: Value) -> PyResult<()> {
        let cls = self.type_of(obj);
        if let Some(d) = self.lookup_type(cls, name) {
            if let Some(done) = self.descr_set(d, obj, value)? {
                return done;
            }
        }
        let Value::Obj(r) = obj else {
            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
            return Err(self.no_attribute_on_store(obj, &n));
        };
        match self.heap.data(r) {
            ObjData::Type(t) => {
                if t.builtin {
                    let tn = t.error_name();
                    let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                    return Err(self.type_error(format!("cannot set '{}' attribute of immutable type '{}'", n, tn)));
                }
                let d = t.dict;
                self.dict_set_str(d, name, value);
                self.bump_class_version(r);
                return Ok(());
            }
            ObjData::Instance(_) => {
                if let Some(slots) = self.class_slots(cls) {
                    let n = self.str_of(Value::Obj(name)).unwrap_or("");
                    if !slots.iter().any(|s| s == n) {
                        let n = n.to_string();
                        if self.lookup_type(cls, name).is_some() {
                            let tn = self.type_name(obj);
                            return Err(self.attribute_error(format!("'{}' object attribute '{}' is read-only", tn, n)));
                        }
                        return Err(self.no_attribute_on_store(obj, &n));
                    }
                }
                self.instance_store(r, cls, name, value);
                return Ok(());
            }
            _ => {}
        }
        let dict = match self.instance_dict(r) {
            Some(d) => d,
            None => match self.create_instance_dict(r, cls) {
                Some(d) => d,
                None => {
                    let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                    return Err(self.no_attribute_on_store(obj, &n));
                }
            },
        };
        self.dict_set_str(dict, name, value);
        Ok(())
    }

    /// Where an object's `__slots__` values live: its own dict when the
    /// class has no `__dict__` (so nobody sees it), else a side dict.
    fn slot_storage(&mut self, r: ObjRef, create: bool) -> Option<ObjRef> {
        let cls = self.heap.class_of_obj(r);
        if self.class_slots(cls).is_some() {
            if let Some(d) = self.instance_dict(r) {
                return Some(d);
            }
        } else if let Some(&d) = self.ext.slot_dicts.get(&r) {
            return Some(d);
        }
        if !create {
            return None;
        }
        let d = self.new_dict_ref();
        if self.class_slots(cls).is_some() {
            self.ext.extra_dicts.insert(r, d);
        } else {
            self.ext.slot_dicts.insert(r, d);
        }
        Some(d)
    }

    /// Read a `__slots__` attribute.
    fn member_get(&mut self, obj: Value, name: ObjRef) -> PyResult<Value> {
        let found = match obj {
            Value::Obj(r) => self.slot_storage(r, false).and_then(|d| self.dict_get_str(d, name)),
            _ => None,
        };
        match found {
            Some(v) => Ok(v),
            None => {
                let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                Err(self.no_attribute(obj, &n))
            }
        }
    }

    /// Set (`Some`) or delete (`None`) a `__slots__` attribute. Deleting
    /// an unset slot raises `AttributeError(name)`, as CPython does.
    fn member_set(&mut self, obj: Value, name: ObjRef, value: Option<Value>) -> PyResult<()> {
        let Value::Obj(r) = obj else {
            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
            return Err(self.no_attribute(obj, &n));
        };
        let dict = self.slot_storage(r, true).expect("created");
        match value {
            Some(v) => {
                self.dict_set_str(dict, name, v);
                Ok(())
            }
            None => {
                if !self.dict_del_str(dict, name)? {
                    let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                    return Err(self.attribute_error(n));
                }
                Ok(())
            }
        }
    }

    fn class_slots(&self, cls: ObjRef) -> Option<Vec<String>> {
        match self.heap.data(cls) {
            ObjData::Type(t) => t.slots.clone(),
            _ => None,
        }
    }

    /// Objects whose payload has no dict slot get one on demand if their
    /// class allows (functions, exceptions, instances of user subclasses
    /// of built-ins).
    pub(crate) fn create_instance_dict(&mut self, r: ObjRef, cls: ObjRef) -> Option<ObjRef> {
        let user_class = matches!(self.heap.data(cls), ObjData::Type(t) if !t.builtin || t.native_instance_dict);
        let kind_ok = matches!(self.heap.data(r), ObjData::Function(_) | ObjData::Exception(_));
        if !user_class && !kind_ok {
            return None;
        }
        if user_class && self.class_slots(cls).is_some() {
            return None;
        }
        let d = self.new_dict_ref();
        match self.heap.data_mut(r) {
            ObjData::Function(f) => f.dict = Some(d),
            ObjData::Exception(e) => e.dict = Some(d),
            _ => {
                self.ext.extra_dicts.insert(r, d);
            }
        }
        Some(d)
    }

    /// Data-descriptor assignment. `Ok(Some(result))` if `d` handled it.
    fn descr_set(&mut self, d: Value, obj: Value, value: Value) -> PyResult<Option<PyResult<()>>> {
        let Value::Obj(r) = d else { return Ok(None) };
        match self.heap.data(r) {
            ObjData::Property(_) if !self.builtin_class(r) => {
                let set = self.names.__set__;
                match self.lookup_special(d, set) {
                    Some(s) => {
                        self.call_value(s, &[d, obj, value], &[])?;
                        Ok(Some(Ok(())))
                    }
                    None => Ok(None),
                }
            }
            ObjData::Property(p) => {
                let fset = p.fset;
                if fset.is_none() {
                    return Ok(Some(Err(self.property_error(r, obj, "setter"))));
                }
                self.call_value(fset, &[obj, value], &[])?;
                Ok(Some(Ok(())))
            }
            ObjData::Member(m) => {
                let name = m.0;
                Ok(Some(self.member_set(obj, name, Some(value))))
            }
            ObjData::GetSet(g) => match g.set {
                Some(set) => Ok(Some(set(self, obj, value))),
                None => {
                    let n = g.name;
                    let tn = self.type_name(obj);
                    Ok(Some(Err(self.attribute_error(format!("attribute '{}' of '{}' objects is not writable", n, tn)))))
                }
            },
            ObjData::Instance(_) => {
                let set = self.names.__set__;
                match self.lookup_special(d, set) {
                    Some(s) => {
                        self.call_value(s, &[d, obj, value], &[])?;
                        Ok(Some(Ok(())))
                    }
                    None => Ok(None),
                }
            }
            _ => Ok(None),
        }
    }

    /// `delattr(obj, name)`.
    pub fn del_attr(&mut self, obj: Value, name: ObjRef) -> PyResult<()> {
        let cls = self.type_of(obj);
        if self.type_hooks(cls) & HOOK_DELATTR != 0 {
            let da = self.names.__delattr__;
            if let Some(custom) = self.lookup_type(cls, da) {
                self.call_value(custom, &[obj, Value::Obj(name)], &[])?;
                return Ok(());
            }
        }
        if let Some(d) = self.lookup_type(cls, name) {
            if let Some(ObjData::Member(m)) = d.as_obj().map(|r| self.heap.data(r)) {
                let n = m.0;
                return self.member_set(obj, n, None);
            }
            if let Some(ObjData::Property(p)) = d.as_obj().map(|r| self.heap.data(r)) {
                let fdel = p.fdel;
                if fdel.is_none() {
                    let pr = d.as_obj().expect("property");
                    return Err(self.property_error(pr, obj, "deleter"));
                }
                self.call_value(fdel, &[obj], &[])?;
                return Ok(());
            }
            let del = self.names.__delete__;
            if let Some(dm) = self.lookup_special(d, del) {
                self.call_value(dm, &[d, obj], &[])?;
                return Ok(());
            }
        }
        if let Value::Obj(r) = obj {
            if let Some(dict) = self.instance_dict(r) {
                if self.dict_del_str(dict, name)? {
                    if let ObjData::Type(_) = self.heap.data(r) {
                        self.bump_class_version(r);
                    }
                    return Ok(());
                }
            }
        }
        let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
        Err(self.no_attribute_on_store(obj, &n))
    }

    /// `LoadMethod`: `(method, self)` for a plain method found on the type
    /// (no bound-method allocation), else `(attribute, NULL)`.
    pub fn load_method(&mut self, obj: Value, name: ObjRef) -> PyResult<(Value, Value)> {
        let cls = self.type_of(obj);
        // Types and `super` objects resolve attributes their own way.
        let special = matches!(obj.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Type(_) | ObjData::Super(_)));
        if !special {
            if let Some(d) = self.lookup_type(cls, name) {
                let plain = match d.as_obj().map(|r| self.heap.data(r)) {
                    Some(ObjData::Function(_)) => true,
                    Some(ObjData::Native(n)) => n.kind == NativeKind::Method && n.bound.is_undef(),
                    _ => false,
                };
                if plain && !self.has_custom_getattribute(cls) {
                    // The instance dict could shadow the method.
                    let shadowed = match obj {
                        Value::Obj(r) => self.instance_attr(r, name),
                        _ => None,
                    };
                    return Ok(match shadowed {
                        Some(v) => (v, Value::Undef),
                        None => (d, obj),
                    });
                }
            }
        }
        let v = self.get_attr(obj, name)?;
        Ok((v, Value::Undef))
    }

    fn has_custom_getattribute(&mut self, cls: ObjRef) -> bool {
        let layout_plain = matches!(self.heap.data(cls), ObjData::Type(t) if t.builtin || t.layout != Layout::Instance);
        if layout_plain {
            return false;
        }
        self.type_hooks(cls) & HOOK_GETATTRIBUTE != 0
    }

    /// Call a method by name: `obj.name(*args)`.
    pub fn call_method(&mut self, obj: Value, name: &str, args: &[Value]) -> PyResult<Value> {
        let n = self.intern(name);
        self.call_method_name(obj, n, args)
    }

    /// `call_method` with the name already interned.
    pub fn call_method_name(&mut self, obj: Value, n: ObjRef, args: &[Value]) -> PyResult<Value> {
        let (m, s) = self.load_method(obj, n)?;
        if s.is_undef() {
            self.call_value(m, args, &[])
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(s);
            all.extend_from_slice(args);
            self.call_value(m, &all, &[])
        }
    }

    /// Call a special method found on the type, if there is one.
    pub fn call_special(&mut self, obj: Value, name: ObjRef, args: &[Value]) -> PyResult<Option<Value>> {
        match self.lookup_special(obj, name) {
            Some(m) => {
                let f = self.descr_get(m, obj, Value::Obj(self.type_of(obj)))?;
                self.call_value(f, args, &[]).map(Some)
            }
            None => Ok(None),
        }
    }

    /// Whether `sub` is `sup` or derives from it.
    pub fn is_subtype(&self, sub: ObjRef, sup: ObjRef) -> bool {
        if sub == sup {
            return true;
        }
        match self.heap.data(sub) {
            ObjData::Type(t) => t.mro.contains(&sup),
            _ => false,
        }
    }

    /// `isinstance(v, cls)` for a class (no `__instancecheck__`).
    #[inline]
    pub fn is_instance_of(&self, v: Value, cls: ObjRef) -> bool {
        let t = self.type_of(v);
        self.is_subtype(t, cls)
    }
}
