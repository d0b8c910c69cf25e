//! `set` and `frozenset`: construction, mutation, and set algebra built
//! the way CPython builds results (which table is iterated, which result
//! is copied first), so that printed sets come out in CPython's order.

use crate::ast::BinOp;
use crate::builtins::args::arity;
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::function::NativeFn;
use crate::runtime::iter::IterState;
use crate::runtime::object::ObjData;
use crate::runtime::set::PySet;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

const COMMON: &[(&str, NativeFn)] = &[
    ("__len__", set_len),
    ("__contains__", set_contains),
    ("__iter__", set_iter),
    ("__eq__", set_eq),
    ("__ne__", set_ne),
    ("__le__", set_le),
    ("__lt__", set_lt),
    ("__ge__", set_ge),
    ("__gt__", set_gt),
    ("__or__", set_or),
    ("__and__", set_and),
    ("__sub__", set_sub),
    ("__xor__", set_xor),
    ("__ror__", set_ror),
    ("__rand__", set_rand),
    ("__rsub__", set_rsub),
    ("__rxor__", set_rxor),
    ("__repr__", set_repr),
    ("copy", copy),
    ("union", union),
    ("intersection", intersection),
    ("difference", difference),
    ("symmetric_difference", symmetric_difference),
    ("issubset", issubset),
    ("issuperset", issuperset),
    ("isdisjoint", isdisjoint),
];

const MUTATING: &[(&str, NativeFn)] = &[
    ("__init__", set_init),
    ("add", add),
    ("remove", remove),
    ("discard", discard),
    ("pop", pop),
    ("clear", clear),
    ("update", update),
    ("intersection_update", intersection_update),
    ("difference_update", difference_update),
    ("symmetric_difference_update", symmetric_difference_update),
    ("__ior__", set_ior),
    ("__iand__", set_iand),
    ("__isub__", set_isub),
    ("__ixor__", set_ixor),
];

pub fn install(vm: &mut Vm) {
    let s = vm.types.set;
    let f = vm.types.frozenset;
    add_native(vm, s, "set", "__new__", set_new, Kind::Static);
    add_native(vm, f, "frozenset", "__new__", frozenset_new, Kind::Static);
    for &(name, func) in COMMON {
        add_method(vm, s, "set", name, func);
        add_method(vm, f, "frozenset", name, func);
    }
    for &(name, func) in MUTATING {
        add_method(vm, s, "set", name, func);
    }
    set_type_attr(vm, s, "__hash__", Value::None);
    add_method(vm, f, "frozenset", "__hash__", frozenset_hash);
    add_native(vm, s, "set", "__class_getitem__", class_getitem, Kind::Class);
    add_native(vm, f, "frozenset", "__class_getitem__", class_getitem, Kind::Class);
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

fn set_obj(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Set(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'set' object but received a '{}'", tn)))
        }
    }
}

fn is_set(vm: &Vm, v: Value) -> bool {
    matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Set(_)))
}

fn set_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.set);
    Ok(vm.alloc(cls, ObjData::Set(Box::default())))
}

fn set_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("set() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("set expected at most 1 argument, got {}", args.len() - 1)));
    }
    let r = set_obj(vm, args[0])?;
    vm.set_mut(r).clear();
    if let Some(&it) = args.get(1) {
        vm.set_update(args[0], it)?;
    }
    Ok(Value::None)
}

fn frozenset_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.frozenset);
    if args.len() > 2 {
        return Err(vm.type_error(format!("frozenset expected at most 1 argument, got {}", args.len() - 1)));
    }
    match args.get(1) {
        Some(&it) => {
            if cls == vm.types.frozenset && vm.type_of(it) == vm.types.frozenset {
                return Ok(it);
            }
            vm.set_from_iterable(cls, it)
        }
        None => Ok(vm.alloc(cls, ObjData::Set(Box::default()))),
    }
}

fn set_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    Ok(Value::Int(vm.set_ref(r).len() as i64))
}

/// Membership where an unhashable set argument is looked up as frozenset.
fn contains(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<bool> {
    if vm.type_of(key) == vm.types.set {
        let keys = vm.set_keys(key.as_obj().expect("set"));
        let fl = vm.new_list(keys);
        let fcls = vm.types.frozenset;
        let f = vm.set_from_iterable(fcls, fl)?;
        return vm.set_contains(r, f);
    }
    vm.set_contains(r, key)
}

fn set_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let r = set_obj(vm, args[0])?;
    Ok(Value::Bool(contains(vm, r, args[1])?))
}

fn set_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    let used = vm.set_ref(r).used;
    let cls = vm.types.set_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Set { set: r, slot: 0, used }))))
}

fn subset(vm: &mut Vm, a: ObjRef, b: ObjRef) -> PyResult<bool> {
    if vm.set_ref(a).len() > vm.set_ref(b).len() {
        return Ok(false);
    }
    for k in vm.set_keys(a) {
        if !vm.set_contains(b, k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn cmp_sets(vm: &mut Vm, args: &[Value], f: fn(usize, usize, bool, bool) -> bool) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    let a = set_obj(vm, args[0])?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let b = args[1].as_obj().expect("set");
    let (la, lb) = (vm.set_ref(a).len(), vm.set_ref(b).len());
    let ab = subset(vm, a, b)?;
    let ba = subset(vm, b, a)?;
    Ok(Value::Bool(f(la, lb, ab, ba)))
}

fn set_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |la, lb, ab, _| la == lb && ab)
}

fn set_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |la, lb, ab, _| !(la == lb && ab))
}

fn set_le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |_, _, ab, _| ab)
}

fn set_lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |la, lb, ab, _| ab && la < lb)
}

fn set_ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |_, _, _, ba| ba)
}

fn set_gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    cmp_sets(vm, args, |la, lb, _, ba| ba && la > lb)
}

fn binop(vm: &mut Vm, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    arity(vm, "set operator", args, 2, 2)?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    if reflected {
        vm.set_algebra(args[1], args[0], op)
    } else {
        vm.set_algebra(args[0], args[1], op)
    }
}

fn set_or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitOr, false)
}

fn set_and(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitAnd, false)
}

fn set_sub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::Sub, false)
}

fn set_xor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitXor, false)
}

fn set_ror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitOr, true)
}

fn set_rand(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitAnd, true)
}

fn set_rsub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::Sub, true)
}

fn set_rxor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    binop(vm, args, BinOp::BitXor, true)
}

fn inplace(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    arity(vm, "set operator", args, 2, 2)?;
    let r = set_obj(vm, args[0])?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let res = vm.set_algebra(args[0], args[1], op)?;
    let new = vm.set_ref(res.as_obj().expect("set")).clone();
    *vm.set_mut(r) = new;
    Ok(args[0])
}

fn set_ior(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__ior__", args, 2, 2)?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    vm.set_update(args[0], args[1])?;
    Ok(args[0])
}

fn set_iand(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    inplace(vm, args, BinOp::BitAnd)
}

fn set_isub(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__isub__", args, 2, 2)?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    difference_update(vm, args, &[])?;
    Ok(args[0])
}

fn set_ixor(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__ixor__", args, 2, 2)?;
    if !is_set(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    symmetric_difference_update(vm, args, &[])?;
    Ok(args[0])
}

fn set_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    let s = crate::builtins::repr::builtin_repr(vm, r)?.unwrap_or_default();
    Ok(vm.new_str(s))
}

/// A new set of the same base type as `v` holding `v`'s keys (CPython's
/// `make_new_set_basetype` + merge).
fn copy_of(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = set_obj(vm, v)?;
    let frozen = vm.is_subtype(vm.type_of(v), vm.types.frozenset);
    let cls = if frozen { vm.types.frozenset } else { vm.types.set };
    let src = vm.set_ref(r).clone();
    let out = vm.alloc(cls, ObjData::Set(Box::default()));
    vm.set_merge(out.as_obj().expect("set"), &src)?;
    Ok(out)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if vm.type_of(args[0]) == vm.types.frozenset {
        return Ok(args[0]);
    }
    copy_of(vm, args[0])
}

/// Turn a non-set argument into a set (for the named methods, which
/// accept any iterable).
fn as_set(vm: &mut Vm, v: Value) -> PyResult<Value> {
    if is_set(vm, v) {
        return Ok(v);
    }
    let cls = vm.types.set;
    vm.set_from_iterable(cls, v)
}

fn union(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let out = copy_of(vm, args[0])?;
    vm.temp_roots.push(out);
    let r = (|| {
        for &o in &args[1..] {
            vm.set_update(out, o)?;
        }
        Ok(out)
    })();
    vm.temp_roots.pop();
    r
}

fn fold(vm: &mut Vm, args: &[Value], op: BinOp) -> PyResult<Value> {
    let mut acc = args[0];
    if args.len() == 1 {
        return copy_of(vm, acc);
    }
    for &o in &args[1..] {
        let o = as_set(vm, o)?;
        vm.temp_roots.push(acc);
        let r = vm.set_algebra(acc, o, op);
        vm.temp_roots.pop();
        acc = r?;
    }
    Ok(acc)
}

fn intersection(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    set_obj(vm, args[0])?;
    fold(vm, args, BinOp::BitAnd)
}

fn difference(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    set_obj(vm, args[0])?;
    fold(vm, args, BinOp::Sub)
}

fn symmetric_difference(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "symmetric_difference", args, 2, 2)?;
    set_obj(vm, args[0])?;
    let o = as_set(vm, args[1])?;
    vm.set_algebra(args[0], o, BinOp::BitXor)
}

fn issubset(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "issubset", args, 2, 2)?;
    let a = set_obj(vm, args[0])?;
    let b = as_set(vm, args[1])?;
    Ok(Value::Bool(subset(vm, a, b.as_obj().expect("set"))?))
}

fn issuperset(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "issuperset", args, 2, 2)?;
    let a = set_obj(vm, args[0])?;
    let b = as_set(vm, args[1])?;
    Ok(Value::Bool(subset(vm, b.as_obj().expect("set"), a)?))
}

fn isdisjoint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isdisjoint", args, 2, 2)?;
    let a = set_obj(vm, args[0])?;
    let items = vm.collect_iterable(args[1])?;
    for x in items {
        if vm.set_contains(a, x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.add", args, 2, 2)?;
    set_obj(vm, args[0])?;
    vm.set_add(args[0], args[1])?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.remove", args, 2, 2)?;
    let r = set_obj(vm, args[0])?;
    if vm.set_discard(r, args[1])? {
        Ok(Value::None)
    } else {
        Err(vm.key_error(args[1]))
    }
}

fn discard(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set.discard", args, 2, 2)?;
    let r = set_obj(vm, args[0])?;
    vm.set_discard(r, args[1])?;
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    match vm.set_mut(r).pop() {
        Some(v) => Ok(v),
        None => {
            let c = vm.exc.key_error;
            Err(vm.new_error(c, "pop from an empty set"))
        }
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    vm.set_mut(r).clear();
    Ok(Value::None)
}

fn update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    set_obj(vm, args[0])?;
    for &o in &args[1..] {
        vm.set_update(args[0], o)?;
    }
    Ok(Value::None)
}

fn replace_with(vm: &mut Vm, target: Value, result: Value) {
    let new = vm.set_ref(result.as_obj().expect("set")).clone();
    if let Some(r) = target.as_obj() {
        *vm.set_mut(r) = new;
    }
}

fn intersection_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    set_obj(vm, args[0])?;
    let res = fold(vm, args, BinOp::BitAnd)?;
    replace_with(vm, args[0], res);
    Ok(Value::None)
}

fn difference_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    for &o in &args[1..] {
        if o.is(args[0]) {
            vm.set_mut(r).clear();
            continue;
        }
        let items = vm.collect_iterable(o)?;
        for x in items {
            vm.set_discard(r, x)?;
        }
    }
    Ok(Value::None)
}

fn symmetric_difference_update(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "symmetric_difference_update", args, 2, 2)?;
    let r = set_obj(vm, args[0])?;
    let other = as_set(vm, args[1])?;
    if other.is(args[0]) {
        vm.set_mut(r).clear();
        return Ok(Value::None);
    }
    let entries: Vec<(i64, Value)> = vm.set_ref(other.as_obj().expect("set")).iter().collect();
    for (h, k) in entries {
        if !vm.set_discard(r, k)? {
            vm.set_add_hashed(r, h, k)?;
        }
    }
    Ok(Value::None)
}

fn frozenset_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = set_obj(vm, args[0])?;
    let s = vm.set_ref(r);
    let hashes: Vec<i64> = s.iter().map(|(h, _)| h).collect();
    let n = s.len();
    Ok(Value::Int(crate::runtime::hash::hash_frozenset(hashes.into_iter(), n)))
}

impl Vm {
    /// `a | b`, `a & b`, `a - b`, `a ^ b` for two set objects, building the
    /// result as CPython does (so iteration order matches).
    pub fn set_algebra(&mut self, a: Value, b: Value, op: BinOp) -> PyResult<Value> {
        let ar = a.as_obj().expect("set");
        let br = b.as_obj().expect("set");
        let frozen = self.is_subtype(self.type_of(a), self.types.frozenset);
        let cls = if frozen { self.types.frozenset } else { self.types.set };
        match op {
            BinOp::BitOr => {
                let out = copy_of(self, a)?;
                let other = self.set_ref(br).clone();
                self.set_merge(out.as_obj().expect("set"), &other)?;
                Ok(out)
            }
            BinOp::BitAnd => {
                let out = self.alloc(cls, ObjData::Set(Box::default()));
                let or = out.as_obj().expect("set");
                let (mut big, mut small) = (ar, br);
                if self.set_ref(small).len() > self.set_ref(big).len() {
                    std::mem::swap(&mut big, &mut small);
                }
                let entries: Vec<(i64, Value)> = self.set_ref(small).iter().collect();
                self.temp_roots.push(out);
                let r = (|| {
                    for (h, k) in entries {
                        if self.set_contains(big, k)? {
                            self.set_add_hashed(or, h, k)?;
                        }
                    }
                    Ok(out)
                })();
                self.temp_roots.pop();
                r
            }
            BinOp::Sub => {
                let (la, lb) = (self.set_ref(ar).len(), self.set_ref(br).len());
                if (la >> 2) > lb {
                    let out = copy_of(self, a)?;
                    let or = out.as_obj().expect("set");
                    for k in self.set_keys(br) {
                        self.set_discard(or, k)?;
                    }
                    return Ok(out);
                }
                let out = self.alloc(cls, ObjData::Set(Box::default()));
                let or = out.as_obj().expect("set");
                let entries: Vec<(i64, Value)> = self.set_ref(ar).iter().collect();
                self.temp_roots.push(out);
                let r = (|| {
                    for (h, k) in entries {
                        if !self.set_contains(br, k)? {
                            self.set_add_hashed(or, h, k)?;
                        }
                    }
                    Ok(out)
                })();
                self.temp_roots.pop();
                r
            }
            BinOp::BitXor => {
                // A copy of b (with a's type), then a folded in.
                let out = self.alloc(cls, ObjData::Set(Box::default()));
                let or = out.as_obj().expect("set");
                let other = self.set_ref(br).clone();
                self.set_merge(or, &other)?;
                let entries: Vec<(i64, Value)> = self.set_ref(ar).iter().collect();
                for (h, k) in entries {
                    if !self.set_discard(or, k)? {
                        self.set_add_hashed(or, h, k)?;
                    }
                }
                Ok(out)
            }
            _ => Ok(self.not_implemented),
        }
    }
}

#[allow(dead_code)]
fn unused(_s: PySet) {}
