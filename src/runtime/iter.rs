//! Payloads of the built-in iterator objects (`iter(list)`, `enumerate`,
//! `zip`, `map`, ...). Their `__next__` logic lives in `vm::iter`.

use super::value::{ObjRef, Value};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    /// list_iterator / tuple_iterator: index into a list or tuple object.
    Seq { seq: ObjRef, index: usize },
    /// list_reverseiterator
    SeqReversed { seq: ObjRef, index: isize },
    Range { next: i64, step: i64, remaining: i64 },
    /// str_iterator: byte position in the string.
    Str { s: ObjRef, pos: usize },
    Bytes { b: ObjRef, index: usize },
    /// dict_keyiterator etc.: `len` is the size at creation, to detect
    /// "dictionary changed size during iteration".
    Dict { dict: ObjRef, index: usize, len: usize, kind: ViewKind, reversed: bool },
    /// set_iterator: table slot index.
    Set { set: ObjRef, slot: usize, used: usize },
    Enumerate { iter: Value, count: Value },
    Zip { iters: Vec<Value>, strict: bool },
    Map { func: Value, iters: Vec<Value> },
    Filter { func: Value, iter: Value, keep_true: bool },
    /// Objects with only `__getitem__` (the old sequence protocol).
    GetItem { obj: Value, index: i64 },
    /// `iter(callable, sentinel)`
    Callable { func: Value, sentinel: Value },
    /// Exhausted (or a finished one-shot iterator).
    Done,
}
