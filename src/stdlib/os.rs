//! The native `posix` module: the operating-system calls `os.py` and
//! `posixpath.py` build on (working directory, directory listing and
//! creation, stat, rename/remove, environment, pids, urandom), raising
//! CPython's `OSError` subclasses with `[Errno N] strerror: 'path'`.

use std::ffi::CStr;

use crate::builtins::args::{arity, kwarg};
use crate::runtime::function::NativeFn;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    const FUNCS: &[(&str, NativeFn)] = &[
        ("getcwd", getcwd),
        ("chdir", chdir),
        ("listdir", listdir),
        ("mkdir", mkdir),
        ("rmdir", rmdir),
        ("remove", remove),
        ("unlink", remove),
        ("rename", rename),
        ("replace", rename),
        ("stat", stat),
        ("lstat", lstat),
        ("readlink", readlink),
        ("symlink", symlink),
        ("access", access),
        ("getpid", getpid),
        ("getppid", getppid),
        ("getuid", getuid),
        ("cpu_count", cpu_count),
        ("urandom", urandom),
        ("strerror", strerror),
        ("putenv", putenv),
        ("unsetenv", unsetenv),
        ("_environ", environ),
        ("_exit", exit_),
        ("isatty", isatty),
        ("system", system),
        ("utime", utime),
    ];
    crate::builtins::add_functions(vm, d, FUNCS);
    Ok(())
}

/// The path argument as text: `str`, or an object with `__fspath__`.
fn path_arg(vm: &mut Vm, fname: &str, v: Value) -> PyResult<String> {
    if let Some(s) = vm.str_of(v) {
        return Ok(s.to_string());
    }
    if let Some(ObjData::Bytes(b)) = v.as_obj().map(|r| vm.heap.data(r)) {
        return Ok(String::from_utf8_lossy(b).into_owned());
    }
    let k = vm.intern("__fspath__");
    if let Some(m) = vm.lookup_special(v, k) {
        let r = vm.call_value(m, &[v], &[])?;
        if let Some(s) = vm.str_of(r) {
            return Ok(s.to_string());
        }
    }
    let tn = vm.type_name(v);
    Err(vm.type_error(format!("{}: path should be string, bytes or os.PathLike, not {}", fname, tn)))
}

fn errno_text(code: i32) -> String {
    // SAFETY: strerror returns a pointer to a static (or thread-local)
    // NUL-terminated message for any errno value.
    unsafe {
        let p = libc::strerror(code);
        if p.is_null() {
            return format!("Unknown error {}", code);
        }
        CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// An `OSError` (or the subclass CPython picks for the errno) for a failed
/// call on `path` (and `path2` for two-path calls such as rename).
pub fn os_error(vm: &mut Vm, e: &std::io::Error, path: Option<&str>, path2: Option<&str>) -> PyErr {
    let code = e.raw_os_error().unwrap_or(libc::EIO);
    let cls = match code {
        libc::ENOENT => vm.exc.file_not_found_error,
        libc::EEXIST => vm.exc.file_exists_error,
        libc::EISDIR => vm.exc.is_a_directory_error,
        libc::ENOTDIR => vm.exc.not_a_directory_error,
        libc::EACCES | libc::EPERM => vm.exc.permission_error,
        libc::EINTR => vm.exc.interrupted_error,
        libc::ECHILD => vm.exc.child_process_error,
        _ => vm.exc.os_error,
    };
    let mut args = vec![Value::Int(code as i64), vm.new_str(errno_text(code))];
    if let Some(p) = path {
        args.push(vm.new_str(p));
        if let Some(p2) = path2 {
            args.push(Value::Int(0));
            args.push(vm.new_str(p2));
        }
    }
    match vm.call_value(Value::Obj(cls), &args, &[]) {
        Ok(v) => PyErr(v.as_obj().expect("exception")),
        Err(e) => e,
    }
}

fn getcwd(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getcwd", args, 0, 0)?;
    match std::env::current_dir() {
        Ok(p) => Ok(vm.new_str(p.to_string_lossy().into_owned())),
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn chdir(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "chdir", args, 1, 1)?;
    let p = path_arg(vm, "chdir", args[0])?;
    std::env::set_current_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn listdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    arity(vm, "listdir", args, 0, 1)?;
    let p = match args.first().copied().or_else(|| kwarg(vm, kw, "path")) {
        None | Some(Value::None) => ".".to_string(),
        Some(v) => path_arg(vm, "listdir", v)?,
    };
    let rd = std::fs::read_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    let mut names = Vec::new();
    for e in rd {
        let e = e.map_err(|e| os_error(vm, &e, Some(&p), None))?;
        names.push(e.file_name().to_string_lossy().into_owned());
    }
    let items = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(items))
}

fn mkdir(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    arity(vm, "mkdir", args, 1, 2)?;
    let p = path_arg(vm, "mkdir", args[0])?;
    let mode = match args.get(1).copied().or_else(|| kwarg(vm, kw, "mode")) {
        Some(m) => vm.index_value(m)? as u32,
        None => 0o777,
    };
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new().mode(mode).create(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn rmdir(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "rmdir", args, 1, 1)?;
    let p = path_arg(vm, "rmdir", args[0])?;
    std::fs::remove_dir(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn remove(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "remove", args, 1, 1)?;
    let p = path_arg(vm, "remove", args[0])?;
    std::fs::remove_file(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}

fn rename(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "rename", args, 2, 2)?;
    let a = path_arg(vm, "rename", args[0])?;
    let b = path_arg(vm, "rename", args[1])?;
    std::fs::rename(&a, &b).map_err(|e| os_error(vm, &e, Some(&a), Some(&b)))?;
    Ok(Value::None)
}

/// `(st_mode, st_ino, st_dev, st_nlink, st_uid, st_gid, st_size, st_atime,
/// st_mtime, st_ctime, atime_ns, mtime_ns, ctime_ns)`; os.py wraps it.
fn stat_impl(vm: &mut Vm, name: &str, args: &[Value], follow: bool) -> PyResult<Value> {
    arity(vm, name, args, 1, 1)?;
    let p = path_arg(vm, name, args[0])?;
    let md = if follow { std::fs::metadata(&p) } else { std::fs::symlink_metadata(&p) };
    let md = md.map_err(|e| os_error(vm, &e, Some(&p), None))?;
    use std::os::unix::fs::MetadataExt;
    let ns = |s: i64, n: i64| s as i128 * 1_000_000_000 + n as i128;
    let f = |s: i64, n: i64| s as f64 + n as f64 * 1e-9;
    let big = |vm: &mut Vm, x: i128| vm.new_bigint(num_bigint::BigInt::from(x));
    let items = vec![
        Value::Int(md.mode() as i64),
        Value::Int(md.ino() as i64),
        Value::Int(md.dev() as i64),
        Value::Int(md.nlink() as i64),
        Value::Int(md.uid() as i64),
        Value::Int(md.gid() as i64),
        Value::Int(md.size() as i64),
        Value::Float(f(md.atime(), md.atime_nsec())),
        Value::Float(f(md.mtime(), md.mtime_nsec())),
        Value::Float(f(md.ctime(), md.ctime_nsec())),
        big(vm, ns(md.atime(), md.atime_nsec())),
        big(vm, ns(md.mtime(), md.mtime_nsec())),
        big(vm, ns(md.ctime(), md.ctime_nsec())),
    ];
    Ok(vm.new_tuple(items))
}

fn stat(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stat_impl(vm, "stat", args, true)
}

fn lstat(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    stat_impl(vm, "lstat", args, false)
}

fn readlink(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "readlink", args, 1, 1)?;
    let p = path_arg(vm, "readlink", args[0])?;
    let t = std::fs::read_link(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(vm.new_str(t.to_string_lossy().into_owned()))
}

fn symlink(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "symlink", args, 2, 3)?;
    let a = path_arg(vm, "symlink", args[0])?;
    let b = path_arg(vm, "symlink", args[1])?;
    std::os::unix::fs::symlink(&a, &b).map_err(|e| os_error(vm, &e, Some(&a), Some(&b)))?;
    Ok(Value::None)
}

fn access(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "access", args, 2, 2)?;
    let p = path_arg(vm, "access", args[0])?;
    let mode = vm.index_value(args[1])? as i32;
    let Ok(c) = std::ffi::CString::new(p) else { return Ok(Value::Bool(false)) };
    // SAFETY: `c` is a valid NUL-terminated path for the call's duration.
    let r = unsafe { libc::access(c.as_ptr(), mode) };
    Ok(Value::Bool(r == 0))
}

fn getpid(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn getppid(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // SAFETY: getppid has no preconditions.
    Ok(Value::Int(unsafe { libc::getppid() } as i64))
}

fn getuid(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // SAFETY: getuid has no preconditions.
    Ok(Value::Int(unsafe { libc::getuid() } as i64))
}

fn cpu_count(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(match std::thread::available_parallelism() {
        Ok(n) => Value::Int(n.get() as i64),
        Err(_) => Value::None,
    })
}

fn urandom(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "urandom", args, 1, 1)?;
    let n = vm.index_value(args[0])?;
    if n < 0 {
        return Err(vm.value_error("negative argument not allowed"));
    }
    let mut buf = vec![0u8; n as usize];
    use std::io::Read;
    std::fs::File::open("/dev/urandom").and_then(|mut f| f.read_exact(&mut buf)).map_err(|e| os_error(vm, &e, None, None))?;
    Ok(vm.new_bytes(buf))
}

fn strerror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "strerror", args, 1, 1)?;
    let code = vm.index_value(args[0])? as i32;
    Ok(vm.new_str(errno_text(code)))
}

fn putenv(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "putenv", args, 2, 2)?;
    let k = path_arg(vm, "putenv", args[0])?;
    let v = path_arg(vm, "putenv", args[1])?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    if k.contains('\0') || v.contains('\0') {
        return Err(vm.value_error("embedded null byte"));
    }
    std::env::set_var(k, v);
    Ok(Value::None)
}

fn unsetenv(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "unsetenv", args, 1, 1)?;
    let k = path_arg(vm, "unsetenv", args[0])?;
    if k.is_empty() || k.contains('=') {
        return Err(vm.value_error("illegal environment variable name"));
    }
    std::env::remove_var(k);
    Ok(Value::None)
}

/// The process environment as a new dict of str -> str.
fn environ(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = vm.new_dict();
    let dr = d.as_obj().expect("dict");
    for (k, v) in std::env::vars_os() {
        let k = vm.new_str(k.to_string_lossy().into_owned());
        let v = vm.new_str(v.to_string_lossy().into_owned());
        vm.dict_set_item(dr, k, v)?;
    }
    Ok(d)
}

fn exit_(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "_exit", args, 1, 1)?;
    let code = vm.index_value(args[0])? as i32;
    use std::io::Write;
    let _ = std::io::stdout().flush();
    std::process::exit(code)
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "isatty", args, 1, 1)?;
    let fd = vm.index_value(args[0])? as i32;
    // SAFETY: isatty accepts any integer and reports false for bad fds.
    Ok(Value::Bool(unsafe { libc::isatty(fd) } == 1))
}

fn system(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "system", args, 1, 1)?;
    let cmd = path_arg(vm, "system", args[0])?;
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let status = std::process::Command::new("/bin/sh").arg("-c").arg(&cmd).status();
    match status {
        Ok(s) => {
            use std::os::unix::process::ExitStatusExt;
            Ok(Value::Int(s.into_raw() as i64))
        }
        Err(e) => Err(os_error(vm, &e, None, None)),
    }
}

fn utime(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "utime", args, 1, 2)?;
    let p = path_arg(vm, "utime", args[0])?;
    let f = std::fs::OpenOptions::new().write(true).open(&p).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    let now = std::time::SystemTime::now();
    f.set_modified(now).map_err(|e| os_error(vm, &e, Some(&p), None))?;
    Ok(Value::None)
}
