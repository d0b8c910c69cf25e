//! Raising and unwinding: traceback entries, implicit exception chaining
//! (`__context__`), `raise X from Y`, finding handlers in the exception
//! table, popping frames (finishing generators on the way), exception
//! matching for `except`, `except*` splitting. Rendering tracebacks is
//! in `tbformat.rs`.

use crate::runtime::exception::{ExcObj, TbEntry};
use crate::runtime::generator::{GenKind, GenState};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{FrameReturn, PyErr, PyResult, Vm};

impl Vm {
    /// Handle an exception raised by the instruction before `ip` of the
    /// top frame: find a handler (Ok) or unwind frames until one is found.
    /// Returns `Err` when the exception leaves the frame that was entered
    /// from native code.
    pub(crate) fn raise_in_frame(&mut self, err: PyErr, add_tb: bool) -> PyResult<()> {
        let exc = err.0;
        if add_tb {
            self.set_context(exc);
        }
        let mut add_tb = add_tb;
        loop {
            let Some(frame) = self.frames.last_mut() else {
                return Err(PyErr(exc));
            };
            let at = frame.ip.saturating_sub(1);
            if add_tb {
                let entry = TbEntry { code: frame.code.clone(), line: frame.code.line_at(at) };
                if let ObjData::Exception(e) = self.heap.data_mut(exc) {
                    e.traceback.push(entry);
                }
            }
            add_tb = true;
            let frame = self.frames.last_mut().expect("checked");
            if let Some(h) = frame.code.handler_for(at as u32) {
                let sp = frame.base + frame.code.nlocalsplus() + h.depth as usize;
                frame.ip = h.target as usize;
                self.stack.truncate(sp);
                self.stack.push(Value::Obj(exc));
                return Ok(());
            }
            let frame = self.frames.pop().expect("checked");
            let mut exc_now = exc;
            if let Some(g) = frame.gen {
                self.finish_generator(g);
                exc_now = self.convert_stop_iteration(g, exc);
                if let FrameReturn::Anext { .. } = frame.ret {
                    self.set_ag_running(g, false);
                }
            } else if let FrameReturn::Await { .. } = frame.ret {
                // A coroutine run in place (vm/generator.rs
                // `push_awaited_coroutine`), as `finish_generator` would.
                self.exc_info = Value::None;
                exc_now = self.convert_stop_iteration_kind(GenKind::Coroutine, exc);
            }
            self.stack.truncate(frame.ret_sp);
            if frame.ret == FrameReturn::Native {
                return Err(PyErr(exc_now));
            }
            if exc_now != exc {
                return self.raise_in_frame(PyErr(exc_now), true);
            }
        }
    }

    /// PEP 479: StopIteration escaping a generator becomes RuntimeError.
    fn convert_stop_iteration(&mut self, g: ObjRef, exc: ObjRef) -> ObjRef {
        let kind = match self.heap.data(g) {
            ObjData::Generator(gen) => gen.kind,
            _ => return exc,
        };
        self.convert_stop_iteration_kind(kind, exc)
    }

    fn convert_stop_iteration_kind(&mut self, kind: GenKind, exc: ObjRef) -> ObjRef {
        let si = self.exc.stop_iteration;
        let sai = self.exc.stop_async_iteration;
        let (matches, msg) = match kind {
            GenKind::Generator => (self.isinstance_exc(Value::Obj(exc), si), "generator raised StopIteration"),
            GenKind::Coroutine => (self.isinstance_exc(Value::Obj(exc), si), "coroutine raised StopIteration"),
            GenKind::AsyncGenerator => {
                if self.isinstance_exc(Value::Obj(exc), si) {
                    (true, "async generator raised StopIteration")
                } else {
                    (self.isinstance_exc(Value::Obj(exc), sai), "async generator raised StopAsyncIteration")
                }
            }
        };
        if !matches {
            return exc;
        }
        let e = self.runtime_error(msg).0;
        if let ObjData::Exception(x) = self.heap.data_mut(e) {
            x.cause = Value::Obj(exc);
            x.context = Value::Obj(exc);
            x.suppress_context = true;
        }
        e
    }

    /// Implicit chaining: a new exception raised while another is handled
    /// gets it as `__context__` (breaking any cycle that would form).
    fn set_context(&mut self, exc: ObjRef) {
        let Value::Obj(handled) = self.exc_info else { return };
        if handled == exc {
            return;
        }
        // Break cycles: if `exc` appears in handled's context chain, cut it.
        let mut cur = handled;
        let mut steps = 0;
        loop {
            let next = match self.heap.data(cur) {
                ObjData::Exception(e) => e.context,
                _ => break,
            };
            match next {
                Value::Obj(n) if n == exc => {
                    if let ObjData::Exception(e) = self.heap.data_mut(cur) {
                        e.context = Value::None;
                    }
                    break;
                }
                Value::Obj(n) => {
                    cur = n;
                    steps += 1;
                    if steps > 10_000 {
                        break;
                    }
                }
                _ => break,
            }
        }
        if let ObjData::Exception(e) = self.heap.data_mut(exc) {
            e.context = Value::Obj(handled);
        }
    }

    /// `Raise(n)`: build the exception to raise.
    pub(crate) fn do_raise(&mut self, n: u32) -> PyErr {
        match n {
            0 => match self.exc_info {
                Value::Obj(e) => PyErr(e),
                _ => self.runtime_error("No active exception to reraise"),
            },
            _ => {
                let cause = if n == 2 { Some(self.pop()) } else { None };
                let v = self.pop();
                let exc = match self.make_raisable(v) {
                    Ok(e) => e,
                    Err(e) => return e,
                };
                if let Some(c) = cause {
                    let c = match c {
                        Value::None => Value::None,
                        other => match self.make_raisable(other) {
                            Ok(ce) => Value::Obj(ce),
                            Err(_) => return self.type_error("exception causes must derive from BaseException"),
                        },
                    };
                    if let ObjData::Exception(e) = self.heap.data_mut(exc) {
                        e.cause = c;
                        e.suppress_context = true;
                    }
                }
                PyErr(exc)
            }
        }
    }

    /// An exception instance from `raise X` (a class is instantiated).
    pub fn make_raisable(&mut self, v: Value) -> Result<ObjRef, PyErr> {
        let be = self.exc.base_exception;
        if let Value::Obj(r) = v {
            match self.heap.data(r) {
                ObjData::Exception(_) => return Ok(r),
                ObjData::Type(_) if self.is_subtype(r, be) => {
                    let inst = self.call_value(v, &[], &[])?;
                    if let Value::Obj(i) = inst {
                        if let ObjData::Exception(_) = self.heap.data(i) {
                            return Ok(i);
                        }
                    }
                    let tn = self.type_name(inst);
                    return Err(self.type_error(format!("calling {} should have returned an instance of BaseException, not {}", self.type_name(v), tn)));
                }
                _ => {}
            }
        }
        Err(self.type_error("exceptions must derive from BaseException"))
    }

    /// A value on the stack known to be an exception instance.
    pub(crate) fn as_exception(&mut self, v: Value) -> PyErr {
        match v {
            Value::Obj(r) if matches!(self.heap.data(r), ObjData::Exception(_)) => PyErr(r),
            _ => self.type_error("exceptions must derive from BaseException"),
        }
    }

    /// Whether exception instance `exc` is an instance of class `cls`.
    pub fn isinstance_exc(&self, exc: Value, cls: ObjRef) -> bool {
        self.is_instance_of(exc, cls)
    }

    /// `except T:` matching (T a class or a tuple of classes).
    pub(crate) fn exception_matches(&mut self, exc: Value, typ: Value) -> PyResult<bool> {
        // Like CPython, every class in the clause is checked before any
        // matching (a nested tuple is not allowed).
        let classes: Vec<Value> = match typ.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(items)) => items.to_vec(),
            _ => vec![typ],
        };
        let be = self.exc.base_exception;
        for &c in &classes {
            let ok = matches!(c.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Type(_))) && self.is_subtype(c.as_obj().expect("type"), be);
            if !ok {
                return Err(self.type_error("catching classes that do not inherit from BaseException is not allowed"));
            }
        }
        Ok(classes.iter().any(|c| self.is_instance_of(exc, c.as_obj().expect("type"))))
    }

    /// `except* T`: split an exception (group) into (rest, matched).
    pub(crate) fn exception_group_match(&mut self, eg: Value, typ: Value) -> PyResult<(Value, Value)> {
        let beg = self.exc.base_exception_group;
        if !self.is_instance_of(eg, beg) {
            // A naked exception is wrapped in a group when it matches.
            if self.exception_matches(eg, typ)? {
                let msg = self.new_str("");
                let excs = self.new_tuple(vec![eg]);
                let cls = self.exc.base_exception_group;
                let wrapped = self.call_value(Value::Obj(cls), &[msg, excs], &[])?;
                return Ok((Value::None, wrapped));
            }
            return Ok((eg, Value::None));
        }
        let pair = self.call_method(eg, "split", &[typ])?;
        match pair.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) if t.len() == 2 => Ok((t[1], t[0])),
            _ => Ok((eg, Value::None)),
        }
    }

    #[cold]
    pub(crate) fn unbound_local(&mut self, name: &str) -> PyErr {
        let c = self.exc.unbound_local_error;
        self.new_error(c, format!("cannot access local variable '{}' where it is not associated with a value", name))
    }

    /// Build an exception instance of `cls` with a message (native code).
    pub fn exception_with_message(&mut self, cls: ObjRef, msg: &str) -> Value {
        let m = self.new_str(msg);
        let args = self.new_tuple(vec![m]);
        self.alloc(cls, ObjData::Exception(Box::new(ExcObj::new(args))))
    }

    /// Mark a generator finished after its frame returned or raised.
    #[inline(never)]
    /// An async generator's `asend`/`athrow` step starts or ends.
    pub(crate) fn set_ag_running(&mut self, g: ObjRef, running: bool) {
        if let ObjData::Generator(gen) = self.heap.data_mut(g) {
            gen.ag_running = running;
        }
    }

    pub(crate) fn finish_generator(&mut self, g: ObjRef) {
        let Vm { heap, stack, exc_info, .. } = self;
        if let ObjData::Generator(gen) = heap.data_mut(g) {
            gen.state = GenState::Closed;
            if gen.on_own_stack {
                // Running on its own vector: the resumer's stack comes back
                // (see `push_gen_frame`).
                std::mem::swap(stack, &mut gen.frame.stack);
                gen.on_own_stack = false;
            }
            gen.frame.stack = Vec::new();
            *exc_info = gen.resumer_exc;
        }
    }
}
