//! asyncio's small coroutines (`Queue.put`/`get`, `Event.wait`,
//! `Lock.acquire`, `Semaphore.acquire`, `async with lock:`) without a
//! Python frame in their common case.
//!
//! In CPython each is an `async def` (asyncio/queues.py, locks.py), so
//! every `await q.put(x)` makes a coroutine and runs several Python
//! methods (`full`, `qsize`, `put_nowait`, `_put`, `_wakeup_next`) even
//! when nothing has to wait. Here the method returns a native
//! coroutine-typed awaitable (`asyncgen::Awaitable::Deferred`). Nothing
//! happens until it is first sent into, exactly as with a coroutine.
//! Then, if the receiver is an instance of exactly the asyncio class and
//! its state has the usual shape:
//! - an operation that need not wait completes natively (`Fast::Done`);
//! - a wait (an unset Event, a held Lock, a full or empty Queue...)
//!   parks on a native future (`Fast::Park`), and the rest of the method
//!   after its `await fut` runs natively when the task resumes it
//!   (`resume`); a queue method goes round its `while` loop and may park
//!   again.
//! Anything else (a subclass, an instance attribute that could shadow a
//! method, odd attribute values, keywords or a wrong argument count)
//! calls the original `async def`, kept as
//! the slow path, and the awaitable forwards every send/throw to it, so
//! the Python code in asyncio.py stays the definition of the behaviour.
//! No fast path changes anything before all of its checks have passed.
//!
//! `TaskGroup.create_task` (a plain method) is here for the same reason:
//! natively when the group is in its usual state, else the Python method.

use std::cell::Cell;

use crate::asyncio::future;
use crate::runtime::heap::push_value;
use crate::runtime::instance::InstanceAttrs;
use crate::runtime::class::TypeObj;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::stdlib::collections::{exact_deque, exact_deque_ref, DequeObj};
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

/// Which method an `Awaitable::Deferred` stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    QueuePut,
    QueueGet,
    EventWait,
    LockAcquire,
    SemaphoreAcquire,
    /// `_ContextManagerMixin.__aenter__`: `await self.acquire()`.
    Enter,
    /// `_ContextManagerMixin.__aexit__`: `self.release()`.
    Exit,
}

impl Op {
    pub fn qualname(self) -> &'static str {
        match self {
            Op::QueuePut => "Queue.put",
            Op::QueueGet => "Queue.get",
            Op::EventWait => "Event.wait",
            Op::LockAcquire => "Lock.acquire",
            Op::SemaphoreAcquire => "Semaphore.acquire",
            Op::Enter => "_ContextManagerMixin.__aenter__",
            Op::Exit => "_ContextManagerMixin.__aexit__",
        }
    }

    /// Positional arguments of the method, `self` included.
    fn nargs(self) -> usize {
        match self {
            Op::QueuePut => 2,
            Op::Exit => 4,
            _ => 1,
        }
    }

    const ALL: [Op; 7] = [Op::QueuePut, Op::QueueGet, Op::EventWait, Op::LockAcquire, Op::SemaphoreAcquire, Op::Enter, Op::Exit];
}

// `Registry::slow` and `METHODS` are indexed by `op as usize`: `Op::ALL`
// must list the variants in declaration order.
const _: () = {
    let mut i = 0;
    while i < Op::ALL.len() {
        assert!(Op::ALL[i] as usize == i);
        i += 1;
    }
};

/// Plain (not `async`) methods of Queue and Event with a native fast
/// path; the Python function is their slow path, as for `Op`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Plain {
    PutNowait,
    GetNowait,
    TaskDone,
    Qsize,
    Empty,
    Full,
    EventSet,
    EventClear,
    EventIsSet,
}

impl Plain {
    const ALL: [Plain; 9] =
        [Plain::PutNowait, Plain::GetNowait, Plain::TaskDone, Plain::Qsize, Plain::Empty, Plain::Full, Plain::EventSet, Plain::EventClear, Plain::EventIsSet];

    fn qualname(self) -> &'static str {
        match self {
            Plain::PutNowait => "Queue.put_nowait",
            Plain::GetNowait => "Queue.get_nowait",
            Plain::TaskDone => "Queue.task_done",
            Plain::Qsize => "Queue.qsize",
            Plain::Empty => "Queue.empty",
            Plain::Full => "Queue.full",
            Plain::EventSet => "Event.set",
            Plain::EventClear => "Event.clear",
            Plain::EventIsSet => "Event.is_set",
        }
    }

    /// Positional arguments, `self` included.
    fn nargs(self) -> usize {
        if self == Plain::PutNowait {
            2
        } else {
            1
        }
    }
}

// `Registry::plain_slow` and `PLAIN_METHODS` are indexed by `op as usize`.
const _: () = {
    let mut i = 0;
    while i < Plain::ALL.len() {
        assert!(Plain::ALL[i] as usize == i);
        i += 1;
    }
};

/// The classes and slow paths registered by asyncio.py, and the
/// attribute names the fast paths read (interned once).
pub struct Registry {
    task_group: ObjRef,
    create_task_slow: Value,
    on_task_done_slow: Value,
    queue: ObjRef,
    event: ObjRef,
    lock: ObjRef,
    semaphore: ObjRef,
    /// The original `async def` of each `Op`, in `Op::ALL` order.
    slow: [Value; 7],
    /// The original function of each `Plain`, in `Plain::ALL` order.
    plain_slow: [Value; 9],
    n: Names,
    /// Where the six attributes `queue_attrs` reads sit in the Queue
    /// class's shared keys, once all six are there. Shared keys are
    /// append-only (`runtime/instance.rs`), so this never goes stale.
    queue_slots: Cell<Option<[u8; 6]>>,
}

/// An instance-dict attribute name and the index it was last found at
/// (`Vm::dict_index_str_hinted`): the instances of one class are filled
/// in the same order, so the hint almost always answers.
struct Key {
    name: ObjRef,
    hint: Cell<u32>,
}

/// A field of `Names`, for `get`/`set`.
type Field = fn(&Names) -> &Key;

/// Attribute `name` of instance `obj` (its own namespace), through the
/// name's index hint.
fn get(vm: &Vm, obj: ObjRef, f: Field) -> Option<Value> {
    let [v] = instance_get_all(vm, obj, [f(names(vm)?)])?;
    Some(v)
}

/// Several attributes of one instance dict at once (None if one is
/// missing): the dict is looked up once and each hint checked in it.
fn get_all<const N: usize>(vm: &Vm, d: ObjRef, keys: [&Key; N]) -> Option<[Value; N]> {
    let dict = vm.dict(d);
    let mut out = [Value::None; N];
    for (o, k) in out.iter_mut().zip(keys) {
        *o = match dict.raw_entry_at(k.hint.get() as usize) {
            Some((Value::Obj(name), v)) if name == k.name => v,
            _ => {
                let i = vm.dict_index_str_hinted(d, k.name, u32::MAX)?;
                k.hint.set(i as u32);
                dict.value_at(i)
            }
        };
    }
    Some(out)
}

/// Index of `k` in the shared keys of class `t` (`cls`), the hint first.
/// For an inline-layout instance the hint is that index.
#[inline]
fn shared_index(vm: &Vm, cls: ObjRef, t: &TypeObj, k: &Key) -> Option<usize> {
    match t.shared_keys.get(k.hint.get() as usize) {
        Some(&(name, _)) if name == k.name => Some(k.hint.get() as usize),
        _ => {
            let i = vm.shared_key_index(cls, k.name)?;
            k.hint.set(i as u32);
            Some(i)
        }
    }
}

/// `get_all` of the attributes of instance `obj`, whichever layout its
/// namespace has (`runtime/instance.rs`).
fn instance_get_all<const N: usize>(vm: &Vm, obj: ObjRef, keys: [&Key; N]) -> Option<[Value; N]> {
    let o = vm.heap.get(obj);
    match &o.data {
        ObjData::Instance(InstanceAttrs::Inline(values)) => {
            let ObjData::Type(t) = vm.heap.data(o.class) else { return None };
            let mut out = [Value::None; N];
            for (o_, k) in out.iter_mut().zip(keys) {
                *o_ = *values.get(shared_index(vm, o.class, t, k)?)?;
            }
            Some(out)
        }
        ObjData::Instance(InstanceAttrs::Dict(d)) => get_all(vm, *d, keys),
        _ => None,
    }
}

/// `obj.name = v` into the namespace of instance `obj` (one of the
/// registered classes: no descriptor or hook on these names), through
/// the name's index hint.
fn set(vm: &mut Vm, obj: ObjRef, f: Field, v: Value) {
    let Some(k) = names(vm).map(f) else { return };
    let (name, hint) = (k.name, k.hint.get());
    let o = vm.heap.get(obj);
    let (cls, slot) = match &o.data {
        ObjData::Instance(InstanceAttrs::Inline(values)) => {
            let ObjData::Type(t) = vm.heap.data(o.class) else { return };
            (o.class, shared_index(vm, o.class, t, k).filter(|&i| i < values.len()))
        }
        ObjData::Instance(InstanceAttrs::Dict(d)) => {
            let d = *d;
            return match vm.dict_index_str_hinted(d, name, hint) {
                Some(i) => vm.dict_mut(d).set_value_at(i, v),
                None => vm.dict_set_str(d, name, v),
            };
        }
        _ => return,
    };
    match slot {
        Some(i) => {
            if let ObjData::Instance(InstanceAttrs::Inline(values)) = vm.heap.data_mut(obj) {
                values[i] = v;
            }
        }
        // Not set yet: the generic store (a new shared key, or the dict).
        None => vm.instance_store(obj, cls, name, v),
    }
}

struct Names {
    maxsize: Key,
    queue: Key,
    getters: Key,
    putters: Key,
    unfinished: Key,
    finished: Key,
    value: Key,
    waiters: Key,
    locked: Key,
    release: ObjRef,
    entered: Key,
    exiting: Key,
    aborting: Key,
    loop_: Key,
    tasks: Key,
    on_completed_fut: Key,
    on_task_done: ObjRef,
    add_done_callback: ObjRef,
}

impl Registry {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.extend([self.task_group, self.queue, self.event, self.lock, self.semaphore]);
        push_value(self.create_task_slow, out);
        push_value(self.on_task_done_slow, out);
        for v in self.slow.into_iter().chain(self.plain_slow) {
            push_value(v, out);
        }
        let n = &self.n;
        out.extend([&n.maxsize, &n.queue, &n.getters, &n.putters, &n.unfinished, &n.finished, &n.value, &n.waiters, &n.locked].map(|k| k.name));
        out.extend([&n.entered, &n.exiting, &n.aborting, &n.loop_, &n.tasks, &n.on_completed_fut].map(|k| k.name));
        out.extend([n.release, n.on_task_done, n.add_done_callback]);
    }
}

/// `_asyncio._set_fastops(TaskGroup, Queue, Event, Lock, Semaphore, _ContextManagerMixin)`:
/// remember the classes and their current methods as slow paths, then
/// install the native methods in their place.
pub fn set_fastops(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [Value::Obj(task_group), Value::Obj(queue), Value::Obj(event), Value::Obj(lock), Value::Obj(semaphore), Value::Obj(mixin)] = *args else {
        return Err(vm.type_error("_set_fastops(TaskGroup, Queue, Event, Lock, Semaphore, _ContextManagerMixin)"));
    };
    let create_task_slow = replace_method(vm, task_group, "TaskGroup", "create_task", task_group_create_task)?;
    let on_task_done_slow = replace_method(vm, task_group, "TaskGroup", "_on_task_done", task_group_on_task_done)?;
    let owner = |op: Op| match op {
        Op::QueuePut | Op::QueueGet => queue,
        Op::EventWait => event,
        Op::LockAcquire => lock,
        Op::SemaphoreAcquire => semaphore,
        Op::Enter | Op::Exit => mixin,
    };
    let mut slow = [Value::None; 7];
    for (i, op) in Op::ALL.into_iter().enumerate() {
        let (tname, mname) = op.qualname().split_once('.').unwrap_or_default();
        slow[i] = replace_method(vm, owner(op), tname, mname, METHODS[i])?;
    }
    let mut plain_slow = [Value::None; 9];
    for (i, op) in Plain::ALL.into_iter().enumerate() {
        let (tname, mname) = op.qualname().split_once('.').unwrap_or_default();
        let owner = if tname == "Queue" { queue } else { event };
        plain_slow[i] = replace_method(vm, owner, tname, mname, PLAIN_METHODS[i])?;
    }
    let mut i = |s: &str| vm.intern(s);
    let key = |name| Key { name, hint: Cell::new(0) };
    let n = Names {
        maxsize: key(i("_maxsize")),
        queue: key(i("_queue")),
        getters: key(i("_getters")),
        putters: key(i("_putters")),
        unfinished: key(i("_unfinished_tasks")),
        finished: key(i("_finished")),
        value: key(i("_value")),
        waiters: key(i("_waiters")),
        locked: key(i("_locked")),
        release: i("release"),
        entered: key(i("_entered")),
        exiting: key(i("_exiting")),
        aborting: key(i("_aborting")),
        loop_: key(i("_loop")),
        tasks: key(i("_tasks")),
        on_completed_fut: key(i("_on_completed_fut")),
        on_task_done: i("_on_task_done"),
        add_done_callback: i("add_done_callback"),
    };
    vm.ext.asyncio.fastops = Some(Box::new(Registry { task_group, create_task_slow, on_task_done_slow, queue, event, lock, semaphore, slow, plain_slow, n, queue_slots: Cell::new(None) }));
    Ok(Value::None)
}

/// Put a native method `tname.name` on class `cls` in place of the one it
/// has, and return that one (the slow path).
fn replace_method(vm: &mut Vm, cls: ObjRef, tname: &'static str, name: &'static str, func: crate::runtime::function::NativeFn) -> PyResult<Value> {
    let k = vm.intern(name);
    let old = vm.get_attr(Value::Obj(cls), k)?;
    let f = crate::runtime::function::NativeFunction { name, owner: Some(tname), func, kind: crate::runtime::function::NativeKind::Method, bound: Value::Undef, doc: None };
    let m = vm.alloc(vm.types.method_descriptor, ObjData::Native(Box::new(f)));
    vm.set_attr(Value::Obj(cls), k, m)?;
    Ok(old)
}

/// The native methods, in `Op::ALL` order: each returns the deferred
/// awaitable.
const METHODS: [crate::runtime::function::NativeFn; 7] = [
    |vm, a, k| deferred(vm, Op::QueuePut, a, k),
    |vm, a, k| deferred(vm, Op::QueueGet, a, k),
    |vm, a, k| deferred(vm, Op::EventWait, a, k),
    |vm, a, k| deferred(vm, Op::LockAcquire, a, k),
    |vm, a, k| deferred(vm, Op::SemaphoreAcquire, a, k),
    |vm, a, k| deferred(vm, Op::Enter, a, k),
    |vm, a, k| deferred(vm, Op::Exit, a, k),
];

/// The native plain methods, in `Plain::ALL` order.
const PLAIN_METHODS: [crate::runtime::function::NativeFn; 9] = [
    |vm, a, k| plain(vm, Plain::PutNowait, a, k),
    |vm, a, k| plain(vm, Plain::GetNowait, a, k),
    |vm, a, k| plain(vm, Plain::TaskDone, a, k),
    |vm, a, k| plain(vm, Plain::Qsize, a, k),
    |vm, a, k| plain(vm, Plain::Empty, a, k),
    |vm, a, k| plain(vm, Plain::Full, a, k),
    |vm, a, k| plain(vm, Plain::EventSet, a, k),
    |vm, a, k| plain(vm, Plain::EventClear, a, k),
    |vm, a, k| plain(vm, Plain::EventIsSet, a, k),
];

/// A plain method: natively for an exact Queue/Event in its usual
/// state, else (errors to raise included) the Python function.
fn plain(vm: &mut Vm, op: Plain, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() == op.nargs() && kw.is_empty() {
        if let Some(v) = plain_fast(vm, op, args)? {
            return Ok(v);
        }
    }
    let slow = slow_path(vm, |r| r.plain_slow[op as usize])?;
    vm.call_value(slow, args, kw)
}

fn plain_fast(vm: &mut Vm, op: Plain, args: &[Value]) -> PyResult<Option<Value>> {
    Ok(match (op, classify(vm, args[0], true)) {
        // Full or empty: the Python method raises QueueFull/QueueEmpty.
        (Plain::PutNowait, Recv::Queue(d)) => match queue_put(vm, d, args[1])? {
            QStep::Done(v) => Some(v),
            _ => None,
        },
        (Plain::GetNowait, Recv::Queue(d)) => match queue_get(vm, d)? {
            QStep::Done(v) => Some(v),
            _ => None,
        },
        (Plain::TaskDone, Recv::Queue(d)) => queue_task_done(vm, d)?,
        (Plain::Qsize | Plain::Empty | Plain::Full, Recv::Queue(d)) => queue_size(vm, op, d),
        (Plain::EventSet, Recv::Event(d)) => match event_set_plan(vm, d) {
            Some(plan) => {
                event_set_apply(vm, d, plan)?;
                Some(Value::None)
            }
            None => None,
        },
        (Plain::EventClear, Recv::Event(d)) => {
            set(vm, d, |n| &n.value, Value::Bool(false));
            Some(Value::None)
        }
        (Plain::EventIsSet, Recv::Event(d)) => get(vm, d, |n| &n.value),
        _ => None,
    })
}

/// `qsize()`, `empty()`, `full()` of a queue whose `_queue` is a deque.
fn queue_size(vm: &Vm, op: Plain, d: ObjRef) -> Option<Value> {
    let n = names(vm)?;
    let [maxsize, queue] = instance_get_all(vm, d, [&n.maxsize, &n.queue])?;
    let len = exact_deque_ref(vm, queue)?.items.len();
    Some(match op {
        Plain::Qsize => Value::Int(len as i64),
        Plain::Empty => Value::Bool(len == 0),
        // `self._maxsize <= 0` is False, else `qsize() >= self._maxsize`
        _ => match maxsize {
            Value::Int(m) => Value::Bool(m > 0 && len as u64 >= m as u64),
            _ => return None,
        },
    })
}

/// `task_done()`: one fewer unfinished task; at zero, `_finished.set()`.
/// None (nothing changed) when it must raise or anything is unusual.
fn queue_task_done(vm: &mut Vm, d: ObjRef) -> PyResult<Option<Value>> {
    let Some(n) = names(vm) else { return Ok(None) };
    let Some([Value::Int(unfinished), finished]) = instance_get_all(vm, d, [&n.unfinished, &n.finished]) else { return Ok(None) };
    if unfinished <= 0 {
        return Ok(None);
    }
    if unfinished > 1 {
        set(vm, d, |n| &n.unfinished, Value::Int(unfinished - 1));
        return Ok(Some(Value::None));
    }
    let Recv::Event(fin) = classify(vm, finished, true) else { return Ok(None) };
    let Some(plan) = event_set_plan(vm, fin) else { return Ok(None) };
    set(vm, d, |n| &n.unfinished, Value::Int(0));
    event_set_apply(vm, fin, plan)?;
    Ok(Some(Value::None))
}

/// What `Event.set()` will do, decided before anything changes: None if
/// the event's state is unusual (the Python method runs), else the
/// waiters to wake (`Some(None)`: already set, nothing to do).
fn event_set_plan(vm: &Vm, d: ObjRef) -> Option<Option<Vec<Value>>> {
    let n = names(vm)?;
    let [value, waiters] = instance_get_all(vm, d, [&n.value, &n.waiters])?;
    // `if not self._value:` for the values Event itself stores.
    match value {
        Value::Bool(true) => Some(None),
        Value::Bool(false) => Some(Some(exact_deque_ref(vm, waiters)?.items.iter().copied().collect())),
        _ => None,
    }
}

/// `self._value = True`, then `fut.set_result(True)` for each waiter not
/// yet done.
fn event_set_apply(vm: &mut Vm, d: ObjRef, plan: Option<Vec<Value>>) -> PyResult<()> {
    let Some(waiters) = plan else { return Ok(()) };
    set(vm, d, |n| &n.value, Value::Bool(true));
    for f in waiters {
        if !future::done_any(vm, f)? {
            future::set_result_any(vm, f, Value::Bool(true))?;
        }
    }
    Ok(())
}

fn deferred(vm: &mut Vm, op: Op, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() != op.nargs() || !kw.is_empty() {
        // Keywords or a wrong count: the Python method binds (and words
        // its TypeError) exactly as CPython's.
        let slow = slow_fn(vm, op)?;
        return vm.call_value(slow, args, kw);
    }
    let arg = if op == Op::QueuePut { args[1] } else { Value::None };
    Ok(crate::asyncio::asyncgen::deferred(vm, op, args[0], arg))
}

fn slow_fn(vm: &mut Vm, op: Op) -> PyResult<Value> {
    slow_path(vm, |r| r.slow[op as usize])
}

/// One of the Python functions `set_fastops` kept as slow paths.
fn slow_path(vm: &mut Vm, pick: impl Fn(&Registry) -> Value) -> PyResult<Value> {
    match vm.ext.asyncio.fastops.as_deref() {
        Some(r) => Ok(pick(r)),
        None => Err(vm.runtime_error("asyncio fast paths are not initialised")),
    }
}

/// The coroutine of the Python method, for everything the fast path
/// does not do.
pub fn slow_coroutine(vm: &mut Vm, op: Op, recv: Value, arg: Value) -> PyResult<Value> {
    let slow = slow_fn(vm, op)?;
    match op {
        Op::QueuePut => vm.call_value(slow, &[recv, arg], &[]),
        Op::Exit => vm.call_value(slow, &[recv, Value::None, Value::None, Value::None], &[]),
        _ => vm.call_value(slow, &[recv], &[]),
    }
}

/// What the first step of a deferred call did.
pub enum Fast {
    /// Finished with this result.
    Done(Value),
    /// Must wait: this new future was appended to the receiver's
    /// waiters; the awaitable yields it to the task and `resume` finishes.
    Park(Value),
    /// Nothing was changed: run the Python coroutine.
    Slow,
}

/// Which class a receiver is exactly (the instance itself, whichever
/// layout its namespace has).
enum Recv {
    Queue(ObjRef),
    Event(ObjRef),
    Lock(ObjRef),
    Semaphore(ObjRef),
    Other,
}

/// `strict`: also require the instance's namespace to hold only what
/// `__init__` sets (checked before a fast path starts; a parked call
/// finishes on any instance of the class).
#[inline]
fn classify(vm: &Vm, recv: Value, strict: bool) -> Recv {
    let (Some(r), Some(obj)) = (vm.ext.asyncio.fastops.as_deref(), recv.as_obj()) else { return Recv::Other };
    let o = vm.heap.get(obj);
    let cls = o.class;
    // Only the attributes `__init__` sets: an instance attribute could
    // shadow a method the Python code would call. (Inline: the first
    // `len` shared keys, each once.)
    let len = match &o.data {
        ObjData::Instance(InstanceAttrs::Inline(values)) => values.len(),
        ObjData::Instance(InstanceAttrs::Dict(d)) if strict => vm.dict(*d).len(),
        ObjData::Instance(InstanceAttrs::Dict(_)) => 0,
        _ => return Recv::Other,
    };
    let ok = |n: usize| !strict || len == n;
    if cls == r.queue && ok(6) {
        Recv::Queue(obj)
    } else if cls == r.event && ok(2) {
        Recv::Event(obj)
    } else if cls == r.lock && ok(2) {
        Recv::Lock(obj)
    } else if cls == r.semaphore && ok(2) {
        Recv::Semaphore(obj)
    } else {
        Recv::Other
    }
}

fn names(vm: &Vm) -> Option<&Names> {
    vm.ext.asyncio.fastops.as_deref().map(|r| &r.n)
}

/// The first step of `op`.
pub fn first_step(vm: &mut Vm, op: Op, recv: Value, arg: Value) -> PyResult<Fast> {
    let Some(n) = names(vm) else { return Ok(Fast::Slow) };
    let n_release = n.release;
    Ok(match (op, classify(vm, recv, true)) {
        (Op::QueuePut | Op::QueueGet, Recv::Queue(d)) => queue_step(vm, op, d, arg)?,
        (Op::EventWait, Recv::Event(d)) => match get(vm, d, |n| &n.value) {
            // `if self._value: return True`
            Some(v @ (Value::Bool(_) | Value::None | Value::Int(_))) if vm.truthy(v)? => Fast::Done(Value::Bool(true)),
            Some(Value::Bool(false) | Value::None | Value::Int(0)) => park(vm, d),
            _ => Fast::Slow,
        },
        (Op::LockAcquire | Op::Enter, Recv::Lock(d)) => {
            let Some(Value::Bool(locked)) = get(vm, d, |n| &n.locked) else { return Ok(Fast::Slow) };
            // `if not self._locked and (waiters is None or _all_cancelled(waiters))`
            if locked {
                return Ok(park(vm, d));
            }
            match all_cancelled(vm, d) {
                None => Fast::Slow,
                Some(true) => {
                    set(vm, d, |n| &n.locked, Value::Bool(true));
                    Fast::Done(acquired(op))
                }
                _ => park(vm, d),
            }
        }
        (Op::SemaphoreAcquire | Op::Enter, Recv::Semaphore(d)) => {
            let Some(Value::Int(value)) = get(vm, d, |n| &n.value) else { return Ok(Fast::Slow) };
            // `locked()`: `_value == 0` or live waiters.
            if value == 0 {
                return Ok(park(vm, d));
            }
            match all_cancelled(vm, d) {
                None => Fast::Slow,
                Some(true) => {
                    set(vm, d, |n| &n.value, Value::Int(value - 1));
                    Fast::Done(acquired(op))
                }
                Some(false) => park(vm, d),
            }
        }
        (Op::Exit, Recv::Lock(_) | Recv::Semaphore(_)) => {
            // `self.release()`: a plain method call, no coroutine needed.
            vm.call_method_name(recv, n_release, &[])?;
            Fast::Done(Value::None)
        }
        _ => Fast::Slow,
    })
}

/// `acquire()` returns True; `__aenter__` returns None.
fn acquired(op: Op) -> Value {
    if op == Op::Enter {
        Value::None
    } else {
        Value::Bool(true)
    }
}

/// The receiver's `_waiters` deque (None: not an exact deque).
fn waiters(vm: &mut Vm, d: ObjRef) -> Option<Value> {
    get(vm, d, |n| &n.waiters).filter(|&w| exact_deque(vm, w).is_some())
}

/// `waiters is None or _all_cancelled(waiters)`; None if the waiters are
/// not a deque of native futures (the Python code then decides).
fn all_cancelled(vm: &mut Vm, d: ObjRef) -> Option<bool> {
    let w = get(vm, d, |n| &n.waiters)?;
    if w.is_none() {
        return Some(true);
    }
    let items: &DequeObj = exact_deque_ref(vm, w)?;
    for &f in items.items.iter() {
        if future::fut_ref(vm, f)?.state != future::State::Cancelled {
            return Some(false);
        }
    }
    Some(true)
}

/// `fut = self._get_loop().create_future(); self._waiters.append(fut)`.
/// Slow (nothing done) if there is no running native loop or the
/// waiters deque does not exist yet (the Python code creates it).
fn park(vm: &mut Vm, d: ObjRef) -> Fast {
    match waiters(vm, d) {
        Some(w) => park_on(vm, w),
        None => Fast::Slow,
    }
}

/// `fut = self._get_loop().create_future(); waiters.append(fut)` for an
/// exact deque `w`; Slow if there is no running native loop.
fn park_on(vm: &mut Vm, w: Value) -> Fast {
    let Some(l) = vm.ext.asyncio.running_loop else { return Fast::Slow };
    if vm.type_of(Value::Obj(l)) != vm.ext.asyncio.loop_type {
        return Fast::Slow;
    }
    let fut = future::new_future(vm, l);
    if let Some(q) = exact_deque(vm, w) {
        q.items.push_back(fut);
        q.state += 1;
    }
    if let Some(f) = future::fut(vm, fut) {
        f.blocking = true;
    }
    Fast::Park(fut)
}

/// The rest of a parked method once its task resumes it with a value
/// (`exc` None) or an exception: `await fut` finishing, then what follows
/// in the method. A queue method goes round its `while` loop again (and
/// may park again; `Slow`: the Python method runs the next pass, which
/// starts at that loop's test); the others end.
pub fn resume(vm: &mut Vm, op: Op, recv: Value, arg: Value, fut: Value, exc: Option<PyErr>) -> PyResult<Fast> {
    let r = match exc {
        Some(e) => Err(e),
        None if !future::done(vm, fut) => Err(vm.runtime_error("await wasn't used with future")),
        None => future::result(vm, fut),
    };
    if matches!(op, Op::QueuePut | Op::QueueGet) {
        if let Err(e) = r {
            queue_wait_failed(vm, op, recv, fut)?;
            return Err(e);
        }
        return match classify(vm, recv, true) {
            Recv::Queue(d) => queue_step(vm, op, d, arg),
            _ => Ok(Fast::Slow),
        };
    }
    resume_waiter(vm, op, recv, fut, r).map(Fast::Done)
}

/// `finally: _remove_waiter(self._waiters, fut)` and the rest of a
/// parked `Event.wait`, `Lock.acquire` or `Semaphore.acquire`.
fn resume_waiter(vm: &mut Vm, op: Op, recv: Value, fut: Value, r: PyResult<Value>) -> PyResult<Value> {
    let r = remove_waiter(vm, recv, fut).and(r);
    if names(vm).is_none() {
        return r;
    }
    let cancelled = matches!(&r, Err(e) if future::is_cancelled_error(vm, e.value()));
    match classify(vm, recv, false) {
        Recv::Event(_) => r.map(|_| Value::Bool(true)),
        Recv::Lock(d) => {
            if cancelled {
                // `if not self._locked: self._wake_up_first()`
                if matches!(get(vm, d, |n| &n.locked), Some(Value::Bool(false))) {
                    lock_wake_up_first(vm, d)?;
                }
                return r;
            }
            r?;
            set(vm, d, |n| &n.locked, Value::Bool(true));
            Ok(acquired(op))
        }
        Recv::Semaphore(d) => {
            if cancelled {
                // `if not fut.cancelled(): self._value += 1; self._wake_up_next()`
                if !future::fut_ref(vm, fut).is_some_and(|f| f.state == future::State::Cancelled) {
                    add_value(vm, d, |n| &n.value, 1)?;
                    semaphore_wake_up_next(vm, d)?;
                }
                return r;
            }
            r?;
            if matches!(get(vm, d, |n| &n.value), Some(Value::Int(v)) if v > 0) {
                semaphore_wake_up_next(vm, d)?;
            }
            Ok(acquired(op))
        }
        // Only the classes above park.
        _ => r,
    }
}

fn add_value(vm: &mut Vm, d: ObjRef, f: Field, by: i64) -> PyResult<()> {
    let v = get(vm, d, f).unwrap_or(Value::Int(0));
    let nv = vm.binary_op(v, Value::Int(by), crate::ast::BinOp::Add)?;
    set(vm, d, f, nv);
    Ok(())
}

/// `Lock._wake_up_first()`.
fn lock_wake_up_first(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    let Some(w) = waiters(vm, d) else { return Ok(()) };
    let first = exact_deque(vm, w).and_then(|q| q.items.front().copied());
    if let Some(f) = first {
        if !future::done_any(vm, f)? {
            future::set_result_any(vm, f, Value::Bool(true))?;
        }
    }
    Ok(())
}

/// `Semaphore._wake_up_next()`.
fn semaphore_wake_up_next(vm: &mut Vm, d: ObjRef) -> PyResult<()> {
    let Some(w) = waiters(vm, d) else { return Ok(()) };
    let items: Vec<Value> = exact_deque(vm, w).map(|q| q.items.iter().copied().collect()).unwrap_or_default();
    for f in items {
        if !future::done_any(vm, f)? {
            add_value(vm, d, |n| &n.value, -1)?;
            future::set_result_any(vm, f, Value::Bool(true))?;
            return Ok(());
        }
    }
    Ok(())
}

/// `_remove_waiter(self._waiters, fut)` (asyncio.py).
fn remove_waiter(vm: &mut Vm, recv: Value, fut: Value) -> PyResult<()> {
    let Some(name) = names(vm).map(|n| n.waiters.name) else { return Ok(()) };
    // An exact Event/Lock/Semaphore: its own namespace, as the first
    // step read it (no generic attribute lookup).
    let own = match classify(vm, recv, false) {
        Recv::Event(o) | Recv::Lock(o) | Recv::Semaphore(o) => get(vm, o, |n| &n.waiters),
        _ => None,
    };
    let waiters = match own {
        Some(w) => w,
        None => vm.get_attr(recv, name)?,
    };
    let Some(q) = exact_deque(vm, waiters) else {
        // Replaced by something else: its own `remove`.
        vm.call_method(waiters, "remove", &[fut])?;
        return Ok(());
    };
    match q.items.iter().position(|w| w.is(fut)) {
        Some(i) => {
            q.items.remove(i);
            q.state += 1;
            Ok(())
        }
        None if q.items.is_empty() => Err(vm.index_error("deque index out of range")),
        None => Err(vm.value_error("deque.remove(x): x not in deque")),
    }
}

/// Queue attributes both fast paths read, if all are present. An exact
/// inline Queue reads them at its class's known slots, with no per-name
/// check.
fn queue_attrs(vm: &Vm, d: ObjRef) -> Option<[Value; 6]> {
    let r = vm.ext.asyncio.fastops.as_deref()?;
    let n = &r.n;
    let keys = [&n.maxsize, &n.queue, &n.getters, &n.putters, &n.unfinished, &n.finished];
    let o = vm.heap.get(d);
    let ObjData::Instance(InstanceAttrs::Inline(values)) = &o.data else { return instance_get_all(vm, d, keys) };
    if o.class != r.queue {
        return instance_get_all(vm, d, keys);
    }
    let slots = match r.queue_slots.get() {
        Some(s) => s,
        None => {
            let mut s = [0u8; 6];
            for (slot, k) in s.iter_mut().zip(keys) {
                *slot = u8::try_from(vm.shared_key_index(r.queue, k.name)?).ok()?;
            }
            r.queue_slots.set(Some(s));
            s
        }
    };
    let mut out = [Value::None; 6];
    for (v, i) in out.iter_mut().zip(slots) {
        *v = *values.get(i as usize)?;
    }
    Some(out)
}

/// `self._unfinished_tasks = v` of a queue `queue_attrs` just read.
fn queue_set_unfinished(vm: &mut Vm, d: ObjRef, v: Value) {
    let slot = vm.ext.asyncio.fastops.as_deref().and_then(|r| r.queue_slots.get()).map(|s| s[4] as usize);
    if let (Some(i), ObjData::Instance(InstanceAttrs::Inline(values))) = (slot, vm.heap.data_mut(d)) {
        // The class is the Queue (`classify`), so the slot is its own.
        if let Some(x) = values.get_mut(i) {
            *x = v;
            return;
        }
    }
    set(vm, d, |n| &n.unfinished, v);
}

/// One pass of a queue method's `while self.full():` (`empty()` for
/// `get`) loop.
enum QStep {
    /// The `*_nowait` call after the loop ran; the method returns this.
    Done(Value),
    /// The loop body must wait: park on a new future in this deque
    /// (`_putters` or `_getters`).
    Wait(Value),
    /// Nothing was changed; the Python method must run this pass.
    Odd,
}

/// `put()`: wait while full, else `put_nowait(item)`.
fn queue_put(vm: &mut Vm, d: ObjRef, item: Value) -> PyResult<QStep> {
    let Some([maxsize, queue, getters, putters, unfinished, finished]) = queue_attrs(vm, d) else { return Ok(QStep::Odd) };
    let (Value::Int(maxsize), Value::Int(unfinished)) = (maxsize, unfinished) else { return Ok(QStep::Odd) };
    let Some(unfinished) = unfinished.checked_add(1) else { return Ok(QStep::Odd) };
    let Some(len) = exact_deque(vm, queue).filter(|q| q.maxlen.is_none()).map(|q| q.items.len()) else { return Ok(QStep::Odd) };
    if maxsize > 0 && len as u64 >= maxsize as u64 {
        return Ok(if exact_deque(vm, putters).is_some() { QStep::Wait(putters) } else { QStep::Odd });
    }
    if exact_deque(vm, getters).is_none() {
        return Ok(QStep::Odd);
    }
    // `self._finished.clear()` on an exact Event.
    let Recv::Event(fin) = classify(vm, finished, false) else { return Ok(QStep::Odd) };
    // Every check passed: the steps of put_nowait, in order.
    if let Some(q) = exact_deque(vm, queue) {
        q.items.push_back(item);
        q.state += 1;
    }
    queue_set_unfinished(vm, d, Value::Int(unfinished));
    set(vm, fin, |n| &n.value, Value::Bool(false));
    queue_wakeup_next(vm, getters)?;
    Ok(QStep::Done(Value::None))
}

/// `get()`: wait while empty, else `get_nowait()`.
fn queue_get(vm: &mut Vm, d: ObjRef) -> PyResult<QStep> {
    let Some([_, queue, getters, putters, _, _]) = queue_attrs(vm, d) else { return Ok(QStep::Odd) };
    if exact_deque(vm, putters).is_none() {
        return Ok(QStep::Odd);
    }
    let item = match exact_deque(vm, queue) {
        Some(q) if q.maxlen.is_none() => {
            q.state += 1;
            q.items.pop_front()
        }
        _ => return Ok(QStep::Odd),
    };
    let Some(item) = item else {
        // `q.state` moved for nothing: harmless, no iterator can be
        // running over `_queue` while a method of the queue runs.
        return Ok(if exact_deque(vm, getters).is_some() { QStep::Wait(getters) } else { QStep::Odd });
    };
    queue_wakeup_next(vm, putters)?;
    Ok(QStep::Done(item))
}

/// A pass of `put`/`get` as a `Fast` outcome.
fn queue_step(vm: &mut Vm, op: Op, d: ObjRef, item: Value) -> PyResult<Fast> {
    let step = if op == Op::QueuePut { queue_put(vm, d, item)? } else { queue_get(vm, d)? };
    Ok(match step {
        QStep::Done(v) => Fast::Done(v),
        QStep::Wait(w) => park_on(vm, w),
        QStep::Odd => Fast::Slow,
    })
}

/// The `except:` block of a parked `put`/`get` whose wait ended in an
/// exception, before it re-raises: `waiter.cancel()`, drop it from the
/// waiters (`ValueError` ignored), and if the queue could now take the
/// call and the waiter was not cancelled, pass the wake-up on.
fn queue_wait_failed(vm: &mut Vm, op: Op, recv: Value, fut: Value) -> PyResult<()> {
    future::cancel_any(vm, fut, Value::None)?;
    let (wname, check) = match op {
        Op::QueuePut => ("_putters", "full"),
        _ => ("_getters", "empty"),
    };
    let w = vm.get_attr_str(recv, wname)?;
    match exact_deque(vm, w) {
        Some(q) => {
            if let Some(i) = q.items.iter().position(|x| x.is(fut)) {
                q.items.remove(i);
                q.state += 1;
            }
        }
        None => {
            if let Err(e) = vm.call_method(w, "remove", &[fut]) {
                if !vm.isinstance_exc(e.value(), vm.exc.value_error) {
                    return Err(e);
                }
            }
        }
    }
    let busy = vm.call_method(recv, check, &[])?;
    if !vm.truthy(busy)? && !future::fut_ref(vm, fut).is_some_and(|f| f.state == future::State::Cancelled) {
        let w = vm.get_attr_str(recv, wname)?;
        vm.call_method(recv, "_wakeup_next", &[w])?;
    }
    Ok(())
}

/// `Queue._wakeup_next(waiters)`: wake the first waiter not yet done.
fn queue_wakeup_next(vm: &mut Vm, waiters: Value) -> PyResult<()> {
    loop {
        let w = match exact_deque(vm, waiters).map(|q| q.items.pop_front().map(|w| (w, &mut q.state))) {
            Some(Some((w, state))) => {
                *state += 1;
                w
            }
            _ => return Ok(()),
        };
        if !future::done_any(vm, w)? {
            return future::set_result_any(vm, w, Value::None);
        }
    }
}

/// `TaskGroup.create_task(coro)`: for an exact TaskGroup that is entered,
/// not finished and not aborting, create the task on its (native) loop,
/// add `self._on_task_done` as done-callback and record it in
/// `self._tasks`, as the Python method does. Names, contexts, errors and
/// anything unusual go to the Python method.
fn task_group_create_task(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    match task_group_fast(vm, args, kw)? {
        Some(t) => Ok(t),
        None => {
            let slow = slow_path(vm, |r| r.create_task_slow)?;
            vm.call_value(slow, args, kw)
        }
    }
}

fn task_group_fast(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Option<Value>> {
    let (Some(r), [tg, coro], true) = (vm.ext.asyncio.fastops.as_deref(), args, kw.is_empty()) else { return Ok(None) };
    let (tg, coro) = (*tg, *coro);
    let Some(obj) = tg.as_obj() else { return Ok(None) };
    if vm.type_of(tg) != r.task_group {
        return Ok(None);
    }
    let n = &r.n;
    let (n_on_done, n_add) = (n.on_task_done, n.add_done_callback);
    let Some([Value::Bool(true), Value::Bool(false), Value::Bool(false), Value::Obj(l), tasks]) =
        instance_get_all(vm, obj, [&n.entered, &n.exiting, &n.aborting, &n.loop_, &n.tasks])
    else {
        return Ok(None);
    };
    if vm.type_of(Value::Obj(l)) != vm.ext.asyncio.loop_type || vm.type_of(tasks) != vm.types.dict {
        return Ok(None);
    }
    let task = crate::asyncio::module::loop_create_task_impl(vm, l, coro, Value::None, Value::None)?;
    let cb = vm.get_attr(tg, n_on_done)?;
    vm.call_method_name(task, n_add, &[cb])?;
    vm.set_item(tasks, task, Value::None)?;
    Ok(Some(task))
}

/// `TaskGroup._on_task_done(task)`, the done callback of every task of a
/// group: natively up to its common end (the task was cancelled or ended
/// without an exception). A task that raised goes to the Python method,
/// which repeats the first steps (both do nothing the second time) and
/// records the error.
fn task_group_on_task_done(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if let Some(v) = on_task_done_fast(vm, args, kw)? {
        return Ok(v);
    }
    let slow = slow_path(vm, |r| r.on_task_done_slow)?;
    vm.call_value(slow, args, kw)
}

fn on_task_done_fast(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Option<Value>> {
    let (Some(r), [tg, task], true) = (vm.ext.asyncio.fastops.as_deref(), args, kw.is_empty()) else { return Ok(None) };
    let (tg, task) = (*tg, *task);
    if vm.type_of(tg) != r.task_group || vm.type_of(task) != vm.ext.asyncio.task_type {
        return Ok(None);
    }
    let Some(obj) = tg.as_obj() else { return Ok(None) };
    let n = &r.n;
    let Some([Value::Obj(tasks), done_fut]) = instance_get_all(vm, obj, [&n.tasks, &n.on_completed_fut]) else { return Ok(None) };
    if vm.type_of(Value::Obj(tasks)) != vm.types.dict || !(done_fut.is_none() || future::is_exact_future(vm, done_fut)) {
        return Ok(None);
    }
    // The task has finished: how, decided before anything changes.
    let Some((state, exc)) = future::fut_ref(vm, task).map(|f| (f.state, f.exception())) else { return Ok(None) };
    let errored = match state {
        future::State::Pending => return Ok(None),
        future::State::Cancelled => false,
        future::State::Finished => !exc.is_none(),
    };
    // `self._tasks.pop(task, None)`
    vm.dict_del_item(tasks, task)?;
    // `if self._on_completed_fut is not None and not self._tasks:` wake `__aexit__`
    if !done_fut.is_none() && vm.dict(tasks).len() == 0 && !future::done(vm, done_fut) {
        future::set_result(vm, done_fut, Value::Bool(true))?;
    }
    // `if task.cancelled(): return`; `if task.exception() is None: return`
    Ok(if errored { None } else { Some(Value::None) })
}
