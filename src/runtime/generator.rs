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
}

pub struct GenObj {
    pub kind: GenKind,
    pub state: GenState,
    pub frame: SavedFrame,
    pub name: Value,
    pub qualname: Value,
    /// The exception being handled inside the generator while suspended.
    pub exc_state: Value,
    /// While running: the resumer's handled exception, restored when the
    /// frame suspends or finishes. Stale (and not traced) otherwise; kept
    /// here rather than in every `Frame` so frames are 64 bytes.
    pub resumer_exc: Value,
    /// Async generators: an `asend`/`athrow` is in progress.
    pub ag_running: bool,
    /// Async generators: the loop's finalizer hook has been registered.
    pub ag_hooks_inited: bool,
    /// Async generators: the finalizer to call when it becomes garbage.
    pub ag_finalizer: Value,
    /// Running with `frame.stack` swapped for the VM's stack: the frame's
    /// values are the VM stack and `frame.stack` holds the resumer's
    /// (see `push_gen_frame` in vm/generator.rs).
    pub on_own_stack: bool,
    /// Coroutines: awaited or otherwise driven at least once.
    pub started: bool,
    /// A `for`/`async for` created this generator in its header and holds
    /// the only reference: leaving the loop early finalises it.
    pub loop_owned: bool,
    /// Coroutines: where they were created (code, line), for the "was
    /// never awaited" warning.
    pub origin: Option<(std::rc::Rc<crate::bytecode::CodeObject>, u32)>,
}

impl GenObj {
    /// Suspended inside a `try` or `with` block: closing it (GeneratorExit
    /// at the `yield`) runs user code. Closing any other suspended
    /// generator has no visible effect.
    pub fn closing_runs_code(&self) -> bool {
        let ip = self.frame.ip;
        self.state == GenState::Suspended && (self.frame.code.handler_for(ip.saturating_sub(1)).is_some() || self.frame.code.handler_for(ip).is_some())
    }
}
