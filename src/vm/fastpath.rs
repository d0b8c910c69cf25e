//! Allocation-free fast paths of the dispatch loop for exact built-in
//! containers: `list`/`tuple` indexed by a machine int, and slices whose
//! bounds are machine ints or None taken or assigned straight from the
//! value stack (no slice object is built); exact dicts subscripted by an
//! exact `str` or a machine int (hash and equality without Python code).
//!
//! Every path tests the exact class (`types.list`, not the `List`
//! payload): a subclass may override `__getitem__`/`__setitem__`
//! (notes/vm_bugs.md bug 21). When a fast path does not apply it returns
//! None/false with the stack untouched, and the instruction's general
//! path runs.

use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::convert::slice_range;
use crate::vm::Vm;

/// A slice bound as a machine int (None = omitted); `Err` when it is
/// something else (big int, `__index__` object: slow path).
#[inline]
fn bound(v: Value) -> Result<Option<i64>, ()> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(i)),
        _ => Err(()),
    }
}

/// The (start, stop, step) operands of a `BuildSlice(n)` on the stack
/// top, if all are machine ints or None and the step is non-zero and
/// small enough to negate.
#[inline]
fn slice_parts(vm: &Vm, n: u32) -> Option<(Option<i64>, Option<i64>, i64)> {
    let len = vm.stack.len();
    let (start, stop, step) = if n == 3 {
        (vm.stack[len - 3], vm.stack[len - 2], vm.stack[len - 1])
    } else {
        (vm.stack[len - 2], vm.stack[len - 1], Value::None)
    };
    let start = bound(start).ok()?;
    let stop = bound(stop).ok()?;
    let step = bound(step).ok()?.unwrap_or(1);
    if step == 0 || step.unsigned_abs() >= 1 << 62 {
        return None;
    }
    Some((start, stop, step))
}

impl Vm {
    /// `list[i]` / `tuple[i]` for an exact list or tuple and an int index
    /// in range. None: take the general path (which raises if needed).
    /// (Dicts are tried first thing in that path, `Vm::get_item`: a dict
    /// arm here, inlined into the dispatch loop, cost nbody 5 % CPU.)
    #[inline(always)]
    pub(crate) fn exact_seq_index(&self, obj: Value, key: Value) -> Option<Value> {
        let (Value::Obj(r), Value::Int(i)) = (obj, key) else { return None };
        let o = self.heap.get(r);
        let items: &[Value] = match &o.data {
            ObjData::List(v) if o.class == self.types.list => v,
            ObjData::Tuple(v) if o.class == self.types.tuple => v,
            _ => return None,
        };
        let j = if i < 0 { i.wrapping_add(items.len() as i64) } else { i };
        items.get(usize::try_from(j).ok()?).copied()
    }

    /// `d[key]` for an exact dict and a key hashed and compared natively;
    /// None for anything else, a missing key (the general path raises
    /// `KeyError`) or a key that needs the hashing protocol.
    #[inline]
    pub(crate) fn exact_dict_index(&self, obj: Value, key: Value) -> Option<Value> {
        let d = self.exact_dict(obj)?;
        let (_, i) = self.dict_probe_native(d, key)?;
        Some(d.value_at(i?))
    }

    /// `key in d` for an exact dict and a key hashed and compared
    /// natively; None: take the general path.
    #[inline]
    pub(crate) fn exact_dict_contains(&self, obj: Value, key: Value) -> Option<bool> {
        let d = self.exact_dict(obj)?;
        Some(self.dict_probe_native(d, key)?.1.is_some())
    }

    /// The storage of `obj` if it is an exact `dict` (not a subclass,
    /// which may override `__getitem__`/`__contains__`).
    #[inline(always)]
    fn exact_dict(&self, obj: Value) -> Option<&crate::runtime::dict::PyDict> {
        let o = self.heap.get(obj.as_obj()?);
        match &o.data {
            ObjData::Dict(d) if o.class == self.types.dict => Some(d),
            _ => None,
        }
    }

    /// `list[i] = v` for an exact list and an int index in range.
    #[inline(always)]
    pub(crate) fn exact_list_store(&mut self, obj: Value, key: Value, v: Value) -> bool {
        let (Value::Obj(r), Value::Int(i)) = (obj, key) else { return false };
        let list_cls = self.types.list;
        let o = self.heap.get_mut(r);
        if o.class != list_cls {
            return false;
        }
        if let ObjData::List(items) = &mut o.data {
            let j = if i < 0 { i.wrapping_add(items.len() as i64) } else { i };
            if let Some(slot) = usize::try_from(j).ok().and_then(|j| items.get_mut(j)) {
                *slot = v;
                return true;
            }
        }
        false
    }

    /// `d[key] = v` for an exact dict `d` when the key is hashed and
    /// compared without Python code; false: take the general path.
    #[inline]
    pub(crate) fn exact_dict_store(&mut self, obj: Value, key: Value, v: Value) -> bool {
        let Some(d) = obj.as_obj() else { return false };
        if self.heap.class_of_obj(d) != self.types.dict {
            return false;
        }
        let Some((h, found)) = self.dict_probe_native(self.dict(d), key) else { return false };
        self.dict_store_probed(d, h, found, key, v);
        true
    }

    /// `BuildSlice(n)` followed by `BinarySubscr` on an exact list or
    /// tuple: stack `container start stop [step]` -> the new sequence,
    /// consuming the operands. None (stack untouched) if not applicable.
    #[inline(never)]
    pub(crate) fn slice_subscr_fast(&mut self, n: u32) -> Option<Value> {
        let (start, stop, step) = slice_parts(self, n)?;
        let len = self.stack.len();
        let container = self.stack[len - n as usize - 1];
        let r = container.as_obj()?;
        let o = self.heap.get(r);
        let (items, is_list): (&[Value], bool) = match &o.data {
            ObjData::List(v) if o.class == self.types.list => (v, true),
            ObjData::Tuple(v) if o.class == self.types.tuple => (v, false),
            _ => return None,
        };
        let (start, _, step, count) = slice_range(start, stop, step, items.len());
        let out: Vec<Value> = if step == 1 {
            items[start as usize..start as usize + count].to_vec()
        } else if step == -1 && count > 0 {
            // `start` is the highest index taken: a reversed slice copy,
            // exact-size with no bounds check per item (fannkuch's
            // `perm[k::-1]`).
            let last = start as usize;
            items[last + 1 - count..=last].iter().rev().copied().collect()
        } else {
            (0..count).map(|k| items[(start + k as i64 * step) as usize]).collect()
        };
        self.stack.truncate(len - n as usize - 1);
        Some(if is_list { self.new_list(out) } else { self.new_tuple(out) })
    }

    /// `BuildSlice(n)` followed by `StoreSubscr`: stack
    /// `value list start stop [step]` with an exact list target, an exact
    /// list value (another object) and step 1: splice the value's items
    /// in without copying them first. Returns false (stack untouched) if
    /// not applicable.
    #[inline(never)]
    pub(crate) fn slice_store_fast(&mut self, n: u32) -> bool {
        let Some((start, stop, step)) = slice_parts(self, n) else { return false };
        if step != 1 {
            return false;
        }
        let len = self.stack.len();
        let target = self.stack[len - n as usize - 1];
        let value = self.stack[len - n as usize - 2];
        let (Some(t), Some(v)) = (target.as_obj(), value.as_obj()) else { return false };
        let list_cls = self.types.list;
        let Some([dst, src]) = self.heap.get2_mut(t, v) else { return false };
        if dst.class != list_cls || src.class != list_cls {
            return false;
        }
        let (ObjData::List(dst), ObjData::List(src)) = (&mut dst.data, &src.data) else { return false };
        let (start, stop, _, _) = slice_range(start, stop, 1, dst.len());
        let start = start as usize;
        let stop = (stop as usize).max(start);
        if stop - start == src.len() {
            // Same length (fannkuch's `perm[:k + 1] = perm[k::-1]`): an
            // in-place copy; `splice` costs a drain and a refill.
            dst[start..stop].copy_from_slice(src);
        } else {
            dst.splice(start..stop, src.iter().copied());
        }
        self.stack.truncate(len - n as usize - 2);
        true
    }
}
