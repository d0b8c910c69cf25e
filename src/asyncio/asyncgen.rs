//! The awaitables behind async generators (`asend`, `athrow`, `aclose`),
//! `coroutine.__await__()` wrappers and `anext(it, default)`. Each is a
//! native object the `Send` instruction steps directly.
//!
//! An async generator's frame yields both its own values (`yield x`) and
//! futures passed up by `await`s inside it; the two are told apart by the
//! instruction before the suspension point (`Send` means an `await`).

use std::any::Any;

use crate::asyncio::fastops;
use crate::builtins::{add_method, Kind};
use crate::runtime::generator::{GenKind, GenState};
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::generator::GenResult;
use crate::vm::run::SendOutcome;
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Init,
    Iter,
    Done,
}

pub enum Awaitable {
    /// `agen.asend(value)` / `agen.__anext__()`.
    ASend { gen: ObjRef, value: Value, stage: Stage },
    /// `agen.athrow(exc)` or, with `exc: None`, `agen.aclose()`.
    AThrow { gen: ObjRef, exc: Value, stage: Stage },
    /// `coro.__await__()`.
    CoroWrapper { coro: ObjRef },
    /// `anext(it, default)`.
    AnextDefault { inner: Value, default: Value },
    /// `queue.put(x)`, `queue.get()`, `event.wait()` (see `fastops`):
    /// done natively at the first send if possible, else through the
    /// Python coroutine `coro`, made then.
    Deferred { op: fastops::Op, recv: Value, arg: Value, state: DeferredState },
}

/// Where a `Deferred` call is. One field for the coroutine and the
/// future (never both) makes an `Awaitable` 48 bytes instead of 56
/// (mimalloc's 48 class; a task parked on `Event.wait` holds one).
#[derive(Clone, Copy)]
pub enum DeferredState {
    /// Not sent into yet.
    Fresh,
    /// Natively parked on this future.
    Parked(ObjRef),
    /// Forwarding to the Python coroutine of the method.
    Slow(ObjRef),
    /// Finished or closed, natively.
    Done,
}

const _: () = assert!(std::mem::size_of::<Awaitable>() <= 48);

impl NativeData for Awaitable {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        match self {
            Awaitable::ASend { gen, value, .. } => {
                out.push(*gen);
                push_value(*value, out);
            }
            Awaitable::AThrow { gen, exc, .. } => {
                out.push(*gen);
                push_value(*exc, out);
            }
            Awaitable::CoroWrapper { coro } => out.push(*coro),
            Awaitable::AnextDefault { inner, default } => {
                push_value(*inner, out);
                push_value(*default, out);
            }
            Awaitable::Deferred { recv, arg, state, .. } => {
                push_value(*recv, out);
                push_value(*arg, out);
                if let DeferredState::Parked(r) | DeferredState::Slow(r) = state {
                    out.push(*r);
                }
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

thread_local! {
    static TYPES: std::cell::Cell<Option<[ObjRef; 5]>> = const { std::cell::Cell::new(None) };
}

/// Create the awaitable types and the async-generator methods.
pub fn install(vm: &mut Vm) {
    let mk = |vm: &mut Vm, name: &str| crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, name, crate::runtime::class::Layout::Final);
    let asend = mk(vm, "async_generator_asend");
    let athrow = mk(vm, "async_generator_athrow");
    let wrapper = mk(vm, "coroutine_wrapper");
    let anext = mk(vm, "anext_awaitable");
    // Deferred method calls pass for the coroutines CPython returns.
    let deferred = mk(vm, "coroutine");
    TYPES.with(|t| t.set(Some([asend, athrow, wrapper, anext, deferred])));
    for (t, name) in [(asend, "async_generator_asend"), (athrow, "async_generator_athrow"), (wrapper, "coroutine_wrapper"), (anext, "anext_awaitable"), (deferred, "coroutine")] {
        vm.ext.roots.push(Value::Obj(t));
        add_method(vm, t, name, "send", aw_send);
        add_method(vm, t, name, "throw", aw_throw);
        add_method(vm, t, name, "close", aw_close);
        add_method(vm, t, name, "__next__", aw_next);
        add_method(vm, t, name, "__iter__", aw_self);
        add_method(vm, t, name, "__await__", aw_self);
    }
    let ag = vm.types.async_generator;
    add_method(vm, ag, "async_generator", "__aiter__", aw_self);
    add_method(vm, ag, "async_generator", "__anext__", ag_anext);
    add_method(vm, ag, "async_generator", "asend", ag_asend);
    add_method(vm, ag, "async_generator", "athrow", ag_athrow);
    add_method(vm, ag, "async_generator", "aclose", ag_aclose);
    let _ = Kind::Method;
}

fn types(vm: &Vm) -> [ObjRef; 5] {
    TYPES.with(|t| t.get()).unwrap_or([vm.types.native_object; 5])
}

fn new_awaitable(vm: &mut Vm, a: Awaitable) -> Value {
    let t = types(vm);
    let cls = match a {
        Awaitable::ASend { .. } => t[0],
        Awaitable::AThrow { .. } => t[1],
        Awaitable::CoroWrapper { .. } => t[2],
        Awaitable::AnextDefault { .. } => t[3],
        Awaitable::Deferred { .. } => t[4],
    };
    vm.alloc(cls, ObjData::Native2(Box::new(a)))
}

fn get(vm: &mut Vm, v: Value) -> Option<&mut Awaitable> {
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<Awaitable>(),
        _ => None,
    }
}

pub fn is_native_awaitable(vm: &Vm, v: Value) -> bool {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        // Futures and tasks (the usual `await`) first.
        Some(ObjData::Native2(n)) => crate::asyncio::future_like(vm, v) || n.as_any().is::<Awaitable>(),
        _ => false,
    }
}

pub fn asend(vm: &mut Vm, gen: ObjRef, value: Value) -> PyResult<Value> {
    Ok(new_awaitable(vm, Awaitable::ASend { gen, value, stage: Stage::Init }))
}

/// The `__anext__()` awaitable of an async generator that `async for`
/// resumed in place (vm/generator.rs `push_anext_frame`) and that has
/// just passed a future up from an `await`: the rest of the step goes
/// through this object, as if it had been created before the resumption.
pub fn asend_in_progress(vm: &mut Vm, gen: ObjRef) -> Value {
    new_awaitable(vm, Awaitable::ASend { gen, value: Value::None, stage: Stage::Iter })
}

pub fn coroutine_wrapper(vm: &mut Vm, coro: Value) -> Value {
    new_awaitable(vm, Awaitable::CoroWrapper { coro: coro.as_obj().expect("coroutine") })
}

/// Drive any awaitable iterator like a coroutine (ensure_future of an
/// object with `__await__`).
pub fn awaitable_wrapper(vm: &mut Vm, it: Value) -> Value {
    new_awaitable(vm, Awaitable::AnextDefault { inner: it, default: Value::Undef })
}

/// The awaitable `Queue.put`/`Queue.get`/`Event.wait` return (`fastops`).
/// What a step of a `Deferred` awaitable sends back for the fast path's
/// outcome: its result, the future it parks on (yielded to the task), or
/// the Python coroutine of the method, started now and forwarded to from
/// here on.
fn deferred_outcome(vm: &mut Vm, aw: Value, op: fastops::Op, recv: Value, arg: Value, fast: fastops::Fast) -> PyResult<SendOutcome> {
    match fast {
        fastops::Fast::Done(r) => Ok(SendOutcome::Returned(r)),
        fastops::Fast::Park(fut) => {
            if let (Some(Awaitable::Deferred { state, .. }), Some(f)) = (get(vm, aw), fut.as_obj()) {
                *state = DeferredState::Parked(f);
            }
            Ok(SendOutcome::Yielded(fut))
        }
        fastops::Fast::Slow => {
            let c = fastops::slow_coroutine(vm, op, recv, arg)?;
            let Some(c) = c.as_obj() else { return Err(vm.type_error("not a coroutine")) };
            if let Some(Awaitable::Deferred { state, .. }) = get(vm, aw) {
                *state = DeferredState::Slow(c);
            }
            drive(vm, c, Ok(Value::None))
        }
    }
}

pub fn deferred(vm: &mut Vm, op: fastops::Op, recv: Value, arg: Value) -> Value {
    new_awaitable(vm, Awaitable::Deferred { op, recv, arg, state: DeferredState::Fresh })
}

pub fn anext_with_default(vm: &mut Vm, inner: Value, default: Value) -> PyResult<Value> {
    Ok(new_awaitable(vm, Awaitable::AnextDefault { inner, default }))
}

#[cold]
fn already_running(vm: &mut Vm) -> PyErr {
    vm.runtime_error("anext(): asynchronous generator is already running")
}

fn set_running(vm: &mut Vm, gen: ObjRef, running: bool) {
    if let ObjData::Generator(g) = vm.heap.data_mut(gen) {
        g.ag_running = running;
    }
}

/// Interpret an async generator step for asend/athrow.
fn asyncgen_step(vm: &mut Vm, gen: ObjRef, r: PyResult<GenResult>) -> PyResult<SendOutcome> {
    match r {
        Ok(GenResult::Yield(y)) => {
            if vm.asyncgen_yielded_value(gen) {
                set_running(vm, gen, false);
                Ok(SendOutcome::Returned(y))
            } else {
                Ok(SendOutcome::Yielded(y))
            }
        }
        Ok(GenResult::Return(_)) => {
            set_running(vm, gen, false);
            let c = vm.exc.stop_async_iteration;
            Err(PyErr(vm.make_exception(c, vec![])))
        }
        Err(e) => {
            set_running(vm, gen, false);
            Err(e)
        }
    }
}

/// One step of an awaitable, given the value sent (or an exception
/// thrown) into it.
fn step(vm: &mut Vm, aw: Value, input: Result<Value, PyErr>) -> PyResult<SendOutcome> {
    let Some(state) = get(vm, aw) else { return Err(vm.type_error("not an awaitable")) };
    match state {
        Awaitable::ASend { gen, value, stage } => {
            let (gen, first_value, st) = (*gen, *value, *stage);
            if st == Stage::Done {
                return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
            }
            if st == Stage::Init {
                if matches!(vm.heap.data(gen), ObjData::Generator(g) if g.ag_running) {
                    return Err(already_running(vm));
                }
                set_running(vm, gen, true);
                crate::asyncio::asyncgen_first_iter(vm, gen)?;
            }
            if let Some(Awaitable::ASend { stage, .. }) = get(vm, aw) {
                *stage = Stage::Iter;
            }
            let r = match input {
                Ok(v) => {
                    let v = if st == Stage::Init && v.is_none() { first_value } else { v };
                    vm.gen_send(gen, v)
                }
                Err(e) => vm.gen_throw(gen, e),
            };
            let out = asyncgen_step(vm, gen, r);
            if !matches!(out, Ok(SendOutcome::Yielded(_))) {
                if let Some(Awaitable::ASend { stage, .. }) = get(vm, aw) {
                    *stage = Stage::Done;
                }
            }
            out
        }
        Awaitable::AThrow { gen, exc, stage } => {
            let (gen, exc, st) = (*gen, *exc, *stage);
            if st == Stage::Done {
                return Err(vm.runtime_error("cannot reuse already awaited aclose()/athrow()"));
            }
            let closing = exc.is_none();
            let (state, started) = match vm.heap.data(gen) {
                ObjData::Generator(g) => (g.state, g.ag_running),
                _ => (GenState::Closed, false),
            };
            let r = if st == Stage::Init {
                if started {
                    return Err(vm.runtime_error("athrow(): asynchronous generator is already running"));
                }
                if state == GenState::Closed || (closing && state == GenState::Created) {
                    if let Some(Awaitable::AThrow { stage, .. }) = get(vm, aw) {
                        *stage = Stage::Done;
                    }
                    if let ObjData::Generator(g) = vm.heap.data_mut(gen) {
                        g.state = GenState::Closed;
                    }
                    if closing {
                        return Ok(SendOutcome::Returned(Value::None));
                    }
                    let c = vm.exc.stop_async_iteration;
                    return Err(PyErr(vm.make_exception(c, vec![])));
                }
                set_running(vm, gen, true);
                if let Some(Awaitable::AThrow { stage, .. }) = get(vm, aw) {
                    *stage = Stage::Iter;
                }
                let e = if closing {
                    let c = vm.exc.generator_exit;
                    PyErr(vm.make_exception(c, vec![]))
                } else {
                    PyErr(exc.as_obj().expect("exception"))
                };
                vm.gen_throw(gen, e)
            } else {
                match input {
                    Ok(v) => vm.gen_send(gen, v),
                    Err(e) => vm.gen_throw(gen, e),
                }
            };
            let out = match r {
                Ok(GenResult::Yield(y)) => {
                    if vm.asyncgen_yielded_value(gen) {
                        set_running(vm, gen, false);
                        if closing {
                            Err(vm.runtime_error("async generator ignored GeneratorExit"))
                        } else {
                            Ok(SendOutcome::Returned(y))
                        }
                    } else {
                        Ok(SendOutcome::Yielded(y))
                    }
                }
                Ok(GenResult::Return(_)) => {
                    set_running(vm, gen, false);
                    if closing {
                        Ok(SendOutcome::Returned(Value::None))
                    } else {
                        let c = vm.exc.stop_async_iteration;
                        Err(PyErr(vm.make_exception(c, vec![])))
                    }
                }
                Err(e) => {
                    set_running(vm, gen, false);
                    let (ge, sai) = (vm.exc.generator_exit, vm.exc.stop_async_iteration);
                    if closing && (vm.isinstance_exc(e.value(), ge) || vm.isinstance_exc(e.value(), sai)) {
                        Ok(SendOutcome::Returned(Value::None))
                    } else {
                        Err(e)
                    }
                }
            };
            if !matches!(out, Ok(SendOutcome::Yielded(_))) {
                if let Some(Awaitable::AThrow { stage, .. }) = get(vm, aw) {
                    *stage = Stage::Done;
                }
            }
            out
        }
        Awaitable::Deferred { op, recv, arg, state } => {
            let (op, recv, arg, st) = (*op, *recv, *arg, *state);
            let coro = match st {
                DeferredState::Slow(c) => c,
                DeferredState::Parked(fut) => {
                    // Resumed while parked on `fut`: the rest of the method.
                    if let Some(Awaitable::Deferred { state, .. }) = get(vm, aw) {
                        *state = DeferredState::Done;
                    }
                    let fast = fastops::resume(vm, op, recv, arg, Value::Obj(fut), input.err())?;
                    return deferred_outcome(vm, aw, op, recv, arg, fast);
                }
                DeferredState::Done => return Err(vm.runtime_error("cannot reuse already awaited coroutine")),
                DeferredState::Fresh => {
                    if let Some(Awaitable::Deferred { state, .. }) = get(vm, aw) {
                        *state = DeferredState::Done;
                    }
                    // A throw before the first step ends it, as it ends a
                    // coroutine that never started.
                    let v = input?;
                    if !v.is_none() {
                        return Err(vm.type_error("can't send non-None value to a just-started coroutine"));
                    }
                    let fast = fastops::first_step(vm, op, recv, arg)?;
                    return deferred_outcome(vm, aw, op, recv, arg, fast);
                }
            };
            drive(vm, coro, input)
        }
        Awaitable::CoroWrapper { coro } => {
            let coro = *coro;
            drive(vm, coro, input)
        }
        Awaitable::AnextDefault { inner, default } => {
            let (inner, default) = (*inner, *default);
            let r = match input {
                Ok(v) => send_any(vm, inner, v),
                Err(e) => throw_any(vm, inner, e),
            };
            match r {
                Err(e) => {
                    let sai = vm.exc.stop_async_iteration;
                    if !default.is_undef() && vm.isinstance_exc(e.value(), sai) {
                        Ok(SendOutcome::Returned(default))
                    } else {
                        Err(e)
                    }
                }
                ok => ok,
            }
        }
    }
}

/// One send (or throw) into a coroutine this awaitable forwards to.
fn drive(vm: &mut Vm, coro: ObjRef, input: Result<Value, PyErr>) -> PyResult<SendOutcome> {
    let r = match input {
        Ok(v) => vm.gen_send(coro, v),
        Err(e) => vm.gen_throw(coro, e),
    };
    match r? {
        GenResult::Yield(y) => Ok(SendOutcome::Yielded(y)),
        GenResult::Return(v) => Ok(SendOutcome::Returned(v)),
    }
}

/// Send into any awaitable iterator from native code.
fn send_any(vm: &mut Vm, it: Value, v: Value) -> PyResult<SendOutcome> {
    if let Some(ObjData::Generator(g)) = it.as_obj().map(|r| vm.heap.data(r)) {
        if g.kind != GenKind::AsyncGenerator {
            let r = it.as_obj().expect("gen");
            return Ok(match vm.gen_send(r, v)? {
                GenResult::Yield(y) => SendOutcome::Yielded(y),
                GenResult::Return(x) => SendOutcome::Returned(x),
            });
        }
    }
    if let Some(o) = native_send(vm, it, v)? {
        return Ok(o);
    }
    let r = if v.is_none() {
        let n = vm.names.__next__;
        match vm.lookup_special(it, n) {
            Some(m) => vm.call_value(m, &[it], &[]),
            None => return Err(vm.type_error("object is not an iterator")),
        }
    } else {
        vm.call_method(it, "send", &[v])
    };
    match r {
        Ok(y) => Ok(SendOutcome::Yielded(y)),
        Err(e) => match vm.stop_iteration_value(e) {
            Some(x) => Ok(SendOutcome::Returned(x)),
            None => Err(e),
        },
    }
}

fn throw_any(vm: &mut Vm, it: Value, e: PyErr) -> PyResult<SendOutcome> {
    if let Some(ObjData::Generator(g)) = it.as_obj().map(|r| vm.heap.data(r)) {
        if g.kind != GenKind::AsyncGenerator {
            let r = it.as_obj().expect("gen");
            return Ok(match vm.gen_throw(r, e)? {
                GenResult::Yield(y) => SendOutcome::Yielded(y),
                GenResult::Return(x) => SendOutcome::Returned(x),
            });
        }
    }
    if let Some(o) = native_throw(vm, it, e)? {
        return Ok(match o {
            GenResult::Yield(y) => SendOutcome::Yielded(y),
            GenResult::Return(x) => SendOutcome::Returned(x),
        });
    }
    let r = vm.call_method(it, "throw", &[e.value()]);
    match r {
        Ok(y) => Ok(SendOutcome::Yielded(y)),
        Err(e2) => match vm.stop_iteration_value(e2) {
            Some(x) => Ok(SendOutcome::Returned(x)),
            None => Err(e2),
        },
    }
}

/// The `Send` instruction's native path.
pub fn native_send(vm: &mut Vm, sub: Value, value: Value) -> PyResult<Option<SendOutcome>> {
    if get(vm, sub).is_some() {
        return step(vm, sub, Ok(value)).map(Some);
    }
    crate::asyncio::future_send(vm, sub, value)
}

pub fn native_throw(vm: &mut Vm, sub: Value, exc: PyErr) -> PyResult<Option<GenResult>> {
    if get(vm, sub).is_some() {
        return match step(vm, sub, Err(exc))? {
            SendOutcome::Yielded(y) => Ok(Some(GenResult::Yield(y))),
            SendOutcome::Returned(r) => Ok(Some(GenResult::Return(r))),
            SendOutcome::Pushed => Ok(None),
        };
    }
    crate::asyncio::future_throw(vm, sub, exc)
}

pub fn native_repr(vm: &mut Vm, r: ObjRef) -> PyResult<Option<String>> {
    if let Some(Awaitable::Deferred { op, .. }) = get(vm, Value::Obj(r)) {
        let q = op.qualname();
        return Ok(Some(format!("<coroutine object {} at {:#x}>", q, vm.id_of(r))));
    }
    let is_aw = matches!(vm.heap.data(r), ObjData::Native2(n) if n.as_any().is::<Awaitable>());
    if is_aw {
        let tn = vm.type_name(Value::Obj(r));
        return Ok(Some(format!("<{} object at {:#x}>", tn, vm.id_of(r))));
    }
    crate::asyncio::future_repr(vm, r)
}

// ---- Python-visible methods ----

fn outcome_to_result(vm: &mut Vm, o: SendOutcome) -> PyResult<Value> {
    match o {
        SendOutcome::Yielded(y) => Ok(y),
        SendOutcome::Returned(r) => Err(vm.stop_iteration(r)),
        SendOutcome::Pushed => Ok(Value::None),
    }
}

fn aw_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let v = args.get(1).copied().unwrap_or(Value::None);
    let o = step(vm, args[0], Ok(v))?;
    outcome_to_result(vm, o)
}

fn aw_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let o = step(vm, args[0], Ok(Value::None))?;
    outcome_to_result(vm, o)
}

fn aw_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    }
    let e = crate::builtins::types::exception_from_throw_args(vm, &args[1..])?;
    let o = step(vm, args[0], Err(e))?;
    outcome_to_result(vm, o)
}

fn aw_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // A deferred call closes like the coroutine it stands for.
    let inner = match get(vm, args[0]) {
        Some(Awaitable::Deferred { state, .. }) => match *state {
            DeferredState::Slow(c) => Some(c),
            DeferredState::Fresh => {
                *state = DeferredState::Done;
                None
            }
            _ => None,
        },
        _ => None,
    };
    match inner {
        Some(c) => vm.call_method(Value::Obj(c), "close", &[]),
        None => Ok(Value::None),
    }
}

fn aw_self(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn agen(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Generator(g) if g.kind == GenKind::AsyncGenerator) => Ok(r),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

fn ag_anext(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = agen(vm, args[0])?;
    asend(vm, g, Value::None)
}

fn ag_asend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = agen(vm, args[0])?;
    asend(vm, g, args.get(1).copied().unwrap_or(Value::None))
}

fn ag_athrow(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = agen(vm, args[0])?;
    if args.len() < 2 {
        return Err(vm.type_error("athrow expected at least 1 argument, got 0"));
    }
    let e = crate::builtins::types::exception_from_throw_args(vm, &args[1..])?;
    Ok(new_awaitable(vm, Awaitable::AThrow { gen: g, exc: e.value(), stage: Stage::Init }))
}

fn ag_aclose(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = agen(vm, args[0])?;
    Ok(aclose(vm, g))
}

/// `agen.aclose()` awaitable.
pub fn aclose(vm: &mut Vm, g: ObjRef) -> Value {
    new_awaitable(vm, Awaitable::AThrow { gen: g, exc: Value::None, stage: Stage::Init })
}
