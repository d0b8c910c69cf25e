//! The native `_asyncio` module: the Future, Task, loop and handle types
//! with their Python-visible methods, `sleep`, task creation, and the
//! running-loop functions. The pure-Python layer (`asyncio.py`: gather,
//! queues, locks, TaskGroup, timeouts, run) is built on these.

use std::any::Any;

use crate::asyncio::event_loop::{self, HandleObj, LoopObj};
use crate::asyncio::future::{self, fut, fut_ref, Callback, FutureObj, State, TaskObj};
use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_getset, add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::function::NativeFn;
use crate::runtime::generator::GenKind;
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::run::SendOutcome;
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

fn new_type(vm: &mut Vm, name: &str, base: Option<ObjRef>, layout: Layout, module: &str) -> ObjRef {
    let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, name, layout);
    if let Some(b) = base {
        crate::vm::types::set_base(&mut vm.heap, t, b);
    }
    let m = vm.new_str(module);
    set_type_attr(vm, t, "__module__", m);
    vm.ext.asyncio.roots.push(Value::Obj(t));
    t
}

/// Create the asyncio types (called once at VM start).
pub fn install_types(vm: &mut Vm) {
    let be = vm.exc.base_exception;
    let exc = vm.exc.exception;
    let ce = new_type(vm, "CancelledError", Some(be), Layout::Exception, "asyncio.exceptions");
    let ise = new_type(vm, "InvalidStateError", Some(exc), Layout::Exception, "asyncio.exceptions");
    let future_t = new_type(vm, "Future", None, Layout::Native, "_asyncio");
    let task_t = new_type(vm, "Task", Some(future_t), Layout::Native, "_asyncio");
    for t in [future_t, task_t] {
        if let ObjData::Type(tt) = vm.heap.data_mut(t) {
            tt.native_instance_dict = true;
            tt.c_module = Some("_asyncio");
        }
    }
    let loop_t = new_type(vm, "_UnixSelectorEventLoop", None, Layout::Native, "asyncio.unix_events");
    let handle_t = new_type(vm, "Handle", None, Layout::Final, "asyncio.events");
    let timer_t = new_type(vm, "TimerHandle", Some(handle_t), Layout::Final, "asyncio.events");
    // `asyncio.sleep()`'s native awaitable passes for the coroutine CPython
    // returns: `type(asyncio.sleep(0))` prints as `<class 'coroutine'>`.
    let sleep_t = new_type(vm, "coroutine", None, Layout::Final, "builtins");
    let gather_t = new_type(vm, "_GatherState", None, Layout::Final, "_asyncio");
    let st = &mut vm.ext.asyncio;
    st.cancelled_error = ce;
    st.invalid_state_error = ise;
    st.future_type = future_t;
    st.task_type = task_t;
    st.loop_type = loop_t;
    st.handle_type = handle_t;
    st.timer_handle_type = timer_t;
    st.sleep_type = sleep_t;
    st.gather_state_type = gather_t;

    const FUTURE: &[(&str, NativeFn)] = &[
        ("__init__", future_init),
        ("result", fut_result),
        ("exception", fut_exception),
        ("set_result", fut_set_result),
        ("set_exception", fut_set_exception),
        ("cancel", fut_cancel),
        ("cancelled", fut_cancelled),
        ("done", fut_done),
        ("add_done_callback", fut_add_done_callback),
        ("remove_done_callback", fut_remove_done_callback),
        ("get_loop", fut_get_loop),
        ("__await__", fut_await),
        ("__iter__", fut_await),
        ("__repr__", fut_repr),
    ];
    add_native(vm, future_t, "Future", "__new__", future_new, Kind::Static);
    for &(n, f) in FUTURE {
        add_method(vm, future_t, "Future", n, f);
    }
    add_getset(vm, future_t, "Future", "_asyncio_future_blocking", get_blocking, Some(set_blocking));
    add_getset(vm, future_t, "Future", "_state", get_state, None);
    add_getset(vm, future_t, "Future", "_loop", |vm, v| Ok(fut_ref(vm, v).map(|f| Value::Obj(f.loop_)).unwrap_or(Value::None)), None);
    add_getset(vm, future_t, "Future", "_cancel_message", |vm, v| Ok(fut_ref(vm, v).map(|f| f.cancel_message()).unwrap_or(Value::None)), None);
    add_native(vm, future_t, "Future", "__class_getitem__", class_getitem, Kind::Class);

    const TASK: &[(&str, NativeFn)] = &[
        ("__init__", task_init),
        ("get_coro", task_get_coro),
        ("get_name", task_get_name),
        ("set_name", task_set_name),
        ("cancel", task_cancel_m),
        ("cancelling", task_cancelling),
        ("uncancel", task_uncancel),
        ("set_result", task_no_set),
        ("set_exception", task_no_set_exception),
        ("get_stack", task_get_stack),
        ("print_stack", task_print_stack),
        ("__repr__", task_repr),
    ];
    add_native(vm, task_t, "Task", "__new__", task_new, Kind::Static);
    for &(n, f) in TASK {
        add_method(vm, task_t, "Task", n, f);
    }
    add_getset(vm, task_t, "Task", "_coro", |vm, v| Ok(future::task(vm, v).map(|k| k.coro).unwrap_or(Value::None)), None);
    add_getset(vm, task_t, "Task", "_fut_waiter", |vm, v| Ok(future::task(vm, v).and_then(|k| k.fut_waiter).map_or(Value::None, Value::Obj)), None);

    const LOOP: &[(&str, NativeFn)] = &[
        ("run_until_complete", loop_run_until_complete),
        ("run_forever", loop_run_forever),
        ("stop", loop_stop),
        ("close", loop_close),
        ("is_running", loop_is_running),
        ("is_closed", loop_is_closed),
        ("time", loop_time),
        ("call_soon", loop_call_soon),
        ("call_soon_threadsafe", loop_call_soon),
        ("call_later", loop_call_later),
        ("call_at", loop_call_at),
        ("create_future", loop_create_future),
        ("create_task", loop_create_task),
        ("get_debug", loop_get_debug),
        ("set_debug", loop_set_debug),
        ("call_exception_handler", loop_call_exception_handler),
        ("set_exception_handler", loop_set_exception_handler),
        ("get_exception_handler", loop_get_exception_handler),
        ("default_exception_handler", loop_default_exception_handler),
        ("set_task_factory", loop_set_task_factory),
        ("get_task_factory", loop_get_task_factory),
        ("shutdown_asyncgens", loop_shutdown_asyncgens),
        ("shutdown_default_executor", loop_shutdown_default_executor),
        ("run_in_executor", loop_run_in_executor),
        ("__repr__", loop_repr),
    ];
    add_native(vm, loop_t, "_UnixSelectorEventLoop", "__new__", loop_new, Kind::Static);
    for &(n, f) in LOOP {
        add_method(vm, loop_t, "_UnixSelectorEventLoop", n, f);
    }
    add_getset(vm, loop_t, "_UnixSelectorEventLoop", "_asyncgens", loop_asyncgens, None);

    for (t, owner) in [(handle_t, "Handle"), (timer_t, "TimerHandle")] {
        add_method(vm, t, owner, "cancel", handle_cancel);
        add_method(vm, t, owner, "cancelled", handle_cancelled);
        add_method(vm, t, owner, "when", handle_when);
        add_method(vm, t, owner, "__repr__", handle_repr);
    }
    for (n, f) in [("send", sleep_send as NativeFn), ("throw", sleep_throw), ("close", sleep_close), ("__await__", sleep_self), ("__iter__", sleep_self), ("__next__", sleep_next)] {
        add_method(vm, sleep_t, "coroutine", n, f);
    }
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

/// Build the `_asyncio` module.
pub fn init_module(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    let st = &vm.ext.asyncio;
    let types = [
        ("Future", st.future_type),
        ("Task", st.task_type),
        ("CancelledError", st.cancelled_error),
        ("InvalidStateError", st.invalid_state_error),
        ("_UnixSelectorEventLoop", st.loop_type),
        ("Handle", st.handle_type),
        ("TimerHandle", st.timer_handle_type),
    ];
    for (n, t) in types {
        let k = vm.intern(n);
        vm.dict_set_str(d, k, Value::Obj(t));
    }
    const FUNCS: &[(&str, NativeFn)] = &[
        ("get_running_loop", get_running_loop),
        ("_get_running_loop", get_running_loop_or_none),
        ("get_event_loop", get_event_loop),
        ("set_event_loop", set_event_loop),
        ("new_event_loop", new_event_loop),
        ("sleep", sleep),
        ("current_task", current_task),
        ("all_tasks", all_tasks),
        ("ensure_future", ensure_future_fn),
        ("create_task", create_task),
        ("iscoroutine", iscoroutine),
        ("isfuture", isfuture),
        ("_set_result_unless_cancelled", set_result_unless_cancelled),
        ("_set_helpers", set_helpers),
        ("_set_fastops", crate::asyncio::fastops::set_fastops),
        ("_enter_task", enter_task_fn),
        ("_leave_task", leave_task_fn),
        ("_gather", crate::asyncio::gather::gather),
        ("_set_gather", crate::asyncio::gather::set_gather),
        ("_gather_done", crate::asyncio::gather::gather_done),
    ];
    crate::builtins::add_functions(vm, d, FUNCS);
    Ok(())
}

// ---- running-loop functions ----

pub fn running_loop(vm: &mut Vm) -> PyResult<ObjRef> {
    match vm.ext.asyncio.running_loop {
        Some(l) => Ok(l),
        None => Err(vm.runtime_error("no running event loop")),
    }
}

fn get_running_loop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "get_running_loop", args, 0, 0)?;
    Ok(Value::Obj(running_loop(vm)?))
}

fn get_running_loop_or_none(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.ext.asyncio.running_loop.map(Value::Obj).unwrap_or(Value::None))
}

fn get_event_loop(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if let Some(l) = vm.ext.asyncio.running_loop {
        return Ok(Value::Obj(l));
    }
    if let Some(l) = vm.ext.asyncio.event_loop {
        return Ok(Value::Obj(l));
    }
    if vm.ext.asyncio.event_loop_was_set {
        return Err(vm.runtime_error("There is no current event loop in thread 'MainThread'."));
    }
    let l = event_loop::new_loop(vm);
    vm.ext.asyncio.event_loop = l.as_obj();
    Ok(l)
}

fn set_event_loop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_event_loop", args, 1, 1)?;
    if !args[0].is_none() && !event_loop::is_loop(vm, args[0]) {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("loop must be an instance of AbstractEventLoop or None, not '{}'", tn)));
    }
    vm.ext.asyncio.event_loop = args[0].as_obj();
    vm.ext.asyncio.event_loop_was_set = true;
    Ok(Value::None)
}

fn new_event_loop(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(event_loop::new_loop(vm))
}

fn current_task(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let l = match args.first().copied().or_else(|| kwarg(vm, kw, "loop")) {
        Some(l) if !l.is_none() => l.as_obj().expect("loop"),
        _ => running_loop(vm)?,
    };
    Ok(event_loop::current_task(vm, l).map(Value::Obj).unwrap_or(Value::None))
}

fn all_tasks(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let l = match args.first().copied().or_else(|| kwarg(vm, kw, "loop")) {
        Some(l) if !l.is_none() => l.as_obj().expect("loop"),
        _ => running_loop(vm)?,
    };
    prune_tasks(vm);
    let tasks: Vec<Value> = vm.ext.asyncio.all_tasks.clone().into_iter().map(Value::Obj).filter(|&t| fut_ref(vm, t).map(|f| f.loop_ == l && f.state == State::Pending).unwrap_or(false)).collect();
    let s = vm.new_set_value();
    for t in tasks {
        vm.set_add(s, t)?;
    }
    Ok(s)
}

/// Forget finished tasks in the registry.
fn prune_tasks(vm: &mut Vm) {
    let tasks = std::mem::take(&mut vm.ext.asyncio.all_tasks);
    let kept: Vec<ObjRef> = tasks.into_iter().filter(|&t| fut_ref(vm, Value::Obj(t)).map(|f| f.state == State::Pending).unwrap_or(false)).collect();
    vm.ext.asyncio.all_tasks = kept;
}

fn iscoroutine(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "iscoroutine", args, 1, 1)?;
    Ok(Value::Bool(is_coroutine(vm, args[0])))
}

pub fn is_coroutine(vm: &Vm, v: Value) -> bool {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        // 3.11 still accepts generator-based coroutines (plain generators).
        Some(ObjData::Generator(g)) => g.kind != GenKind::AsyncGenerator,
        Some(ObjData::Native2(n)) => n.as_any().is::<Sleep>() || n.as_any().is::<crate::asyncio::asyncgen::Awaitable>(),
        _ => false,
    }
}

fn isfuture(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isfuture", args, 1, 1)?;
    if future::is_future(vm, args[0]) {
        return Ok(Value::Bool(true));
    }
    let b = vm.names._asyncio_future_blocking;
    let is_class = matches!(args[0].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Type(_)));
    Ok(Value::Bool(!is_class && vm.get_attr_opt(args[0], b)?.map(|v| !v.is_none()).unwrap_or(false)))
}

// ---- tasks ----

/// Create a task for `coro` on loop `l` (`Task(coro, loop=l, name=name)`).
pub fn new_task(vm: &mut Vm, cls: ObjRef, l: ObjRef, coro: Value, name: Value, context: Value) -> PyResult<Value> {
    if !is_coroutine(vm, coro) {
        let r = vm.to_repr_string(coro)?;
        return Err(vm.type_error(format!("a coroutine was expected, got {}", r)));
    }
    let name = if name.is_none() {
        // The `Task-N` string is made on first use (task_name): most tasks
        // never show their name, and the string is an object per task.
        vm.ext.asyncio.task_counter += 1;
        Value::Int(vm.ext.asyncio.task_counter as i64)
    } else {
        vm.to_str_value(name)?
    };
    let context = if context.is_none() { event_loop::capture_context(vm) } else { context };
    let coro = unshare_sleep0(vm, coro);
    let mut f = FutureObj::new(l);
    f.task = Some(Box::new(TaskObj { coro, name, must_cancel: false, fut_waiter: None, num_cancels_requested: 0, context }));
    let t = vm.alloc(cls, ObjData::Native2(Box::new(f)));
    let tr = t.as_obj().expect("task");
    if let Some(ObjData::Generator(g)) = coro.as_obj().map(|r| vm.heap.data_mut(r)) {
        g.started = true;
    }
    event_loop::push_ready(vm, l, event_loop::Ready::Step { task: tr, exc: Value::None });
    vm.ext.asyncio.all_tasks.push(tr);
    if vm.ext.asyncio.all_tasks.len() > 64 && vm.ext.asyncio.all_tasks.len() > 2 * vm.ext.asyncio.tasks_after_prune {
        prune_tasks(vm);
        vm.ext.asyncio.tasks_after_prune = vm.ext.asyncio.all_tasks.len();
    }
    Ok(t)
}

/// `loop.create_task(coro, name=...)`.
pub fn loop_create_task_impl(vm: &mut Vm, l: ObjRef, coro: Value, name: Value, context: Value) -> PyResult<Value> {
    if event_loop::lp(vm, l).closed {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    let factory = event_loop::lp(vm, l).task_factory;
    if !factory.is_none() {
        let t = if context.is_none() {
            vm.call_value(factory, &[Value::Obj(l), coro], &[])?
        } else {
            let ck = vm.new_str("context");
            vm.call_value(factory, &[Value::Obj(l), coro], &[(ck, context)])?
        };
        if !name.is_none() {
            vm.call_method(t, "set_name", &[name])?;
        }
        return Ok(t);
    }
    let cls = vm.ext.asyncio.task_type;
    new_task(vm, cls, l, coro, name, context)
}

fn create_task(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    crate::builtins::args::check_kwargs(vm, "create_task", kw, &["name", "context", "coro"])?;
    let coro = args.first().copied().or_else(|| kwarg(vm, kw, "coro")).unwrap_or(Value::None);
    let l = match vm.ext.asyncio.running_loop {
        Some(l) => l,
        None => {
            close_coroutine(vm, coro);
            return Err(vm.runtime_error("no running event loop"));
        }
    };
    let name = kwarg(vm, kw, "name").unwrap_or(Value::None);
    let context = kwarg(vm, kw, "context").unwrap_or(Value::None);
    // As in CPython 3.11: the task is created unnamed (taking a `Task-N`
    // number) and renamed afterwards.
    let t = loop_create_task_impl(vm, l, coro, Value::None, context)?;
    if !name.is_none() {
        vm.call_method(t, "set_name", &[name])?;
    }
    Ok(t)
}

/// Close an unused coroutine (avoids "never awaited" for it).
fn close_coroutine(vm: &mut Vm, coro: Value) {
    if let Some(ObjData::Generator(g)) = coro.as_obj().map(|r| vm.heap.data_mut(r)) {
        g.started = true;
    }
}

/// `ensure_future(obj, loop=...)`.
pub fn ensure_future(vm: &mut Vm, obj: Value, l: Option<ObjRef>) -> PyResult<Value> {
    if future::is_future(vm, obj) {
        let own = future::fut_ref(vm, obj).map(|f| f.loop_);
        if let (Some(want), Some(own)) = (l, own) {
            if want != own {
                return Err(vm.value_error("The future belongs to a different loop than the one specified as the loop argument"));
            }
        }
        return Ok(obj);
    }
    let b = vm.names._asyncio_future_blocking;
    let is_class = matches!(obj.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Type(_)));
    if !is_class && vm.get_attr_opt(obj, b)?.map(|v| !v.is_none()).unwrap_or(false) {
        return Ok(obj);
    }
    let coro = if is_coroutine(vm, obj) {
        obj
    } else {
        let aw = vm.names.__await__;
        if vm.lookup_special(obj, aw).is_some() {
            let it = vm.get_awaitable(obj, 0)?;
            crate::asyncio::coroutine_wrapper_for(vm, it)
        } else {
            return Err(vm.type_error("An asyncio.Future, a coroutine or an awaitable is required"));
        }
    };
    let l = match l {
        Some(l) => l,
        None => match vm.ext.asyncio.running_loop {
            Some(l) => l,
            None => {
                let lv = get_event_loop(vm, &[], &[])?;
                lv.as_obj().expect("loop")
            }
        },
    };
    loop_create_task_impl(vm, l, coro, Value::None, Value::None)
}

fn ensure_future_fn(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let obj = args.first().copied().unwrap_or(Value::None);
    let l = kwarg(vm, kw, "loop").and_then(|l| l.as_obj());
    ensure_future(vm, obj, l)
}

fn enter_task_fn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_enter_task", args, 2, 2)?;
    event_loop::enter_task(vm, args[0].as_obj().expect("loop"), args[1].as_obj().expect("task"))?;
    Ok(Value::None)
}

fn leave_task_fn(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_leave_task", args, 2, 2)?;
    event_loop::leave_task(vm, args[0].as_obj().expect("loop"), args[1].as_obj().expect("task"));
    Ok(Value::None)
}

/// The Python-callable form of `Task.__wakeup` (for duck-typed futures).
pub fn task_wakeup_native(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = args[0].as_obj().expect("task");
    future::task_wakeup(vm, t, args.get(1).copied().unwrap_or(Value::None))?;
    Ok(Value::None)
}

/// `_run_until_complete_cb(fut)` bound to its loop.
pub fn run_until_complete_cb(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = args[0].as_obj().expect("loop");
    let f = args.get(1).copied().unwrap_or(Value::None);
    let cancelled = fut_ref(vm, f).map(|x| x.state == State::Cancelled).unwrap_or(false);
    if !cancelled {
        let exc = fut_ref(vm, f).map(|x| x.exception()).unwrap_or(Value::None);
        let (ki, se) = (vm.exc.keyboard_interrupt, vm.exc.system_exit);
        if vm.is_instance_of(exc, ki) || vm.is_instance_of(exc, se) {
            return Ok(Value::None);
        }
    }
    event_loop::lp(vm, l).stopping = true;
    Ok(Value::None)
}

fn set_result_unless_cancelled(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_set_result_unless_cancelled", args, 2, 2)?;
    let f = args[0];
    if fut_ref(vm, f).map(|x| x.state == State::Cancelled).unwrap_or(false) {
        return Ok(Value::None);
    }
    if future::is_future(vm, f) {
        future::set_result(vm, f, args[1])?;
    } else {
        let c = vm.call_method(f, "cancelled", &[])?;
        if !vm.truthy(c)? {
            vm.call_method(f, "set_result", &[args[1]])?;
        }
    }
    Ok(Value::None)
}

/// `_set_helpers(shutdown_asyncgens, shutdown_default_executor, run_in_executor)`:
/// Python coroutine functions the loop methods return coroutines from.
fn set_helpers(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.ext.asyncio.helpers = args.to_vec();
    Ok(Value::None)
}

fn helper(vm: &mut Vm, i: usize) -> PyResult<Value> {
    match vm.ext.asyncio.helpers.get(i) {
        Some(&h) => Ok(h),
        None => Err(vm.runtime_error("asyncio helpers are not initialised")),
    }
}

// ---- Future methods ----

fn this_fut(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if future::is_future(vm, v) {
        Ok(v)
    } else {
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("descriptor requires a '_asyncio.Future' object but received a '{}'", tn)))
    }
}

fn future_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.ext.asyncio.future_type);
    let l = match kwarg(vm, kw, "loop") {
        Some(l) if !l.is_none() => l.as_obj().expect("loop"),
        _ => get_event_loop(vm, &[], &[])?.as_obj().expect("loop"),
    };
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(FutureObj::new(l)))))
}

fn future_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn fut_result(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    future::result(vm, f)
}

fn fut_exception(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    future::exception(vm, f)
}

fn fut_set_result(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_result", args, 2, 2)?;
    let f = this_fut(vm, args[0])?;
    future::set_result(vm, f, args[1])?;
    Ok(Value::None)
}

fn fut_set_exception(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_exception", args, 2, 2)?;
    let f = this_fut(vm, args[0])?;
    future::set_exception(vm, f, args[1])?;
    Ok(Value::None)
}

fn msg_arg(vm: &Vm, args: &[Value], kw: KwArgs) -> Value {
    args.get(1).copied().or_else(|| kwarg(vm, kw, "msg")).unwrap_or(Value::None)
}

fn fut_cancel(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    let msg = msg_arg(vm, args, kw);
    Ok(Value::Bool(future::future_cancel(vm, f, msg)))
}

fn fut_cancelled(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    Ok(Value::Bool(fut_ref(vm, f).map(|x| x.state == State::Cancelled).unwrap_or(false)))
}

fn fut_done(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    Ok(Value::Bool(future::done(vm, f)))
}

fn fut_add_done_callback(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("add_done_callback() missing required argument 'fn' (pos 1)"));
    }
    let f = this_fut(vm, args[0])?;
    let ctx = match kwarg(vm, kw, "context") {
        Some(c) if !c.is_none() => c,
        _ => event_loop::capture_context(vm),
    };
    future::add_done_callback(vm, f, Callback::Py(args[1], ctx));
    Ok(Value::None)
}

fn fut_remove_done_callback(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "remove_done_callback", args, 2, 2)?;
    let f = this_fut(vm, args[0])?;
    let cbs: Vec<Callback> = fut_ref(vm, f).map(|x| x.callbacks().collect()).unwrap_or_default();
    let mut kept = Vec::with_capacity(cbs.len());
    let mut removed = 0;
    for cb in cbs {
        let same = match cb {
            Callback::Py(v, _) => v.is(args[1]) || vm.eq(v, args[1])?,
            Callback::Wakeup(_) | Callback::Gather(_) => false,
        };
        if same {
            removed += 1;
        } else {
            kept.push(cb);
        }
    }
    if let Some(x) = fut(vm, f) {
        x.set_callbacks(kept);
    }
    Ok(Value::Int(removed))
}

fn fut_get_loop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    Ok(fut_ref(vm, f).map(|x| Value::Obj(x.loop_)).unwrap_or(Value::None))
}

fn fut_await(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // A future is its own awaitable iterator (see `future_send`).
    Ok(args[0])
}

fn get_blocking(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Bool(fut_ref(vm, v).map(|f| f.blocking).unwrap_or(false)))
}

fn set_blocking(vm: &mut Vm, v: Value, b: Value) -> PyResult<()> {
    let t = vm.truthy(b)?;
    if let Some(f) = fut(vm, v) {
        f.blocking = t;
    }
    Ok(())
}

fn get_state(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let s = match fut_ref(vm, v).map(|f| f.state) {
        Some(State::Pending) => "PENDING",
        Some(State::Cancelled) => "CANCELLED",
        _ => "FINISHED",
    };
    Ok(vm.new_str(s))
}

/// `Future.__repr__` info: state, result/exception, callbacks.
fn future_info(vm: &mut Vm, f: Value) -> PyResult<Vec<String>> {
    let (state, res, exc, ncb) = match fut_ref(vm, f) {
        Some(x) => (x.state, x.result, x.exception(), x.ncallbacks()),
        None => return Ok(vec![]),
    };
    let mut info = vec![match state {
        State::Pending => "pending".to_string(),
        State::Cancelled => "cancelled".to_string(),
        State::Finished => "finished".to_string(),
    }];
    if state == State::Finished {
        if !exc.is_none() {
            info.push(format!("exception={}", vm.to_repr_string(exc)?));
        } else {
            let mut r = vm.to_repr_string(res)?;
            if r.chars().count() > 30 {
                let head: String = r.chars().take(13).collect();
                let tail: String = r.chars().rev().take(14).collect::<Vec<_>>().into_iter().rev().collect();
                r = format!("{}...{}", head, tail);
            }
            info.push(format!("result={}", r));
        }
    }
    if ncb > 0 {
        let cbs: Vec<Callback> = fut_ref(vm, f).map(|x| x.callbacks().collect()).unwrap_or_default();
        let fmt = |vm: &mut Vm, cb: &Callback| -> PyResult<String> {
            match cb {
                Callback::Wakeup(_) => Ok("Task.task_wakeup()".to_string()),
                Callback::Py(v, _) => format_callback(vm, *v, &[]),
                Callback::Gather(s) => {
                    let closure = crate::asyncio::gather::closure_of(vm, *s)?;
                    format_callback(vm, closure, &[])
                }
            }
        };
        let s = match cbs.len() {
            1 => fmt(vm, &cbs[0])?,
            2 => format!("{}, {}", fmt(vm, &cbs[0])?, fmt(vm, &cbs[1])?),
            n => format!("{}, <{} more>, {}", fmt(vm, &cbs[0])?, n - 2, fmt(vm, &cbs[n - 1])?),
        };
        info.push(format!("cb=[{}]", s));
    }
    Ok(info)
}

fn fut_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let f = this_fut(vm, args[0])?;
    let info = future_info(vm, f)?;
    let tn = vm.type_name(f);
    Ok(vm.new_str(format!("<{} {}>", tn, info.join(" "))))
}

// ---- Task methods ----

fn this_task(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if future::is_task(vm, v) {
        Ok(v)
    } else {
        let tn = vm.type_name(v);
        Err(vm.type_error(format!("descriptor requires a '_asyncio.Task' object but received a '{}'", tn)))
    }
}

fn task_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.ext.asyncio.task_type);
    let coro = args.get(1).copied().or_else(|| kwarg(vm, kw, "coro")).unwrap_or(Value::None);
    let l = match kwarg(vm, kw, "loop") {
        Some(l) if !l.is_none() => l.as_obj().expect("loop"),
        _ => get_event_loop(vm, &[], &[])?.as_obj().expect("loop"),
    };
    let name = kwarg(vm, kw, "name").unwrap_or(Value::None);
    let context = kwarg(vm, kw, "context").unwrap_or(Value::None);
    new_task(vm, cls, l, coro, name, context)
}

fn task_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn task_get_coro(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    Ok(future::task(vm, t).map(|k| k.coro).unwrap_or(Value::None))
}

fn task_get_name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    Ok(task_name(vm, t))
}

/// A task's name, turning a lazy `Task-N` number into the string.
fn task_name(vm: &mut Vm, t: Value) -> Value {
    let name = future::task(vm, t).map(|k| k.name).unwrap_or(Value::None);
    let Value::Int(n) = name else { return name };
    let s = vm.new_str(format!("Task-{}", n));
    if let Some(k) = future::task(vm, t) {
        k.name = s;
    }
    s
}

fn task_set_name(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_name", args, 2, 2)?;
    let t = this_task(vm, args[0])?;
    let n = vm.to_str_value(args[1])?;
    if let Some(k) = future::task(vm, t) {
        k.name = n;
    }
    Ok(Value::None)
}

fn task_cancel_m(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    let msg = msg_arg(vm, args, kw);
    Ok(Value::Bool(future::task_cancel(vm, t, msg)))
}

fn task_cancelling(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    Ok(Value::Int(future::task(vm, t).map(|k| k.num_cancels_requested as i64).unwrap_or(0)))
}

fn task_uncancel(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    let n = match future::task(vm, t) {
        Some(k) => {
            if k.num_cancels_requested > 0 {
                k.num_cancels_requested -= 1;
            }
            k.num_cancels_requested
        }
        None => 0,
    };
    Ok(Value::Int(n as i64))
}

fn task_no_set(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(vm.runtime_error("Task does not support set_result operation"))
}

fn task_no_set_exception(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(vm.runtime_error("Task does not support set_exception operation"))
}

fn task_get_stack(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_list(vec![]))
}

fn task_print_stack(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

/// `coro=<main() running at x.py:5>` / `done, defined at x.py:3`.
fn format_coroutine(vm: &mut Vm, coro: Value) -> String {
    match coro.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Generator(g)) => {
            let q = coro.as_obj().map(|r| vm.gen_qualname_string(r)).unwrap_or_default();
            let code = g.frame.code.clone();
            let running = g.state != crate::runtime::generator::GenState::Closed;
            if running {
                let line = if g.frame.ip == 0 { code.first_line } else { code.line_at(g.frame.ip as usize - 1) };
                format!("{}() running at {}:{}", q, code.source.name, line)
            } else {
                format!("{}() done, defined at {}:{}", q, code.source.name, code.first_line)
            }
        }
        _ => vm.to_repr_string(coro).unwrap_or_default(),
    }
}

fn task_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = this_task(vm, args[0])?;
    let mut info = future_info(vm, t)?;
    let name = task_name(vm, t);
    let (coro, waiter, cancelling, done) = match future::task(vm, t) {
        Some(k) => (k.coro, k.fut_waiter.map_or(Value::None, Value::Obj), k.num_cancels_requested > 0, false),
        None => return Ok(vm.new_str("<Task>")),
    };
    let done = done || future::done(vm, t);
    if cancelling && !done {
        info[0] = "cancelling".into();
    }
    let nr = vm.to_repr_string(name)?;
    info.insert(1, format!("name={}", nr));
    let c = format_coroutine(vm, coro);
    info.insert(2, format!("coro=<{}>", c));
    if !waiter.is_none() {
        let w = vm.to_repr_string(waiter)?;
        info.insert(3, format!("wait_for={}", w));
    }
    let tn = vm.type_name(t);
    Ok(vm.new_str(format!("<{} {}>", tn, info.join(" "))))
}

// ---- loop methods ----

fn this_loop(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    if event_loop::is_loop(vm, v) {
        Ok(v.as_obj().expect("loop"))
    } else {
        Err(vm.type_error("descriptor requires an event loop"))
    }
}

fn loop_new(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(event_loop::new_loop(vm))
}

fn loop_run_until_complete(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "run_until_complete", args, 2, 2)?;
    let l = this_loop(vm, args[0])?;
    event_loop::run_until_complete(vm, l, args[1])
}

fn loop_run_forever(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    event_loop::run_forever(vm, l)?;
    Ok(Value::None)
}

fn loop_stop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    event_loop::lp(vm, l).stopping = true;
    Ok(Value::None)
}

fn loop_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    event_loop::close(vm, l)?;
    Ok(Value::None)
}

fn loop_is_running(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(Value::Bool(event_loop::lp(vm, l).running))
}

fn loop_is_closed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(Value::Bool(event_loop::lp(vm, l).closed))
}

fn loop_time(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_loop(vm, args[0])?;
    Ok(Value::Float(event_loop::now(vm)))
}

// Like CPython, callbacks are checked for callability only in debug mode
// (which aiopy does not have): a bad one fails when the loop runs it.
fn loop_call_soon(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("call_soon() missing 1 required positional argument: 'callback'"));
    }
    let l = this_loop(vm, args[0])?;
    let ctx = kwarg(vm, kw, "context").unwrap_or(Value::None);
    event_loop::call_soon_in(vm, l, args[1], args[2..].to_vec(), ctx)
}

fn float_arg(vm: &mut Vm, v: Value) -> PyResult<f64> {
    match vm.as_number(v) {
        Some(n) => Ok(crate::vm::ops::num_to_f64(&n)),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("unsupported operand type(s) for +: 'float' and '{}'", tn)))
        }
    }
}

fn loop_call_later(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("call_later() missing required arguments"));
    }
    let l = this_loop(vm, args[0])?;
    let delay = float_arg(vm, args[1])?;
    let when = event_loop::now(vm) + delay;
    let ctx = kwarg(vm, kw, "context").unwrap_or(Value::None);
    event_loop::call_at(vm, l, when, args[2], args[3..].to_vec(), ctx)
}

fn loop_call_at(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("call_at() missing required arguments"));
    }
    let l = this_loop(vm, args[0])?;
    let when = float_arg(vm, args[1])?;
    let ctx = kwarg(vm, kw, "context").unwrap_or(Value::None);
    event_loop::call_at(vm, l, when, args[2], args[3..].to_vec(), ctx)
}

fn loop_create_future(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(future::new_future(vm, l))
}

fn loop_create_task(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    let coro = args.get(1).copied().or_else(|| kwarg(vm, kw, "coro")).unwrap_or(Value::None);
    let name = kwarg(vm, kw, "name").unwrap_or(Value::None);
    let context = kwarg(vm, kw, "context").unwrap_or(Value::None);
    // Unlike `asyncio.create_task`, the loop method names the task at
    // creation (no `Task-N` number is used up).
    loop_create_task_impl(vm, l, coro, name, context)
}

fn loop_get_debug(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(Value::Bool(event_loop::lp(vm, l).debug))
}

fn loop_set_debug(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    let b = vm.truthy(args.get(1).copied().unwrap_or(Value::Bool(false)))?;
    event_loop::lp(vm, l).debug = b;
    Ok(Value::None)
}

fn loop_call_exception_handler(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "call_exception_handler", args, 2, 2)?;
    let l = this_loop(vm, args[0])?;
    super::exc_handler::dispatch(vm, l, args[1])?;
    Ok(Value::None)
}

fn loop_set_exception_handler(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_exception_handler", args, 2, 2)?;
    let l = this_loop(vm, args[0])?;
    let h = args[1];
    if !h.is_none() && !crate::builtins::functions::is_callable(vm, h) {
        let r = vm.to_repr_string(h)?;
        return Err(vm.type_error(format!("A callable object or None is expected, got {}", r)));
    }
    event_loop::lp(vm, l).exception_handler = h;
    Ok(Value::None)
}

fn loop_get_exception_handler(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(event_loop::lp(vm, l).exception_handler)
}

fn loop_default_exception_handler(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "default_exception_handler", args, 2, 2)?;
    super::exc_handler::default_handler(vm, args[1])?;
    Ok(Value::None)
}

fn loop_set_task_factory(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_task_factory", args, 2, 2)?;
    let l = this_loop(vm, args[0])?;
    event_loop::lp(vm, l).task_factory = args[1];
    Ok(Value::None)
}

fn loop_get_task_factory(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    Ok(event_loop::lp(vm, l).task_factory)
}

fn loop_shutdown_asyncgens(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_loop(vm, args[0])?;
    let h = helper(vm, 0)?;
    vm.call_value(h, &[args[0]], &[])
}

fn loop_shutdown_default_executor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    this_loop(vm, args[0])?;
    let h = helper(vm, 1)?;
    vm.call_value(h, &[args[0]], &[])
}

fn loop_run_in_executor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 3 {
        return Err(vm.type_error("run_in_executor() missing required arguments"));
    }
    let l = this_loop(vm, args[0])?;
    let f = future::new_future(vm, l);
    match vm.call_value(args[2], &args[3..], &[]) {
        Ok(v) => future::set_result(vm, f, v)?,
        Err(e) => future::set_exception(vm, f, e.value())?,
    }
    Ok(f)
}

fn loop_asyncgens(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let l = this_loop(vm, v)?;
    let gens: Vec<Value> = event_loop::lp(vm, l).asyncgens.iter().map(|&g| Value::Obj(g)).collect();
    Ok(vm.new_list(gens))
}

fn loop_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let l = this_loop(vm, args[0])?;
    let lo = event_loop::lp(vm, l);
    let s = format!(
        "<_UnixSelectorEventLoop running={} closed={} debug={}>",
        if lo.running { "True" } else { "False" },
        if lo.closed { "True" } else { "False" },
        if lo.debug { "True" } else { "False" }
    );
    Ok(vm.new_str(s))
}

// ---- handles ----

fn handle_cancel(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    event_loop::cancel_handle(vm, args[0]);
    Ok(Value::None)
}

fn handle_cancelled(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(event_loop::handle(vm, args[0]).map(|h| h.cancelled).unwrap_or(false)))
}

fn handle_when(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match event_loop::handle(vm, args[0]).and_then(|h| h.when) {
        Some(w) => Ok(Value::Float(w)),
        None => Err(vm.attribute_error("'Handle' object has no attribute 'when'")),
    }
}

fn handle_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (cb, cb_args, when, cancelled) = match event_loop::handle(vm, args[0]) {
        Some(h) => (h.callback, h.args.clone(), h.when, h.cancelled),
        None => return Ok(vm.new_str("<Handle>")),
    };
    let tn = vm.type_name(args[0]);
    let mut parts = vec![tn];
    if cancelled {
        parts.push("cancelled".into());
    }
    if let Some(w) = when {
        parts.push(format!("when={}", crate::vm::format::float_repr(w)));
    }
    if !cb.is_none() {
        parts.push(format_callback(vm, cb, &cb_args)?);
    }
    Ok(vm.new_str(format!("<{}>", parts.join(" "))))
}

/// How asyncio names a callback in Handle and Future reprs and log
/// messages (`format_helpers._format_callback_source`): the name
/// (`__qualname__`, else `__name__`, else the repr) with its arguments
/// shortened by `reprlib.repr`, a `functools.partial` shown as its
/// function, then its own arguments; then ` at file:line` when the
/// callback is (or wraps, or is a partial of) a Python function.
pub fn format_callback(vm: &mut Vm, cb: Value, args: &[Value]) -> PyResult<String> {
    let mut out = format_callback_call(vm, cb, args, Value::None, String::new())?;
    if let Some((file, line)) = callback_source(vm, cb)? {
        out.push_str(&format!(" at {}:{}", file, line));
    }
    Ok(out)
}

/// `functools.partial` and `functools.partialmethod`, if functools is loaded
/// (no partial object can exist before it is).
fn partial_classes(vm: &mut Vm) -> PyResult<[Option<ObjRef>; 2]> {
    let Some(m) = vm.sys_modules_get("functools") else { return Ok([None, None]) };
    let class = |vm: &mut Vm, name: &str| -> PyResult<Option<ObjRef>> {
        let k = vm.intern(name);
        Ok(vm.get_attr_opt(m, k)?.and_then(|c| c.as_obj()).filter(|&c| matches!(vm.heap.data(c), ObjData::Type(_))))
    };
    Ok([class(vm, "partial")?, class(vm, "partialmethod")?])
}

fn is_partial(vm: &mut Vm, v: Value, which: usize) -> PyResult<bool> {
    Ok(partial_classes(vm)?[which].is_some_and(|c| vm.is_instance_of(v, c)))
}

fn format_callback_call(vm: &mut Vm, func: Value, args: &[Value], kwargs: Value, suffix: String) -> PyResult<String> {
    if is_partial(vm, func, 0)? {
        let suffix = format_call_args(vm, args, kwargs)? + &suffix;
        let inner = vm.get_attr_str(func, "func")?;
        let pargs = vm.get_attr_str(func, "args")?;
        let pargs = vm.collect_iterable(pargs)?;
        let pkw = vm.get_attr_str(func, "keywords")?;
        return format_callback_call(vm, inner, &pargs, pkw, suffix);
    }
    let mut name = None;
    for attr in ["__qualname__", "__name__"] {
        let k = vm.intern(attr);
        if let Some(v) = vm.get_attr_opt(func, k)? {
            if vm.truthy(v)? {
                name = Some(vm.to_str_string(v)?);
                break;
            }
        }
    }
    let mut out = match name {
        Some(n) => n,
        None => vm.to_repr_string(func)?,
    };
    out.push_str(&format_call_args(vm, args, kwargs)?);
    out.push_str(&suffix);
    Ok(out)
}

/// `(a, b, k=v)` with each value through `reprlib.repr`.
fn format_call_args(vm: &mut Vm, args: &[Value], kwargs: Value) -> PyResult<String> {
    let has_kw = !kwargs.is_none() && vm.truthy(kwargs)?;
    if args.is_empty() && !has_kw {
        return Ok("()".to_string());
    }
    let reprlib = vm.import_module("reprlib")?;
    let short_repr = vm.get_attr_str(reprlib, "repr")?;
    let mut items = Vec::with_capacity(args.len());
    for &a in args {
        let r = vm.call_value(short_repr, &[a], &[])?;
        items.push(vm.to_str_string(r)?);
    }
    if has_kw {
        let pairs = vm.call_method(kwargs, "items", &[])?;
        for pair in vm.collect_iterable(pairs)? {
            let kv = vm.collect_iterable(pair)?;
            let [k, v] = kv[..] else { continue };
            let k = vm.to_str_string(k)?;
            let r = vm.call_value(short_repr, &[v], &[])?;
            items.push(format!("{}={}", k, vm.to_str_string(r)?));
        }
    }
    Ok(format!("({})", items.join(", ")))
}

/// `format_helpers._get_function_source`: the file and first line of the
/// Python function behind a callback (through `__wrapped__` and partials).
fn callback_source(vm: &mut Vm, func: Value) -> PyResult<Option<(String, u32)>> {
    let mut func = func;
    // `inspect.unwrap`, which refuses a cycle of `__wrapped__`.
    let wrapped = vm.intern("__wrapped__");
    let mut seen = vec![func];
    while let Some(inner) = vm.get_attr_opt(func, wrapped)? {
        if seen.iter().any(|s| s.is(inner)) {
            let shown = vm.to_repr_string(seen[0])?;
            return Err(vm.value_error(format!("wrapper loop when unwrapping {}", shown)));
        }
        seen.push(inner);
        func = inner;
    }
    if let Some(ObjData::Function(f)) = func.as_obj().map(|r| vm.heap.data(r)) {
        return Ok(Some((f.code.source.name.to_string(), f.code.first_line)));
    }
    if is_partial(vm, func, 0)? || is_partial(vm, func, 1)? {
        let inner = vm.get_attr_str(func, "func")?;
        return callback_source(vm, inner);
    }
    Ok(None)
}

// ---- sleep ----

/// The awaitable returned by `asyncio.sleep()`.
pub struct Sleep {
    delay: f64,
    result: Value,
    /// 0: not started; 1: yielded (waiting); 2: finished.
    stage: u8,
    fut: Value,
    handle: Value,
    /// Where `asyncio.sleep(d)` was called, until it is first stepped:
    /// a sleep dropped before that gets CPython's "coroutine 'sleep' was
    /// never awaited" warning (the forgotten `await`). None for the
    /// shared `sleep(0)` objects and the private copies tasks make.
    origin: Option<(std::rc::Rc<crate::bytecode::CodeObject>, u32)>,
}

impl Sleep {
    /// Made by a call and dropped without ever being awaited or stepped.
    pub fn never_awaited(&self) -> bool {
        self.stage == 0 && self.origin.is_some()
    }

    /// Where it was made (taken: the warning is given once).
    pub fn take_origin(&mut self) -> Option<(std::rc::Rc<crate::bytecode::CodeObject>, u32)> {
        self.origin.take()
    }
}

impl NativeData for Sleep {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        push_value(self.result, out);
        push_value(self.fut, out);
        push_value(self.handle, out);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn sleep_obj(vm: &mut Vm, v: Value) -> Option<&mut Sleep> {
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<Sleep>(),
        _ => None,
    }
}

fn sleep(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    // `sleep(0)`: the shared awaitable without parsing the arguments (and
    // without the general case's prologue: that is out of line).
    if kw.is_empty() && matches!(args, [Value::Int(0)]) {
        if let Some(a) = vm.ext.asyncio.sleep0 {
            return Ok(Value::Obj(a));
        }
    }
    sleep_general(vm, args, kw)
}

#[inline(never)]
fn sleep_general(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let delay = args.first().copied().or_else(|| kwarg(vm, kw, "delay")).unwrap_or(Value::None);
    let result = args.get(1).copied().or_else(|| kwarg(vm, kw, "result")).unwrap_or(Value::None);
    let d = match vm.as_number(delay) {
        Some(n) => crate::vm::ops::num_to_f64(&n),
        None => {
            let tn = vm.type_name(delay);
            return Err(vm.type_error(format!("'<=' not supported between instances of '{}' and 'int'", tn)));
        }
    };
    if d <= 0.0 && result.is_none() {
        return Ok(Value::Obj(shared_sleep0(vm).0));
    }
    let origin = vm.frames.last().map(|f| (f.code.clone(), f.code.line_at(f.ip.saturating_sub(1))));
    if origin.is_some() {
        // Counted with coroutines not yet started: exit looks for both.
        vm.unstarted_coroutines += 1;
    }
    let cls = vm.ext.asyncio.sleep_type;
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(Sleep { delay: d, result, stage: 0, fut: Value::None, handle: Value::None, origin }))))
}

fn new_sleep(vm: &mut Vm, delay: f64, result: Value) -> Value {
    let cls = vm.ext.asyncio.sleep_type;
    vm.alloc(cls, ObjData::Native2(Box::new(Sleep { delay, result, stage: 0, fut: Value::None, handle: Value::None, origin: None })))
}

/// `sleep(0)` without an allocation per call: every `sleep(0)` (result
/// None) returns the same object `A`. It has no state of its own; the
/// frame awaiting it holds the state instead: `Send` into `A` yields None
/// and replaces `A` on that frame's stack with the shared `B`
/// (`sleep0_done`), and `Send` into `B` returns None (see
/// `Vm::send_instr`). Where `A` would be stepped by something other than
/// an awaiting frame (a task wrapping it, `A.__await__()`), a private
/// stateful `Sleep` is made instead. Only a direct `A.send(None)` from
/// Python differs from CPython: it yields None every time.
pub fn shared_sleep0(vm: &mut Vm) -> (ObjRef, ObjRef) {
    if let (Some(a), Some(b)) = (vm.ext.asyncio.sleep0, vm.ext.asyncio.sleep0_done) {
        return (a, b);
    }
    let a = new_sleep(vm, 0.0, Value::None).as_obj().expect("sleep");
    vm.ext.asyncio.sleep0 = Some(a);
    let b = new_sleep(vm, 0.0, Value::None).as_obj().expect("sleep");
    if let Some(sl) = sleep_obj(vm, Value::Obj(b)) {
        sl.stage = 1;
    }
    vm.ext.asyncio.sleep0_done = Some(b);
    (a, b)
}

fn is_shared_sleep(vm: &Vm, v: Value) -> bool {
    let st = &vm.ext.asyncio;
    v.as_obj().is_some() && (v.as_obj() == st.sleep0 || v.as_obj() == st.sleep0_done)
}

/// A task or wrapper about to own `coro`: the shared `sleep(0)` object
/// becomes a private one (it is stepped through its own state there).
pub fn unshare_sleep0(vm: &mut Vm, coro: Value) -> Value {
    if coro.as_obj().is_some() && coro.as_obj() == vm.ext.asyncio.sleep0 {
        return new_sleep(vm, 0.0, Value::None);
    }
    coro
}

pub fn is_sleep(vm: &Vm, v: Value) -> bool {
    matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<Sleep>())
}

/// Step a sleep awaitable.
pub fn sleep_step(vm: &mut Vm, s: Value, exc: Option<PyErr>) -> PyResult<SendOutcome> {
    if is_shared_sleep(vm, s) {
        // Stateless: never marked finished (other frames share it).
        if let Some(e) = exc {
            return Err(e);
        }
        if s.as_obj() == vm.ext.asyncio.sleep0 {
            return Ok(SendOutcome::Yielded(Value::None));
        }
        return Ok(SendOutcome::Returned(Value::None));
    }
    let Some(sl) = sleep_obj(vm, s) else { return Err(vm.type_error("not a sleep awaitable")) };
    let (delay, result, stage, fut, handle) = (sl.delay, sl.result, sl.stage, sl.fut, sl.handle);
    if sl.origin.take().is_some() {
        vm.unstarted_coroutines = vm.unstarted_coroutines.saturating_sub(1);
    }
    if let Some(e) = exc {
        if let Some(sl) = sleep_obj(vm, s) {
            sl.stage = 2;
        }
        if !handle.is_none() {
            event_loop::cancel_handle(vm, handle);
        }
        return Err(e);
    }
    match stage {
        0 => {
            if delay <= 0.0 {
                if let Some(sl) = sleep_obj(vm, s) {
                    sl.stage = 1;
                }
                return Ok(SendOutcome::Yielded(Value::None));
            }
            let l = running_loop(vm)?;
            let f = future::new_future(vm, l);
            let cb = vm_clone_fn(vm);
            let when = event_loop::now(vm) + delay;
            let h = event_loop::call_at(vm, l, when, cb, vec![f, result], Value::None)?;
            if let Some(x) = fut_mut(vm, f) {
                x.blocking = true;
            }
            if let Some(sl) = sleep_obj(vm, s) {
                sl.stage = 1;
                sl.fut = f;
                sl.handle = h;
            }
            Ok(SendOutcome::Yielded(f))
        }
        1 => {
            if let Some(sl) = sleep_obj(vm, s) {
                sl.stage = 2;
            }
            if fut.is_none() {
                return Ok(SendOutcome::Returned(result));
            }
            event_loop::cancel_handle(vm, handle);
            let r = future::result(vm, fut)?;
            Ok(SendOutcome::Returned(r))
        }
        _ => Err(vm.runtime_error("cannot reuse already awaited coroutine")),
    }
}

fn fut_mut(vm: &mut Vm, f: Value) -> Option<&mut FutureObj> {
    fut(vm, f)
}

/// The `_set_result_unless_cancelled` native, made once and cached.
fn vm_clone_fn(vm: &mut Vm) -> Value {
    if let Some(f) = vm.ext.asyncio.set_result_fn {
        return f;
    }
    let f = vm.native_fn("_set_result_unless_cancelled", set_result_unless_cancelled);
    vm.ext.asyncio.set_result_fn = Some(f);
    f
}

fn sleep_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let o = sleep_step(vm, args[0], None)?;
    outcome(vm, o)
}

fn sleep_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let o = sleep_step(vm, args[0], None)?;
    outcome(vm, o)
}

fn sleep_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let e = crate::builtins::types::exception_from_throw_args(vm, &args[1..])?;
    let o = sleep_step(vm, args[0], Some(e))?;
    outcome(vm, o)
}

fn sleep_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if is_shared_sleep(vm, args[0]) {
        return Ok(Value::None);
    }
    let h = sleep_obj(vm, args[0]).map(|s| {
        s.stage = 2;
        s.handle
    });
    if let Some(h) = h {
        if !h.is_none() {
            event_loop::cancel_handle(vm, h);
        }
    }
    Ok(Value::None)
}

fn sleep_self(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(unshare_sleep0(vm, args[0]))
}

fn outcome(vm: &mut Vm, o: SendOutcome) -> PyResult<Value> {
    match o {
        SendOutcome::Yielded(y) => Ok(y),
        SendOutcome::Returned(r) => Err(vm.stop_iteration(r)),
        SendOutcome::Pushed => Ok(Value::None),
    }
}

#[allow(dead_code)]
fn unused(_h: HandleObj, _l: LoopObj) {}
