//! `range` and `slice`: construction, indexing, slicing, `index`, `count`.

use crate::builtins::args::arity;
use crate::builtins::{add_getset, add_method, add_native, Kind};
use crate::runtime::iter::IterState;
use crate::runtime::object::{range_len, ObjData, RangeObj};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.range;
    add_native(vm, t, "range", "__new__", range_new, Kind::Static);
    add_method(vm, t, "range", "__len__", range_len_m);
    add_method(vm, t, "range", "__iter__", range_iter);
    add_method(vm, t, "range", "__reversed__", range_reversed);
    add_method(vm, t, "range", "__getitem__", range_getitem_m);
    add_method(vm, t, "range", "__contains__", range_contains);
    add_method(vm, t, "range", "__eq__", range_eq);
    add_method(vm, t, "range", "__hash__", range_hash);
    add_method(vm, t, "range", "index", range_index);
    add_method(vm, t, "range", "count", range_count);
    add_getset(vm, t, "range", "start", |vm, v| Ok(Value::Int(parts(vm, v)?.0)), None);
    add_getset(vm, t, "range", "stop", |vm, v| Ok(Value::Int(parts(vm, v)?.1)), None);
    add_getset(vm, t, "range", "step", |vm, v| Ok(Value::Int(parts(vm, v)?.2)), None);
    let s = vm.types.slice;
    add_native(vm, s, "slice", "__new__", slice_new, Kind::Static);
    add_method(vm, s, "slice", "indices", slice_indices);
    add_getset(vm, s, "slice", "start", |vm, v| Ok(slice_parts(vm, v)?[0]), None);
    add_getset(vm, s, "slice", "stop", |vm, v| Ok(slice_parts(vm, v)?[1]), None);
    add_getset(vm, s, "slice", "step", |vm, v| Ok(slice_parts(vm, v)?[2]), None);
}

fn parts(vm: &mut Vm, v: Value) -> PyResult<(i64, i64, i64)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Range(r)) => Ok((r.start, r.stop, r.step)),
        _ => Err(vm.type_error("descriptor requires a 'range' object")),
    }
}

fn slice_parts(vm: &mut Vm, v: Value) -> PyResult<[Value; 3]> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Slice(p)) => Ok(**p),
        _ => Err(vm.type_error("descriptor requires a 'slice' object")),
    }
}

pub fn new_range(vm: &mut Vm, start: i64, stop: i64, step: i64) -> Value {
    let cls = vm.types.range;
    vm.alloc(cls, ObjData::Range(Box::new(RangeObj { start, stop, step })))
}

fn range_int(vm: &mut Vm, v: Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(i),
        Value::Bool(b) => Ok(b as i64),
        Value::Obj(r) if matches!(vm.heap.data(r), ObjData::BigInt(_)) => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
        _ => {
            let n = vm.names.__index__;
            if vm.lookup_special(v, n).is_some() {
                return vm.index_value(v);
            }
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
        }
    }
}

fn range_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (0, range_int(vm, a[0])?, 1),
        2 => (range_int(vm, a[0])?, range_int(vm, a[1])?, 1),
        3 => (range_int(vm, a[0])?, range_int(vm, a[1])?, range_int(vm, a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(new_range(vm, start, stop, step))
}

fn range_len_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b, c) = parts(vm, args[0])?;
    Ok(Value::Int(range_len(a, b, c)))
}

fn range_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.get_iter(args[0])
}

fn range_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (start, stop, step) = parts(vm, args[0])?;
    let n = range_len(start, stop, step);
    let last = start + (n - 1) * step;
    let cls = vm.types.range_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Range { next: last, step: -step, remaining: n }))))
}

/// `range[key]`.
pub fn range_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let (start, stop, step) = parts(vm, Value::Obj(r))?;
    let n = range_len(start, stop, step);
    if let Some(ObjData::Slice(_)) = key.as_obj().map(|k| vm.heap.data(k)) {
        let (s, e, st, _) = vm.slice_indices(key.as_obj().expect("slice"), n as usize)?;
        return Ok(new_range(vm, start + s * step, start + e * step, step * st));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + n } else { i };
    if j < 0 || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(Value::Int(start + j * step))
}

fn range_getitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    range_getitem(vm, args[0].as_obj().expect("range"), args[1])
}

fn range_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(args[0], args[1])?))
}

fn range_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = parts(vm, args[0])?;
    let Ok(b) = parts(vm, args[1]) else { return Ok(vm.not_implemented) };
    let (la, lb) = (range_len(a.0, a.1, a.2), range_len(b.0, b.1, b.2));
    Ok(Value::Bool(la == lb && (la == 0 || (a.0 == b.0 && (la == 1 || a.2 == b.2)))))
}

fn range_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b, c) = parts(vm, args[0])?;
    let t = vm.new_tuple(vec![Value::Int(range_len(a, b, c)), Value::Int(a), Value::Int(c)]);
    Ok(Value::Int(vm.hash_value(t)?))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", args, 2, 2)?;
    let (start, _, step) = parts(vm, args[0])?;
    if vm.contains(args[0], args[1])? {
        if let Value::Int(i) = args[1] {
            return Ok(Value::Int((i - start) / step));
        }
    }
    let r = vm.to_repr_string(args[1])?;
    Err(vm.value_error(format!("{} is not in range", r)))
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    Ok(Value::Int(vm.contains(args[0], args[1])? as i64))
}

fn slice_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = &args[1..];
    let (start, stop, step) = match a.len() {
        1 => (Value::None, a[0], Value::None),
        2 => (a[0], a[1], Value::None),
        3 => (a[0], a[1], a[2]),
        n => return Err(vm.type_error(format!("slice expected at least 1 argument, got {}", n))),
    };
    Ok(vm.new_slice(start, stop, step))
}

fn slice_indices(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "indices", args, 2, 2)?;
    let n = vm.index_value(args[1])?;
    if n < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let (a, b, c, _) = vm.slice_indices(args[0].as_obj().expect("slice"), n as usize)?;
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}
