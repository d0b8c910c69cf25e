//! Where an instance of a user class keeps its attributes.
//!
//! Most instances of one class get the same attributes in the same order
//! (`__init__` assigns them), so the names are stored once, in the class
//! (`TypeObj::shared_keys`, append-only), and each instance keeps only
//! its values, inline in its heap slot: `Inline(values)` means "the
//! first `values.len()` names of my class's shared keys, with these
//! values". An attribute load that the inline cache has seen before is
//! then one bounds-checked index (`vm::attrcache`), with no dict object,
//! no hashing and no key compare; and an instance costs no dict object.
//!
//! An instance turns into `Dict` (a real `dict` object, same insertion
//! order, same values) the first time anything needs a dict or does what
//! the shared layout cannot express: `__dict__`/`vars()`, a name stored
//! out of the class's order, a class with more than `MAX_SHARED_KEYS`
//! names, `del obj.x`, `__class__` assignment, any native code asking for
//! `Vm::instance_dict`. It stays `Dict` for good, so everything that held
//! the dict keeps seeing the live namespace, exactly as before this
//! layout existed. (CPython 3.11 does the same with its "inline values"
//! and per-class shared keys.)
//!
//! Invariants:
//! - The shared key list of a class only grows, so index `i` names the
//!   same attribute of that class forever; caches may keep indexes.
//! - Appending a key bumps the class's version (`Vm::bump_class_version`),
//!   so a cache that recorded "not a shared key" is refilled.
//! - Every key is an exact `str` object, at most once in the list.

use super::value::{ObjRef, Value};

/// Most names a class's shared key list takes; an instance that needs
/// more turns into a dict.
pub const MAX_SHARED_KEYS: usize = 30;

pub enum InstanceAttrs {
    /// The values of the first `len()` shared keys of the object's class.
    Inline(Vec<Value>),
    /// A real `dict` object (the instance's `__dict__`), for good.
    Dict(ObjRef),
}

impl InstanceAttrs {
    /// The dict, once materialized.
    #[inline]
    pub fn dict(&self) -> Option<ObjRef> {
        match self {
            InstanceAttrs::Dict(d) => Some(*d),
            InstanceAttrs::Inline(_) => None,
        }
    }
}
