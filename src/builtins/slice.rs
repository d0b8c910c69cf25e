//! `slice`: construction, read-only attributes, `indices()` (for lengths
//! of any size), comparison as (start, stop, step) tuples, and no hash.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ast::CmpOp;
use crate::builtins::args::arity;
use crate::builtins::int::index_big;
use crate::builtins::{add_getset, add_method, add_native, set_type_attr, Kind};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let s = vm.types.slice;
    add_native(vm, s, "slice", "__new__", slice_new, Kind::Static);
    add_method(vm, s, "slice", "indices", slice_indices);
    add_method(vm, s, "slice", "__reduce__", slice_reduce);
    add_method(vm, s, "slice", "__eq__", slice_eq);
    add_method(vm, s, "slice", "__ne__", slice_ne);
    add_method(vm, s, "slice", "__lt__", slice_lt);
    add_method(vm, s, "slice", "__le__", slice_le);
    add_method(vm, s, "slice", "__gt__", slice_gt);
    add_method(vm, s, "slice", "__ge__", slice_ge);
    set_type_attr(vm, s, "__hash__", Value::None);
    add_getset(vm, s, "slice", "start", |vm, v| Ok(slice_parts(vm, v)?[0]), Some(readonly));
    add_getset(vm, s, "slice", "stop", |vm, v| Ok(slice_parts(vm, v)?[1]), Some(readonly));
    add_getset(vm, s, "slice", "step", |vm, v| Ok(slice_parts(vm, v)?[2]), Some(readonly));
}

/// The setter of a read-only member (`slice.start`, `range.step`).
pub fn readonly(vm: &mut Vm, _obj: Value, _v: Value) -> PyResult<()> {
    Err(vm.attribute_error("readonly attribute"))
}

fn slice_parts(vm: &mut Vm, v: Value) -> PyResult<[Value; 3]> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Slice(p)) => Ok(**p),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'slice' object but received a '{}'", tn)))
        }
    }
}

fn slice_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("slice() takes no keyword arguments"));
    }
    let a = &args[1.min(args.len())..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        0 => return Err(vm.type_error("slice expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("slice expected at most 3 arguments, got {}", n))),
    };
    Ok(vm.new_slice(start, stop, step))
}

fn slice_index(vm: &mut Vm, v: Value) -> PyResult<BigInt> {
    let is_index = matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) || {
        let n = vm.names.__index__;
        vm.lookup_special(v, n).is_some()
    };
    if !is_index {
        return Err(vm.type_error("slice indices must be integers or None or have an __index__ method"));
    }
    index_big(vm, v)
}

/// `slice.indices(length)` for any length: (start, stop, step, slice length).
pub fn indices_big(vm: &mut Vm, s: ObjRef, length: &BigInt) -> PyResult<(BigInt, BigInt, BigInt, BigInt)> {
    let [start, stop, step] = slice_parts(vm, Value::Obj(s))?;
    let step = if step.is_none() { BigInt::from(1) } else { slice_index(vm, step)? };
    if step.is_zero() {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let neg = step.is_negative();
    let (lower, upper) = if neg { (BigInt::from(-1), length - 1) } else { (BigInt::zero(), length.clone()) };
    let clamp = |vm: &mut Vm, v: Value, default: &BigInt| -> PyResult<BigInt> {
        if v.is_none() {
            return Ok(default.clone());
        }
        let mut i = slice_index(vm, v)?;
        if i.is_negative() {
            i += length;
            if i < lower {
                i = lower.clone();
            }
        } else if i > upper {
            i = upper.clone();
        }
        Ok(i)
    };
    let start = clamp(vm, start, if neg { &upper } else { &lower })?;
    let stop = clamp(vm, stop, if neg { &lower } else { &upper })?;
    let n = if neg {
        if stop < start {
            (&start - &stop - 1) / (-&step) + 1
        } else {
            BigInt::zero()
        }
    } else if start < stop {
        (&stop - &start - 1) / &step + 1
    } else {
        BigInt::zero()
    };
    Ok((start, stop, step, n))
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("slice.indices() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    slice_parts(vm, args[0])?;
    let n = index_big(vm, args[1])?;
    if n.is_negative() {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c, _) = indices_big(vm, args[0].as_obj().expect("slice"), &n)?;
    let items = [a, b, c].into_iter().map(|x| match x.to_i64() {
        Some(i) => Value::Int(i),
        None => crate::vm::ops::int_from_big(vm, x),
    });
    let items: Vec<Value> = items.collect();
    Ok(vm.new_tuple(items))
}

fn slice_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let p = slice_parts(vm, args[0])?;
    let t = vm.new_tuple(p.to_vec());
    let cls = Value::Obj(vm.types.slice);
    Ok(vm.new_tuple(vec![cls, t]))
}

/// Compare two slices as (start, stop, step) tuples.
fn slice_cmp(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> PyResult<Value> {
    arity(vm, name, args, 2, 2)?;
    let a = slice_parts(vm, args[0])?;
    let b = match args[1].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Slice(p)) => **p,
        _ => return Ok(vm.not_implemented),
    };
    if args[0].is(args[1]) && matches!(op, CmpOp::Eq | CmpOp::NotEq) {
        return Ok(Value::Bool(op == CmpOp::Eq));
    }
    let ta = vm.new_tuple(a.to_vec());
    vm.temp_roots.push(ta);
    let tb = vm.new_tuple(b.to_vec());
    vm.temp_roots.push(tb);
    let r = vm.compare_op(ta, tb, op);
    vm.temp_roots.truncate(vm.temp_roots.len() - 2);
    r
}

fn slice_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::Eq, "__eq__")
}

fn slice_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::NotEq, "__ne__")
}

fn slice_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::Lt, "__lt__")
}

fn slice_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::LtE, "__le__")
}

fn slice_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::Gt, "__gt__")
}

fn slice_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    slice_cmp(vm, args, CmpOp::GtE, "__ge__")
}
