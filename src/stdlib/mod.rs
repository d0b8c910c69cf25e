//! The standard library: native modules (Rust) and modules written in
//! Python embedded in the binary, found through one registry, plus the
//! per-VM state native modules keep.

pub mod aiopy;
pub mod codecache;
pub mod collections;
pub mod contextvars;
pub mod files;
pub mod gc;
pub mod hashing;
pub mod heapq;
pub mod io;
pub mod itertools;
pub mod json;
pub mod math;
pub mod operator;
pub mod os;
pub mod sys;
pub mod time;

use crate::runtime::fasthash::FastMap;

use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// How a built-in module is provided.
pub enum ModuleDef {
    /// Built by Rust code.
    Native(fn(&mut Vm, ObjRef) -> PyResult<()>),
    /// Python source compiled on first import.
    Source(&'static str),
}

/// Find a standard-library module by name.
pub fn find_module(name: &str) -> Option<ModuleDef> {
    crate::stdlib::registry::lookup(name)
}

pub mod registry;

/// State native modules keep in the VM (reached by the collector through
/// `trace_roots`).
#[derive(Default)]
pub struct ExtState {
    /// The last class version handed out (`Vm::bump_class_version`).
    pub type_epoch: u64,
    /// Each class's version by heap slot index (`Vm::class_version`).
    pub class_versions: Vec<u64>,
    /// While `builtins::install` fills the built-in types' namespaces: the
    /// types changed, whose versions are bumped once at the end instead of
    /// at each of the ~650 entries (see `builtins::type_changed`).
    pub builtins_changed: Option<Vec<ObjRef>>,
    /// `__dict__`s of objects whose payload has no slot for one.
    pub extra_dicts: FastMap<ObjRef, ObjRef>,
    /// `__slots__` values of objects that also have a visible `__dict__`
    /// (kept apart so they don't show up in it).
    pub slot_dicts: FastMap<ObjRef, ObjRef>,
    /// Objects owned by native modules that must stay alive.
    pub roots: Vec<Value>,
    /// The `random` module's generator state.
    pub random: Option<Box<crate::stdlib::random::MersenneTwister>>,
    pub asyncio: crate::asyncio::AsyncioState,
    /// The current `contextvars` context (None until first used).
    pub context: Option<ObjRef>,
    /// `gc.disable()` was called (reported by `gc.isenabled()`).
    pub gc_disabled: bool,
    /// `gc.set_threshold()`'s values (None: CPython's defaults).
    pub gc_threshold: Option<(i64, i64, i64)>,
}

impl ExtState {
    pub fn trace_roots(&self, out: &mut Vec<ObjRef>) {
        for v in &self.roots {
            if let Value::Obj(r) = v {
                out.push(*r);
            }
        }
        self.asyncio.trace(out);
        out.extend(self.context);
    }
}

pub mod random;
pub mod random_mod;
pub mod sre;
