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
//! Each returns the index of the next instruction to run, or the error
//! with the index just past the slot that raised it (what `ip` is for an
//! unfused instruction), so tracebacks and handlers see the part that
//! failed.

use crate::bytecode::{unpack2, CodeObject, Instr};
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{PyErr, Vm};

/// Next instruction index, or the error and the index to report it at.
pub(crate) type Fused = Result<usize, (PyErr, usize)>;

/// Returned by `fused_for_iter_store` when it pushed a generator's frame:
/// the dispatch loop switches frames.
pub(crate) const SWITCH_FRAMES: usize = usize::MAX;

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

    /// Local `a`, or UnboundLocalError reported at `at`.
    #[inline(always)]
    fn fused_local(&mut self, code: &CodeObject, base: usize, a: usize, at: usize) -> Result<Value, (PyErr, usize)> {
        let v = self.stack_get(base + a);
        if v.is_undef() {
            return Err((self.unbound_local(&code.varnames[a]), at));
        }
        Ok(v)
    }

    /// `LoadFast LoadConst BinaryOp/InplaceOp` (`inplace`).
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_binary(&mut self, code: &CodeObject, base: usize, op: crate::ast::BinOp, ac: u32, inplace: bool, ip: usize) -> Fused {
        let (a, c) = unpack2(ac);
        let x = self.fused_local(code, base, a, ip)?;
        let y = code.consts[c];
        let v = match crate::vm::ops::fast_binop(x, y, op) {
            Some(v) => v,
            None => self.binary_or_inplace(x, y, op, inplace).map_err(|e| (e, ip + 2))?,
        };
        self.fused_push(v);
        Ok(ip + 2)
    }

    /// `LoadFast LoadConst CompareOp`, taking a following conditional
    /// jump as `CompareOp` does.
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_compare(&mut self, code: &CodeObject, base: usize, op: crate::ast::CmpOp, ac: u32, ip: usize) -> Fused {
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
    }

    /// `BinaryOp/InplaceOp StoreFast`; when the fast path has no answer,
    /// the operation alone (its `StoreFast` slot runs next).
    #[inline(never)]
    pub(crate) fn fused_binary_store(&mut self, base: usize, op: crate::ast::BinOp, a: u32, inplace: bool, ip: usize) -> Fused {
        let (x, y) = self.pop2();
        match crate::vm::ops::fast_binop(x, y, op) {
            Some(v) => {
                self.stack[base + a as usize] = v;
                Ok(ip + 1)
            }
            None => {
                let v = self.binary_or_inplace(x, y, op, inplace).map_err(|e| (e, ip))?;
                self.fused_push(v);
                Ok(ip)
            }
        }
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
        let obj = self.fused_local(code, base, a, ip)?;
        match self.load_attr_hit_inline_first(code, n, obj) {
            Some(v) => self.fused_push(v),
            None => self.load_attr_push(code, n, obj).map_err(|e| (e, ip + 1))?,
        }
        Ok(ip + 1)
    }

    /// `LoadFast LoadConst BinarySubscr`.
    #[inline(never)]
    pub(crate) fn fused_load_fast_const_subscr(&mut self, code: &CodeObject, base: usize, ac: u32, ip: usize) -> Fused {
        let (a, c) = unpack2(ac);
        let x = self.fused_local(code, base, a, ip)?;
        let key = code.consts[c];
        let v = match self.exact_seq_index(x, key) {
            Some(v) => v,
            None => self.get_item(x, key).map_err(|e| (e, ip + 2))?,
        };
        self.fused_push(v);
        Ok(ip + 2)
    }

    /// `ForIter StoreFast`: the item goes straight to the local; a
    /// generator is resumed as `ForIter` does (its frame pushed, the
    /// value it yields pushed here and stored by the `StoreFast` slot).
    #[inline(never)]
    pub(crate) fn fused_for_iter_store(&mut self, fi: usize, base: usize, ea: u32, ip: usize) -> Fused {
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

    /// `StoreFast Jump` (a backward jump is a safe point, as `Jump`'s).
    #[inline(never)]
    pub(crate) fn fused_store_jump(&mut self, fi: usize, base: usize, at: u32, ip: usize) -> Fused {
        let (a, t) = unpack2(at);
        let v = self.pop();
        self.stack[base + a] = v;
        if t <= ip {
            self.frames[fi].ip = t;
            if let Some(err) = self.safe_point() {
                return Err((err, ip + 1));
            }
        }
        Ok(t)
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
