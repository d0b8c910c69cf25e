//! `Value`: what a Python variable, stack slot or container element holds.
//!
//! Small immutable values (None, bools, machine-word ints, floats) live
//! inline; everything else is an [`ObjRef`] into the [`Heap`](super::heap).
//! A `Value` is `Copy` and 16 bytes: no reference counts, no borrow flags.
//! Objects are freed by the tracing collector, never by dropping a `Value`.

use slotmap::new_key_type;

new_key_type! {
    /// A reference to a heap object (slot index + generation).
    pub struct ObjRef;
}

// `repr(u64)`: an 8-byte tag, every payload at offset 8. With the
// default layout the tag was one byte and `Bool` sat at offset 1, so
// LLVM copied a `Value` as byte + overlapping unaligned 8-byte pieces
// through stack slots (store-forwarding stalls: the hottest instruction
// of `LoadFast` in fib/int_loop profiles). Now a copy is two aligned
// qwords.
#[derive(Clone, Copy, Debug)]
#[repr(u64)]
pub enum Value {
    /// An empty slot: an unbound local, a missing "self" below a callable
    /// (like CPython's NULL). Never visible to Python code.
    Undef,
    None,
    Bool(bool),
    /// An int that fits in 64 bits; larger ones are heap `BigInt`s and are
    /// always normalised back to this form when they fit.
    Int(i64),
    Float(f64),
    Obj(ObjRef),
}

const _: () = assert!(std::mem::size_of::<Value>() <= 16);

impl Value {
    #[inline]
    pub fn is_undef(self) -> bool {
        matches!(self, Value::Undef)
    }

    #[inline]
    pub fn is_none(self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_obj(self) -> Option<ObjRef> {
        match self {
            Value::Obj(r) => Some(r),
            _ => None,
        }
    }

    /// Identity (`is`): same immediate or same object.
    #[inline]
    pub fn is(self, other: Value) -> bool {
        match (self, other) {
            (Value::Undef, Value::Undef) | (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            (Value::Obj(a), Value::Obj(b)) => a == b,
            _ => false,
        }
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<f64> for Value {
    fn from(f: f64) -> Value {
        Value::Float(f)
    }
}

impl From<ObjRef> for Value {
    fn from(r: ObjRef) -> Value {
        Value::Obj(r)
    }
}
