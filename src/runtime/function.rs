//! Function objects: Python functions (code + globals + defaults +
//! closure) and native functions (a Rust fn pointer with a name).

use std::rc::Rc;

use super::value::{ObjRef, Value};
use crate::bytecode::{flags, CodeObject};
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
    /// `code.argcount` when a positional call can push this function's
    /// frame directly (`Vm::push_plain_frame`), `u32::MAX` otherwise: one
    /// compare per call instead of six. Kept in step with `code` by
    /// `set_code` (the only way `code` changes).
    pub plain_argcount: u32,
    /// `name` and `qualname` are still the code object's names (cleared
    /// by assigning either or `__code__`; a code-cache stub's
    /// loaded body has the same names): its generators need not keep
    /// their own copy (`GenObj::rare`), without comparing strings.
    pub names_from_code: bool,
}

impl Function {
    /// See `plain_argcount`: no `*args`/`**kwargs`, keyword-only
    /// parameters or cell variables, not a generator or coroutine, a
    /// loaded body (not a code-cache stub), a closure matching the free
    /// variables, and locals for every parameter.
    pub fn plain_argcount_of(code: &CodeObject, nclosure: usize) -> u32 {
        let not_plain = flags::VARARGS | flags::VARKEYWORDS | flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR | flags::STUB;
        if code.flags & not_plain != 0 || code.kwonlyargcount != 0 || !code.cellvars.is_empty() || nclosure != code.freevars.len() || code.nlocals < code.argcount || code.argcount == u32::MAX {
            u32::MAX
        } else {
            code.argcount
        }
    }

    pub fn set_code(&mut self, code: Rc<CodeObject>) {
        self.plain_argcount = Self::plain_argcount_of(&code, self.closure.len());
        self.code = code;
    }
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
