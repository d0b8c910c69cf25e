//! `asyncio.gather()`, native.
//!
//! CPython's `gather` is Python: a loop wrapping each argument in a future
//! (skipping duplicates), a `_done_callback` closure added to each child
//! and run once per child when it finishes, and a `_GatheringFuture`. All
//! of it ran as Python here too, and a recursive gather tree spent most of
//! its time there. Now `_gather` does the loop, and a `GatherState`
//! object holds the closure's variables (the children list, the counts,
//! `return_exceptions`, the outer future); each native child future gets
//! a `Callback::Gather`, run from the ready queue as the closure would be
//! (`child_done`: the same checks in the same order). The
//! `_GatheringFuture` is still made by calling the Python class.
//!
//! Where the closure is observable, there is one: a child's `repr` shows
//! `cb=[gather.<locals>._done_callback() at ...]`, and a future-like
//! object that is not exactly a native `Future`/`Task` gets a real
//! function through its own `add_done_callback`. Both come from
//! asyncio.py's `_gather_closure(state)`, made on first need.

use std::any::Any;

use crate::asyncio::future::{self, fut_ref, Callback};
use crate::builtins::args::arity;
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub struct GatherState {
    /// The `children` list shared with the `_GatheringFuture`.
    children: Value,
    /// The Python `_done_callback` closure (for reprs and for future-like
    /// objects that are not native futures), None until first needed.
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

/// The Python closure a `Callback::Gather` stands for, made on first
/// need by asyncio.py's `_gather_closure(state)`.
pub fn closure_of(vm: &mut Vm, s: ObjRef) -> PyResult<Value> {
    let c = state_mut(vm, s).map_or(Value::None, |st| st.closure);
    if !c.is_none() {
        return Ok(c);
    }
    let Some((_, factory)) = vm.ext.asyncio.gather_helpers else {
        return Err(vm.runtime_error("asyncio gather helpers are not initialised"));
    };
    let c = vm.call_value(factory, &[Value::Obj(s)], &[])?;
    if let Some(st) = state_mut(vm, s) {
        st.closure = c;
    }
    Ok(c)
}

/// `_set_gather(gathering_future_class, closure_factory)` (asyncio.py).
pub fn set_gather(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_set_gather", args, 2, 2)?;
    // Instances are allocated with a `FutureObj` payload: a Future subclass.
    let future_type = vm.ext.asyncio.future_type;
    let is_future_class = match args[0].as_obj() {
        Some(c) => matches!(vm.heap.data(c), ObjData::Type(_)) && vm.is_subtype(c, future_type),
        None => false,
    };
    if !is_future_class {
        return Err(vm.type_error("_set_gather() argument 1 must be a Future subclass"));
    }
    vm.ext.asyncio.gather_helpers = Some((args[0], args[1]));
    Ok(Value::None)
}

/// `_gather(coros_or_futures, return_exceptions)`: `gather()` for one or
/// more arguments (asyncio.py answers the empty call and parses the
/// keyword).
pub fn gather(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_gather", args, 2, 2)?;
    let Some((gathering_future, _)) = vm.ext.asyncio.gather_helpers else {
        return Err(vm.runtime_error("asyncio gather helpers are not initialised"));
    };
    let items: Vec<Value> = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => vm.collect_iterable(args[0])?,
    };
    let return_exceptions = vm.truthy(args[1])?;
    let children_list = vm.new_list(Vec::with_capacity(items.len()));
    let st = GatherState { children: children_list, closure: Value::None, outer: Value::None, nfuts: 0, nfinished: 0, return_exceptions };
    let cls = vm.ext.asyncio.gather_state_type;
    let Value::Obj(s) = vm.alloc(cls, ObjData::Native2(Box::new(st))) else { unreachable!("alloc gives an object") };
    // Both reachable from the state while Python code (ensure_future of an
    // awaitable, a subclass's add_done_callback) may collect.
    vm.temp_roots.push(Value::Obj(s));
    let r = gather_children(vm, s, &items, children_list, gathering_future);
    vm.temp_roots.pop();
    r
}

fn gather_children(vm: &mut Vm, s: ObjRef, items: &[Value], children_list: Value, gathering_future: Value) -> PyResult<Value> {
    // `arg_to_fut`: arguments seen so far and their futures; by identity
    // for futures and coroutines (whose `==` and hash are identity), by
    // `==` for anything else.
    let mut by_ref: std::collections::HashMap<ObjRef, Value> = std::collections::HashMap::with_capacity(items.len());
    let mut by_eq: Vec<(Value, Value)> = Vec::new();
    let sleep0 = vm.ext.asyncio.sleep0;
    let mut loop_: Option<ObjRef> = None;
    for &arg in items {
        let identity = identity_hashed(vm, arg);
        if !identity {
            // A dict key in CPython: unhashable arguments raise here.
            vm.hash_value(arg)?;
        }
        // Every `sleep(0)` is one shared object here, a new coroutine in
        // CPython: never a duplicate.
        let shared_sleep0 = arg.as_obj().is_some() && arg.as_obj() == sleep0;
        let found = if shared_sleep0 {
            None
        } else if identity {
            arg.as_obj().and_then(|r| by_ref.get(&r).copied())
        } else {
            equal_seen(vm, &by_eq, arg)?
        };
        let fut = match found {
            Some(f) => f,
            None => {
                let f = crate::asyncio::module::ensure_future(vm, arg, loop_)?;
                if loop_.is_none() {
                    loop_ = Some(loop_of(vm, f)?);
                }
                match arg.as_obj() {
                    Some(r) if identity => {
                        by_ref.insert(r, f);
                    }
                    _ => by_eq.push((arg, f)),
                }
                if let Some(st) = state_mut(vm, s) {
                    st.nfuts += 1;
                }
                watch(vm, s, f)?;
                f
            }
        };
        if let Some(ObjData::List(l)) = children_list.as_obj().map(|r| vm.heap.data_mut(r)) {
            l.push(fut);
        }
    }
    // `_GatheringFuture(children, loop=loop)`, whose `__init__` (asyncio.py)
    // is `Future.__init__(loop=loop)` and these two attributes, in this
    // order: made here without the Python call and `super()`.
    let Some(l) = loop_ else { return Err(vm.runtime_error("gather: no loop")) };
    let Some(cls) = gathering_future.as_obj() else { return Err(vm.type_error("gather: no _GatheringFuture class")) };
    let outer = vm.alloc(cls, ObjData::Native2(Box::new(future::FutureObj::new(l))));
    vm.temp_roots.push(outer);
    let r = vm.set_attr(outer, vm.names._children, children_list).and_then(|_| vm.set_attr(outer, vm.names._cancel_requested, Value::Bool(false)));
    vm.temp_roots.pop();
    r?;
    if let Some(st) = state_mut(vm, s) {
        st.outer = outer;
    }
    Ok(outer)
}

/// The future of an argument seen before that `arg` equals (`==`).
fn equal_seen(vm: &mut Vm, seen: &[(Value, Value)], arg: Value) -> PyResult<Option<Value>> {
    for &(a, f) in seen {
        if a.is(arg) || vm.eq(a, arg)? {
            return Ok(Some(f));
        }
    }
    Ok(None)
}

/// Objects whose hash and equality are their identity (what gather gets:
/// futures, tasks, coroutines): no hash call, `is` finds duplicates.
fn identity_hashed(vm: &Vm, v: Value) -> bool {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Generator(_)) => true,
        Some(ObjData::Native2(_)) => future::exact(vm, v) || crate::asyncio::module::is_coroutine(vm, v),
        _ => false,
    }
}

/// `futures._get_loop(fut)`.
fn loop_of(vm: &mut Vm, f: Value) -> PyResult<ObjRef> {
    if let Some(x) = fut_ref(vm, f) {
        return Ok(x.loop_);
    }
    let l = vm.call_method(f, "get_loop", &[])?;
    l.as_obj().ok_or_else(|| vm.type_error("get_loop() did not return a loop"))
}

/// Add the child callback to `f`: natively for exact native futures, else
/// the closure through `f.add_done_callback` (a subclass may override it).
fn watch(vm: &mut Vm, s: ObjRef, f: Value) -> PyResult<()> {
    if future::exact(vm, f) {
        future::add_done_callback(vm, f, Callback::Gather(s));
        return Ok(());
    }
    let c = closure_of(vm, s)?;
    vm.call_method(f, "add_done_callback", &[c])?;
    Ok(())
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
        if !future::cancelled_any(vm, f)? {
            // Marks the exception as retrieved.
            future::exception_any(vm, f)?;
        }
        return Ok(());
    }
    if !return_exceptions {
        if future::cancelled_any(vm, f)? {
            let exc = cancelled_error_of(vm, f)?;
            return set_exception(vm, outer, exc);
        }
        let exc = future::exception_any(vm, f)?;
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
        let res = if future::cancelled_any(vm, child)? {
            let msg = vm.get_attr(child, vm.names._cancel_message)?;
            let arg = if msg.is_none() { vm.new_str("") } else { msg };
            let c = vm.ext.asyncio.cancelled_error;
            Value::Obj(vm.make_exception(c, vec![arg]))
        } else {
            match future::exception_any(vm, child)? {
                Value::None => future::result_any(vm, child)?,
                e => e,
            }
        };
        results.push(res);
    }
    let cancel_requested = vm.get_attr(outer, vm.names._cancel_requested)?;
    if vm.truthy(cancel_requested)? {
        let exc = cancelled_error_of(vm, f)?;
        set_exception(vm, outer, exc)
    } else {
        let list = vm.new_list(results);
        future::set_result_any(vm, outer, list)
    }
}

/// The CancelledError a cancelled child raises (`_make_cancelled_error`),
/// as the error its `result()` raises.
fn cancelled_error_of(vm: &mut Vm, f: Value) -> PyResult<Value> {
    match future::result_any(vm, f) {
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
