//! `dict` and its views: construction, item access, `get`/`setdefault`/
//! `update`/`pop`/`popitem`/`keys`/`values`/`items`/`fromkeys`/`copy`,
//! and set-like operations on key views.

use crate::ast::BinOp;
use crate::builtins::args::arity;
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::dict::PyDict;
use crate::runtime::function::NativeFn;
use crate::runtime::iter::{IterState, ViewKind};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

const METHODS: &[(&str, NativeFn)] = &[
    ("__init__", dict_init),
    ("__len__", dict_len),
    ("__getitem__", dict_getitem),
    ("__setitem__", dict_setitem),
    ("__delitem__", dict_delitem),
    ("__contains__", dict_contains),
    ("__iter__", dict_iter),
    ("__reversed__", dict_reversed),
    ("__eq__", dict_eq),
    ("__ne__", dict_ne),
    ("__or__", dict_or),
    ("__ior__", dict_ior),
    ("__repr__", dict_repr),
    ("get", get),
    ("setdefault", setdefault),
    ("update", update),
    ("pop", pop),
    ("popitem", popitem),
    ("keys", keys),
    ("values", values),
    ("items", items),
    ("copy", copy),
    ("clear", clear),
];

pub fn install(vm: &mut Vm) {
    let t = vm.types.dict;
    add_native(vm, t, "dict", "__new__", dict_new, Kind::Static);
    for &(name, f) in METHODS {
        add_method(vm, t, "dict", name, f);
    }
    add_native(vm, t, "dict", "fromkeys", fromkeys, Kind::Class);
    add_native(vm, t, "dict", "__class_getitem__", class_getitem, Kind::Class);
    set_type_attr(vm, t, "__hash__", Value::None);
    for (cls, name) in [(vm.types.dict_keys, "dict_keys"), (vm.types.dict_values, "dict_values"), (vm.types.dict_items, "dict_items")] {
        let owner: &'static str = match name {
            "dict_keys" => "dict_keys",
            "dict_values" => "dict_values",
            _ => "dict_items",
        };
        add_method(vm, cls, owner, "__len__", view_len);
        add_method(vm, cls, owner, "__iter__", view_iter);
        add_method(vm, cls, owner, "__contains__", view_contains);
        add_method(vm, cls, owner, "__reversed__", view_reversed);
        add_method(vm, cls, owner, "isdisjoint", view_isdisjoint);
        crate::builtins::add_getset(vm, cls, owner, "mapping", view_mapping, None);
        if name != "dict_values" {
            add_method(vm, cls, owner, "__eq__", view_eq);
            add_method(vm, cls, owner, "__ne__", view_ne);
            add_method(vm, cls, owner, "__le__", view_le);
            add_method(vm, cls, owner, "__lt__", view_lt);
            add_method(vm, cls, owner, "__ge__", view_ge);
            add_method(vm, cls, owner, "__gt__", view_gt);
        }
    }
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

fn dict_ref(vm: &mut Vm, v: Value, name: &str) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Dict(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{}' for 'dict' objects doesn't apply to a '{}' object", name, tn)))
        }
    }
}

fn dict_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.dict);
    Ok(vm.alloc(cls, ObjData::Dict(Box::new(PyDict::new()))))
}

fn dict_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("dict expected at most 1 argument, got {}", args.len() - 1)));
    }
    let r = dict_ref(vm, args[0], "__init__")?;
    if let Some(&src) = args.get(1) {
        vm.dict_update_from(r, src)?;
    }
    for &(k, v) in kw {
        vm.dict_set_item(r, k, v)?;
    }
    Ok(Value::None)
}

fn dict_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "__len__")?;
    Ok(Value::Int(vm.dict(r).len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let r = dict_ref(vm, args[0], "__getitem__")?;
    match vm.dict_get_item(r, args[1])? {
        Some(v) => Ok(v),
        None => {
            if !vm.builtin_class(r) {
                let m = vm.names.__missing__;
                if let Some(f) = vm.lookup_special(args[0], m) {
                    return vm.call_value(f, &[args[0], args[1]], &[]);
                }
            }
            Err(vm.key_error(args[1]))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let r = dict_ref(vm, args[0], "__setitem__")?;
    vm.dict_set_item(r, args[1], args[2])?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__delitem__", args, 2, 2)?;
    let r = dict_ref(vm, args[0], "__delitem__")?;
    match vm.dict_del_item(r, args[1])? {
        Some(_) => Ok(Value::None),
        None => Err(vm.key_error(args[1])),
    }
}

fn dict_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let r = dict_ref(vm, args[0], "__contains__")?;
    Ok(Value::Bool(vm.dict_lookup(r, args[1])?.1.is_some()))
}

fn dict_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "__iter__")?;
    let len = vm.dict(r).len();
    let cls = vm.types.dict_keyiterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Dict { dict: r, index: 0, len, kind: ViewKind::Keys, reversed: false }))))
}

fn dict_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "__reversed__")?;
    let len = vm.dict(r).len();
    let cls = vm.types.dict_reversekeyiterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Dict { dict: r, index: 0, len, kind: ViewKind::Keys, reversed: true }))))
}

/// `==` on two dicts: same keys with equal values (order ignored).
fn dicts_equal(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    if vm.dict(a).len() != vm.dict(b).len() {
        return Ok(false);
    }
    let items: Vec<(Value, Value)> = vm.dict(a).iter().collect();
    for (k, v) in items {
        match vm.dict_get_item(b, k)? {
            Some(w) => {
                if !vm.eq_container(v, w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

fn dict_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    let a = dict_ref(vm, args[0], "__eq__")?;
    match args[1].as_obj() {
        Some(b) if matches!(vm.heap.data(b), ObjData::Dict(_)) => Ok(Value::Bool(dicts_equal(vm, a, b)?)),
        _ => Ok(vm.not_implemented),
    }
}

fn dict_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_eq(vm, args, &[])?;
    Ok(match r {
        Value::Bool(b) => Value::Bool(!b),
        other => other,
    })
}

fn dict_or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__or__", args, 2, 2)?;
    let a = dict_ref(vm, args[0], "__or__")?;
    if !matches!(args[1].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Dict(_))) {
        return Ok(vm.not_implemented);
    }
    let copy = vm.dict(a).clone();
    let cls = vm.type_of(args[0]);
    let out = vm.alloc(cls, ObjData::Dict(Box::new(copy)));
    vm.dict_update_from(out.as_obj().expect("dict"), args[1])?;
    Ok(out)
}

fn dict_ior(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__ior__", args, 2, 2)?;
    let a = dict_ref(vm, args[0], "__ior__")?;
    vm.dict_update_from(a, args[1])?;
    Ok(args[0])
}

fn dict_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "__repr__")?;
    let s = crate::builtins::repr::builtin_repr(vm, r)?.unwrap_or_default();
    Ok(vm.new_str(s))
}

fn get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // `counts.get(w, 0)` with a str/int/tuple key: the native probe
    // straight away (no `dict_ref`/`dict_get_item`/`dict_lookup` layers,
    // ~100 Ir a call). `dict.get` never calls `__getitem__`/`__missing__`,
    // so a subclass instance takes this path too.
    if let (2 | 3, Some(&Value::Obj(r))) = (args.len(), args.first()) {
        if let ObjData::Dict(d) = vm.heap.data(r) {
            if let Some((_, found)) = vm.dict_probe_native(d, args[1]) {
                return Ok(match found {
                    Some(i) => d.value_at(i),
                    None => args.get(2).copied().unwrap_or(Value::None),
                });
            }
        }
    }
    if args.len() < 2 {
        return Err(vm.type_error(format!("get expected at least 1 argument, got {}", args.len().saturating_sub(1))));
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!("get expected at most 2 arguments, got {}", args.len() - 1)));
    }
    let r = dict_ref(vm, args[0], "get")?;
    Ok(vm.dict_get_item(r, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn setdefault(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setdefault", args, 2, 3)?;
    let r = dict_ref(vm, args[0], "setdefault")?;
    if let Some(v) = vm.dict_get_item(r, args[1])? {
        return Ok(v);
    }
    let d = args.get(2).copied().unwrap_or(Value::None);
    vm.dict_set_item(r, args[1], d)?;
    Ok(d)
}

fn update(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(vm.type_error(format!("update expected at most 1 argument, got {}", args.len() - 1)));
    }
    let r = dict_ref(vm, args[0], "update")?;
    if let Some(&src) = args.get(1) {
        vm.dict_update_from(r, src)?;
    }
    for &(k, v) in kw {
        vm.dict_set_item(r, k, v)?;
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!("pop expected at least 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let r = dict_ref(vm, args[0], "pop")?;
    match vm.dict_del_item(r, args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(&d) => Ok(d),
            None => Err(vm.key_error(args[1])),
        },
    }
}

fn popitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "popitem")?;
    match vm.dict_mut(r).pop_last() {
        Some((k, v)) => Ok(vm.new_tuple(vec![k, v])),
        None => {
            let c = vm.exc.key_error;
            Err(vm.new_error(c, "popitem(): dictionary is empty"))
        }
    }
}

fn view(vm: &mut Vm, args: &[Value], kind: ViewKind, name: &str) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], name)?;
    let cls = match kind {
        ViewKind::Keys => vm.types.dict_keys,
        ViewKind::Values => vm.types.dict_values,
        ViewKind::Items => vm.types.dict_items,
    };
    Ok(vm.alloc(cls, ObjData::DictView(r, kind)))
}

fn keys(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view(vm, args, ViewKind::Keys, "keys")
}

fn values(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view(vm, args, ViewKind::Values, "values")
}

fn items(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view(vm, args, ViewKind::Items, "items")
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "copy")?;
    let c = vm.dict(r).clone();
    let cls = vm.types.dict;
    Ok(vm.alloc(cls, ObjData::Dict(Box::new(c))))
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = dict_ref(vm, args[0], "clear")?;
    vm.dict_mut(r).clear();
    Ok(Value::None)
}

fn fromkeys(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 || args.len() > 3 {
        return Err(vm.type_error(format!("fromkeys expected at least 1 argument, got {}", args.len().saturating_sub(1))));
    }
    let cls = args[0];
    let d = vm.call_value(cls, &[], &[])?;
    let keys = vm.collect_iterable(args[1])?;
    let v = args.get(2).copied().unwrap_or(Value::None);
    vm.temp_roots.push(d);
    let r = (|| {
        for k in keys {
            vm.set_item(d, k, v)?;
        }
        Ok(d)
    })();
    vm.temp_roots.pop();
    r
}

fn view_parts(vm: &mut Vm, v: Value) -> PyResult<(ObjRef, ViewKind)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::DictView(d, k)) => Ok((*d, *k)),
        _ => Err(vm.type_error("descriptor requires a dict view")),
    }
}

fn view_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (d, _) = view_parts(vm, args[0])?;
    Ok(Value::Int(vm.dict(d).len() as i64))
}

fn view_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.get_iter(args[0])
}

fn view_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (d, k) = view_parts(vm, args[0])?;
    Ok(Value::Bool(vm.dict_view_contains(d, k, args[1])?))
}

fn view_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (d, kind) = view_parts(vm, args[0])?;
    let len = vm.dict(d).len();
    let cls = vm.types.dict_reversekeyiterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Dict { dict: d, index: 0, len, kind, reversed: true }))))
}

fn view_isdisjoint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isdisjoint", args, 2, 2)?;
    let other = vm.collect_iterable(args[1])?;
    for x in other {
        if vm.contains(args[0], x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Whether `v` takes part in set-like view comparisons: a set, a
/// frozenset, or a keys/items view (values views are not set-like).
fn set_like(vm: &Vm, v: Value) -> bool {
    let Some(r) = v.as_obj() else { return false };
    match vm.heap.data(r) {
        ObjData::Set(_) => true,
        // mappingproxy shares the DictView payload but is not set-like.
        ObjData::DictView(..) => {
            let c = vm.heap.class_of_obj(r);
            c == vm.types.dict_keys || c == vm.types.dict_items
        }
        _ => false,
    }
}

/// `view.mapping`: a read-only proxy of the view's dict.
fn view_mapping(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (d, _) = view_parts(vm, v)?;
    Ok(crate::builtins::types::mappingproxy(vm, d))
}

/// Every element of `a` is in `b`.
fn all_in(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    for x in vm.collect_iterable(a)? {
        if !vm.contains(b, x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Set-like comparison of a keys/items view with `args[1]`:
/// `f(len(self), len(other), self <= other, other <= self)`.
fn view_cmp(vm: &mut Vm, args: &[Value], f: fn(usize, usize, &mut dyn FnMut(bool) -> PyResult<bool>) -> PyResult<bool>) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if !set_like(vm, b) {
        return Ok(vm.not_implemented);
    }
    let la = vm.len_of(a)?;
    let lb = vm.len_of(b)?;
    // The containment walks run only when the lengths leave the answer open.
    let mut sub = |forward: bool| if forward { all_in(vm, a, b) } else { all_in(vm, b, a) };
    Ok(Value::Bool(f(la, lb, &mut sub)?))
}

fn view_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(la == lb && sub(true)?))
}

fn view_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(!(la == lb && sub(true)?)))
}

fn view_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(la <= lb && sub(true)?))
}

fn view_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(la < lb && sub(true)?))
}

fn view_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(la >= lb && sub(false)?))
}

fn view_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    view_cmp(vm, args, |la, lb, sub| Ok(la > lb && sub(false)?))
}

impl Vm {
    /// `keys_view op other` (set algebra on dict views): a new set.
    pub fn view_algebra(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let s = self.new_set_value();
        self.temp_roots.push(s);
        let r = (|| {
            self.set_update(s, a)?;
            let other = self.new_set_value();
            self.temp_roots.push(other);
            let r = self.set_update(other, b).and_then(|_| self.set_algebra(s, other, op));
            self.temp_roots.pop();
            r
        })();
        self.temp_roots.pop();
        r
    }
}
