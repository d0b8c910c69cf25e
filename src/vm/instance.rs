//! Instance namespaces on the generic paths: reading, storing and
//! materializing the attributes of user-class instances kept inline
//! with their class's shared keys (the layout is described in
//! `runtime/instance.rs`; the inline-cache hits are in `attrcache.rs`).

use crate::runtime::instance::{InstanceAttrs, MAX_SHARED_KEYS};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

impl Vm {
    /// Index of `name` in the shared keys of class `cls`.
    pub(crate) fn shared_key_index(&self, cls: ObjRef, name: ObjRef) -> Option<usize> {
        let ObjData::Type(t) = self.heap.data(cls) else { return None };
        // One pass on the hashes: a miss (a method name looked up on the
        // generic path) costs no string compare.
        let h = self.str_hash(name);
        t.shared_keys.iter().position(|&(k, kh)| kh == h && (k == name || self.str_key_eq(Value::Obj(k), name)))
    }

    /// The dict holding `obj`'s attributes if it has one already; an
    /// inline-layout instance has none (see `instance_dict`).
    pub(crate) fn existing_instance_dict(&self, obj: ObjRef) -> Option<ObjRef> {
        match self.heap.data(obj) {
            ObjData::Instance(a) => a.dict(),
            ObjData::Function(f) => f.dict,
            ObjData::Module(m) => Some(m.dict),
            ObjData::Exception(e) => e.dict,
            ObjData::Type(t) => Some(t.dict),
            _ => self.ext.extra_dicts.get(&obj).copied(),
        }
    }

    /// The `__dict__` of an object that has one. An inline-layout
    /// instance gets its dict made here, for good, so the caller may
    /// keep it and mutate it.
    pub fn instance_dict(&mut self, obj: ObjRef) -> Option<ObjRef> {
        if let ObjData::Instance(InstanceAttrs::Inline(_)) = self.heap.data(obj) {
            return Some(self.materialize_instance(obj));
        }
        self.existing_instance_dict(obj)
    }

    /// Instance attribute `name` of `obj` (its own namespace only, no
    /// class lookup), without materializing anything.
    pub(crate) fn instance_attr(&self, obj: ObjRef, name: ObjRef) -> Option<Value> {
        let o = self.heap.get(obj);
        let d = match &o.data {
            ObjData::Instance(InstanceAttrs::Inline(values)) => {
                let i = self.shared_key_index(o.class, name)?;
                return values.get(i).copied();
            }
            ObjData::Instance(InstanceAttrs::Dict(d)) => *d,
            _ => self.existing_instance_dict(obj)?,
        };
        self.dict_get_str(d, name)
    }

    /// Turn an inline-layout instance into one with a dict (same names in
    /// the same order, same values); return the dict. No collection can
    /// run here (allocation never collects), so the values taken out of
    /// the object need no rooting.
    #[cold]
    pub(crate) fn materialize_instance(&mut self, obj: ObjRef) -> ObjRef {
        let values = match self.heap.data_mut(obj) {
            ObjData::Instance(InstanceAttrs::Inline(values)) => std::mem::take(values),
            ObjData::Instance(InstanceAttrs::Dict(d)) => return *d,
            _ => unreachable!("materialize_instance of a non-instance"),
        };
        let cls = self.heap.class_of_obj(obj);
        let keys: Vec<(ObjRef, i64)> = match self.heap.data(cls) {
            ObjData::Type(t) => t.shared_keys[..values.len()].to_vec(),
            _ => Vec::new(),
        };
        let d = self.new_dict_ref();
        let dict = self.dict_mut(d);
        for ((k, h), v) in keys.into_iter().zip(values) {
            dict.push_new(h, Value::Obj(k), v);
        }
        if let ObjData::Instance(a) = self.heap.data_mut(obj) {
            *a = InstanceAttrs::Dict(d);
        }
        d
    }

    /// `obj.name = value` into the namespace of instance `obj` of class
    /// `cls` (descriptors, hooks and `__slots__` already ruled out): an
    /// inline value when the name is (or can become) the class's next
    /// shared key for this instance, else the dict.
    pub(crate) fn instance_store(&mut self, obj: ObjRef, cls: ObjRef, name: ObjRef, value: Value) {
        let len = match self.heap.data(obj) {
            ObjData::Instance(InstanceAttrs::Inline(values)) => values.len(),
            ObjData::Instance(InstanceAttrs::Dict(d)) => {
                let d = *d;
                return self.dict_set_str(d, name, value);
            }
            _ => return,
        };
        let at = match self.shared_key_index(cls, name) {
            Some(i) if i <= len => Some(i),
            Some(_) => None,
            None => {
                let exact_str = matches!(self.heap.data(name), ObjData::Str(_)) && self.heap.class_of_obj(name) == self.types.str;
                let keys = match self.heap.data(cls) {
                    ObjData::Type(t) => t.shared_keys.len(),
                    _ => usize::MAX,
                };
                if exact_str && keys == len && keys < MAX_SHARED_KEYS {
                    let h = self.str_hash(name);
                    if let ObjData::Type(t) = self.heap.data_mut(cls) {
                        t.shared_keys.push((name, h));
                    }
                    // Caches that saw the name as "not a shared key".
                    self.bump_class_version(cls);
                    Some(len)
                } else {
                    None
                }
            }
        };
        match at {
            Some(i) => {
                if let ObjData::Instance(InstanceAttrs::Inline(values)) = self.heap.data_mut(obj) {
                    if i < values.len() {
                        values[i] = value;
                    } else {
                        values.push(value);
                    }
                }
            }
            None => {
                let d = self.materialize_instance(obj);
                self.dict_set_str(d, name, value);
            }
        }
    }

    /// The payload of a new instance of `cls` (a plain user class).
    pub(crate) fn new_instance_attrs(&mut self, cls: ObjRef) -> InstanceAttrs {
        let inline = match self.heap.data(cls) {
            // `__slots__` values live in the instance's dict (hidden).
            ObjData::Type(t) if t.slots.is_none() => Some(t.shared_keys.len()),
            _ => None,
        };
        match inline {
            // Room for what earlier instances of the class got.
            Some(n) => InstanceAttrs::Inline(Vec::with_capacity(n)),
            None => InstanceAttrs::Dict(self.new_dict_ref()),
        }
    }
}
