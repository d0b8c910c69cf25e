//! The dispatch loop. Each arm is short: fast paths for the common types
//! inline, everything else a call into the module for that area.
//!
//! `run_frames` executes the top frame and every frame it pushes, until a
//! frame marked `FrameReturn::Native` returns, yields, or lets an exception
//! escape. Python-to-Python calls, generator resumption by `for`/`yield
//! from`/`await`, and `__init__` of class calls all push frames here
//! instead of recursing.

use crate::bytecode::Instr;
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{read_halves, FrameReturn, PyErr, PyResult, Vm};

/// How a dispatch loop entered from native code ended.
pub enum RunExit {
    Return(Value),
    Yield(Value),
}

impl Vm {
    pub(crate) fn run_frames(&mut self) -> PyResult<RunExit> {
        'frames: loop {
            // Entering a frame (call, return, resume, handler) is a safe
            // point too: code that recurses without looping still collects.
            if self.heap.should_collect() {
                self.collect_garbage();
            }
            // The running frame's state: `fi` is its index (always the
            // top frame), `code`/`instrs` its code, `base` its locals.
            // Reloaded here and, for a plain call and its return, in place
            // by `switch_to_frame!` without going round this loop.
            let mut fi = self.frames.len() - 1;
            // SAFETY: frame `fi` owns an `Rc` of this code object (never
            // reassigned) and stays at index `fi` for as long as `code`
            // is this frame's: every path that pops or suspends it either
            // leaves through `continue 'frames` or `return`, or (the inline
            // return of `ReturnValue`) reloads `code` from the caller right
            // after popping it; nested calls push and pop frames above it.
            // So the code object outlives every use of `code`. Saves an
            // `Rc` increment/decrement per frame switch.
            let mut code: &crate::bytecode::CodeObject = unsafe { &*std::rc::Rc::as_ptr(&self.frames[fi].code) };
            let mut base = self.frames[fi].base;
            let mut ip = self.frames[fi].ip;
            let mut instrs = &code.instrs[..];
            // The unchecked fetch below relies on `ip` being in range and
            // every path ending in a return or raise; a code object whose
            // body was never loaded (a code-cache stub) must not get here.
            if ip >= instrs.len() {
                return Err(self.runtime_error("internal error: a frame with no instruction to run"));
            }
            // Room for the deepest the stack gets in this frame, so the
            // arms below push without capacity checks (`push!`).
            self.stack.reserve(code.stacksize as usize);
            // The running frame, frame `fi`, without a bounds check.
            macro_rules! running_frame {
                () => {{
                    debug_assert!(fi + 1 == self.frames.len());
                    // SAFETY: `fi` is the index of the top frame whenever
                    // an arm runs (frames pushed by calls are popped before
                    // the arm after them runs; every path that pops or
                    // suspends frame `fi` leaves through `continue 'frames`
                    // or `return`, or, returning in place, sets `fi` to
                    // the caller's index), so it is in bounds.
                    unsafe { self.frames.get_unchecked_mut(fi) }
                }};
            }
            // Make frame `fi` (the top frame) the running one, without the
            // checks of the head above: for a frame `push_plain_frame` has
            // just pushed (it made the stack room and its code is loaded,
            // so `ip` 0 is in range) or a caller returned to (checked when
            // it was entered; its `ip` is just past its `Call`, which does
            // not end a path, and its room is still there: see `push!`).
            macro_rules! switch_to_frame {
                () => {{
                    let frame = running_frame!();
                    // SAFETY: as for `code` above.
                    code = unsafe { &*std::rc::Rc::as_ptr(&frame.code) };
                    base = frame.base;
                    ip = frame.ip;
                    instrs = &code.instrs[..];
                }};
            }
            // Push onto the value stack without a capacity check.
            macro_rules! push {
                ($v:expr) => {{
                    let v: Value = $v;
                    // SAFETY: the `reserve` above (or, for a frame
                    // entered by `switch_to_frame!`, the room check of
                    // `push_plain_frame`) made room for
                    // `code.stacksize` values above the current length,
                    // which is at least `base + nlocalsplus` (plus the
                    // depth the frame was at when re-entered), and
                    // `stacksize` bounds every depth the frame's code
                    // reaches (`max_stack_depth`, from the per-instruction
                    // effects every arm here keeps to). Code run in
                    // between (nested calls, generator resumptions) leaves
                    // this same vector at this frame's depth, and a
                    // vector's capacity never shrinks while it is the VM
                    // stack (a generator's own vector is swapped out
                    // before it is shrunk), so the room is still there.
                    unsafe { self.push_unchecked(v) }
                }};
            }

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

            // A superinstruction's result (run_fused.rs): the next `ip`, or
            // an error raised as if by the instruction before `at`.
            macro_rules! fused {
                ($e:expr) => {
                    match $e {
                        crate::vm::run_fused::FUSED_RAISED => {
                            let (err, at) = self.take_fused_error();
                            ip = at;
                            fail!(err);
                        }
                        next => ip = next,
                    }
                };
            }

            loop {
                debug_assert!(ip < instrs.len());
                // SAFETY: `ip` is 0, a jump target, a handler target, a
                // saved resume point or one past an instruction that does
                // not end its path; the compiler appends a return to code
                // where a path could run past the end (`max_stack_depth`
                // reports it), so every such index is in bounds.
                let instr = unsafe { *instrs.get_unchecked(ip) };
                ip += 1;
                match instr {
                    Instr::Nop => {}
                    Instr::PopTop => {
                        self.stack.pop();
                    }
                    Instr::Copy(n) => {
                        let v = self.peek(n as usize);
                        push!(v);
                    }
                    Instr::Swap(n) => {
                        // Read as halves (`stack_get`): `Vec::swap` moved
                        // them as 16-byte loads, stalled on just-pushed
                        // values (nbody).
                        let len = self.stack.len();
                        let j = len.wrapping_sub(n as usize);
                        let (a, b) = (self.top(), self.stack_get(j));
                        self.stack[j] = a;
                        self.set_top(b);
                    }
                    Instr::PushNull => push!(Value::Undef),
                    Instr::LoadConst(i) => push!(code.consts[i as usize]),
                    Instr::LoadNone => push!(Value::None),
                    Instr::LoadFast(i) => {
                        let v = self.stack_get(base + i as usize);
                        if v.is_undef() {
                            fail!(self.unbound_local(&code.varnames[i as usize]));
                        }
                        push!(v);
                    }
                    Instr::StoreFast(i) => {
                        let v = self.pop();
                        self.stack[base + i as usize] = v;
                    }
                    Instr::LoadDeref(i) => {
                        let v = tri!(self.load_deref(&code, base, i as usize));
                        push!(v);
                    }
                    Instr::StoreDeref(i) => {
                        let v = self.pop();
                        self.store_deref(base, i as usize, v);
                    }
                    Instr::LoadClosure(i) => {
                        let c = self.stack_get(base + i as usize);
                        push!(c);
                    }
                    Instr::LoadGlobal(i) => {
                        // Each path pushes its own result: merged, the
                        // `PyResult<Value>` went through memory. (The
                        // globals are read here, not kept in a local for
                        // the whole frame: that cost richards 1 % Ir.)
                        let globals = self.frames[fi].globals;
                        match self.global_from_cache(code, i as usize, globals) {
                            Some(v) => push!(v),
                            None => {
                                let v = tri!(self.load_global(code, i as usize, globals));
                                push!(v);
                            }
                        }
                    }
                    Instr::StoreGlobal(i) => {
                        let v = self.pop();
                        let globals = self.frames[fi].globals;
                        self.dict_set_str(globals, code.names[i as usize], v);
                    }
                    Instr::LoadAttr(i) => {
                        // The hit replaces the object in place; the slow
                        // path pushes its own result (see `load_attr_hit`).
                        let obj = self.top();
                        match self.load_attr_hit_inline_first(code, i as usize, obj) {
                            Some(v) => self.set_top(v),
                            None => {
                                self.stack.pop();
                                tri!(self.load_attr_push(code, i as usize, obj));
                            }
                        }
                    }
                    Instr::StoreAttr(i) => {
                        let (v, obj) = self.pop2();
                        tri!(self.store_attr_cached(&code, i as usize, obj, v));
                    }
                    Instr::LoadMethod(i) => {
                        let obj = self.top();
                        match self.load_method_hit_inline_first(code, i as usize, obj) {
                            Some((m, s)) => {
                                self.set_top(m);
                                push!(s);
                            }
                            None => {
                                self.stack.pop();
                                tri!(self.load_method_push(code, i as usize, obj));
                            }
                        }
                    }
                    Instr::BinarySubscr => {
                        let (obj, key) = self.pop2();
                        match self.exact_seq_index(obj, key) {
                            Some(v) => push!(v),
                            None => {
                                let v = tri!(self.get_item(obj, key));
                                push!(v);
                            }
                        }
                    }
                    Instr::StoreSubscr => {
                        let key = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        if !self.exact_list_store(obj, key, v) {
                            tri!(self.set_item(obj, key, v));
                        }
                    }
                    Instr::BinaryOp(op) => {
                        let (a, b) = self.pop2();
                        match crate::vm::ops::fast_binop(a, b, op) {
                            Some(v) => push!(v),
                            None => {
                                let v = tri!(self.binary_op(a, b, op));
                                push!(v);
                            }
                        }
                    }
                    Instr::InplaceOp(op) => {
                        let (a, b) = self.pop2();
                        match crate::vm::ops::fast_binop(a, b, op) {
                            Some(v) => push!(v),
                            None => {
                                let v = tri!(self.inplace_op(a, b, op));
                                push!(v);
                            }
                        }
                    }
                    Instr::UnaryNegative => {
                        let a = self.pop();
                        let v = tri!(self.unary_neg(a));
                        push!(v);
                    }
                    Instr::UnaryNot => {
                        let a = self.top();
                        let t = match truthy_simple(a) {
                            Some(t) => t,
                            None => tri!(self.truthy(a)),
                        };
                        self.set_top(Value::Bool(!t));
                    }
                    Instr::CompareOp(op) => {
                        let (a, b) = self.pop2();
                        match crate::vm::compare::fast_compare(a, b, op) {
                            Some(r) => {
                                // A conditional jump on the result (`if a < b:`,
                                // loop tests) is done here: no push, pop and
                                // dispatch of the bool.
                                // SAFETY: `CompareOp` does not end its path,
                                // so `ip` is in bounds (see the fetch above).
                                match unsafe { *instrs.get_unchecked(ip) } {
                                    Instr::PopJumpIfFalse(t) => ip = if r { ip + 1 } else { t as usize },
                                    Instr::PopJumpIfTrue(t) => ip = if r { t as usize } else { ip + 1 },
                                    _ => push!(Value::Bool(r)),
                                }
                            }
                            None => {
                                let v = tri!(self.compare_op(a, b, op));
                                push!(v);
                            }
                        }
                    }
                    Instr::IsOp(inv) => {
                        let (a, b) = self.pop2();
                        push!(Value::Bool(a.is(b) != (inv != 0)));
                    }
                    Instr::ContainsOp(inv) => {
                        let (item, container) = self.pop2();
                        let r = tri!(self.contains(container, item));
                        push!(Value::Bool(r != (inv != 0)));
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
                        let b = match truthy_simple(v) {
                            Some(b) => b,
                            None => tri!(self.truthy(v)),
                        };
                        if !b {
                            ip = t as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(t) => {
                        let v = self.pop();
                        let b = match truthy_simple(v) {
                            Some(b) => b,
                            None => tri!(self.truthy(v)),
                        };
                        if b {
                            ip = t as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(t) => {
                        let v = self.top();
                        let b = match truthy_simple(v) {
                            Some(b) => b,
                            None => tri!(self.truthy(v)),
                        };
                        if !b {
                            ip = t as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Instr::JumpIfTrueOrPop(t) => {
                        let v = self.top();
                        let b = match truthy_simple(v) {
                            Some(b) => b,
                            None => tri!(self.truthy(v)),
                        };
                        if b {
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
                        push!(it);
                    }
                    Instr::MarkLoopIter => self.mark_loop_iter(),
                    Instr::PopIter => {
                        let it = self.pop();
                        self.frames[fi].ip = ip;
                        self.drop_loop_iter(it);
                    }
                    Instr::ForIter(exit) => {
                        let it = self.top();
                        if let Value::Obj(r) = it {
                            match self.heap.data_mut(r) {
                                ObjData::Generator(_) => {
                                    self.frames[fi].ip = ip;
                                    if tri!(self.resume_for_iter(r, exit)) {
                                        continue 'frames;
                                    }
                                    ip = exit as usize;
                                    continue;
                                }
                                // `for i in range(...)`: the next int in
                                // place (iter_next's call and result
                                // wrapping were ~55 Ir per iteration).
                                ObjData::Iter(state) => {
                                    if let IterState::Range { next, step, remaining } = &mut **state {
                                        if *remaining > 0 {
                                            let v = *next;
                                            *remaining -= 1;
                                            *next = next.wrapping_add(*step);
                                            push!(Value::Int(v));
                                        } else {
                                            self.stack.pop();
                                            ip = exit as usize;
                                        }
                                        continue;
                                    }
                                }
                                _ => {}
                            }
                        }
                        match tri!(self.iter_next(it)) {
                            Some(v) => push!(v),
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
                        push!(t);
                    }
                    Instr::BuildList(n) => {
                        let start = self.stack.len() - n as usize;
                        let items: Vec<Value> = self.stack.drain(start..).collect();
                        let l = self.new_list(items);
                        push!(l);
                    }
                    Instr::BuildSlice(n) => {
                        // `a[i:j]` / `a[i:j] = b` on exact lists: no slice
                        // object (fannkuch allocated one per reversal).
                        match instrs.get(ip) {
                            Some(Instr::BinarySubscr) => {
                                if let Some(v) = self.slice_subscr_fast(n) {
                                    push!(v);
                                    ip += 1;
                                    continue;
                                }
                            }
                            Some(Instr::StoreSubscr) => {
                                if self.slice_store_fast(n) {
                                    ip += 1;
                                    continue;
                                }
                            }
                            _ => {}
                        }
                        let step = if n == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = self.new_slice(start, stop, step);
                        push!(s);
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
                    Instr::UnpackSequence(n) => {
                        let seq = self.pop();
                        tri!(self.unpack_sequence(seq, n as usize));
                    }
                    Instr::Call(argc) => {
                        running_frame!().ip = ip;
                        if let Some((callee_code, callee_base)) = self.push_plain_frame(argc as usize) {
                            // Entering a frame is a safe point (recursion
                            // that never loops must still collect): the
                            // head collects.
                            if self.heap.should_collect() {
                                continue 'frames;
                            }
                            fi += 1;
                            // SAFETY: the frame just pushed at `fi` holds an
                            // `Rc` of this code object; as for `code` at the
                            // head. Its room was made by `push_plain_frame`
                            // and its code is loaded (not a stub), so `ip` 0
                            // is in range (see `switch_to_frame!`).
                            code = unsafe { &*callee_code };
                            base = callee_base;
                            ip = 0;
                            instrs = &code.instrs[..];
                            continue;
                        }
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
                        // A plain call's frame returns in place: pop it,
                        // cut the stack to its callee slot, put the
                        // result there and go on with the caller.
                        let frame = running_frame!();
                        let ret_sp = frame.ret_sp;
                        let len = self.stack.len();
                        if frame.ret == FrameReturn::Push && frame.gen.is_none() && fi > 0 && ret_sp < len.wrapping_sub(1) {
                            // SAFETY: `ret_sp < len - 1` (checked), so both
                            // the result (the top) and its destination are
                            // initialised and in bounds. The frame at `fi`
                            // is the last one (`fi == frames.len() - 1`):
                            // the length is cut before it is dropped in
                            // place (only its code `Rc` needs dropping),
                            // not moved out (a 64-byte copy). `code` points
                            // into it until `switch_to_frame!` below, and
                            // nothing reads `code` in between.
                            unsafe {
                                let p = self.stack.as_mut_ptr();
                                let v = read_halves(p.add(len - 1));
                                p.add(ret_sp).write(v);
                                self.stack.set_len(ret_sp + 1);
                                self.frames.set_len(fi);
                                std::ptr::drop_in_place(self.frames.as_mut_ptr().add(fi));
                            }
                            fi -= 1;
                            switch_to_frame!();
                            continue;
                        }
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
                    Instr::PopExceptReraise => {
                        let exc = self.pop();
                        self.exc_info = self.pop();
                        self.frames[fi].ip = ip;
                        let err = self.as_exception(exc);
                        self.raise_in_frame(err, false)?;
                        continue 'frames;
                    }
                    Instr::YieldValue => {
                        let v = self.pop();
                        // A native consumer (`sum`, `list`...) folding this
                        // generator's values (`gen_next_folding`): folded
                        // there, and the generator goes on, unsuspended.
                        // Tested on `fi` (in a register): no consumer is
                        // `usize::MAX`; the inline tests keep the failed
                        // case short (a generator resumed by a `for` in
                        // the folded one).
                        if fi >= self.absorber.frame
                            && (fi == self.absorber.frame || matches!(running_frame!().ret, FrameReturn::Send { .. }))
                            && self.absorb_yield(v)
                        {
                            continue;
                        }
                        if let Some(exit) = self.yield_from_frame(v, ip) {
                            return Ok(exit);
                        }
                        // The resumer, now the top frame, goes on in place
                        // (as a return to a caller does): it was entered
                        // through the head before it resumed this frame, so
                        // its `ip` is in range and its room is still in its
                        // vector, which is the VM stack again.
                        let Some(top) = self.frames.len().checked_sub(1) else { continue 'frames };
                        fi = top;
                        switch_to_frame!();
                        continue;
                    }
                    Instr::GetAwaitable(kind) => {
                        // The shared `sleep(0)` object is its own awaitable:
                        // left on the stack without the call.
                        let v = self.top();
                        if !matches!(v, Value::Obj(r) if Some(r) == self.ext.asyncio.sleep0) {
                            self.stack.pop();
                            let a = tri!(self.get_awaitable(v, kind));
                            push!(a);
                        }
                    }
                    Instr::Send(exit) => {
                        let value = self.pop();
                        let sub = self.top();
                        self.frames[fi].ip = ip;
                        match tri!(self.send_instr(sub, value, exit)) {
                            SendOutcome::Pushed => continue 'frames,
                            SendOutcome::Yielded(y) => push!(y),
                            SendOutcome::Returned(r) => {
                                self.stack.pop();
                                push!(r);
                                ip = exit as usize;
                            }
                        }
                    }
                    Instr::GetAiter => {
                        let v = self.pop();
                        let it = tri!(self.get_aiter(v, false));
                        push!(it);
                    }
                    Instr::GetAnext => {
                        let it = self.top();
                        self.frames[fi].ip = ip;
                        if self.push_anext_frame(it) {
                            continue 'frames;
                        }
                        let a = tri!(self.get_anext(it));
                        push!(a);
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
                        push!(exit);
                        push!(awaitable);
                    }
                    Instr::AsyncWithExitNormal => {
                        let exit = self.pop();
                        let a = tri!(self.call_value(exit, &[Value::None, Value::None, Value::None], &[]));
                        push!(a);
                    }
                    Instr::AsyncWithExceptStart => {
                        let exc = self.peek(1);
                        let exit = self.peek(3);
                        let r = tri!(self.call_exit_with_exception(exit, exc));
                        push!(r);
                    }
                    // Superinstructions (compiler/peephole.rs; opcode.rs
                    // says what each fuses), done out of line
                    // (run_fused.rs says why).
                    Instr::LoadFastConstBinary(op, x) => fused!(self.fused_load_fast_const_binary(code, base, op, x, false, ip)),
                    Instr::LoadFastConstInplace(op, x) => fused!(self.fused_load_fast_const_binary(code, base, op, x, true, ip)),
                    Instr::LoadFastConstCompare(op, x) => fused!(self.fused_load_fast_const_compare(code, base, op, x, ip)),
                    Instr::BinaryStoreFast(op, a) => fused!(self.fused_binary_store(base, op, a, false, ip)),
                    Instr::InplaceStoreFast(op, a) => fused!(self.fused_binary_store(base, op, a, true, ip)),
                    Instr::LoadFastLoadAttr(x) => fused!(self.fused_load_fast_attr(code, base, x, ip)),
                    Instr::LoadFastConstSubscr(x) => fused!(self.fused_load_fast_const_subscr(code, base, x, ip)),
                    Instr::LoadFastFastBinary(op, x) => fused!(self.fused_load_fast_fast_binary(code, base, op, x, ip)),
                    Instr::LoadFastConstDupSubscr(x) => fused!(self.fused_load_dup_subscr(code, base, x, false, ip)),
                    Instr::LoadFastFastDupSubscr(x) => fused!(self.fused_load_dup_subscr(code, base, x, true, ip)),
                    Instr::InplaceStoreSubscr(op) => fused!(self.fused_inplace_store_subscr(op, ip)),
                    Instr::StoreFastJump(x) => fused!(self.fused_store_jump(fi, base, x, ip)),
                    Instr::IsNoneJump(x) => ip = self.fused_is_none_jump(x, ip),
                    Instr::ForIterUnpack2(b, x) => {
                        fused!(self.fused_for_iter_unpack2(fi, base, b, x, ip));
                        if ip == crate::vm::run_fused::SWITCH_FRAMES {
                            continue 'frames;
                        }
                    }
                    Instr::ForIterStoreFast(x) => {
                        fused!(self.fused_for_iter_store(fi, base, x, ip));
                        if ip == crate::vm::run_fused::SWITCH_FRAMES {
                            // The generator's frame was pushed: run it in
                            // place, without the head. Not a safe point:
                            // the loop's backward jump is one. Its vector
                            // may have been shrunk while it was suspended,
                            // hence the room check.
                            let Some(top) = self.frames.len().checked_sub(1) else { continue 'frames };
                            fi = top;
                            switch_to_frame!();
                            if ip >= instrs.len() {
                                continue 'frames;
                            }
                            self.stack.reserve(code.stacksize as usize);
                        }
                    }
                    // Rare instructions run out of line (run_cold.rs) so
                    // the hot arms above keep their values in registers.
                    Instr::DeleteFast(_) | Instr::DeleteDeref(_) | Instr::LoadClassDeref(_) | Instr::DeleteGlobal(_) | Instr::LoadName(_) | Instr::StoreName(_) | Instr::DeleteName(_) | Instr::DeleteAttr(_) | Instr::DeleteSubscr | Instr::UnaryPositive | Instr::UnaryInvert | Instr::BuildSet(_) | Instr::BuildMap(_) | Instr::BuildString(_) | Instr::SetAdd(_) | Instr::MapAdd(_) | Instr::ListExtend(_) | Instr::SetUpdate(_) | Instr::DictUpdate(_) | Instr::DictMerge(_) | Instr::ListToTuple | Instr::UnpackEx(_) | Instr::FormatValue(_) | Instr::MakeFunction(_) | Instr::LoadBuildClass | Instr::PushExcInfo | Instr::PopExcept | Instr::CheckExcMatch | Instr::CheckEgMatch | Instr::PrepReraiseStar | Instr::LoadAssertionError | Instr::BeforeWith | Instr::WithExceptStart | Instr::WithExitNormal | Instr::GetYieldFromIter | Instr::ImportName(_) | Instr::ImportFrom(_) | Instr::ImportStar | Instr::SetupAnnotations | Instr::PrintExpr | Instr::MatchMapping | Instr::MatchSequence | Instr::MatchKeys | Instr::GetLen | Instr::MatchClass(_) | Instr::CopyDictWithoutKeys => {
                        tri!(self.run_cold(instr, fi, base, &code));
                    }
                }
            }
        }
    }

    /// `LoadGlobal`'s inline-cache hit, or None (the caller takes the
    /// full path). Same checks as the start of `load_global`.
    #[inline(always)]
    fn global_from_cache(&self, code: &crate::bytecode::CodeObject, i: usize, globals: crate::runtime::value::ObjRef) -> Option<Value> {
        let cache = code.global_cache(i);
        let gd = self.dict(globals);
        if cache.globals_version != gd.keys_version() {
            return None;
        }
        // `raw_entry_at`, not `value_at`: one bounds check whose failure
        // is a miss (the slow path re-resolves), instead of IndexMap's
        // panicking index, which checked twice and spilled the index and
        // length for its message (fib 25: 319.7M -> 315.9M Ir).
        if !cache.in_builtins {
            return gd.raw_entry_at(cache.index as usize).map(|(_, v)| v);
        }
        let bd = self.dict(self.builtins);
        if cache.builtins_version == bd.keys_version() {
            return bd.raw_entry_at(cache.index as usize).map(|(_, v)| v);
        }
        None
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
            self.finish_generator(g);
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
            FrameReturn::Await { exit } => {
                // A coroutine run in place (`push_awaited_coroutine`): its
                // resumer's handled exception was None.
                self.exc_info = Value::None;
                self.stack.push(v);
                if let Some(caller) = self.frames.last_mut() {
                    caller.ip = exit as usize;
                }
                Ok(None)
            }
            FrameReturn::Anext { .. } => {
                // The async generator finished: `__anext__()` raises
                // StopAsyncIteration at the caller's `Send` (its slot is
                // cut by the handler).
                if let Some(g) = frame.gen {
                    self.set_ag_running(g, false);
                }
                let c = self.exc.stop_async_iteration;
                Err(PyErr(self.make_exception(c, vec![])))
            }
            // The error belongs to the caller (the frame is gone), as an
            // `__init__`'s below.
            FrameReturn::SendCall => Err(self.stop_iteration(v)),
            FrameReturn::Native => Ok(Some(RunExit::Return(v))),
        }
    }
}

/// The truth of a bool, None or small int without a call (`truthy`
/// takes the value through memory, and `not x`/`and`/`or` on these are
/// common in loops).
#[inline(always)]
fn truthy_simple(v: Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(b),
        Value::None => Some(false),
        Value::Int(i) => Some(i != 0),
        _ => None,
    }
}

/// Result of a `Send` instruction.
pub enum SendOutcome {
    /// A generator frame was pushed (stackless resumption).
    Pushed,
    Yielded(Value),
    Returned(Value),
}
