//! `bytes` and `bytearray`: construction, item and slice access (and
//! assignment for bytearray), the sequence dunders, and bytearray's
//! mutating methods. The methods both types share are in `bytes_methods`.

use num_traits::ToPrimitive;

use crate::ast::CmpOp;
use crate::builtins::args::{arity, kwarg};
use crate::builtins::bytes_methods::{buffer, buffer_arg, new_like, recv, METHODS};
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

const DUNDERS: &[(&str, NativeFn)] = &[
    ("__len__", blen),
    ("__getitem__", getitem_m),
    ("__iter__", biter),
    ("__contains__", bcontains),
    ("__add__", badd),
    ("__mul__", bmul),
    ("__rmul__", bmul),
    ("__mod__", bmod),
    ("__rmod__", brmod),
    ("__eq__", beq),
    ("__ne__", bne),
    ("__lt__", blt),
    ("__le__", ble),
    ("__gt__", bgt),
    ("__ge__", bge),
    ("__repr__", brepr),
    ("__str__", brepr),
];

pub fn install(vm: &mut Vm) {
    let b = vm.types.bytes;
    add_native(vm, b, "bytes", "__new__", bytes_new, Kind::Static);
    add_native(vm, b, "bytes", "fromhex", fromhex, Kind::Class);
    add_native(vm, b, "bytes", "maketrans", crate::builtins::bytes_methods::maketrans, Kind::Static);
    for &(name, f) in DUNDERS.iter().chain(METHODS) {
        add_method(vm, b, "bytes", name, f);
    }
    add_method(vm, b, "bytes", "__hash__", bhash);
    add_method(vm, b, "bytes", "__bytes__", bytes_bytes);
    add_method(vm, b, "bytes", "__getnewargs__", getnewargs);

    let ba = vm.types.bytearray;
    add_native(vm, ba, "bytearray", "__new__", bytearray_new, Kind::Static);
    add_native(vm, ba, "bytearray", "fromhex", fromhex, Kind::Class);
    add_native(vm, ba, "bytearray", "maketrans", crate::builtins::bytes_methods::maketrans, Kind::Static);
    for &(name, f) in DUNDERS.iter().chain(METHODS) {
        add_method(vm, ba, "bytearray", name, f);
    }
    set_type_attr(vm, ba, "__hash__", Value::None);
    for (name, f) in [
        ("__setitem__", setitem_m as NativeFn),
        ("__delitem__", delitem_m),
        ("__iadd__", iadd),
        ("__imul__", imul),
        ("__alloc__", alloc),
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("remove", remove),
        ("insert", insert),
        ("reverse", reverse),
        ("clear", clear),
        ("copy", copy),
    ] {
        add_method(vm, ba, "bytearray", name, f);
    }
}

/// The contents of a bytes or bytearray object.
pub fn bytes_of(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    buffer(vm, v)
}

fn is_index(vm: &mut Vm, v: Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_)) || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) || {
        let n = vm.names.__index__;
        vm.lookup_special(v, n).is_some()
    }
}

/// A byte value (0..=255) from an int-like, with `msg` when out of range.
fn byte_value(vm: &mut Vm, v: Value, msg: &str) -> PyResult<u8> {
    let b = crate::builtins::int::index_big(vm, v)?;
    match b.to_u8() {
        Some(x) => Ok(x),
        None => Err(vm.value_error(msg.to_string())),
    }
}

/// Bytes from an iterable of ints (each via `__index__`).
fn bytes_from_ints(vm: &mut Vm, src: Value, range_msg: &str) -> PyResult<Vec<u8>> {
    let items = vm.collect_iterable(src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(byte_value(vm, it, range_msg)?);
    }
    Ok(out)
}

/// The bytes for `bytes(...)` / `bytearray(...)`.
fn bytes_from(vm: &mut Vm, args: &[Value], kw: KwArgs, array: bool) -> PyResult<Vec<u8>> {
    let tname = if array { "bytearray" } else { "bytes" };
    crate::builtins::args::check_kwargs(vm, tname, kw, &["source", "encoding", "errors"])?;
    if args.len() > 4 {
        return Err(vm.type_error(format!("{}() takes at most 3 arguments ({} given)", tname, args.len() - 1)));
    }
    let src = args.get(1).copied().or_else(|| kwarg(vm, kw, "source"));
    let enc = args.get(2).copied().or_else(|| kwarg(vm, kw, "encoding"));
    let errors = args.get(3).copied().or_else(|| kwarg(vm, kw, "errors"));
    let Some(src) = src else {
        if enc.is_some() || errors.is_some() {
            return Err(vm.type_error("encoding or errors without sequence argument"));
        }
        return Ok(Vec::new());
    };
    if let Some(s) = vm.str_of(src).map(|s| s.to_string()) {
        let Some(enc) = enc else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        let enc = crate::builtins::codecs::str_param(vm, Some(enc), tname, 2, "encoding")?.unwrap_or_default();
        let err = crate::builtins::codecs::str_param(vm, errors, tname, 3, "errors")?.unwrap_or_else(|| "strict".into());
        return crate::builtins::codecs::encode(vm, &s, &enc, &err);
    }
    if enc.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = buffer(vm, src) {
        return Ok(b);
    }
    if !array {
        let bn = vm.names.__bytes__;
        if let Some(m) = vm.lookup_special(src, bn) {
            let r = vm.call_value(m, &[src], &[])?;
            return match r.as_obj().map(|x| vm.heap.data(x)) {
                Some(ObjData::Bytes(b)) => Ok(b.to_vec()),
                _ => {
                    let tn = vm.type_name(r);
                    Err(vm.type_error(format!("__bytes__ returned non-bytes (type {})", tn)))
                }
            };
        }
    }
    if is_index(vm, src) {
        let n = crate::builtins::int::index_big(vm, src)?;
        let Some(n) = n.to_i64() else {
            return Err(vm.overflow_error("cannot fit 'int' into an index-sized integer"));
        };
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n > 1 << 32 {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let iterable = {
        let (i, g) = (vm.names.__iter__, vm.names.__getitem__);
        vm.lookup_special(src, i).is_some() || vm.lookup_special(src, g).is_some()
    };
    if !iterable {
        let tn = vm.type_name(src);
        return Err(vm.type_error(format!("cannot convert '{}' object to {}", tn, tname)));
    }
    bytes_from_ints(vm, src, if array { "byte must be in range(0, 256)" } else { "bytes must be in range(0, 256)" })
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.bytes);
    // bytes(b) of an exact bytes object is b itself.
    if cls == vm.types.bytes && args.len() == 2 && kw.is_empty() && vm.type_of(args[1]) == vm.types.bytes {
        return Ok(args[1]);
    }
    let b = bytes_from(vm, args, kw, false)?;
    if cls == vm.types.bytes {
        return Ok(vm.new_bytes(b));
    }
    Ok(vm.alloc(cls, ObjData::Bytes(b.into_boxed_slice())))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = bytes_from(vm, args, kw, true)?;
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.bytearray);
    Ok(vm.alloc(cls, ObjData::ByteArray(b)))
}

fn fromhex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 2 {
        return Err(vm.type_error(format!("fromhex() takes exactly one argument ({} given)", args.len().saturating_sub(1))));
    }
    let data = crate::builtins::bytes_methods::parse_hex(vm, args[1])?;
    let cls = args[0].as_obj().unwrap_or(vm.types.bytes);
    if cls == vm.types.bytes {
        return Ok(vm.new_bytes(data));
    }
    if cls == vm.types.bytearray {
        return Ok(new_like(vm, true, data));
    }
    // A subclass: call it with the bytes.
    let b = vm.new_bytes(data);
    vm.call_value(args[0], &[b], &[])
}

fn is_array(vm: &Vm, r: ObjRef) -> bool {
    matches!(vm.heap.data(r), ObjData::ByteArray(_))
}

/// `b[key]`.
pub fn bytes_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let array = is_array(vm, r);
    if let Some(s) = key.as_obj().filter(|k| matches!(vm.heap.data(*k), ObjData::Slice(_))) {
        let b = bytes_of(vm, Value::Obj(r)).unwrap_or_default();
        let (start, _, step, n) = vm.slice_indices(s, b.len())?;
        let out: Vec<u8> = if step == 1 { b[start as usize..start as usize + n].to_vec() } else { (0..n).map(|k| b[(start + k as i64 * step) as usize]).collect() };
        return Ok(new_like(vm, array, out));
    }
    if !is_index(vm, key) {
        let tn = vm.type_name(key);
        let what = if array { "bytearray" } else { "byte" };
        return Err(vm.type_error(format!("{} indices must be integers or slices, not {}", what, tn)));
    }
    let i = vm.index_value(key)?;
    let x = match vm.heap.data(r) {
        ObjData::Bytes(b) => {
            let j = if i < 0 { i + b.len() as i64 } else { i };
            (0..b.len() as i64).contains(&j).then(|| b[j as usize])
        }
        ObjData::ByteArray(b) => {
            let j = if i < 0 { i + b.len() as i64 } else { i };
            (0..b.len() as i64).contains(&j).then(|| b[j as usize])
        }
        _ => None,
    };
    match x {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(vm.index_error(if array { "bytearray index out of range" } else { "index out of range" })),
    }
}

fn ba_mut(vm: &mut Vm, r: ObjRef) -> &mut Vec<u8> {
    match vm.heap.data_mut(r) {
        ObjData::ByteArray(b) => b,
        _ => panic!("internal error: not a bytearray"),
    }
}

fn ba_ref(vm: &mut Vm, v: Value, name: &str) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if is_array(vm, r) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor '{}' requires a 'bytearray' object but received a '{}'", name, tn)))
        }
    }
}

/// The bytes assigned to a bytearray slice.
fn assigned_bytes(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    if let Some(b) = buffer(vm, v) {
        return Ok(b);
    }
    let iterable = {
        let (i, g) = (vm.names.__iter__, vm.names.__getitem__);
        vm.lookup_special(v, i).is_some() || vm.lookup_special(v, g).is_some()
    };
    if vm.str_of(v).is_some() || !iterable {
        return Err(vm.type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    }
    bytes_from_ints(vm, v, "byte must be in range(0, 256)")
}

/// `ba[key] = value`.
pub fn bytearray_setitem(vm: &mut Vm, r: ObjRef, key: Value, value: Value) -> PyResult<()> {
    if let Some(s) = key.as_obj().filter(|k| matches!(vm.heap.data(*k), ObjData::Slice(_))) {
        let new = assigned_bytes(vm, value)?;
        let len = ba_mut(vm, r).len();
        let (start, stop, step, n) = vm.slice_indices(s, len)?;
        let b = ba_mut(vm, r);
        if step == 1 {
            let (start, stop) = (start as usize, (stop.max(start)) as usize);
            b.splice(start..stop, new);
            return Ok(());
        }
        if new.len() != n {
            return Err(vm.value_error(format!("attempt to assign bytes of size {} to extended slice of size {}", new.len(), n)));
        }
        for (k, x) in new.into_iter().enumerate() {
            b[(start + k as i64 * step) as usize] = x;
        }
        return Ok(());
    }
    if !is_index(vm, key) {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", tn)));
    }
    let i = vm.index_value(key)?;
    let x = byte_value(vm, value, "byte must be in range(0, 256)")?;
    let b = ba_mut(vm, r);
    let j = if i < 0 { i + b.len() as i64 } else { i };
    if (0..b.len() as i64).contains(&j) {
        b[j as usize] = x;
        return Ok(());
    }
    Err(vm.index_error("bytearray index out of range"))
}

fn setitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__setitem__", args, 3, 3)?;
    let r = ba_ref(vm, args[0], "__setitem__")?;
    bytearray_setitem(vm, r, args[1], args[2])?;
    Ok(Value::None)
}

fn delitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__delitem__", args, 2, 2)?;
    let r = ba_ref(vm, args[0], "__delitem__")?;
    let key = args[1];
    let len = ba_mut(vm, r).len();
    if let Some(s) = key.as_obj().filter(|k| matches!(vm.heap.data(*k), ObjData::Slice(_))) {
        let (start, _, step, n) = vm.slice_indices(s, len)?;
        let mut drop: Vec<usize> = (0..n).map(|k| (start + k as i64 * step) as usize).collect();
        drop.sort_unstable();
        let b = ba_mut(vm, r);
        let mut k = 0;
        let mut i = 0;
        b.retain(|_| {
            let keep = !(k < drop.len() && drop[k] == i);
            if !keep {
                k += 1;
            }
            i += 1;
            keep
        });
        return Ok(Value::None);
    }
    if !is_index(vm, key) {
        let tn = vm.type_name(key);
        return Err(vm.type_error(format!("bytearray indices must be integers or slices, not {}", tn)));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&j) {
        return Err(vm.index_error("bytearray index out of range"));
    }
    ba_mut(vm, r).remove(j as usize);
    Ok(Value::None)
}

fn getitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    recv(vm, args, "__getitem__")?;
    bytes_getitem(vm, args[0].as_obj().expect("bytes"), args[1])
}

fn blen(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__len__", args, 1, 1)?;
    Ok(Value::Int(recv(vm, args, "__len__")?.0.len() as i64))
}

fn biter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iter__", args, 1, 1)?;
    recv(vm, args, "__iter__")?;
    let r = args[0].as_obj().expect("bytes");
    let cls = vm.types.bytes_iterator;
    Ok(vm.alloc(cls, ObjData::Iter(Box::new(crate::runtime::iter::IterState::Bytes { b: r, index: 0 }))))
}

fn bcontains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__contains__", args, 2, 2)?;
    let (b, _) = recv(vm, args, "__contains__")?;
    if is_index(vm, args[1]) {
        let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
        return Ok(Value::Bool(b.contains(&x)));
    }
    let n = buffer_arg(vm, args[1])?;
    Ok(Value::Bool(n.is_empty() || b.windows(n.len()).any(|w| w == n.as_slice())))
}

/// `a + b` for a bytes-like `a` (a bytes or bytearray result like `a`).
pub fn concat(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let array = matches!(a.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::ByteArray(_)));
    let mut x = buffer(vm, a).unwrap_or_default();
    match buffer(vm, b) {
        Some(y) => {
            x.extend(y);
            Ok(new_like(vm, array, x))
        }
        None => {
            let tn = vm.type_name(b);
            Err(vm.type_error(format!("can't concat {} to {}", tn, if array { "bytearray" } else { "bytes" })))
        }
    }
}

fn badd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__add__", args, 2, 2)?;
    recv(vm, args, "__add__")?;
    concat(vm, args[0], args[1])
}

/// `a * n` for a bytes-like `a`.
pub fn repeat(vm: &mut Vm, a: Value, n: i64) -> PyResult<Value> {
    let array = matches!(a.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::ByteArray(_)));
    let b = buffer(vm, a).unwrap_or_default();
    if n <= 0 {
        return Ok(new_like(vm, array, Vec::new()));
    }
    if b.len() as u128 * n as u128 > (1u128 << 32) {
        return Err(vm.memory_error());
    }
    let out = b.repeat(n as usize);
    Ok(new_like(vm, array, out))
}

fn bmul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mul__", args, 2, 2)?;
    recv(vm, args, "__mul__")?;
    if !is_index(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let n = vm.index_value(args[1])?;
    repeat(vm, args[0], n)
}

fn bmod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__mod__", args, 2, 2)?;
    recv(vm, args, "__mod__")?;
    vm.bytes_percent_format(args[0], args[1])
}

fn brmod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__rmod__", args, 2, 2)?;
    recv(vm, args, "__rmod__")?;
    Ok(vm.not_implemented)
}

fn bcmp(vm: &mut Vm, args: &[Value], op: CmpOp, name: &str) -> PyResult<Value> {
    arity(vm, name, args, 2, 2)?;
    let (a, _) = recv(vm, args, name)?;
    let Some(b) = buffer(vm, args[1]) else { return Ok(vm.not_implemented) };
    Ok(Value::Bool(crate::vm::compare::ord_matches(a.cmp(&b), op)))
}

fn beq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::Eq, "__eq__")
}

fn bne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::NotEq, "__ne__")
}

fn blt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::Lt, "__lt__")
}

fn ble(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::LtE, "__le__")
}

fn bgt(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::Gt, "__gt__")
}

fn bge(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    bcmp(vm, args, CmpOp::GtE, "__ge__")
}

fn bhash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__hash__", args, 1, 1)?;
    let (b, _) = recv(vm, args, "__hash__")?;
    Ok(Value::Int(crate::runtime::str::str_hash(&b) as i64 & ((1 << 62) - 1)))
}

fn brepr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (b, array) = recv(vm, args, "__repr__")?;
    let r = crate::builtins::repr::bytes_repr(&b);
    let s = if array {
        let tn = vm.type_name(args[0]);
        format!("{}({})", tn, r)
    } else {
        r
    };
    Ok(vm.new_str(s))
}

fn bytes_bytes(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__bytes__", args, 1, 1)?;
    let (b, _) = recv(vm, args, "__bytes__")?;
    if vm.type_of(args[0]) == vm.types.bytes {
        return Ok(args[0]);
    }
    Ok(vm.new_bytes(b))
}

fn getnewargs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (b, _) = recv(vm, args, "__getnewargs__")?;
    let v = vm.new_bytes(b);
    Ok(vm.new_tuple(vec![v]))
}

// ---- bytearray mutation ----

/// `ba += other` in place.
pub fn extend_in_place(vm: &mut Vm, r: ObjRef, other: Value) -> PyResult<()> {
    match buffer(vm, other) {
        Some(more) => {
            ba_mut(vm, r).extend(more);
            Ok(())
        }
        None => {
            let tn = vm.type_name(other);
            Err(vm.type_error(format!("can't concat {} to bytearray", tn)))
        }
    }
}

fn iadd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__iadd__", args, 2, 2)?;
    let r = ba_ref(vm, args[0], "__iadd__")?;
    extend_in_place(vm, r, args[1])?;
    Ok(args[0])
}

/// `ba *= n` in place.
pub fn repeat_in_place(vm: &mut Vm, r: ObjRef, n: i64) -> PyResult<()> {
    let b = ba_mut(vm, r).clone();
    if n <= 0 {
        ba_mut(vm, r).clear();
        return Ok(());
    }
    if b.len() as u128 * n as u128 > (1u128 << 32) {
        return Err(vm.memory_error());
    }
    *ba_mut(vm, r) = b.repeat(n as usize);
    Ok(())
}

fn imul(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__imul__", args, 2, 2)?;
    let r = ba_ref(vm, args[0], "__imul__")?;
    if !is_index(vm, args[1]) {
        return Ok(vm.not_implemented);
    }
    let n = vm.index_value(args[1])?;
    repeat_in_place(vm, r, n)?;
    Ok(args[0])
}

fn alloc(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, args[0], "__alloc__")?;
    let n = ba_mut(vm, r).len();
    Ok(Value::Int(n as i64 + 1))
}

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "append")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("bytearray.append() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    ba_mut(vm, r).push(x);
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "extend")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("bytearray.extend() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let src = args[1];
    let more = match buffer(vm, src) {
        Some(b) => b,
        None => {
            let iterable = {
                let (i, g) = (vm.names.__iter__, vm.names.__getitem__);
                vm.lookup_special(src, i).is_some() || vm.lookup_special(src, g).is_some()
            };
            if !iterable {
                let tn = vm.type_name(src);
                return Err(vm.type_error(format!("can't extend bytearray with {}", tn)));
            }
            bytes_from_ints(vm, src, "byte must be in range(0, 256)")?
        }
    };
    ba_mut(vm, r).extend(more);
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "pop")?;
    if args.len() > 2 {
        return Err(vm.type_error(format!("pop expected at most 1 argument, got {}", args.len() - 1)));
    }
    let i = match args.get(1) {
        Some(&v) => vm.index_value(v)?,
        None => -1,
    };
    let b = ba_mut(vm, r);
    if b.is_empty() {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let j = if i < 0 { i + b.len() as i64 } else { i };
    if !(0..b.len() as i64).contains(&j) {
        return Err(vm.index_error("pop index out of range"));
    }
    let x = b.remove(j as usize);
    Ok(Value::Int(x as i64))
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "remove")?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("bytearray.remove() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let x = byte_value(vm, args[1], "byte must be in range(0, 256)")?;
    let b = ba_mut(vm, r);
    match b.iter().position(|&c| c == x) {
        Some(i) => {
            b.remove(i);
            Ok(Value::None)
        }
        None => Err(vm.value_error("value not found in bytearray")),
    }
}

fn insert(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "insert")?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("insert expected 2 arguments, got {}", args.len() - 1)));
    }
    let i = vm.index_value(args[1])?;
    let x = byte_value(vm, args[2], "byte must be in range(0, 256)")?;
    let b = ba_mut(vm, r);
    let n = b.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    b.insert(j as usize, x);
    Ok(Value::None)
}

fn reverse(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "reverse")?;
    ba_mut(vm, r).reverse();
    Ok(Value::None)
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "clear")?;
    ba_mut(vm, r).clear();
    Ok(Value::None)
}

fn copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, *args.first().unwrap_or(&Value::None), "copy")?;
    let b = ba_mut(vm, r).clone();
    Ok(new_like(vm, true, b))
}
