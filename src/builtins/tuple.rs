//! `tuple`: construction (including subclasses such as named tuples),
//! `index`, `count`, and the sequence dunders.

use crate::ast::CmpOp;
use crate::builtins::args::arity;
use crate::builtins::{add_method, add_native, Kind};
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = vm.types.tuple;
    add_native(vm, t, "tuple", "__new__", tuple_new, Kind::Static);
    add_native(vm, t, "tuple", "__class_getitem__", class_getitem, Kind::Class);
    add_method(vm, t, "tuple", "index", index);
    add_method(vm, t, "tuple", "count", count);
    add_method(vm, t, "tuple", "__len__", tuple_len);
    add_method(vm, t, "tuple", "__getitem__", tuple_getitem);
    add_method(vm, t, "tuple", "__contains__", tuple_contains);
    add_method(vm, t, "tuple", "__iter__", tuple_iter);
    add_method(vm, t, "tuple", "__hash__", tuple_hash);
    add_method(vm, t, "tuple", "__add__", tuple_add);
    add_method(vm, t, "tuple", "__mul__", tuple_mul);
    add_method(vm, t, "tuple", "__rmul__", tuple_mul);
    add_method(vm, t, "tuple", "__eq__", tuple_eq);
    add_method(vm, t, "tuple", "__ne__", tuple_ne);
    add_method(vm, t, "tuple", "__lt__", tuple_lt);
    add_method(vm, t, "tuple", "__le__", tuple_le);
    add_method(vm, t, "tuple", "__gt__", tuple_gt);
    add_method(vm, t, "tuple", "__ge__", tuple_ge);
    add_method(vm, t, "tuple", "__repr__", tuple_repr);
    add_method(vm, t, "tuple", "__getnewargs__", tuple_getnewargs);
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

pub fn tuple_items(vm: &Vm, v: Value) -> Option<Vec<Value>> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => Some(t.to_vec()),
        _ => None,
    }
}

fn recv(vm: &mut Vm, v: Value) -> PyResult<Vec<Value>> {
    match tuple_items(vm, v) {
        Some(t) => Ok(t),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'tuple' object but received a '{}'", tn)))
        }
    }
}

fn tuple_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.tuple);
    if !kw.is_empty() && cls == vm.types.tuple {
        return Err(vm.type_error("tuple() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("tuple expected at most 1 argument, got {}", args.len() - 1)));
    }
    let items = match args.get(1) {
        Some(&it) => vm.collect_iterable(it)?,
        None => Vec::new(),
    };
    if cls == vm.types.tuple {
        if let Some(&it) = args.get(1) {
            if vm.type_of(it) == vm.types.tuple {
                return Ok(it);
            }
        }
        return Ok(vm.new_tuple(items));
    }
    Ok(vm.alloc(cls, ObjData::Tuple(items.into_boxed_slice())))
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", args, 2, 4)?;
    let items = recv(vm, args[0])?;
    let len = items.len() as i64;
    let norm = |x: i64| if x < 0 { (x + len).max(0) } else { x.min(len) };
    let start = match args.get(2) {
        Some(&s) => norm(vm.index_value(s)?),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(&s) => norm(vm.index_value(s)?),
        None => len,
    };
    for i in start..stop {
        if vm.eq_container(items[i as usize], args[1])? {
            return Ok(Value::Int(i));
        }
    }
    Err(vm.value_error("tuple.index(x): x not in tuple"))
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    let items = recv(vm, args[0])?;
    let mut n = 0;
    for x in items {
        if vm.eq_container(x, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn tuple_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(recv(vm, args[0])?.len() as i64))
}

fn plain(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let items = recv(vm, v)?;
    Ok(vm.new_tuple(items))
}

fn tuple_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let t = plain(vm, args[0])?;
    vm.get_item(t, args[1])
}

fn tuple_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = plain(vm, args[0])?;
    Ok(Value::Bool(vm.contains(t, args[1])?))
}

fn tuple_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    recv(vm, args[0])?;
    let r: ObjRef = args[0].as_obj().expect("tuple");
    let cls = vm.types.tuple_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Seq { seq: r, index: 0 }))))
}

fn tuple_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = plain(vm, args[0])?;
    Ok(Value::Int(vm.hash_value(t)?))
}

fn tuple_add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    let mut a = recv(vm, args[0])?;
    match tuple_items(vm, args[1]) {
        Some(b) => {
            a.extend(b);
            Ok(vm.new_tuple(a))
        }
        None => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("can only concatenate tuple (not \"{}\") to tuple", tn)))
        }
    }
}

fn tuple_mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    let t = plain(vm, args[0])?;
    vm.binary_op(t, args[1], crate::ast::BinOp::Mult)
}

fn tuple_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    let a = plain(vm, args[0])?;
    let Some(b) = tuple_items(vm, args[1]) else { return Ok(vm.not_implemented) };
    let b = vm.new_tuple(b);
    vm.compare_op(a, b, op)
}

fn tuple_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::Eq)
}

fn tuple_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::NotEq)
}

fn tuple_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::Lt)
}

fn tuple_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::LtE)
}

fn tuple_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::Gt)
}

fn tuple_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    tuple_cmp(vm, args, CmpOp::GtE)
}

fn tuple_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = plain(vm, args[0])?;
    let s = vm.to_repr_string(t)?;
    Ok(vm.new_str(s))
}

fn tuple_getnewargs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let t = plain(vm, args[0])?;
    Ok(vm.new_tuple(vec![t]))
}
