//! The iterator types that are also callables: `enumerate`, `zip`, `map`,
//! `filter`, `reversed`, plus `__iter__`/`__next__` on every built-in
//! iterator object.

use crate::builtins::args::{check_kwargs, kwarg};
use crate::builtins::{add_method, add_native, Kind};
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let iter_types: Vec<(ObjRef, &'static str)> = vec![
        (t.list_iterator, "list_iterator"),
        (t.list_reverseiterator, "list_reverseiterator"),
        (t.tuple_iterator, "tuple_iterator"),
        (t.range_iterator, "range_iterator"),
        (t.str_iterator, "str_ascii_iterator"),
        (t.bytes_iterator, "bytes_iterator"),
        (t.dict_keyiterator, "dict_keyiterator"),
        (t.dict_valueiterator, "dict_valueiterator"),
        (t.dict_itemiterator, "dict_itemiterator"),
        (t.dict_reversekeyiterator, "dict_reversekeyiterator"),
        (t.set_iterator, "set_iterator"),
        (t.seq_iterator, "iterator"),
        (t.callable_iterator, "callable_iterator"),
        (t.enumerate, "enumerate"),
        (t.zip, "zip"),
        (t.map, "map"),
        (t.filter, "filter"),
        (t.reversed, "reversed"),
    ];
    for (cls, name) in iter_types {
        add_method(vm, cls, name, "__iter__", iter_self);
        add_method(vm, cls, name, "__next__", iter_next);
        add_method(vm, cls, name, "__length_hint__", length_hint);
    }
    let t = &vm.types;
    let (e, z, m, f, r) = (t.enumerate, t.zip, t.map, t.filter, t.reversed);
    add_native(vm, e, "enumerate", "__new__", enumerate_new, Kind::Static);
    add_native(vm, z, "zip", "__new__", zip_new, Kind::Static);
    add_native(vm, m, "map", "__new__", map_new, Kind::Static);
    add_native(vm, f, "filter", "__new__", filter_new, Kind::Static);
    add_native(vm, r, "reversed", "__new__", reversed_new, Kind::Static);
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match vm.iter_next(args[0])? {
        Some(v) => Ok(v),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn length_hint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Iter(st)) => match &**st {
            IterState::Range { remaining, .. } => *remaining,
            IterState::Seq { seq, index } => {
                let len = match vm.heap.data(*seq) {
                    ObjData::List(l) => l.len(),
                    ObjData::Tuple(t) => t.len(),
                    _ => 0,
                };
                len.saturating_sub(*index) as i64
            }
            _ => 0,
        },
        _ => 0,
    };
    Ok(Value::Int(n))
}

fn cls_of(_vm: &Vm, args: &[Value], default: ObjRef) -> ObjRef {
    args.first().and_then(|c| c.as_obj()).unwrap_or(default)
}

fn enumerate_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "enumerate", kw, &["iterable", "start"])?;
    let cls = cls_of(vm, args, vm.types.enumerate);
    let it = args.get(1).copied().or_else(|| kwarg(vm, kw, "iterable"));
    let Some(it) = it else {
        return Err(vm.type_error("enumerate() missing required argument 'iterable' (pos 1)"));
    };
    let start = args.get(2).copied().or_else(|| kwarg(vm, kw, "start")).unwrap_or(Value::Int(0));
    if vm.int_value(start).is_none() && !matches!(start.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) {
        let tn = vm.type_name(start);
        return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
    }
    let iter = vm.get_iter(it)?;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Enumerate { iter, count: start }))))
}

fn zip_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "zip", kw, &["strict"])?;
    let cls = cls_of(vm, args, vm.types.zip);
    let strict = match kwarg(vm, kw, "strict") {
        Some(s) => vm.truthy(s)?,
        None => false,
    };
    let mut iters = Vec::new();
    for &a in &args[1..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Zip { iters, strict }))))
}

fn map_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("map() takes no keyword arguments"));
    }
    let cls = cls_of(vm, args, vm.types.map);
    if args.len() < 3 {
        return Err(vm.type_error("map() must have at least two arguments."));
    }
    let func = args[1];
    let mut iters = Vec::new();
    for &a in &args[2..] {
        iters.push(vm.get_iter(a)?);
    }
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Map { func, iters }))))
}

fn filter_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("filter() takes no keyword arguments"));
    }
    let cls = cls_of(vm, args, vm.types.filter);
    if args.len() != 3 {
        return Err(vm.type_error(format!("filter expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let iter = vm.get_iter(args[2])?;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Filter { func: args[1], iter, keep_true: true }))))
}

fn reversed_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("reversed expected 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let seq = args[1];
    let rn = vm.names.__reversed__;
    if let Some(m) = vm.lookup_special(seq, rn) {
        if !m.is_none() {
            return vm.call_value(m, &[seq], &[]);
        }
    }
    if let Some(r) = seq.as_obj() {
        if let ObjData::Tuple(t) = vm.heap.data(r) {
            let n = t.len() as isize;
            let cls = vm.types.reversed;
            return Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::SeqReversed { seq: r, index: n - 1 }))));
        }
        if matches!(vm.heap.data(r), ObjData::Str(_) | ObjData::Bytes(_)) {
            let items = vm.collect_iterable(seq)?;
            let t = vm.new_tuple(items);
            let n = match t.as_obj().map(|x| vm.heap.data(x)) {
                Some(ObjData::Tuple(tt)) => tt.len() as isize,
                _ => 0,
            };
            let cls = vm.types.reversed;
            return Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::SeqReversed { seq: t.as_obj().expect("tuple"), index: n - 1 }))));
        }
    }
    let gi = vm.names.__getitem__;
    let ln = vm.names.__len__;
    if vm.lookup_special(seq, gi).is_some() && vm.lookup_special(seq, ln).is_some() {
        let n = vm.len_of(seq)?;
        let mut items = Vec::with_capacity(n);
        for i in (0..n).rev() {
            items.push(vm.get_item(seq, Value::Int(i as i64))?);
        }
        let t = vm.new_tuple(items);
        return vm.get_iter(t);
    }
    let tn = vm.type_name(seq);
    Err(vm.type_error(format!("'{}' object is not reversible", tn)))
}
