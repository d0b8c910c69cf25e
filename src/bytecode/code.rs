//! Code units (what the compiler produces, free of heap values) and code
//! objects (a unit loaded into the VM: names interned, constants allocated,
//! inline caches attached).

use std::cell::{Cell, OnceCell};
use std::rc::Rc;

use num_bigint::BigInt;

use super::opcode::Instr;
use crate::runtime::value::{ObjRef, Value};
use crate::source::SourceFile;

/// Code flags, as in CPython's `co_flags` (only the ones we use).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x1;
    pub const NEWLOCALS: u32 = 0x2;
    pub const VARARGS: u32 = 0x4;
    pub const VARKEYWORDS: u32 = 0x8;
    pub const NESTED: u32 = 0x10;
    pub const GENERATOR: u32 = 0x20;
    pub const COROUTINE: u32 = 0x80;
    pub const ASYNC_GENERATOR: u32 = 0x200;
    /// Not a CPython flag: set only on a stub (see `CodeObject`), whose
    /// `co_flags` nobody sees (code attributes load the full object). It
    /// makes the signature "not simple", so `push_py_frame` meets stubs on
    /// its slower argument-binding path and its fast path tests nothing new.
    pub const STUB: u32 = 0x4000_0000;
}

/// A compile-time constant.
#[derive(Debug, Clone, PartialEq)]
pub enum Const {
    None,
    Bool(bool),
    Ellipsis,
    Int(i64),
    BigInt(BigInt),
    Float(f64),
    Complex(f64, f64),
    Str(String),
    Bytes(Vec<u8>),
    Tuple(Vec<Const>),
    /// For `x in {1, 2, 3}` and constant set displays.
    FrozenSet(Vec<Const>),
    Code(Rc<CodeUnit>),
}

/// One entry of the exception table: instructions in `[start, end)` jump
/// to `target` on an exception, after cutting the value stack back to
/// `depth` items (above the frame's locals) and pushing the exception.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ExcEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

/// The compiler's output for one function, class body, module or
/// comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct CodeUnit {
    pub name: String,
    pub qualname: String,
    pub first_line: u32,
    pub instrs: Vec<Instr>,
    /// Source line of each instruction.
    pub lines: Vec<u32>,
    pub consts: Vec<Const>,
    pub names: Vec<String>,
    /// Local variable names: parameters first, in signature order
    /// (positional, keyword-only, *args, **kwargs).
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// For each cell variable that is also a parameter: (cell index, arg index).
    pub cell_args: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exc_table: Vec<ExcEntry>,
    pub docstring: Option<String>,
    /// Maximum value-stack depth above the locals (see `CodeObject::stacksize`).
    pub stacksize: u32,
}

impl CodeUnit {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }
}

/// Inline cache for `LoadGlobal`: where a name was found last time, valid
/// while the globals' (and builtins') key sets are unchanged.
#[derive(Clone, Copy, Default)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Entry index in globals (`in_builtins == false`) or builtins.
    pub index: u32,
    pub in_builtins: bool,
}

/// Entries per name: a method of a base class sees each subclass (richards'
/// `Task` methods see four), so one entry per name would thrash.
pub const ATTR_CACHE_WAYS: usize = 4;

/// Inline cache for `LoadAttr`/`StoreAttr`/`LoadMethod` of one name and
/// one class (see `vm::attrcache`).
#[derive(Clone, Copy)]
pub struct AttrCache {
    /// The class described (the null key matches no object).
    pub cls: ObjRef,
    /// The class's version when filled (`Vm::class_version`).
    pub version: u64,
    /// What the class (MRO) holds under the name; `Undef` if nothing.
    pub class_attr: Value,
    /// Classification and flags (`vm::attrcache`).
    pub kind: u8,
    /// Index of the name in the class's shared keys (`runtime/instance.rs`),
    /// `NO_SLOT` if it is not one: where inline-layout instances keep it.
    pub slot: u8,
    /// Index where the name was last found in an instance dict.
    pub hint: u32,
    /// `keys_version` of the last instance dict found without the name
    /// (0: none; dict versions start at 1). A method called again on the
    /// same object skips the dict's hash probe.
    pub absent_in: u64,
}

/// `AttrCache::slot` of a name that is no shared key (greater than any
/// instance's number of inline values).
pub const NO_SLOT: u8 = u8::MAX;

const _: () = assert!(crate::runtime::instance::MAX_SHARED_KEYS < NO_SLOT as usize);
const _: () = assert!(std::mem::size_of::<AttrCache>() <= 48);

impl Default for AttrCache {
    fn default() -> Self {
        AttrCache { cls: ObjRef::default(), version: u64::MAX, class_attr: Value::Undef, kind: 0, slot: NO_SLOT, hint: 0, absent_in: 0 }
    }
}

/// A code unit loaded into a VM. Immutable apart from its inline caches.
///
/// A code object read from the code cache may be a *stub*: only its
/// header (names, first line, argument counts, flags, docstring) is
/// loaded, `instrs` is empty, `flags` has `flags::STUB` and `lazy` says
/// where the rest is; `Vm::loaded_code` turns a stub into the full
/// object. Stubs never run: frames are only made from loaded code, and
/// the code attributes that need the body load it first.
pub struct CodeObject {
    pub name: String,
    pub qualname: String,
    pub source: Rc<SourceFile>,
    pub first_line: u32,
    pub instrs: Box<[Instr]>,
    pub lines: Box<[u32]>,
    pub consts: Box<[Value]>,
    /// Interned `str` objects.
    pub names: Box<[ObjRef]>,
    pub varnames: Box<[String]>,
    /// Interned parameter names, for keyword-argument binding.
    pub param_names: Box<[ObjRef]>,
    pub cellvars: Box<[String]>,
    pub freevars: Box<[String]>,
    pub cell_args: Box<[(u32, u32)]>,
    pub nlocals: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub exc_table: Box<[ExcEntry]>,
    pub docstring: Option<String>,
    /// Maximum value-stack depth above the locals-plus area
    /// (`compiler::builder::max_stack_depth`): the dispatch loop reserves
    /// it on entering a frame and pushes without capacity checks.
    pub stacksize: u32,
    /// One cache per entry of `names` (used by `LoadGlobal`). Made on
    /// first use, like `attr_caches`: most code loaded at start-up (the
    /// embedded stdlib's functions) never runs, and building both tables
    /// eagerly was ~8% of the instructions of importing typing & co.
    pub global_caches: OnceCell<Box<[Cell<GlobalCache>]>>,
    /// `ATTR_CACHE_WAYS` caches per entry of `names` (`LoadAttr`,
    /// `StoreAttr`, `LoadMethod`): name `i` uses `i * WAYS ..`.
    pub attr_caches: OnceCell<Box<[[Cell<AttrCache>; ATTR_CACHE_WAYS]]>>,
    /// For a stub: where its body is, and the full object once loaded.
    pub lazy: Option<Box<crate::stdlib::codecache::LazyCode>>,
}

impl CodeObject {
    /// Not loaded yet (see the type's note).
    #[inline]
    pub fn is_stub(&self) -> bool {
        self.flags & flags::STUB != 0 && self.lazy.is_some()
    }

    /// The full code object if this stub has been loaded, else `self`
    /// (`MakeFunction` uses it so a closure made in a loop does not go
    /// through the loader again).
    #[inline]
    pub fn loaded_or_self(self: &Rc<Self>) -> &Rc<Self> {
        match &self.lazy {
            Some(l) => l.loaded().unwrap_or(self),
            None => self,
        }
    }

    /// The `LoadGlobal` cache of name `i` (an empty one, which matches no
    /// dict version, until the table exists).
    #[inline]
    pub fn global_cache(&self, i: usize) -> GlobalCache {
        match self.global_caches.get() {
            Some(t) => t[i].get(),
            None => GlobalCache::default(),
        }
    }

    /// Fill the `LoadGlobal` cache of name `i`, making the table if needed.
    pub fn set_global_cache(&self, i: usize, c: GlobalCache) {
        let t = self.global_caches.get_or_init(|| (0..self.names.len()).map(|_| Cell::new(GlobalCache::default())).collect());
        t[i].set(c);
    }

    /// The attribute caches of name `i`, if the table exists.
    #[inline]
    pub fn attr_ways(&self, i: usize) -> Option<&[Cell<AttrCache>]> {
        self.attr_caches.get()?.get(i).map(|w| &w[..])
    }

    /// The attribute caches of name `i`, making the table if needed.
    pub fn attr_ways_for_fill(&self, i: usize) -> Option<&[Cell<AttrCache>]> {
        let t = self.attr_caches.get_or_init(|| (0..self.names.len()).map(|_| std::array::from_fn(|_| Cell::new(AttrCache::default()))).collect());
        t.get(i).map(|w| &w[..])
    }

    /// Size of the locals-plus area: locals, then cells, then free vars.
    #[inline]
    pub fn nlocalsplus(&self) -> usize {
        self.nlocals as usize + self.cellvars.len() + self.freevars.len()
    }

    pub fn is_generator_like(&self) -> bool {
        self.flags & (flags::GENERATOR | flags::COROUTINE | flags::ASYNC_GENERATOR) != 0
    }

    /// Source line of instruction `ip`.
    pub fn line_at(&self, ip: usize) -> u32 {
        self.lines.get(ip).copied().unwrap_or(self.first_line)
    }

    /// The exception handler covering instruction `ip`, if any.
    pub fn handler_for(&self, ip: u32) -> Option<ExcEntry> {
        self.exc_table.iter().find(|e| e.start <= ip && ip < e.end).copied()
    }

    /// A simple signature: no defaults needed when called with exactly
    /// `argcount` positional args, no *args/**kwargs, no kw-only params.
    pub fn is_simple_signature(&self) -> bool {
        self.flags & (flags::VARARGS | flags::VARKEYWORDS | flags::STUB) == 0 && self.kwonlyargcount == 0
    }
}
