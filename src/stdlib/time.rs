//! The `time` module, following the interpreter's clock (real, or the
//! virtual clock of `--virtual-clock`).

use crate::builtins::args::arity;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    for (name, f) in [
        ("time", time as crate::runtime::function::NativeFn),
        ("monotonic", monotonic),
        ("perf_counter", monotonic),
        ("process_time", process_time),
        ("thread_time", process_time),
        ("sleep", sleep),
        ("time_ns", time_ns),
        ("monotonic_ns", monotonic_ns),
        ("perf_counter_ns", monotonic_ns),
        ("process_time_ns", process_time_ns),
        ("_civil", civil),
    ] {
        let v = vm.native_fn(name, f);
        let k = vm.intern(name);
        vm.dict_set_str(d, k, v);
    }
    let src = include_str!("py/time_extra.py");
    let code = vm.compile_embedded("time", src, "<frozen time>")?;
    vm.exec_code(code, d, None)?;
    Ok(())
}

fn time(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(vm.ext.asyncio.clock.wall()))
}

fn monotonic(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(vm.ext.asyncio.clock.monotonic()))
}

fn process_time(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Float(vm.ext.asyncio.clock.monotonic()))
}

fn process_time_ns(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int((vm.ext.asyncio.clock.monotonic() * 1e9) as i64))
}

fn time_ns(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int((vm.ext.asyncio.clock.wall() * 1e9) as i64))
}

fn monotonic_ns(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int((vm.ext.asyncio.clock.monotonic() * 1e9) as i64))
}

fn sleep(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "sleep", args, 1, 1)?;
    let d = match vm.as_number(args[0]) {
        Some(n) => crate::vm::ops::num_to_f64(&n),
        None => {
            let tn = vm.type_name(args[0]);
            return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
        }
    };
    if d < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    vm.out.flush_stdout();
    let flag = vm.interrupt.clone();
    vm.ext.asyncio.clock.sleep(d, &flag);
    if flag.load(std::sync::atomic::Ordering::Relaxed) {
        flag.store(false, std::sync::atomic::Ordering::Relaxed);
        let c = vm.exc.keyboard_interrupt;
        return Err(crate::vm::PyErr(vm.make_exception(c, vec![])));
    }
    Ok(Value::None)
}

/// `_civil(days)`: (year, month, day) of a day count since 1970-01-01
/// (proleptic Gregorian), for gmtime/localtime in Python.
fn civil(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_civil", args, 1, 1)?;
    let z = vm.index_value(args[0])? + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    Ok(vm.new_tuple(vec![Value::Int(y), Value::Int(m), Value::Int(d)]))
}
