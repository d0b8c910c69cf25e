//! `Queue.put`, `Queue.get` and `Event.wait` without a Python frame in
//! their common case.
//!
//! These three are coroutines in CPython (`async def` in
//! `asyncio/queues.py` and `locks.py`), so each `await q.put(x)` creates
//! a coroutine and runs several Python methods (`full`, `qsize`,
//! `put_nowait`, `_put`, `_wakeup_next`) even when nothing has to wait.
//! Here the method returns a native coroutine-typed awaitable
//! (`asyncgen::Awaitable::Deferred`). Nothing happens until it is first
//! sent into, exactly as with a coroutine; then, if the receiver is an
//! instance of exactly `asyncio.Queue`/`asyncio.Event` whose state has
//! the usual shape and the operation completes at once, it is done
//! natively. Otherwise (it must wait, a subclass may override a step,
//! odd attribute values) the awaitable calls the original `async def`,
//! kept as the slow path, and forwards every send/throw to it, so
//! waiting, cancellation and subclasses behave as the Python code says.
//! The fast paths do no mutation until every check has passed.

use crate::runtime::heap::push_value;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

/// Which method an `Awaitable::Deferred` stands for.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Op {
    QueuePut,
    QueueGet,
    EventWait,
}

impl Op {
    pub fn qualname(self) -> &'static str {
        match self {
            Op::QueuePut => "Queue.put",
            Op::QueueGet => "Queue.get",
            Op::EventWait => "Event.wait",
        }
    }
}

/// The classes and slow paths registered by `asyncio.py`, and the
/// attribute names the fast paths read.
pub struct Registry {
    queue: ObjRef,
    event: ObjRef,
    put_slow: Value,
    get_slow: Value,
    wait_slow: Value,
    n_maxsize: ObjRef,
    n_queue: ObjRef,
    n_getters: ObjRef,
    n_putters: ObjRef,
    n_unfinished: ObjRef,
    n_finished: ObjRef,
    n_value: ObjRef,
}

impl Registry {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.extend([self.queue, self.event]);
        for v in [self.put_slow, self.get_slow, self.wait_slow] {
            push_value(v, out);
        }
        out.extend([self.n_maxsize, self.n_queue, self.n_getters, self.n_putters, self.n_unfinished, self.n_finished, self.n_value]);
    }
}

/// `_asyncio._set_fastops(Queue, Queue.put, Queue.get, Event, Event.wait)`.
pub fn set_fastops(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let [Value::Obj(queue), put_slow, get_slow, Value::Obj(event), wait_slow] = *args else {
        return Err(vm.type_error("_set_fastops(Queue, put, get, Event, wait)"));
    };
    let mut n = |s: &str| vm.intern(s);
    let (n_maxsize, n_queue, n_getters, n_putters) = (n("_maxsize"), n("_queue"), n("_getters"), n("_putters"));
    let (n_unfinished, n_finished, n_value) = (n("_unfinished_tasks"), n("_finished"), n("_value"));
    vm.ext.asyncio.fastops = Some(Box::new(Registry { queue, event, put_slow, get_slow, wait_slow, n_maxsize, n_queue, n_getters, n_putters, n_unfinished, n_finished, n_value }));
    Ok(Value::None)
}

/// The method objects `asyncio.py` installs as `Queue.put`, `Queue.get`
/// and `Event.wait`: each returns the deferred awaitable.
pub fn methods() -> [(&'static str, &'static str, crate::runtime::function::NativeFn); 3] {
    [("Queue", "put", queue_put), ("Queue", "get", queue_get), ("Event", "wait", event_wait)]
}

fn queue_put(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    deferred(vm, Op::QueuePut, args, kw, 2)
}

fn queue_get(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    deferred(vm, Op::QueueGet, args, kw, 1)
}

fn event_wait(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    deferred(vm, Op::EventWait, args, kw, 1)
}

fn deferred(vm: &mut Vm, op: Op, args: &[Value], kw: KwArgs, nargs: usize) -> PyResult<Value> {
    if args.len() != nargs || !kw.is_empty() {
        // Keywords or a wrong count: the Python method binds (and words
        // its TypeError) exactly as CPython's.
        let slow = slow_fn(vm, op)?;
        return vm.call_value(slow, args, kw);
    }
    let arg = args.get(1).copied().unwrap_or(Value::None);
    Ok(crate::asyncio::asyncgen::deferred(vm, op, args[0], arg))
}

fn slow_fn(vm: &mut Vm, op: Op) -> PyResult<Value> {
    match &vm.ext.asyncio.fastops {
        Some(r) => Ok(match op {
            Op::QueuePut => r.put_slow,
            Op::QueueGet => r.get_slow,
            Op::EventWait => r.wait_slow,
        }),
        None => Err(vm.runtime_error("asyncio fast paths are not initialised")),
    }
}

/// The coroutine of the Python method, for everything the fast path
/// does not do.
pub fn slow_coroutine(vm: &mut Vm, op: Op, recv: Value, arg: Value) -> PyResult<Value> {
    let slow = slow_fn(vm, op)?;
    match op {
        Op::QueuePut => vm.call_value(slow, &[recv, arg], &[]),
        Op::QueueGet | Op::EventWait => vm.call_value(slow, &[recv], &[]),
    }
}

/// What the first step of a deferred call did.
pub enum Fast {
    /// Finished with this result.
    Done(Value),
    /// `Event.wait` on an unset event: this new future was appended to
    /// the event's waiters; the awaitable yields it to the task.
    Park(Value),
    /// Nothing was changed: run the Python coroutine.
    Slow,
}

/// The first step of `op`, natively where the Python method would not
/// have to wait (or, for `Event.wait`, only parks on a future).
pub fn try_fast(vm: &mut Vm, op: Op, recv: Value, arg: Value) -> PyResult<Fast> {
    Ok(match first_step(vm, op, recv, arg)? {
        Some(v) if op == Op::EventWait && v.is_none() => match event_park(vm, recv) {
            Some(fut) => Fast::Park(fut),
            None => Fast::Slow,
        },
        Some(v) => Fast::Done(v),
        None => Fast::Slow,
    })
}

/// `Some(result)`, or for `Event.wait` `Some(None)` if it must wait, or
/// None (nothing changed) when the slow path must run.
fn first_step(vm: &mut Vm, op: Op, recv: Value, arg: Value) -> PyResult<Option<Value>> {
    let Some(obj) = recv.as_obj() else { return Ok(None) };
    let Some(reg) = vm.ext.asyncio.fastops.as_deref() else { return Ok(None) };
    let cls = vm.type_of(recv);
    let ObjData::Instance(d) = *vm.heap.data(obj) else { return Ok(None) };
    match op {
        Op::QueuePut | Op::QueueGet => {
            // Exactly `Queue`, with only the attributes `__init__` sets
            // (an instance attribute could shadow a method).
            if cls != reg.queue || vm.dict(d).len() != 6 {
                return Ok(None);
            }
            if op == Op::QueuePut {
                queue_put_fast(vm, d, arg)
            } else {
                queue_get_fast(vm, d)
            }
        }
        Op::EventWait => {
            if cls != reg.event {
                return Ok(None);
            }
            let n_value = reg.n_value;
            match vm.dict_get_str(d, n_value) {
                // `if self._value: return True`
                Some(v @ (Value::Bool(_) | Value::None | Value::Int(_))) => Ok(Some(if vm.truthy(v)? { Value::Bool(true) } else { Value::None })),
                _ => Ok(None),
            }
        }
    }
}

/// Names and checks shared by both queue fast paths.
fn queue_attrs(vm: &Vm, d: ObjRef) -> Option<[Value; 6]> {
    let r = vm.ext.asyncio.fastops.as_deref()?;
    let get = |n| vm.dict_get_str(d, n);
    Some([get(r.n_maxsize)?, get(r.n_queue)?, get(r.n_getters)?, get(r.n_putters)?, get(r.n_unfinished)?, get(r.n_finished)?])
}

/// `put()` when the queue is not full: `put_nowait(item)`.
fn queue_put_fast(vm: &mut Vm, d: ObjRef, item: Value) -> PyResult<Option<Value>> {
    let Some([maxsize, queue, getters, _, unfinished, finished]) = queue_attrs(vm, d) else { return Ok(None) };
    let (Value::Int(maxsize), Value::Int(unfinished)) = (maxsize, unfinished) else { return Ok(None) };
    let Some(unfinished) = unfinished.checked_add(1) else { return Ok(None) };
    let Some(len) = crate::stdlib::collections::exact_deque(vm, queue).filter(|q| q.maxlen.is_none()).map(|q| q.items.len()) else { return Ok(None) };
    if maxsize > 0 && len as u64 >= maxsize as u64 {
        return Ok(None);
    }
    if crate::stdlib::collections::exact_deque(vm, getters).is_none() {
        return Ok(None);
    }
    // `self._finished.clear()` on an exact Event.
    let Some(reg) = vm.ext.asyncio.fastops.as_deref() else { return Ok(None) };
    let (event_cls, n_value, n_unfinished) = (reg.event, reg.n_value, reg.n_unfinished);
    let fin_dict = match finished.as_obj().map(|f| (vm.type_of(finished), vm.heap.data(f))) {
        Some((c, ObjData::Instance(fd))) if c == event_cls => *fd,
        _ => return Ok(None),
    };
    // Every check passed: the steps of put_nowait, in order.
    if let Some(q) = crate::stdlib::collections::exact_deque(vm, queue) {
        q.items.push_back(item);
        q.state += 1;
    }
    vm.dict_set_str(d, n_unfinished, Value::Int(unfinished));
    vm.dict_set_str(fin_dict, n_value, Value::Bool(false));
    wakeup_next(vm, getters)?;
    Ok(Some(Value::None))
}

/// `get()` when the queue is not empty: `get_nowait()`.
fn queue_get_fast(vm: &mut Vm, d: ObjRef) -> PyResult<Option<Value>> {
    let Some([_, queue, _, putters, _, _]) = queue_attrs(vm, d) else { return Ok(None) };
    if crate::stdlib::collections::exact_deque(vm, putters).is_none() {
        return Ok(None);
    }
    let item = match crate::stdlib::collections::exact_deque(vm, queue) {
        Some(q) if !q.items.is_empty() => {
            q.state += 1;
            q.items.pop_front()
        }
        _ => return Ok(None),
    };
    let Some(item) = item else { return Ok(None) };
    wakeup_next(vm, putters)?;
    Ok(Some(item))
}

/// `Queue._wakeup_next(waiters)`: wake the first waiter not yet done.
fn wakeup_next(vm: &mut Vm, waiters: Value) -> PyResult<()> {
    loop {
        let w = match crate::stdlib::collections::exact_deque(vm, waiters) {
            Some(q) => match q.items.pop_front() {
                Some(w) => {
                    q.state += 1;
                    w
                }
                None => return Ok(()),
            },
            None => return Ok(()),
        };
        if crate::asyncio::future::is_exact_future(vm, w) {
            if !crate::asyncio::future::done(vm, w) {
                crate::asyncio::future::set_result(vm, w, Value::None)?;
                return Ok(());
            }
            continue;
        }
        // A waiter of another kind: its own methods.
        let done = vm.call_method(w, "done", &[])?;
        if !vm.truthy(done)? {
            vm.call_method(w, "set_result", &[Value::None])?;
            return Ok(());
        }
    }
}

/// `Event.wait` on an unset event, up to `await fut`:
/// `fut = self._get_loop().create_future(); self._waiters.append(fut)`.
/// None if anything is unusual (the Python method then runs instead).
fn event_park(vm: &mut Vm, ev: Value) -> Option<Value> {
    let l = vm.ext.asyncio.running_loop?;
    if vm.type_of(Value::Obj(l)) != vm.ext.asyncio.loop_type {
        return None;
    }
    let d = vm.instance_dict(ev.as_obj()?)?;
    let waiters_name = vm.intern("_waiters");
    let waiters = vm.dict_get_str(d, waiters_name)?;
    crate::stdlib::collections::exact_deque(vm, waiters)?;
    let fut = crate::asyncio::future::new_future(vm, l);
    let q = crate::stdlib::collections::exact_deque(vm, waiters)?;
    q.items.push_back(fut);
    q.state += 1;
    Some(fut)
}

/// The rest of a parked `Event.wait` once its task resumes it:
/// `await fut` finishing (or raising `exc`), then
/// `finally: _remove_waiter(self._waiters, fut)`, then `return True`.
pub fn event_resume(vm: &mut Vm, ev: Value, fut: Value, exc: Option<crate::vm::PyErr>) -> PyResult<Value> {
    let r = match exc {
        Some(e) => Err(e),
        None if !crate::asyncio::future::done(vm, fut) => Err(vm.runtime_error("await wasn't used with future")),
        None => crate::asyncio::future::result(vm, fut).map(|_| Value::Bool(true)),
    };
    remove_waiter(vm, ev, fut)?;
    r
}

/// `_remove_waiter(self._waiters, fut)` (asyncio.py).
fn remove_waiter(vm: &mut Vm, ev: Value, fut: Value) -> PyResult<()> {
    let name = vm.intern("_waiters");
    let waiters = vm.get_attr(ev, name)?;
    let Some(q) = crate::stdlib::collections::exact_deque(vm, waiters) else {
        // Replaced by something else: the Python helper's own semantics.
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
