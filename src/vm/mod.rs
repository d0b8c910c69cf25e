//! The virtual machine: owns the heap, the value stack, the frame stack,
//! the built-in types and modules, and the event loop.
//!
//! Calls between Python functions never recurse on the Rust stack: `Call`
//! pushes a `Frame` and the dispatch loop (`run.rs`) continues with it.
//! Native code that must call back into Python (a `key=` function, a
//! `__repr__`, the event loop stepping a task) enters a nested dispatch
//! loop with `call_value`; those nestings are counted against the
//! recursion limit, and the interpreter thread has a large stack.

pub mod attr;
pub mod attrcache;
pub mod call;
pub mod compare;
pub mod convert;
pub mod errors;
pub mod exceptions;
pub mod fastpath;
pub mod format;
pub mod gc;
pub mod generator;
pub mod import;
pub mod init;
pub mod instance;
pub mod interactive;
pub mod interrupt;
pub mod iter;
pub mod matching;
pub mod ops;
pub mod run;
pub mod run_fused;
pub mod run_cold;
pub mod setops;
pub mod shutdown;
pub mod suggest;
pub mod tbformat;
pub mod dictops;
pub mod types;

use std::rc::Rc;

use crate::bytecode::CodeObject;
use crate::runtime::dict::PyDict;
use crate::runtime::fasthash::FastMap;
use crate::runtime::heap::Heap;
use crate::runtime::object::ObjData;
use crate::runtime::str::PyStr;
use crate::runtime::value::{ObjRef, Value};

pub use errors::PyErr;
pub use types::{ExcTypes, Names, Types};

pub type PyResult<T> = Result<T, PyErr>;

/// Keyword arguments passed to a native function: (name, value) pairs,
/// names being `str` objects.
pub type KwArgs<'a> = &'a [(Value, Value)];

/// What happens to a frame's result when it finishes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FrameReturn {
    /// Ordinary call: cut the stack to `ret_sp` and push the result.
    Push,
    /// `__init__` run by a class call: the result must be None; push the
    /// new instance instead.
    Init,
    /// A generator resumed by `ForIter` in the caller: a yield pushes the
    /// value; a return pops the iterator and jumps to `exit`.
    ForIter { exit: u32 },
    /// A generator resumed by `Send` in the caller: a yield pushes the
    /// value; a return replaces the sub-iterator with the value and jumps.
    Send { exit: u32 },
    /// `await f(...)` of an `async def` run in place, with no coroutine
    /// object (see `Vm::push_awaited_coroutine`): a return pushes the value
    /// and jumps to `exit`; a first suspension builds the coroutine object.
    Await { exit: u32 },
    /// An async generator resumed in place by `async for`'s `__anext__()`
    /// (see `Vm::push_anext_frame`): the caller's stack holds a slot for
    /// the `Send`'s sub-iterator; a `yield` of a value puts it there and
    /// jumps to `exit`, an `await` passing a future up first builds the
    /// `asend` awaitable in that slot.
    Anext { exit: u32 },
    /// A generator resumed by a Python call of its `send` method
    /// (`g.send(v)`, see `Vm::push_send_call`): a yield pushes the value
    /// as the call's result; a return raises StopIteration(value) at the
    /// call, as the native method would.
    SendCall,
    /// Entered from native code: leave the dispatch loop with the result.
    Native,
}

pub struct Frame {
    pub code: Rc<CodeObject>,
    /// Next instruction to execute.
    pub ip: usize,
    /// Stack index of localsplus[0].
    pub base: usize,
    /// Where the stack is cut back to when the frame ends.
    pub ret_sp: usize,
    pub globals: ObjRef,
    /// Namespace of a class body (or `exec` locals): LoadName/StoreName.
    pub locals: Option<ObjRef>,
    /// The generator/coroutine whose frame this is.
    pub gen: Option<ObjRef>,
    pub ret: FrameReturn,
}

/// Interpreter settings from the command line.
#[derive(Clone, Debug, Default)]
pub struct Config {
    pub virtual_clock: bool,
    pub seed: Option<u64>,
    pub argv: Vec<String>,
    /// Directory of the main script (first entry of `sys.path`).
    pub script_dir: String,
    /// `-X importtime`: report each import's self and cumulative time on stderr.
    pub import_time: bool,
}

pub struct Vm {
    pub heap: Heap,
    pub stack: Vec<Value>,
    pub frames: Vec<Frame>,
    pub types: Types,
    pub exc: ExcTypes,
    pub names: Names,
    /// The `builtins` module's dict.
    pub builtins: ObjRef,
    /// `sys.modules`.
    pub modules: ObjRef,
    interned: FastMap<Box<str>, ObjRef>,
    pub not_implemented: Value,
    pub ellipsis: Value,
    pub empty_tuple: Value,
    /// The exception currently being handled (`sys.exc_info()`), or None.
    pub exc_info: Value,
    pub recursion_limit: usize,
    /// The generator most recently created by calling a generator function
    /// (see `Vm::mark_loop_iter`).
    pub last_created_gen: Option<ObjRef>,
    /// `-X importtime` bookkeeping: time spent in nested imports, one entry
    /// per import in progress (None when the option is off).
    pub import_timing: Option<Vec<std::time::Duration>>,
    /// Nested dispatch loops entered from native code.
    pub native_depth: usize,
    /// The native consumer (`sum`, `list`...) folding a generator's values
    /// in the dispatch loop (`Vm::gen_next_folding`), if any.
    pub(crate) absorber: crate::vm::generator::Absorber,
    /// Values native code keeps alive across calls back into Python.
    pub temp_roots: Vec<Value>,
    /// Objects being repr'd (to print `[...]` for cycles).
    pub repr_stack: Vec<ObjRef>,
    pub config: Config,
    pub out: crate::stdlib::io::Output,
    /// Extra state owned by native modules (random, asyncio, ...).
    pub ext: crate::stdlib::ExtState,
    /// A pending KeyboardInterrupt (set by the SIGINT handler).
    pub interrupt: std::sync::Arc<std::sync::atomic::AtomicBool>,
    /// Objects with finalizers found unreachable, to finalize at the next
    /// safe point (generators to close, coroutines never awaited).
    pub pending_finalizers: Vec<ObjRef>,
    /// Set once anything exists that `shutdown` may have to finish (a
    /// generator suspended inside a `try`, a coroutine, an async generator
    /// with a loop finalizer, a future holding an unretrieved exception);
    /// while false, exit skips the heap walk (2% of a start-up that only
    /// imports modules).
    pub exit_work_possible: bool,
    /// Coroutines created and not yet started or closed (an upper bound:
    /// one collected unawaited is still counted). Exit also walks the heap
    /// while this is non-zero, to warn about those never awaited.
    /// `_collections_abc` creates and closes one at import.
    pub unstarted_coroutines: usize,
    /// Method-lookup cache: (type, name) -> (type version, found value).
    pub method_cache: FastMap<(ObjRef, ObjRef), (u64, Option<Value>)>,
    /// The last dict probe answered natively (`dictops::DictProbe`).
    pub dict_probe: std::cell::Cell<crate::vm::dictops::DictProbe>,
    /// The error a superinstruction raised and the instruction index to
    /// report it at, until its arm takes it (`run_fused::FUSED_RAISED`).
    pub(crate) fused_error: Option<(PyErr, usize)>,
}

impl Vm {
    // ---- allocation helpers ----

    #[inline]
    pub fn alloc(&mut self, class: ObjRef, data: ObjData) -> Value {
        Value::Obj(self.heap.alloc(class, data))
    }

    pub fn new_str(&mut self, s: impl Into<Box<str>>) -> Value {
        let cls = self.types.str;
        self.alloc(cls, ObjData::Str(PyStr::new(s)))
    }

    /// The unique `str` object for an identifier-like string.
    pub fn intern(&mut self, s: &str) -> ObjRef {
        if let Some(&r) = self.interned.get(s) {
            return r;
        }
        let cls = self.types.str;
        let r = self.heap.alloc(cls, ObjData::Str(PyStr::new(s)));
        self.interned.insert(s.into(), r);
        r
    }

    pub fn interned_values(&self) -> impl Iterator<Item = ObjRef> + '_ {
        self.interned.values().copied()
    }

    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        let cls = self.types.list;
        self.alloc(cls, ObjData::List(items))
    }

    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        if items.is_empty() {
            return self.empty_tuple;
        }
        let cls = self.types.tuple;
        self.alloc(cls, ObjData::Tuple(items.into_boxed_slice()))
    }

    pub fn new_dict(&mut self) -> Value {
        let cls = self.types.dict;
        self.alloc(cls, ObjData::Dict(Box::new(PyDict::new())))
    }

    pub fn new_dict_ref(&mut self) -> ObjRef {
        let cls = self.types.dict;
        self.heap.alloc(cls, ObjData::Dict(Box::new(PyDict::new())))
    }

    pub fn new_bigint(&mut self, b: num_bigint::BigInt) -> Value {
        crate::vm::ops::int_from_big(self, b)
    }

    // ---- stack helpers ----

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    /// Push without a capacity check.
    ///
    /// # Safety
    /// The stack must have spare capacity for `v`.
    #[inline(always)]
    pub(crate) unsafe fn push_unchecked(&mut self, v: Value) {
        let len = self.stack.len();
        debug_assert!(len < self.stack.capacity());
        // SAFETY: the caller guarantees `len < capacity`.
        unsafe {
            self.stack.as_mut_ptr().add(len).write(v);
            self.stack.set_len(len + 1);
        }
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        let len = self.stack.len();
        if len == 0 {
            stack_underflow();
        }
        // SAFETY: `len - 1` is in bounds (checked above).
        let v = unsafe { read_halves(self.stack.as_ptr().add(len - 1)) };
        self.stack.truncate(len - 1);
        v
    }

    /// Pop the top two values: `(second, top)`. One length check and one
    /// length store for both (binary operators, compares, subscripts).
    #[inline(always)]
    pub fn pop2(&mut self) -> (Value, Value) {
        let len = self.stack.len();
        if len < 2 {
            stack_underflow();
        }
        // SAFETY: both indices are in bounds (checked above).
        let pair = unsafe {
            let p = self.stack.as_ptr().add(len - 2);
            (read_halves(p), read_halves(p.add(1)))
        };
        self.stack.truncate(len - 2);
        pair
    }

    #[inline]
    pub fn top(&self) -> Value {
        self.stack_get(self.stack.len().wrapping_sub(1))
    }

    /// Replace the top value (after `top`).
    #[inline(always)]
    pub fn set_top(&mut self, v: Value) {
        match self.stack.last_mut() {
            Some(slot) => *slot = v,
            None => stack_underflow(),
        }
    }

    /// The n-th value from the top (1 = top).
    #[inline]
    pub fn peek(&self, n: usize) -> Value {
        self.stack_get(self.stack.len().wrapping_sub(n))
    }

    /// Stack slot `i` (a local, or a value near the top), read as two
    /// halves like `pop` (a local just stored by `StoreFast` is often
    /// read back by the next instruction).
    #[inline(always)]
    pub fn stack_get(&self, i: usize) -> Value {
        if i >= self.stack.len() {
            stack_underflow();
        }
        // SAFETY: `i` is in bounds (checked above).
        unsafe { read_halves(self.stack.as_ptr().add(i)) }
    }

    // ---- heap accessors ----

    /// The `str` contents of a value known to be a str object.
    pub fn str_of(&self, v: Value) -> Option<&str> {
        match v {
            Value::Obj(r) => match &self.heap.get(r).data {
                ObjData::Str(s) => Some(s.as_str()),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn current_globals(&self) -> Option<ObjRef> {
        self.frames.last().map(|f| f.globals)
    }
}

/// Read a stack value as two 8-byte loads. A value an arm just pushed was
/// often written as two 8-byte stores (tag, payload); a 16-byte load of it
/// cannot be forwarded from them and waits for both to reach the cache.
///
/// # Safety
/// `p` must point to a valid `Value`.
#[inline(always)]
pub(crate) unsafe fn read_halves(p: *const Value) -> Value {
    let q = p.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: a `Value` is 16 bytes (the transmute checks it) and 8-aligned;
    // both halves are read as `MaybeUninit` (padding may be uninitialised)
    // and put back together into the value they came from. The reads are
    // volatile so LLVM cannot merge them back into one 16-byte load where
    // the value only moves to other memory (`StoreFast`, `LoadFast`: the
    // merged load stalled on the two stores of the value just pushed,
    // 5 % of nbody's samples on `StoreFast` alone).
    unsafe { std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>([q.read_volatile(), q.add(1).read_volatile()]) }
}

/// Write a value as two 8-byte stores: the value was often just computed
/// in two registers, and merged into one 16-byte store it went through
/// the Rust stack and was read back with a 16-byte load that waited on
/// two 8-byte stores (a store-forwarding stall; see `read_halves`).
///
/// # Safety
/// `p` must be valid for writing a `Value`.
#[inline(always)]
pub(crate) unsafe fn write_halves(p: *mut Value, v: Value) {
    // SAFETY: as `read_halves`: a `Value` is 16 bytes, its halves written
    // as `MaybeUninit` (padding may be uninitialised); volatile so LLVM
    // does not merge them back into one 16-byte store.
    unsafe {
        let h = std::mem::transmute::<Value, [std::mem::MaybeUninit<u64>; 2]>(v);
        let q = p.cast::<std::mem::MaybeUninit<u64>>();
        q.write_volatile(h[0]);
        q.add(1).write_volatile(h[1]);
    }
}

#[cold]
#[inline(never)]
fn stack_underflow() -> ! {
    panic!("internal error: value stack underflow")
}
