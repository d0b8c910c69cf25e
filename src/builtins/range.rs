//! `range`: construction, length, indexing, slicing, membership, `index`,
//! `count`, equality, hashing and iteration.
//!
//! A range whose bounds and length fit in an i64 is an `ObjData::Range`
//! (the VM iterates, indexes and measures those natively). Any other range
//! (`range(10**20)`) is a `BigRange` native payload with class `range`;
//! the VM reaches it through the dunder methods below, which accept both.

use std::any::Any;
use std::cell::Cell;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::args::arity;
use crate::builtins::int::index_big;
use crate::builtins::{add_getset, add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::iter::IterState;
use crate::runtime::object::{range_len, NativeData, ObjData, RangeObj};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

/// A range that does not fit the machine-int representation.
pub struct BigRange {
    pub start: BigInt,
    pub stop: BigInt,
    pub step: BigInt,
}

impl NativeData for BigRange {
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

/// `longrange_iterator`: iteration over a `BigRange`.
struct BigRangeIter {
    next: BigInt,
    step: BigInt,
    remaining: BigInt,
}

impl NativeData for BigRangeIter {
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

thread_local! {
    static LONGRANGE_ITER: Cell<Option<ObjRef>> = const { Cell::new(None) };
}

pub fn install(vm: &mut Vm) {
    let t = vm.types.range;
    add_native(vm, t, "range", "__new__", range_new, Kind::Static);
    add_method(vm, t, "range", "__repr__", range_repr);
    add_method(vm, t, "range", "__len__", range_len_m);
    add_method(vm, t, "range", "__bool__", range_bool);
    add_method(vm, t, "range", "__iter__", range_iter);
    add_method(vm, t, "range", "__reversed__", range_reversed);
    add_method(vm, t, "range", "__getitem__", range_getitem_m);
    add_method(vm, t, "range", "__contains__", range_contains);
    add_method(vm, t, "range", "__eq__", range_eq);
    add_method(vm, t, "range", "__ne__", range_ne);
    add_method(vm, t, "range", "__hash__", range_hash);
    add_method(vm, t, "range", "__reduce__", range_reduce);
    add_method(vm, t, "range", "index", range_index);
    add_method(vm, t, "range", "count", range_count);
    add_getset(vm, t, "range", "start", |vm, v| Ok(part_value(vm, v, 0)?), Some(crate::builtins::slice::readonly));
    add_getset(vm, t, "range", "stop", |vm, v| Ok(part_value(vm, v, 1)?), Some(crate::builtins::slice::readonly));
    add_getset(vm, t, "range", "step", |vm, v| Ok(part_value(vm, v, 2)?), Some(crate::builtins::slice::readonly));

    let it = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "longrange_iterator", Layout::Final);
    add_method(vm, it, "longrange_iterator", "__iter__", longiter_iter);
    add_method(vm, it, "longrange_iterator", "__next__", longiter_next);
    add_method(vm, it, "longrange_iterator", "__length_hint__", longiter_length_hint);
    let b = vm.intern("builtins");
    set_type_attr(vm, it, "__module__", Value::Obj(b));
    vm.ext.roots.push(Value::Obj(it));
    LONGRANGE_ITER.with(|c| c.set(Some(it)));
}

/// (start, stop, step) of a range of either representation.
fn parts(vm: &mut Vm, v: Value) -> PyResult<(BigInt, BigInt, BigInt)> {
    match parts_opt(vm, v) {
        Some(p) => Ok(p),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'range' object but received a '{}'", tn)))
        }
    }
}

fn parts_opt(vm: &Vm, v: Value) -> Option<(BigInt, BigInt, BigInt)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Range(r)) => Some((BigInt::from(r.start), BigInt::from(r.stop), BigInt::from(r.step))),
        Some(ObjData::Native2(n)) => n.as_any().downcast_ref::<BigRange>().map(|b| (b.start.clone(), b.stop.clone(), b.step.clone())),
        _ => None,
    }
}

fn part_value(vm: &mut Vm, v: Value, i: usize) -> PyResult<Value> {
    if let Some(ObjData::Range(r)) = v.as_obj().map(|r| vm.heap.data(r)) {
        return Ok(Value::Int([r.start, r.stop, r.step][i]));
    }
    let (a, b, c) = parts(vm, v)?;
    let [a, b, c] = [a, b, c];
    Ok(vm.new_bigint(match i {
        0 => a,
        1 => b,
        _ => c,
    }))
}

/// The number of items of range(start, stop, step).
pub fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u32) / step + 1u32
    } else if step.is_negative() && start > stop {
        (start - stop - 1u32) / (-step) + 1u32
    } else {
        BigInt::zero()
    }
}

pub fn new_range(vm: &mut Vm, start: i64, stop: i64, step: i64) -> Value {
    let cls = vm.types.range;
    vm.alloc(cls, ObjData::Range(Box::new(RangeObj { start, stop, step })))
}

/// A range object, in the machine-int form whenever it fits.
pub fn make_range(vm: &mut Vm, start: BigInt, stop: BigInt, step: BigInt) -> Value {
    if let (Some(a), Some(b), Some(c)) = (start.to_i64(), stop.to_i64(), step.to_i64()) {
        if big_len(&start, &stop, &step).to_i64().is_some() {
            return new_range(vm, a, b, c);
        }
    }
    let cls = vm.types.range;
    vm.alloc(cls, ObjData::Native2(Box::new(BigRange { start, stop, step })))
}

fn range_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("range() takes no keyword arguments"));
    }
    let a = &args[1.min(args.len())..];
    if a.len() == 1 {
        if let Value::Int(n) = a[0] {
            return Ok(new_range(vm, 0, n, 1));
        }
    }
    let (start, stop, step) = match a.len() {
        1 => (BigInt::zero(), index_big(vm, a[0])?, BigInt::one()),
        2 => (index_big(vm, a[0])?, index_big(vm, a[1])?, BigInt::one()),
        3 => (index_big(vm, a[0])?, index_big(vm, a[1])?, index_big(vm, a[2])?),
        0 => return Err(vm.type_error("range expected at least 1 argument, got 0")),
        n => return Err(vm.type_error(format!("range expected at most 3 arguments, got {}", n))),
    };
    if step.is_zero() {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(make_range(vm, start, stop, step))
}

fn range_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__repr__", args, 1, 1)?;
    let (a, b, c) = parts(vm, args[0])?;
    let s = if c.is_one() { format!("range({}, {})", a, b) } else { format!("range({}, {}, {})", a, b, c) };
    Ok(vm.new_str(s))
}

/// `len(range)`, as CPython: an OverflowError past sys.maxsize.
/// Before turning `v` into a list: a range too long to hold fails now
/// (OverflowError past the ssize_t range, as CPython's length hint, else
/// MemoryError) instead of iterating for ever.
pub fn check_materialize(vm: &mut Vm, v: Value) -> PyResult<()> {
    let big = matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native2(n)) if n.as_any().is::<BigRange>());
    if big && range_length(vm, v)? > 100_000_000 {
        return Err(vm.memory_error());
    }
    Ok(())
}

pub fn range_length(vm: &mut Vm, v: Value) -> PyResult<i64> {
    if let Some(ObjData::Range(r)) = v.as_obj().map(|r| vm.heap.data(r)) {
        return Ok(range_len(r.start, r.stop, r.step));
    }
    let (a, b, c) = parts(vm, v)?;
    match big_len(&a, &b, &c).to_i64() {
        Some(n) => Ok(n),
        None => Err(vm.overflow_error("Python int too large to convert to C ssize_t")),
    }
}

fn range_len_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    Ok(Value::Int(range_length(vm, args[0])?))
}

fn range_bool(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__bool__", args, 1, 1)?;
    let (a, b, c) = parts(vm, args[0])?;
    Ok(Value::Bool(!big_len(&a, &b, &c).is_zero()))
}

fn long_iter(vm: &mut Vm, next: BigInt, step: BigInt, remaining: BigInt) -> Value {
    let cls = LONGRANGE_ITER.with(|c| c.get()).unwrap_or(vm.types.range_iterator);
    vm.alloc(cls, ObjData::Native2(Box::new(BigRangeIter { next, step, remaining })))
}

fn range_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    if let Some(ObjData::Range(_)) = args[0].as_obj().map(|r| vm.heap.data(r)) {
        return vm.get_iter(args[0]);
    }
    let (a, b, c) = parts(vm, args[0])?;
    let n = big_len(&a, &b, &c);
    Ok(long_iter(vm, a, c, n))
}

fn range_reversed(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__reversed__", args, 1, 1)?;
    let (a, b, c) = parts(vm, args[0])?;
    let n = big_len(&a, &b, &c);
    let last = if n.is_zero() { a.clone() } else { &a + (&n - 1u32) * &c };
    if let (Some(last), Some(step), Some(n)) = (last.to_i64(), (-&c).to_i64(), n.to_i64()) {
        let cls = vm.types.range_iterator;
        return Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Range { next: last, step, remaining: n }))));
    }
    Ok(long_iter(vm, last, -c, n))
}

fn longiter_state<'a>(vm: &'a mut Vm, v: Value) -> Option<&'a mut BigRangeIter> {
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<BigRangeIter>(),
        _ => None,
    }
}

fn longiter_iter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn longiter_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let item = match longiter_state(vm, args[0]) {
        Some(st) if st.remaining.is_positive() => {
            let v = st.next.clone();
            st.next += &st.step;
            st.remaining -= 1u32;
            Some(v)
        }
        _ => None,
    };
    match item {
        Some(v) => Ok(vm.new_bigint(v)),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn longiter_length_hint(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = longiter_state(vm, args[0]).map(|st| st.remaining.clone()).unwrap_or_default();
    Ok(vm.new_bigint(n))
}

/// The int value of an exact int or bool (what range arithmetic applies to).
fn exact_int(vm: &Vm, v: Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(i)),
        Value::Bool(b) => Some(BigInt::from(b as i64)),
        Value::Obj(r) if vm.heap.class_of_obj(r) == vm.types.int => match vm.heap.data(r) {
            ObjData::BigInt(b) => Some((**b).clone()),
            _ => None,
        },
        _ => None,
    }
}

/// The position of `x` in the range, if it is one of its items.
fn position(start: &BigInt, stop: &BigInt, step: &BigInt, x: &BigInt) -> Option<BigInt> {
    let inside = if step.is_positive() { start <= x && x < stop } else { start >= x && x > stop };
    if !inside {
        return None;
    }
    let (q, r) = (x - start).div_rem(step);
    r.is_zero().then_some(q)
}

/// `range[key]`.
pub fn range_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    if let (ObjData::Range(rg), Value::Int(i)) = (vm.heap.data(r), key) {
        let n = range_len(rg.start, rg.stop, rg.step);
        let j = if i < 0 { i.wrapping_add(n) } else { i };
        if (0..n).contains(&j) {
            return Ok(Value::Int(rg.start + j * rg.step));
        }
        return Err(vm.index_error("range object index out of range"));
    }
    let (start, stop, step) = parts(vm, Value::Obj(r))?;
    let n = big_len(&start, &stop, &step);
    if let Some(s) = key.as_obj().filter(|k| matches!(vm.heap.data(*k), ObjData::Slice(_))) {
        let (a, b, c, _) = crate::builtins::slice::indices_big(vm, s, &n)?;
        let new_start = &start + &a * &step;
        let new_stop = &start + &b * &step;
        let new_step = &step * &c;
        return Ok(make_range(vm, new_start, new_stop, new_step));
    }
    let is_index = matches!(key, Value::Int(_) | Value::Bool(_)) || {
        let n = vm.names.__index__;
        vm.lookup_special(key, n).is_some()
    };
    if !is_index {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("range indices must be integers or slices, not {}", tn)));
    }
    let i = index_big(vm, key)?;
    let j = if i.is_negative() { i + &n } else { i };
    if j.is_negative() || j >= n {
        return Err(vm.index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(start + j * step))
}

fn range_getitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    parts(vm, args[0])?;
    range_getitem(vm, args[0].as_obj().expect("range"), args[1])
}

/// Linear search by `==` (for items that are not exact ints), as the
/// generic sequence protocol does: `Some(index)` of the first match, and
/// the number of matches when `count` is set.
fn search(vm: &mut Vm, rng: Value, item: Value, count: bool) -> PyResult<(Option<i64>, i64)> {
    let it = vm.get_iter(rng)?;
    vm.temp_roots.push(it);
    let mut found = None;
    let mut n = 0;
    let mut i = 0i64;
    let result = loop {
        match vm.iter_next(it) {
            Ok(Some(x)) => match vm.eq_container(x, item) {
                Ok(true) => {
                    if found.is_none() {
                        found = Some(i);
                    }
                    n += 1;
                    if !count {
                        break Ok(());
                    }
                }
                Ok(false) => {}
                Err(e) => break Err(e),
            },
            Ok(None) => break Ok(()),
            Err(e) => break Err(e),
        }
        i += 1;
    };
    vm.temp_roots.pop();
    result.map(|_| (found, n))
}

fn range_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let (a, b, c) = parts(vm, args[0])?;
    if let Some(x) = exact_int(vm, args[1]) {
        return Ok(Value::Bool(position(&a, &b, &c, &x).is_some()));
    }
    let (found, _) = search(vm, args[0], args[1], false)?;
    Ok(Value::Bool(found.is_some()))
}

fn range_index(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("range.index() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let (a, b, c) = parts(vm, args[0])?;
    if let Some(x) = exact_int(vm, args[1]) {
        return match position(&a, &b, &c, &x) {
            Some(i) => Ok(vm.new_bigint(i)),
            None => {
                let r = vm.to_repr_string(args[1])?;
                Err(vm.value_error(format!("{} is not in range", r)))
            }
        };
    }
    match search(vm, args[0], args[1], false)? {
        (Some(i), _) => Ok(Value::Int(i)),
        (None, _) => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn range_count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("range.count() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let (a, b, c) = parts(vm, args[0])?;
    if let Some(x) = exact_int(vm, args[1]) {
        return Ok(Value::Int(position(&a, &b, &c, &x).is_some() as i64));
    }
    let (_, n) = search(vm, args[0], args[1], true)?;
    Ok(Value::Int(n))
}

/// Ranges are equal when they produce the same items.
fn ranges_equal(x: &(BigInt, BigInt, BigInt), y: &(BigInt, BigInt, BigInt)) -> bool {
    let lx = big_len(&x.0, &x.1, &x.2);
    let ly = big_len(&y.0, &y.1, &y.2);
    lx == ly && (lx.is_zero() || (x.0 == y.0 && (lx.is_one() || x.2 == y.2)))
}

fn range_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    let a = parts(vm, args[0])?;
    let Some(b) = parts_opt(vm, args[1]) else { return Ok(vm.not_implemented) };
    Ok(Value::Bool(ranges_equal(&a, &b)))
}

fn range_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__ne__", args, 2, 2)?;
    let a = parts(vm, args[0])?;
    let Some(b) = parts_opt(vm, args[1]) else { return Ok(vm.not_implemented) };
    Ok(Value::Bool(!ranges_equal(&a, &b)))
}

/// hash((len, start, step)), with start and step None for an empty range
/// and step None for a single-item one (equal ranges hash equal).
fn range_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__hash__", args, 1, 1)?;
    let (a, b, c) = parts(vm, args[0])?;
    let n = big_len(&a, &b, &c);
    let (start, step) = if n.is_zero() {
        (Value::None, Value::None)
    } else if n.is_one() {
        (vm.new_bigint(a), Value::None)
    } else {
        (vm.new_bigint(a), vm.new_bigint(c))
    };
    let n = vm.new_bigint(n);
    let t = vm.new_tuple(vec![n, start, step]);
    Ok(Value::Int(vm.hash_value(t)?))
}

fn range_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__reduce__", args, 1, 1)?;
    let (a, b, c) = parts(vm, args[0])?;
    let (a, b, c) = (vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c));
    let t = vm.new_tuple(vec![a, b, c]);
    let cls = Value::Obj(vm.types.range);
    Ok(vm.new_tuple(vec![cls, t]))
}
