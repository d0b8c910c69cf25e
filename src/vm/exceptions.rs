//! Raising and unwinding: traceback entries, implicit exception chaining
//! (`__context__`), `raise X from Y`, finding handlers in the exception
//! table, popping frames (finishing generators on the way), exception
//! matching for `except`, `except*` splitting, and rendering tracebacks
//! exactly as CPython prints them.

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

    // ---- rendering ----

    /// The `str()` of an exception (its message).
    pub fn exception_message(&mut self, exc: Value) -> String {
        match self.to_str_string(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// `Module.Class` as CPython prints it in the last traceback line.
    pub fn exception_type_label(&mut self, exc: Value) -> String {
        let cls = self.type_of(exc);
        let (name, module) = match self.heap.data(cls) {
            ObjData::Type(t) => {
                let d = t.dict;
                let n = t.qualname.clone();
                let mname = self.names.__module__;
                let m = self.dict_get_str(d, mname);
                (n, m.and_then(|m| self.str_of(m).map(|s| s.to_string())))
            }
            _ => ("?".into(), None),
        };
        match module.as_deref() {
            None | Some("builtins") | Some("__main__") => name,
            Some(m) => format!("{}.{}", m, name),
        }
    }

    /// The last line: `ValueError: boom`.
    pub fn exception_line(&mut self, exc: Value) -> String {
        let label = self.exception_type_label(exc);
        let msg = self.exception_message(exc);
        if msg.is_empty() {
            label
        } else {
            format!("{}: {}", label, msg)
        }
    }

    /// Full CPython-style rendering, with the cause/context chain.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut out = String::new();
        let mut seen = Vec::new();
        self.format_exception_chain(exc, &mut out, &mut seen);
        out
    }

    fn format_exception_chain(&mut self, exc: Value, out: &mut String, seen: &mut Vec<ObjRef>) {
        let Value::Obj(r) = exc else { return };
        seen.push(r);
        let (cause, context, suppress) = match self.heap.data(r) {
            ObjData::Exception(e) => (e.cause, e.context, e.suppress_context),
            _ => (Value::None, Value::None, false),
        };
        if let Value::Obj(c) = cause {
            if !seen.contains(&c) {
                self.format_exception_chain(cause, out, seen);
                out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let (Value::Obj(c), false) = (context, suppress) {
            if !seen.contains(&c) {
                self.format_exception_chain(context, out, seen);
                out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        let tb: Vec<TbEntry> = match self.heap.data(r) {
            ObjData::Exception(e) => e.traceback.clone(),
            _ => Vec::new(),
        };
        if !tb.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            // Like CPython, a run of identical frames (same file, line and
            // function) shows three times, then one summary line.
            let mut last: Option<(&str, u32, &str)> = None;
            let mut repeats = 0usize;
            for entry in tb.iter().rev() {
                let key = (entry.code.source.name.as_str(), entry.line, entry.code.name.as_str());
                if last == Some(key) {
                    repeats += 1;
                } else {
                    push_repeat_summary(out, repeats);
                    last = Some(key);
                    repeats = 1;
                }
                if repeats > 3 {
                    continue;
                }
                out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.code.source.name, entry.line, entry.code.name));
                if let Some(text) = entry.code.source.line_text(entry.line) {
                    let t = text.trim();
                    if !t.is_empty() {
                        out.push_str(&format!("    {}\n", t));
                    }
                }
            }
            push_repeat_summary(out, repeats);
        }
        // A SyntaxError raised at run time (compile(), import) shows its
        // location like the compiler does.
        if let Some(extra) = self.syntax_error_detail(exc) {
            out.push_str(&extra);
        }
        let line = self.exception_line(exc);
        out.push_str(&line);
        if let Some(s) = self.suggestion_for(exc) {
            out.push_str(&format!(". Did you mean: '{}'?", s));
        }
        out.push('\n');
    }

    /// The "Did you mean" name for a NameError (found when raised) or an
    /// AttributeError (from `dir()` of its `obj`).
    fn suggestion_for(&mut self, exc: Value) -> Option<String> {
        let r = exc.as_obj()?;
        if let ObjData::Exception(e) = self.heap.data(r) {
            if let Some(s) = &e.suggestion {
                return Some(s.to_string());
            }
        }
        let ae = self.exc.attribute_error;
        if !self.isinstance_exc(exc, ae) {
            return None;
        }
        let dict = match self.heap.data(r) {
            ObjData::Exception(e) => e.dict?,
            _ => return None,
        };
        let (nk, ok) = (self.intern("name"), self.intern("obj"));
        let name = self.dict_get_str(dict, nk)?;
        let obj = self.dict_get_str(dict, ok)?;
        let name = self.str_of(name)?.to_string();
        let listed = crate::builtins::functions::dir_of(self, obj).ok()?;
        let names: Vec<String> = listed.iter().filter_map(|v| self.str_of(*v).map(str::to_string)).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::vm::suggest::closest(&refs, &name).map(str::to_string)
    }

    fn syntax_error_detail(&mut self, exc: Value) -> Option<String> {
        let se = self.exc.syntax_error;
        if !self.is_instance_of(exc, se) {
            return None;
        }
        let filename = self.get_attr_str(exc, "filename").ok()?;
        let lineno = self.get_attr_str(exc, "lineno").ok()?;
        let text = self.get_attr_str(exc, "text").ok()?;
        let offset = self.get_attr_str(exc, "offset").ok()?;
        let f = self.str_of(filename)?.to_string();
        let Value::Int(l) = lineno else { return None };
        let mut s = format!("  File \"{}\", line {}\n", f, l);
        if let Some(t) = self.str_of(text) {
            let trimmed = t.trim_start();
            let indent = t.chars().count() - trimmed.chars().count();
            let shown = trimmed.trim_end_matches(['\n', '\r']);
            s.push_str(&format!("    {}\n", shown.trim_end()));
            if let Value::Int(o) = offset {
                let col = (o as usize).saturating_sub(1).saturating_sub(indent);
                s.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
        Some(s)
    }

    /// Print an uncaught exception to stderr.
    pub fn print_exception(&mut self, exc: Value) {
        let text = self.format_exception(exc);
        self.out.flush_stdout();
        eprint!("{}", text);
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

/// The line that stands for frames hidden after three identical ones.
fn push_repeat_summary(out: &mut String, repeats: usize) {
    if repeats > 3 {
        let more = repeats - 3;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", more, if more == 1 { "" } else { "s" }));
    }
}
