//! Function objects: Python functions (code + globals + defaults +
//! closure) and native functions (a Rust fn pointer with a name).

use std::rc::Rc;

use super::value::{ObjRef, Value};
use crate::bytecode::CodeObject;
use crate::vm::{KwArgs, PyResult, Vm};

pub struct Function {
    pub code: Rc<CodeObject>,
    /// The module globals (a `Dict` object).
    pub globals: ObjRef,
    /// `__name__` / `__qualname__` (str values; writable, e.g. by `wraps`).
    pub name: Value,
    pub qualname: Value,
    pub defaults: Vec<Value>,
    /// Keyword-only defaults (a `Dict` object).
    pub kwdefaults: Option<ObjRef>,
    /// Cells for the code's free variables, in `freevars` order.
    pub closure: Box<[ObjRef]>,
    /// `__dict__`, created on first attribute store.
    pub dict: Option<ObjRef>,
    pub doc: Value,
    pub annotations: Option<ObjRef>,
    pub module: Value,
}

/// A native function: positional args, keyword args (name, value).
pub type NativeFn = fn(&mut Vm, &[Value], KwArgs) -> PyResult<Value>;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NativeKind {
    /// A module-level builtin (`len`).
    Function,
    /// A method in a built-in type's namespace: binds `self` on access.
    Method,
    /// Receives the class as first argument (`dict.fromkeys`).
    ClassMethod,
    /// Found on a type, never binds (`str.maketrans`).
    StaticMethod,
}

#[derive(Clone)]
pub struct NativeFunction {
    pub name: &'static str,
    /// Owning type's name for methods (used in reprs and errors).
    pub owner: Option<&'static str>,
    pub func: NativeFn,
    pub kind: NativeKind,
    /// The bound receiver (`[].append`), `Undef` when unbound.
    pub bound: Value,
    /// Extra data for natives built at run time (e.g. `functools.partial`
    /// made natively, asyncio callbacks): passed as `bound`.
    pub doc: Option<&'static str>,
}
