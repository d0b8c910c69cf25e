//! The opcode table: every instruction the VM executes, with its operand
//! and its effect on the value stack. This enum is the single source of
//! truth; the compiler emits it, the VM matches on it, `dis` prints it.
//!
//! Notation: stack effects read `before -> after`, top of stack rightmost.
//! `NULL` is `Value::Undef` used as "no self" below a callable.
//! Jump operands are absolute instruction indices.

use crate::ast::{BinOp, CmpOp};

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    Nop,

    // ---- stack manipulation ----
    /// `x ->`
    PopTop,
    /// `.. x(n) .. -> .. x(n) .. x`: push a copy of the n-th item (1 = top).
    Copy(u32),
    /// Swap the top with the n-th item (n >= 2).
    Swap(u32),
    /// `-> NULL`
    PushNull,

    // ---- constants and variables ----
    /// `-> consts[i]`
    LoadConst(u32),
    /// `-> None`
    LoadNone,
    /// `-> localsplus[i]`; UnboundLocalError if unbound.
    LoadFast(u32),
    /// `x ->`, localsplus[i] = x
    StoreFast(u32),
    /// unbind localsplus[i] (UnboundLocalError if unbound)
    DeleteFast(u32),
    /// `-> cell.contents` for the cell in localsplus[i]
    LoadDeref(u32),
    /// `x ->`, cell.contents = x
    StoreDeref(u32),
    DeleteDeref(u32),
    /// `-> cell` itself (for building closures)
    LoadClosure(u32),
    /// Class body reading a free variable: namespace first, then the cell.
    /// Operand: (name index, localsplus index) packed as name << 16 | slot.
    LoadClassDeref(u32),
    /// `-> globals[names[i]]` or builtins; NameError if missing. Cached.
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Module/class-body name lookup: locals namespace, globals, builtins.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    // ---- attributes and items ----
    /// `obj -> obj.names[i]`
    LoadAttr(u32),
    /// `value obj ->`, obj.names[i] = value
    StoreAttr(u32),
    /// `obj ->`
    DeleteAttr(u32),
    /// `obj -> meth obj` when names[i] is a plain method found on the type,
    /// else `obj -> NULL attr`. Paired with `Call`.
    LoadMethod(u32),
    /// `container key -> container[key]`
    BinarySubscr,
    /// `value container key ->`
    StoreSubscr,
    /// `container key ->`
    DeleteSubscr,

    // ---- operators ----
    /// `a b -> a op b`
    BinaryOp(BinOp),
    /// `a b -> a op= b` (tries `__iop__` first)
    InplaceOp(BinOp),
    /// `a -> -a`
    UnaryNegative,
    UnaryPositive,
    UnaryInvert,
    /// `a -> not a`
    UnaryNot,
    /// `a b -> a op b` for <, <=, ==, !=, >, >= (not is/in: see below)
    CompareOp(CmpOp),
    /// `a b -> a is b` (operand 1: `is not`)
    IsOp(u32),
    /// `a b -> a in b` (operand 1: `not in`)
    ContainsOp(u32),

    // ---- control flow ----
    Jump(u32),
    /// `x ->`, jump if falsy
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// `x -> x` and jump if falsy, else `x ->`
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    /// `x ->`, jump if x is None / is not None
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    /// `iterable -> iterator`
    GetIter,
    /// `iter -> iter next` or, when exhausted, `iter ->` and jump to target.
    ForIter(u32),
    /// `iter -> iter`: the loop's iterable was a call that just created
    /// this generator, so the loop holds the only reference to it (see
    /// `Vm::mark_loop_iter`).
    MarkLoopIter,
    /// `iter ->`: leaving a `for`/`async for` early (`break`, `return`);
    /// a generator only the loop referenced is finalised now, as CPython's
    /// reference counting would.
    PopIter,

    // ---- building ----
    /// `x1..xn -> (x1, .., xn)`
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `k1 v1 .. kn vn -> {k1: v1, ..}`
    BuildMap(u32),
    /// `s1..sn -> "s1..sn"` (f-string pieces, all str)
    BuildString(u32),
    /// `start stop -> slice` (2) or `start stop step -> slice` (3)
    BuildSlice(u32),
    /// `list .. x -> list ..`: list at depth n (after popping x) gets x
    ListAppend(u32),
    SetAdd(u32),
    /// `map .. k v -> map ..`
    MapAdd(u32),
    /// `list .. it -> list ..`, list.extend(it)
    ListExtend(u32),
    SetUpdate(u32),
    /// `map .. m -> map ..`, map.update(m)
    DictUpdate(u32),
    /// Like DictUpdate for `f(**m)`: duplicate keys are a TypeError; the
    /// callable sits below the map at depth n + 2 (for the message).
    DictMerge(u32),
    /// `list -> tuple`
    ListToTuple,
    /// `seq -> xn .. x1` (x1 on top)
    UnpackSequence(u32),
    /// `seq -> ..` for `a, *b, c = seq`: operand = before | after << 8
    UnpackEx(u32),
    /// `value [spec] -> str`; operand bits 0-1: conversion (0 none, 1 str,
    /// 2 repr, 3 ascii); bit 2: a format spec is on the stack.
    FormatValue(u32),

    // ---- functions and calls ----
    /// `[defaults] [kwdefaults] [annotations] [closure] code -> function`;
    /// operand flag bits: 1 defaults tuple, 2 kwdefaults dict,
    /// 4 annotations dict, 8 closure tuple.
    MakeFunction(u32),
    /// `callable_or_meth self_or_NULL arg1..argN -> result` (N = operand)
    Call(u32),
    /// As `Call`, with `kwnames` (a tuple constant at index `kw`) naming the
    /// last `len(kwnames)` args: operand = argc | kw << 8 (argc counts them).
    CallKw(u32),
    /// `callable NULL argstuple [kwargsdict] -> result` (operand 1: has dict)
    CallEx(u32),
    /// `x ->`, return x from the frame
    ReturnValue,
    /// `-> __build_class__`
    LoadBuildClass,

    // ---- exceptions ----
    /// raise (0: re-raise current, 1: `raise x`, 2: `raise x from y`)
    Raise(u32),
    /// `exc ->` re-raise without adding a traceback entry
    Reraise,
    /// `exc -> prev_exc exc` and make exc the handled exception
    PushExcInfo,
    /// `prev_exc ->` restore the handled exception
    PopExcept,
    /// `prev_exc exc ->` restore prev_exc as handled, re-raise exc
    PopExceptReraise,
    /// `exc type -> exc bool`
    CheckExcMatch,
    /// `eg type -> rest match` for `except*`: split the group
    CheckEgMatch,
    /// `orig rest raised -> exc_or_None`: what an `except*` block
    /// re-raises (unhandled rest plus exceptions raised by handlers).
    PrepReraiseStar,
    /// `-> AssertionError`
    LoadAssertionError,
    /// `cm -> exit enter_result`
    BeforeWith,
    /// `exit prev_exc exc -> exit prev_exc exc result`: exit(type, exc, tb)
    WithExceptStart,
    /// `exit ->`: exit(None, None, None), result discarded
    WithExitNormal,

    // ---- generators and coroutines ----
    /// `x -> sent`: suspend, yielding x
    YieldValue,
    /// `iterable -> iterator` for `yield from` (coroutines pass through)
    GetYieldFromIter,
    /// `obj -> awaitable iterator` (operand: 0 await, 1 aenter, 2 aexit for
    /// the error message)
    GetAwaitable(u32),
    /// `subiter value -> subiter yielded` or, when subiter returns,
    /// `subiter value -> retval` and jump to target
    Send(u32),
    /// `aiterable -> aiterator`
    GetAiter,
    /// `aiter -> aiter awaitable`
    GetAnext,
    /// `aiter exc ->` if exc is StopAsyncIteration, else re-raise
    EndAsyncFor,
    /// `cm -> aexit awaitable(aenter)`
    BeforeAsyncWith,
    /// `aexit ->  aexit(None, None, None)` leaves the awaitable
    AsyncWithExitNormal,
    /// `exit prev exc -> exit prev exc awaitable`
    AsyncWithExceptStart,

    // ---- modules ----
    /// `level fromlist -> module` (import names[i])
    ImportName(u32),
    /// `module -> module attr` (from module import names[i])
    ImportFrom(u32),
    /// `module ->`, import * into the current namespace
    ImportStar,
    /// Create `__annotations__` in the current namespace if missing.
    SetupAnnotations,
    /// `x ->` REPL echo: print repr(x) and bind `_` unless None
    PrintExpr,

    // ---- pattern matching ----
    /// `subject -> subject bool` (is a Mapping)
    MatchMapping,
    /// `subject -> subject bool` (is a Sequence, not str/bytes)
    MatchSequence,
    /// `subject keys -> subject keys values_or_None`
    MatchKeys,
    /// `subject -> subject len`
    GetLen,
    /// `subject cls kwnames -> attrs_tuple_or_None` (operand: positional count)
    MatchClass(u32),
    /// `mapping keys -> rest_dict` (copy without keys)
    CopyDictWithoutKeys,

    // ---- superinstructions (compiler/peephole.rs) ----
    // Each replaces the *first* of a run of 2-3 instructions and does the
    // whole run; the run's other slots keep their original instructions,
    // so every index (jump targets, exception table, line table) still
    // means what it did, and a jump into the middle of the run executes
    // the rest unfused. The arm skips the other slots; an error in a later
    // part is raised with `ip` past that part's own slot, so tracebacks and
    // handlers see exactly the instruction that failed. A slow path may
    // instead do only the first part and continue at the next slot.
    // Stack effect: that of the first part (the next slot carries on).
    // Plain pairs (`LoadFast LoadFast`, `LoadFast LoadConst`, `StoreFast
    // LoadFast`, `LoadGlobal PushNull`) were tried and dropped: done out
    // of line (vm/run_fused.rs) they saved no instructions and measured
    // slower (richards 0.79x CPU without them).
    // Two operands are packed in one u32 (`pack2`, first in the low
    // half): the dispatch loop loads the operand fields of every variant
    // before its jump, and a field at a new offset (a u16 at byte 2) took
    // a register from the hot arms (the VM pointer was spilled, +2 Ir in
    // most arms).
    /// `LoadFast(a) LoadConst(c) BinaryOp(op)`: `-> a op consts[c]`
    LoadFastConstBinary(BinOp, u32),
    /// `LoadFast(a) LoadConst(c) InplaceOp(op)`: `-> a op= consts[c]`
    LoadFastConstInplace(BinOp, u32),
    /// `LoadFast(a) LoadConst(c) CompareOp(op)`: `-> a op consts[c]`; like
    /// `CompareOp`, takes a following `PopJumpIfFalse/True` in place.
    LoadFastConstCompare(CmpOp, u32),
    /// `BinaryOp(op) StoreFast(a)`: `x y -> `, a = x op y
    BinaryStoreFast(BinOp, u32),
    /// `InplaceOp(op) StoreFast(a)`: `x y -> `, a = x op= y
    InplaceStoreFast(BinOp, u32),
    /// `LoadFast(a) LoadAttr(n)`: `-> a.names[n]`
    LoadFastLoadAttr(u32),
    /// `LoadFast(a) LoadConst(c) BinarySubscr`: `-> a[consts[c]]`
    LoadFastConstSubscr(u32),
    /// `ForIter(exit) StoreFast(a)`: `iter -> iter`, a = next item, or
    /// `iter ->` and jump to exit when exhausted. Operands packed as
    /// (exit, a).
    ForIterStoreFast(u32),
    /// `StoreFast(a) Jump(t)`: `x ->`, a = x, jump to t (a backward jump
    /// is a safe point, as `Jump`'s). Operands packed as (a, t).
    StoreFastJump(u32),
    /// `LoadNone IsOp(inv) PopJumpIfFalse/True(t)`: `x ->`, jump to t on
    /// the outcome of `x is None` (`is not` when inv). Operand: t, with
    /// bit 31 = inv and bit 30 = the jump is PopJumpIfTrue.
    IsNoneJump(u32),
    /// `LoadFast(a) LoadFast(b) BinaryOp(op)`: `-> a op b`
    LoadFastFastBinary(BinOp, u32),
    /// `LoadFast(a) LoadConst(c) Copy(2) Copy(2) BinarySubscr`, the load
    /// half of `a[c] op= v`: `-> a consts[c] a[consts[c]]`
    LoadFastConstDupSubscr(u32),
    /// `LoadFast(a) LoadFast(k) Copy(2) Copy(2) BinarySubscr`, the load
    /// half of `a[k] op= v`: `-> a k a[k]`
    LoadFastFastDupSubscr(u32),
    /// `InplaceOp(op) Swap(3) Swap(2) StoreSubscr`, the store half of
    /// `obj[key] op= v`: `obj key x v ->`, obj[key] = x op= v
    InplaceStoreSubscr(BinOp),
    /// `ForIter(exit) UnpackSequence(2) StoreFast(a) StoreFast(b)` (`for
    /// a, b in ...`): as `ForIterStoreFast`, with the item's two parts
    /// stored to a and b. Operands: b, then (exit, a) packed.
    ForIterUnpack2(u8, u32),
}

impl Instr {
    /// The jump target, if this instruction can jump.
    pub fn jump_target(&self) -> Option<u32> {
        use Instr::*;
        match *self {
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t)
            | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t) | Send(t) => Some(t),
            ForIterStoreFast(x) | ForIterUnpack2(_, x) => Some(unpack2(x).0 as u32),
            StoreFastJump(x) => Some(unpack2(x).1 as u32),
            _ => None,
        }
    }

    /// Rewrite the jump target (used when labels are resolved).
    pub fn set_jump_target(&mut self, target: u32) {
        use Instr::*;
        match self {
            Jump(t) | PopJumpIfFalse(t) | PopJumpIfTrue(t) | JumpIfFalseOrPop(t) | JumpIfTrueOrPop(t)
            | PopJumpIfNone(t) | PopJumpIfNotNone(t) | ForIter(t) | Send(t) => *t = target,
            // Superinstructions are made after labels are resolved.
            _ => {}
        }
    }
}

const _: () = assert!(std::mem::size_of::<Instr>() <= 8);

/// Two 16-bit operands of a superinstruction in one u32 (None if either
/// does not fit: the run is then left unfused).
pub fn pack2(a: u32, b: u32) -> Option<u32> {
    (a <= 0xffff && b <= 0xffff).then_some(a | b << 16)
}

/// The operands `pack2` packed, as indices.
#[inline(always)]
pub fn unpack2(x: u32) -> (usize, usize) {
    ((x & 0xffff) as usize, (x >> 16) as usize)
}

/// How an instruction changes the value-stack depth, per way out of it
/// (`None`: it never leaves that way). The dispatch loop writes pushes
/// without a capacity check, trusting the maximum depth computed from
/// these (`compiler::builder::max_stack_depth`), so every arm that pushes
/// must be accounted for here; erring high is safe, erring low is not.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StackEffect {
    /// Change when execution continues at the next instruction.
    pub next: Option<i32>,
    /// Change when the instruction jumps to its target.
    pub jump: Option<i32>,
}

impl Instr {
    pub fn stack_effect(&self) -> StackEffect {
        use Instr::*;
        let next = |d: i32| StackEffect { next: Some(d), jump: None };
        let both = |d: i32| StackEffect { next: Some(d), jump: Some(d) };
        let end = StackEffect { next: None, jump: None };
        match *self {
            Nop | Swap(_) | DeleteFast(_) | DeleteDeref(_) | DeleteGlobal(_) | DeleteName(_) | LoadAttr(_) | UnaryNegative | UnaryPositive | UnaryInvert | UnaryNot
            | GetIter | MarkLoopIter | ListToTuple | CheckExcMatch | CheckEgMatch | YieldValue | GetYieldFromIter | GetAwaitable(_) | GetAiter
            | AsyncWithExitNormal | SetupAnnotations => next(0),
            // Superinstructions: the first part's effect (see the enum).
            LoadFastConstBinary(..) | LoadFastConstInplace(..) | LoadFastConstCompare(..) | LoadFastLoadAttr(_) | LoadFastConstSubscr(_)
            | LoadFastFastBinary(..) | LoadFastConstDupSubscr(_) | LoadFastFastDupSubscr(_) => next(1),
            // `InplaceOp`'s effect (the first part).
            InplaceStoreSubscr(_) => next(-1),
            // `ForIter`'s effect, its jump included (`jump_target` names
            // the exit so the depth analysis and label resolution see it).
            ForIterStoreFast(_) | ForIterUnpack2(..) => StackEffect { next: Some(1), jump: Some(-1) },
            StoreFastJump(_) => StackEffect { next: None, jump: Some(-1) },
            // `LoadNone`'s effect (the first part).
            IsNoneJump(_) => next(1),
            BinaryStoreFast(..) | InplaceStoreFast(..) => next(-1),
            Copy(_) | PushNull | LoadConst(_) | LoadNone | LoadFast(_) | LoadDeref(_) | LoadClosure(_) | LoadClassDeref(_) | LoadGlobal(_) | LoadName(_)
            | LoadMethod(_) | LoadBuildClass | PushExcInfo | LoadAssertionError | BeforeWith | WithExceptStart | GetAnext | BeforeAsyncWith
            | AsyncWithExceptStart | ImportFrom(_) | MatchMapping | MatchSequence | MatchKeys | GetLen => next(1),
            PopTop | StoreFast(_) | StoreDeref(_) | StoreGlobal(_) | StoreName(_) | DeleteAttr(_) | BinarySubscr | BinaryOp(_) | InplaceOp(_)
            | CompareOp(_) | IsOp(_) | ContainsOp(_) | PopIter | ListAppend(_) | SetAdd(_) | ListExtend(_) | SetUpdate(_) | DictUpdate(_)
            | DictMerge(_) | PopExcept | WithExitNormal | ImportName(_) | ImportStar | PrintExpr | CopyDictWithoutKeys => next(-1),
            StoreAttr(_) | DeleteSubscr | MapAdd(_) | PrepReraiseStar | EndAsyncFor | MatchClass(_) => next(-2),
            StoreSubscr => next(-3),
            BuildTuple(n) | BuildList(n) | BuildSet(n) | BuildString(n) | BuildSlice(n) => next(1 - n as i32),
            BuildMap(n) => next(1 - 2 * n as i32),
            UnpackSequence(n) => next(n as i32 - 1),
            UnpackEx(op) => next(((op & 0xff) + (op >> 8)) as i32),
            FormatValue(fl) => next(if fl & 4 != 0 { -1 } else { 0 }),
            MakeFunction(fl) => next(-((fl & 0xf).count_ones() as i32)),
            Call(argc) => next(-(argc as i32) - 1),
            CallKw(op) => next(-((op & 0xff) as i32) - 1),
            CallEx(has_kw) => next(-2 - (has_kw != 0) as i32),
            ReturnValue | Raise(_) | Reraise | PopExceptReraise => end,
            Jump(_) => StackEffect { next: None, jump: Some(0) },
            PopJumpIfFalse(_) | PopJumpIfTrue(_) | PopJumpIfNone(_) | PopJumpIfNotNone(_) => both(-1),
            JumpIfFalseOrPop(_) | JumpIfTrueOrPop(_) => StackEffect { next: Some(-1), jump: Some(0) },
            ForIter(_) => StackEffect { next: Some(1), jump: Some(-1) },
            Send(_) => StackEffect { next: Some(0), jump: Some(-1) },
        }
    }
}
