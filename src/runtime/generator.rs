//! `GenObj`: generators, coroutines and async generators. A suspended one
//! owns its frame's state (locals and value stack) as a plain vector. The
//! first run copies it onto the VM's stack; later resumptions swap the
//! vector in as the VM's stack (no copy). No Rust stack is kept.

use std::rc::Rc;

use super::value::{ObjRef, Value};
use crate::bytecode::CodeObject;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GenState {
    /// Not started yet.
    Created,
    Suspended,
    Running,
    Closed,
}

/// A frame's state while it is not on the VM's frame stack.
pub struct SavedFrame {
    pub code: Rc<CodeObject>,
    pub ip: u32,
    pub globals: ObjRef,
    /// Locals-plus followed by the value stack.
    pub stack: Vec<Value>,
    /// Coroutines: the line of `GenObj::origin` (here, in what was the
    /// padding after `ip`, it makes a `GenObj` 96 bytes).
    pub origin_line: u32,
}

pub struct GenObj {
    pub kind: GenKind,
    pub state: GenState,
    pub frame: SavedFrame,
    /// What few generators have (`GenRare`), out of line: with
    /// `exc_state` an `Option<ObjRef>` and the origin's line in the
    /// frame's padding, a `GenObj` is 96 bytes (mimalloc's 96 class)
    /// instead of 152 (the 160 class); every task holds a coroutine.
    pub rare: Option<Box<GenRare>>,
    /// The exception being handled inside the generator while suspended
    /// (an exception is always an object; 8 bytes, not a `Value`'s 16).
    pub exc_state: Option<ObjRef>,
    /// While running: the resumer's handled exception, restored when the
    /// frame suspends or finishes. Stale (and not traced) otherwise; kept
    /// here rather than in every `Frame` so frames are 64 bytes.
    pub resumer_exc: Value,
    /// Async generators: an `asend`/`athrow` is in progress.
    pub ag_running: bool,
    /// Async generators: the loop's finalizer hook has been registered.
    pub ag_hooks_inited: bool,
    /// Running with `frame.stack` swapped for the VM's stack: the frame's
    /// values are the VM stack and `frame.stack` holds the resumer's
    /// (see `push_gen_frame` in vm/generator.rs).
    pub on_own_stack: bool,
    /// Coroutines: awaited or otherwise driven at least once.
    pub started: bool,
    /// A `for`/`async for` created this generator in its header and holds
    /// the only reference: leaving the loop early finalises it.
    pub loop_owned: bool,
    /// Coroutines: the code they were created in (the line is
    /// `frame.origin_line`), for the "was never awaited" warning.
    pub origin: Option<std::rc::Rc<crate::bytecode::CodeObject>>,
}

const _: () = assert!(std::mem::size_of::<GenObj>() <= 96);

/// The fields of a `GenObj` most generators leave at their defaults.
pub struct GenRare {
    /// `__name__` and `__qualname__` when they are not the code object's
    /// (the function was renamed, or `functools.wraps`); `Undef`: the
    /// code object's (`Vm::gen_name`).
    pub name: Value,
    pub qualname: Value,
    /// Async generators: the loop whose finaliser hook runs when it
    /// becomes garbage (None: not registered).
    pub ag_finalizer: Value,
}

impl GenObj {
    /// Where the coroutine was created (code, line), once.
    pub fn take_origin(&mut self) -> Option<(std::rc::Rc<CodeObject>, u32)> {
        self.origin.take().map(|c| (c, self.frame.origin_line))
    }

    /// Suspended inside a `try` or `with` block: closing it (GeneratorExit
    /// at the `yield`) runs user code. Closing any other suspended
    /// generator has no visible effect.
    pub fn closing_runs_code(&self) -> bool {
        let ip = self.frame.ip;
        self.state == GenState::Suspended && (self.frame.code.handler_for(ip.saturating_sub(1)).is_some() || self.frame.code.handler_for(ip).is_some())
    }

    /// `name`/`qualname` (str objects) as a `rare` part: None when they
    /// are the code object's names (`name_str`/`qualname_str` say what
    /// they are), so a generator made by a plain call allocates nothing more.
    pub fn rare_for_names(code: &CodeObject, name: Value, qualname: Value, name_str: Option<&str>, qualname_str: Option<&str>) -> Option<Box<GenRare>> {
        if name_str == Some(code.name.as_str()) && qualname_str == Some(code.qualname.as_str()) {
            return None;
        }
        Some(Box::new(GenRare { name, qualname, ag_finalizer: Value::None }))
    }

    pub fn ag_finalizer(&self) -> Value {
        self.rare.as_ref().map_or(Value::None, |r| r.ag_finalizer)
    }

    pub fn set_ag_finalizer(&mut self, v: Value) {
        match &mut self.rare {
            Some(r) => r.ag_finalizer = v,
            None if v.is_none() => {}
            None => self.rare = Some(Box::new(GenRare { name: Value::Undef, qualname: Value::Undef, ag_finalizer: v })),
        }
    }

    /// `__name__` if it is not the code object's name (see `GenRare`).
    pub fn name_override(&self) -> Option<Value> {
        self.rare.as_ref().map(|r| r.name).filter(|v| !matches!(v, Value::Undef))
    }

    /// `__qualname__` if it is not the code object's qualname.
    pub fn qualname_override(&self) -> Option<Value> {
        self.rare.as_ref().map(|r| r.qualname).filter(|v| !matches!(v, Value::Undef))
    }
}

impl crate::vm::Vm {
    /// `gen.__name__` (`qual`: `__qualname__`): the str the generator was
    /// made with, or the code object's name as an interned str.
    pub fn gen_name(&mut self, g: ObjRef, qual: bool) -> Value {
        let crate::runtime::object::ObjData::Generator(gen) = self.heap.data(g) else { return Value::None };
        let over = if qual { gen.qualname_override() } else { gen.name_override() };
        if let Some(v) = over {
            return v;
        }
        let code = gen.frame.code.clone();
        Value::Obj(self.intern(if qual { &code.qualname } else { &code.name }))
    }

    /// `gen.__qualname__` as a Rust string (reprs, warnings).
    pub fn gen_qualname_string(&self, g: ObjRef) -> String {
        let crate::runtime::object::ObjData::Generator(gen) = self.heap.data(g) else { return "?".to_string() };
        match gen.qualname_override() {
            Some(v) => self.str_of(v).unwrap_or("?").to_string(),
            None => gen.frame.code.qualname.clone(),
        }
    }
}
