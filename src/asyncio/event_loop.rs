//! The event loop: a FIFO ready queue, a heapq-ordered timer heap and a
//! clock, run pass by pass exactly as CPython's `BaseEventLoop._run_once`:
//! drop cancelled timers, wait (or, under the virtual clock, jump) until
//! the earliest timer, move due timers (deadline < now + 1e-9) to the
//! ready queue, then run the callbacks that were ready at the start of the
//! pass (callbacks they schedule wait for the next pass).
//!
//! The ready queue holds typed entries: task steps and wake-ups never
//! allocate a Python object; only user-visible `call_soon` callbacks get a
//! `Handle`.

use std::any::Any;
use std::collections::VecDeque;

use crate::asyncio::clock::TICK;
use crate::asyncio::future::{self, Callback};
use crate::asyncio::timers::{Timer, TimerHeap};
use crate::runtime::heap::push_value;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyErr, PyResult, Vm};

/// CPython's `MAXIMUM_SELECT_TIMEOUT`.
const MAX_SELECT_TIMEOUT: f64 = 24.0 * 3600.0;
const MIN_SCHEDULED_TIMER_HANDLES: usize = 100;
const MIN_CANCELLED_TIMER_HANDLES_FRACTION: f64 = 0.5;
const CLOCK_RESOLUTION: f64 = 1e-9;

pub enum Ready {
    /// `task.__step(exc)`.
    Step { task: ObjRef, exc: Value },
    /// `task.__wakeup(fut)`.
    Wakeup { task: ObjRef, fut: ObjRef },
    /// A `call_soon`/timer `Handle` (may have been cancelled).
    Handle(ObjRef),
    /// A future's done callback: `func(arg)` in context `ctx`.
    Call { func: Value, arg: Value, ctx: Value },
    /// `gather()`'s callback for its child `fut` (`gather::child_done`).
    Gather { state: ObjRef, fut: ObjRef },
}

pub struct LoopObj {
    pub ready: VecDeque<Ready>,
    pub timers: TimerHeap,
    pub timer_cancelled_count: usize,
    pub stopping: bool,
    pub closed: bool,
    pub running: bool,
    pub debug: bool,
    pub exception_handler: Value,
    /// Async generators first iterated under this loop (for shutdown).
    pub asyncgens: Vec<ObjRef>,
    pub asyncgens_shutdown_called: bool,
    pub task_factory: Value,
}

impl NativeData for LoopObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        for r in &self.ready {
            match r {
                Ready::Step { task, exc } => {
                    out.push(*task);
                    push_value(*exc, out);
                }
                Ready::Wakeup { task, fut } => {
                    out.push(*task);
                    out.push(*fut);
                }
                Ready::Handle(h) => out.push(*h),
                Ready::Gather { state, fut } => {
                    out.push(*state);
                    out.push(*fut);
                }
                Ready::Call { func, arg, ctx } => {
                    push_value(*func, out);
                    push_value(*arg, out);
                    push_value(*ctx, out);
                }
            }
        }
        for t in &self.timers.items {
            out.push(t.handle);
        }
        push_value(self.exception_handler, out);
        push_value(self.task_factory, out);
        out.extend(self.asyncgens.iter().copied());
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// A callback scheduled with `call_soon`/`call_later`/`call_at`.
pub struct HandleObj {
    pub callback: Value,
    pub args: Vec<Value>,
    pub cancelled: bool,
    /// Deadline for timer handles.
    pub when: Option<f64>,
    /// In the timer heap.
    pub scheduled: bool,
    pub loop_: ObjRef,
    /// The `contextvars` context to run in (None: the empty context;
    /// nothing is captured while no program code has used contextvars).
    pub context: Value,
}

impl NativeData for HandleObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        push_value(self.callback, out);
        for &a in &self.args {
            push_value(a, out);
        }
        out.push(self.loop_);
        push_value(self.context, out);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

pub fn lp(vm: &mut Vm, l: ObjRef) -> &mut LoopObj {
    match vm.heap.data_mut(l) {
        // Upcast to `dyn Any` through the vtable (no `as_any_mut` call).
        ObjData::Native2(n) => match (&mut **n as &mut dyn Any).downcast_mut::<LoopObj>() {
            Some(x) => x,
            None => panic!("internal error: not an event loop"),
        },
        _ => panic!("internal error: not an event loop"),
    }
}

pub fn is_loop(vm: &Vm, v: Value) -> bool {
    matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<LoopObj>())
}

pub fn handle(vm: &mut Vm, h: Value) -> Option<&mut HandleObj> {
    match h.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<HandleObj>(),
        _ => None,
    }
}

pub fn new_loop(vm: &mut Vm) -> Value {
    let cls = vm.ext.asyncio.loop_type;
    let l = LoopObj {
        ready: VecDeque::new(),
        timers: TimerHeap::default(),
        timer_cancelled_count: 0,
        stopping: false,
        closed: false,
        running: false,
        debug: false,
        exception_handler: Value::None,
        asyncgens: Vec::new(),
        asyncgens_shutdown_called: false,
        task_factory: Value::None,
    };
    vm.alloc(cls, ObjData::Native2(Box::new(l)))
}

#[inline]
pub fn push_ready(vm: &mut Vm, l: ObjRef, item: Ready) {
    lp(vm, l).ready.push_back(item);
}

pub fn now(vm: &Vm) -> f64 {
    vm.ext.asyncio.clock.monotonic()
}

// ---- scheduling ----

pub fn call_soon(vm: &mut Vm, l: ObjRef, callback: Value, args: Vec<Value>) -> PyResult<Value> {
    call_soon_in(vm, l, callback, args, Value::None)
}

/// `loop.call_soon(callback, *args, context=context)` (None: a copy of
/// the current context).
pub fn call_soon_in(vm: &mut Vm, l: ObjRef, callback: Value, args: Vec<Value>, context: Value) -> PyResult<Value> {
    check_closed(vm, l)?;
    let cls = vm.ext.asyncio.handle_type;
    let context = if context.is_none() { capture_context(vm) } else { context };
    let h = vm.alloc(cls, ObjData::Native2(Box::new(HandleObj { callback, args, cancelled: false, when: None, scheduled: false, loop_: l, context })));
    push_ready(vm, l, Ready::Handle(h.as_obj().expect("handle")));
    Ok(h)
}

pub fn call_at(vm: &mut Vm, l: ObjRef, when: f64, callback: Value, args: Vec<Value>, context: Value) -> PyResult<Value> {
    check_closed(vm, l)?;
    let cls = vm.ext.asyncio.timer_handle_type;
    let context = if context.is_none() { capture_context(vm) } else { context };
    let h = vm.alloc(cls, ObjData::Native2(Box::new(HandleObj { callback, args, cancelled: false, when: Some(when), scheduled: true, loop_: l, context })));
    lp(vm, l).timers.push(Timer { when, handle: h.as_obj().expect("handle") });
    Ok(h)
}

/// `handle.cancel()`.
pub fn cancel_handle(vm: &mut Vm, h: Value) {
    let Some(hd) = handle(vm, h) else { return };
    if hd.cancelled {
        return;
    }
    hd.cancelled = true;
    let (scheduled, l) = (hd.scheduled, hd.loop_);
    hd.callback = Value::None;
    hd.args.clear();
    if scheduled {
        lp(vm, l).timer_cancelled_count += 1;
    }
}

fn check_closed(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    if lp(vm, l).closed {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    Ok(())
}

// ---- current task bookkeeping ----

#[inline(always)]
pub fn enter_task(vm: &mut Vm, l: ObjRef, t: ObjRef) -> PyResult<()> {
    let st = &mut vm.ext.asyncio;
    // Usual case: no task of any loop is running.
    if st.current_tasks.is_empty() {
        st.current_tasks.push((l, t));
        return Ok(());
    }
    enter_task_nested(vm, l, t)
}

/// `enter_task` while some task (of this loop or another) is running.
#[inline(never)]
fn enter_task_nested(vm: &mut Vm, l: ObjRef, t: ObjRef) -> PyResult<()> {
    if let Some(&(_, cur)) = vm.ext.asyncio.current_tasks.iter().find(|(lo, _)| *lo == l) {
        if cur != t {
            let tr = vm.to_repr_string(Value::Obj(t))?;
            let cr = vm.to_repr_string(Value::Obj(cur))?;
            return Err(vm.runtime_error(format!("Cannot enter into task {} while another task {} is being executed.", tr, cr)));
        }
    }
    vm.ext.asyncio.current_tasks.push((l, t));
    Ok(())
}

#[inline(always)]
pub fn leave_task(vm: &mut Vm, l: ObjRef, t: ObjRef) {
    let st = &mut vm.ext.asyncio;
    if st.current_tasks.last() == Some(&(l, t)) {
        st.current_tasks.pop();
    } else {
        leave_task_nested(vm, l, t);
    }
}

#[inline(never)]
fn leave_task_nested(vm: &mut Vm, l: ObjRef, t: ObjRef) {
    let st = &mut vm.ext.asyncio;
    if let Some(pos) = st.current_tasks.iter().position(|&(lo, tk)| lo == l && tk == t) {
        st.current_tasks.remove(pos);
    }
}

pub fn current_task(vm: &Vm, l: ObjRef) -> Option<ObjRef> {
    vm.ext.asyncio.current_tasks.iter().rev().find(|(lo, _)| *lo == l).map(|&(_, t)| t)
}

// ---- running ----

/// One pass of the loop (`_run_once`).
pub fn run_once(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    let (n, cancelled_count) = {
        let lo = lp(vm, l);
        (lo.timers.len(), lo.timer_cancelled_count)
    };
    if n > MIN_SCHEDULED_TIMER_HANDLES && cancelled_count as f64 / n as f64 > MIN_CANCELLED_TIMER_HANDLES_FRACTION {
        // Many cancelled timers: rebuild the heap without them.
        let all = std::mem::take(&mut lp(vm, l).timers.items);
        let mut live = Vec::with_capacity(all.len());
        for t in all {
            match handle(vm, Value::Obj(t.handle)) {
                Some(h) if h.cancelled => h.scheduled = false,
                _ => live.push(t),
            }
        }
        let lo = lp(vm, l);
        lo.timers.items = live;
        lo.timers.heapify();
        lo.timer_cancelled_count = 0;
    } else if n > 0 {
        // Drop cancelled timers from the head of the heap.
        loop {
            let Some(top) = lp(vm, l).timers.peek().copied() else { break };
            let cancelled = handle(vm, Value::Obj(top.handle)).map(|h| h.cancelled).unwrap_or(true);
            if !cancelled {
                break;
            }
            let lo = lp(vm, l);
            lo.timer_cancelled_count = lo.timer_cancelled_count.saturating_sub(1);
            lo.timers.pop();
            if let Some(h) = handle(vm, Value::Obj(top.handle)) {
                h.scheduled = false;
            }
        }
    }
    let (has_ready, stopping, first_timer) = {
        let lo = lp(vm, l);
        (!lo.ready.is_empty(), lo.stopping, lo.timers.peek().map(|t| t.when))
    };
    let timeout = if has_ready || stopping {
        Some(0.0)
    } else {
        first_timer.map(|when| (when - now(vm)).max(0.0).min(MAX_SELECT_TIMEOUT))
    };
    select(vm, l, timeout)?;
    // Ctrl-C during the wait (the sleep returns early): deliver it now,
    // or a loop with nothing ready would spin (REPL, vm/interrupt.rs).
    if let Some(e) = vm.take_interrupt() {
        return Err(e);
    }
    // Move due timers to the ready queue (no clock read and no look at
    // the heap when there are no timers: nothing since `first_timer`
    // was read can have added one).
    let end_time = if first_timer.is_some() { now(vm) + CLOCK_RESOLUTION } else { f64::NEG_INFINITY };
    while first_timer.is_some() {
        let lo = lp(vm, l);
        let Some(top) = lo.timers.peek().copied() else { break };
        if top.when >= end_time {
            break;
        }
        lo.timers.pop();
        lo.ready.push_back(Ready::Handle(top.handle));
        if let Some(h) = handle(vm, Value::Obj(top.handle)) {
            h.scheduled = false;
        }
    }
    let ntodo = lp(vm, l).ready.len();
    // A task of this loop whose step ended in a bare `yield`: its next
    // step joins the end of the queue when the next item is taken (one
    // look-up of the loop for both). Nothing runs in between, so the
    // order is as if the step had scheduled itself.
    let mut resched: Option<ObjRef> = None;
    // A long pass (a burst of new tasks) runs in chunks: memory its items
    // free is given back as it goes, not only at its end. (One loop, so
    // `run_ready` stays inlined in it.)
    let mut left = ntodo;
    loop {
        let n = left.min(LONG_PASS_CHUNK);
        for _ in 0..n {
            let lo = lp(vm, l);
            if let Some(task) = resched.take() {
                lo.ready.push_back(Ready::Step { task, exc: Value::None });
            }
            let Some(item) = lo.ready.pop_front() else { break };
            resched = run_ready(vm, l, item)?;
            if vm.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
                vm.interrupt.store(false, std::sync::atomic::Ordering::Relaxed);
                if let Some(task) = resched {
                    push_ready(vm, l, Ready::Step { task, exc: Value::None });
                }
                let c = vm.exc.keyboard_interrupt;
                return Err(PyErr(vm.make_exception(c, vec![])));
            }
        }
        left -= n;
        if left == 0 {
            break;
        }
        give_back_memory(vm, l);
    }
    if let Some(task) = resched {
        push_ready(vm, l, Ready::Step { task, exc: Value::None });
    }
    if vm.heap.should_collect() {
        vm.collect_garbage();
        give_back_memory(vm, l);
    }
    Ok(())
}

/// Items of a long pass between two `give_back_memory` checks.
const LONG_PASS_CHUNK: usize = 1024;

/// A burst (100 000 tasks created at once) leaves the ready queue's
/// buffer at its peak size (48 bytes an entry) for good: give most of it
/// back once drained, and the slot table's old copy if the table grew.
/// Checked after a pass's collection (which such a burst always brings)
/// and every `LONG_PASS_CHUNK` items of a long pass (its own items drain
/// the queue: 100 000 parked tasks' first steps), never per item.
#[inline(never)]
fn give_back_memory(vm: &mut Vm, l: ObjRef) {
    let lo = lp(vm, l);
    let mut freed = false;
    if lo.ready.capacity() > 4096 && lo.ready.len() < lo.ready.capacity() / 8 {
        // Only a buffer of 3 MB or more is worth a forced collect.
        freed = lo.ready.capacity() > 65536;
        let keep = (lo.ready.len() * 2).max(1024);
        lo.ready.shrink_to(keep);
    }
    if vm.heap.table_grew() || freed {
        crate::runtime::heap::release_freed_memory();
    }
}

/// Poll for I/O (there is none): wait for the first timer, or, under the
/// virtual clock, tick and jump to it.
fn select(vm: &mut Vm, l: ObjRef, timeout: Option<f64>) -> PyResult<()> {
    let virtual_time = vm.ext.asyncio.clock.virtual_time;
    if virtual_time {
        let clock = &mut vm.ext.asyncio.clock;
        clock.now += TICK;
        if timeout == Some(0.0) {
            return Ok(());
        }
        let first = lp(vm, l).timers.peek().map(|t| t.when);
        match first {
            Some(when) => {
                let clock = &mut vm.ext.asyncio.clock;
                if when > clock.now {
                    clock.now = when;
                }
            }
            None => return Err(deadlock(vm)),
        }
        return Ok(());
    }
    match timeout {
        Some(t) if t > 0.0 => {
            let flag = vm.interrupt.clone();
            vm.ext.asyncio.clock.sleep(t, &flag);
        }
        Some(_) => {}
        None => return Err(deadlock(vm)),
    }
    Ok(())
}

#[cold]
fn deadlock(vm: &mut Vm) -> PyErr {
    vm.runtime_error("deadlock: the event loop has no ready callbacks and no scheduled timers, so nothing can ever wake up the tasks that are waiting")
}

/// Run one ready item. Some(task): a task of loop `l` whose next step
/// the caller schedules (see `future::task_step_run`).
#[inline]
fn run_ready(vm: &mut Vm, l: ObjRef, item: Ready) -> PyResult<Option<ObjRef>> {
    let (task, resched_on) = match item {
        Ready::Step { task, exc } => (task, future::task_step_run(vm, task, exc)?),
        Ready::Wakeup { task, fut } => (task, future::task_wakeup_run(vm, task, Value::Obj(fut))?),
        other => {
            run_callback_item(vm, l, other)?;
            return Ok(None);
        }
    };
    match resched_on {
        Some(lo) if lo == l => Ok(Some(task)),
        Some(lo) => {
            push_ready(vm, lo, Ready::Step { task, exc: Value::None });
            Ok(None)
        }
        None => Ok(None),
    }
}

/// A handle or a done callback from the ready queue.
fn run_callback_item(vm: &mut Vm, l: ObjRef, item: Ready) -> PyResult<()> {
    match item {
        Ready::Step { .. } | Ready::Wakeup { .. } => Ok(()),
        Ready::Handle(h) => {
            let (cancelled, cb, args, ctx) = match handle(vm, Value::Obj(h)) {
                Some(hd) => (hd.cancelled, hd.callback, hd.args.clone(), hd.context),
                None => return Ok(()),
            };
            if cancelled {
                return Ok(());
            }
            let prev = enter_context(vm, ctx)?;
            let r = call_callback(vm, l, cb, &args, Some(h));
            leave_context(vm, prev);
            r
        }
        Ready::Call { func, arg, ctx } => {
            let prev = enter_context(vm, ctx)?;
            let r = call_callback(vm, l, func, &[arg], None);
            leave_context(vm, prev);
            r
        }
        Ready::Gather { state, fut } => match super::gather::child_done(vm, state, Value::Obj(fut)) {
            Ok(()) => Ok(()),
            // Reported as the Python closure's failure would be.
            Err(e) => {
                let func = super::gather::closure_of(vm, state).unwrap_or(Value::None);
                report_callback_error(vm, l, func, None, e)
            }
        },
    }
}

/// The context a new handle or task records: a copy of the current one,
/// or None while contextvars have never been used (the common case,
/// which then costs nothing).
pub fn capture_context(vm: &mut Vm) -> Value {
    if vm.ext.context.is_some() {
        crate::stdlib::contextvars::copy_current(vm)
    } else {
        Value::None
    }
}

/// Switch to `ctx` for a callback or task step (an empty context when
/// `ctx` is None but contextvars are in use). `Some(prev)` to restore.
pub fn enter_context(vm: &mut Vm, ctx: Value) -> PyResult<Option<Option<ObjRef>>> {
    if ctx.is_none() {
        if vm.ext.context.is_none() {
            return Ok(None);
        }
        let empty = crate::stdlib::contextvars::new_empty(vm);
        return crate::stdlib::contextvars::enter(vm, empty).map(Some);
    }
    crate::stdlib::contextvars::enter(vm, ctx).map(Some)
}

pub fn leave_context(vm: &mut Vm, prev: Option<Option<ObjRef>>) {
    match prev {
        Some(p) => crate::stdlib::contextvars::leave(vm, p),
        // Ran with no context: one the callback created is a one-off.
        None => vm.ext.context = None,
    }
}

/// Run a callback; exceptions go to the loop's exception handler (except
/// KeyboardInterrupt and SystemExit, which stop the loop).
fn call_callback(vm: &mut Vm, l: ObjRef, cb: Value, args: &[Value], handle: Option<ObjRef>) -> PyResult<()> {
    match vm.call_value(cb, args, &[]) {
        Ok(_) => Ok(()),
        Err(e) => report_callback_error(vm, l, cb, handle, e),
    }
}

/// A callback raised `e`: to the loop's exception handler, unless it is
/// KeyboardInterrupt or SystemExit.
fn report_callback_error(vm: &mut Vm, l: ObjRef, cb: Value, handle: Option<ObjRef>, e: PyErr) -> PyResult<()> {
    let (ki, se) = (vm.exc.keyboard_interrupt, vm.exc.system_exit);
    if vm.is_instance_of(e.value(), ki) || vm.is_instance_of(e.value(), se) {
        return Err(e);
    }
    let desc = match handle {
        Some(h) => vm.to_repr_string(Value::Obj(h)).unwrap_or_default(),
        None => vm.to_repr_string(cb).unwrap_or_default(),
    };
    // "Exception in callback <Handle f() at x.py:3>" (the handle repr
    // without its angle brackets, as CPython words it).
    let shown = desc.strip_prefix("<Handle ").and_then(|d| d.strip_suffix('>')).unwrap_or(&desc).to_string();
    let msg = vm.new_str(format!("Exception in callback {}", shown));
    let mut pairs = vec![("message", msg), ("exception", e.value())];
    if let Some(h) = handle {
        pairs.push(("handle", Value::Obj(h)));
    }
    super::exc_handler::report(vm, l, &pairs)?;
    Ok(())
}

/// `loop.run_forever()`.
pub fn run_forever(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    check_closed(vm, l)?;
    if lp(vm, l).running {
        return Err(vm.runtime_error("This event loop is already running"));
    }
    if another_loop_running(vm) {
        return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
    }
    // The REPL may have marked its loop as running (see `another_loop_running`).
    let prev_running = vm.ext.asyncio.running_loop;
    lp(vm, l).running = true;
    vm.ext.asyncio.running_loop = Some(l);
    let r = loop {
        if let Err(e) = run_once(vm, l) {
            break Err(e);
        }
        if lp(vm, l).stopping {
            break Ok(());
        }
    };
    let lo = lp(vm, l);
    lo.stopping = false;
    lo.running = false;
    vm.ext.asyncio.running_loop = prev_running;
    r
}

/// Whether a loop is really running. The REPL (`vm/interactive.rs`) marks
/// its session loop as the running loop while a line of synchronous code
/// runs, so `asyncio.create_task()` works at the prompt as in
/// `python -m asyncio`; that loop is not inside `run_forever`, so running
/// a loop from such a line (`loop.run_until_complete(...)`) is allowed.
fn another_loop_running(vm: &mut Vm) -> bool {
    match vm.ext.asyncio.running_loop {
        Some(r) => lp(vm, r).running,
        None => false,
    }
}

/// `loop.run_until_complete(future)`.
pub fn run_until_complete(vm: &mut Vm, l: ObjRef, fut: Value) -> PyResult<Value> {
    check_closed(vm, l)?;
    if lp(vm, l).running {
        return Err(vm.runtime_error("This event loop is already running"));
    }
    if another_loop_running(vm) {
        return Err(vm.runtime_error("Cannot run the event loop while another loop is running"));
    }
    let f = crate::asyncio::module::ensure_future(vm, fut, Some(l))?;
    vm.ext.asyncio.roots.push(f);
    let stopper = vm.native_bound("_run_until_complete_cb", crate::asyncio::module::run_until_complete_cb, Value::Obj(l));
    add_done_callback_any(vm, f, stopper)?;
    let r = run_forever(vm, l);
    remove_done_callback_any(vm, f, stopper);
    if let Some(pos) = vm.ext.asyncio.roots.iter().rposition(|v| v.is(f)) {
        vm.ext.asyncio.roots.remove(pos);
    }
    r?;
    if !future::done_any(vm, f)? {
        return Err(vm.runtime_error("Event loop stopped before Future completed."));
    }
    if future::is_future(vm, f) {
        return future::result(vm, f);
    }
    vm.call_method(f, "result", &[])
}

pub fn add_done_callback_any(vm: &mut Vm, f: Value, cb: Value) -> PyResult<()> {
    if future::is_future(vm, f) {
        future::add_done_callback(vm, f, Callback::Py(cb, Value::None));
        return Ok(());
    }
    vm.call_method(f, "add_done_callback", &[cb])?;
    Ok(())
}

fn remove_done_callback_any(vm: &mut Vm, f: Value, cb: Value) {
    if let Some(x) = future::fut(vm, f) {
        let kept = x.callbacks().filter(|c| !matches!(c, Callback::Py(v, _) if v.is(cb))).collect();
        x.set_callbacks(kept);
        return;
    }
    let _ = vm.call_method(f, "remove_done_callback", &[cb]);
}

/// `loop.close()`.
pub fn close(vm: &mut Vm, l: ObjRef) -> PyResult<()> {
    if lp(vm, l).running {
        return Err(vm.runtime_error("Cannot close a running event loop"));
    }
    let lo = lp(vm, l);
    if lo.closed {
        return Ok(());
    }
    lo.closed = true;
    lo.ready.clear();
    lo.timers.items.clear();
    lo.timer_cancelled_count = 0;
    Ok(())
}
