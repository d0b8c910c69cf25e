//! Argument checking for native functions, with CPython's messages.

use crate::runtime::value::Value;
use crate::vm::{KwArgs, PyResult, Vm};

/// `name() takes exactly one argument (N given)` style arity checks for
/// functions taking positional args only.
pub fn arity(vm: &mut Vm, name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let msg = if min == max {
        match min {
            0 => format!("{}() takes no arguments ({} given)", name, n),
            1 => format!("{}() takes exactly one argument ({} given)", name, n),
            _ => format!("{} expected {} arguments, got {}", name, min, n),
        }
    } else if n < min {
        format!("{} expected at least {} argument{}, got {}", name, min, if min == 1 { "" } else { "s" }, n)
    } else {
        format!("{} expected at most {} argument{}, got {}", name, max, if max == 1 { "" } else { "s" }, n)
    };
    Err(vm.type_error(msg))
}

/// Reject keyword arguments.
pub fn no_kwargs(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name)))
    }
}

/// Find a keyword argument by name.
pub fn kwarg(vm: &Vm, kw: KwArgs, name: &str) -> Option<Value> {
    kw.iter().find(|(k, _)| vm.str_of(*k) == Some(name)).map(|(_, v)| *v)
}

/// Reject keyword arguments other than `allowed`.
pub fn check_kwargs(vm: &mut Vm, fname: &str, kw: KwArgs, allowed: &[&str]) -> PyResult<()> {
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if !allowed.contains(&k.as_str()) {
            return Err(vm.type_error(format!("{}() got an unexpected keyword argument '{}'", fname, k)));
        }
    }
    Ok(())
}

/// Positional argument `i`, or the keyword `name`, or `None`.
pub fn arg_or_kw(vm: &Vm, args: &[Value], i: usize, kw: KwArgs, name: &str) -> Option<Value> {
    args.get(i).copied().or_else(|| kwarg(vm, kw, name))
}

/// A `str` argument or a TypeError naming the function.
pub fn str_arg(vm: &mut Vm, v: Value, what: &str) -> PyResult<String> {
    match vm.str_of(v) {
        Some(s) => Ok(s.to_string()),
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{} must be str, not {}", what, tn)))
        }
    }
}
