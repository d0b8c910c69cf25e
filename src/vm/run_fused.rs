//! The superinstructions' work (see `compiler/peephole.rs` and the
//! opcode table), one out-of-line function each, called from their arms
//! in `run_frames`.
//!
//! Why out of line: written as arms inside `run_frames`, even three small
//! ones made LLVM hoist the addresses of the value stack's fields out of
//! the dispatch loop and spill them, so every arm (fused or not) loaded
//! the stack's length through an extra pointer from the stack frame;
//! nbody ran 1.16x slower in CPU at 8.5 % fewer instructions. A call
//! per fused instruction costs a few instructions and leaves the loop's
//! code as it was.
//!
//! Each returns the index of the next instruction to run, or
//! `FUSED_RAISED` after storing the error in `Vm::fused_error` with the
//! index just past the slot that raised it (what `ip` is for an unfused
//! instruction), so tracebacks and handlers see the part that failed.
//! (A `Result` carrying the error and its index was 24 bytes, returned
//! through memory and read back by every arm.)
//!
//! The common case of each is a short straight-line fast path; anything
//! else (an unbound local, a type without a native fast path, an error)
//! goes to a `#[cold]` function that does the whole instruction again
//! from the start, so the fast path has nothing to undo and needs no
//! callee-saved registers or stack frame of its own.

use crate::bytecode::{unpack2, CodeObject, Instr};
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{write_halves, PyErr, Vm};

/// Next instruction index, `FUSED_RAISED` or (`ForIterStoreFast`)
/// `SWITCH_FRAMES`.
pub(crate) type Fused = usize;

/// A superinstruction raised: `Vm::fused_error` holds the error and the
/// index to report it at.
pub(crate) const FUSED_RAISED: usize = usize::MAX - 1;

/// Returned by `fused_for_iter_store` when it pushed a generator's frame:
/// the dispatch loop switches frames.
pub(crate) const SWITCH_FRAMES: usize = usize::MAX;

/// The old-style result of a slow path, turned into a `Fused` by
/// `Vm::fused_result`.
type SlowResult = Result<usize, (PyErr, usize)>;

impl Vm {
    /// Push without a capacity check.
    #[inline(always)]
    fn fused_push(&mut self, v: Value) {
        // SAFETY: called only while a fused instruction of the top frame
        // runs, with the stack at that frame's depth; `run_frames`
        // reserved `code.stacksize` above it, and each fused instruction
        // pushes no more than its unfused parts do (the depth analysis
        // ran on those).
        unsafe { self.push_unchecked(v) }
    }

    /// A slow path's result as a `Fused`, the error kept in `fused_error`.
    #[inline(always)]
    fn fused_result(&mut self, r: SlowResult) -> Fused {
        match r {
            Ok(next) => next,
            Err(e) => {
                self.fused_error = Some(e);
                FUSED_RAISED
            }
        }
    }

    /// The error a superinstruction raised and where (after `FUSED_RAISED`).
    #[cold]
    pub(crate) fn take_fused_error(&mut self) -> (PyErr, usize) {
        match self.fused_error.take() {
            Some(e) => e,
            None => (self.runtime_error("internal error: a fused instruction raised no error"), 0),
        }
    }

    /// Local `a`, or UnboundLocalError reported at `at`.
    #[inline(always)]
    fn fused_local(&mut self, code: &CodeObject, base: usize, a: usize, at: usize) -> Result<Value, (PyErr, usize)> {
        let v = self.stack_get(base + a);
        if v.is_undef() {
            return Err((self.unbound_local(&code.varnames[a]), at));
        }
        Ok(v)
    }

    /// The `n`-th value from the top (1 = top) with no bounds check.
    ///
    /// # Safety
    /// The stack must hold at least `n` values.
    #[inline(always)]
    unsafe fn fused_peek(&self, n: usize) -> Value {
        debug_assert!(n <= self.stack.len());
        // SAFETY: the caller guarantees `len - n` is in bounds.
        unsafe { crate::vm::read_halves(self.stack.as_ptr().add(self.stack.len() - n)) }
    }

    /// `LoadFast LoadConst BinaryOp/InplaceOp` (`inplace`).
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_binary(&mut self, code: &CodeObject, base: usize, op: crate::ast::BinOp, ac: u32, inplace: bool, ip: usize) -> Fused {
        let (a, c) = unpack2(ac);
        let x = self.stack_get(base + a);
        if let Some(v) = crate::vm::ops::fast_binop(x, code.consts[c], op) {
            self.fused_push(v);
            return ip + 2;
        }
        self.fused_load_fast_const_binary_slow(code, base, op, ac, inplace, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_fast_const_binary_slow(&mut self, code: &CodeObject, base: usize, op: crate::ast::BinOp, ac: u32, inplace: bool, ip: usize) -> Fused {
        let r = (|| {
            let (a, c) = unpack2(ac);
            let x = self.fused_local(code, base, a, ip)?;
            let y = code.consts[c];
            let v = self.binary_or_inplace(x, y, op, inplace).map_err(|e| (e, ip + 2))?;
            self.fused_push(v);
            Ok(ip + 2)
        })();
        self.fused_result(r)
    }

    /// `LoadFast LoadConst CompareOp`, taking a following conditional
    /// jump as `CompareOp` does.
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_compare(&mut self, code: &CodeObject, base: usize, op: crate::ast::CmpOp, ac: u32, ip: usize) -> Fused {
        let (a, c) = unpack2(ac);
        let x = self.stack_get(base + a);
        if let Some(r) = crate::vm::compare::fast_compare(x, code.consts[c], op) {
            let next = ip + 2;
            return match code.instrs.get(next) {
                Some(&Instr::PopJumpIfFalse(t)) => {
                    if r {
                        next + 1
                    } else {
                        t as usize
                    }
                }
                Some(&Instr::PopJumpIfTrue(t)) => {
                    if r {
                        t as usize
                    } else {
                        next + 1
                    }
                }
                _ => {
                    self.fused_push(Value::Bool(r));
                    next
                }
            };
        }
        self.fused_load_fast_const_compare_slow(code, base, op, ac, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_fast_const_compare_slow(&mut self, code: &CodeObject, base: usize, op: crate::ast::CmpOp, ac: u32, ip: usize) -> Fused {
        let r = (|| {
            let (a, c) = unpack2(ac);
            let x = self.fused_local(code, base, a, ip)?;
            let y = code.consts[c];
            let next = ip + 2;
            match crate::vm::compare::fast_compare(x, y, op) {
                Some(r) => match code.instrs.get(next) {
                    Some(&Instr::PopJumpIfFalse(t)) => Ok(if r { next + 1 } else { t as usize }),
                    Some(&Instr::PopJumpIfTrue(t)) => Ok(if r { t as usize } else { next + 1 }),
                    _ => {
                        self.fused_push(Value::Bool(r));
                        Ok(next)
                    }
                },
                None => {
                    let v = self.compare_op(x, y, op).map_err(|e| (e, next))?;
                    self.fused_push(v);
                    Ok(next)
                }
            }
        })();
        self.fused_result(r)
    }

    /// `BinaryOp/InplaceOp StoreFast`; when the fast path has no answer,
    /// the operation alone (its `StoreFast` slot runs next).
    #[inline(never)]
    pub(crate) fn fused_binary_store(&mut self, base: usize, op: crate::ast::BinOp, a: u32, inplace: bool, ip: usize) -> Fused {
        let len = self.stack.len();
        if len >= 2 && base + (a as usize) < len - 2 {
            // SAFETY: the stack holds at least two values (checked).
            let (x, y) = unsafe { (self.fused_peek(2), self.fused_peek(1)) };
            if let Some(v) = crate::vm::ops::fast_binop(x, y, op) {
                // SAFETY: `base + a` is below the two operands (checked),
                // so in bounds; the length drops by the two operands.
                unsafe {
                    write_halves(self.stack.as_mut_ptr().add(base + a as usize), v);
                    self.stack.set_len(len - 2);
                }
                return ip + 1;
            }
        }
        self.fused_binary_store_slow(base, op, a, inplace, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_binary_store_slow(&mut self, base: usize, op: crate::ast::BinOp, a: u32, inplace: bool, ip: usize) -> Fused {
        let (x, y) = self.pop2();
        let r = match crate::vm::ops::fast_binop(x, y, op) {
            Some(v) => {
                self.stack[base + a as usize] = v;
                Ok(ip + 1)
            }
            None => match self.binary_or_inplace(x, y, op, inplace) {
                Ok(v) => {
                    self.fused_push(v);
                    Ok(ip)
                }
                Err(e) => Err((e, ip)),
            },
        };
        self.fused_result(r)
    }

    fn binary_or_inplace(&mut self, x: Value, y: Value, op: crate::ast::BinOp, inplace: bool) -> crate::vm::PyResult<Value> {
        if inplace {
            self.inplace_op(x, y, op)
        } else {
            self.binary_op(x, y, op)
        }
    }

    /// `LoadFast LoadAttr`.
    #[inline(never)]
    pub(crate) fn fused_load_fast_attr(&mut self, code: &CodeObject, base: usize, an: u32, ip: usize) -> Fused {
        let (a, n) = unpack2(an);
        let obj = self.stack_get(base + a);
        if let Some(v) = self.load_attr_inline_instance_hit(code, n, obj) {
            self.fused_push(v);
            return ip + 1;
        }
        self.fused_load_fast_attr_slow(code, base, an, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_fast_attr_slow(&mut self, code: &CodeObject, base: usize, an: u32, ip: usize) -> Fused {
        let r = (|| {
            let (a, n) = unpack2(an);
            let obj = self.fused_local(code, base, a, ip)?;
            match self.load_attr_hit_inline_first(code, n, obj) {
                Some(v) => self.fused_push(v),
                None => self.load_attr_push(code, n, obj).map_err(|e| (e, ip + 1))?,
            }
            Ok(ip + 1)
        })();
        self.fused_result(r)
    }

    /// `LoadFast LoadConst BinarySubscr`.
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_subscr(&mut self, code: &CodeObject, base: usize, ac: u32, ip: usize) -> Fused {
        let (a, c) = unpack2(ac);
        let x = self.stack_get(base + a);
        if let Some(v) = self.exact_seq_index(x, code.consts[c]) {
            self.fused_push(v);
            return ip + 2;
        }
        self.fused_load_fast_const_subscr_slow(code, base, ac, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_fast_const_subscr_slow(&mut self, code: &CodeObject, base: usize, ac: u32, ip: usize) -> Fused {
        let r = (|| {
            let (a, c) = unpack2(ac);
            let x = self.fused_local(code, base, a, ip)?;
            let v = self.get_item(x, code.consts[c]).map_err(|e| (e, ip + 2))?;
            self.fused_push(v);
            Ok(ip + 2)
        })();
        self.fused_result(r)
    }

    /// `LoadFast(a) LoadFast(b) BinaryOp(op)`.
    #[inline(never)]
    pub(crate) fn fused_load_fast_fast_binary(&mut self, code: &CodeObject, base: usize, op: crate::ast::BinOp, ab: u32, ip: usize) -> Fused {
        let (a, b) = unpack2(ab);
        let (x, y) = (self.stack_get(base + a), self.stack_get(base + b));
        if let Some(v) = crate::vm::ops::fast_binop(x, y, op) {
            self.fused_push(v);
            return ip + 2;
        }
        self.fused_load_fast_fast_binary_slow(code, base, op, ab, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_fast_fast_binary_slow(&mut self, code: &CodeObject, base: usize, op: crate::ast::BinOp, ab: u32, ip: usize) -> Fused {
        let r = (|| {
            let (a, b) = unpack2(ab);
            let x = self.fused_local(code, base, a, ip)?;
            let y = self.fused_local(code, base, b, ip + 1)?;
            let v = self.binary_op(x, y, op).map_err(|e| (e, ip + 2))?;
            self.fused_push(v);
            Ok(ip + 2)
        })();
        self.fused_result(r)
    }

    /// `LoadFast(a) LoadConst(k)/LoadFast(k) Copy(2) Copy(2) BinarySubscr`
    /// (`key_is_local` says which): the container and key stay on the
    /// stack under the item for `InplaceStoreSubscr` (`a[k] op= v`).
    #[inline(never)]
    pub(crate) fn fused_load_dup_subscr(&mut self, code: &CodeObject, base: usize, ak: u32, key_is_local: bool, ip: usize) -> Fused {
        let (a, k) = unpack2(ak);
        let obj = self.stack_get(base + a);
        let key = if key_is_local { self.stack_get(base + k) } else { code.consts[k] };
        if let Some(v) = self.exact_seq_index(obj, key) {
            self.fused_push(obj);
            self.fused_push(key);
            self.fused_push(v);
            return ip + 4;
        }
        self.fused_load_dup_subscr_slow(code, base, ak, key_is_local, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_load_dup_subscr_slow(&mut self, code: &CodeObject, base: usize, ak: u32, key_is_local: bool, ip: usize) -> Fused {
        let r = (|| {
            let (a, k) = unpack2(ak);
            let obj = self.fused_local(code, base, a, ip)?;
            let key = if key_is_local { self.fused_local(code, base, k, ip + 1)? } else { code.consts[k] };
            // Pushed before the look-up, as the unfused parts leave them: a
            // `__getitem__` written in Python runs with them on the stack.
            self.fused_push(obj);
            self.fused_push(key);
            let v = self.get_item(obj, key).map_err(|e| (e, ip + 4))?;
            self.fused_push(v);
            Ok(ip + 4)
        })();
        self.fused_result(r)
    }

    /// `InplaceOp(op) Swap(3) Swap(2) StoreSubscr`: `obj key x v ->`,
    /// `obj[key] = x op= v`.
    #[inline(never)]
    pub(crate) fn fused_inplace_store_subscr(&mut self, op: crate::ast::BinOp, ip: usize) -> Fused {
        let len = self.stack.len();
        if len >= 4 {
            // SAFETY: the stack holds at least four values (checked).
            let (obj, key, x, v) = unsafe { (self.fused_peek(4), self.fused_peek(3), self.fused_peek(2), self.fused_peek(1)) };
            if let Some(r) = crate::vm::ops::fast_binop(x, v, op) {
                if let Some(slot) = self.exact_list_slot(obj, key) {
                    // SAFETY: `slot` points into the list's live storage
                    // (nothing ran since `exact_list_slot`); the length
                    // drops by the four operands (checked above).
                    unsafe {
                        write_halves(slot, r);
                        self.stack.set_len(len - 4);
                    }
                    return ip + 3;
                }
            }
        }
        self.fused_inplace_store_subscr_slow(op, ip)
    }

    #[cold]
    #[inline(never)]
    fn fused_inplace_store_subscr_slow(&mut self, op: crate::ast::BinOp, ip: usize) -> Fused {
        let r = (|| {
            let (x, v) = self.pop2();
            let r = match crate::vm::ops::fast_binop(x, v, op) {
                Some(r) => r,
                None => self.inplace_op(x, v, op).map_err(|e| (e, ip))?,
            };
            let (obj, key) = self.pop2();
            self.set_item(obj, key, r).map_err(|e| (e, ip + 3))?;
            Ok(ip + 3)
        })();
        self.fused_result(r)
    }

    /// The slot of `obj[key]` for an exact list and an int index in range.
    #[inline(always)]
    fn exact_list_slot(&mut self, obj: Value, key: Value) -> Option<*mut Value> {
        let (Value::Obj(r), Value::Int(i)) = (obj, key) else { return None };
        let list_cls = self.types.list;
        let o = self.heap.get_mut(r);
        if o.class != list_cls {
            return None;
        }
        let ObjData::List(items) = &mut o.data else { return None };
        let j = if i < 0 { i.wrapping_add(items.len() as i64) } else { i };
        items.get_mut(usize::try_from(j).ok()?).map(|slot| slot as *mut Value)
    }

    /// `ForIter StoreFast`: the item goes straight to the local; a
    /// generator is resumed as `ForIter` does (its frame pushed, the
    /// value it yields pushed here and stored by the `StoreFast` slot).
    #[inline(never)]
    pub(crate) fn fused_for_iter_store(&mut self, fi: usize, base: usize, ea: u32, ip: usize) -> Fused {
        let r = self.fused_for_iter_store_inner(fi, base, ea, ip);
        self.fused_result(r)
    }

    #[inline(always)]
    fn fused_for_iter_store_inner(&mut self, fi: usize, base: usize, ea: u32, ip: usize) -> SlowResult {
        let (exit, a) = unpack2(ea);
        let it = self.top();
        if let Value::Obj(r) = it {
            match self.heap.data_mut(r) {
                ObjData::Iter(state) => {
                    if let IterState::Range { next, step, remaining } = &mut **state {
                        if *remaining > 0 {
                            let v = *next;
                            *remaining -= 1;
                            *next = next.wrapping_add(*step);
                            self.stack[base + a] = Value::Int(v);
                            return Ok(ip + 1);
                        }
                        self.stack.pop();
                        return Ok(exit);
                    }
                }
                ObjData::Generator(_) => {
                    self.frames[fi].ip = ip;
                    return match self.resume_for_iter_inline(r, exit as u32) {
                        Ok(true) => Ok(SWITCH_FRAMES),
                        Ok(false) => Ok(exit),
                        Err(e) => Err((e, ip)),
                    };
                }
                _ => {}
            }
        }
        match self.iter_next(it).map_err(|e| (e, ip))? {
            Some(v) => {
                self.stack[base + a] = v;
                Ok(ip + 1)
            }
            None => {
                self.stack.pop();
                Ok(exit)
            }
        }
    }

    /// `ForIter UnpackSequence(2) StoreFast(a) StoreFast(b)`: an exact
    /// 2-tuple or 2-list from a list or tuple iterator goes straight to the
    /// two locals; anything else is `ForIter` alone (the item pushed, or a
    /// generator resumed, and the `UnpackSequence` slot runs next, raising
    /// what it raises).
    #[inline(never)]
    pub(crate) fn fused_for_iter_unpack2(&mut self, fi: usize, base: usize, b: u8, ea: u32, ip: usize) -> Fused {
        let (exit, a) = unpack2(ea);
        let len = self.stack.len();
        let (a, b) = (base + a, base + b as usize);
        if len >= 1 && a < len - 1 && b < len - 1 {
            // SAFETY: the stack holds at least one value (checked).
            if let Value::Obj(r) = unsafe { self.fused_peek(1) } {
                if let Some(pair) = self.seq_iter_next_pair(r) {
                    // SAFETY: both locals are below the iterator (checked).
                    unsafe {
                        let p = self.stack.as_mut_ptr();
                        write_halves(p.add(a), pair.0);
                        write_halves(p.add(b), pair.1);
                    }
                    return ip + 3;
                }
            }
        }
        self.fused_for_iter_unpack2_slow(fi, exit, ip)
    }

    /// The next item of a list/tuple iterator `r` when it is an exact
    /// tuple or list of two, as its parts (the iterator advanced); None,
    /// with nothing changed, otherwise.
    #[inline(always)]
    fn seq_iter_next_pair(&mut self, r: crate::runtime::value::ObjRef) -> Option<(Value, Value)> {
        let ObjData::Iter(state) = self.heap.data(r) else { return None };
        let IterState::Seq { seq, index } = **state else { return None };
        let item = match self.heap.data(seq) {
            ObjData::List(items) => *items.get(index)?,
            ObjData::Tuple(items) => *items.get(index)?,
            _ => return None,
        };
        let Value::Obj(ir) = item else { return None };
        let o = self.heap.get(ir);
        let parts: &[Value] = match &o.data {
            ObjData::Tuple(v) if o.class == self.types.tuple => v,
            ObjData::List(v) if o.class == self.types.list => v,
            _ => return None,
        };
        let [x, y] = parts[..] else { return None };
        if let ObjData::Iter(state) = self.heap.data_mut(r) {
            if let IterState::Seq { index, .. } = &mut **state {
                *index += 1;
            }
        }
        Some((x, y))
    }

    #[cold]
    #[inline(never)]
    fn fused_for_iter_unpack2_slow(&mut self, fi: usize, exit: usize, ip: usize) -> Fused {
        let it = self.top();
        if let Value::Obj(r) = it {
            if let ObjData::Generator(_) = self.heap.data(r) {
                self.frames[fi].ip = ip;
                let res = match self.resume_for_iter(r, exit as u32) {
                    Ok(true) => Ok(SWITCH_FRAMES),
                    Ok(false) => Ok(exit),
                    Err(e) => Err((e, ip)),
                };
                return self.fused_result(res);
            }
        }
        let res = match self.iter_next(it) {
            Ok(Some(v)) => {
                self.fused_push(v);
                Ok(ip)
            }
            Ok(None) => {
                self.stack.pop();
                Ok(exit)
            }
            Err(e) => Err((e, ip)),
        };
        self.fused_result(res)
    }

    /// `StoreFast Jump` (a backward jump is a safe point, as `Jump`'s).
    #[inline(never)]
    pub(crate) fn fused_store_jump(&mut self, fi: usize, base: usize, at: u32, ip: usize) -> Fused {
        let (a, t) = unpack2(at);
        let v = self.pop();
        self.stack[base + a] = v;
        if t <= ip {
            self.frames[fi].ip = t;
            if let Some(err) = self.safe_point() {
                self.fused_error = Some((err, ip + 1));
                return FUSED_RAISED;
            }
        }
        t
    }

    /// `LoadNone IsOp PopJumpIfFalse/True` (none of it can raise).
    #[inline(never)]
    pub(crate) fn fused_is_none_jump(&mut self, x: u32, ip: usize) -> usize {
        let is_none = self.pop().is_none();
        let outcome = is_none != (x >> 31 != 0);
        let jump_if_true = x >> 30 & 1 != 0;
        if outcome == jump_if_true {
            (x & 0x3fff_ffff) as usize
        } else {
            ip + 2
        }
    }
}
