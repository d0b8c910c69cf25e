//! Inline caches for `LoadAttr`, `StoreAttr` and `LoadMethod`.
//!
//! Each code object has `ATTR_CACHE_WAYS` `AttrCache`s per entry of
//! `names` (like the `LoadGlobal` caches, but a few classes per name: the
//! sites of one name in one function see one class, or the few subclasses
//! a base-class method is called on). An entry remembers, for one class at one
//! version, what the class (MRO) holds under the name and whether the class
//! has attribute hooks, so a hit costs no method-cache probe; plus where
//! the name was last found in an instance dict (an index, checked by
//! comparing the key there, so it serves every instance whose dict was
//! filled in the same order), and the name's index in the class's shared
//! keys: an inline-layout instance (`runtime/instance.rs`) holds the
//! attribute iff it has more values than that index, so a hit on one is
//! a bounds-checked read, with no dict and no key compare.
//!
//! Validity: `version` is the class's version (`Vm::class_version`),
//! replaced by every change to the namespace of the class or of a base, so
//! class attribute mutation, a hook added later, a base class changed, all
//! refill the entry; changes to unrelated classes (or new classes) leave
//! it alone. A class attribute whose own class is a Python class is not
//! treated as plain (that class could gain `__get__` later without a
//! version change here). (Checking a VM-wide "no class changed at all"
//! counter first, to skip reading the class's version, measured slower:
//! richards 887 M Ir against 868 M.) The class
//! is read from the object on every hit, so `__class__` assignment is seen.
//! The instance dict is read on every hit, so instance mutation is seen.
//! Anything unusual (data descriptors, properties, classmethods, hooks,
//! class objects, `super`) takes the generic path in `attr.rs`. Objects
//! whose dict lives in a side table (`extra_dicts`) read it from there.

use crate::bytecode::{AttrCache, CodeObject, ATTR_CACHE_WAYS, NO_SLOT};
use crate::runtime::class::{HOOK_GETATTRIBUTE, HOOK_SETATTR};
use crate::runtime::function::NativeKind;
use crate::runtime::instance::InstanceAttrs;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::Cell;

/// What the class holds under the name (low 2 bits of `AttrCache::kind`).
const A_NONE: u8 = 0;
/// A plain function or unbound native method: `LoadMethod` needs no
/// bound-method object.
const A_METHOD: u8 = 1;
/// A value with no descriptor behaviour (no `__get__`/`__set__`/
/// `__delete__`): the instance dict wins, else the value itself.
const A_PLAIN: u8 = 2;
/// Anything else: the generic path.
const A_OTHER: u8 = 3;
const A_MASK: u8 = 3;
/// No custom `__getattribute__`: loads may use the entry.
const F_LOAD: u8 = 4;
/// No custom `__setattr__`, no `__slots__`, no data descriptor: a store
/// goes to the instance dict.
const F_STORE: u8 = 8;
/// A built-in class: its instances (other than functions, exceptions,
/// modules and types) have no `__dict__` at all.
const F_BUILTIN: u8 = 16;

/// A cache hit of a load: the value found in the instance dict, or the
/// entry (with its kind) saying what the class holds.
enum Hit {
    Instance(Value),
    Class(u8, AttrCache),
}

/// Where the instance attributes of an object are, before knowing the entry.
enum DictAt<'h> {
    Dict(ObjRef),
    Inline(&'h [Value]),
    /// None if the class is built-in (`F_BUILTIN`); else unknown.
    IfBuiltin,
    /// None if the class is built-in, else the object's side-table dict
    /// if it has one (`Vm::instance_dict`: instances of non-built-in
    /// native classes such as `deque` and asyncio's `Future`, and of user
    /// subclasses of built-ins).
    Side(ObjRef),
}

/// Where the instance attributes of an object are, once the entry is known.
#[derive(Clone, Copy)]
enum Attrs<'h> {
    /// None: a built-in class's instance, or no dict made yet.
    None,
    Dict(ObjRef),
    /// An inline-layout instance's values (`runtime/instance.rs`).
    Inline(&'h [Value]),
}

/// The cache hit of a load on an inline-layout instance, on a straight
/// path of its own (one payload test, no dispatch on where the attributes
/// are): if `$obj` is such an instance, `return`s from the calling
/// function with `$found(value)` for an instance attribute,
/// `$from_class(kind, class_attr)` when the instance lacks the name, or
/// None when no entry applies; otherwise falls through. A macro, not a
/// function returning the hit: that shape measured richards +1.9 % Ir
/// (`run_frames` and the fused `self.x` both grew).
macro_rules! inline_instance_hit {
    ($vm:expr, $code:expr, $i:expr, $obj:expr, $found:expr, $from_class:expr) => {
        if let Value::Obj(r) = $obj {
            let o = $vm.heap.get(r);
            if let ObjData::Instance(InstanceAttrs::Inline(values)) = &o.data {
                let cls = o.class;
                let version = $vm.class_version(cls);
                for cell in $code.attr_ways($i)? {
                    let c = cell.get();
                    if c.cls == cls && c.version == version {
                        let kind = c.kind & A_MASK;
                        if c.kind & F_LOAD == 0 || kind == A_OTHER {
                            return None;
                        }
                        if let Some(&v) = values.get(c.slot as usize) {
                            return Some($found(v));
                        }
                        return $from_class(kind, c.class_attr);
                    }
                }
                return None;
            }
        }
    };
}

impl Vm {
    /// The entry of name `i` that applies to `obj` (same class, same
    /// version), a copy of it, and where `obj`'s instance attributes are
    /// (`Attrs::None` for an object that cannot have any). `None` when no
    /// entry applies.
    #[inline(always)]
    fn attr_cache_find<'c, 'h>(&'h self, code: &'c CodeObject, i: usize, obj: Value) -> Option<(&'c Cell<AttrCache>, AttrCache, Attrs<'h>)> {
        let (cls, at) = match obj {
            Value::Obj(r) => {
                let o = self.heap.get(r);
                let at = match &o.data {
                    ObjData::Instance(InstanceAttrs::Inline(values)) => DictAt::Inline(values),
                    ObjData::Instance(InstanceAttrs::Dict(d)) => DictAt::Dict(*d),
                    ObjData::Module(m) => DictAt::Dict(m.dict),
                    // Optional dicts, or their own lookup rules.
                    ObjData::Function(_) | ObjData::Exception(_) | ObjData::Type(_) | ObjData::Super(_) => return None,
                    // Instances of user subclasses of built-ins (and of
                    // native classes not flagged built-in) keep their dict,
                    // if any, in a side table.
                    _ => DictAt::Side(r),
                };
                (o.class, at)
            }
            // Immediate values: built-in classes, no dict.
            _ => (self.type_of(obj), DictAt::IfBuiltin),
        };
        let version = self.class_version(cls);
        let ways = code.attr_ways(i)?;
        for cell in ways {
            let c = cell.get();
            if c.cls == cls && c.version == version {
                let attrs = match at {
                    DictAt::Dict(d) => Attrs::Dict(d),
                    DictAt::Inline(values) => Attrs::Inline(values),
                    DictAt::IfBuiltin | DictAt::Side(_) if c.kind & F_BUILTIN != 0 => Attrs::None,
                    DictAt::IfBuiltin => return None,
                    DictAt::Side(r) => match self.ext.extra_dicts.get(&r) {
                        Some(&d) => Attrs::Dict(d),
                        None => Attrs::None,
                    },
                };
                return Some((cell, c, attrs));
            }
        }
        None
    }

    /// Instance attribute `name` of an object whose attributes are
    /// `attrs`, through the entry's slot or dict hint.
    #[inline(always)]
    fn instance_get_hinted(&self, cell: &Cell<AttrCache>, c: &AttrCache, attrs: Attrs<'_>, name: ObjRef) -> Option<Value> {
        match attrs {
            Attrs::Inline(values) => values.get(c.slot as usize).copied(),
            // Out of line: the inline-layout hit above then needs fewer
            // registers (no spills of the entry's fields around a probe).
            Attrs::Dict(d) => self.dict_get_hinted(cell, d, name),
            Attrs::None => None,
        }
    }

    /// `name` in dict `d`, trying the hint of entry `cell` first.
    #[inline(never)]
    fn dict_get_hinted(&self, cell: &Cell<AttrCache>, d: ObjRef, name: ObjRef) -> Option<Value> {
        let c = &cell.get();
        let dict = self.dict(d);
        let at_hint = dict.raw_entry_at(c.hint as usize);
        if let Some((Value::Obj(k), v)) = at_hint {
            if k == name {
                return Some(v);
            }
        }
        // Same keys as the dict last seen without the name: still absent
        // (`keys_version` changes with every key added or removed). Before
        // comparing strings: a method looked up on an instance with a dict
        // (asyncio's `Queue`) is absent every time.
        let keys_version = dict.keys_version();
        if keys_version == c.absent_in {
            return None;
        }
        if let Some((k, v)) = at_hint {
            if self.str_key_eq(k, name) {
                return Some(v);
            }
        }
        let h = self.str_hash(name);
        match dict.find(h, |k| self.str_key_eq(k, name)) {
            Some(i) => {
                cell.set(AttrCache { hint: i as u32, ..*c });
                Some(dict.value_at(i))
            }
            None => {
                cell.set(AttrCache { absent_in: keys_version, ..*c });
                None
            }
        }
    }

    /// Store `name` into dict `d`, trying the entry's index hint first.
    #[inline]
    fn dict_set_hinted(&mut self, cell: &Cell<AttrCache>, c: &AttrCache, d: ObjRef, name: ObjRef, value: Value) {
        let hit = match self.dict(d).raw_entry_at(c.hint as usize) {
            Some((k, _)) => self.str_key_eq(k, name),
            None => false,
        };
        if hit {
            self.dict_mut(d).set_value_at(c.hint as usize, value);
            return;
        }
        let h = self.str_hash(name);
        let found = {
            let dict = self.dict(d);
            dict.find(h, |k| self.str_key_eq(k, name))
        };
        let dict = self.dict_mut(d);
        let i = match found {
            Some(i) => {
                dict.set_value_at(i, value);
                i
            }
            None => dict.push_new(h, Value::Obj(name), value),
        };
        cell.set(AttrCache { hint: i as u32, ..*c });
    }

    /// `LoadAttr`'s cache hit on a plain attribute (instance dict or a
    /// plain class attribute), or None: take `load_attr_push`. Kept apart
    /// so the hit's value goes from the cache to the stack in registers;
    /// merged with the slow path's `PyResult<Value>` it went through a
    /// stack temporary written as two 8-byte stores and read back as one
    /// 16-byte load, which cannot be store-forwarded (the hottest
    /// instruction of richards).
    #[inline(always)]
    pub(crate) fn load_attr_hit(&self, code: &CodeObject, i: usize, obj: Value) -> Option<Value> {
        match self.cache_hit(code, i, obj)? {
            Hit::Instance(v) => Some(v),
            Hit::Class(A_PLAIN, c) => Some(c.class_attr),
            Hit::Class(..) => None,
        }
    }

    /// `load_attr_hit` for the fused `LoadFast LoadAttr` (`self.x`): an
    /// inline-layout instance first (`inline_instance_hit!`), anything else
    /// through `load_attr_hit`.
    #[inline(always)]
    pub(crate) fn load_attr_hit_inline_first(&self, code: &CodeObject, i: usize, obj: Value) -> Option<Value> {
        inline_instance_hit!(self, code, i, obj, |v| v, |kind, attr| (kind == A_PLAIN).then_some(attr));
        self.load_attr_hit(code, i, obj)
    }

    /// Only the inline-layout instance hit of `load_attr_hit_inline_first`
    /// (None for anything else): the fast path of `LoadFast LoadAttr`.
    #[inline(always)]
    pub(crate) fn load_attr_inline_instance_hit(&self, code: &CodeObject, i: usize, obj: Value) -> Option<Value> {
        inline_instance_hit!(self, code, i, obj, |v| v, |kind, attr| (kind == A_PLAIN).then_some(attr));
        None
    }

    /// `load_method_hit` with an inline-layout instance first (as
    /// `load_attr_hit_inline_first`).
    #[inline(always)]
    pub(crate) fn load_method_hit_inline_first(&self, code: &CodeObject, i: usize, obj: Value) -> Option<(Value, Value)> {
        let from_class = |kind, attr| match kind {
            A_METHOD => Some((attr, obj)),
            A_PLAIN => Some((attr, Value::Undef)),
            _ => None,
        };
        inline_instance_hit!(self, code, i, obj, |v| (v, Value::Undef), from_class);
        self.load_method_hit(code, i, obj)
    }

    /// The part of a load hit both `LoadAttr` and `LoadMethod` share: the
    /// applicable entry, then the instance dict through its hint.
    #[inline(always)]
    fn cache_hit(&self, code: &CodeObject, i: usize, obj: Value) -> Option<Hit> {
        let (cell, c, attrs) = self.attr_cache_find(code, i, obj)?;
        let kind = c.kind & A_MASK;
        if c.kind & F_LOAD == 0 || kind == A_OTHER {
            return None;
        }
        if let Some(v) = self.instance_get_hinted(cell, &c, attrs, code.names[i]) {
            return Some(Hit::Instance(v));
        }
        Some(Hit::Class(kind, c))
    }

    /// `LoadAttr` when `load_attr_hit` had no answer: the full lookup,
    /// whose result this pushes itself (see `load_attr_hit`).
    #[inline(never)]
    pub(crate) fn load_attr_push(&mut self, code: &CodeObject, i: usize, obj: Value) -> PyResult<()> {
        let v = self.load_attr_cached(code, i, obj)?;
        self.stack.push(v);
        Ok(())
    }

    /// `LoadMethod`'s cache hit: `(method, self)` or `(attribute, Undef)`
    /// as `load_method_cached`, or None: take `load_method_push`.
    #[inline(always)]
    pub(crate) fn load_method_hit(&self, code: &CodeObject, i: usize, obj: Value) -> Option<(Value, Value)> {
        match self.cache_hit(code, i, obj)? {
            Hit::Instance(v) => Some((v, Value::Undef)),
            Hit::Class(A_METHOD, c) => Some((c.class_attr, obj)),
            Hit::Class(A_PLAIN, c) => Some((c.class_attr, Value::Undef)),
            Hit::Class(..) => None,
        }
    }

    /// `LoadMethod` when `load_method_hit` had no answer; pushes the pair.
    #[inline(never)]
    pub(crate) fn load_method_push(&mut self, code: &CodeObject, i: usize, obj: Value) -> PyResult<()> {
        let (m, s) = self.load_method_cached(code, i, obj)?;
        self.stack.push(m);
        self.stack.push(s);
        Ok(())
    }

    /// `LoadAttr` of `code.names[i]`.
    #[inline]
    pub(crate) fn load_attr_cached(&mut self, code: &CodeObject, i: usize, obj: Value) -> PyResult<Value> {
        let name = code.names[i];
        let Some((cell, c, attrs)) = self.attr_cache_find(code, i, obj) else {
            self.fill_attr_cache(code, i, obj);
            return self.get_attr(obj, name);
        };
        let kind = c.kind & A_MASK;
        if c.kind & F_LOAD == 0 || kind == A_OTHER {
            return self.get_attr(obj, name);
        }
        if let Some(v) = self.instance_get_hinted(cell, &c, attrs, name) {
            return Ok(v);
        }
        match kind {
            A_METHOD => self.descr_get_payload(c.class_attr, obj, Value::Obj(c.cls)),
            A_PLAIN => Ok(c.class_attr),
            // Missing: `__getattr__`, PEP 562, or the AttributeError.
            _ => self.get_attr(obj, name),
        }
    }

    /// `StoreAttr` of `code.names[i]`.
    #[inline]
    pub(crate) fn store_attr_cached(&mut self, code: &CodeObject, i: usize, obj: Value, value: Value) -> PyResult<()> {
        if self.store_attr_inline_hit(code, i, obj, value) {
            return Ok(());
        }
        self.store_attr_slow(code, i, obj, value)
    }

    /// `StoreAttr`'s cache hit on an inline-layout instance: overwrite
    /// the value at the entry's slot, or append it when the slot is the
    /// instance's next one (the class's key there is the name). One heap
    /// lookup, which the object's class and payload both come from.
    #[inline(always)]
    fn store_attr_inline_hit(&mut self, code: &CodeObject, i: usize, obj: Value, value: Value) -> bool {
        let Value::Obj(r) = obj else { return false };
        let Some(ways) = code.attr_ways(i) else { return false };
        let o = self.heap.get_mut(r);
        let ObjData::Instance(InstanceAttrs::Inline(values)) = &mut o.data else { return false };
        let cls = o.class;
        // `class_version`, read through the field: `self.heap` is borrowed.
        let idx = slotmap::Key::data(&cls).as_ffi() as u32 as usize;
        let version = self.ext.class_versions.get(idx).copied().unwrap_or(0);
        for cell in ways {
            let c = cell.get();
            if c.cls == cls && c.version == version {
                if c.kind & F_STORE == 0 {
                    return false;
                }
                let (slot, len) = (c.slot as usize, values.len());
                if slot < len {
                    values[slot] = value;
                } else if slot == len {
                    values.push(value);
                } else {
                    // `NO_SLOT` is beyond any length.
                    return false;
                }
                return true;
            }
        }
        false
    }

    /// `StoreAttr` when `store_attr_inline_hit` had no answer.
    #[inline(never)]
    fn store_attr_slow(&mut self, code: &CodeObject, i: usize, obj: Value, value: Value) -> PyResult<()> {
        let name = code.names[i];
        match self.attr_cache_find(code, i, obj) {
            Some((cell, c, Attrs::Dict(d))) if c.kind & F_STORE != 0 => {
                self.dict_set_hinted(cell, &c, d, name, value);
                Ok(())
            }
            Some(_) => self.set_attr(obj, name, value),
            None => {
                self.fill_attr_cache(code, i, obj);
                self.set_attr(obj, name, value)
            }
        }
    }

    /// `LoadMethod` of `code.names[i]`: `(method, self)` or
    /// `(attribute, Undef)`, as `Vm::load_method`.
    #[inline]
    pub(crate) fn load_method_cached(&mut self, code: &CodeObject, i: usize, obj: Value) -> PyResult<(Value, Value)> {
        let name = code.names[i];
        let Some((cell, c, attrs)) = self.attr_cache_find(code, i, obj) else {
            self.fill_attr_cache(code, i, obj);
            return self.load_method(obj, name);
        };
        let kind = c.kind & A_MASK;
        if c.kind & F_LOAD == 0 || kind == A_OTHER {
            return self.load_method(obj, name);
        }
        // The instance dict shadows methods and plain class attributes.
        if let Some(v) = self.instance_get_hinted(cell, &c, attrs, name) {
            return Ok((v, Value::Undef));
        }
        match kind {
            A_METHOD => Ok((c.class_attr, obj)),
            A_PLAIN => Ok((c.class_attr, Value::Undef)),
            _ => self.load_method(obj, name),
        }
    }

    /// (Re)fill entry `i` for the class of `obj`. Leaves it alone for
    /// objects the entry cannot describe.
    #[cold]
    #[inline(never)]
    fn fill_attr_cache(&mut self, code: &CodeObject, i: usize, obj: Value) {
        if let Value::Obj(r) = obj {
            if matches!(self.heap.data(r), ObjData::Type(_) | ObjData::Super(_)) {
                return;
            }
        }
        let cls = self.type_of(obj);
        let (builtin, has_slots) = match self.heap.data(cls) {
            ObjData::Type(t) => (t.builtin, t.slots.is_some()),
            _ => return,
        };
        let name = code.names[i];
        let slot = self.shared_key_index(cls, name).map_or(NO_SLOT, |s| s as u8);
        let hooks = self.type_hooks(cls);
        let attr = self.lookup_type(cls, name);
        let akind = match attr {
            None => A_NONE,
            Some(d) => self.classify_class_attr(d),
        };
        let mut kind = akind;
        if hooks & HOOK_GETATTRIBUTE == 0 {
            kind |= F_LOAD;
        }
        if hooks & HOOK_SETATTR == 0 && !has_slots && akind != A_OTHER {
            kind |= F_STORE;
        }
        if builtin {
            kind |= F_BUILTIN;
        }
        // Read after the lookups above (none of which changes a class).
        let version = self.class_version(cls);
        let Some(ways) = code.attr_ways_for_fill(i) else { return };
        // Replace this class's stale entry, else the oldest; the new entry
        // goes first (most recently filled).
        let p = ways.iter().position(|w| w.get().cls == cls);
        let p = p.unwrap_or(ATTR_CACHE_WAYS - 1);
        let old = ways[p].get();
        let hint = if old.cls == cls { old.hint } else { ways[0].get().hint };
        for k in (1..=p).rev() {
            ways[k].set(ways[k - 1].get());
        }
        ways[0].set(AttrCache { cls, version, class_attr: attr.unwrap_or(Value::Undef), kind, slot, hint, absent_in: 0 });
    }

    fn classify_class_attr(&mut self, d: Value) -> u8 {
        let Value::Obj(r) = d else { return A_PLAIN };
        match self.heap.data(r) {
            ObjData::Function(_) => return A_METHOD,
            ObjData::Native(n) if n.kind == NativeKind::Method && n.bound.is_undef() => return A_METHOD,
            // Descriptor payloads `descr_get_payload` handles.
            ObjData::Native(_) | ObjData::Property(_) | ObjData::GetSet(_) | ObjData::Member(_) | ObjData::ClassMethod(_) | ObjData::StaticMethod(_) => {
                return A_OTHER
            }
            _ => {}
        }
        // Its class may gain `__get__`/`__set__` later, which would not
        // change `cls`'s version.
        let vc = self.heap.class_of_obj(r);
        if !matches!(self.heap.data(vc), ObjData::Type(t) if t.builtin) {
            return A_OTHER;
        }
        let (get, set, del) = (self.names.__get__, self.names.__set__, self.names.__delete__);
        if self.lookup_special(d, get).is_some() || self.lookup_special(d, set).is_some() || self.lookup_special(d, del).is_some() {
            A_OTHER
        } else {
            A_PLAIN
        }
    }
}
