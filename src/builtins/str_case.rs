//! The case-conversion methods and `is*` predicates of `str`, over the
//! Unicode tables of `builtins::unicode`.

use crate::builtins::unicode as uc;
use crate::runtime::function::NativeFn;
use crate::runtime::value::Value;
use crate::vm::{KwArgs, PyResult, Vm};

pub const METHODS: &[(&str, NativeFn)] = &[
    ("upper", upper),
    ("lower", lower),
    ("casefold", casefold),
    ("title", title),
    ("capitalize", capitalize),
    ("swapcase", swapcase),
    ("isdigit", isdigit),
    ("isdecimal", isdecimal),
    ("isnumeric", isnumeric),
    ("isalpha", isalpha),
    ("isalnum", isalnum),
    ("isspace", isspace),
    ("isupper", isupper),
    ("islower", islower),
    ("istitle", istitle),
    ("isidentifier", isidentifier),
    ("isprintable", isprintable),
    ("isascii", isascii),
];

/// The receiver of a no-argument str method, checked as CPython does.
fn receiver(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str) -> PyResult<String> {
    let s = match args.first().and_then(|v| vm.str_of(*v)) {
        Some(s) => s.to_string(),
        None => {
            return Err(match args.first() {
                Some(&v) => {
                    let tn = vm.type_name(v);
                    vm.type_error(format!("descriptor '{}' for 'str' objects doesn't apply to a '{}' object", name, tn))
                }
                None => vm.type_error(format!("unbound method str.{}() needs an argument", name)),
            })
        }
    };
    if !kw.is_empty() {
        return Err(vm.type_error(format!("str.{}() takes no keyword arguments", name)));
    }
    if args.len() > 1 {
        return Err(vm.type_error(format!("str.{}() takes no arguments ({} given)", name, args.len() - 1)));
    }
    Ok(s)
}

fn map(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = receiver(vm, args, kw, name)?;
    Ok(vm.new_str(f(&s)))
}

fn pred(vm: &mut Vm, args: &[Value], kw: KwArgs, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = receiver(vm, args, kw, name)?;
    Ok(Value::Bool(f(&s)))
}

fn upper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "upper", uc::upper)
}

fn lower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "lower", uc::lower)
}

fn casefold(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "casefold", uc::casefold)
}

fn title(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "title", uc::title)
}

fn capitalize(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "capitalize", uc::capitalize)
}

fn swapcase(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    map(vm, args, kw, "swapcase", uc::swapcase)
}

fn isdigit(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isdigit", |s| !s.is_empty() && s.chars().all(uc::is_digit))
}

fn isdecimal(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isdecimal", |s| !s.is_empty() && s.chars().all(uc::is_decimal))
}

fn isnumeric(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isnumeric", |s| !s.is_empty() && s.chars().all(uc::is_numeric))
}

fn isalpha(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isalpha", |s| !s.is_empty() && s.chars().all(uc::is_alpha))
}

fn isalnum(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isalnum", |s| !s.is_empty() && s.chars().all(uc::is_alnum))
}

fn isspace(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isspace", |s| !s.is_empty() && s.chars().all(uc::is_space))
}

fn isupper(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isupper", uc::str_is_upper)
}

fn islower(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "islower", uc::str_is_lower)
}

fn istitle(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "istitle", uc::str_is_title)
}

fn isidentifier(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isidentifier", uc::str_is_identifier)
}

fn isprintable(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isprintable", |s| s.chars().all(uc::is_printable))
}

fn isascii(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    pred(vm, args, kw, "isascii", |s| s.is_ascii())
}
