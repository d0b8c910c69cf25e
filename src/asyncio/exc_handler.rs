//! The event loop's exception-handler protocol: errors nobody can raise
//! to (a failing callback, a task exception never retrieved) are passed
//! as a context dict to the loop's handler, or to the default handler,
//! which writes them to stderr the way CPython's logging call does.

use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

use super::event_loop::lp;

/// Report an error to loop `l`'s exception handler. `pairs` become the
/// context dict (`message` first, then e.g. `exception`, `handle`).
pub fn report(vm: &mut Vm, l: ObjRef, pairs: &[(&str, Value)]) -> PyResult<()> {
    let ctx = vm.new_dict_ref();
    for &(k, v) in pairs {
        let key = vm.new_str(k);
        vm.dict_set_item(ctx, key, v)?;
    }
    dispatch(vm, l, Value::Obj(ctx))
}

/// `loop.call_exception_handler(context)`: the custom handler if one is
/// set (its own failure is reported through the default handler), else
/// the default one. Only SystemExit and KeyboardInterrupt escape.
pub fn dispatch(vm: &mut Vm, l: ObjRef, ctx: Value) -> PyResult<()> {
    let custom = lp(vm, l).exception_handler;
    if custom.is_none() {
        if let Err(e) = default_handler(vm, ctx) {
            fatal_or_log(vm, e, "Exception in default exception handler")?;
        }
        return Ok(());
    }
    // The handler runs as if inside `except` for the reported exception,
    // so an error it raises is chained to it.
    let ek = vm.new_str("exception");
    let reported = match ctx.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Dict(_)) => vm.get_item(ctx, ek).unwrap_or(Value::None),
        _ => Value::None,
    };
    let saved = vm.exc_info;
    if !reported.is_none() {
        vm.exc_info = reported;
    }
    let r = vm.call_value(custom, &[Value::Obj(l), ctx], &[]);
    vm.exc_info = saved;
    if let Err(e) = r {
        if is_exit(vm, e.value()) {
            return Err(e);
        }
        let mk = vm.new_str("Unhandled error in exception handler");
        let inner = [("message", Value::Obj(mk.as_obj().expect("str"))), ("exception", e.value()), ("context", ctx)];
        let d = vm.new_dict_ref();
        for (k, v) in inner {
            let key = vm.new_str(k);
            vm.dict_set_item(d, key, v)?;
        }
        if let Err(e2) = default_handler(vm, Value::Obj(d)) {
            fatal_or_log(vm, e2, "Exception in default exception handler while handling an unexpected error in custom exception handler")?;
        }
    }
    Ok(())
}

fn is_exit(vm: &mut Vm, e: Value) -> bool {
    let (ki, se) = (vm.exc.keyboard_interrupt, vm.exc.system_exit);
    vm.is_instance_of(e, ki) || vm.is_instance_of(e, se)
}

fn fatal_or_log(vm: &mut Vm, e: crate::vm::PyErr, what: &str) -> PyResult<()> {
    if is_exit(vm, e.value()) {
        return Err(e);
    }
    let text = format!("{}\n{}", what, vm.format_exception(e.value()));
    vm.out.write_stderr(&text);
    Ok(())
}

/// `loop.default_exception_handler(context)`: the message, the other
/// keys sorted with their reprs, then the exception's traceback.
pub fn default_handler(vm: &mut Vm, ctx: Value) -> PyResult<()> {
    let Some(d) = ctx.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::Dict(_))) else {
        let tn = vm.type_name(ctx);
        return Err(vm.type_error(format!("context must be a dict, not {}", tn)));
    };
    let items: Vec<(Value, Value)> = vm.dict(d).iter().collect();
    let mut message = String::new();
    let mut exception = Value::None;
    let mut others: Vec<(String, Value)> = Vec::new();
    for (k, v) in items {
        let key = vm.to_str_string(k)?;
        match key.as_str() {
            "message" => message = vm.to_str_string(v)?,
            "exception" => exception = v,
            _ => others.push((key, v)),
        }
    }
    if message.is_empty() {
        message = "Unhandled exception in event loop".into();
    }
    others.sort_by(|a, b| a.0.cmp(&b.0));
    let mut text = message;
    for (k, v) in others {
        let r = vm.to_repr_string(v)?;
        text.push('\n');
        text.push_str(&k);
        text.push_str(": ");
        text.push_str(&r);
    }
    text.push('\n');
    if !exception.is_none() {
        text.push_str(&vm.format_exception(exception));
    }
    vm.out.write_stderr(&text);
    Ok(())
}
