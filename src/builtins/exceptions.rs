//! Methods and attributes of the exception hierarchy: `args`, `str()`,
//! chaining attributes, `with_traceback`, `add_note`, the special cases
//! (`KeyError`, `StopIteration.value`, `SystemExit.code`, `OSError`),
//! and `BaseExceptionGroup`/`ExceptionGroup` with `split`/`subgroup`.

use crate::builtins::args::arity;
use crate::builtins::{add_getset, add_method, add_native, Kind};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let be = vm.exc.base_exception;
    add_native(vm, be, "BaseException", "__new__", exc_new, Kind::Static);
    add_method(vm, be, "BaseException", "__init__", exc_init);
    add_method(vm, be, "BaseException", "__str__", exc_str);
    add_method(vm, be, "BaseException", "__repr__", exc_repr);
    add_method(vm, be, "BaseException", "with_traceback", with_traceback);
    add_method(vm, be, "BaseException", "add_note", add_note);
    add_method(vm, be, "BaseException", "__reduce__", exc_reduce);
    add_getset(vm, be, "BaseException", "args", get_args, Some(set_args));
    add_getset(vm, be, "BaseException", "__traceback__", get_traceback, Some(set_traceback));
    add_getset(vm, be, "BaseException", "__cause__", get_cause, Some(set_cause));
    add_getset(vm, be, "BaseException", "__context__", get_context, Some(set_context));
    add_getset(vm, be, "BaseException", "__suppress_context__", get_suppress, Some(set_suppress));
    add_getset(vm, be, "BaseException", "__dict__", get_dict, None);

    // Keyword-only attributes (`AttributeError(msg, name=..., obj=...)`):
    // None on the class until an instance sets its own, so exceptions the
    // VM raises without running `__init__` read as CPython's do.
    let keyword_attrs: [(ObjRef, &'static str, &'static [&'static str]); 3] = [
        (vm.exc.attribute_error, "AttributeError", &["name", "obj"]),
        (vm.exc.name_error, "NameError", &["name"]),
        (vm.exc.import_error, "ImportError", &["name", "path", "msg"]),
    ];
    for (cls, owner, names) in keyword_attrs {
        for &n in names {
            crate::builtins::set_type_attr(vm, cls, n, Value::None);
        }
        add_method(vm, cls, owner, "__init__", keyword_attrs_init);
    }

    let ke = vm.exc.key_error;
    add_method(vm, ke, "KeyError", "__str__", key_error_str);
    let si = vm.exc.stop_iteration;
    add_getset(vm, si, "StopIteration", "value", first_arg, None);
    let se = vm.exc.system_exit;
    add_getset(vm, se, "SystemExit", "code", system_exit_code, None);
    let oe = vm.exc.os_error;
    add_native(vm, oe, "OSError", "__new__", os_error_new, Kind::Static);
    add_method(vm, oe, "OSError", "__init__", os_error_init);
    add_method(vm, oe, "OSError", "__str__", os_error_str);

    let beg = vm.exc.base_exception_group;
    add_native(vm, beg, "BaseExceptionGroup", "__new__", eg_new, Kind::Static);
    add_method(vm, beg, "BaseExceptionGroup", "__init__", eg_init);
    add_method(vm, beg, "BaseExceptionGroup", "__str__", eg_str);
    add_method(vm, beg, "BaseExceptionGroup", "split", eg_split);
    add_method(vm, beg, "BaseExceptionGroup", "subgroup", eg_subgroup);
    add_method(vm, beg, "BaseExceptionGroup", "derive", eg_derive);
    add_getset(vm, beg, "BaseExceptionGroup", "message", eg_message, None);
    add_getset(vm, beg, "BaseExceptionGroup", "exceptions", eg_exceptions, None);
    add_native(vm, beg, "BaseExceptionGroup", "__class_getitem__", class_getitem_alias, Kind::Class);
    // ExceptionGroup(BaseExceptionGroup, Exception).
    let eg = vm.exc.exception_group;
    let exc = vm.exc.exception;
    let mro = vec![eg, beg, exc, be, vm.types.object];
    if let ObjData::Type(t) = vm.heap.data_mut(eg) {
        t.bases = vec![beg, exc];
        t.mro = mro;
    }
    if let ObjData::Type(t) = vm.heap.data_mut(exc) {
        t.subclasses.push(eg);
    }
}

fn class_getitem_alias(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    crate::builtins::types::generic_alias(vm, args[0], args.get(1).copied().unwrap_or(Value::None))
}

fn exc_ref(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Exception(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("descriptor requires a 'BaseException' object but received '{}'", tn)))
        }
    }
}

fn exc_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(&c) = args.first() else {
        return Err(vm.type_error("BaseException.__new__(): not enough arguments"));
    };
    let Some(cls) = c.as_obj() else {
        return Err(vm.type_error("BaseException.__new__(X): X is not a type object"));
    };
    let inst = vm.new_instance(cls);
    let a = vm.new_tuple(args[1..].to_vec());
    if let Some(ObjData::Exception(e)) = inst.as_obj().map(|r| vm.heap.data_mut(r)) {
        e.args = a;
    }
    Ok(inst)
}

fn exc_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let a = vm.new_tuple(args[1..].to_vec());
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.args = a;
    }
    Ok(Value::None)
}

/// `__init__` of AttributeError, NameError and ImportError: `args` as
/// BaseException's, then the class's keyword-only attributes (ImportError's
/// `msg` is its only positional argument, if it has exactly one).
fn keyword_attrs_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let (ae, ne) = (vm.exc.attribute_error, vm.exc.name_error);
    let (owner, names): (&str, &[&str]) = if vm.is_subtype(vm.heap.class_of_obj(r), ae) {
        ("AttributeError", &["name", "obj"])
    } else if vm.is_subtype(vm.heap.class_of_obj(r), ne) {
        ("NameError", &["name"])
    } else {
        ("ImportError", &["name", "path"])
    };
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if !names.contains(&k.as_str()) {
            return Err(vm.type_error(format!("'{}' is an invalid keyword argument for {}()", k, owner)));
        }
    }
    exc_init(vm, args, &[])?;
    for &n in names {
        let v = crate::builtins::args::kwarg(vm, kw, n).unwrap_or(Value::None);
        vm.set_exc_attr(r, n, v);
    }
    if owner == "ImportError" {
        let msg = if args.len() == 2 { args[1] } else { Value::None };
        vm.set_exc_attr(r, "msg", msg);
    }
    Ok(Value::None)
}

pub fn exc_args(vm: &Vm, r: ObjRef) -> Vec<Value> {
    let args = match vm.heap.data(r) {
        ObjData::Exception(e) => e.args,
        _ => Value::None,
    };
    match args.as_obj().map(|a| vm.heap.data(a)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    }
}

fn exc_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let a = exc_args(vm, r);
    match a.len() {
        0 => Ok(vm.new_str("")),
        1 => vm.to_str_value(a[0]),
        _ => {
            let t = vm.new_tuple(a);
            let s = vm.to_repr_string(t)?;
            Ok(vm.new_str(s))
        }
    }
}

fn exc_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let s = crate::builtins::repr::builtin_repr(vm, r)?.unwrap_or_default();
    Ok(vm.new_str(s))
}

fn key_error_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let a = exc_args(vm, r);
    if a.len() == 1 {
        let s = vm.to_repr_string(a[0])?;
        return Ok(vm.new_str(s));
    }
    exc_str(vm, args, &[])
}

fn first_arg(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    Ok(exc_args(vm, r).first().copied().unwrap_or(Value::None))
}

/// `SystemExit.code`: None, the single argument, or the whole args tuple.
fn system_exit_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    let a = exc_args(vm, r);
    Ok(match a.len() {
        0 => Value::None,
        1 => a[0],
        _ => vm.new_tuple(a),
    })
}

/// The OSError subclass CPython picks for an errno (`OSError(2, ...)`
/// constructs a FileNotFoundError).
pub fn os_error_class_for(vm: &Vm, errno: i64) -> Option<ObjRef> {
    let e = &vm.exc;
    let c = match errno as i32 {
        libc::EAGAIN | libc::EALREADY | libc::EINPROGRESS => e.blocking_io_error,
        libc::ECHILD => e.child_process_error,
        libc::EPIPE | libc::ESHUTDOWN => e.broken_pipe_error,
        libc::ECONNABORTED => e.connection_aborted_error,
        libc::ECONNREFUSED => e.connection_refused_error,
        libc::ECONNRESET => e.connection_reset_error,
        libc::EEXIST => e.file_exists_error,
        libc::ENOENT => e.file_not_found_error,
        libc::EISDIR => e.is_a_directory_error,
        libc::ENOTDIR => e.not_a_directory_error,
        libc::EINTR => e.interrupted_error,
        libc::EACCES | libc::EPERM => e.permission_error,
        libc::ESRCH => e.process_lookup_error,
        libc::ETIMEDOUT => e.timeout_error,
        _ => return None,
    };
    Some(c)
}

fn os_error_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let mut args = args.to_vec();
    // Only `OSError(errno, strerror, ...)` itself is remapped; subclasses keep their class.
    if args.first().and_then(|c| c.as_obj()) == Some(vm.exc.os_error) && (3..=6).contains(&args.len()) {
        if let Value::Int(n) = args[1] {
            if let Some(c) = os_error_class_for(vm, n) {
                args[0] = Value::Obj(c);
            }
        }
    }
    exc_new(vm, &args, kw)
}

fn os_error_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    exc_init(vm, args, kw)?;
    let r = exc_ref(vm, args[0])?;
    let a = &args[1..];
    let names = ["errno", "strerror", "filename", "winerror", "filename2"];
    for (i, n) in names.iter().enumerate() {
        // errno & co. are only parsed from the 2..=5 argument forms.
        let v = if (2..=5).contains(&a.len()) { a.get(i).copied().unwrap_or(Value::None) } else { Value::None };
        if *n != "winerror" {
            let _ = vm.set_exc_attr(r, n, v);
        }
    }
    // With a filename, CPython keeps only (errno, strerror) in args.
    if (3..=5).contains(&a.len()) && !a[2].is_none() {
        let t = vm.new_tuple(a[..2].to_vec());
        if let ObjData::Exception(e) = vm.heap.data_mut(r) {
            e.args = t;
        }
    }
    Ok(Value::None)
}

fn exc_attr(vm: &mut Vm, r: ObjRef, name: &str) -> Value {
    let dict = match vm.heap.data(r) {
        ObjData::Exception(e) => e.dict,
        _ => None,
    };
    let key = vm.intern(name);
    dict.and_then(|d| vm.dict_get_str(d, key)).unwrap_or(Value::None)
}

fn os_error_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let (errno, strerror) = (exc_attr(vm, r, "errno"), exc_attr(vm, r, "strerror"));
    let (f, f2) = (exc_attr(vm, r, "filename"), exc_attr(vm, r, "filename2"));
    if !f.is_none() {
        let (en, msg, fr) = (vm.to_str_string(errno)?, vm.to_str_string(strerror)?, vm.to_repr_string(f)?);
        if !f2.is_none() {
            let fr2 = vm.to_repr_string(f2)?;
            return Ok(vm.new_str(format!("[Errno {}] {}: {} -> {}", en, msg, fr, fr2)));
        }
        return Ok(vm.new_str(format!("[Errno {}] {}: {}", en, msg, fr)));
    }
    if !errno.is_none() && !strerror.is_none() {
        let (en, msg) = (vm.to_str_string(errno)?, vm.to_str_string(strerror)?);
        return Ok(vm.new_str(format!("[Errno {}] {}", en, msg)));
    }
    exc_str(vm, args, &[])
}

fn with_traceback(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "with_traceback", args, 2, 2)?;
    Ok(args[0])
}

fn add_note(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "add_note", args, 2, 2)?;
    let r = exc_ref(vm, args[0])?;
    if vm.str_of(args[1]).is_none() {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("note must be a str, not '{}'", tn)));
    }
    let notes = vm.intern("__notes__");
    let cur = vm.get_attr_opt(args[0], notes)?;
    let list = match cur {
        Some(l) => l,
        None => {
            let l = vm.new_list(vec![]);
            let _ = vm.set_exc_attr(r, "__notes__", l);
            l
        }
    };
    if let Some(ObjData::List(items)) = list.as_obj().map(|l| vm.heap.data_mut(l)) {
        items.push(args[1]);
    }
    Ok(Value::None)
}

fn exc_reduce(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let r = exc_ref(vm, args[0])?;
    let a = exc_args(vm, r);
    let cls = Value::Obj(vm.type_of(args[0]));
    let t = vm.new_tuple(a);
    Ok(vm.new_tuple(vec![cls, t]))
}

fn get_args(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Exception(e) => e.args,
        _ => Value::None,
    })
}

fn set_args(vm: &mut Vm, v: Value, a: Value) -> PyResult<()> {
    let r = exc_ref(vm, v)?;
    let items = vm.collect_iterable(a)?;
    let t = vm.new_tuple(items);
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.args = t;
    }
    Ok(())
}

/// `exc.__traceback__`: a chain of traceback objects, outermost first.
pub fn traceback_of(vm: &mut Vm, exc: Value) -> Value {
    let Some(r) = exc.as_obj() else { return Value::None };
    let entries = match vm.heap.data(r) {
        ObjData::Exception(e) => e.traceback.clone(),
        _ => return Value::None,
    };
    let mut next = Value::None;
    // Stored innermost-first; build the chain from the innermost.
    for entry in entries.iter() {
        let cls = vm.types.traceback;
        let tb = vm.new_instance(cls);
        let d = tb.as_obj().and_then(|t| vm.instance_dict(t)).expect("instance dict");
        let k = vm.intern("tb_lineno");
        vm.dict_set_str(d, k, Value::Int(entry.line as i64));
        let k = vm.intern("tb_next");
        vm.dict_set_str(d, k, next);
        // A frame summary: the code and line (the live frame is gone).
        let fcls = vm.types.frame;
        let frame = vm.new_instance(fcls);
        let fd = frame.as_obj().and_then(|f| vm.instance_dict(f)).expect("instance dict");
        let ccls = vm.types.code;
        let code = vm.alloc(ccls, ObjData::Code(entry.code.clone()));
        let k = vm.intern("f_code");
        vm.dict_set_str(fd, k, code);
        let k = vm.intern("f_lineno");
        vm.dict_set_str(fd, k, Value::Int(entry.line as i64));
        let k = vm.intern("f_back");
        vm.dict_set_str(fd, k, Value::None);
        let k = vm.intern("tb_frame");
        vm.dict_set_str(d, k, frame);
        let name = vm.new_str(entry.code.name.as_str());
        let k = vm.intern("_code_name");
        vm.dict_set_str(d, k, name);
        let file = vm.new_str(entry.code.source.name.as_str());
        let k = vm.intern("_filename");
        vm.dict_set_str(d, k, file);
        next = tb;
    }
    next
}

fn get_traceback(vm: &mut Vm, v: Value) -> PyResult<Value> {
    exc_ref(vm, v)?;
    Ok(traceback_of(vm, v))
}

fn set_traceback(vm: &mut Vm, v: Value, tb: Value) -> PyResult<()> {
    let r = exc_ref(vm, v)?;
    if tb.is_none() {
        if let ObjData::Exception(e) = vm.heap.data_mut(r) {
            e.traceback.clear();
        }
    }
    Ok(())
}

fn get_cause(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Exception(e) => e.cause,
        _ => Value::None,
    })
}

fn set_cause(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    let r = exc_ref(vm, v)?;
    let base = vm.exc.base_exception;
    if !c.is_none() && !vm.is_instance_of(c, base) {
        return Err(vm.type_error("exception cause must be None or derive from BaseException"));
    }
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.cause = c;
        e.suppress_context = true;
    }
    Ok(())
}

fn get_context(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Exception(e) => e.context,
        _ => Value::None,
    })
}

fn set_context(vm: &mut Vm, v: Value, c: Value) -> PyResult<()> {
    let r = exc_ref(vm, v)?;
    let base = vm.exc.base_exception;
    if !c.is_none() && !vm.is_instance_of(c, base) {
        return Err(vm.type_error("exception context must be None or derive from BaseException"));
    }
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.context = c;
    }
    Ok(())
}

fn get_suppress(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Exception(e) => Value::Bool(e.suppress_context),
        _ => Value::Bool(false),
    })
}

fn set_suppress(vm: &mut Vm, v: Value, s: Value) -> PyResult<()> {
    let r = exc_ref(vm, v)?;
    let b = vm.truthy(s)?;
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.suppress_context = b;
    }
    Ok(())
}

fn get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = exc_ref(vm, v)?;
    if let Some(d) = vm.instance_dict(r) {
        return Ok(Value::Obj(d));
    }
    let d = vm.new_dict_ref();
    if let ObjData::Exception(e) = vm.heap.data_mut(r) {
        e.dict = Some(d);
    }
    Ok(Value::Obj(d))
}

// ---- exception groups ----

fn eg_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() != 3 {
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", args.len().saturating_sub(1))));
    }
    let Some(mut cls) = args[0].as_obj() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    if vm.str_of(args[1]).is_none() {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("BaseExceptionGroup.__new__() argument 1 must be str, not {}", tn)));
    }
    let excs = match vm.collect_iterable(args[2]) {
        Ok(e) if !matches!(args[2].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Set(_) | ObjData::Dict(_))) => e,
        _ => return Err(vm.type_error("second argument (exceptions) must be a sequence")),
    };
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let be = vm.exc.base_exception;
    let exc = vm.exc.exception;
    let mut all_exceptions = true;
    for (i, &e) in excs.iter().enumerate() {
        if !vm.is_instance_of(e, be) {
            return Err(vm.value_error(format!("Item {} of second argument (exceptions) is not an exception", i)));
        }
        if !vm.is_instance_of(e, exc) {
            all_exceptions = false;
        }
    }
    let beg = vm.exc.base_exception_group;
    let eg = vm.exc.exception_group;
    if cls == beg {
        if all_exceptions {
            cls = eg;
        }
    } else if vm.is_subtype(cls, eg) && !all_exceptions {
        return Err(vm.type_error("Cannot nest BaseExceptions in an ExceptionGroup"));
    } else if !vm.is_subtype(cls, exc) && !all_exceptions {
        // A user subclass of BaseExceptionGroup: fine.
    } else if !vm.is_subtype(cls, exc) && all_exceptions {
        // fine too
    } else if !all_exceptions {
        let n = vm.type_name(Value::Obj(cls));
        return Err(vm.type_error(format!("Cannot nest BaseExceptions in '{}'", n)));
    }
    let inst = vm.new_instance(cls);
    // `args` keeps the sequence as given (its repr shows a list when a
    // list was passed); `exceptions` is always a tuple.
    let a = vm.new_tuple(vec![args[1], args[2]]);
    if let Some(ObjData::Exception(e)) = inst.as_obj().map(|r| vm.heap.data_mut(r)) {
        e.args = a;
    }
    Ok(inst)
}

fn eg_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn eg_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Vec<Value>)> {
    let r = exc_ref(vm, v)?;
    let a = exc_args(vm, r);
    let msg = a.first().copied().unwrap_or(Value::None);
    let excs = match a.get(1) {
        Some(&t) => vm.collect_iterable(t)?,
        None => Vec::new(),
    };
    Ok((msg, excs))
}

fn eg_message(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(eg_parts(vm, v)?.0)
}

fn eg_exceptions(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, e) = eg_parts(vm, v)?;
    Ok(vm.new_tuple(e))
}

fn eg_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (msg, excs) = eg_parts(vm, args[0])?;
    let m = vm.to_str_string(msg)?;
    let n = excs.len();
    Ok(vm.new_str(format!("{} ({} sub-exception{})", m, n, if n == 1 { "" } else { "s" })))
}

fn eg_derive(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "derive", args, 2, 2)?;
    let (msg, _) = eg_parts(vm, args[0])?;
    let beg = vm.exc.base_exception_group;
    vm.call_value(Value::Obj(beg), &[msg, args[1]], &[])
}

/// Does leaf exception `e` match the condition (a type, tuple of types,
/// or predicate)?
fn eg_condition(vm: &mut Vm, e: Value, cond: Value) -> PyResult<bool> {
    match cond.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(_)) | Some(ObjData::Tuple(_)) => vm.exception_matches(e, cond),
        _ => {
            let r = vm.call_value(cond, &[e], &[])?;
            vm.truthy(r)
        }
    }
}

/// Split a group: (matching part, rest), each None if empty. Keeps the
/// nesting structure, copying metadata to derived groups.
fn split_rec(vm: &mut Vm, eg: Value, cond: Value) -> PyResult<(Value, Value)> {
    if eg_condition(vm, eg, cond)? {
        return Ok((eg, Value::None));
    }
    let beg = vm.exc.base_exception_group;
    if !vm.is_instance_of(eg, beg) {
        return Ok((Value::None, eg));
    }
    let (_, excs) = eg_parts(vm, eg)?;
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in excs {
        let (m, r) = split_rec(vm, e, cond)?;
        if !m.is_none() {
            matched.push(m);
        }
        if !r.is_none() {
            rest.push(r);
        }
    }
    let derive = |vm: &mut Vm, items: Vec<Value>| -> PyResult<Value> {
        if items.is_empty() {
            return Ok(Value::None);
        }
        let l = vm.new_list(items);
        let d = vm.call_method(eg, "derive", &[l])?;
        copy_metadata(vm, eg, d);
        Ok(d)
    };
    let m = derive(vm, matched)?;
    let r = derive(vm, rest)?;
    Ok((m, r))
}

fn copy_metadata(vm: &mut Vm, from: Value, to: Value) {
    let (Some(f), Some(t)) = (from.as_obj(), to.as_obj()) else { return };
    let (cause, context, tb, supp) = match vm.heap.data(f) {
        ObjData::Exception(e) => (e.cause, e.context, e.traceback.clone(), e.suppress_context),
        _ => return,
    };
    if let ObjData::Exception(e) = vm.heap.data_mut(t) {
        e.cause = cause;
        e.context = context;
        e.traceback = tb;
        e.suppress_context = supp;
    }
    // `__notes__` goes across as a copy of the list.
    let nk = vm.intern("__notes__");
    if let Some(notes) = vm.instance_dict(f).and_then(|d| vm.dict_get_str(d, nk)) {
        let items = match notes.as_obj().map(|r| vm.heap.data(r)) {
            Some(ObjData::List(l)) => Some(l.clone()),
            _ => None,
        };
        let copy = match items {
            Some(items) => vm.new_list(items),
            None => notes,
        };
        let _ = vm.set_exc_attr(t, "__notes__", copy);
    }
}

fn eg_split(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "split", args, 2, 2)?;
    let (m, r) = split_rec(vm, args[0], args[1])?;
    Ok(vm.new_tuple(vec![m, r]))
}

fn eg_subgroup(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "subgroup", args, 2, 2)?;
    let (m, _) = split_rec(vm, args[0], args[1])?;
    Ok(m)
}
