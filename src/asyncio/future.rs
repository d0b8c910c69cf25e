//! Futures and tasks as native objects.
//!
//! A `Task` is a future whose payload also holds the coroutine it drives.
//! Stepping a task (`task_step`) sends into / throws into the coroutine;
//! what the coroutine yields decides what happens next exactly as in
//! CPython's `Task.__step`: a blocking future gets a wake-up callback, a
//! bare `yield` (from `sleep(0)`) reschedules the step. Wake-ups and done
//! callbacks always go through the loop's ready queue, never called
//! directly, which is what fixes the order of execution.

use std::any::Any;

use crate::asyncio::event_loop::{self, Ready};
use crate::runtime::generator::GenKind;
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::generator::GenResult;
use crate::vm::run::RunExit;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Pending,
    Cancelled,
    Finished,
}

/// A done callback.
#[derive(Clone, Copy)]
pub enum Callback {
    /// `Task.__wakeup` of a task waiting on this future.
    Wakeup(ObjRef),
    /// Any Python callable, called with the future in a context (None:
    /// the empty one).
    Py(Value, Value),
    /// `gather()`'s per-child callback, run natively (`gather::child_done`)
    /// on its state object.
    Gather(ObjRef),
}

/// Where a future keeps its done callbacks.
enum CallbackStore {
    /// A buffer whose first `ncallbacks` entries are the callbacks, the
    /// rest unused; it grows by doubling (a first callback gets room for
    /// one). Empty: no allocation.
    Buf(Box<[Callback]>),
    /// Exactly one callback, `Wakeup(task)`: a future that one task
    /// awaits (every waiter future of a parked task) needs no buffer, 32
    /// bytes and an allocation fewer. (It fits in the slice's 16 bytes:
    /// the null pointer tells it apart.)
    Wakeup(ObjRef),
}

const _: () = assert!(std::mem::size_of::<CallbackStore>() == 16);

/// The callbacks `take_callbacks` removed from a future.
pub enum TakenCallbacks {
    Wakeup(ObjRef),
    Buf(Vec<Callback>),
}

pub struct TaskObj {
    pub coro: Value,
    pub name: Value,
    pub must_cancel: bool,
    /// The future the task is blocked on, or None. (An `ObjRef`, not a
    /// `Value`: it is always an object, and 8 bytes fewer make a task's
    /// `TaskObj` 64 bytes, mimalloc's 64 class instead of 80.)
    pub fut_waiter: Option<ObjRef>,
    pub num_cancels_requested: u32,
    /// The task's `contextvars` context (see `event_loop::capture_context`).
    pub context: Value,
}

const _: () = assert!(std::mem::size_of::<TaskObj>() <= 64);

pub struct FutureObj {
    pub loop_: ObjRef,
    pub state: State,
    /// An exception nobody retrieved (reported when the future dies).
    pub log_traceback: bool,
    /// `_asyncio_future_blocking`.
    pub blocking: bool,
    pub result: Value,
    /// The done callbacks (`CallbackStore`; `callbacks()`), `ncallbacks`
    /// of them. A boxed slice and a `u32` length in what was padding (16
    /// bytes here instead of a `Vec`'s 24) make a future 64 bytes,
    /// mimalloc's 64 class instead of 80.
    callback_buf: CallbackStore,
    ncallbacks: u32,
    /// What only failed or cancelled futures hold (None until one is
    /// set): kept out of line, 48 bytes fewer per future (100 000 parked
    /// tasks hold 200 000 futures).
    rare: Option<Box<FutureRare>>,
    pub task: Option<Box<TaskObj>>,
}

/// The fields of a `FutureObj` that most futures never set.
struct FutureRare {
    exception: Value,
    cancel_message: Value,
    /// The CancelledError that ended a task (re-raised by `result()`).
    cancelled_exc: Value,
}

const _: () = assert!(std::mem::size_of::<FutureObj>() <= 64);

impl NativeData for FutureObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.loop_);
        push_value(self.result, out);
        if let Some(r) = &self.rare {
            push_value(r.exception, out);
            push_value(r.cancel_message, out);
            push_value(r.cancelled_exc, out);
        }
        // The store itself, not `callbacks()`'s chained iterator (1.8 M
        // Ir more in async_spawn_gather's collections).
        match &self.callback_buf {
            CallbackStore::Wakeup(t) => out.push(*t),
            CallbackStore::Buf(b) => {
                for cb in b.get(..self.ncallbacks as usize).unwrap_or(&[]) {
                    match cb {
                        Callback::Wakeup(t) | Callback::Gather(t) => out.push(*t),
                        Callback::Py(v, c) => {
                            push_value(*v, out);
                            push_value(*c, out);
                        }
                    }
                }
            }
        }
        if let Some(t) = &self.task {
            push_value(t.coro, out);
            push_value(t.name, out);
            out.extend(t.fut_waiter);
            push_value(t.context, out);
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

impl FutureObj {
    pub fn new(loop_: ObjRef) -> FutureObj {
        FutureObj {
            loop_,
            state: State::Pending,
            result: Value::None,
            callback_buf: CallbackStore::Buf(Box::new([])),
            ncallbacks: 0,
            rare: None,
            log_traceback: false,
            blocking: false,
            task: None,
        }
    }

    /// The done callbacks, in order.
    #[inline]
    pub fn callbacks(&self) -> impl Iterator<Item = Callback> + '_ {
        let (one, buf) = match &self.callback_buf {
            CallbackStore::Wakeup(t) => (Some(Callback::Wakeup(*t)), &[][..]),
            CallbackStore::Buf(b) => (None, b.get(..self.ncallbacks as usize).unwrap_or(&[])),
        };
        one.into_iter().chain(buf.iter().copied())
    }

    /// How many done callbacks there are.
    #[inline]
    pub fn ncallbacks(&self) -> usize {
        self.ncallbacks as usize
    }

    /// Append a done callback (amortised O(1): the buffer doubles).
    pub fn push_callback(&mut self, cb: Callback) {
        let n = self.ncallbacks as usize;
        match (&mut self.callback_buf, cb) {
            (CallbackStore::Buf(b), Callback::Wakeup(t)) if n == 0 && b.is_empty() => {
                self.callback_buf = CallbackStore::Wakeup(t);
                self.ncallbacks = 1;
                return;
            }
            (CallbackStore::Buf(b), _) if n < b.len() => {
                b[n] = cb;
                self.ncallbacks += 1;
                return;
            }
            (CallbackStore::Buf(_), _) if n == 0 => {
                // A first callback that is not a wake-up: room for one.
                self.callback_buf = CallbackStore::Buf(Box::new([cb]));
                self.ncallbacks = 1;
                return;
            }
            _ => {}
        }
        // Full (or the single inline wake-up): a buffer twice the size.
        // Unused entries hold a filler nobody reads (`callbacks()` stops at `ncallbacks`).
        let filler = Callback::Py(Value::None, Value::None);
        let mut v = Vec::with_capacity(2 * n);
        match &self.callback_buf {
            CallbackStore::Wakeup(t) => v.push(Callback::Wakeup(*t)),
            CallbackStore::Buf(b) => v.extend_from_slice(b.get(..n).unwrap_or(&[])),
        }
        v.push(cb);
        v.resize(v.capacity(), filler);
        self.callback_buf = CallbackStore::Buf(v.into_boxed_slice());
        self.ncallbacks += 1;
    }

    /// Remove and return the callbacks (`__schedule_callbacks`).
    pub fn take_callbacks(&mut self) -> TakenCallbacks {
        let n = std::mem::take(&mut self.ncallbacks) as usize;
        match std::mem::replace(&mut self.callback_buf, CallbackStore::Buf(Box::new([]))) {
            CallbackStore::Wakeup(t) => TakenCallbacks::Wakeup(t),
            CallbackStore::Buf(b) => {
                let mut v = b.into_vec();
                v.truncate(n);
                TakenCallbacks::Buf(v)
            }
        }
    }

    /// Replace the callbacks (exact size).
    pub fn set_callbacks(&mut self, v: Vec<Callback>) {
        self.ncallbacks = v.len() as u32;
        self.callback_buf = match v[..] {
            [Callback::Wakeup(t)] => CallbackStore::Wakeup(t),
            _ => CallbackStore::Buf(v.into_boxed_slice()),
        };
    }

    /// The exception set by `set_exception` (None if none).
    #[inline]
    pub fn exception(&self) -> Value {
        self.rare.as_ref().map_or(Value::None, |r| r.exception)
    }

    /// The message given to `cancel()` (None if none).
    #[inline]
    pub fn cancel_message(&self) -> Value {
        self.rare.as_ref().map_or(Value::None, |r| r.cancel_message)
    }

    fn rare_mut(&mut self) -> &mut FutureRare {
        self.rare.get_or_insert_with(|| Box::new(FutureRare { exception: Value::None, cancel_message: Value::None, cancelled_exc: Value::None }))
    }

    pub fn set_exception_value(&mut self, v: Value) {
        if self.rare.is_some() || !v.is_none() {
            self.rare_mut().exception = v;
        }
    }

    pub fn set_cancel_message(&mut self, v: Value) {
        if self.rare.is_some() || !v.is_none() {
            self.rare_mut().cancel_message = v;
        }
    }

    pub fn set_cancelled_exc(&mut self, v: Value) {
        if self.rare.is_some() || !v.is_none() {
            self.rare_mut().cancelled_exc = v;
        }
    }

    /// The saved CancelledError, cleared (`_make_cancelled_error`).
    fn take_cancelled_exc(&mut self) -> Value {
        self.rare.as_mut().map_or(Value::None, |r| std::mem::replace(&mut r.cancelled_exc, Value::None))
    }
}

/// The future payload of `v`, if it is a native future or task.
pub fn fut(vm: &mut Vm, v: Value) -> Option<&mut FutureObj> {
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        // Upcast to `dyn Any` through the vtable (no `as_any_mut` call).
        Some(ObjData::Native2(n)) => (&mut **n as &mut dyn Any).downcast_mut::<FutureObj>(),
        _ => None,
    }
}

pub fn fut_ref(vm: &Vm, v: Value) -> Option<&FutureObj> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => (&**n as &dyn Any).downcast_ref::<FutureObj>(),
        _ => None,
    }
}

pub fn is_future(vm: &Vm, v: Value) -> bool {
    fut_ref(vm, v).is_some()
}

pub fn is_task(vm: &Vm, v: Value) -> bool {
    fut_ref(vm, v).map(|f| f.task.is_some()).unwrap_or(false)
}

/// Whether the object's class is exactly the native Future/Task (so its
/// methods need no Python-level dispatch).
pub fn exact(vm: &Vm, v: Value) -> bool {
    let c = vm.type_of(v);
    let st = &vm.ext.asyncio;
    c == st.future_type || c == st.task_type
}

/// A future of exactly the native Future class (not a task, not a subclass).
pub fn is_exact_future(vm: &Vm, v: Value) -> bool {
    is_future(vm, v) && vm.type_of(v) == vm.ext.asyncio.future_type
}

pub fn new_future(vm: &mut Vm, loop_: ObjRef) -> Value {
    let cls = vm.ext.asyncio.future_type;
    vm.alloc(cls, ObjData::Native2(Box::new(FutureObj::new(loop_))))
}

pub fn done(vm: &Vm, f: Value) -> bool {
    fut_ref(vm, f).map(|x| x.state != State::Pending).unwrap_or(false)
}

/// `f.done()` for any future-like object: natively for native futures.
pub fn done_any(vm: &mut Vm, f: Value) -> PyResult<bool> {
    if is_future(vm, f) {
        return Ok(done(vm, f));
    }
    let r = vm.call_method(f, "done", &[])?;
    vm.truthy(r)
}

/// `fut.cancelled()`, for any future-like object: natively for exact native futures.
pub fn cancelled_any(vm: &mut Vm, f: Value) -> PyResult<bool> {
    if exact(vm, f) {
        if let Some(x) = fut_ref(vm, f) {
            return Ok(x.state == State::Cancelled);
        }
    }
    let r = vm.call_method(f, "cancelled", &[])?;
    vm.truthy(r)
}

/// `fut.exception()`, for any future-like object: natively for exact native futures.
pub fn exception_any(vm: &mut Vm, f: Value) -> PyResult<Value> {
    if exact(vm, f) {
        return exception(vm, f);
    }
    vm.call_method(f, "exception", &[])
}

/// `fut.result()`, for any future-like object: natively for exact native futures.
pub fn result_any(vm: &mut Vm, f: Value) -> PyResult<Value> {
    if exact(vm, f) {
        return result(vm, f);
    }
    vm.call_method(f, "result", &[])
}

/// `f.set_result(v)` for any future-like object: natively for exact
/// native futures (a subclass may override `set_result`).
pub fn set_result_any(vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    if is_exact_future(vm, f) {
        return set_result(vm, f, v);
    }
    vm.call_method(f, "set_result", &[v]).map(|_| ())
}

/// Move the callbacks to the loop's ready queue (`__schedule_callbacks`).
pub fn schedule_callbacks(vm: &mut Vm, f: ObjRef) {
    let (cbs, loop_) = match fut(vm, Value::Obj(f)) {
        Some(x) => (x.take_callbacks(), x.loop_),
        None => return,
    };
    let cbs = match cbs {
        TakenCallbacks::Wakeup(t) => return event_loop::push_ready(vm, loop_, Ready::Wakeup { task: t, fut: f }),
        TakenCallbacks::Buf(v) => v,
    };
    for cb in cbs {
        let item = match cb {
            Callback::Wakeup(t) => Ready::Wakeup { task: t, fut: f },
            Callback::Py(func, ctx) => Ready::Call { func, arg: Value::Obj(f), ctx },
            Callback::Gather(state) => Ready::Gather { state, fut: f },
        };
        event_loop::push_ready(vm, loop_, item);
    }
}

#[cold]
pub fn invalid_state(vm: &mut Vm, msg: impl Into<String>) -> PyErr {
    let c = vm.ext.asyncio.invalid_state_error;
    vm.new_error(c, msg)
}



pub fn set_result(vm: &mut Vm, f: Value, v: Value) -> PyResult<()> {
    let state = fut_ref(vm, f).map(|x| x.state).unwrap_or(State::Pending);
    if state != State::Pending {
        // The C accelerator's message (what CPython users see).
        return Err(invalid_state(vm, "invalid state"));
    }
    if let Some(x) = fut(vm, f) {
        x.result = v;
        x.state = State::Finished;
    }
    schedule_callbacks(vm, f.as_obj().expect("future"));
    Ok(())
}

pub fn set_exception(vm: &mut Vm, f: Value, e: Value) -> PyResult<()> {
    let state = fut_ref(vm, f).map(|x| x.state).unwrap_or(State::Pending);
    if state != State::Pending {
        // The C accelerator's message (what CPython users see).
        return Err(invalid_state(vm, "invalid state"));
    }
    let e = match e.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(_)) => vm.call_value(e, &[], &[])?,
        _ => e,
    };
    if vm.type_of(e) == vm.exc.stop_iteration {
        return Err(vm.type_error("StopIteration interacts badly with generators and cannot be raised into a Future"));
    }
    if let Some(x) = fut(vm, f) {
        x.set_exception_value(e);
        x.state = State::Finished;
        x.log_traceback = true;
    }
    vm.exit_work_possible = true;
    schedule_callbacks(vm, f.as_obj().expect("future"));
    Ok(())
}

/// `Future.cancel(msg)` (not Task's).
pub fn future_cancel(vm: &mut Vm, f: Value, msg: Value) -> bool {
    let Some(x) = fut(vm, f) else { return false };
    x.log_traceback = false;
    if x.state != State::Pending {
        return false;
    }
    x.state = State::Cancelled;
    x.set_cancel_message(msg);
    schedule_callbacks(vm, f.as_obj().expect("future"));
    true
}

/// `_make_cancelled_error()`.
pub fn make_cancelled_error(vm: &mut Vm, f: Value) -> PyErr {
    let (saved, msg) = match fut(vm, f) {
        Some(x) => {
            let s = x.take_cancelled_exc();
            (s, x.cancel_message())
        }
        None => (Value::None, Value::None),
    };
    if let Value::Obj(e) = saved {
        return PyErr(e);
    }
    let c = vm.ext.asyncio.cancelled_error;
    let args = if msg.is_none() { vec![] } else { vec![msg] };
    PyErr(vm.make_exception(c, args))
}

/// `future.result()`.
pub fn result(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let (state, res, exc) = match fut(vm, f) {
        Some(x) => {
            if x.state == State::Finished {
                x.log_traceback = false;
            }
            (x.state, x.result, x.exception())
        }
        None => return Err(vm.type_error("not a future")),
    };
    match state {
        State::Cancelled => Err(make_cancelled_error(vm, f)),
        State::Pending => Err(invalid_state(vm, "Result is not set.")),
        State::Finished => match exc {
            Value::Obj(e) => Err(PyErr(e)),
            _ => Ok(res),
        },
    }
}

/// `future.exception()`.
pub fn exception(vm: &mut Vm, f: Value) -> PyResult<Value> {
    let (state, exc) = match fut(vm, f) {
        Some(x) => {
            if x.state == State::Finished {
                x.log_traceback = false;
            }
            (x.state, x.exception())
        }
        None => return Err(vm.type_error("not a future")),
    };
    match state {
        State::Cancelled => Err(make_cancelled_error(vm, f)),
        State::Pending => Err(invalid_state(vm, "Exception is not set.")),
        State::Finished => Ok(exc),
    }
}

pub fn add_done_callback(vm: &mut Vm, f: Value, cb: Callback) {
    let (state, loop_) = match fut_ref(vm, f) {
        Some(x) => (x.state, x.loop_),
        None => return,
    };
    if state != State::Pending {
        let item = match cb {
            Callback::Wakeup(t) => Ready::Wakeup { task: t, fut: f.as_obj().expect("future") },
            Callback::Py(func, ctx) => Ready::Call { func, arg: f, ctx },
            Callback::Gather(state) => Ready::Gather { state, fut: f.as_obj().expect("future") },
        };
        event_loop::push_ready(vm, loop_, item);
    } else if let Some(x) = fut(vm, f) {
        // Most futures get one callback (the task awaiting them): one
        // allocation of exactly that size.
        x.push_callback(cb);
    }
}

// ---- generic operations on any future-like object ----

/// `fut.cancel(msg)` honouring Python subclasses and duck-typed futures.
pub fn cancel_any(vm: &mut Vm, f: Value, msg: Value) -> PyResult<bool> {
    if exact(vm, f) {
        if is_task(vm, f) {
            return Ok(task_cancel(vm, f, msg));
        }
        return Ok(future_cancel(vm, f, msg));
    }
    let r = if msg.is_none() {
        vm.call_method(f, "cancel", &[])?
    } else {
        let k = vm.new_str("msg");
        let m = vm.intern("cancel");
        let meth = vm.get_attr(f, m)?;
        vm.call_value(meth, &[], &[(k, msg)])?
    };
    vm.truthy(r)
}

/// Register a task's wake-up on any future-like object.
fn add_wakeup_any(vm: &mut Vm, f: Value, task: ObjRef) -> PyResult<()> {
    if exact(vm, f) {
        add_done_callback(vm, f, Callback::Wakeup(task));
        return Ok(());
    }
    let cb = vm.native_bound("task_wakeup", crate::asyncio::module::task_wakeup_native, Value::Obj(task));
    vm.call_method(f, "add_done_callback", &[cb])?;
    Ok(())
}

// ---- tasks ----

pub fn task(vm: &mut Vm, t: Value) -> Option<&mut TaskObj> {
    fut(vm, t).and_then(|f| f.task.as_deref_mut())
}

/// `Task.cancel(msg)`.
pub fn task_cancel(vm: &mut Vm, t: Value, msg: Value) -> bool {
    let waiter = {
        let Some(f) = fut(vm, t) else { return false };
        f.log_traceback = false;
        if f.state != State::Pending {
            return false;
        }
        let Some(tk) = f.task.as_deref_mut() else { return false };
        tk.num_cancels_requested += 1;
        tk.fut_waiter
    };
    if let Some(waiter) = waiter {
        match cancel_any(vm, Value::Obj(waiter), msg) {
            Ok(true) => return true,
            Ok(false) => {}
            Err(_) => {}
        }
    }
    if let Some(f) = fut(vm, t) {
        f.set_cancel_message(msg);
        if let Some(tk) = f.task.as_deref_mut() {
            tk.must_cancel = true;
        }
    }
    true
}

/// Send into / throw into a task's coroutine (a coroutine object, a
/// native awaitable, or any object with send/throw).
fn coro_step(vm: &mut Vm, coro: Value, exc: Option<PyErr>) -> PyResult<GenResult> {
    if let Some(ObjData::Generator(g)) = coro.as_obj().map(|r| vm.heap.data(r)) {
        if g.kind != GenKind::AsyncGenerator {
            let r = coro.as_obj().expect("gen");
            return match exc {
                None => vm.gen_send(r, Value::None),
                Some(e) => vm.gen_throw(r, e),
            };
        }
    }
    match exc {
        None => {
            if let Some(o) = crate::asyncio::native_send(vm, coro, Value::None)? {
                return Ok(match o {
                    crate::vm::run::SendOutcome::Yielded(y) => GenResult::Yield(y),
                    crate::vm::run::SendOutcome::Returned(v) => GenResult::Return(v),
                    crate::vm::run::SendOutcome::Pushed => GenResult::Yield(Value::None),
                });
            }
            match vm.call_method(coro, "send", &[Value::None]) {
                Ok(y) => Ok(GenResult::Yield(y)),
                Err(e) => match vm.stop_iteration_value(e) {
                    Some(v) => Ok(GenResult::Return(v)),
                    None => Err(e),
                },
            }
        }
        Some(e) => {
            if let Some(r) = crate::asyncio::native_throw(vm, coro, e)? {
                return Ok(r);
            }
            match vm.call_method(coro, "throw", &[e.value()]) {
                Ok(y) => Ok(GenResult::Yield(y)),
                Err(e2) => match vm.stop_iteration_value(e2) {
                    Some(v) => Ok(GenResult::Return(v)),
                    None => Err(e2),
                },
            }
        }
    }
}

pub fn is_cancelled_error(vm: &Vm, e: Value) -> bool {
    let c = vm.ext.asyncio.cancelled_error;
    vm.is_instance_of(e, c)
}

/// `Task.__step(exc)`, run inside the task's context; a bare `yield`
/// (from `sleep(0)`) schedules the next step at the end of the task's
/// loop's ready queue.
pub fn task_step(vm: &mut Vm, t: ObjRef, exc: Value) -> PyResult<()> {
    if let Some(l) = task_step_run(vm, t, exc)? {
        event_loop::push_ready(vm, l, Ready::Step { task: t, exc: Value::None });
    }
    Ok(())
}

/// `Task.__step(exc)` without its last act: Some(loop) when the step
/// ended in a bare `yield` and the next step must be scheduled on that
/// loop (the loop pass does that itself, together with taking its next
/// item, in one look-up of the loop: `event_loop::run_once`). Nothing
/// else runs between the end of the step and that push, so the order
/// is `call_soon`'s.
pub fn task_step_run(vm: &mut Vm, t: ObjRef, exc: Value) -> PyResult<Option<ObjRef>> {
    let tv = Value::Obj(t);
    // One downcast for the state, loop, pending cancellation, coroutine
    // and context.
    let (state, loop_, step) = match fut(vm, tv) {
        Some(f) => {
            let (state, loop_) = (f.state, f.loop_);
            let step = match f.task.as_deref_mut() {
                Some(k) if state == State::Pending => {
                    let (must_cancel, waiter) = (k.must_cancel, k.fut_waiter);
                    k.must_cancel = false;
                    k.fut_waiter = None;
                    Some((must_cancel, waiter, k.coro, k.context))
                }
                _ => None,
            };
            (state, loop_, step)
        }
        None => return Ok(None),
    };
    if state != State::Pending {
        let r = vm.to_repr_string(tv)?;
        return Err(invalid_state(vm, format!("_step(): already done: {}", r)));
    }
    let Some((must_cancel, waiter, coro, ctx)) = step else { return Ok(None) };
    if ctx.is_none() && vm.ext.context.is_none() {
        let r = if !must_cancel && exc.is_none() {
            resume_task_coroutine(vm, t, loop_, coro)
        } else {
            task_step_inner(vm, t, loop_, exc, must_cancel, coro)
        };
        // A context first created during this step is the task's own.
        if let Some(c) = vm.ext.context.take() {
            if let Some(k) = task(vm, tv) {
                k.context = Value::Obj(c);
            }
        }
        return r;
    }
    let ctx = if ctx.is_none() {
        // Created before contextvars were used: its context is empty.
        let c = crate::stdlib::contextvars::new_empty(vm);
        if let Some(k) = task(vm, tv) {
            k.context = c;
        }
        c
    } else {
        ctx
    };
    let prev = match event_loop::enter_context(vm, ctx) {
        Ok(p) => p,
        Err(e) => {
            // The step did not happen: leave the task as it was.
            if let Some(k) = task(vm, tv) {
                k.must_cancel = must_cancel;
                k.fut_waiter = waiter;
            }
            return Err(e);
        }
    };
    let r = task_step_inner(vm, t, loop_, exc, must_cancel, coro);
    event_loop::leave_context(vm, prev);
    r
}

/// The usual task step: send None into the coroutine, no cancellation
/// pending (`task_step_inner` with its tests answered); a suspended
/// coroutine object is resumed without `coro_step`'s dispatch. (Inlined
/// into `task_step_run`: one prologue per step.)
#[inline(always)]
fn resume_task_coroutine(vm: &mut Vm, t: ObjRef, loop_: ObjRef, coro: Value) -> PyResult<Option<ObjRef>> {
    event_loop::enter_task(vm, loop_, t)?;
    let r = match vm.task_send_none(coro) {
        Some(Ok(RunExit::Yield(y))) => Ok(GenResult::Yield(y)),
        Some(Ok(RunExit::Return(v))) => Ok(GenResult::Return(v)),
        Some(Err(e)) => Err(e),
        None => coro_step(vm, coro, None),
    };
    event_loop::leave_task(vm, loop_, t);
    match r {
        Ok(GenResult::Yield(Value::None)) => Ok(Some(loop_)),
        r => task_step_done(vm, t, loop_, r),
    }
}

fn task_step_inner(vm: &mut Vm, t: ObjRef, loop_: ObjRef, exc: Value, must_cancel: bool, coro: Value) -> PyResult<Option<ObjRef>> {
    let tv = Value::Obj(t);
    let mut exc = exc;
    if must_cancel && !is_cancelled_error(vm, exc) {
        exc = make_cancelled_error(vm, tv).value();
    }
    event_loop::enter_task(vm, loop_, t)?;
    let exc_err = if exc.is_none() { None } else { Some(vm.as_exception(exc)) };
    let r = coro_step(vm, coro, exc_err);
    event_loop::leave_task(vm, loop_, t);
    task_step_done(vm, t, loop_, r)
}

/// What the coroutine's step produced, as `Task.__step` handles it.
fn task_step_done(vm: &mut Vm, t: ObjRef, loop_: ObjRef, r: PyResult<GenResult>) -> PyResult<Option<ObjRef>> {
    let tv = Value::Obj(t);
    match r {
        Ok(GenResult::Return(v)) => {
            let must = task(vm, tv).map(|k| k.must_cancel).unwrap_or(false);
            if must {
                if let Some(k) = task(vm, tv) {
                    k.must_cancel = false;
                }
                let msg = fut_ref(vm, tv).map(|f| f.cancel_message()).unwrap_or(Value::None);
                future_cancel(vm, tv, msg);
            } else {
                set_result(vm, tv, v)?;
            }
        }
        Err(e) => {
            let ev = e.value();
            if is_cancelled_error(vm, ev) {
                if let Some(f) = fut(vm, tv) {
                    f.set_cancelled_exc(ev);
                }
                future_cancel(vm, tv, Value::None);
            } else {
                let (ki, se) = (vm.exc.keyboard_interrupt, vm.exc.system_exit);
                let fatal = vm.is_instance_of(ev, ki) || vm.is_instance_of(ev, se);
                set_exception(vm, tv, ev)?;
                if fatal {
                    return Err(e);
                }
            }
        }
        Ok(GenResult::Yield(y)) => {
            if y.is_none() {
                return Ok(Some(loop_));
            }
            handle_yield(vm, t, loop_, y)?
        }
    }
    Ok(None)
}

/// What a task's coroutine yielded (not None: that is the caller's).
fn handle_yield(vm: &mut Vm, t: ObjRef, loop_: ObjRef, y: Value) -> PyResult<()> {
    let tv = Value::Obj(t);
    let blocking = if let Some(f) = fut_ref(vm, y) {
        Some(f.blocking)
    } else {
        let b = vm.names._asyncio_future_blocking;
        match vm.get_attr_opt(y, b)? {
            Some(Value::None) | None => None,
            Some(v) => Some(vm.truthy(v)?),
        }
    };
    let Some(blocking) = blocking else {
        let r = vm.to_repr_string(y)?;
        let e = vm.runtime_error(format!("Task got bad yield: {}", r));
        event_loop::push_ready(vm, loop_, Ready::Step { task: t, exc: e.value() });
        return Ok(());
    };
    if !blocking {
        let tr = vm.to_repr_string(tv)?;
        let yr = vm.to_repr_string(y)?;
        let e = vm.runtime_error(format!("yield was used instead of yield from in task {} with {}", tr, yr));
        event_loop::push_ready(vm, loop_, Ready::Step { task: t, exc: e.value() });
        return Ok(());
    }
    if y.is(tv) {
        let tr = vm.to_repr_string(tv)?;
        let e = vm.runtime_error(format!("Task cannot await on itself: {}", tr));
        event_loop::push_ready(vm, loop_, Ready::Step { task: t, exc: e.value() });
        return Ok(());
    }
    match fut(vm, y) {
        Some(f) => f.blocking = false,
        None => {
            let b = vm.names._asyncio_future_blocking;
            vm.set_attr(y, b, Value::Bool(false))?;
        }
    }
    add_wakeup_any(vm, y, t)?;
    let must = match task(vm, tv) {
        Some(k) => {
            k.fut_waiter = y.as_obj();
            k.must_cancel
        }
        None => false,
    };
    if must {
        let msg = fut_ref(vm, tv).map(|f| f.cancel_message()).unwrap_or(Value::None);
        if cancel_any(vm, y, msg)? {
            if let Some(k) = task(vm, tv) {
                k.must_cancel = false;
            }
        }
    }
    Ok(())
}

/// `Task.__wakeup(future)`.
pub fn task_wakeup(vm: &mut Vm, t: ObjRef, f: Value) -> PyResult<()> {
    let exc = wakeup_exc(vm, f);
    task_step(vm, t, exc)
}

/// The exception `Task.__wakeup` steps the task with: None, or what
/// `f.result()` raised.
fn wakeup_exc(vm: &mut Vm, f: Value) -> Value {
    let exc = if is_future(vm, f) {
        match fut_ref(vm, f).map(|x| (x.state, x.exception())) {
            Some((State::Finished, Value::None)) => Value::None,
            _ => match result(vm, f) {
                Ok(_) => Value::None,
                Err(e) => e.value(),
            },
        }
    } else {
        match vm.call_method(f, "result", &[]) {
            Ok(_) => Value::None,
            Err(e) => e.value(),
        }
    };
    if let (Value::Obj(_), true) = (exc, is_future(vm, f)) {
        // result() was retrieved through the wake-up: don't log it.
        if let Some(x) = fut(vm, f) {
            x.log_traceback = false;
        }
    }
    exc
}

/// `Task.__wakeup(future)` from the loop pass: as `task_step_run`.
pub fn task_wakeup_run(vm: &mut Vm, t: ObjRef, f: Value) -> PyResult<Option<ObjRef>> {
    let exc = wakeup_exc(vm, f);
    task_step_run(vm, t, exc)
}
