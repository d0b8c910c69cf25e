//! `bytes` and `bytearray`: construction, indexing and slicing, and the
//! common methods (`decode`, `hex`, `join`, `split`, `strip`, `find`, ...).

use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_method, add_native, Kind};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let b = vm.types.bytes;
    add_native(vm, b, "bytes", "__new__", bytes_new, Kind::Static);
    add_native(vm, b, "bytes", "fromhex", fromhex, Kind::Class);
    for (name, f) in [
        ("decode", decode as crate::runtime::function::NativeFn),
        ("hex", hex),
        ("__len__", blen),
        ("__getitem__", getitem_m),
        ("__iter__", biter),
        ("__contains__", bcontains),
        ("join", join),
        ("startswith", startswith),
        ("endswith", endswith),
        ("find", find),
        ("count", count),
        ("split", split),
        ("strip", strip),
        ("upper", upper),
        ("lower", lower),
        ("replace", replace),
    ] {
        add_method(vm, b, "bytes", name, f);
    }
    let ba = vm.types.bytearray;
    add_native(vm, ba, "bytearray", "__new__", bytearray_new, Kind::Static);
    for (name, f) in [
        ("decode", decode as crate::runtime::function::NativeFn),
        ("hex", hex),
        ("__len__", blen),
        ("__getitem__", getitem_m),
        ("__iter__", biter),
        ("__contains__", bcontains),
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("clear", clear),
    ] {
        add_method(vm, ba, "bytearray", name, f);
    }
}

pub fn bytes_of(vm: &Vm, v: Value) -> Option<Vec<u8>> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(b)) => Some(b.to_vec()),
        Some(ObjData::ByteArray(b)) => Some(b.clone()),
        _ => None,
    }
}

fn recv(vm: &mut Vm, v: Value) -> PyResult<Vec<u8>> {
    match bytes_of(vm, v) {
        Some(b) => Ok(b),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'bytes' object but received a '{}'", tn)))
        }
    }
}

/// The bytes for `bytes(x)` / `bytearray(x)`.
fn bytes_from(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Vec<u8>> {
    let src = args.get(1).copied().or_else(|| kwarg(vm, kw, "source"));
    let Some(src) = src else { return Ok(Vec::new()) };
    if let Some(s) = vm.str_of(src) {
        let s = s.to_string();
        let enc = args.get(2).copied().or_else(|| kwarg(vm, kw, "encoding"));
        if enc.is_none() {
            return Err(vm.type_error("string argument without an encoding"));
        }
        let e = vm.new_str(s);
        let encoded = vm.call_method(e, "encode", &[enc.unwrap_or(Value::None)])?;
        return Ok(bytes_of(vm, encoded).unwrap_or_default());
    }
    if let Some(b) = bytes_of(vm, src) {
        return Ok(b);
    }
    if let Some(n) = vm.int_value(src) {
        if n < 0 {
            return Err(vm.value_error("negative count"));
        }
        if n > 1 << 32 {
            return Err(vm.memory_error());
        }
        return Ok(vec![0; n as usize]);
    }
    let items = vm.collect_iterable(src)?;
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        match vm.int_value(it) {
            Some(x) if (0..256).contains(&x) => out.push(x as u8),
            Some(_) => return Err(vm.value_error("bytes must be in range(0, 256)")),
            None => {
                let tn = vm.type_name(it);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
        }
    }
    Ok(out)
}

fn bytes_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = bytes_from(vm, args, kw)?;
    Ok(vm.new_bytes(b))
}

fn bytearray_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = bytes_from(vm, args, kw)?;
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.bytearray);
    Ok(vm.alloc(cls, ObjData::ByteArray(b)))
}

/// `b[key]`.
pub fn bytes_getitem(vm: &mut Vm, r: ObjRef, key: Value) -> PyResult<Value> {
    let b = bytes_of(vm, Value::Obj(r)).unwrap_or_default();
    let is_array = matches!(vm.heap.data(r), ObjData::ByteArray(_));
    if let Some(ObjData::Slice(_)) = key.as_obj().map(|k| vm.heap.data(k)) {
        let (start, _, step, n) = vm.slice_indices(key.as_obj().expect("slice"), b.len())?;
        let out: Vec<u8> = (0..n).map(|k| b[(start + k as i64 * step) as usize]).collect();
        if is_array {
            let cls = vm.types.bytearray;
            return Ok(vm.alloc(cls, ObjData::ByteArray(out)));
        }
        return Ok(vm.new_bytes(out));
    }
    let i = vm.index_value(key)?;
    let j = if i < 0 { i + b.len() as i64 } else { i };
    if j < 0 || j >= b.len() as i64 {
        return Err(vm.index_error(if is_array { "bytearray index out of range" } else { "index out of range" }));
    }
    Ok(Value::Int(b[j as usize] as i64))
}

pub fn bytearray_setitem(vm: &mut Vm, r: ObjRef, key: Value, value: Value) -> PyResult<()> {
    let i = vm.index_value(key)?;
    let v = match vm.int_value(value) {
        Some(x) if (0..256).contains(&x) => x as u8,
        _ => return Err(vm.value_error("byte must be in range(0, 256)")),
    };
    if let ObjData::ByteArray(b) = vm.heap.data_mut(r) {
        let len = b.len() as i64;
        let j = if i < 0 { i + len } else { i };
        if j >= 0 && j < len {
            b[j as usize] = v;
            return Ok(());
        }
    }
    Err(vm.index_error("bytearray index out of range"))
}

fn getitem_m(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getitem__", args, 2, 2)?;
    bytes_getitem(vm, args[0].as_obj().expect("bytes"), args[1])
}

fn blen(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(recv(vm, args[0])?.len() as i64))
}

fn biter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.get_iter(args[0])
}

fn bcontains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    if let Some(x) = vm.int_value(args[1]) {
        return Ok(Value::Bool(b.contains(&(x as u8))));
    }
    let n = recv(vm, args[1])?;
    Ok(Value::Bool(n.is_empty() || b.windows(n.len()).any(|w| w == n.as_slice())))
}

fn decode(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let errors = args.get(2).copied().or_else(|| kwarg(vm, kw, "errors")).and_then(|e| vm.str_of(e).map(|s| s.to_string())).unwrap_or_else(|| "strict".into());
    match String::from_utf8(b.clone()) {
        Ok(s) => Ok(vm.new_str(s)),
        Err(e) => {
            if errors == "replace" || errors == "ignore" {
                let s = String::from_utf8_lossy(&b).to_string();
                let s = if errors == "ignore" { s.replace('\u{fffd}', "") } else { s };
                return Ok(vm.new_str(s));
            }
            let pos = e.utf8_error().valid_up_to();
            let c = vm.exc.unicode_decode_error;
            Err(vm.new_error(c, format!("'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", b[pos], pos)))
        }
    }
}

fn hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let s: String = b.iter().map(|x| format!("{:02x}", x)).collect();
    Ok(vm.new_str(s))
}

fn fromhex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = vm.str_of(args.get(1).copied().unwrap_or(Value::None)).unwrap_or("").replace(' ', "");
    let mut out = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    for pair in chars.chunks(2) {
        let t: String = pair.iter().collect();
        match u8::from_str_radix(&t, 16) {
            Ok(x) if pair.len() == 2 => out.push(x),
            _ => return Err(vm.value_error("non-hexadecimal number found in fromhex() arg")),
        }
    }
    Ok(vm.new_bytes(out))
}

fn join(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let sep = recv(vm, args[0])?;
    let items = vm.collect_iterable(args[1])?;
    let mut out = Vec::new();
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match bytes_of(vm, *it) {
            Some(b) => out.extend(b),
            None => {
                let tn = vm.type_name(*it);
                return Err(vm.type_error(format!("sequence item {}: expected a bytes-like object, {} found", i, tn)));
            }
        }
    }
    Ok(vm.new_bytes(out))
}

fn startswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let p = recv(vm, args[1])?;
    Ok(Value::Bool(b.starts_with(&p)))
}

fn endswith(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let p = recv(vm, args[1])?;
    Ok(Value::Bool(b.ends_with(&p)))
}

fn find(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let n = match vm.int_value(args[1]) {
        Some(x) => vec![x as u8],
        None => recv(vm, args[1])?,
    };
    if n.is_empty() {
        return Ok(Value::Int(0));
    }
    Ok(Value::Int(b.windows(n.len()).position(|w| w == n.as_slice()).map(|i| i as i64).unwrap_or(-1)))
}

fn count(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let n = match vm.int_value(args[1]) {
        Some(x) => vec![x as u8],
        None => recv(vm, args[1])?,
    };
    if n.is_empty() {
        return Ok(Value::Int(b.len() as i64 + 1));
    }
    let mut c = 0;
    let mut i = 0;
    while i + n.len() <= b.len() {
        if b[i..i + n.len()] == n[..] {
            c += 1;
            i += n.len();
        } else {
            i += 1;
        }
    }
    Ok(Value::Int(c))
}

fn split(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let parts: Vec<Vec<u8>> = match args.get(1).filter(|v| !v.is_none()) {
        None => b.split(|c| c.is_ascii_whitespace()).filter(|p| !p.is_empty()).map(|p| p.to_vec()).collect(),
        Some(&sep) => {
            let sep = recv(vm, sep)?;
            if sep.is_empty() {
                return Err(vm.value_error("empty separator"));
            }
            let mut out = Vec::new();
            let mut start = 0;
            let mut i = 0;
            while i + sep.len() <= b.len() {
                if b[i..i + sep.len()] == sep[..] {
                    out.push(b[start..i].to_vec());
                    i += sep.len();
                    start = i;
                } else {
                    i += 1;
                }
            }
            out.push(b[start..].to_vec());
            out
        }
    };
    let vals: Vec<Value> = parts.into_iter().map(|p| vm.new_bytes(p)).collect();
    Ok(vm.new_list(vals))
}

fn strip(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    let chars = match args.get(1).filter(|v| !v.is_none()) {
        Some(&c) => recv(vm, c)?,
        None => b" \t\n\r\x0b\x0c".to_vec(),
    };
    let start = b.iter().position(|c| !chars.contains(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !chars.contains(c)).map(|e| e + 1).unwrap_or(start);
    Ok(vm.new_bytes(b[start..end.max(start)].to_vec()))
}

fn upper(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    Ok(vm.new_bytes(b.to_ascii_uppercase()))
}

fn lower(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let b = recv(vm, args[0])?;
    Ok(vm.new_bytes(b.to_ascii_lowercase()))
}

fn replace(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "replace", args, 3, 3)?;
    let b = recv(vm, args[0])?;
    let old = recv(vm, args[1])?;
    let new = recv(vm, args[2])?;
    if old.is_empty() {
        return Ok(vm.new_bytes(b));
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if i + old.len() <= b.len() && b[i..i + old.len()] == old[..] {
            out.extend_from_slice(&new);
            i += old.len();
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(vm.new_bytes(out))
}

fn ba_ref(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::ByteArray(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'bytearray' object")),
    }
}

fn append(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "append", args, 2, 2)?;
    let r = ba_ref(vm, args[0])?;
    let x = match vm.int_value(args[1]) {
        Some(x) if (0..256).contains(&x) => x as u8,
        _ => return Err(vm.value_error("byte must be in range(0, 256)")),
    };
    if let ObjData::ByteArray(b) = vm.heap.data_mut(r) {
        b.push(x);
    }
    Ok(Value::None)
}

fn extend(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "extend", args, 2, 2)?;
    let r = ba_ref(vm, args[0])?;
    let more = bytes_from(vm, &[Value::None, args[1]], &[])?;
    if let ObjData::ByteArray(b) = vm.heap.data_mut(r) {
        b.extend(more);
    }
    Ok(Value::None)
}

fn pop(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, args[0])?;
    let v = match vm.heap.data_mut(r) {
        ObjData::ByteArray(b) => b.pop(),
        _ => None,
    };
    match v {
        Some(x) => Ok(Value::Int(x as i64)),
        None => Err(vm.index_error("pop from empty bytearray")),
    }
}

fn clear(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = ba_ref(vm, args[0])?;
    if let ObjData::ByteArray(b) = vm.heap.data_mut(r) {
        b.clear();
    }
    Ok(Value::None)
}
