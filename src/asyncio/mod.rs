//! asyncio inside the VM: the event loop, futures, tasks and the async
//! generator machinery, as native objects the dispatch loop can drive
//! without Python-level callbacks on the hot path. The Python-level parts
//! of the `asyncio` package (gather, queues, locks, TaskGroup, timeouts,
//! `run`) live in `stdlib/py/asyncio.py` on top of the `_asyncio` module.

pub mod asyncgen;
pub mod clock;
pub mod event_loop;
pub mod exc_handler;
pub mod fastops;
pub mod future;
pub mod gather;
pub mod module;
pub mod timers;

use crate::runtime::generator::{GenKind, GenState};
use crate::runtime::heap::push_value;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::generator::GenResult;
use crate::vm::run::SendOutcome;
use crate::vm::{PyErr, PyResult, Vm};

/// Event-loop state owned by the VM.
#[derive(Default)]
pub struct AsyncioState {
    pub clock: clock::Clock,
    pub running_loop: Option<ObjRef>,
    /// `set_event_loop()`'s loop (`get_event_loop()` outside a running loop).
    pub event_loop: Option<ObjRef>,
    pub event_loop_was_set: bool,
    /// (loop, task) pairs for `current_task()`.
    pub current_tasks: Vec<(ObjRef, ObjRef)>,
    /// Tasks not known to be done (`all_tasks()`).
    pub all_tasks: Vec<ObjRef>,
    pub tasks_after_prune: usize,
    /// `Task-N` numbering (process-wide, as in CPython).
    pub task_counter: u64,
    pub cancelled_error: ObjRef,
    pub invalid_state_error: ObjRef,
    pub future_type: ObjRef,
    pub task_type: ObjRef,
    pub loop_type: ObjRef,
    pub handle_type: ObjRef,
    pub timer_handle_type: ObjRef,
    pub sleep_type: ObjRef,
    pub gather_state_type: ObjRef,
    /// asyncio.py's `_GatheringFuture` class and `_gather_closure`
    /// (`gather::set_gather`).
    pub gather_helpers: Option<(Value, Value)>,
    /// The shared awaitable `sleep(0)` returns (see `module::sleep`), and
    /// the "already yielded" state an awaiting frame swaps it for.
    pub sleep0: Option<ObjRef>,
    pub sleep0_done: Option<ObjRef>,
    pub set_result_fn: Option<Value>,
    /// Python helpers registered by `asyncio.py` (shutdown_asyncgens, ...).
    pub helpers: Vec<Value>,
    /// Values the asyncio machinery keeps alive.
    pub roots: Vec<Value>,
    /// Queue/Event classes and slow paths for `fastops`.
    pub fastops: Option<Box<fastops::Registry>>,
}

impl AsyncioState {
    pub fn trace(&self, out: &mut Vec<ObjRef>) {
        out.extend(self.running_loop);
        out.extend(self.event_loop);
        for &(l, t) in &self.current_tasks {
            out.push(l);
            out.push(t);
        }
        out.extend(self.all_tasks.iter().copied());
        out.extend(self.sleep0);
        out.extend(self.sleep0_done);
        if let Some((a, b)) = self.gather_helpers {
            push_value(a, out);
            push_value(b, out);
        }
        if let Some(r) = &self.fastops {
            r.trace(out);
        }
        for v in self.roots.iter().chain(self.helpers.iter()).chain(self.set_result_fn.iter()) {
            push_value(*v, out);
        }
    }
}

/// Set up the asyncio types (called once when the VM starts).
pub fn install(vm: &mut Vm) {
    vm.ext.asyncio.clock = clock::Clock::new(vm.config.virtual_clock);
    module::install_types(vm);
    asyncgen::install(vm);
}

/// `Send` into a native awaitable (futures, asend objects, coroutine
/// wrappers, sleeps); `None` if `sub` is not one.
pub fn native_send(vm: &mut Vm, sub: Value, value: Value) -> PyResult<Option<SendOutcome>> {
    asyncgen::native_send(vm, sub, value)
}

/// `throw` into a native awaitable; `None` if `sub` is not one.
pub fn native_throw(vm: &mut Vm, sub: Value, exc: PyErr) -> PyResult<Option<GenResult>> {
    asyncgen::native_throw(vm, sub, exc)
}

/// Whether `v` is a native object that `await` can drive directly.
pub fn is_native_awaitable(vm: &Vm, v: Value) -> bool {
    asyncgen::is_native_awaitable(vm, v)
}

/// Futures, tasks and sleeps are stepped natively.
pub fn future_like(vm: &Vm, v: Value) -> bool {
    future::is_future(vm, v) || module::is_sleep(vm, v)
}

/// `Send` into a future: yield it while pending (marking it blocking),
/// return its result once done.
pub fn future_send(vm: &mut Vm, sub: Value, _value: Value) -> PyResult<Option<SendOutcome>> {
    // One downcast for the common case (a future), not a chain of tests.
    let Some(r) = sub.as_obj() else { return Ok(None) };
    let ObjData::Native2(n) = vm.heap.data_mut(r) else { return Ok(None) };
    match n.as_any_mut().downcast_mut::<future::FutureObj>() {
        Some(f) if f.state == future::State::Pending => {
            f.blocking = true;
            return Ok(Some(SendOutcome::Yielded(sub)));
        }
        Some(_) => {}
        None => {
            if module::is_sleep(vm, sub) {
                return module::sleep_step(vm, sub, None).map(Some);
            }
            return Ok(None);
        }
    }
    future::result(vm, sub).map(|v| Some(SendOutcome::Returned(v)))
}

pub fn future_throw(vm: &mut Vm, sub: Value, exc: PyErr) -> PyResult<Option<GenResult>> {
    if module::is_sleep(vm, sub) {
        return match module::sleep_step(vm, sub, Some(exc)) {
            Ok(SendOutcome::Yielded(y)) => Ok(Some(GenResult::Yield(y))),
            Ok(SendOutcome::Returned(r)) => Ok(Some(GenResult::Return(r))),
            Ok(SendOutcome::Pushed) => Ok(None),
            Err(e) => Err(e),
        };
    }
    if future::is_future(vm, sub) {
        return Err(exc);
    }
    Ok(None)
}

pub fn future_repr(vm: &mut Vm, r: ObjRef) -> PyResult<Option<String>> {
    let v = Value::Obj(r);
    if future::is_future(vm, v) || event_loop::is_loop(vm, v) {
        let s = vm.call_method(v, "__repr__", &[])?;
        return Ok(vm.str_of(s).map(|x| x.to_string()));
    }
    if module::is_sleep(vm, v) {
        return Ok(Some(format!("<coroutine object sleep at {:#x}>", vm.id_of(r))));
    }
    Ok(None)
}

/// The loop's first-iteration hook for async generators: remember them so
/// `shutdown_asyncgens()` can close them.
pub fn asyncgen_first_iter(vm: &mut Vm, gen: ObjRef) -> PyResult<()> {
    let inited = match vm.heap.data(gen) {
        ObjData::Generator(g) => g.ag_hooks_inited,
        _ => true,
    };
    if inited {
        return Ok(());
    }
    if let ObjData::Generator(g) = vm.heap.data_mut(gen) {
        g.ag_hooks_inited = true;
    }
    if let Some(l) = vm.ext.asyncio.running_loop {
        let lo = event_loop::lp(vm, l);
        lo.asyncgens.push(gen);
        if let ObjData::Generator(g) = vm.heap.data_mut(gen) {
            g.set_ag_finalizer(Value::Obj(l));
        }
        vm.exit_work_possible = true;
    }
    Ok(())
}

/// Whether an unreachable generator must be finalised before it is freed:
/// a suspended async generator registered with a loop (its `aclose()` is
/// scheduled as a task, as CPython's finalizer hook does).
pub fn needs_finalizer(vm: &Vm, g: ObjRef) -> bool {
    needs_finalizer_data(vm.heap.data(g))
}

/// Whether a payload is of a kind that can ever need finalising (a
/// generator of any kind, a future): the heap counts these so the
/// collector can skip its search for finaliser candidates when none is alive.
#[inline]
pub fn may_need_finalizer(data: &ObjData) -> bool {
    match data {
        ObjData::Generator(_) => true,
        ObjData::Native2(n) => n.as_any().is::<future::FutureObj>() || n.as_any().is::<module::Sleep>(),
        _ => false,
    }
}

/// `needs_finalizer` on a payload the caller already holds (the
/// collector's one pass over the heap).
#[inline]
pub fn needs_finalizer_data(data: &ObjData) -> bool {
    match data {
        ObjData::Generator(gen) => match gen.kind {
            GenKind::AsyncGenerator => gen.state == GenState::Suspended && !gen.ag_finalizer().is_none(),
            GenKind::Coroutine => (gen.state == GenState::Created && !gen.started) || gen.closing_runs_code(),
            GenKind::Generator => gen.closing_runs_code(),
        },
        ObjData::Native2(n) => match n.as_any().downcast_ref::<future::FutureObj>() {
            Some(f) => f.log_traceback,
            None => n.as_any().downcast_ref::<module::Sleep>().is_some_and(|sl| sl.never_awaited()),
        },
        _ => false,
    }
}

/// Finalise an object queued by the collector (or left at exit): close
/// an abandoned async generator through its loop, warn about a coroutine
/// never awaited, close a generator or coroutine suspended in a `try` or
/// `with` block (running its cleanup, as CPython's deallocation does),
/// report a future's exception nobody retrieved.
pub fn finalize(vm: &mut Vm, v: Value) {
    let Some(g) = v.as_obj() else { return };
    let (kind, state) = match vm.heap.data(g) {
        ObjData::Generator(gen) => (gen.kind, gen.state),
        ObjData::Native2(n) if n.as_any().is::<module::Sleep>() => {
            let origin = match vm.heap.data_mut(g) {
                ObjData::Native2(n) => n.as_any_mut().downcast_mut::<module::Sleep>().and_then(|sl| sl.take_origin()),
                _ => None,
            };
            if origin.is_some() {
                vm.unstarted_coroutines = vm.unstarted_coroutines.saturating_sub(1);
                warn_never_awaited_at(vm, "sleep", origin);
            }
            return;
        }
        ObjData::Native2(_) => {
            report_unretrieved(vm, g);
            return;
        }
        _ => return,
    };
    if kind == GenKind::Coroutine && state == GenState::Created {
        warn_never_awaited(vm, g);
        return;
    }
    if kind != GenKind::AsyncGenerator {
        vm.close_dropped_generator(v);
        return;
    }
    let l = match vm.heap.data_mut(g) {
        ObjData::Generator(gen) => {
            let l = gen.ag_finalizer();
            gen.set_ag_finalizer(Value::None);
            l
        }
        _ => return,
    };
    let Some(l) = l.as_obj() else { return };
    let lo = event_loop::lp(vm, l);
    lo.asyncgens.retain(|&x| x != g);
    if lo.closed {
        return;
    }
    // call_soon(loop.create_task, agen.aclose())
    let aclose = asyncgen::aclose(vm, g);
    let ct = vm.intern("create_task");
    if let Ok(f) = vm.get_attr(Value::Obj(l), ct) {
        let _ = event_loop::call_soon(vm, l, f, vec![aclose]);
    }
}

/// "RuntimeWarning: coroutine 'f' was never awaited", at the place the
/// coroutine was created (CPython names the place it was dropped, which
/// is the same line in the common `f()`-without-`await` mistake).
fn warn_never_awaited(vm: &mut Vm, g: ObjRef) {
    let origin = match vm.heap.data_mut(g) {
        ObjData::Generator(gen) => {
            gen.started = true;
            gen.take_origin()
        }
        _ => return,
    };
    let name = vm.gen_qualname_string(g);
    warn_never_awaited_at(vm, &name, origin);
}

/// The warning for coroutine `name` made at `origin` (code, line).
fn warn_never_awaited_at(vm: &mut Vm, name: &str, origin: Option<(std::rc::Rc<crate::bytecode::CodeObject>, u32)>) {
    let mut text = match &origin {
        Some((code, line)) => {
            let mut t = format!("{}:{}: RuntimeWarning: coroutine '{}' was never awaited\n", code.source.name, line, name);
            if let Some(src) = code.source.line_text(*line) {
                t.push_str(&format!("  {}\n", src.trim()));
            }
            t
        }
        None => format!("sys:1: RuntimeWarning: coroutine '{}' was never awaited\n", name),
    };
    text.push_str("RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    vm.out.flush_stdout();
    vm.out.write_stderr(&text);
}

/// "Task exception was never retrieved" through the loop's handler.
fn report_unretrieved(vm: &mut Vm, f: ObjRef) {
    let (exc, l, is_task) = match future::fut_ref(vm, Value::Obj(f)) {
        Some(x) if x.log_traceback => (x.exception(), x.loop_, x.task.is_some()),
        _ => return,
    };
    if let Some(x) = future::fut(vm, Value::Obj(f)) {
        x.log_traceback = false;
    }
    let msg = if is_task { "Task exception was never retrieved".to_string() } else { format!("{} exception was never retrieved", vm.type_name(Value::Obj(f))) };
    let m = vm.new_str(msg);
    vm.out.flush_stdout();
    let _ = exc_handler::report(vm, l, &[("message", m), ("exception", exc), ("future", Value::Obj(f))]);
}

/// `repr()` of native asyncio objects.
pub fn native_repr(vm: &mut Vm, r: ObjRef) -> PyResult<Option<String>> {
    asyncgen::native_repr(vm, r)
}

/// `coro.__await__()`: an iterator driving the coroutine.
pub fn coroutine_wrapper(vm: &mut Vm, coro: Value) -> Value {
    asyncgen::coroutine_wrapper(vm, coro)
}

/// A coroutine-like wrapper around any awaitable iterator (for
/// `ensure_future` of objects with `__await__`).
pub fn coroutine_wrapper_for(vm: &mut Vm, it: Value) -> Value {
    asyncgen::awaitable_wrapper(vm, it)
}

/// `anext(it, default)`.
pub fn anext_with_default(vm: &mut Vm, awaitable: Value, default: Value) -> PyResult<Value> {
    asyncgen::anext_with_default(vm, awaitable, default)
}

/// Finish the event loop's business at interpreter exit: what CPython's
/// shutdown would finalise (unretrieved task exceptions, coroutines never
/// awaited) is reported now.
pub fn at_exit(vm: &mut Vm) {
    // Most programs leave nothing to finalise: a linear scan is much
    // cheaper than the full collection, which only runs when it matters.
    if vm.pending_finalizers.is_empty() && !vm.heap.object_refs().any(|r| needs_finalizer(vm, r)) {
        return;
    }
    vm.collect_garbage();
    let pending: Vec<ObjRef> = vm.heap.object_refs().filter(|&r| needs_finalizer(vm, r) && !matches!(vm.heap.data(r), ObjData::Generator(g) if g.kind == GenKind::AsyncGenerator)).collect();
    for r in pending {
        finalize(vm, Value::Obj(r));
    }
}
