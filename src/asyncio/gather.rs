//! `asyncio.gather()`'s bookkeeping, native.
//!
//! `gather` itself stays Python (`asyncio.py`: wrapping each argument in a
//! future, the duplicate check, the `_GatheringFuture`), but what runs once
//! per child when it finishes, CPython's `_done_callback` closure, is
//! here: a `GatherState` object holds the closure's variables (the
//! children list, the counts, `return_exceptions`, the outer future), and
//! each native child future gets a `Callback::Gather` instead of the
//! Python closure. A recursive gather tree ran that closure once per node,
//! a quarter of async_gather_tree's instructions.
//!
//! Observable behaviour is the closure's: the same checks in the same
//! order, the callback goes through the ready queue like any done
//! callback, and a child's `repr` shows the closure (`cb=[gather.<locals>.
//! _done_callback() at ...]`): the state keeps the Python closure, which
//! is also what future-like objects that are not native futures get.

use std::any::Any;

use crate::asyncio::future::{self, fut, fut_ref, Callback, State};
use crate::builtins::args::arity;
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub struct GatherState {
    /// The `children` list shared with the `_GatheringFuture`.
    children: Value,
    /// The Python `_done_callback` closure (for reprs and for future-like
    /// objects that are not native futures).
    closure: Value,
    /// The `_GatheringFuture`, None until `gather` has made it.
    outer: Value,
    nfuts: usize,
    nfinished: usize,
    return_exceptions: bool,
}

impl NativeData for GatherState {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        push_value(self.children, out);
        push_value(self.closure, out);
        push_value(self.outer, out);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn state_mut(vm: &mut Vm, s: ObjRef) -> Option<&mut GatherState> {
    match vm.heap.data_mut(s) {
        ObjData::Native2(n) => (&mut **n as &mut dyn Any).downcast_mut::<GatherState>(),
        _ => None,
    }
}

fn state_arg(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(s) if state_mut(vm, s).is_some() => Ok(s),
        _ => Err(vm.type_error("expected a gather state")),
    }
}

/// The Python closure a `Callback::Gather` stands for (for `repr`).
pub fn closure_of(vm: &mut Vm, s: ObjRef) -> Value {
    state_mut(vm, s).map_or(Value::None, |st| st.closure)
}

/// `_gather_state(children, return_exceptions, closure)`.
pub fn gather_state(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_gather_state", args, 3, 3)?;
    let return_exceptions = vm.truthy(args[1])?;
    let st = GatherState { children: args[0], closure: args[2], outer: Value::None, nfuts: 0, nfinished: 0, return_exceptions };
    let cls = vm.ext.asyncio.gather_state_type;
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(st))))
}

/// `_gather_watch(state, fut)`: count a new child and watch it natively;
/// False when `fut` is not a native future (the caller then adds the
/// closure with `add_done_callback`).
pub fn gather_watch(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_gather_watch", args, 2, 2)?;
    let s = state_arg(vm, args[0])?;
    if let Some(st) = state_mut(vm, s) {
        st.nfuts += 1;
    }
    // A subclass may override `add_done_callback`.
    if !future::is_exact_future(vm, args[1]) && !exact_task(vm, args[1]) {
        return Ok(Value::Bool(false));
    }
    future::add_done_callback(vm, args[1], Callback::Gather(s));
    Ok(Value::Bool(true))
}

fn exact_task(vm: &Vm, v: Value) -> bool {
    future::is_task(vm, v) && vm.type_of(v) == vm.ext.asyncio.task_type
}

/// `_gather_outer(state, outer)`: the outer future, once made.
pub fn gather_outer(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_gather_outer", args, 2, 2)?;
    let s = state_arg(vm, args[0])?;
    if let Some(st) = state_mut(vm, s) {
        st.outer = args[1];
    }
    Ok(Value::None)
}

/// `_gather_done(state, fut)`: the closure's body, for children that are
/// not native futures.
pub fn gather_done(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_gather_done", args, 2, 2)?;
    let s = state_arg(vm, args[0])?;
    child_done(vm, s, args[1])?;
    Ok(Value::None)
}

/// A child of gather state `s` is done: CPython's `_done_callback(fut)`.
pub fn child_done(vm: &mut Vm, s: ObjRef, f: Value) -> PyResult<()> {
    let Some(st) = state_mut(vm, s) else { return Ok(()) };
    st.nfinished += 1;
    let (outer, return_exceptions, all_done, children) = (st.outer, st.return_exceptions, st.nfinished == st.nfuts, st.children);
    if outer.is_none() || future::done_any(vm, outer)? {
        if !cancelled(vm, f)? {
            // Marks the exception as retrieved.
            exception(vm, f)?;
        }
        return Ok(());
    }
    if !return_exceptions {
        if cancelled(vm, f)? {
            let exc = cancelled_error_of(vm, f)?;
            return set_exception(vm, outer, exc);
        }
        let exc = exception(vm, f)?;
        if !exc.is_none() {
            return set_exception(vm, outer, exc);
        }
    }
    if !all_done {
        return Ok(());
    }
    let kids: Vec<Value> = match children.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::List(items)) => items.clone(),
        _ => vm.collect_iterable(children)?,
    };
    let mut results = Vec::with_capacity(kids.len());
    for child in kids {
        let res = if cancelled(vm, child)? {
            let msg = vm.get_attr_str(child, "_cancel_message")?;
            let arg = if msg.is_none() { vm.new_str("") } else { msg };
            let c = vm.ext.asyncio.cancelled_error;
            Value::Obj(vm.make_exception(c, vec![arg]))
        } else {
            match exception(vm, child)? {
                Value::None => result(vm, child)?,
                e => e,
            }
        };
        results.push(res);
    }
    let cancel_requested = vm.get_attr_str(outer, "_cancel_requested")?;
    if vm.truthy(cancel_requested)? {
        let exc = cancelled_error_of(vm, f)?;
        set_exception(vm, outer, exc)
    } else {
        let list = vm.new_list(results);
        future::set_result_any(vm, outer, list)
    }
}

/// `fut.cancelled()`, natively for native futures.
fn cancelled(vm: &mut Vm, f: Value) -> PyResult<bool> {
    if let Some(x) = fut_ref(vm, f) {
        if exact_kind(vm, f) {
            return Ok(x.state == State::Cancelled);
        }
    }
    let r = vm.call_method(f, "cancelled", &[])?;
    vm.truthy(r)
}

/// `fut.exception()`, natively for native futures.
fn exception(vm: &mut Vm, f: Value) -> PyResult<Value> {
    if fut(vm, f).is_some() && exact_kind(vm, f) {
        return future::exception(vm, f);
    }
    vm.call_method(f, "exception", &[])
}

/// `fut.result()`, natively for native futures.
fn result(vm: &mut Vm, f: Value) -> PyResult<Value> {
    if fut(vm, f).is_some() && exact_kind(vm, f) {
        return future::result(vm, f);
    }
    vm.call_method(f, "result", &[])
}

/// The CancelledError a cancelled child raises (`_make_cancelled_error`),
/// as the error its `result()` raises.
fn cancelled_error_of(vm: &mut Vm, f: Value) -> PyResult<Value> {
    match result(vm, f) {
        Err(e) if future::is_cancelled_error(vm, e.value()) => Ok(e.value()),
        Err(e) => Err(e),
        Ok(_) => {
            let c = vm.ext.asyncio.cancelled_error;
            Ok(Value::Obj(vm.make_exception(c, vec![])))
        }
    }
}

fn set_exception(vm: &mut Vm, outer: Value, exc: Value) -> PyResult<()> {
    vm.call_method(outer, "set_exception", &[exc]).map(|_| ())
}

/// Exactly a `Future` or a `Task` (a subclass may override the methods
/// the closure calls).
fn exact_kind(vm: &Vm, f: Value) -> bool {
    future::is_exact_future(vm, f) || exact_task(vm, f)
}
