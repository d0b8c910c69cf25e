//! `list`: construction, mutation methods, slice assignment/deletion, and
//! `sort` (a stable merge sort whose comparisons may run Python code and
//! fail, with fast paths for homogeneous ints, floats and strings).

use std::cmp::Ordering;

use crate::ast::CmpOp;
use crate::builtins::args::{arity, check_kwargs, kwarg};
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::function::NativeFn;
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", list_init),
    ("__len__", list_len),
    ("__getitem__", list_getitem),
    ("__setitem__", list_setitem),
    ("__delitem__", list_delitem),
    ("__contains__", list_contains),
    ("__iter__", list_iter),
    ("__reversed__", list_reversed),
    ("__add__", list_add),
    ("__iadd__", list_iadd),
    ("__mul__", list_mul),
    ("__rmul__", list_mul),
    ("__imul__", list_imul),
    ("__eq__", list_eq),
    ("__ne__", list_ne),
    ("__lt__", list_lt),
    ("__le__", list_le),
    ("__gt__", list_gt),
    ("__ge__", list_ge),
    ("__repr__", list_repr),
    ("append", append),
    ("extend", extend),
    ("insert", insert),
    ("remove", remove),
    ("pop", pop),
    ("index", index),
    ("count", count),
    ("sort", sort),
    ("reverse", reverse),
    ("copy", copy),
    ("clear", clear),
];

pub fn install(vm: &mut Vm) {
    let t = vm.types.list;
    add_native(vm, t, "list", "__new__", list_new, Kind::Static);
    for &(name, f) in METHODS {
        add_method(vm, t, "list", name, f);
    }
    set_type_attr(vm, t, "__hash__", Value::None);
    add_native(vm, t, "list", "__class_getitem__", class_getitem, Kind::Class);
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

fn list_ref(vm: &mut Vm, v: Value, name: &str) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::List(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{}' for 'list' objects doesn't apply to a '{}' object", name, tn)))
        }
    }
}

pub fn items(vm: &Vm, r: ObjRef) -> Vec<Value> {
    match vm.heap.data(r) {
        ObjData::List(v) => v.clone(),
        _ => Vec::new(),
    }
}

fn items_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<Value> {
    match vm.heap.data_mut(r) {
        ObjData::List(v) => v,
        _ => panic!("internal error: not a list"),
    }
}

/// `list.extend(iterable)`: the items appended as they are produced
/// (a TypeError "'X' object is not iterable" for a non-iterable).
pub fn extend_from(vm: &mut Vm, list: Value, it: Value) -> PyResult<()> {
    let lr = list.as_obj().expect("list");
    // Exact lists and tuples only: a subclass may override `__iter__`.
    let (list_t, tuple_t) = (vm.types.list, vm.types.tuple);
    let direct = match it.as_obj().map(|r| (vm.heap.class_of_obj(r), vm.heap.data(r))) {
        Some((c, ObjData::List(items))) if c == list_t => Some(items.clone()),
        Some((c, ObjData::Tuple(items))) if c == tuple_t => Some(items.to_vec()),
        _ => None,
    };
    if let Some(items) = direct {
        items_mut(vm, lr).extend_from_slice(&items);
        return Ok(());
    }
    crate::builtins::range::check_materialize(vm, it)?;
    let iter = vm.get_iter(it)?;
    if let Some(g) = vm.plain_generator(iter) {
        vm.temp_roots.push(iter);
        let r = vm.gen_append_all(g, list);
        vm.temp_roots.pop();
        return r;
    }
    vm.temp_roots.push(iter);
    let r = loop {
        match vm.iter_next(iter) {
            Ok(Some(x)) => items_mut(vm, lr).push(x),
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
    };
    vm.temp_roots.pop();
    r
}

fn list_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.list);
    Ok(vm.alloc(cls, ObjData::List(Vec::new())))
}

fn list_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("list() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("list expected at most 1 argument, got {}", args.len() - 1)));
    }
    let r = list_ref(vm, args[0], "__init__")?;
    items_mut(vm, r).clear();
    if let Some(&it) = args.get(1) {
        extend_from(vm, args[0], it)?;
    }
    Ok(Value::None)
}

fn list_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "__len__")?;
    Ok(Value::Int(items_mut(vm, r).len() as i64))
}

fn list_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__getitem__")?;
    // Bypass subclass dispatch: operate on the list payload.
    let tmp = vm.new_list(items(vm, r));
    vm.get_item(tmp, args[1])
}

fn list_setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let r = list_ref(vm, args[0], "__setitem__")?;
    if let Some(ObjData::Slice(_)) = args[1].as_obj().map(|s| vm.heap.data(s)) {
        list_set_slice(vm, r, args[1].as_obj().expect("slice"), args[2])?;
        return Ok(Value::None);
    }
    let len = items_mut(vm, r).len() as i64;
    let i = vm.index_value(args[1])?;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("list assignment index out of range"));
    }
    items_mut(vm, r)[j as usize] = args[2];
    Ok(Value::None)
}

fn list_delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__delitem__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__delitem__")?;
    if let Some(ObjData::Slice(_)) = args[1].as_obj().map(|s| vm.heap.data(s)) {
        list_del_slice(vm, r, args[1].as_obj().expect("slice"))?;
        return Ok(Value::None);
    }
    let len = items_mut(vm, r).len() as i64;
    let i = vm.index_value(args[1])?;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("list assignment index out of range"));
    }
    items_mut(vm, r).remove(j as usize);
    Ok(Value::None)
}

/// `lst[slice] = iterable`.
pub fn list_set_slice(vm: &mut Vm, r: ObjRef, s: ObjRef, value: Value) -> PyResult<()> {
    // From another exact list with step 1: splice its items in directly
    // instead of copying them into a temporary Vec first.
    if let Value::Obj(v) = value {
        let list_cls = vm.types.list;
        let from_list = v != r && vm.heap.class_of_obj(v) == list_cls && matches!(vm.heap.data(v), ObjData::List(_));
        if from_list {
            let len = items_mut(vm, r).len();
            let (start, stop, step, _) = vm.slice_indices(s, len)?;
            if step == 1 {
                let start = start as usize;
                let stop = (stop as usize).max(start);
                if let Some([dst, src]) = vm.heap.get2_mut(r, v) {
                    if let (ObjData::List(dst), ObjData::List(src)) = (&mut dst.data, &src.data) {
                        // (An `__index__` bound may have resized the list.)
                        let (start, stop) = (start.min(dst.len()), stop.min(dst.len()));
                        dst.splice(start..stop, src.iter().copied());
                        return Ok(());
                    }
                }
            }
        }
    }
    let new_items = if value.as_obj() == Some(r) { items(vm, r) } else {
        match vm.collect_iterable(value) {
            Ok(v) => v,
            Err(_) => return Err(vm.type_error("can only assign an iterable")),
        }
    };
    let len = items_mut(vm, r).len();
    let (start, stop, step, n) = vm.slice_indices(s, len)?;
    if step == 1 {
        let start = start as usize;
        let stop = (stop as usize).max(start);
        items_mut(vm, r).splice(start..stop, new_items);
        return Ok(());
    }
    if new_items.len() != n {
        return Err(vm.value_error(format!("attempt to assign sequence of size {} to extended slice of size {}", new_items.len(), n)));
    }
    let list = items_mut(vm, r);
    for (k, v) in new_items.into_iter().enumerate() {
        list[(start + k as i64 * step) as usize] = v;
    }
    Ok(())
}

/// `del lst[slice]`.
pub fn list_del_slice(vm: &mut Vm, r: ObjRef, s: ObjRef) -> PyResult<()> {
    let len = items_mut(vm, r).len();
    let (start, _, step, n) = vm.slice_indices(s, len)?;
    let mut idx: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
    idx.sort_unstable();
    let list = items_mut(vm, r);
    for &i in idx.iter().rev() {
        list.remove(i);
    }
    Ok(())
}

fn list_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__contains__")?;
    for x in items(vm, r) {
        if vm.eq_container(x, args[1])? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn list_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "__iter__")?;
    let cls = vm.types.list_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Seq { seq: r, index: 0 }))))
}

fn list_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "__reversed__")?;
    let n = items_mut(vm, r).len() as isize;
    let cls = vm.types.list_reverseiterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::SeqReversed { seq: r, index: n - 1 }))))
}

fn list_add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__add__")?;
    match args[1].as_obj().map(|o| vm.heap.data(o)) {
        Some(ObjData::List(other)) => {
            let mut v = items(vm, r);
            v.extend_from_slice(other);
            Ok(vm.new_list(v))
        }
        _ => {
            let tn = vm.type_name(args[1]);
            Err(vm.type_error(format!("can only concatenate list (not \"{}\") to list", tn)))
        }
    }
}

fn list_iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iadd__", args, 2, 2)?;
    list_ref(vm, args[0], "__iadd__")?;
    extend_from(vm, args[0], args[1])?;
    Ok(args[0])
}

fn list_mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__mul__")?;
    let tmp = vm.new_list(items(vm, r));
    vm.binary_op(tmp, args[1], crate::ast::BinOp::Mult)
}

fn list_imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__imul__", args, 2, 2)?;
    let r = list_ref(vm, args[0], "__imul__")?;
    let tmp = vm.new_list(items(vm, r));
    let res = vm.binary_op(tmp, args[1], crate::ast::BinOp::Mult)?;
    let new = match res.as_obj().map(|o| vm.heap.data(o)) {
        Some(ObjData::List(v)) => v.clone(),
        _ => Vec::new(),
    };
    *items_mut(vm, r) = new;
    Ok(args[0])
}

fn list_cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    let r = list_ref(vm, args[0], "comparison")?;
    if !matches!(args[1].as_obj().map(|o| vm.heap.data(o)), Some(ObjData::List(_))) {
        return Ok(vm.not_implemented);
    }
    let a = vm.new_list(items(vm, r));
    let other = args[1].as_obj().expect("list");
    let b = vm.new_list(items(vm, other));
    vm.compare_op(a, b, op)
}

fn list_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::Eq)
}

fn list_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::NotEq)
}

fn list_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::Lt)
}

fn list_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::LtE)
}

fn list_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::Gt)
}

fn list_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    list_cmp(vm, args, CmpOp::GtE)
}

fn list_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "__repr__")?;
    let tmp = vm.new_list(items(vm, r));
    let s = vm.to_repr_string(tmp)?;
    Ok(vm.new_str(s))
}

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.append", args, 2, 2)?;
    let r = list_ref(vm, args[0], "append")?;
    items_mut(vm, r).push(args[1]);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.extend", args, 2, 2)?;
    list_ref(vm, args[0], "extend")?;
    extend_from(vm, args[0], args[1])?;
    Ok(Value::None)
}

fn insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    let r = list_ref(vm, args[0], "insert")?;
    let i = vm.index_value(args[1])?;
    let list = items_mut(vm, r);
    let len = list.len() as i64;
    let j = if i < 0 { (i + len).max(0) } else { i.min(len) };
    list.insert(j as usize, args[2]);
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.remove", args, 2, 2)?;
    let r = list_ref(vm, args[0], "remove")?;
    let n = items_mut(vm, r).len();
    for i in 0..n {
        let x = match items_mut(vm, r).get(i) {
            Some(x) => *x,
            None => break,
        };
        if vm.eq_container(x, args[1])? {
            let list = items_mut(vm, r);
            if i < list.len() {
                list.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "pop", args, 1, 2)?;
    let r = list_ref(vm, args[0], "pop")?;
    let len = items_mut(vm, r).len() as i64;
    if len == 0 {
        return Err(vm.index_error("pop from empty list"));
    }
    let i = match args.get(1) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("pop index out of range"));
    }
    Ok(items_mut(vm, r).remove(j as usize))
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", args, 2, 4)?;
    let r = list_ref(vm, args[0], "index")?;
    let v = items(vm, r);
    let len = v.len() as i64;
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
        if vm.eq_container(v[i as usize], args[1])? {
            return Ok(Value::Int(i));
        }
    }
    let rep = vm.to_repr_string(args[1])?;
    Err(vm.value_error(format!("{} is not in list", rep)))
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "list.count", args, 2, 2)?;
    let r = list_ref(vm, args[0], "count")?;
    let mut n = 0;
    for x in items(vm, r) {
        if vm.eq_container(x, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    check_kwargs(vm, "sort", kw, &["key", "reverse"])?;
    let r = list_ref(vm, args[0], "sort")?;
    sort_list(vm, r, kwarg(vm, kw, "key"), kwarg(vm, kw, "reverse"))?;
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "reverse")?;
    items_mut(vm, r).reverse();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "copy")?;
    let v = items(vm, r);
    Ok(vm.new_list(v))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = list_ref(vm, args[0], "clear")?;
    items_mut(vm, r).clear();
    Ok(Value::None)
}

/// Sort a list object in place (`list.sort` / `sorted`).
pub fn sort_list(vm: &mut Vm, r: ObjRef, key: Option<Value>, reverse: Option<Value>) -> PyResult<()> {
    let key = key.filter(|k| !k.is_none());
    let reverse = match reverse {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    // As in CPython the list is empty while it is being sorted (its items
    // stay rooted in a holder list); a change made meanwhile by a key
    // function or comparison is discarded and reported.
    let mut vals = std::mem::take(items_mut(vm, r));
    let val_holder = vm.new_list(vals.clone());
    vm.temp_roots.push(val_holder);
    let result = sort_values(vm, &mut vals, key, reverse);
    vm.temp_roots.pop();
    release_holder(vm, val_holder);
    let modified = !items_mut(vm, r).is_empty();
    *items_mut(vm, r) = vals;
    result?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(())
}

/// Free the items buffer of a list that only rooted values during a sort
/// (nothing else refers to it): without reference counts the list would
/// keep a copy of every item until the next collection, and sorting
/// allocates few objects, so that could be many sorts later (fannkuch's
/// `sorted(data, key=...)` of 20 000 items: 0.6 MB of such copies per call).
fn release_holder(vm: &mut Vm, holder: Value) {
    if let Some(ObjData::List(h)) = holder.as_obj().map(|h| vm.heap.data_mut(h)) {
        *h = Vec::new();
    }
}

fn sort_values(vm: &mut Vm, vals: &mut Vec<Value>, key: Option<Value>, reverse: bool) -> PyResult<()> {
    // Keys stay rooted in a list while key functions and comparisons run.
    let keys_list = match key {
        Some(k) => {
            let mut keys = Vec::with_capacity(vals.len());
            let holder = vm.new_list(Vec::new());
            vm.temp_roots.push(holder);
            for &v in vals.iter() {
                let kv = match vm.call_value(k, &[v], &[]) {
                    Ok(kv) => kv,
                    Err(e) => {
                        vm.temp_roots.pop();
                        return Err(e);
                    }
                };
                keys.push(kv);
                if let Some(ObjData::List(h)) = holder.as_obj().map(|h| vm.heap.data_mut(h)) {
                    h.push(kv);
                }
            }
            Some(keys)
        }
        None => None,
    };
    let mut pairs: Vec<(Value, Value)> = match &keys_list {
        Some(keys) => keys.iter().copied().zip(vals.iter().copied()).collect(),
        None => vals.iter().map(|&v| (v, v)).collect(),
    };
    if reverse {
        pairs.reverse();
    }
    let result = sort_pairs(vm, &mut pairs);
    if keys_list.is_some() {
        if let Some(holder) = vm.temp_roots.pop() {
            release_holder(vm, holder);
        }
    }
    result?;
    if reverse {
        pairs.reverse();
    }
    vals.clear();
    vals.extend(pairs.into_iter().map(|(_, v)| v));
    Ok(())
}

/// Stable sort of (key, item) pairs by key using Python's `<`.
fn sort_pairs(vm: &mut Vm, pairs: &mut Vec<(Value, Value)>) -> PyResult<()> {
    if pairs.len() < 2 {
        return Ok(());
    }
    // Homogeneous fast paths (no Python code can run).
    if pairs.iter().all(|(k, _)| matches!(k, Value::Int(_))) {
        pairs.sort_by_key(|(k, _)| if let Value::Int(i) = k { *i } else { 0 });
        return Ok(());
    }
    if pairs.iter().all(|(k, _)| matches!(k, Value::Float(f) if !f.is_nan()) || matches!(k, Value::Int(_))) {
        let f = |v: &Value| match v {
            Value::Float(f) => *f,
            Value::Int(i) => *i as f64,
            _ => 0.0,
        };
        if pairs.iter().all(|(k, _)| matches!(k, Value::Float(_)) || matches!(k, Value::Int(i) if i.unsigned_abs() < (1 << 53))) {
            pairs.sort_by(|a, b| f(&a.0).partial_cmp(&f(&b.0)).unwrap_or(Ordering::Equal));
            return Ok(());
        }
    }
    let str_cls = vm.types.str;
    let all_str = pairs.iter().all(|(k, _)| k.as_obj().map(|r| vm.heap.class_of_obj(r) == str_cls).unwrap_or(false));
    if all_str {
        let heap = &vm.heap;
        pairs.sort_by(|a, b| {
            let sa = match heap.data(a.0.as_obj().expect("str")) {
                ObjData::Str(s) => s.as_str(),
                _ => "",
            };
            let sb = match heap.data(b.0.as_obj().expect("str")) {
                ObjData::Str(s) => s.as_str(),
                _ => "",
            };
            sa.cmp(sb)
        });
        return Ok(());
    }
    if let Some(shape) = tuple_keys_one_shape(vm, pairs) {
        let heap = &vm.heap;
        let items = |v: Value| match v.as_obj().map(|r| heap.data(r)) {
            Some(ObjData::Tuple(t)) => &t[..],
            _ => &[],
        };
        // Short tuples of ints: compare copies of the ints, not the heap.
        if shape.len() <= 4 && !shape.iter().any(|&k| k) {
            let mut keyed: Vec<([i64; 4], (Value, Value))> = pairs
                .iter()
                .map(|&p| {
                    let mut k = [0i64; 4];
                    for (slot, v) in k.iter_mut().zip(items(p.0)) {
                        if let Value::Int(i) = v {
                            *slot = *i;
                        }
                    }
                    (k, p)
                })
                .collect();
            keyed.sort_by(|a, b| a.0.cmp(&b.0));
            for (dst, (_, p)) in pairs.iter_mut().zip(keyed) {
                *dst = p;
            }
            return Ok(());
        }
        // Short tuples mixing ints and strs (`(-count, word)`): each key's
        // parts read from the heap once, not at every comparison (two tuple
        // and up to four str look-ups per comparison).
        if shape.len() <= 4 {
            let mut keyed: Vec<([KeyPart; 4], (Value, Value))> = pairs
                .iter()
                .map(|&p| {
                    let mut k = [KeyPart::Int(0); 4];
                    for (slot, v) in k.iter_mut().zip(items(p.0)) {
                        *slot = match *v {
                            Value::Int(i) => KeyPart::Int(i),
                            Value::Obj(r) => match heap.data(r) {
                                ObjData::Str(s) => KeyPart::Str(s.as_str()),
                                _ => KeyPart::Int(0),
                            },
                            _ => KeyPart::Int(0),
                        };
                    }
                    (k, p)
                })
                .collect();
            keyed.sort_by(|a, b| {
                for (u, v) in a.0.iter().zip(b.0.iter()) {
                    let ord = match (u, v) {
                        (KeyPart::Int(i), KeyPart::Int(j)) => i.cmp(j),
                        (KeyPart::Str(p), KeyPart::Str(q)) => p.cmp(q),
                        _ => Ordering::Equal,
                    };
                    if ord != Ordering::Equal {
                        return ord;
                    }
                }
                Ordering::Equal
            });
            for (dst, (_, p)) in pairs.iter_mut().zip(keyed) {
                *dst = p;
            }
            return Ok(());
        }
        pairs.sort_by(|a, b| {
            for (u, v) in items(a.0).iter().zip(items(b.0).iter()) {
                let ord = match (*u, *v) {
                    (Value::Int(i), Value::Int(j)) => i.cmp(&j),
                    (Value::Obj(x), Value::Obj(y)) => match (heap.data(x), heap.data(y)) {
                        (ObjData::Str(p), ObjData::Str(q)) => p.as_str().cmp(q.as_str()),
                        _ => Ordering::Equal,
                    },
                    _ => Ordering::Equal,
                };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
        return Ok(());
    }
    merge_sort(vm, pairs)
}

/// One position of a tuple sort key of one shape (`tuple_keys_one_shape`):
/// a machine int, or an exact str's text. Unused positions stay `Int(0)`
/// in every key, so they compare equal.
#[derive(Clone, Copy)]
enum KeyPart<'a> {
    Int(i64),
    Str(&'a str),
}

/// The shape (per position: is it a str) when every key is an exact tuple
/// of the first key's shape: the same
/// length and, position by position, all machine ints or all exact strs
/// (`sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))`). Such keys
/// compare without Python code and never raise, so a stable native sort
/// gives CPython's order.
fn tuple_keys_one_shape(vm: &Vm, pairs: &[(Value, Value)]) -> Option<Vec<bool>> {
    let (tuple_cls, str_cls) = (vm.types.tuple, vm.types.str);
    let tuple_of = |v: Value| -> Option<&[Value]> {
        let o = vm.heap.get(v.as_obj()?);
        match &o.data {
            ObjData::Tuple(t) if o.class == tuple_cls => Some(t),
            _ => None,
        }
    };
    // Per position: true for str, false for int.
    let is_str = |v: Value| -> Option<bool> {
        match v {
            Value::Int(_) => Some(false),
            Value::Obj(r) if vm.heap.class_of_obj(r) == str_cls => Some(true),
            _ => None,
        }
    };
    let first = pairs.first().and_then(|p| tuple_of(p.0))?;
    let mut shape = Vec::with_capacity(first.len());
    for &v in first {
        shape.push(is_str(v)?);
    }
    let same = pairs.iter().all(|p| match tuple_of(p.0) {
        Some(t) => t.len() == shape.len() && t.iter().zip(shape.iter()).all(|(&v, &k)| is_str(v) == Some(k)),
        None => false,
    });
    same.then_some(shape)
}

fn less(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    if let Some(r) = crate::vm::compare::fast_compare(a, b, CmpOp::Lt) {
        return Ok(r);
    }
    if let Some(r) = vm.exact_builtin_lt(a, b) {
        return r;
    }
    let r = vm.compare_op(a, b, CmpOp::Lt)?;
    vm.truthy(r)
}

/// Bottom-up merge sort: binary-insertion-sorted runs, then merges.
fn merge_sort(vm: &mut Vm, v: &mut Vec<(Value, Value)>) -> PyResult<()> {
    const RUN: usize = 16;
    let n = v.len();
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let x = v[i];
            // Find the insertion point (after equal keys: stable).
            let (mut lo, mut hi) = (start, i);
            while lo < hi {
                let mid = (lo + hi) / 2;
                if less(vm, x.0, v[mid].0)? {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            v.copy_within(lo..i, lo + 1);
            v[lo] = x;
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if less(vm, v[j].0, v[i].0)? {
                        buf.push(v[j]);
                        j += 1;
                    } else {
                        buf.push(v[i]);
                        i += 1;
                    }
                }
                buf.extend_from_slice(&v[i..mid]);
                buf.extend_from_slice(&v[j..hi]);
                v[lo..hi].copy_from_slice(&buf);
            }
            lo = hi;
        }
        width *= 2;
    }
    Ok(())
}
