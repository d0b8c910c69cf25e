//! `ExcObj`: the payload of every exception instance (built-in exception
//! classes and user subclasses alike).

use std::rc::Rc;

use super::value::{ObjRef, Value};
use crate::bytecode::CodeObject;

/// One traceback entry: a frame's code and the line it was executing.
#[derive(Clone)]
pub struct TbEntry {
    pub code: Rc<CodeObject>,
    pub line: u32,
}

pub struct ExcObj {
    /// `args` (a tuple object).
    pub args: Value,
    /// Traceback, innermost entry first as it grows while unwinding; the
    /// printed order ("most recent call last") is the reverse.
    pub traceback: Vec<TbEntry>,
    pub cause: Value,
    pub context: Value,
    pub suppress_context: bool,
    /// Extra attributes (user subclasses, `StopIteration.value`, ...).
    pub dict: Option<ObjRef>,
    /// "Did you mean" name for a NameError, found when it was raised
    /// (the frame's namespaces are gone by the time it is printed).
    pub suggestion: Option<Box<str>>,
}

impl ExcObj {
    pub fn new(args: Value) -> ExcObj {
        ExcObj { args, traceback: Vec::new(), cause: Value::None, context: Value::None, suppress_context: false, dict: None, suggestion: None }
    }
}
