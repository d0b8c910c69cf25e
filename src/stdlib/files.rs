//! File objects: `open()` for text and binary files, and the objects
//! behind `sys.stdout`, `sys.stderr` and `sys.stdin`.

use std::any::Any;
use std::io::{BufRead, Read, Write};

use crate::builtins::add_method;
use crate::builtins::args::{arity, kwarg};
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

pub enum Stream {
    Stdout,
    Stderr,
    Stdin,
    Read { data: Vec<u8>, pos: usize },
    Write { file: std::fs::File },
}

pub struct File {
    pub stream: Stream,
    pub name: String,
    pub mode: String,
    pub binary: bool,
    pub closed: bool,
}

impl NativeData for File {
    fn trace(&self, _out: &mut Vec<ObjRef>) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

thread_local! {
    static FILE_TYPE: std::cell::Cell<Option<ObjRef>> = const { std::cell::Cell::new(None) };
}

pub fn file_type(vm: &mut Vm) -> ObjRef {
    if let Some(t) = FILE_TYPE.with(|t| t.get()) {
        return t;
    }
    let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "TextIOWrapper", crate::runtime::class::Layout::Final);
    vm.ext.roots.push(Value::Obj(t));
    FILE_TYPE.with(|c| c.set(Some(t)));
    for (name, f) in [
        ("write", write as crate::runtime::function::NativeFn),
        ("writelines", writelines),
        ("read", read),
        ("readline", readline),
        ("readlines", readlines),
        ("close", close),
        ("flush", flush),
        ("fileno", fileno),
        ("isatty", isatty),
        ("__enter__", enter),
        ("__exit__", exit),
        ("__iter__", enter),
        ("__next__", next),
        ("__repr__", repr),
    ] {
        add_method(vm, t, "TextIOWrapper", name, f);
    }
    crate::builtins::add_getset(vm, t, "TextIOWrapper", "name", |vm, v| {
        let n = with_file(vm, v, |f| Ok(f.name.clone()))?;
        Ok(vm.new_str(n))
    }, None);
    crate::builtins::add_getset(vm, t, "TextIOWrapper", "mode", |vm, v| {
        let n = with_file(vm, v, |f| Ok(f.mode.clone()))?;
        Ok(vm.new_str(n))
    }, None);
    crate::builtins::add_getset(vm, t, "TextIOWrapper", "closed", |vm, v| Ok(Value::Bool(with_file(vm, v, |f| Ok(f.closed))?)), None);
    crate::builtins::add_getset(vm, t, "TextIOWrapper", "encoding", |vm, _v| Ok(vm.new_str("utf-8")), None);
    let m = vm.new_str("_io");
    crate::builtins::set_type_attr(vm, t, "__module__", m);
    t
}

pub fn new_file(vm: &mut Vm, f: File) -> Value {
    let t = file_type(vm);
    vm.alloc(t, ObjData::Native2(Box::new(f)))
}

fn with_file<T>(vm: &mut Vm, v: Value, f: impl FnOnce(&mut File) -> PyResult<T>) -> PyResult<T> {
    let file = match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<File>(),
        _ => None,
    };
    match file {
        Some(file) => f(file),
        None => Err(vm.type_error("descriptor requires a file object")),
    }
}

/// Which standard stream a file object is, if any.
pub fn std_stream(vm: &Vm, v: Value) -> Option<u8> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => match n.as_any().downcast_ref::<File>().map(|f| &f.stream) {
            Some(Stream::Stdout) => Some(1),
            Some(Stream::Stderr) => Some(2),
            Some(Stream::Stdin) => Some(0),
            _ => None,
        },
        _ => None,
    }
}

/// `io.UnsupportedOperation(msg)` (writing a file opened for reading).
#[cold]
fn unsupported(vm: &mut Vm, msg: &str) -> PyErr {
    let cls = match vm.import_module("io") {
        Ok(m) => {
            let n = vm.intern("UnsupportedOperation");
            match vm.get_attr(m, n) {
                Ok(c) => c,
                Err(e) => return e,
            }
        }
        Err(e) => return e,
    };
    let m = vm.new_str(msg);
    match vm.call_value(cls, &[m], &[]) {
        Ok(v) => crate::vm::PyErr(v.as_obj().expect("exception")),
        Err(e) => e,
    }
}

#[cold]
fn closed_error(vm: &mut Vm) -> PyErr {
    vm.value_error("I/O operation on closed file.")
}

fn os_error(vm: &mut Vm, e: &std::io::Error, path: &str) -> PyErr {
    let (cls, errno, msg) = match e.kind() {
        std::io::ErrorKind::NotFound => (vm.exc.file_not_found_error, 2, "No such file or directory"),
        std::io::ErrorKind::PermissionDenied => (vm.exc.permission_error, 13, "Permission denied"),
        std::io::ErrorKind::AlreadyExists => (vm.exc.file_exists_error, 17, "File exists"),
        _ => {
            if e.raw_os_error() == Some(21) {
                (vm.exc.is_a_directory_error, 21, "Is a directory")
            } else {
                (vm.exc.os_error, e.raw_os_error().unwrap_or(5) as i64, "Input/output error")
            }
        }
    };
    let m = vm.new_str(msg);
    let p = vm.new_str(path);
    match vm.call_value(Value::Obj(cls), &[Value::Int(errno), m, p], &[]) {
        Ok(v) => crate::vm::PyErr(v.as_obj().expect("exception")),
        Err(e) => e,
    }
}

pub fn open(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let path = args.first().copied().or_else(|| kwarg(vm, kw, "file")).unwrap_or(Value::None);
    let Some(path) = vm.str_of(path).map(|s| s.to_string()) else {
        let tn = vm.type_name(path);
        return Err(vm.type_error(format!("expected str, bytes or os.PathLike object, not {}", tn)));
    };
    let mode = args.get(1).copied().or_else(|| kwarg(vm, kw, "mode")).and_then(|m| vm.str_of(m).map(|s| s.to_string())).unwrap_or_else(|| "r".into());
    check_mode(vm, &mode)?;
    let binary = mode.contains('b');
    let newline = args.get(5).copied().or_else(|| kwarg(vm, kw, "newline")).unwrap_or(Value::None);
    if binary && !newline.is_none() {
        return Err(vm.value_error("binary mode doesn't take a newline argument"));
    }
    // Universal newlines (the default) turn \r\n and lone \r into \n on
    // reading; `newline=""` (or any explicit value) keeps the text as is.
    let translate = !binary && newline.is_none();
    let stream = if mode.contains('w') || mode.contains('a') || mode.contains('x') {
        let mut o = std::fs::OpenOptions::new();
        if mode.contains('a') {
            o.append(true).create(true);
        } else if mode.contains('x') {
            o.write(true).create_new(true);
        } else {
            o.write(true).create(true).truncate(true);
        }
        match o.open(&path) {
            Ok(file) => Stream::Write { file },
            Err(e) => return Err(os_error(vm, &e, &path)),
        }
    } else {
        match std::fs::read(&path) {
            Ok(data) if translate => Stream::Read { data: universal_newlines(data), pos: 0 },
            Ok(data) => Stream::Read { data, pos: 0 },
            Err(e) => return Err(os_error(vm, &e, &path)),
        }
    };
    Ok(new_file(vm, File { stream, name: path, mode, binary, closed: false }))
}

/// `open()`'s mode rules: letters from "rwxabt+", each at most once,
/// exactly one of r/w/x/a, not both text and binary.
fn check_mode(vm: &mut Vm, mode: &str) -> PyResult<()> {
    let mut seen = String::new();
    for c in mode.chars() {
        if !"rwxabt+".contains(c) || seen.contains(c) {
            let r = crate::builtins::repr::str_repr(mode);
            return Err(vm.value_error(format!("invalid mode: {}", r)));
        }
        seen.push(c);
    }
    if seen.contains('t') && seen.contains('b') {
        return Err(vm.value_error("can't have text and binary mode at once"));
    }
    let kinds = seen.chars().filter(|c| "rwxa".contains(*c)).count();
    if kinds > 1 {
        return Err(vm.value_error("must have exactly one of create/read/write/append mode"));
    }
    if kinds == 0 {
        return Err(vm.value_error("Must have exactly one of create/read/write/append mode and at most one plus"));
    }
    Ok(())
}

fn universal_newlines(data: Vec<u8>) -> Vec<u8> {
    if !data.contains(&b'\r') {
        return data;
    }
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        if data[i] == b'\r' {
            out.push(b'\n');
            if data.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
        } else {
            out.push(data[i]);
        }
        i += 1;
    }
    out
}

fn data_value(vm: &mut Vm, binary: bool, bytes: Vec<u8>) -> Value {
    if binary {
        vm.new_bytes(bytes)
    } else {
        vm.new_str(String::from_utf8_lossy(&bytes))
    }
}

fn write(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "write", args, 2, 2)?;
    let (text, n) = match vm.str_of(args[1]) {
        Some(s) => (s.as_bytes().to_vec(), s.chars().count()),
        None => match crate::builtins::bytes::bytes_of(vm, args[1]) {
            Some(b) => {
                let n = b.len();
                (b, n)
            }
            None => {
                let tn = vm.type_name(args[1]);
                return Err(vm.type_error(format!("write() argument must be str, not {}", tn)));
            }
        },
    };
    let which = std_stream(vm, args[0]);
    match which {
        Some(1) => vm.out.write_stdout(&String::from_utf8_lossy(&text)),
        Some(2) => vm.out.write_stderr(&String::from_utf8_lossy(&text)),
        _ => {
            let r = with_file(vm, args[0], |f| {
                if f.closed {
                    return Ok(Err(false));
                }
                match &mut f.stream {
                    Stream::Write { file } => {
                        let _ = file.write_all(&text);
                        Ok(Ok(()))
                    }
                    _ => Ok(Err(true)),
                }
            })?;
            match r {
                Ok(()) => {}
                Err(false) => return Err(closed_error(vm)),
                Err(true) => return Err(unsupported(vm, "not writable")),
            }
        }
    }
    Ok(Value::Int(n as i64))
}

fn writelines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let items = vm.collect_iterable(args[1])?;
    for it in items {
        write(vm, &[args[0], it], &[])?;
    }
    Ok(Value::None)
}

fn read_all(vm: &mut Vm, v: Value) -> PyResult<(Vec<u8>, bool)> {
    if std_stream(vm, v) == Some(0) {
        let mut s = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut s);
        return Ok((universal_newlines(s), false));
    }
    let r = with_file(vm, v, |f| {
        if f.closed {
            return Ok(None);
        }
        Ok(match &mut f.stream {
            Stream::Read { data, pos } => {
                let out = data[*pos..].to_vec();
                *pos = data.len();
                Some((out, f.binary))
            }
            _ => Some((Vec::new(), f.binary)),
        })
    })?;
    r.ok_or(()).or_else(|_| Err(closed_error(vm)))
}

fn read(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let n = match args.get(1) {
        Some(&v) if !v.is_none() => vm.index_value(v)?,
        _ => -1,
    };
    if n >= 0 {
        let r = with_file(vm, args[0], |f| {
            Ok(match &mut f.stream {
                Stream::Read { data, pos } => {
                    let text = if f.binary { None } else { Some(String::from_utf8_lossy(&data[*pos..]).to_string()) };
                    match text {
                        Some(t) => {
                            let chunk: String = t.chars().take(n as usize).collect();
                            *pos += chunk.len();
                            Some((chunk.into_bytes(), false))
                        }
                        None => {
                            let end = (*pos + n as usize).min(data.len());
                            let out = data[*pos..end].to_vec();
                            *pos = end;
                            Some((out, true))
                        }
                    }
                }
                _ => None,
            })
        })?;
        if let Some((b, bin)) = r {
            return Ok(data_value(vm, bin, b));
        }
    }
    let (b, bin) = read_all(vm, args[0])?;
    Ok(data_value(vm, bin, b))
}

fn read_line(vm: &mut Vm, v: Value) -> PyResult<Option<(Vec<u8>, bool)>> {
    if std_stream(vm, v) == Some(0) {
        let mut s = String::new();
        let n = std::io::stdin().lock().read_line(&mut s).unwrap_or(0);
        return Ok(if n == 0 { None } else { Some((s.into_bytes(), false)) });
    }
    let r = with_file(vm, v, |f| {
        if f.closed {
            return Ok(Err(()));
        }
        Ok(Ok(match &mut f.stream {
            Stream::Read { data, pos } => {
                if *pos >= data.len() {
                    None
                } else {
                    let end = data[*pos..].iter().position(|&b| b == b'\n').map(|i| *pos + i + 1).unwrap_or(data.len());
                    let out = data[*pos..end].to_vec();
                    *pos = end;
                    Some((out, f.binary))
                }
            }
            _ => None,
        }))
    })?;
    r.or_else(|_| Err(closed_error(vm)))
}

fn readline(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match read_line(vm, args[0])? {
        Some((b, bin)) => Ok(data_value(vm, bin, b)),
        None => {
            let bin = with_file(vm, args[0], |f| Ok(f.binary)).unwrap_or(false);
            Ok(data_value(vm, bin, Vec::new()))
        }
    }
}

fn readlines(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let mut out = Vec::new();
    while let Some((b, bin)) = read_line(vm, args[0])? {
        out.push(data_value(vm, bin, b));
    }
    Ok(vm.new_list(out))
}

fn next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match read_line(vm, args[0])? {
        Some((b, bin)) => Ok(data_value(vm, bin, b)),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if std_stream(vm, args[0]).is_some() {
        return Ok(Value::None);
    }
    with_file(vm, args[0], |f| {
        f.closed = true;
        if let Stream::Write { file } = &mut f.stream {
            let _ = file.flush();
        }
        Ok(())
    })?;
    Ok(Value::None)
}

fn flush(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    match std_stream(vm, args[0]) {
        Some(1) => vm.out.flush_stdout(),
        Some(2) => {}
        _ => {
            with_file(vm, args[0], |f| {
                if let Stream::Write { file } = &mut f.stream {
                    let _ = file.flush();
                }
                Ok(())
            })?;
        }
    }
    Ok(Value::None)
}

fn fileno(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(std_stream(vm, args[0]).map(|s| s as i64).unwrap_or(3)))
}

fn isatty(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    use std::io::IsTerminal;
    Ok(Value::Bool(match std_stream(vm, args[0]) {
        Some(0) => std::io::stdin().is_terminal(),
        Some(1) => std::io::stdout().is_terminal(),
        Some(2) => std::io::stderr().is_terminal(),
        _ => false,
    }))
}

fn enter(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn exit(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    close(vm, &args[..1], &[])?;
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (name, mode) = with_file(vm, args[0], |f| Ok((f.name.clone(), f.mode.clone())))?;
    Ok(vm.new_str(format!("<_io.TextIOWrapper name='{}' mode='{}' encoding='utf-8'>", name, mode)))
}
