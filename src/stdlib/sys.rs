//! The `sys` module, and writing to `sys.stdout`/`sys.stderr` (which
//! `print` uses, honouring reassignment of `sys.stdout`).

use crate::builtins::args::arity;
use crate::runtime::value::{ObjRef, Value};
use crate::stdlib::files::{new_file, File, Stream};
use crate::vm::{KwArgs, PyResult, Vm};

fn set(vm: &mut Vm, d: ObjRef, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    let argv: Vec<Value> = vm.config.argv.clone().into_iter().map(|a| vm.new_str(a)).collect();
    let argv = vm.new_list(argv);
    set(vm, d, "argv", argv);
    let modules = vm.modules;
    set(vm, d, "modules", Value::Obj(modules));
    let dir = vm.new_str(vm.config.script_dir.clone());
    let path = vm.new_list(vec![dir]);
    set(vm, d, "path", path);
    let stdout = new_file(vm, File { stream: Stream::Stdout, name: "<stdout>".into(), mode: "w".into(), binary: false, closed: false });
    let stderr = new_file(vm, File { stream: Stream::Stderr, name: "<stderr>".into(), mode: "w".into(), binary: false, closed: false });
    let stdin = new_file(vm, File { stream: Stream::Stdin, name: "<stdin>".into(), mode: "r".into(), binary: false, closed: false });
    for (n, v) in [("stdout", stdout), ("stderr", stderr), ("stdin", stdin), ("__stdout__", stdout), ("__stderr__", stderr), ("__stdin__", stdin)] {
        set(vm, d, n, v);
    }
    let version = vm.new_str("3.11.7 (aiopy 0.1.0) [Rust]");
    set(vm, d, "version", version);
    set(vm, d, "hexversion", Value::Int(0x030b07f0));
    set(vm, d, "maxsize", Value::Int(i64::MAX));
    let platform = vm.new_str("linux");
    set(vm, d, "platform", platform);
    let bo = vm.new_str("little");
    set(vm, d, "byteorder", bo);
    let exe = vm.new_str(std::env::current_exe().map(|p| p.to_string_lossy().to_string()).unwrap_or_default());
    set(vm, d, "executable", exe);
    let b = vm.new_list(vec![]);
    set(vm, d, "builtin_module_names", b);
    for (name, f) in [
        ("exit", exit as crate::runtime::function::NativeFn),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("exc_info", exc_info),
        ("exception", exception),
        ("getsizeof", getsizeof),
        ("intern", intern),
        ("getdefaultencoding", getdefaultencoding),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("_getframe", getframe),
    ] {
        let f = vm.native_fn(name, f);
        set(vm, d, name, f);
    }
    // version_info and implementation as small Python classes.
    let src = include_str!("py/sys_extra.py");
    let code = vm.compile_embedded("sys", src, "<frozen sys>")?;
    vm.exec_code(code, d, None)?;
    Ok(())
}

pub fn sys_attr(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.new_str("sys");
    let m = vm.modules;
    let sys = vm.dict_get_item(m, k).ok().flatten()?;
    let d = vm.module_dict(sys.as_obj()?)?;
    let n = vm.intern(name);
    vm.dict_get_str(d, n)
}

/// Write text to a file-like object (None means `sys.stdout`).
pub fn write_to(vm: &mut Vm, file: Value, s: &str) -> PyResult<()> {
    let target = if file.is_none() { sys_attr(vm, "stdout").unwrap_or(Value::None) } else { file };
    match crate::stdlib::files::std_stream(vm, target) {
        Some(2) => vm.out.write_stderr(s),
        Some(_) => vm.out.write_stdout(s),
        None if target.is_none() => vm.out.write_stdout(s),
        None => {
            let sv = vm.new_str(s);
            vm.call_method(target, "write", &[sv])?;
        }
    }
    Ok(())
}

pub fn flush_file(vm: &mut Vm, file: Value) -> PyResult<()> {
    let target = if file.is_none() { sys_attr(vm, "stdout").unwrap_or(Value::None) } else { file };
    match crate::stdlib::files::std_stream(vm, target) {
        Some(_) => vm.out.flush_stdout(),
        None if target.is_none() => vm.out.flush_stdout(),
        None => {
            let f = vm.intern("flush");
            if let Some(m) = vm.get_attr_opt(target, f)? {
                vm.call_value(m, &[], &[])?;
            }
        }
    }
    Ok(())
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "exit", args, 0, 1)?;
    let c = vm.exc.system_exit;
    let a = args.to_vec();
    Err(crate::vm::PyErr(vm.make_exception(c, a)))
}

fn getrecursionlimit(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setrecursionlimit", args, 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    vm.recursion_limit = n.min(1_000_000) as usize;
    Ok(Value::None)
}

fn exc_info(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let e = vm.exc_info;
    if e.is_none() || e.is_undef() {
        return Ok(vm.new_tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Obj(vm.type_of(e));
    let tb = vm.traceback_value(e);
    Ok(vm.new_tuple(vec![t, e, tb]))
}

fn exception(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let e = vm.exc_info;
    Ok(if e.is_undef() { Value::None } else { e })
}

fn getsizeof(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getsizeof", args, 1, 2)?;
    Ok(Value::Int(match args[0] {
        Value::Obj(_) => 56,
        _ => 28,
    }))
}

fn intern(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "intern", args, 1, 1)?;
    let s = crate::builtins::args::str_arg(vm, args[0], "intern() argument")?;
    Ok(Value::Obj(vm.intern(&s)))
}

fn getdefaultencoding(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_str("utf-8"))
}

fn get_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(crate::vm::convert::INT_MAX_STR_DIGITS as i64))
}

fn set_int_max_str_digits(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn getframe(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(vm.not_implemented_error("sys._getframe is not supported"))
}
