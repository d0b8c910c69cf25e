//! The native `_collections` module: `deque` (a ring buffer with an
//! optional `maxlen`, CPython's methods, messages and repr) with its
//! iterators, and `_count_elements` (the counting loop of `Counter`).
//! The rest of `collections` is Python (`py/collections.py`).

use std::any::Any;
use std::collections::VecDeque;

use crate::ast::CmpOp;
use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_getset, add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub struct DequeObj {
    pub items: VecDeque<Value>,
    pub maxlen: Option<usize>,
    /// Bumped by every change of length (iterators detect mutation).
    pub state: u64,
}

impl NativeData for DequeObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        for v in &self.items {
            if let Value::Obj(r) = v {
                out.push(*r);
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
    fn native_len(&self, class: ObjRef) -> Option<usize> {
        (Some(class) == deque_type()).then_some(self.items.len())
    }
}

struct DequeIter {
    deque: ObjRef,
    index: usize,
    state: u64,
    reversed: bool,
    done: bool,
}

impl NativeData for DequeIter {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        out.push(self.deque);
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

thread_local! {
    static TYPES: std::cell::Cell<Option<(ObjRef, ObjRef, ObjRef)>> = const { std::cell::Cell::new(None) };
}

fn deque_type() -> Option<ObjRef> {
    TYPES.with(|t| t.get()).map(|t| t.0)
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "deque", Layout::Native);
    let it = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "_deque_iterator", Layout::Native);
    let rit = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "_deque_reverse_iterator", Layout::Native);
    TYPES.with(|c| c.set(Some((t, it, rit))));
    for x in [t, it, rit] {
        vm.ext.roots.push(Value::Obj(x));
        // A "heap" type for the VM: its dunders (`__add__`, ...) are used.
        if let ObjData::Type(tt) = vm.heap.data_mut(x) {
            tt.builtin = false;
            // But no instance `__dict__`, as CPython's deque (a subclass
            // without `__slots__` gets one as usual).
            tt.slots = Some(Vec::new());
            if x == t {
                tt.c_module = Some("collections");
            }
        }
    }
    add_native(vm, t, "deque", "__new__", deque_new, Kind::Static);
    const METHODS: &[(&str, crate::runtime::function::NativeFn)] = &[
        ("__init__", deque_init),
        ("append", append),
        ("appendleft", appendleft),
        ("pop", pop),
        ("popleft", popleft),
        ("extend", extend),
        ("extendleft", extendleft),
        ("rotate", rotate),
        ("clear", clear),
        ("count", count),
        ("index", index),
        ("insert", insert),
        ("remove", remove),
        ("reverse", reverse),
        ("copy", copy),
        ("__copy__", copy),
        ("__len__", len),
        ("__bool__", bool_),
        ("__getitem__", getitem),
        ("__setitem__", setitem),
        ("__delitem__", delitem),
        ("__contains__", contains),
        ("__iter__", iter),
        ("__reversed__", reversed),
        ("__repr__", repr),
        ("__eq__", eq),
        ("__ne__", ne),
        ("__lt__", lt),
        ("__le__", le),
        ("__gt__", gt),
        ("__ge__", ge),
        ("__add__", add),
        ("__iadd__", iadd),
        ("__mul__", mul),
        ("__rmul__", mul),
        ("__imul__", imul),
        ("__reduce__", reduce),
    ];
    for &(n, f) in METHODS {
        add_method(vm, t, "deque", n, f);
    }
    add_getset(vm, t, "deque", "maxlen", get_maxlen, None);
    set_type_attr(vm, t, "__hash__", Value::None);
    let ga = vm.native_fn("__class_getitem__", class_getitem);
    let cm_cls = vm.types.classmethod;
    let cm = vm.alloc(cm_cls, ObjData::ClassMethod(ga));
    set_type_attr(vm, t, "__class_getitem__", cm);
    for x in [it, rit] {
        add_method(vm, x, "_deque_iterator", "__next__", iter_next);
        add_method(vm, x, "_deque_iterator", "__iter__", iter_self);
        add_method(vm, x, "_deque_iterator", "__length_hint__", iter_len);
    }
    let modname = vm.new_str("collections");
    set_type_attr(vm, t, "__module__", modname);
    let modname = vm.new_str("_collections");
    set_type_attr(vm, it, "__module__", modname);
    set_type_attr(vm, rit, "__module__", modname);
    let d = vm.module_dict(m).expect("module dict");
    for (name, v) in [("deque", t), ("_deque_iterator", it), ("_deque_reverse_iterator", rit)] {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, Value::Obj(v));
    }
    crate::builtins::add_functions(vm, d, &[("_count_elements", count_elements), ("_c_type", c_type)]);
    Ok(())
}

/// `_c_type(cls)`: `cls` (written in Python here) is a C type of the
/// `collections` module in CPython, so its messages name it
/// `collections.<name>` (`'collections.defaultdict' object has no
/// attribute 'x'`). Subclasses are not affected.
fn c_type(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_c_type", args, 1, 1)?;
    match args[0].as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Type(t)) => {
            t.c_module = Some("collections");
            Ok(args[0])
        }
        _ => Err(vm.type_error("_c_type() argument must be a class")),
    }
}

fn is_deque(vm: &Vm, v: Value) -> bool {
    matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<DequeObj>())
}

/// The payload of `v` if its class is exactly `collections.deque` (no
/// subclass can have overridden a method): for native callers such as
/// asyncio's queue fast paths.
pub fn exact_deque(vm: &mut Vm, v: Value) -> Option<&mut DequeObj> {
    let r = v.as_obj()?;
    if Some(vm.type_of(v)) != deque_type() {
        return None;
    }
    match vm.heap.data_mut(r) {
        ObjData::Native2(n) => n.as_any_mut().downcast_mut::<DequeObj>(),
        _ => None,
    }
}

/// `exact_deque` for reading.
pub fn exact_deque_ref(vm: &Vm, v: Value) -> Option<&DequeObj> {
    let r = v.as_obj()?;
    if Some(vm.type_of(v)) != deque_type() {
        return None;
    }
    match vm.heap.data(r) {
        ObjData::Native2(n) => n.as_any().downcast_ref::<DequeObj>(),
        _ => None,
    }
}

fn dq<'a>(vm: &'a mut Vm, v: Value) -> PyResult<&'a mut DequeObj> {
    if !is_deque(vm, v) {
        let tn = vm.type_name(v);
        return Err(vm.type_error(format!("descriptor requires a 'collections.deque' object but received a '{}'", tn)));
    }
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => Ok(n.as_any_mut().downcast_mut::<DequeObj>().expect("checked")),
        _ => unreachable!(),
    }
}

fn dq_ref<'a>(vm: &'a Vm, v: Value) -> &'a DequeObj {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => n.as_any().downcast_ref::<DequeObj>().expect("deque"),
        _ => panic!("not a deque"),
    }
}

fn deque_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).expect("class");
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(DequeObj { items: VecDeque::new(), maxlen: None, state: 0 }))))
}

fn parse_maxlen(vm: &mut Vm, v: Option<Value>) -> PyResult<Option<usize>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => {
            if i < 0 {
                Err(vm.value_error("maxlen must be non-negative"))
            } else {
                Ok(Some(i as usize))
            }
        }
        Some(Value::Bool(b)) => Ok(Some(b as usize)),
        Some(_) => Err(vm.type_error("an integer is required")),
    }
}

fn deque_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let this = args[0];
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if k != "iterable" && k != "maxlen" {
            return Err(vm.type_error(format!("deque() got an unexpected keyword argument '{}'", k)));
        }
    }
    if args.len() > 3 {
        return Err(vm.type_error(format!("deque expected at most 2 arguments, got {}", args.len() - 1)));
    }
    let iterable = args.get(1).copied().or_else(|| kwarg(vm, kw, "iterable"));
    let maxlen = args.get(2).copied().or_else(|| kwarg(vm, kw, "maxlen"));
    let maxlen = parse_maxlen(vm, maxlen)?;
    {
        let d = dq(vm, this)?;
        d.maxlen = maxlen;
        if !d.items.is_empty() {
            d.items.clear();
            d.state += 1;
        }
    }
    if let Some(it) = iterable {
        extend_impl(vm, this, it, false)?;
    }
    Ok(Value::None)
}

fn push(d: &mut DequeObj, v: Value, left: bool) {
    if d.maxlen == Some(0) {
        return;
    }
    if left {
        d.items.push_front(v);
    } else {
        d.items.push_back(v);
    }
    if let Some(m) = d.maxlen {
        while d.items.len() > m {
            if left {
                d.items.pop_back();
            } else {
                d.items.pop_front();
            }
        }
    }
    d.state += 1;
}

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "append", args, 2, 2)?;
    push(dq(vm, args[0])?, args[1], false);
    Ok(Value::None)
}

fn appendleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "appendleft", args, 2, 2)?;
    push(dq(vm, args[0])?, args[1], true);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "pop", args, 1, 1)?;
    let d = dq(vm, args[0])?;
    match d.items.pop_back() {
        Some(v) => {
            d.state += 1;
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn popleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "popleft", args, 1, 1)?;
    let d = dq(vm, args[0])?;
    match d.items.pop_front() {
        Some(v) => {
            d.state += 1;
            Ok(v)
        }
        None => Err(vm.index_error("pop from an empty deque")),
    }
}

fn extend_impl(vm: &mut Vm, this: Value, it: Value, left: bool) -> PyResult<()> {
    // Extending by itself iterates over a snapshot.
    let items = if it.is(this) { dq(vm, this)?.items.iter().copied().collect() } else { vm.collect_iterable(it)? };
    let d = dq(vm, this)?;
    for v in items {
        push(d, v, left);
    }
    Ok(())
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extend", args, 2, 2)?;
    extend_impl(vm, args[0], args[1], false)?;
    Ok(Value::None)
}

fn extendleft(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extendleft", args, 2, 2)?;
    extend_impl(vm, args[0], args[1], true)?;
    Ok(Value::None)
}

fn rotate(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "rotate", args, 1, 2)?;
    let n = match args.get(1) {
        Some(v) => vm.index_value(*v)?,
        None => 1,
    };
    let d = dq(vm, args[0])?;
    let len = d.items.len() as i64;
    if len > 1 {
        let k = n.rem_euclid(len) as usize;
        d.items.rotate_right(k);
    }
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "clear", args, 1, 1)?;
    let d = dq(vm, args[0])?;
    d.items.clear();
    d.state += 1;
    Ok(Value::None)
}

fn snapshot(vm: &mut Vm, v: Value) -> PyResult<(Vec<Value>, u64)> {
    let d = dq(vm, v)?;
    Ok((d.items.iter().copied().collect(), d.state))
}

fn mutated(vm: &Vm, v: Value, state: u64) -> bool {
    dq_ref(vm, v).state != state
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "count", args, 2, 2)?;
    let (items, state) = snapshot(vm, args[0])?;
    let mut n = 0;
    for v in items {
        if vm.eq_container(v, args[1])? {
            n += 1;
        }
        if mutated(vm, args[0], state) {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Int(n))
}

fn norm_bound(v: i64, len: i64) -> i64 {
    if v < 0 {
        (v + len).max(0)
    } else {
        v.min(len)
    }
}

fn index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "index", args, 2, 4)?;
    let (items, state) = snapshot(vm, args[0])?;
    let len = items.len() as i64;
    let start = match args.get(2) {
        Some(v) => norm_bound(vm.index_value(*v)?, len),
        None => 0,
    };
    let stop = match args.get(3) {
        Some(v) => norm_bound(vm.index_value(*v)?, len),
        None => len,
    };
    let mut i = start;
    while i < stop {
        if vm.eq_container(items[i as usize], args[1])? {
            return Ok(Value::Int(i));
        }
        if mutated(vm, args[0], state) {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    let r = vm.to_repr_string(args[1])?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "insert", args, 3, 3)?;
    let i = vm.index_value(args[1])?;
    let d = dq(vm, args[0])?;
    if d.maxlen == Some(d.items.len()) {
        return Err(vm.index_error("deque already at its maximum size"));
    }
    let d = dq(vm, args[0])?;
    let len = d.items.len() as i64;
    let at = norm_bound(i, len) as usize;
    d.items.insert(at, args[2]);
    d.state += 1;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "remove", args, 2, 2)?;
    let (items, state) = snapshot(vm, args[0])?;
    for (i, v) in items.into_iter().enumerate() {
        let found = vm.eq_container(v, args[1])?;
        if mutated(vm, args[0], state) {
            return Err(vm.index_error("deque mutated during remove()."));
        }
        if found {
            let d = dq(vm, args[0])?;
            d.items.remove(i);
            d.state += 1;
            return Ok(Value::None);
        }
    }
    let r = vm.to_repr_string(args[1])?;
    Err(vm.value_error(format!("{} is not in deque", r)))
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "reverse", args, 1, 1)?;
    let d = dq(vm, args[0])?;
    d.items.make_contiguous().reverse();
    Ok(Value::None)
}

fn new_like(vm: &mut Vm, this: Value, items: VecDeque<Value>) -> PyResult<Value> {
    let cls = vm.type_of(this);
    let maxlen = dq(vm, this)?.maxlen;
    if Some(cls) == deque_type() {
        return Ok(vm.alloc(cls, ObjData::Native2(Box::new(DequeObj { items, maxlen, state: 0 }))));
    }
    // A subclass: call it like CPython does, cls(items, maxlen).
    let list = vm.new_list(items.into_iter().collect());
    let ml = match maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    };
    if maxlen.is_none() {
        vm.call_value(Value::Obj(cls), &[list], &[])
    } else {
        vm.call_value(Value::Obj(cls), &[list, ml], &[])
    }
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "copy", args, 1, 1)?;
    let items = dq(vm, args[0])?.items.clone();
    new_like(vm, args[0], items)
}

fn len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = dq(vm, args[0])?.items.len();
    Ok(Value::Int(n as i64))
}

fn bool_(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = dq(vm, args[0])?.items.len();
    Ok(Value::Bool(n != 0))
}

fn item_index(vm: &mut Vm, this: Value, key: Value) -> PyResult<usize> {
    if vm.str_of(key).is_none() && matches!(key.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Slice(_))) {
        return Err(vm.type_error("sequence index must be integer, not 'slice'"));
    }
    let i = match key {
        Value::Int(i) => i,
        Value::Bool(b) => b as i64,
        _ => {
            let tn = vm.type_name(key);
            match vm.index_value(key) {
                Ok(i) => i,
                Err(_) => return Err(vm.type_error(format!("sequence index must be integer, not '{}'", tn))),
            }
        }
    };
    let len = dq(vm, this)?.items.len() as i64;
    let j = if i < 0 { i + len } else { i };
    if j < 0 || j >= len {
        return Err(vm.index_error("deque index out of range"));
    }
    Ok(j as usize)
}

fn getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    let i = item_index(vm, args[0], args[1])?;
    Ok(dq(vm, args[0])?.items[i])
}

fn setitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let i = item_index(vm, args[0], args[1])?;
    dq(vm, args[0])?.items[i] = args[2];
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__delitem__", args, 2, 2)?;
    let i = item_index(vm, args[0], args[1])?;
    let d = dq(vm, args[0])?;
    d.items.remove(i);
    d.state += 1;
    Ok(Value::None)
}

fn contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let (items, state) = snapshot(vm, args[0])?;
    for v in items {
        if vm.eq_container(v, args[1])? {
            return Ok(Value::Bool(true));
        }
        if mutated(vm, args[0], state) {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
    }
    Ok(Value::Bool(false))
}

fn make_iter(vm: &mut Vm, this: Value, reversed: bool) -> PyResult<Value> {
    let state = dq(vm, this)?.state;
    let (_, it, rit) = TYPES.with(|t| t.get()).expect("types");
    let cls = if reversed { rit } else { it };
    let deque = this.as_obj().expect("deque");
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(DequeIter { deque, index: 0, state, reversed, done: false }))))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    make_iter(vm, args[0], false)
}

fn reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    make_iter(vm, args[0], true)
}

fn iter_ref(vm: &mut Vm, v: Value) -> PyResult<&mut DequeIter> {
    let ok = matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<DequeIter>());
    if !ok {
        return Err(vm.type_error("expected a deque iterator"));
    }
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => Ok(n.as_any_mut().downcast_mut::<DequeIter>().expect("checked")),
        _ => unreachable!(),
    }
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (deque, index, state, rev, done) = {
        let it = iter_ref(vm, args[0])?;
        (it.deque, it.index, it.state, it.reversed, it.done)
    };
    if done {
        return Err(vm.stop_iteration(Value::None));
    }
    let d = dq_ref(vm, Value::Obj(deque));
    if d.state != state {
        iter_ref(vm, args[0])?.done = true;
        return Err(vm.runtime_error("deque mutated during iteration"));
    }
    let len = d.items.len();
    if index >= len {
        iter_ref(vm, args[0])?.done = true;
        return Err(vm.stop_iteration(Value::None));
    }
    let v = if rev { d.items[len - 1 - index] } else { d.items[index] };
    iter_ref(vm, args[0])?.index += 1;
    Ok(v)
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (deque, index, done) = {
        let it = iter_ref(vm, args[0])?;
        (it.deque, it.index, it.done)
    };
    if done {
        return Ok(Value::Int(0));
    }
    let len = dq_ref(vm, Value::Obj(deque)).items.len();
    Ok(Value::Int(len.saturating_sub(index) as i64))
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let this = args[0];
    let r = this.as_obj().expect("obj");
    let name = vm.type_name(this);
    if vm.repr_stack.contains(&r) {
        return Ok(vm.new_str("[...]"));
    }
    let (items, _) = snapshot(vm, this)?;
    let maxlen = dq(vm, this)?.maxlen;
    vm.repr_stack.push(r);
    let mut parts = Vec::with_capacity(items.len());
    let mut err = None;
    for v in items {
        match vm.to_repr_string(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.repr_stack.pop();
    if let Some(e) = err {
        return Err(e);
    }
    let s = match maxlen {
        Some(m) => format!("{}([{}], maxlen={})", name, parts.join(", "), m),
        None => format!("{}([{}])", name, parts.join(", ")),
    };
    Ok(vm.new_str(s))
}

fn compare(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    arity(vm, "comparison", args, 2, 2)?;
    if !is_deque(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let (a, _) = snapshot(vm, args[0])?;
    let (b, _) = snapshot(vm, args[1])?;
    let keep = vm.new_list(a.iter().chain(b.iter()).copied().collect());
    vm.temp_roots.push(keep);
    let r = compare_seqs(vm, &a, &b, op);
    vm.temp_roots.pop();
    r
}

fn compare_seqs(vm: &mut Vm, a: &[Value], b: &[Value], op: CmpOp) -> PyResult<Value> {
    if matches!(op, CmpOp::Eq | CmpOp::NotEq) && a.len() != b.len() {
        return Ok(Value::Bool(op == CmpOp::NotEq));
    }
    for (x, y) in a.iter().zip(b.iter()) {
        if !vm.eq_container(*x, *y)? {
            return match op {
                CmpOp::Eq => Ok(Value::Bool(false)),
                CmpOp::NotEq => Ok(Value::Bool(true)),
                _ => vm.compare_op(*x, *y, op),
            };
        }
    }
    let ord = a.len().cmp(&b.len());
    Ok(Value::Bool(crate::vm::compare::ord_matches(ord, op)))
}

fn eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Eq)
}
fn ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::NotEq)
}
fn lt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Lt)
}
fn le(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::LtE)
}
fn gt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::Gt)
}
fn ge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    compare(vm, args, CmpOp::GtE)
}

fn add(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    if !is_deque(vm, args[1]) {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("can only concatenate deque (not \"{}\") to deque", tn)));
    }
    let mut items = dq(vm, args[0])?.items.clone();
    items.extend(dq(vm, args[1])?.items.iter().copied());
    let r = new_like(vm, args[0], VecDeque::new())?;
    let d = dq(vm, r)?;
    for v in items {
        push(d, v, false);
    }
    Ok(r)
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iadd__", args, 2, 2)?;
    extend_impl(vm, args[0], args[1], false)?;
    Ok(args[0])
}

fn repeat_items(vm: &mut Vm, this: Value, n: Value) -> PyResult<VecDeque<Value>> {
    let n = vm.index_value(n)?;
    let d = dq(vm, this)?;
    let base: Vec<Value> = d.items.iter().copied().collect();
    let mut out = VecDeque::new();
    let keep = match d.maxlen {
        Some(m) => m,
        None => usize::MAX,
    };
    for _ in 0..n.max(0) {
        out.extend(base.iter().copied());
        if out.len() > keep.saturating_mul(2) {
            while out.len() > keep {
                out.pop_front();
            }
        }
        if base.is_empty() {
            break;
        }
    }
    while out.len() > keep {
        out.pop_front();
    }
    Ok(out)
}

fn mul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    if vm.as_number(args[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    let items = repeat_items(vm, args[0], args[1])?;
    new_like(vm, args[0], items)
}

fn imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__imul__", args, 2, 2)?;
    let items = repeat_items(vm, args[0], args[1])?;
    let d = dq(vm, args[0])?;
    d.items = items;
    d.state += 1;
    Ok(args[0])
}

fn reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = Value::Obj(vm.type_of(args[0]));
    let (items, _) = snapshot(vm, args[0])?;
    let maxlen = dq(vm, args[0])?.maxlen;
    let list = vm.new_list(items);
    let ml = match maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    };
    let inner = vm.new_tuple(vec![list, ml]);
    Ok(vm.new_tuple(vec![cls, inner]))
}

fn get_maxlen(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(match dq(vm, v)?.maxlen {
        Some(m) => Value::Int(m as i64),
        None => Value::None,
    })
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__class_getitem__", args, 2, 2)?;
    crate::builtins::types::generic_alias(vm, args[0], args[1])
}

/// `_count_elements(mapping, iterable)`: `mapping[x] = mapping.get(x, 0) + 1`.
fn count_elements(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_count_elements", args, 2, 2)?;
    let mapping = args[0];
    let it = vm.get_iter(args[1])?;
    vm.temp_roots.push(it);
    let r = count_loop(vm, mapping, it);
    vm.temp_roots.pop();
    r?;
    Ok(Value::None)
}

fn count_loop(vm: &mut Vm, mapping: Value, it: Value) -> PyResult<()> {
    let direct = matches!(mapping.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Dict(_)));
    while let Some(x) = vm.iter_next(it)? {
        if direct {
            let d = mapping.as_obj().expect("dict");
            let cur = vm.dict_get_item(d, x)?.unwrap_or(Value::Int(0));
            let one = Value::Int(1);
            let n = vm.binary_op(cur, one, crate::ast::BinOp::Add)?;
            vm.dict_set_item(d, x, n)?;
        } else {
            let get = vm.get_attr_str(mapping, "get")?;
            let cur = vm.call_value(get, &[x, Value::Int(0)], &[])?;
            let n = vm.binary_op(cur, Value::Int(1), crate::ast::BinOp::Add)?;
            vm.set_item(mapping, x, n)?;
        }
    }
    Ok(())
}
