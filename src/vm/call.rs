//! Calls: the calling convention of the `Call*` instructions, argument
//! binding with CPython's error messages, frames for Python functions
//! (pushed, never recursed into), generator creation, class
//! instantiation, and `call_value` for native code calling into Python.

use std::rc::Rc;

use crate::bytecode::{flags, CodeObject};
use crate::runtime::class::Layout;
use crate::runtime::exception::ExcObj;
use crate::runtime::function::{Function, NativeKind};
use crate::runtime::generator::{GenKind, GenObj, GenState, SavedFrame};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::run::RunExit;
use crate::vm::{Frame, FrameReturn, KwArgs, PyErr, PyResult, Vm};

/// Bound on native re-entries into the dispatch loop, independent of the
/// Python recursion limit, so deep `__repr__`/`__eq__` recursion cannot
/// exhaust the (large) interpreter stack.
const MAX_NATIVE_DEPTH: usize = 2_000;

impl Vm {
    /// `Call`/`CallKw`: the stack holds `callable self_or_NULL args..`
    /// (`kwnames` names the last args). Returns true if a frame was pushed.
    pub(crate) fn call_instr(&mut self, argc: usize, kwnames: Option<Value>) -> PyResult<bool> {
        let len = self.stack.len();
        let callee_pos = len - argc - 2;
        let mut callable = self.stack[callee_pos];
        let mut args_start = callee_pos + 2;
        let mut nargs = argc;
        let self_undef = self.stack[callee_pos + 1].is_undef();
        if !self_undef {
            args_start = callee_pos + 1;
            nargs = argc + 1;
        }
        // Keyword (name, value) pairs: up to 8 in a buffer on the Rust
        // stack, not a `Vec` per call. They end at the stack top.
        let kwbuf: [(Value, Value); 8];
        let kwvec: Vec<(Value, Value)>;
        let kw: KwArgs = match kwnames {
            None => &[],
            Some(names_v) => {
                let names: &[Value] = match names_v.as_obj().map(|r| self.heap.data(r)) {
                    Some(ObjData::Tuple(t)) => t,
                    _ => &[],
                };
                let n = names.len();
                if n <= 8 {
                    let mut b = [(Value::Undef, Value::Undef); 8];
                    for (k, (&name, &v)) in names.iter().zip(&self.stack[len - n..]).enumerate() {
                        b[k] = (name, v);
                    }
                    kwbuf = b;
                    &kwbuf[..n]
                } else {
                    kwvec = self.kw_from_stack(names_v, len);
                    &kwvec
                }
            }
        };
        // One look at the callee's payload for the common cases.
        if let Value::Obj(r) = callable {
            match self.heap.data(r) {
                ObjData::Function(_) => {
                    let npos = nargs - kw.len();
                    self.stack.truncate(args_start + npos);
                    return self.push_py_frame(r, args_start, npos, kw, callee_pos, FrameReturn::Push);
                }
                ObjData::Type(_) => {
                    let npos = nargs - kw.len();
                    self.stack.truncate(args_start + npos);
                    return self.call_type_instr(r, callee_pos, args_start, npos, kw);
                }
                // A built-in function, or a method found by `LoadMethod`
                // (self is the first arg): call it straight away, as
                // `call_value` would, without its dispatch and the
                // out-of-line `call_stack_args` (`len(x)`, `l.append(v)`,
                // `asyncio.sleep(0)`).
                ObjData::Native(n) if n.bound.is_undef() => {
                    let func = n.func;
                    let npos = nargs - kw.len();
                    // One or two arguments in an array of their size: the
                    // general 8-slot buffer is filled and then copied by
                    // a `memcpy` call. (A separate small function for
                    // this case saved ~20 more instructions per native
                    // call but cost every other callee ~20: await_chain
                    // +2.7 %.)
                    let result = match npos {
                        1 => {
                            let a = [self.stack[args_start]];
                            func(self, &a, kw)
                        }
                        2 => {
                            // `g.send(v)` on a generator: its frame runs in
                            // this dispatch loop, not a nested one
                            // (generator.rs `push_send_call`).
                            if std::ptr::fn_addr_eq(func, crate::builtins::types::gen_send as crate::runtime::function::NativeFn) && kw.is_empty() && self.push_send_call(callee_pos) {
                                return Ok(true);
                            }
                            let a = [self.stack[args_start], self.stack[args_start + 1]];
                            func(self, &a, kw)
                        }
                        _ => self.with_stack_args(args_start, npos, |vm, args| func(vm, args, kw)),
                    }?;
                    self.stack.truncate(callee_pos);
                    self.stack.push(result);
                    return Ok(false);
                }
                // Unpack a bound method in place: [func, self, args..].
                ObjData::BoundMethod(b) if self_undef => {
                    let (s, f) = **b;
                    self.stack[callee_pos] = f;
                    self.stack[callee_pos + 1] = s;
                    callable = f;
                    args_start = callee_pos + 1;
                    nargs = argc + 1;
                    if let Value::Obj(fr) = f {
                        match self.heap.data(fr) {
                            ObjData::Function(_) => {
                                let npos = nargs - kw.len();
                                self.stack.truncate(args_start + npos);
                                // `m = obj.meth; m(x)`: the plain frame
                                // when the signature allows it.
                                if kw.is_empty() && self.push_plain_frame_defaulted(fr, callee_pos, args_start, npos).is_some() {
                                    return Ok(true);
                                }
                                return self.push_py_frame(fr, args_start, npos, kw, callee_pos, FrameReturn::Push);
                            }
                            ObjData::Type(_) => {
                                let npos = nargs - kw.len();
                                self.stack.truncate(args_start + npos);
                                return self.call_type_instr(fr, callee_pos, args_start, npos, kw);
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        let npos = nargs - kw.len();
        let result = self.call_stack_args(callable, args_start, npos, kw)?;
        self.stack.truncate(callee_pos);
        self.stack.push(result);
        Ok(false)
    }

    /// `Call` of a Python function (or a method `LoadMethod` found) with
    /// its positional parameters (trailing ones may take their defaults),
    /// no keyword-only parameters, cell variables or
    /// generator flags (free variables are fine: their cells are pushed
    /// from the closure): the frame is pushed here, inlined in
    /// the dispatch loop, without `call_instr` and `push_py_frame` (two
    /// calls with large prologues and a `PyResult<bool>` packed in a
    /// register). None: nothing was done, take the general path (which
    /// also reports a too-deep recursion). Some: the new frame's code (owned
    /// by the frame, which holds an `Rc` of it) and its `base`, so the
    /// dispatch loop switches to it without reading the frame back.
    #[inline(always)]
    pub(crate) fn push_plain_frame(&mut self, argc: usize) -> Option<(*const CodeObject, usize)> {
        let len = self.stack.len();
        let callee_pos = len.wrapping_sub(argc + 2);
        let (Some(&Value::Obj(r)), Some(self_slot)) = (self.stack.get(callee_pos), self.stack.get(callee_pos.wrapping_add(1))) else {
            return None;
        };
        let ObjData::Function(f) = self.heap.data(r) else { return None };
        let (args_start, nargs) = if self_slot.is_undef() { (callee_pos + 2, argc) } else { (callee_pos + 1, argc + 1) };
        if nargs != f.plain_argcount as usize {
            return self.push_plain_frame_defaulted(r, callee_pos, args_start, nargs);
        }
        // `ndefaulted` 0 is a constant here: the defaults code folds away
        // (a loop over no defaults cost every plain call ~10 Ir).
        enter_plain_frame(&mut self.stack, &mut self.frames, self.recursion_limit, f, callee_pos, args_start, 0)
    }

    /// `push_plain_frame` for a call that leaves out trailing parameters
    /// with defaults, out of line (also used by `call_instr` for a bound
    /// method unpacked in place, with any number of defaults taken).
    #[inline(never)]
    fn push_plain_frame_defaulted(&mut self, r: ObjRef, callee_pos: usize, args_start: usize, nargs: usize) -> Option<(*const CodeObject, usize)> {
        let ObjData::Function(f) = self.heap.data(r) else { return None };
        if f.plain_argcount == u32::MAX {
            return None;
        }
        let argcount = f.plain_argcount as usize;
        if nargs > argcount || argcount - nargs > f.defaults.len() {
            return None;
        }
        enter_plain_frame(&mut self.stack, &mut self.frames, self.recursion_limit, f, callee_pos, args_start, argcount - nargs)
    }

    /// Read keyword (name, value) pairs off the stack top; `end` is the
    /// stack length where the args end.
    fn kw_from_stack(&self, names: Value, end: usize) -> Vec<(Value, Value)> {
        let names: &[Value] = match names.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) => t,
            _ => &[],
        };
        let start = end - names.len();
        names.iter().zip(&self.stack[start..end]).map(|(&n, &v)| (n, v)).collect()
    }

    /// Call with positional args that sit on the stack at
    /// `[start, start + n)` (they stay rooted during the call).
    fn call_stack_args(&mut self, callable: Value, start: usize, n: usize, kw: KwArgs) -> PyResult<Value> {
        self.with_stack_args(start, n, |vm, args| vm.call_value(callable, args, kw))
    }

    /// Run `f` on a copy of the `n` stack values from `start` (the callee
    /// may push onto the stack, so its arguments cannot stay borrowed from
    /// it); up to 8 of them without a heap allocation.
    #[inline(always)]
    fn with_stack_args<R>(&mut self, start: usize, n: usize, f: impl FnOnce(&mut Self, &[Value]) -> R) -> R {
        if n <= 8 {
            let mut buf = [Value::Undef; 8];
            buf[..n].copy_from_slice(&self.stack[start..start + n]);
            f(self, &buf[..n])
        } else {
            let args = self.stack[start..start + n].to_vec();
            f(self, &args)
        }
    }

    /// `CallEx`: `callable NULL args_tuple [kwargs_dict]`.
    pub(crate) fn call_ex(&mut self, has_kw: bool) -> PyResult<bool> {
        let kwargs = if has_kw { self.pop() } else { Value::Undef };
        let args = self.pop();
        let callee_pos = self.stack.len() - 2;
        let callable = self.stack[callee_pos];
        let pos = match args.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) => t.to_vec(),
            _ => match self.collect_iterable(args) {
                Ok(items) => items,
                Err(e) => return Err(self.star_arg_error(e, callable, args)),
            },
        };
        let mut kw = Vec::new();
        if has_kw {
            if let Some(ObjData::Dict(d)) = kwargs.as_obj().map(|r| self.heap.data(r)) {
                kw = d.iter().collect();
            }
        }
        // Keep args and kwargs rooted while binding.
        self.stack.push(args);
        self.stack.push(kwargs);
        if let Value::Obj(r) = callable {
            if let ObjData::Function(_) = self.heap.data(r) {
                self.stack.truncate(callee_pos + 2);
                let args_start = callee_pos + 2;
                self.stack.extend_from_slice(&pos);
                return self.push_py_frame_rooted(r, args_start, pos.len(), kw, callee_pos, args, kwargs);
            }
        }
        let result = self.call_value(callable, &pos, &kw)?;
        self.stack.truncate(callee_pos);
        self.stack.push(result);
        Ok(false)
    }

    /// `f(*x)` with a non-iterable `x`: CPython's message names `f`.
    #[cold]
    fn star_arg_error(&mut self, e: PyErr, callable: Value, arg: Value) -> PyErr {
        let te = self.exc.type_error;
        let (iter_name, getitem_name) = (self.names.__iter__, self.names.__getitem__);
        let iterable = self.lookup_special(arg, iter_name).is_some() || self.lookup_special(arg, getitem_name).is_some();
        if !self.isinstance_exc(e.value(), te) || iterable {
            return e;
        }
        let fname = self.callable_name(callable);
        let tn = self.type_name(arg);
        self.type_error(format!("{} argument after * must be an iterable, not {}", fname, tn))
    }

    /// Like `push_py_frame`, keeping `extra` values rooted while keyword
    /// arguments are bound (they come from a dict that is about to be
    /// dropped from the stack).
    #[allow(clippy::too_many_arguments)]
    fn push_py_frame_rooted(&mut self, func: ObjRef, args_start: usize, npos: usize, kw: Vec<(Value, Value)>, ret_sp: usize, a: Value, b: Value) -> PyResult<bool> {
        self.temp_roots.push(a);
        self.temp_roots.push(b);
        let r = self.push_py_frame(func, args_start, npos, &kw, ret_sp, FrameReturn::Push);
        self.temp_roots.pop();
        self.temp_roots.pop();
        r
    }

    /// Set up a frame for a Python function whose `npos` positional args
    /// sit at `stack[args_start..]` (keyword args in `kw`). For generator
    /// functions, build the generator object instead and leave it at
    /// `ret_sp`. Returns true if a frame was pushed.
    pub(crate) fn push_py_frame(&mut self, func: ObjRef, args_start: usize, npos: usize, kw: KwArgs, ret_sp: usize, ret: FrameReturn) -> PyResult<bool> {
        let (mut code, globals) = match self.heap.data(func) {
            ObjData::Function(f) => (f.code.clone(), f.globals),
            _ => unreachable!("push_py_frame on a non-function"),
        };
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        if !(kw.is_empty() && npos == code.argcount as usize && code.is_simple_signature()) {
            // First call of a function from the code cache (a stub's
            // signature is never simple: `flags::STUB`).
            if code.flags & flags::STUB != 0 {
                code = self.load_function_code(func, &code)?;
            }
            if !(kw.is_empty() && code.is_simple_signature() && self.push_defaults(func, &code, args_start, npos)) {
                self.bind_args(func, &code, args_start, npos, kw)?;
            }
        }
        unbound_locals_to(&mut self.stack, args_start + code.nlocals as usize);
        self.push_cells(func, &code, args_start);
        if code.is_generator_like() {
            // `await f(...)`: run the coroutine's frame in place (generator.rs).
            if ret == FrameReturn::Push && self.push_awaited_coroutine(&code, globals, args_start, ret_sp) {
                return Ok(true);
            }
            let g = self.make_generator(func, code, globals, args_start);
            self.stack.truncate(ret_sp);
            self.stack.push(g);
            if ret == FrameReturn::Init {
                return Err(self.type_error("__init__() should return None, not 'generator'"));
            }
            return Ok(false);
        }
        // The spare slot is reserved before the `Frame` is built, so LLVM
        // can store the fields straight into the vector: `Vec::push`
        // assembled it in a stack temporary (partly with 4-byte stores)
        // and copied it with 16-byte loads, a store-forwarding stall that
        // was 28 % of push_py_frame's samples in fib (perf annotate).
        self.frames.reserve(1);
        let len = self.frames.len();
        self.frames.spare_capacity_mut()[0].write(Frame { code, ip: 0, base: args_start, ret_sp, globals, locals: None, gen: None, ret });
        // SAFETY: `reserve(1)` left a spare slot at index `len`, and
        // `write` just initialised it.
        unsafe { self.frames.set_len(len + 1) };
        Ok(true)
    }

    /// Positional-only call of a simple signature that leaves out some
    /// parameters with defaults: push the missing defaults in place after
    /// the args (no binding `Vec`, no copy of the defaults). False if the
    /// call needs `bind_args` (too few/many args: it raises).
    #[inline]
    fn push_defaults(&mut self, func: ObjRef, code: &CodeObject, args_start: usize, npos: usize) -> bool {
        let argcount = code.argcount as usize;
        let ObjData::Function(f) = self.heap.data(func) else { return false };
        let first_default = argcount.saturating_sub(f.defaults.len());
        if npos > argcount || npos < first_default || self.stack.len() != args_start + npos {
            return false;
        }
        self.stack.extend_from_slice(&f.defaults[npos - first_default..]);
        true
    }

    /// Push the cells of the new frame's cell variables (initialised from
    /// parameters where a parameter is captured) and its closure cells.
    fn push_cells(&mut self, func: ObjRef, code: &CodeObject, base: usize) {
        if !code.cellvars.is_empty() {
            let cell_cls = self.types.cell;
            for i in 0..code.cellvars.len() {
                let init = code.cell_args.iter().find(|(c, _)| *c as usize == i).map(|&(_, a)| self.stack[base + a as usize]).unwrap_or(Value::Undef);
                let c = self.heap.alloc(cell_cls, ObjData::Cell(init));
                self.stack.push(Value::Obj(c));
            }
        }
        if !code.freevars.is_empty() {
            let n = code.freevars.len();
            for i in 0..n {
                let c = match self.heap.data(func) {
                    ObjData::Function(f) => f.closure.get(i).copied(),
                    _ => None,
                };
                self.stack.push(c.map(Value::Obj).unwrap_or(Value::Undef));
            }
        }
    }

    #[inline(never)]
    fn make_generator(&mut self, func: ObjRef, code: Rc<CodeObject>, globals: ObjRef, base: usize) -> Value {
        // One memcpy (a `drain().collect()` moves element by element). The
        // exact size: spare room for the first suspension measured slower
        // (micro_task CPU 1.16x, bigger allocations per coroutine).
        let kind = if code.flags & flags::COROUTINE != 0 {
            GenKind::Coroutine
        } else if code.flags & flags::ASYNC_GENERATOR != 0 {
            GenKind::AsyncGenerator
        } else {
            GenKind::Generator
        };
        // A plain generator runs on this vector from its first step
        // (vm/generator.rs `push_gen_payload`): room for its whole frame,
        // twice its `stacksize`: the dispatch loop's frame entry reserves
        // `stacksize` above the current depth (up to `stacksize` when the
        // frame is re-entered after a call), so it never grows this.
        let stack: Vec<Value> = if kind == GenKind::Generator {
            let mut v = Vec::with_capacity(self.stack.len() - base + 2 * code.stacksize as usize);
            v.extend_from_slice(&self.stack[base..]);
            v
        } else {
            self.stack[base..].to_vec()
        };
        self.stack.truncate(base);
        let rare = match self.heap.data(func) {
            ObjData::Function(f) if f.names_from_code => None,
            ObjData::Function(f) => GenObj::rare_for_names(&code, f.name, f.qualname, self.str_of(f.name), self.str_of(f.qualname)),
            _ => GenObj::rare_for_names(&code, Value::None, Value::None, None, None),
        };
        if kind == GenKind::Coroutine {
            self.unstarted_coroutines += 1;
        }
        let origin = match (kind, self.frames.last()) {
            (GenKind::Coroutine, Some(f)) => Some((f.code.clone(), f.code.line_at(f.ip.saturating_sub(1)))),
            _ => None,
        };
        let (origin, origin_line) = match origin {
            Some((c, line)) => (Some(c), line),
            None => (None, 0),
        };
        let cls = match kind {
            GenKind::Generator => self.types.generator,
            GenKind::Coroutine => self.types.coroutine,
            GenKind::AsyncGenerator => self.types.async_generator,
        };
        let g = GenObj {
            kind,
            state: GenState::Created,
            frame: SavedFrame { code, ip: 0, globals, stack, origin_line },
            rare,
            exc_state: None,
            resumer_exc: Value::None,
            ag_running: false,
            ag_hooks_inited: false,
            started: false,
            loop_owned: false,
            on_own_stack: false,
            origin,
        };
        let r = self.alloc(cls, ObjData::Generator(Box::new(g)));
        self.last_created_gen = r.as_obj();
        r
    }

    /// Bind positional args (`stack[args_start..args_start+npos]`) and
    /// keyword args to the parameters of `code`, in place: on success the
    /// stack ends with the parameter slots from `args_start`: positional,
    /// keyword-only, then `*args`, `**kwargs`.
    // Out of line: inlined, its locals made push_py_frame's stack frame
    // 0x248 bytes for every call, including the simple ones.
    #[inline(never)]
    fn bind_args(&mut self, func: ObjRef, code: &CodeObject, args_start: usize, npos: usize, kw: KwArgs) -> PyResult<()> {
        let argcount = code.argcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let has_varargs = code.flags & flags::VARARGS != 0;
        let has_varkw = code.flags & flags::VARKEYWORDS != 0;
        let nparams = argcount + kwonly + has_varargs as usize + has_varkw as usize;
        // The `*args` tuple takes the extra positionals before their
        // slots are overwritten.
        let varargs = if has_varargs {
            let extra = if npos > argcount { self.stack[args_start + argcount..args_start + npos].to_vec() } else { Vec::new() };
            Some(self.new_tuple(extra))
        } else if npos > argcount {
            return Err(self.too_many_positional(func, code, npos, kw));
        } else {
            None
        };
        // The parameters are bound in place: the first `min(npos,
        // argcount)` positionals already sit in their slots; the rest
        // start unbound (no `Vec` per call). `kw` holds copies of the
        // keyword values, not references into these slots. On an error
        // the slots are left half-bound; the raise cuts the stack.
        let n = npos.min(argcount);
        self.stack.truncate(args_start + n);
        self.stack.resize(args_start + nparams, Value::Undef);
        let slots = args_start..args_start + nparams;
        if let Some(t) = varargs {
            self.stack[slots.start + argcount + kwonly] = t;
        }
        let kwdict = if has_varkw {
            let d = self.new_dict();
            self.stack[slots.end - 1] = d;
            d.as_obj()
        } else {
            None
        };
        // Keep the partially bound values rooted (defaults may be looked up,
        // names compared; no Python code runs, but be safe).
        let mut posonly_as_kw = Vec::new();
        for &(name, value) in kw {
            let idx = self.param_index(code, name);
            match idx {
                Some(i) if i < code.posonlyargcount as usize => {
                    if let Some(d) = kwdict {
                        self.dict_set_item(d, name, value)?;
                    } else {
                        posonly_as_kw.push(self.str_of(name).unwrap_or("").to_string());
                    }
                }
                Some(i) => {
                    if !self.stack[slots.start + i].is_undef() {
                        let q = self.func_qualname(func);
                        let n = self.str_of(name).unwrap_or("").to_string();
                        return Err(self.type_error(format!("{}() got multiple values for argument '{}'", q, n)));
                    }
                    self.stack[slots.start + i] = value;
                }
                None => match kwdict {
                    Some(d) => {
                        if self.str_of(name).is_none() {
                            return Err(self.type_error("keywords must be strings"));
                        }
                        self.dict_set_item(d, name, value)?;
                    }
                    None => {
                        let q = self.func_qualname(func);
                        let n = self.str_of(name).unwrap_or("").to_string();
                        return Err(self.type_error(format!("{}() got an unexpected keyword argument '{}'", q, n)));
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            let q = self.func_qualname(func);
            return Err(self.type_error(format!("{}() got some positional-only arguments passed as keyword arguments: '{}'", q, posonly_as_kw.join(", "))));
        }
        // Defaults for positional parameters, read in place.
        let defaults: &[Value] = match self.heap.data(func) {
            ObjData::Function(f) => &f.defaults,
            _ => &[],
        };
        let first_default = argcount.saturating_sub(defaults.len());
        let mut missing = Vec::new();
        for i in npos.min(argcount)..argcount {
            if self.stack[slots.start + i].is_undef() {
                if i >= first_default {
                    self.stack[slots.start + i] = defaults[i - first_default];
                } else {
                    missing.push(code.varnames[i].clone());
                }
            }
        }
        if !missing.is_empty() {
            return Err(self.missing_args(func, &missing, "positional"));
        }
        // Keyword-only defaults.
        if kwonly > 0 {
            let kwdefaults = match self.heap.data(func) {
                ObjData::Function(f) => f.kwdefaults,
                _ => None,
            };
            for i in argcount..argcount + kwonly {
                if self.stack[slots.start + i].is_undef() {
                    let name = code.param_names[i];
                    let d = match kwdefaults {
                        Some(kd) => self.dict_get_str(kd, name),
                        None => None,
                    };
                    match d {
                        Some(v) => self.stack[slots.start + i] = v,
                        None => missing.push(code.varnames[i].clone()),
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.missing_args(func, &missing, "keyword-only"));
            }
        }
        Ok(())
    }

    fn param_index(&self, code: &CodeObject, name: Value) -> Option<usize> {
        let total = (code.argcount + code.kwonlyargcount) as usize;
        let r = name.as_obj()?;
        if let Some(i) = code.param_names[..total].iter().position(|&p| p == r) {
            return Some(i);
        }
        let s = self.str_of(name)?;
        code.varnames[..total].iter().position(|v| v == s)
    }

    pub(crate) fn func_qualname(&self, func: ObjRef) -> String {
        match self.heap.data(func) {
            ObjData::Function(f) => self.str_of(f.qualname).unwrap_or("?").to_string(),
            _ => "?".into(),
        }
    }

    #[cold]
    fn missing_args(&mut self, func: ObjRef, missing: &[String], kind: &str) -> crate::vm::PyErr {
        let q = self.func_qualname(func);
        let quoted: Vec<String> = missing.iter().map(|m| format!("'{}'", m)).collect();
        let list = match quoted.len() {
            1 => quoted[0].clone(),
            2 => format!("{} and {}", quoted[0], quoted[1]),
            n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
        };
        let plural = if missing.len() == 1 { "" } else { "s" };
        self.type_error(format!("{}() missing {} required {} argument{}: {}", q, missing.len(), kind, plural, list))
    }

    #[cold]
    fn too_many_positional(&mut self, func: ObjRef, code: &CodeObject, given: usize, kw: KwArgs) -> crate::vm::PyErr {
        let q = self.func_qualname(func);
        let argcount = code.argcount as usize;
        let ndefaults = match self.heap.data(func) {
            ObjData::Function(f) => f.defaults.len(),
            _ => 0,
        };
        let takes = if ndefaults > 0 {
            format!("from {} to {} positional arguments", argcount - ndefaults, argcount)
        } else {
            format!("{} positional argument{}", argcount, if argcount == 1 { "" } else { "s" })
        };
        let kwonly_given = kw.iter().filter(|(n, _)| self.param_index(code, *n).map(|i| i >= argcount).unwrap_or(false)).count();
        let given_s = if kwonly_given > 0 {
            format!(
                "{} positional argument{} (and {} keyword-only argument{}) were given",
                given,
                if given == 1 { "" } else { "s" },
                kwonly_given,
                if kwonly_given == 1 { "" } else { "s" }
            )
        } else {
            format!("{} {} given", given, if given == 1 { "was" } else { "were" })
        };
        self.type_error(format!("{}() takes {} but {}", q, takes, given_s))
    }

    /// Call any callable from native code (nested dispatch loop for
    /// Python functions).
    pub fn call_value(&mut self, f: Value, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let Value::Obj(r) = f else {
            return Err(self.not_callable(f));
        };
        match self.heap.data(r) {
            ObjData::Function(_) => self.call_function_nested(r, None, args, kw),
            ObjData::Native(n) => {
                let func = n.func;
                let bound = n.bound;
                if bound.is_undef() {
                    func(self, args, kw)
                } else {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(bound);
                    all.extend_from_slice(args);
                    func(self, &all, kw)
                }
            }
            ObjData::BoundMethod(b) => {
                let (s, func) = **b;
                if let Value::Obj(fr) = func {
                    if let ObjData::Function(_) = self.heap.data(fr) {
                        return self.call_function_nested(fr, Some(s), args, kw);
                    }
                }
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(s);
                all.extend_from_slice(args);
                self.call_value(func, &all, kw)
            }
            ObjData::Type(_) => self.call_type(r, args, kw),
            _ => {
                let call = self.names.__call__;
                match self.lookup_special(f, call) {
                    Some(m) => {
                        let mut all = Vec::with_capacity(args.len() + 1);
                        all.push(f);
                        all.extend_from_slice(args);
                        self.call_value(m, &all, kw)
                    }
                    None => Err(self.not_callable(f)),
                }
            }
        }
    }

    /// Run a Python function to completion in a nested dispatch loop.
    fn call_function_nested(&mut self, func: ObjRef, self_arg: Option<Value>, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let sp = self.stack.len();
        if let Some(s) = self_arg {
            self.stack.push(s);
        }
        self.stack.extend_from_slice(args);
        let n = args.len() + self_arg.is_some() as usize;
        if !self.push_py_frame(func, sp, n, kw, sp, FrameReturn::Native)? {
            return Ok(self.pop());
        }
        self.run_nested()
    }

    /// Run the frame just pushed (marked `Native`) to completion.
    pub(crate) fn run_nested(&mut self) -> PyResult<Value> {
        if self.native_depth >= MAX_NATIVE_DEPTH {
            let f = self.frames.pop().expect("frame just pushed");
            self.stack.truncate(f.ret_sp);
            return Err(self.recursion_error());
        }
        self.native_depth += 1;
        let r = self.run_frames();
        self.native_depth -= 1;
        match r? {
            RunExit::Return(v) => Ok(v),
            RunExit::Yield(v) => Ok(v),
        }
    }

    #[cold]
    pub fn not_callable(&mut self, f: Value) -> crate::vm::PyErr {
        let tn = self.type_name(f);
        self.type_error(format!("'{}' object is not callable", tn))
    }

    /// A class called by the `Call` instruction. Plain user classes with a
    /// Python `__init__` get it pushed as a frame (stackless).
    fn call_type_instr(&mut self, cls: ObjRef, callee_pos: usize, args_start: usize, npos: usize, kw: KwArgs) -> PyResult<bool> {
        let new_name = self.names.__new__;
        let init_name = self.names.__init__;
        // Plain: a user class whose metaclass is `type` (a metaclass may
        // override `__call__`).
        let is_plain = matches!(self.heap.data(cls), ObjData::Type(t) if !t.builtin && t.layout == Layout::Instance && t.abstract_methods.is_empty())
            && self.heap.class_of_obj(cls) == self.types.type_;
        if is_plain {
            let new = self.lookup_type(cls, new_name);
            let init = self.lookup_type(cls, init_name);
            let object_new = self.object_new_fn();
            if let (Some(n), Some(Value::Obj(init_r))) = (new, init) {
                if n.is(object_new) {
                    if let ObjData::Function(_) = self.heap.data(init_r) {
                        let inst = self.new_instance(cls);
                        // [inst, inst(self), args..]: the frame's result
                        // slot keeps the instance.
                        self.stack[callee_pos] = inst;
                        if args_start == callee_pos + 2 {
                            self.stack[callee_pos + 1] = inst;
                        } else {
                            self.stack.insert(callee_pos + 1, inst);
                        }
                        return self.push_py_frame(init_r, callee_pos + 1, npos + 1, kw, callee_pos + 1, FrameReturn::Init);
                    }
                }
            }
        }
        let result = self.call_stack_args(Value::Obj(cls), args_start, npos, kw)?;
        self.stack.truncate(callee_pos);
        self.stack.push(result);
        Ok(false)
    }

    /// `cls(*args, **kw)`: `__new__` then `__init__`.
    pub fn call_type(&mut self, cls: ObjRef, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        if cls == self.types.type_ && args.len() == 1 && kw.is_empty() {
            return Ok(Value::Obj(self.type_of(args[0])));
        }
        // A metaclass with its own __call__ takes over.
        let meta = self.heap.class_of_obj(cls);
        if meta != self.types.type_ {
            let call = self.names.__call__;
            if let Some(m) = self.lookup_type(meta, call) {
                if !self.is_type_call_slot(m) {
                    // Bound like any attribute (a plain class stored as
                    // `__call__` is not a descriptor and gets no `cls`).
                    let bound = self.descr_get(m, Value::Obj(cls), Value::Obj(meta))?;
                    return self.call_value(bound, args, kw);
                }
            }
        }
        self.type_call_default(cls, args, kw)
    }

    /// `type.__call__`: the default instance-creation protocol.
    pub fn type_call_default(&mut self, cls: ObjRef, args: &[Value], kw: KwArgs) -> PyResult<Value> {
        let new_name = self.names.__new__;
        let init_name = self.names.__init__;
        let new = self.lookup_type(cls, new_name).unwrap_or(Value::None);
        let mut new_args = Vec::with_capacity(args.len() + 1);
        new_args.push(Value::Obj(cls));
        new_args.extend_from_slice(args);
        let new_fn = match new {
            Value::Obj(r) => match self.heap.data(r) {
                ObjData::StaticMethod(f) => *f,
                _ => new,
            },
            _ => new,
        };
        let inst = self.call_value(new_fn, &new_args, kw)?;
        // __init__ runs only if __new__ returned an instance of cls.
        let inst_cls = self.type_of(inst);
        if !self.is_subtype(inst_cls, cls) {
            return Ok(inst);
        }
        if let Some(init) = self.lookup_type(inst_cls, init_name) {
            // `object.__init__` accepts any arguments and does nothing when
            // `__new__` is overridden and `__init__` is not (`range(n)`,
            // `int(s)`): skip the call.
            if inst_cls == cls && !new.is_none() && self.is_object_slot(init, "__init__") && !new.is(self.object_new_fn()) {
                return Ok(inst);
            }
            self.temp_roots.push(inst);
            let mut init_args = Vec::with_capacity(args.len() + 1);
            init_args.push(inst);
            init_args.extend_from_slice(args);
            let r = self.call_value(init, &init_args, kw);
            self.temp_roots.pop();
            let r = r?;
            if !r.is_none() {
                let tn = self.type_name(r);
                return Err(self.type_error(format!("__init__() should return None, not '{}'", tn)));
            }
        }
        Ok(inst)
    }

    fn is_type_call_slot(&self, m: Value) -> bool {
        match m.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Native(n)) => n.owner == Some("type") && n.name == "__call__",
            _ => false,
        }
    }

    /// The native `object.__new__`, for identity checks.
    pub(crate) fn object_new_fn(&self) -> Value {
        let obj = self.types.object;
        let d = match self.heap.data(obj) {
            ObjData::Type(t) => t.dict,
            _ => return Value::None,
        };
        let key = self.names.__new__;
        match self.heap.data(d) {
            ObjData::Dict(dd) => {
                let h = self.str_hash(key);
                dd.find(h, |k| k.as_obj() == Some(key)).map(|i| dd.value_at(i)).unwrap_or(Value::None)
            }
            _ => Value::None,
        }
    }

    /// A fresh instance of `cls` with the payload its layout needs.
    pub fn new_instance(&mut self, cls: ObjRef) -> Value {
        let layout = match self.heap.data(cls) {
            ObjData::Type(t) => t.layout,
            _ => Layout::Instance,
        };
        let data = match layout {
            Layout::Exception => {
                let args = self.empty_tuple;
                ObjData::Exception(Box::new(ExcObj::new(args)))
            }
            Layout::List => ObjData::List(Vec::new()),
            Layout::Dict => ObjData::Dict(Box::default()),
            Layout::Set | Layout::FrozenSet => ObjData::Set(Box::default()),
            Layout::Object => ObjData::Object,
            Layout::Native | Layout::Final => ObjData::Object,
            _ => ObjData::Instance(self.new_instance_attrs(cls)),
        };
        self.alloc(cls, data)
    }

    /// `MakeFunction`: build a function from the code and the optional
    /// pieces below it on the stack.
    pub(crate) fn make_function(&mut self, fi: usize, fl: u32) -> PyResult<Value> {
        let code_v = self.pop();
        let closure = if fl & 8 != 0 { Some(self.pop()) } else { None };
        let annotations = if fl & 4 != 0 { self.pop().as_obj() } else { None };
        let kwdefaults = if fl & 2 != 0 { self.pop().as_obj() } else { None };
        let defaults = if fl & 1 != 0 { Some(self.pop()) } else { None };
        let code = match code_v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Code(c)) => c.loaded_or_self().clone(),
            _ => return Err(self.type_error("MakeFunction: not a code object")),
        };
        let defaults = match defaults.and_then(|d| d.as_obj()).map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) => t.to_vec(),
            _ => Vec::new(),
        };
        let closure: Box<[ObjRef]> = match closure.and_then(|c| c.as_obj()).map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) => t.iter().filter_map(|v| v.as_obj()).collect(),
            _ => Box::new([]),
        };
        let globals = self.frames[fi].globals;
        let name = match code.lazy.as_ref().and_then(|l| l.name()) {
            Some(n) => n,
            None => self.intern(&code.name),
        };
        // A module-level function's qualname is its name: one str object.
        let qualname = if code.qualname == code.name { Value::Obj(name) } else { self.new_str(code.qualname.as_str()) };
        let doc = match &code.docstring {
            Some(d) => self.new_str(d.as_str()),
            None => Value::None,
        };
        let modname = self.names.__name__;
        let module = self.dict_get_str(globals, modname).unwrap_or(Value::None);
        let plain_argcount = Function::plain_argcount_of(&code, closure.len());
        let f = Function {
            plain_argcount,
            code,
            globals,
            name: Value::Obj(name),
            qualname,
            defaults,
            kwdefaults,
            closure,
            dict: None,
            doc,
            annotations,
            module,
            names_from_code: true,
        };
        let cls = self.types.function;
        Ok(self.alloc(cls, ObjData::Function(Box::new(f))))
    }

    /// Make a native function object (module-level builtin).
    pub fn native_fn(&mut self, name: &'static str, func: crate::runtime::function::NativeFn) -> Value {
        let cls = self.types.builtin_function;
        let n = crate::runtime::function::NativeFunction { name, owner: None, func, kind: NativeKind::Function, bound: Value::Undef, doc: None };
        self.alloc(cls, ObjData::Native(Box::new(n)))
    }

    /// A native function with a bound first argument (used for callbacks
    /// native code hands to Python, e.g. asyncio's internal wakeups).
    pub fn native_bound(&mut self, name: &'static str, func: crate::runtime::function::NativeFn, bound: Value) -> Value {
        let cls = self.types.builtin_function;
        let n = crate::runtime::function::NativeFunction { name, owner: None, func, kind: NativeKind::Function, bound, doc: None };
        self.alloc(cls, ObjData::Native(Box::new(n)))
    }
}

/// Grow the value stack to `new_len` with unbound (`Undef`) locals,
/// inline: `Vec::resize` was an out-of-line call on every Python call
/// (1.3 % of richards' samples), even when there was nothing to add.
#[inline(always)]
fn unbound_locals_to(stack: &mut Vec<Value>, new_len: usize) {
    let len = stack.len();
    if new_len > len {
        let n = new_len - len;
        stack.reserve(n);
        for slot in &mut stack.spare_capacity_mut()[..n] {
            slot.write(Value::Undef);
        }
        // SAFETY: `reserve(n)` made room for `n` more values and the loop
        // just initialised them.
        unsafe { stack.set_len(new_len) };
    }
}

/// The rare growth of the value stack for `push_plain_frame`, out of line.
#[cold]
#[inline(never)]
fn grow_value_stack(stack: &mut Vec<Value>, additional: usize) {
    stack.reserve(additional);
}

/// The rare growth of the frame stack, out of line.
#[cold]
#[inline(never)]
fn grow_frame_stack(frames: &mut Vec<Frame>) {
    frames.reserve(1);
}

/// The body of `push_plain_frame`: check that `f` takes a plain call whose
/// positional args sit at `stack[args_start..]`, the last `ndefaulted`
/// parameters taking their defaults; if so push its locals and frame.
#[inline(always)]
fn enter_plain_frame(stack: &mut Vec<Value>, frames: &mut Vec<Frame>, recursion_limit: usize, f: &Function, callee_pos: usize, args_start: usize, ndefaulted: usize) -> Option<(*const CodeObject, usize)> {
    let code = &f.code;
    // The caller checked `f.plain_argcount` (not `u32::MAX`): the code's
    // signature and flags allow a plain frame (`Function::plain_argcount_of`).
    debug_assert_eq!(f.plain_argcount, Function::plain_argcount_of(code, f.closure.len()));
    let argcount = code.argcount as usize;
    // `nlocals >= argcount` is checked again: the unchecked writes below
    // rely on it.
    if frames.len() >= recursion_limit || (code.nlocals as usize) < argcount {
        return None;
    }
    if ndefaulted != 0 {
        stack.extend_from_slice(&f.defaults[f.defaults.len() - ndefaulted..]);
    }
    // One room check for the whole frame: its unbound locals, the cells of
    // its free variables and its operand stack, so the dispatch loop can
    // switch to it without the `reserve` of the `'frames` head (three
    // `Vec::reserve`s per call were ~40 Ir). Now `len == args_start +
    // argcount` and `argcount <= nlocals` (checked).
    let len = stack.len();
    let nunbound = code.nlocals as usize - argcount;
    let frame_end = len + nunbound + f.closure.len();
    let room = frame_end - len + code.stacksize as usize;
    if stack.capacity() - len < room {
        grow_value_stack(stack, room);
    }
    // SAFETY: the room check above made capacity for `frame_end` values;
    // the two loops write `len..len + nunbound` and the `closure.len()`
    // slots after them, which initialises `len..frame_end`, before the
    // length is set.
    unsafe {
        let mut p = stack.as_mut_ptr().add(len);
        for _ in 0..nunbound {
            p.write(Value::Undef);
            p = p.add(1);
        }
        for &cell in f.closure.iter() {
            p.write(Value::Obj(cell));
            p = p.add(1);
        }
        stack.set_len(frame_end);
    }
    let (code, globals) = (f.code.clone(), f.globals);
    let code_ptr = Rc::as_ptr(&code);
    // Written in place, as in `push_py_frame`.
    if frames.len() == frames.capacity() {
        grow_frame_stack(frames);
    }
    let flen = frames.len();
    // SAFETY: the check above left a spare slot at index `flen`; it is
    // initialised by the write before the length covers it.
    unsafe {
        frames.as_mut_ptr().add(flen).write(Frame { code, ip: 0, base: args_start, ret_sp: callee_pos, globals, locals: None, gen: None, ret: FrameReturn::Push });
        frames.set_len(flen + 1);
    }
    Some((code_ptr, args_start))
}
