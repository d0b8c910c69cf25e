//! Heap objects: the class pointer every object carries, and the payload
//! enum with one variant per built-in layout.
//!
//! Invariants:
//! - `ObjData` stays at 32 bytes (payloads larger than 24 bytes are boxed),
//!   so a heap slot is small; `size_of` is asserted below.
//! - `class` is always a heap `Type` object. An instance of a user subclass
//!   of a built-in (`class E(ValueError)`, `class L(list)`) uses the
//!   built-in's payload with `class` pointing at the subclass.
//! - Every `ObjRef`/`Value` an object holds is reported by its `trace`
//!   (see `heap.rs`); forgetting one would let the collector free a live
//!   object.

use std::any::Any;
use std::rc::Rc;

use num_bigint::BigInt;

use super::dict::PyDict;
use super::set::PySet;
use super::str::PyStr;
use super::value::{ObjRef, Value};
use crate::bytecode::CodeObject;
use crate::runtime::class::TypeObj;
use crate::runtime::exception::ExcObj;
use crate::runtime::function::{Function, NativeFunction};
use crate::runtime::instance::InstanceAttrs;
use crate::runtime::generator::GenObj;
use crate::runtime::iter::{IterState, ViewKind};

pub struct Obj {
    pub class: ObjRef,
    pub data: ObjData,
}

pub enum ObjData {
    /// A bare `object()`; no attributes.
    Object,
    /// An instance of a user class: its attributes, inline with the
    /// class's shared keys or in a dict (`runtime/instance.rs`).
    Instance(InstanceAttrs),
    Str(PyStr),
    Bytes(Box<[u8]>),
    ByteArray(Vec<u8>),
    /// An int outside the i64 range (never one that fits).
    BigInt(Box<BigInt>),
    Complex(Box<(f64, f64)>),
    /// A float held by an instance of a `float` subclass (plain floats
    /// are `Value::Float`).
    Float(f64),
    List(Vec<Value>),
    Tuple(Box<[Value]>),
    Dict(Box<PyDict>),
    /// `set` and `frozenset` (the class tells which).
    Set(Box<PySet>),
    Range(Box<RangeObj>),
    Slice(Box<[Value; 3]>),
    Function(Box<Function>),
    Native(Box<NativeFunction>),
    /// `obj.method` bound: (self, function).
    BoundMethod(Box<(Value, Value)>),
    Type(Box<TypeObj>),
    Module(Box<ModuleObj>),
    /// A closure cell.
    Cell(Value),
    Code(Rc<CodeObject>),
    /// Generators, coroutines and async generators (`GenObj::kind`).
    Generator(Box<GenObj>),
    Exception(Box<ExcObj>),
    Property(Box<Property>),
    StaticMethod(Value),
    ClassMethod(Value),
    /// `super(type, obj)`: (the type to start after, the bound object).
    Super(Box<(ObjRef, Value)>),
    Iter(Box<IterState>),
    /// `dict.keys()` / `.values()` / `.items()`: a live view of a dict.
    DictView(ObjRef, ViewKind),
    /// A native attribute of a built-in type (`function.__name__`, ...).
    GetSet(Box<GetSet>),
    /// A `__slots__` entry: (attribute name as a str object, owner class).
    Member(Box<(ObjRef, ObjRef)>),
    /// Any other native object (asyncio futures, deques, ...): the module
    /// that owns it downcasts. `NativeData::trace` keeps it honest with the
    /// collector.
    Native2(Box<dyn NativeData>),
}

const _: () = assert!(std::mem::size_of::<ObjData>() <= 32);

/// A native payload defined outside `runtime` (stdlib, asyncio).
pub trait NativeData: Any {
    /// Report every heap reference this object holds.
    fn trace(&self, out: &mut Vec<ObjRef>);
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
    /// The length `len()` and truth testing see when the object's class
    /// is `class` (the payload's own type, e.g. exactly `deque`: a
    /// subclass may override `__len__`), so they need not call `__len__`
    /// through Python's protocol; None: no native length.
    fn native_len(&self, _class: ObjRef) -> Option<usize> {
        None
    }
}

pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl RangeObj {
    pub fn len(&self) -> i64 {
        range_len(self.start, self.stop, self.step)
    }
}

pub fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (lo, hi, st) = if step > 0 { (start as i128, stop as i128, step as i128) } else { (stop as i128, start as i128, -(step as i128)) };
    if lo >= hi {
        0
    } else {
        ((hi - lo - 1) / st + 1) as i64
    }
}

pub struct ModuleObj {
    pub name: String,
    /// The module's globals (a `Dict` object), shared with its functions.
    pub dict: ObjRef,
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
    /// The attribute name given by `__set_name__` (for error messages).
    pub name: Value,
}

pub type GetterFn = fn(&mut crate::vm::Vm, Value) -> crate::vm::PyResult<Value>;
pub type SetterFn = fn(&mut crate::vm::Vm, Value, Value) -> crate::vm::PyResult<()>;

pub struct GetSet {
    pub name: &'static str,
    pub owner: &'static str,
    pub get: GetterFn,
    pub set: Option<SetterFn>,
}
