//! `gc`: the collector's Python interface. aiopy's collector is a full
//! mark-and-sweep with no generations, so the generation arguments and
//! thresholds are accepted and remembered for CPython compatibility only.

use crate::builtins::args::arity;
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

/// CPython 3.11's default thresholds, reported by `get_threshold()`.
const DEFAULT_THRESHOLD: (i64, i64, i64) = (700, 10, 10);

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    const FUNCS: &[(&str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_count", get_count),
        ("is_tracked", is_tracked),
        ("freeze", noop),
        ("unfreeze", noop),
        ("get_freeze_count", zero),
    ];
    crate::builtins::add_functions(vm, d, FUNCS);
    for name in ["garbage", "callbacks"] {
        let l = vm.new_list(Vec::new());
        let k = vm.intern(name);
        vm.dict_set_str(d, k, l);
    }
    for (name, v) in [("DEBUG_STATS", 1), ("DEBUG_COLLECTABLE", 2), ("DEBUG_UNCOLLECTABLE", 4), ("DEBUG_SAVEALL", 32), ("DEBUG_LEAK", 38)] {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, Value::Int(v));
    }
    Ok(())
}

/// `collect(generation=2)`: a full collection; the number of unreachable
/// objects found on or under reference cycles.
fn collect(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "collect", args, 0, 1)?;
    if let Some(&g) = args.first() {
        if !matches!(g, Value::Int(0..=2)) {
            return Err(vm.value_error("invalid generation"));
        }
    }
    Ok(Value::Int(vm.collect_garbage_counting_cycles() as i64))
}

fn enable(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.ext.gc_disabled = false;
    Ok(Value::None)
}

/// `disable()`: automatic collections stop being reported as enabled;
/// aiopy keeps collecting at its safe points (memory stays bounded),
/// which no program can observe except through finalisation timing.
fn disable(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    vm.ext.gc_disabled = true;
    Ok(Value::None)
}

fn isenabled(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(!vm.ext.gc_disabled))
}

fn get_threshold(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (a, b, c) = vm.ext.gc_threshold.unwrap_or(DEFAULT_THRESHOLD);
    Ok(vm.new_tuple(vec![Value::Int(a), Value::Int(b), Value::Int(c)]))
}

fn set_threshold(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "set_threshold", args, 1, 3)?;
    let (mut t0, mut t1, mut t2) = vm.ext.gc_threshold.unwrap_or(DEFAULT_THRESHOLD);
    for (i, &a) in args.iter().enumerate() {
        let Value::Int(v) = a else {
            let tn = vm.type_name(a);
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
        };
        match i {
            0 => t0 = v,
            1 => t1 = v,
            _ => t2 = v,
        }
    }
    vm.ext.gc_threshold = Some((t0, t1, t2));
    Ok(Value::None)
}

fn get_count(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_tuple(vec![Value::Int(0), Value::Int(0), Value::Int(0)]))
}

/// `is_tracked(obj)`: False for the atomic kinds CPython never tracks.
fn is_tracked(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "is_tracked", args, 1, 1)?;
    Ok(Value::Bool(tracked(vm, args[0])))
}

/// CPython's rule: atomic objects are never tracked; dicts and tuples
/// only while they hold a tracked object; every other container is.
fn tracked(vm: &Vm, v: Value) -> bool {
    let Value::Obj(r) = v else { return false };
    let atomic = |v: Value| match v {
        Value::Obj(r) => matches!(vm.heap.data(r), ObjData::Str(_) | ObjData::Bytes(_) | ObjData::BigInt(_) | ObjData::Float(_) | ObjData::Complex(_)),
        _ => true,
    };
    match vm.heap.data(r) {
        ObjData::Str(_) | ObjData::Bytes(_) | ObjData::BigInt(_) | ObjData::Float(_) | ObjData::Complex(_) => false,
        ObjData::Dict(d) => d.iter().any(|(k, v)| !atomic(k) || !atomic(v)),
        ObjData::Tuple(t) => t.iter().any(|&x| !atomic(x)),
        _ => true,
    }
}

fn noop(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn zero(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(0))
}
