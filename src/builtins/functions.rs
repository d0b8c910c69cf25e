//! The functions of the `builtins` module (`print`, `len`, `sorted`, ...)
//! and the module itself.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::ast::{BinOp, CmpOp};
use crate::builtins::args::{arity, check_kwargs, kwarg, no_kwargs};
use crate::runtime::function::NativeFn;
use crate::runtime::iter::IterState;
use crate::runtime::object::{ModuleObj, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::ops::Num;
use crate::vm::{KwArgs, PyResult, Vm};

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("print", print),
    ("len", len),
    ("repr", repr),
    ("ascii", ascii),
    ("isinstance", isinstance),
    ("issubclass", issubclass),
    ("id", id),
    ("hash", hash),
    ("iter", iter),
    ("next", next),
    ("aiter", aiter),
    ("anext", anext),
    ("sorted", sorted),
    ("sum", sum),
    ("min", min),
    ("max", max),
    ("abs", abs),
    ("round", round),
    ("divmod", divmod),
    ("pow", pow),
    ("any", any),
    ("all", all),
    ("chr", chr),
    ("ord", ord),
    ("hex", hex),
    ("oct", oct),
    ("bin", bin),
    ("format", format),
    ("getattr", getattr),
    ("setattr", setattr),
    ("hasattr", hasattr),
    ("delattr", delattr),
    ("callable", callable),
    ("vars", vars),
    ("dir", dir),
    ("globals", globals),
    ("locals", locals),
    ("input", input),
    ("__build_class__", crate::builtins::object::build_class),
    ("__import__", import),
    ("exec", exec),
    ("eval", eval),
    ("compile", compile),
    ("exit", exit),
    ("quit", exit),
    ("help", help),
    ("breakpoint", breakpoint),
];

pub fn install(vm: &mut Vm) {
    let b = vm.builtins;
    for &(name, f) in FUNCTIONS {
        let v = vm.native_fn(name, f);
        let k = vm.intern(name);
        vm.dict_set_str(b, k, v);
    }
    let t = &vm.types;
    let types: Vec<(&str, ObjRef)> = vec![
        ("object", t.object),
        ("type", t.type_),
        ("int", t.int),
        ("bool", t.bool),
        ("float", t.float),
        ("complex", t.complex),
        ("str", t.str),
        ("bytes", t.bytes),
        ("bytearray", t.bytearray),
        ("list", t.list),
        ("tuple", t.tuple),
        ("dict", t.dict),
        ("set", t.set),
        ("frozenset", t.frozenset),
        ("range", t.range),
        ("slice", t.slice),
        ("property", t.property),
        ("staticmethod", t.staticmethod),
        ("classmethod", t.classmethod),
        ("super", t.super_),
        ("enumerate", t.enumerate),
        ("zip", t.zip),
        ("map", t.map),
        ("filter", t.filter),
        ("reversed", t.reversed),
    ];
    for (name, r) in types {
        let k = vm.intern(name);
        vm.dict_set_str(b, k, Value::Obj(r));
    }
    for (name, r) in vm.exc.all() {
        let k = vm.intern(name);
        vm.dict_set_str(b, k, Value::Obj(r));
    }
    for (alias, target) in [("EnvironmentError", vm.exc.os_error), ("IOError", vm.exc.os_error)] {
        let k = vm.intern(alias);
        vm.dict_set_str(b, k, Value::Obj(target));
    }
    let consts = [("NotImplemented", vm.not_implemented), ("Ellipsis", vm.ellipsis), ("None", Value::None), ("True", Value::Bool(true)), ("False", Value::Bool(false)), ("__debug__", Value::Bool(true))];
    for (name, v) in consts {
        let k = vm.intern(name);
        vm.dict_set_str(b, k, v);
    }
    let name = vm.new_str("builtins");
    let k = vm.names.__name__;
    vm.dict_set_str(b, k, name);
    let open = vm.native_fn("open", crate::stdlib::files::open);
    let k = vm.intern("open");
    vm.dict_set_str(b, k, open);
}

/// Create the module object wrapping the builtins dict.
pub fn builtins_module(vm: &mut Vm) -> Value {
    let cls = vm.types.module;
    let d = vm.builtins;
    vm.alloc(cls, ObjData::Module(Box::new(ModuleObj { name: "builtins".into(), dict: d })))
}

fn print(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if !matches!(k.as_str(), "sep" | "end" | "file" | "flush") {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for print()", k)));
        }
    }
    let text_kw = |vm: &mut Vm, name: &str, default: &str| -> PyResult<String> {
        match kwarg(vm, kw, name) {
            None | Some(Value::None) => Ok(default.to_string()),
            Some(v) => match vm.str_of(v) {
                Some(s) => Ok(s.to_string()),
                None => {
                    let tn = vm.type_name(v);
                    Err(vm.type_error(format!("{} must be None or a string, not {}", name, tn)))
                }
            },
        }
    };
    let sep = text_kw(vm, "sep", " ")?;
    let end = text_kw(vm, "end", "\n")?;
    let file = kwarg(vm, kw, "file").unwrap_or(Value::None);
    let target = if file.is_none() { crate::stdlib::sys::sys_attr(vm, "stdout").unwrap_or(Value::None) } else { file };
    let std = target.is_none() || crate::stdlib::files::std_stream(vm, target).is_some();
    if std {
        // The real stdout/stderr: one write (a piece with a lone surrogate
        // cannot be encoded, as in CPython).
        let mut out = String::new();
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                out.push_str(&sep);
            }
            let piece = vm.to_str_string(a)?;
            if piece.chars().any(crate::runtime::str::is_surrogate) {
                crate::stdlib::sys::write_to(vm, file, &out)?;
                crate::builtins::codecs::encode(vm, &piece, "utf-8", "strict")?;
            }
            out.push_str(&piece);
        }
        out.push_str(&end);
        crate::stdlib::sys::write_to(vm, file, &out)?;
    } else {
        // A file-like object: one write() per piece, as CPython does.
        for (i, &a) in args.iter().enumerate() {
            if i > 0 {
                crate::stdlib::sys::write_to(vm, file, &sep)?;
            }
            let piece = vm.to_str_string(a)?;
            crate::stdlib::sys::write_to(vm, file, &piece)?;
        }
        crate::stdlib::sys::write_to(vm, file, &end)?;
    }
    let flush = match kwarg(vm, kw, "flush") {
        Some(f) => vm.truthy(f)?,
        None => false,
    };
    if flush {
        crate::stdlib::sys::flush_file(vm, file)?;
    }
    Ok(Value::None)
}

fn len(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "len", kw)?;
    arity(vm, "len", args, 1, 1)?;
    Ok(Value::Int(vm.len_of(args[0])? as i64))
}

fn repr(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kwargs(vm, "repr", kw)?;
    arity(vm, "repr", args, 1, 1)?;
    let s = vm.to_repr_string(args[0])?;
    Ok(vm.new_str(s))
}

fn ascii(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "ascii", args, 1, 1)?;
    let s = vm.to_repr_string(args[0])?;
    let a = crate::builtins::str::ascii_escape(&s);
    Ok(vm.new_str(a))
}

fn isinstance(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isinstance", args, 2, 2)?;
    Ok(Value::Bool(crate::builtins::object::isinstance(vm, args[0], args[1])?))
}

fn issubclass(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "issubclass", args, 2, 2)?;
    Ok(Value::Bool(crate::builtins::object::issubclass(vm, args[0], args[1])?))
}

fn id(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "id", args, 1, 1)?;
    Ok(match args[0] {
        Value::Obj(r) => Value::Int(vm.id_of(r) as i64),
        Value::Int(i) => Value::Int(0x7e00_0000_0000 + (i & 0xffff) * 32),
        Value::Float(f) => Value::Int(0x7d00_0000_0000 + (f.to_bits() as i64 & 0xffff_ffff)),
        Value::Bool(b) => Value::Int(0x7c00_0000_0000 + b as i64 * 32),
        _ => Value::Int(0x7c00_0000_1000),
    })
}

fn hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "hash", args, 1, 1)?;
    Ok(Value::Int(vm.hash_value(args[0])?))
}

fn iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "iter", args, 1, 2)?;
    if args.len() == 2 {
        if !is_callable(vm, args[0]) {
            return Err(vm.type_error("iter(v, w): v must be callable"));
        }
        let cls = vm.types.callable_iterator;
        return Ok(vm.alloc(cls, ObjData::Iter(Box::new(IterState::Callable { func: args[0], sentinel: args[1] }))));
    }
    vm.get_iter(args[0])
}

fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "next", args, 1, 2)?;
    let it = args[0];
    let is_iter = match it.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Iter(_) | ObjData::Generator(_)) => true,
        _ => {
            let n = vm.names.__next__;
            vm.lookup_special(it, n).is_some()
        }
    };
    if !is_iter {
        let tn = vm.type_name(it);
        return Err(vm.type_error(format!("'{}' object is not an iterator", tn)));
    }
    // Generators and user iterators: keep StopIteration's value.
    if let Some(ObjData::Generator(_)) = it.as_obj().map(|r| vm.heap.data(r)) {
        let g = it.as_obj().expect("gen");
        return match vm.gen_send(g, Value::None)? {
            crate::vm::generator::GenResult::Yield(v) => Ok(v),
            crate::vm::generator::GenResult::Return(v) => match args.get(1) {
                Some(d) => Ok(*d),
                None => Err(vm.stop_iteration(v)),
            },
        };
    }
    match vm.iter_next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(*d),
            None => Err(vm.stop_iteration(Value::None)),
        },
    }
}

fn aiter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "aiter", args, 1, 1)?;
    vm.get_aiter(args[0], true)
}

fn anext(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "anext", args, 1, 2)?;
    let aw = vm.get_anext(args[0])?;
    match args.get(1) {
        None => Ok(aw),
        Some(&default) => crate::asyncio::anext_with_default(vm, aw, default),
    }
}

fn sorted(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "sorted", kw, &["key", "reverse"])?;
    if args.len() != 1 {
        return Err(vm.type_error(format!("sorted expected 1 argument, got {}", args.len())));
    }
    let items = vm.collect_iterable(args[0])?;
    let list = vm.new_list(items);
    vm.temp_roots.push(list);
    let r = crate::builtins::list::sort_list(vm, list.as_obj().expect("list"), kwarg(vm, kw, "key"), kwarg(vm, kw, "reverse"));
    vm.temp_roots.pop();
    r?;
    Ok(list)
}

fn sum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "sum", kw, &["start"])?;
    arity(vm, "sum", args, 1, 2)?;
    let mut acc = args.get(1).copied().or_else(|| kwarg(vm, kw, "start")).unwrap_or(Value::Int(0));
    if vm.str_of(acc).is_some() {
        return Err(vm.type_error("sum() can't sum strings [use ''.join(seq) instead]"));
    }
    match acc.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(_)) => return Err(vm.type_error("sum() can't sum bytes [use b''.join(seq) instead]")),
        Some(ObjData::ByteArray(_)) => return Err(vm.type_error("sum() can't sum bytearray [use b''.join(seq) instead]")),
        _ => {}
    }
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    // A plain generator adds up its values where it yields them.
    let gen = vm.plain_generator(it);
    let r = (|| {
        loop {
            let next = match gen {
                Some(g) => vm.gen_next_folding(g, &mut acc, crate::vm::generator::Fold::Sum)?,
                None => vm.iter_next(it)?,
            };
            let Some(x) = next else { break };
            acc = match crate::vm::ops::fast_binop(acc, x, BinOp::Add) {
                Some(v) => v,
                None => {
                    vm.temp_roots.push(acc);
                    let r = vm.binary_op(acc, x, BinOp::Add);
                    vm.temp_roots.pop();
                    r?
                }
            };
        }
        Ok(acc)
    })();
    vm.temp_roots.pop();
    r
}

fn min(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "min", CmpOp::Lt)
}

fn max(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    min_max(vm, args, kw, "max", CmpOp::Gt)
}

fn min_max(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, op: CmpOp) -> PyResult<Value> {
    check_kwargs(vm, name, kw, &["key", "default"])?;
    let key = kwarg(vm, kw, "key").filter(|k| !k.is_none());
    let default = kwarg(vm, kw, "default");
    let items = match args.len() {
        0 => return Err(vm.type_error(format!("{} expected at least 1 argument, got 0", name))),
        1 => vm.collect_iterable(args[0])?,
        _ => {
            if default.is_some() {
                return Err(vm.type_error(format!("Cannot specify a default for {}() with multiple positional arguments", name)));
            }
            args.to_vec()
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => Err(vm.value_error(format!("{}() arg is an empty sequence", name))),
        };
    }
    let list = vm.new_list(items.clone());
    vm.temp_roots.push(list);
    let r = (|| {
        let mut best = items[0];
        let mut best_key = match key {
            Some(k) => vm.call_value(k, &[best], &[])?,
            None => best,
        };
        vm.temp_roots.push(best_key);
        for &x in &items[1..] {
            let xk = match key {
                Some(k) => vm.call_value(k, &[x], &[])?,
                None => x,
            };
            let better = match crate::vm::compare::fast_compare(xk, best_key, op) {
                Some(b) => b,
                None => {
                    let r = vm.compare_op(xk, best_key, op)?;
                    vm.truthy(r)?
                }
            };
            if better {
                best = x;
                best_key = xk;
                if let Some(slot) = vm.temp_roots.last_mut() {
                    *slot = xk;
                }
            }
        }
        vm.temp_roots.pop();
        Ok(best)
    })();
    vm.temp_roots.pop();
    r
}

fn abs(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "abs", args, 1, 1)?;
    let v = args[0];
    let builtin = v.as_obj().map(|r| vm.builtin_class(r)).unwrap_or(true);
    if builtin {
        match vm.as_number(v) {
            Some(Num::Int(i)) => {
                return Ok(match i.checked_abs() {
                    Some(a) => Value::Int(a),
                    None => vm.new_bigint(BigInt::from(i).abs()),
                })
            }
            Some(Num::Big(b)) => return Ok(vm.new_bigint(b.abs())),
            Some(Num::Float(f)) => return Ok(Value::Float(f.abs())),
            Some(Num::Complex(r, i)) => return Ok(Value::Float(r.hypot(i))),
            None => {}
        }
    }
    let n = vm.names.__abs__;
    match vm.lookup_special(v, n) {
        Some(m) => vm.call_value(m, &[v], &[]),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("bad operand type for abs(): '{}'", tn)))
        }
    }
}

/// Python's `round()` for floats: correctly rounded to `nd` decimals.
pub fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() {
        return x;
    }
    if nd >= 0 {
        if nd > 300 {
            return x;
        }
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        if !p.is_finite() {
            return 0.0 * x;
        }
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 { 2.0 * (y / 2.0).round() } else { r };
        r * p
    }
}

fn round(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "round", kw, &["number", "ndigits"])?;
    let number = args.first().copied().or_else(|| kwarg(vm, kw, "number"));
    let Some(x) = number else {
        return Err(vm.type_error("round() missing required argument 'number' (pos 1)"));
    };
    let nd = args.get(1).copied().or_else(|| kwarg(vm, kw, "ndigits")).filter(|v| !v.is_none());
    let builtin = x.as_obj().map(|r| vm.builtin_class(r)).unwrap_or(true);
    if builtin {
        match vm.as_number(x) {
            Some(Num::Float(f)) => {
                return match nd {
                    None => {
                        if f.is_nan() {
                            return Err(vm.value_error("cannot convert float NaN to integer"));
                        }
                        if f.is_infinite() {
                            return Err(vm.overflow_error("cannot convert float infinity to integer"));
                        }
                        let r = f.round();
                        let r = if (f - f.trunc()).abs() == 0.5 { 2.0 * (f / 2.0).round() } else { r };
                        Ok(float_to_int(vm, r))
                    }
                    Some(n) => {
                        let n = vm.index_value(n)?;
                        Ok(Value::Float(round_float(f, n)))
                    }
                };
            }
            Some(Num::Int(_)) | Some(Num::Big(_)) => {
                let i = match x {
                    Value::Bool(b) => Value::Int(b as i64),
                    other => other,
                };
                return match nd {
                    None => Ok(i),
                    Some(n) => {
                        let n = vm.index_value(n)?;
                        if n >= 0 {
                            return Ok(i);
                        }
                        let big = match vm.as_number(i) {
                            Some(Num::Int(v)) => BigInt::from(v),
                            Some(Num::Big(b)) => b,
                            _ => BigInt::zero(),
                        };
                        let p = num_traits::pow(BigInt::from(10), (-n) as usize);
                        let half = &p / 2;
                        let (q, r) = num_integer::Integer::div_mod_floor(&big, &p);
                        let q = if r > half || (r == half && num_integer::Integer::is_odd(&q)) { q + 1 } else { q };
                        Ok(vm.new_bigint(q * p))
                    }
                };
            }
            _ => {}
        }
    }
    let rn = vm.names.__round__;
    match vm.lookup_special(x, rn) {
        Some(m) => match nd {
            Some(n) => vm.call_value(m, &[x, n], &[]),
            None => vm.call_value(m, &[x], &[]),
        },
        None => {
            let tn = vm.type_name(x);
            Err(vm.type_error(format!("type {} doesn't define __round__ method", tn)))
        }
    }
}

/// An int value from an integral float.
pub fn float_to_int(vm: &mut Vm, f: f64) -> Value {
    if f.abs() < 9.2e18 {
        Value::Int(f as i64)
    } else {
        let b: BigInt = num_traits::FromPrimitive::from_f64(f).unwrap_or_default();
        vm.new_bigint(b)
    }
}

fn divmod(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "divmod", args, 2, 2)?;
    let (a, b) = (args[0], args[1]);
    if let (Value::Int(_) | Value::Float(_), Value::Int(_) | Value::Float(_)) = (a, b) {
        let (x, y) = (vm.as_number(a).expect("number"), vm.as_number(b).expect("number"));
        return vm.num_divmod(x, y);
    }
    let n = vm.intern("__divmod__");
    let rn = vm.intern("__rdivmod__");
    let (ta, tb) = (vm.type_of(a), vm.type_of(b));
    // The reflected method first when b's type is a proper subclass of a's
    // that overrides it.
    let rfirst = ta != tb && vm.is_subtype(tb, ta) && {
        let (ra, rb) = (vm.lookup_type(ta, rn), vm.lookup_type(tb, rn));
        rb.is_some() && !matches!((ra, rb), (Some(x), Some(y)) if x.is(y))
    };
    if rfirst {
        if let Some(m) = vm.lookup_special(b, rn) {
            let r = vm.call_value(m, &[b, a], &[])?;
            if !r.is(vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    if let Some(m) = vm.lookup_special(a, n) {
        let r = vm.call_value(m, &[a, b], &[])?;
        if !r.is(vm.not_implemented) {
            return Ok(r);
        }
    }
    if ta != tb && !rfirst {
        if let Some(m) = vm.lookup_special(b, rn) {
            let r = vm.call_value(m, &[b, a], &[])?;
            if !r.is(vm.not_implemented) {
                return Ok(r);
            }
        }
    }
    let (ta, tb) = (vm.type_name(a), vm.type_name(b));
    Err(vm.type_error(format!("unsupported operand type(s) for divmod(): '{}' and '{}'", ta, tb)))
}

fn pow(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    check_kwargs(vm, "pow", kw, &["base", "exp", "mod"])?;
    if args.len() > 3 {
        return Err(vm.type_error(format!("pow() takes at most 3 arguments ({} given)", args.len())));
    }
    let base = args.first().copied().or_else(|| kwarg(vm, kw, "base"));
    let exp = args.get(1).copied().or_else(|| kwarg(vm, kw, "exp"));
    let Some(base) = base else {
        return Err(vm.type_error("pow() missing required argument 'base' (pos 1)"));
    };
    let Some(exp) = exp else {
        return Err(vm.type_error("pow() missing required argument 'exp' (pos 2)"));
    };
    let m = args.get(2).copied().or_else(|| kwarg(vm, kw, "mod")).filter(|v| !v.is_none());
    let Some(m) = m else {
        return vm.binary_op(base, exp, BinOp::Pow);
    };
    // Three-argument pow: `__pow__(exp, mod)` of the base (built-in ints
    // directly).
    match (vm.as_number(base), vm.as_number(exp), vm.as_number(m)) {
        (Some(b @ (Num::Int(_) | Num::Big(_))), Some(e @ (Num::Int(_) | Num::Big(_))), Some(md @ (Num::Int(_) | Num::Big(_)))) => vm.int_pow_mod(b, e, md),
        (Some(_), Some(_), Some(_)) => Err(vm.type_error("pow() 3rd argument not allowed unless all arguments are integers")),
        _ => {
            let pn = vm.intern("__pow__");
            if vm.as_number(base).is_none() {
                if let Some(f) = vm.lookup_special(base, pn) {
                    let r = vm.call_value(f, &[base, exp, m], &[])?;
                    if !r.is(vm.not_implemented) {
                        return Ok(r);
                    }
                }
            }
            let (ta, tb, tc) = (vm.type_name(base), vm.type_name(exp), vm.type_name(m));
            Err(vm.type_error(format!("unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'", ta, tb, tc)))
        }
    }
}

fn any(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "any", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    // A plain generator's values that cannot end the search are
    // skipped where they are yielded (`Fold::Any`).
    let gen = vm.plain_generator(it);
    let r = (|| {
        loop {
            let next = match gen {
                Some(g) => vm.gen_next_folding(g, &mut Value::None, crate::vm::generator::Fold::Any)?,
                None => vm.iter_next(it)?,
            };
            let Some(x) = next else { break };
            if vm.truthy(x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    })();
    vm.temp_roots.pop();
    r
}

fn all(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "all", args, 1, 1)?;
    let it = vm.get_iter(args[0])?;
    vm.temp_roots.push(it);
    // A plain generator's values that cannot end the search are
    // skipped where they are yielded (`Fold::All`).
    let gen = vm.plain_generator(it);
    let r = (|| {
        loop {
            let next = match gen {
                Some(g) => vm.gen_next_folding(g, &mut Value::None, crate::vm::generator::Fold::All)?,
                None => vm.iter_next(it)?,
            };
            let Some(x) = next else { break };
            if !vm.truthy(x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    })();
    vm.temp_roots.pop();
    r
}

fn chr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "chr", args, 1, 1)?;
    let i = match crate::builtins::int::index_big(vm, args[0])?.to_i32() {
        Some(i) => i,
        None => return Err(vm.overflow_error("Python int too large to convert to C int")),
    };
    match u32::try_from(i).ok().and_then(crate::runtime::str::char_for) {
        Some(c) => Ok(vm.char_value(c)),
        None => Err(vm.value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "ord", args, 1, 1)?;
    if let Some(s) = vm.str_of(args[0]) {
        let mut it = s.chars();
        return match (it.next(), it.next()) {
            (Some(c), None) => Ok(Value::Int(crate::runtime::str::code_point(c) as i64)),
            _ => {
                let n = s.chars().count();
                Err(vm.type_error(format!("ord() expected a character, but string of length {} found", n)))
            }
        };
    }
    let bytes = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Bytes(b)) => Some(b.to_vec()),
        Some(ObjData::ByteArray(b)) => Some(b.clone()),
        _ => None,
    };
    if let Some(b) = bytes {
        if b.len() == 1 {
            return Ok(Value::Int(b[0] as i64));
        }
        return Err(vm.type_error(format!("ord() expected a character, but string of length {} found", b.len())));
    }
    let tn = vm.type_name(args[0]);
    Err(vm.type_error(format!("ord() expected string of length 1, but {} found", tn)))
}

fn radix(vm: &mut Vm, args: &[Value], name: &str, spec: &str) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let i = match vm.as_number(args[0]) {
        Some(Num::Int(i)) => BigInt::from(i),
        Some(Num::Big(b)) => b,
        _ => {
            let n = vm.names.__index__;
            if vm.lookup_special(args[0], n).is_some() {
                BigInt::from(vm.index_value(args[0])?)
            } else {
                let tn = vm.type_name(args[0]);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
        }
    };
    let fs = crate::vm::format::parse_spec(spec).expect("static spec");
    let s = crate::vm::format::format_int(&i, &fs).map_err(|m| vm.value_error(m))?;
    Ok(vm.new_str(s))
}

fn hex(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "hex", "#x")
}

fn oct(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "oct", "#o")
}

fn bin(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    radix(vm, args, "bin", "#b")
}

fn format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "format", args, 1, 2)?;
    let spec = match args.get(1) {
        Some(s) => match vm.str_of(*s) {
            Some(s) => s.to_string(),
            None => {
                let tn = vm.type_name(*s);
                return Err(vm.type_error(format!("format() argument 2 must be str, not {}", tn)));
            }
        },
        None => String::new(),
    };
    let s = vm.format(args[0], &spec)?;
    Ok(vm.new_str(s))
}

fn attr_name(vm: &mut Vm, v: Value, fname: &str) -> PyResult<ObjRef> {
    match vm.str_of(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let tn = vm.type_name(v);
            let _ = fname;
            Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)))
        }
    }
}

fn getattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getattr", args, 2, 3)?;
    let name = attr_name(vm, args[1], "getattr")?;
    match args.get(2) {
        Some(&d) => Ok(vm.get_attr_opt(args[0], name)?.unwrap_or(d)),
        None => vm.get_attr(args[0], name),
    }
}

fn setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setattr", args, 3, 3)?;
    let name = attr_name(vm, args[1], "setattr")?;
    vm.set_attr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn hasattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "hasattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "hasattr")?;
    Ok(Value::Bool(vm.get_attr_opt(args[0], name)?.is_some()))
}

fn delattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "delattr", args, 2, 2)?;
    let name = attr_name(vm, args[1], "delattr")?;
    vm.del_attr(args[0], name)?;
    Ok(Value::None)
}

pub fn is_callable(vm: &mut Vm, v: Value) -> bool {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Function(_) | ObjData::Native(_) | ObjData::BoundMethod(_) | ObjData::Type(_)) => true,
        _ => {
            let c = vm.names.__call__;
            vm.lookup_special(v, c).is_some()
        }
    }
}

fn callable(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "callable", args, 1, 1)?;
    Ok(Value::Bool(is_callable(vm, args[0])))
}

fn vars(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "vars", args, 0, 1)?;
    if args.is_empty() {
        return locals(vm, args, &[]);
    }
    let d = vm.names.__dict__;
    match vm.get_attr_opt(args[0], d)? {
        Some(v) => Ok(v),
        None => Err(vm.type_error("vars() argument must have __dict__ attribute")),
    }
}

/// The names `dir(obj)` lists, sorted.
pub fn dir_names(vm: &mut Vm, obj: Value) -> PyResult<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    let add_dict = |vm: &mut Vm, d: ObjRef, names: &mut Vec<String>| {
        for k in vm.dict(d).keys() {
            if let Some(s) = vm.str_of(k) {
                if !names.iter().any(|n| n == s) {
                    names.push(s.to_string());
                }
            }
        }
    };
    if let Value::Obj(r) = obj {
        match vm.heap.data(r) {
            ObjData::Module(m) => {
                let d = m.dict;
                add_dict(vm, d, &mut names);
                names.sort();
                return Ok(names);
            }
            ObjData::Type(t) => {
                let mro = t.mro.clone();
                for c in mro {
                    if let ObjData::Type(ct) = vm.heap.data(c) {
                        let d = ct.dict;
                        add_dict(vm, d, &mut names);
                    }
                }
                names.sort();
                return Ok(names);
            }
            _ => {}
        }
        if let Some(d) = vm.instance_dict(r) {
            add_dict(vm, d, &mut names);
        }
    }
    let cls = vm.type_of(obj);
    let mro = match vm.heap.data(cls) {
        ObjData::Type(t) => t.mro.clone(),
        _ => Vec::new(),
    };
    for c in mro {
        if let ObjData::Type(ct) = vm.heap.data(c) {
            let d = ct.dict;
            add_dict(vm, d, &mut names);
        }
    }
    names.sort();
    Ok(names)
}

fn dir(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "dir", args, 0, 1)?;
    let names = match args.first() {
        Some(&o) => {
            let dn = vm.intern("__dir__");
            let is_module_or_type = matches!(o.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Module(_) | ObjData::Type(_)));
            match vm.lookup_special(o, dn) {
                Some(m) if !vm.is_object_slot(m, "__dir__") && !is_module_or_type => {
                    let r = vm.call_value(m, &[o], &[])?;
                    let items = vm.collect_iterable(r)?;
                    let list = vm.new_list(items);
                    crate::builtins::list::sort_list(vm, list.as_obj().expect("list"), None, None)?;
                    return Ok(list);
                }
                _ => dir_names(vm, o)?,
            }
        }
        None => {
            let d = locals(vm, &[], &[])?;
            let mut names: Vec<String> = vm.dict(d.as_obj().expect("dict")).keys().iter().filter_map(|k| vm.str_of(*k).map(|s| s.to_string())).collect();
            names.sort();
            names
        }
    };
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

/// `dir(obj)` as a list of values (for "Did you mean" suggestions).
pub fn dir_of(vm: &mut Vm, obj: Value) -> PyResult<Vec<Value>> {
    let l = dir(vm, &[obj], &[])?;
    vm.collect_iterable(l)
}

fn globals(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match vm.frames.last() {
        Some(f) => Ok(Value::Obj(f.globals)),
        None => Ok(Value::Obj(vm.builtins)),
    }
}

fn locals(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(fi) = vm.frames.len().checked_sub(1) else { return Ok(vm.new_dict()) };
    Ok(Value::Obj(frame_locals(vm, fi)))
}

/// `locals()` of frame `fi`. A function frame gets one dict, kept on the
/// frame and refreshed from the fast locals on every call (CPython 3.11
/// semantics: `locals()` twice returns the same, updated dict).
pub fn frame_locals(vm: &mut Vm, fi: usize) -> ObjRef {
    let f = &vm.frames[fi];
    let optimized = f.code.flags & crate::bytecode::flags::OPTIMIZED != 0;
    if !optimized {
        return f.locals.unwrap_or(f.globals);
    }
    let code = f.code.clone();
    let base = f.base;
    let d = match f.locals {
        Some(d) => d,
        None => {
            let d = vm.new_dict_ref();
            vm.frames[fi].locals = Some(d);
            d
        }
    };
    let nl = code.nlocals as usize;
    let cells = code.cellvars.iter().chain(code.freevars.iter()).enumerate().map(|(j, n)| (nl + j, n, true));
    let slots: Vec<(usize, &String, bool)> = code.varnames.iter().enumerate().map(|(i, n)| (i, n, false)).chain(cells).collect();
    for (slot, name, is_cell) in slots {
        let raw = vm.stack[base + slot];
        let v = if is_cell {
            match raw.as_obj().map(|r| vm.heap.data(r)) {
                Some(ObjData::Cell(v)) => *v,
                _ => Value::Undef,
            }
        } else {
            raw
        };
        let k = vm.intern(name);
        if v.is_undef() {
            vm.dict_del_str(d, k).ok();
        } else {
            vm.dict_set_str(d, k, v);
        }
    }
    d
}

fn input(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "input", args, 0, 1)?;
    if let Some(&p) = args.first() {
        let s = vm.to_str_string(p)?;
        vm.out.write_stdout(&s);
    }
    vm.out.flush_stdout();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => {
            let c = vm.exc.eof_error;
            Err(vm.new_error(c, "EOF when reading a line"))
        }
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            Ok(vm.new_str(line))
        }
        Err(e) => {
            let c = vm.exc.os_error;
            Err(vm.new_error(c, e.to_string()))
        }
    }
}

fn import(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let name = crate::builtins::args::arg_or_kw(vm, args, 0, kw, "name").unwrap_or(Value::None);
    let fromlist = crate::builtins::args::arg_or_kw(vm, args, 3, kw, "fromlist").unwrap_or(Value::None);
    let level = crate::builtins::args::arg_or_kw(vm, args, 4, kw, "level").unwrap_or(Value::Int(0));
    let Some(n) = vm.str_of(name).map(|s| s.to_string()) else {
        return Err(vm.type_error("__import__() argument 1 must be str"));
    };
    let globals = match args.get(1).and_then(|g| g.as_obj()) {
        Some(g) if matches!(vm.heap.data(g), ObjData::Dict(_)) => g,
        _ => vm.current_globals().unwrap_or(vm.builtins),
    };
    let fl = match fromlist.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::List(l)) => {
            let l = l.clone();
            vm.new_tuple(l)
        }
        _ => fromlist,
    };
    let nr = vm.intern(&n);
    vm.import_name(nr, fl, level, globals)
}

fn namespaces(vm: &mut Vm, args: &[Value], at: usize) -> PyResult<(ObjRef, Option<ObjRef>)> {
    let globals = match args.get(at) {
        Some(Value::None) | None => vm.current_globals().unwrap_or(vm.builtins),
        Some(g) => match g.as_obj() {
            Some(r) if matches!(vm.heap.data(r), ObjData::Dict(_)) => r,
            _ => {
                let tn = vm.type_name(*g);
                return Err(vm.type_error(format!("globals must be a dict, not {}", tn)));
            }
        },
    };
    let bk = vm.names.__builtins__;
    if vm.dict_get_str(globals, bk).is_none() {
        let b = crate::builtins::functions::builtins_module(vm);
        vm.dict_set_str(globals, bk, b);
    }
    let locals = match args.get(at + 1) {
        Some(Value::None) | None => {
            if args.get(at).map(|g| !g.is_none()).unwrap_or(false) {
                None
            } else {
                match vm.frames.len().checked_sub(1) {
                    Some(fi) => Some(frame_locals(vm, fi)),
                    None => None,
                }
            }
        }
        Some(l) => l.as_obj(),
    };
    Ok((globals, locals))
}

fn code_arg(vm: &mut Vm, v: Value, mode: crate::compiler::Mode, fname: &str) -> PyResult<std::rc::Rc<crate::bytecode::CodeObject>> {
    if let Some(ObjData::Code(c)) = v.as_obj().map(|r| vm.heap.data(r)) {
        return Ok(c.clone());
    }
    match vm.str_of(v) {
        Some(s) => {
            let s = s.to_string();
            vm.compile_source(&s, "<string>", mode)
        }
        None => Err(vm.type_error(format!("{}() arg 1 must be a string, bytes or code object", fname))),
    }
}

fn exec(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "exec", args, 1, 3)?;
    let code = code_arg(vm, args[0], crate::compiler::Mode::Exec, "exec")?;
    let (g, l) = namespaces(vm, args, 1)?;
    vm.exec_code(code, g, l)?;
    Ok(Value::None)
}

fn eval(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "eval", args, 1, 3)?;
    let code = code_arg(vm, args[0], crate::compiler::Mode::Eval, "eval")?;
    let (g, l) = namespaces(vm, args, 1)?;
    vm.exec_code(code, g, l)
}

fn compile(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let src = crate::builtins::args::arg_or_kw(vm, args, 0, kw, "source").unwrap_or(Value::None);
    let filename = crate::builtins::args::arg_or_kw(vm, args, 1, kw, "filename").unwrap_or(Value::None);
    let mode = crate::builtins::args::arg_or_kw(vm, args, 2, kw, "mode").unwrap_or(Value::None);
    let src = crate::builtins::args::str_arg(vm, src, "compile() arg 1")?;
    let filename = vm.str_of(filename).unwrap_or("<string>").to_string();
    let mode = match vm.str_of(mode) {
        Some("exec") => crate::compiler::Mode::Exec,
        Some("eval") => crate::compiler::Mode::Eval,
        Some("single") => crate::compiler::Mode::Interactive,
        _ => return Err(vm.value_error("compile() mode must be 'exec', 'eval' or 'single'")),
    };
    let code = vm.compile_source(&src, &filename, mode)?;
    let cls = vm.types.code;
    Ok(vm.alloc(cls, ObjData::Code(code)))
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let c = vm.exc.system_exit;
    let a = args.to_vec();
    Err(crate::vm::PyErr(vm.make_exception(c, a)))
}

fn help(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let text = match args.first() {
        None => "Type help(object) for help about object.".to_string(),
        Some(&o) => crate::builtins::types::help_text(vm, o)?,
    };
    vm.out.write_stdout(&text);
    vm.out.write_stdout("\n");
    Ok(Value::None)
}

fn breakpoint(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

#[allow(dead_code)]
fn to_i64(b: &BigInt) -> Option<i64> {
    b.to_i64()
}
