//! Superinstructions: after a code unit's labels are resolved, the first
//! slot of a frequent run of instructions is replaced by one instruction
//! doing the whole run (the set was chosen by counting adjacent pairs and
//! triples executed by `scripts/bench/*.py`; see notes/perf.md).
//!
//! Rewriting in place, rather than removing the run's later slots, keeps
//! every instruction index valid: jump targets, exception-table ranges,
//! the line table and the resume points of suspended generators need no
//! renumbering, and a jump into the middle of a run executes its later
//! slots unfused. The dispatch loop skips those slots after a fused
//! instruction and raises an error of a later part with `ip` past that
//! part's own slot, so tracebacks name the same line and the same handler
//! catches it as without fusion. Each slot is decided from the original
//! instructions, so fused runs may overlap.
//!
//! Only plain heads are rewritten (`LoadFast`, `StoreFast`, `BinaryOp`,
//! `InplaceOp`, `ForIter`, a `LoadNone` before `IsOp`): the VM reads some instructions by position
//! (`CompareOp`/`BuildSlice` look at their successor, generators at the
//! `Send`/`YieldValue`/`Call` around a resume point), and those slots are
//! never heads, so those reads see what they always saw.

use crate::bytecode::pack2;
use crate::bytecode::Instr;

/// Replace each slot that starts a fusible run by its superinstruction.
pub fn fuse(instrs: &mut [Instr]) {
    let orig = instrs.to_vec();
    for (k, slot) in instrs.iter_mut().enumerate() {
        if let Some(f) = fused_at(&orig, k) {
            *slot = f;
        }
    }
}

/// The superinstruction for the run starting at `k`, if there is one
/// (operands that do not fit its fields leave the run unfused).
fn fused_at(s: &[Instr], k: usize) -> Option<Instr> {
    use Instr::*;
    let next = s.get(k + 1).copied();
    let third = s.get(k + 2).copied();
    // `Copy(2) Copy(2) BinarySubscr` after the container and key: the
    // load half of `x[k] op= v` (its store half is `InplaceStoreSubscr`).
    let dup_subscr = matches!(s.get(k + 2..k + 5), Some([Copy(2), Copy(2), BinarySubscr]));
    match (s[k], next?) {
        (LoadFast(a), LoadConst(c)) if dup_subscr => Some(LoadFastConstDupSubscr(pack2(a, c)?)),
        (LoadFast(a), LoadFast(b)) if dup_subscr => Some(LoadFastFastDupSubscr(pack2(a, b)?)),
        (LoadFast(a), LoadFast(b)) => match third? {
            BinaryOp(op) => Some(LoadFastFastBinary(op, pack2(a, b)?)),
            _ => None,
        },
        (InplaceOp(op), Swap(3)) => match s.get(k + 2..k + 4)? {
            [Swap(2), StoreSubscr] => Some(InplaceStoreSubscr(op)),
            _ => None,
        },
        (LoadFast(a), LoadConst(c)) => {
            let ac = pack2(a, c)?;
            Some(match third {
                Some(BinaryOp(op)) => LoadFastConstBinary(op, ac),
                Some(InplaceOp(op)) => LoadFastConstInplace(op, ac),
                Some(CompareOp(op)) => LoadFastConstCompare(op, ac),
                Some(BinarySubscr) => LoadFastConstSubscr(ac),
                _ => return None,
            })
        }
        (LoadFast(a), LoadAttr(n)) => Some(LoadFastLoadAttr(pack2(a, n)?)),
        (BinaryOp(op), StoreFast(a)) => Some(BinaryStoreFast(op, a)),
        (InplaceOp(op), StoreFast(a)) => Some(InplaceStoreFast(op, a)),
        (ForIter(exit), UnpackSequence(2)) => match s.get(k + 2..k + 4)? {
            [StoreFast(a), StoreFast(b)] => Some(ForIterUnpack2(u8::try_from(*b).ok()?, pack2(exit, *a)?)),
            _ => None,
        },
        (ForIter(exit), StoreFast(a)) => Some(ForIterStoreFast(pack2(exit, a)?)),
        (StoreFast(a), Jump(t)) => Some(StoreFastJump(pack2(a, t)?)),
        // `x is None` / `x is not None` tests: no part can raise.
        (LoadNone, IsOp(inv)) if inv <= 1 => {
            let (t, if_true) = match third? {
                PopJumpIfFalse(t) => (t, 0),
                PopJumpIfTrue(t) => (t, 1),
                _ => return None,
            };
            (t < 1 << 30).then_some(IsNoneJump(t | inv << 31 | if_true << 30))
        }
        _ => None,
    }
}
