//! The dispatch loop. Each arm is short: fast paths for the common types
//! inline, everything else a call into the module for that area.
//!
//! `run_frames` executes the top frame and every frame it pushes, until a
//! frame marked `FrameReturn::Native` returns, yields, or lets an exception
//! escape. Python-to-Python calls, generator resumption by `for`/`yield
//! from`/`await`, and `__init__` of class calls all push frames here
//! instead of recursing.

use crate::bytecode::Instr;
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{FrameReturn, PyErr, PyResult, Vm};

/// How a dispatch loop entered from native code ended.
pub enum RunExit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    pub(crate) fn run_frames(&mut self) -> PyResult<RunExit> {
        'frames: loop {
            let fi = self.frames.len() - 1;
            let code = self.frames[fi].code.clone();
            let base = self.frames[fi].base;
            let mut ip = self.frames[fi].ip;
            let instrs = &code.instrs[..];

            // Run `$e`; on error, unwind to a handler (or out of here).
            macro_rules! tri {
                ($e:expr) => {
                    match $e {
                        Ok(v) => v,
                        Err(err) => {
                            self.frames[fi].ip = ip;
                            self.raise_in_frame(err, true)?;
                            continue 'frames;
                        }
                    }
                };
            }
            macro_rules! fail {
                ($e:expr) => {{
                    let err: PyErr = $e;
                    self.frames[fi].ip = ip;
                    self.raise_in_frame(err, true)?;
                    continue 'frames;
                }};
            }

            loop {
                let instr = instrs[ip];
                ip += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::PopTop => {
                        self.stack.pop();
                    }
                    Instr::Copy(n) => {
                        let v = self.peek(n as usize);
                        self.stack.push(v);
                    }
                    Instr::Swap(n) => {
                        let len = self.stack.len();
                        self.stack.swap(len - 1, len - n as usize);
                    }
                    Instr::PushNull => self.stack.push(Value::Undef),
                    Instr::LoadConst(i) => self.stack.push(code.consts[i as usize]),
                    Instr::LoadNone => self.stack.push(Value::None),
                    Instr::LoadFast(i) => {
                        let v = self.stack[base + i as usize];
                        if v.is_undef() {
                            fail!(self.unbound_local(&code.varnames[i as usize]));
                        }
                        self.stack.push(v);
                    }
                    Instr::StoreFast(i) => {
                        let v = self.pop();
                        self.stack[base + i as usize] = v;
                    }
                    Instr::DeleteFast(i) => {
                        if self.stack[base + i as usize].is_undef() {
                            fail!(self.unbound_local(&code.varnames[i as usize]));
                        }
                        self.stack[base + i as usize] = Value::Undef;
                    }
                    Instr::LoadDeref(i) => {
                        let v = tri!(self.load_deref(&code, base, i as usize));
                        self.stack.push(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = self.pop();
                        self.store_deref(base, i as usize, v);
                    }
                    Instr::DeleteDeref(i) => {
                        tri!(self.load_deref(&code, base, i as usize));
                        self.store_deref(base, i as usize, Value::Undef);
                    }
                    Instr::LoadClosure(i) => {
                        let c = self.stack[base + i as usize];
                        self.stack.push(c);
                    }
                    Instr::LoadClassDeref(op) => {
                        let name = code.names[(op >> 16) as usize];
                        let slot = (op & 0xffff) as usize;
                        let ns = self.frames[fi].locals;
                        let found = match ns {
                            Some(d) => self.dict_get_str(d, name),
                            None => None,
                        };
                        let v = match found {
                            Some(v) => v,
                            None => tri!(self.load_deref(&code, base, slot)),
                        };
                        self.stack.push(v);
                    }
                    Instr::LoadGlobal(i) => {
                        let g = self.frames[fi].globals;
                        let v = tri!(self.load_global(&code, i as usize, g));
                        self.stack.push(v);
                    }
                    Instr::StoreGlobal(i) => {
                        let v = self.pop();
                        let g = self.frames[fi].globals;
                        self.dict_set_str(g, code.names[i as usize], v);
                    }
                    Instr::DeleteGlobal(i) => {
                        let g = self.frames[fi].globals;
                        let name = code.names[i as usize];
                        if !tri!(self.dict_del_str(g, name)) {
                            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                            fail!(self.name_error(&n));
                        }
                    }
                    Instr::LoadName(i) => {
                        let v = tri!(self.load_name(fi, code.names[i as usize]));
                        self.stack.push(v);
                    }
                    Instr::StoreName(i) => {
                        let v = self.pop();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        let name = Value::Obj(code.names[i as usize]);
                        // A `__prepare__` namespace may be any mapping.
                        if self.is_exact_dict(ns) {
                            tri!(self.dict_set_item(ns, name, v));
                        } else {
                            tri!(self.set_item(Value::Obj(ns), name, v));
                        }
                    }
                    Instr::DeleteName(i) => {
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        let name = code.names[i as usize];
                        if !self.is_exact_dict(ns) {
                            let r = self.del_item(Value::Obj(ns), Value::Obj(name));
                            if let Err(e) = r {
                                let ke = self.exc.key_error;
                                if self.isinstance_exc(e.value(), ke) {
                                    let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                                    fail!(self.name_error(&n));
                                }
                                fail!(e);
                            }
                        } else if !tri!(self.dict_del_str(ns, name)) {
                            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                            fail!(self.name_error(&n));
                        }
                    }
                    Instr::LoadAttr(i) => {
                        let obj = self.pop();
                        let v = tri!(self.load_attr_cached(&code, i as usize, obj));
                        self.stack.push(v);
                    }
                    Instr::StoreAttr(i) => {
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.store_attr_cached(&code, i as usize, obj, v));
                    }
                    Instr::DeleteAttr(i) => {
                        let obj = self.pop();
                        tri!(self.del_attr(obj, code.names[i as usize]));
                    }
                    Instr::LoadMethod(i) => {
                        let obj = self.pop();
                        let (m, s) = tri!(self.load_method_cached(&code, i as usize, obj));
                        self.stack.push(m);
                        self.stack.push(s);
                    }
                    Instr::BinarySubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        let v = tri!(self.get_item(obj, key));
                        self.stack.push(v);
                    }
                    Instr::StoreSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.set_item(obj, key, v));
                    }
                    Instr::DeleteSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        tri!(self.del_item(obj, key));
                    }
                    Instr::BinaryOp(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let v = match crate::vm::ops::fast_binop(a, b, op) {
                            Some(v) => v,
                            None => tri!(self.binary_op(a, b, op)),
                        };
                        self.stack.push(v);
                    }
                    Instr::InplaceOp(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let v = match crate::vm::ops::fast_binop(a, b, op) {
                            Some(v) => v,
                            None => tri!(self.inplace_op(a, b, op)),
                        };
                        self.stack.push(v);
                    }
                    Instr::UnaryNegative => {
                        let a = self.pop();
                        let v = tri!(self.unary_neg(a));
                        self.stack.push(v);
                    }
                    Instr::UnaryPositive => {
                        let a = self.pop();
                        let v = tri!(self.unary_pos(a));
                        self.stack.push(v);
                    }
                    Instr::UnaryInvert => {
                        let a = self.pop();
                        let v = tri!(self.unary_invert(a));
                        self.stack.push(v);
                    }
                    Instr::UnaryNot => {
                        let a = self.pop();
                        let t = tri!(self.truthy(a));
                        self.stack.push(Value::Bool(!t));
                    }
                    Instr::CompareOp(op) => {
                        let b = self.pop();
                        let a = self.pop();
                        let v = match crate::vm::compare::fast_compare(a, b, op) {
                            Some(r) => Value::Bool(r),
                            None => tri!(self.compare_op(a, b, op)),
                        };
                        self.stack.push(v);
                    }
                    Instr::IsOp(inv) => {
                        let b = self.pop();
                        let a = self.pop();
                        self.stack.push(Value::Bool(a.is(b) != (inv != 0)));
                    }
                    Instr::ContainsOp(inv) => {
                        let container = self.pop();
                        let item = self.pop();
                        let r = tri!(self.contains(container, item));
                        self.stack.push(Value::Bool(r != (inv != 0)));
                    }
                    Instr::Jump(t) => {
                        let t = t as usize;
                        if t < ip {
                            // Backward jump: a safe point.
                            self.frames[fi].ip = t;
                            if let Some(err) = self.safe_point() {
                                fail!(err);
                            }
                        }
                        ip = t;
                    }
                    Instr::PopJumpIfFalse(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(v)),
                        };
                        if !b {
                            ip = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(v)),
                        };
                        if b {
                            ip = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = self.top();
                        if !tri!(self.truthy(v)) {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = self.top();
                        if tri!(self.truthy(v)) {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::PopJumpIfNone(t) => {
                        if self.pop().is_none() {
                            ip = t as usize;
                        }
                    }
                    Instr::PopJumpIfNotNone(t) => {
                        if !self.pop().is_none() {
                            ip = t as usize;
                        }
                    }
                    Instr::GetIter => {
                        let v = self.pop();
                        let it = tri!(self.get_iter(v));
                        self.stack.push(it);
                    }
                    Instr::ForIter(exit) => {
                        let it = self.top();
                        if let Value::Obj(r) = it {
                            if let ObjData::Generator(_) = self.heap.data(r) {
                                self.frames[fi].ip = ip;
                                if tri!(self.resume_for_iter(r, exit)) {
                                    continue 'frames;
                                }
                                ip = exit as usize;
                                continue;
                            }
                        }
                        match tri!(self.iter_next(it)) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                ip = exit as usize;
                            }
                        }
                    }
                    Instr::BuildTuple(n) => {
                        let start = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(start..).collect();
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Instr::BuildList(n) => {
                        let start = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(start..).collect();
                        let l = self.new_list(items);
                        self.stack.push(l);
                    }
                    Instr::BuildSet(n) => {
                        let start = self.stack.len() - n as usize;
                        let set = self.new_set_value();
                        for k in start..self.stack.len() {
                            let item = self.stack[k];
                            tri!(self.set_add(set, item));
                        }
                        self.stack.truncate(start);
                        self.stack.push(set);
                    }
                    Instr::BuildMap(n) => {
                        let start = self.stack.len() - 2 * n as usize;
                        let d = self.new_dict();
                        let dr = d.as_obj().expect("dict");
                        let mut k = start;
                        while k < self.stack.len() {
                            let (key, val) = (self.stack[k], self.stack[k + 1]);
                            tri!(self.dict_set_item(dr, key, val));
                            k += 2;
                        }
                        self.stack.truncate(start);
                        self.stack.push(d);
                    }
                    Instr::BuildString(n) => {
                        let start = self.stack.len() - n as usize;
                        let mut s = String::new();
                        for k in start..self.stack.len() {
                            s.push_str(self.str_of(self.stack[k]).unwrap_or(""));
                        }
                        self.stack.truncate(start);
                        let v = self.new_str(s);
                        self.stack.push(v);
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = self.new_slice(start, stop, step);
                        self.stack.push(s);
                    }
                    Instr::ListAppend(d) => {
                        let v = self.pop();
                        let l = self.peek(d as usize);
                        if let Value::Obj(r) = l {
                            if let ObjData::List(items) = self.heap.data_mut(r) {
                                items.push(v);
                            }
                        }
                    }
                    Instr::SetAdd(d) => {
                        let v = self.pop();
                        let s = self.peek(d as usize);
                        tri!(self.set_add(s, v));
                    }
                    Instr::MapAdd(d) => {
                        let v = self.pop();
                        let k = self.pop();
                        let m = self.peek(d as usize);
                        tri!(self.dict_set_item(m.as_obj().expect("dict"), k, v));
                    }
                    Instr::ListExtend(d) => {
                        let it = self.top();
                        let l = self.peek(d as usize + 1);
                        tri!(self.list_extend(l, it));
                        self.stack.pop();
                    }
                    Instr::SetUpdate(d) => {
                        let it = self.top();
                        let s = self.peek(d as usize + 1);
                        tri!(self.set_update(s, it));
                        self.stack.pop();
                    }
                    Instr::DictUpdate(d) => {
                        let m = self.top();
                        let target = self.peek(d as usize + 1);
                        tri!(self.dict_update_display(target, m));
                        self.stack.pop();
                    }
                    Instr::DictMerge(d) => {
                        let m = self.top();
                        let target = self.peek(d as usize + 1);
                        let callee = self.peek(d as usize + 4);
                        tri!(self.dict_merge_kwargs(target, m, callee));
                        self.stack.pop();
                    }
                    Instr::ListToTuple => {
                        let l = self.pop();
                        let items = match l.as_obj().map(|r| self.heap.data(r)) {
                            Some(ObjData::List(items)) => items.clone(),
                            _ => Vec::new(),
                        };
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Instr::UnpackSequence(n) => {
                        let seq = self.pop();
                        tri!(self.unpack_sequence(seq, n as usize));
                    }
                    Instr::UnpackEx(op) => {
                        let seq = self.pop();
                        tri!(self.unpack_ex(seq, (op & 0xff) as usize, (op >> 8) as usize));
                    }
                    Instr::FormatValue(flags) => {
                        let spec = if flags & 4 != 0 { Some(self.pop()) } else { None };
                        let v = self.pop();
                        let s = tri!(self.format_value(v, flags & 3, spec));
                        self.stack.push(s);
                    }
                    Instr::MakeFunction(flags) => {
                        let f = tri!(self.make_function(fi, flags));
                        self.stack.push(f);
                    }
                    Instr::Call(argc) => {
                        self.frames[fi].ip = ip;
                        if tri!(self.call_instr(argc as usize, None)) {
                            continue 'frames;
                        }
                    }
                    Instr::CallKw(op) => {
                        self.frames[fi].ip = ip;
                        let names = code.consts[(op >> 8) as usize];
                        if tri!(self.call_instr((op & 0xff) as usize, Some(names))) {
                            continue 'frames;
                        }
                    }
                    Instr::CallEx(has_kw) => {
                        self.frames[fi].ip = ip;
                        if tri!(self.call_ex(has_kw != 0)) {
                            continue 'frames;
                        }
                    }
                    Instr::ReturnValue => {
                        let v = self.pop();
                        match self.return_from_frame(v) {
                            Ok(Some(exit)) => return Ok(exit),
                            Ok(None) => continue 'frames,
                            Err(e) => {
                                // An `__init__` that returned non-None: the
                                // error belongs to the caller.
                                self.raise_in_frame(e, true)?;
                                continue 'frames;
                            }
                        }
                    }
                    Instr::LoadBuildClass => {
                        let b = self.builtins;
                        let name = self.names.__build_class__;
                        let v = self.dict_get_str(b, name);
                        match v {
                            Some(v) => self.stack.push(v),
                            None => fail!(self.name_error("__build_class__")),
                        }
                    }
                    Instr::Raise(n) => {
                        self.frames[fi].ip = ip;
                        let err = self.do_raise(n);
                        let add_tb = n != 0;
                        self.raise_in_frame(err, add_tb)?;
                        continue 'frames;
                    }
                    Instr::Reraise => {
                        let exc = self.pop();
                        self.frames[fi].ip = ip;
                        let err = self.as_exception(exc);
                        self.raise_in_frame(err, false)?;
                        continue 'frames;
                    }
                    Instr::PushExcInfo => {
                        let exc = self.pop();
                        let prev = self.exc_info;
                        self.stack.push(prev);
                        self.stack.push(exc);
                        self.exc_info = exc;
                    }
                    Instr::PopExcept => {
                        self.exc_info = self.pop();
                    }
                    Instr::PopExceptReraise => {
                        let exc = self.pop();
                        self.exc_info = self.pop();
                        self.frames[fi].ip = ip;
                        let err = self.as_exception(exc);
                        self.raise_in_frame(err, false)?;
                        continue 'frames;
                    }
                    Instr::CheckExcMatch => {
                        let typ = self.pop();
                        let exc = self.top();
                        let m = tri!(self.exception_matches(exc, typ));
                        self.stack.push(Value::Bool(m));
                    }
                    Instr::CheckEgMatch => {
                        let typ = self.pop();
                        let eg = self.pop();
                        let (rest, matched) = tri!(self.exception_group_match(eg, typ));
                        // The handler runs with the match as the current
                        // exception (it becomes the context of new ones).
                        if !matched.is_none() {
                            self.exc_info = matched;
                        }
                        self.stack.push(rest);
                        self.stack.push(matched);
                    }
                    Instr::PrepReraiseStar => {
                        let raised = self.pop();
                        let rest = self.pop();
                        let orig = self.pop();
                        let r = tri!(self.prep_reraise_star(orig, rest, raised));
                        self.stack.push(r);
                    }
                    Instr::LoadAssertionError => {
                        let c = self.exc.assertion_error;
                        self.stack.push(Value::Obj(c));
                    }
                    Instr::BeforeWith => {
                        let cm = self.pop();
                        let (exit, entered) = tri!(self.before_with(cm));
                        self.stack.push(exit);
                        self.stack.push(entered);
                    }
                    Instr::WithExceptStart => {
                        let exc = self.peek(1);
                        let exit = self.peek(3);
                        let r = tri!(self.call_exit_with_exception(exit, exc));
                        self.stack.push(r);
                    }
                    Instr::WithExitNormal => {
                        let exit = self.pop();
                        tri!(self.call_value(exit, &[Value::None, Value::None, Value::None], &[]));
                    }
                    Instr::YieldValue => {
                        let v = self.pop();
                        if let Some(exit) = self.yield_from_frame(v, ip) {
                            return Ok(exit);
                        }
                        continue 'frames;
                    }
                    Instr::GetYieldFromIter => {
                        let v = self.pop();
                        let it = tri!(self.get_yield_from_iter(v, &code));
                        self.stack.push(it);
                    }
                    Instr::GetAwaitable(kind) => {
                        let v = self.pop();
                        let a = tri!(self.get_awaitable(v, kind));
                        self.stack.push(a);
                    }
                    Instr::Send(exit) => {
                        let value = self.pop();
                        let sub = self.top();
                        self.frames[fi].ip = ip;
                        match tri!(self.send_instr(sub, value, exit)) {
                            SendOutcome::Pushed => continue 'frames,
                            SendOutcome::Yielded(y) => self.stack.push(y),
                            SendOutcome::Returned(r) => {
                                self.stack.pop();
                                self.stack.push(r);
                                ip = exit as usize;
                            }
                        }
                    }
                    Instr::GetAiter => {
                        let v = self.pop();
                        let it = tri!(self.get_aiter(v, false));
                        self.stack.push(it);
                    }
                    Instr::GetAnext => {
                        let it = self.top();
                        let a = tri!(self.get_anext(it));
                        self.stack.push(a);
                    }
                    Instr::EndAsyncFor => {
                        let exc = self.pop();
                        self.stack.pop();
                        let stop = self.exc.stop_async_iteration;
                        if !self.isinstance_exc(exc, stop) {
                            self.frames[fi].ip = ip;
                            let err = self.as_exception(exc);
                            self.raise_in_frame(err, false)?;
                            continue 'frames;
                        }
                    }
                    Instr::BeforeAsyncWith => {
                        let cm = self.pop();
                        let (exit, awaitable) = tri!(self.before_async_with(cm));
                        self.stack.push(exit);
                        self.stack.push(awaitable);
                    }
                    Instr::AsyncWithExitNormal => {
                        let exit = self.pop();
                        let a = tri!(self.call_value(exit, &[Value::None, Value::None, Value::None], &[]));
                        self.stack.push(a);
                    }
                    Instr::AsyncWithExceptStart => {
                        let exc = self.peek(1);
                        let exit = self.peek(3);
                        let r = tri!(self.call_exit_with_exception(exit, exc));
                        self.stack.push(r);
                    }
                    Instr::ImportName(i) => {
                        let fromlist = self.pop();
                        let level = self.pop();
                        let g = self.frames[fi].globals;
                        let m = tri!(self.import_name(code.names[i as usize], fromlist, level, g));
                        self.stack.push(m);
                    }
                    Instr::ImportFrom(i) => {
                        let m = self.top();
                        let v = tri!(self.import_from(m, code.names[i as usize]));
                        self.stack.push(v);
                    }
                    Instr::ImportStar => {
                        let m = self.pop();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        tri!(self.import_star(m, ns));
                    }
                    Instr::SetupAnnotations => {
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        let key = self.names.__annotations__;
                        if self.dict_get_str(ns, key).is_none() {
                            let d = self.new_dict();
                            self.dict_set_str(ns, key, d);
                        }
                    }
                    Instr::PrintExpr => {
                        let v = self.pop();
                        tri!(self.print_expr(v));
                    }
                    Instr::MatchMapping => {
                        let v = self.top();
                        let b = self.is_mapping_for_match(v);
                        self.stack.push(Value::Bool(b));
                    }
                    Instr::MatchSequence => {
                        let v = self.top();
                        let b = self.is_sequence_for_match(v);
                        self.stack.push(Value::Bool(b));
                    }
                    Instr::MatchKeys => {
                        fail!(self.runtime_error("MatchKeys is not emitted by this compiler"));
                    }
                    Instr::GetLen => {
                        let v = self.top();
                        let n = tri!(self.len_of(v));
                        self.stack.push(Value::Int(n as i64));
                    }
                    Instr::MatchClass(npos) => {
                        let kwnames = self.pop();
                        let cls = self.pop();
                        let subject = self.pop();
                        let r = tri!(self.match_class(subject, cls, npos as usize, kwnames));
                        self.stack.push(r);
                    }
                    Instr::CopyDictWithoutKeys => {
                        let keys = self.pop();
                        let m = self.pop();
                        let r = tri!(self.copy_dict_without_keys(m, keys));
                        self.stack.push(r);
                    }
                }
            }
        }
    }

    /// Between instructions at a backward jump: collect garbage if due,
    /// and deliver a pending Ctrl-C as KeyboardInterrupt.
    #[inline]
    pub(crate) fn safe_point(&mut self) -> Option<PyErr> {
        if self.heap.should_collect() {
            self.collect_garbage();
        }
        if self.interrupt.load(std::sync::atomic::Ordering::Relaxed) {
            self.interrupt.store(false, std::sync::atomic::Ordering::Relaxed);
            let c = self.exc.keyboard_interrupt;
            return Some(PyErr(self.make_exception(c, vec![])));
        }
        None
    }

    /// Pop the finished top frame and deliver its result. Returns the exit
    /// of the dispatch loop when the frame was entered from native code.
    fn return_from_frame(&mut self, v: Value) -> PyResult<Option<RunExit>> {
        let frame = self.frames.pop().expect("frame to return from");
        if let Some(g) = frame.gen {
            self.finish_generator(g, &frame);
        }
        self.stack.truncate(frame.ret_sp);
        match frame.ret {
            FrameReturn::Push => {
                self.stack.push(v);
                Ok(None)
            }
            FrameReturn::Init => {
                // The instance is left in the callee slot, just below
                // `ret_sp` (see `call_instr`): it is the call's result.
                if !v.is_none() {
                    let tn = self.type_name(v);
                    return Err(self.type_error(format!("__init__() should return None, not '{}'", tn)));
                }
                Ok(None)
            }
            FrameReturn::ForIter { exit } => {
                self.stack.pop();
                if let Some(caller) = self.frames.last_mut() {
                    caller.ip = exit as usize;
                }
                Ok(None)
            }
            FrameReturn::Send { exit } => {
                self.stack.pop();
                self.stack.push(v);
                if let Some(caller) = self.frames.last_mut() {
                    caller.ip = exit as usize;
                }
                Ok(None)
            }
            FrameReturn::Native => Ok(Some(RunExit::Return(v))),
        }
    }
}

/// Result of a `Send` instruction.
pub enum SendOutcome {
    /// A generator frame was pushed (stackless resumption).
    Pushed,
    Yielded(Value),
    Returned(Value),
}
