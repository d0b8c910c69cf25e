//! The remaining built-in types: functions and methods, property,
//! staticmethod, classmethod, generators/coroutines, modules, cells, code
//! objects, None/NotImplemented/Ellipsis, mappingproxy, and the typing
//! helpers `list[int]` (GenericAlias) and `int | None` (UnionType).

use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_getset, add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::function::NativeKind;
use crate::runtime::generator::{GenKind, GenState};
use crate::runtime::iter::ViewKind;
use crate::runtime::object::{ObjData, Property};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::generator::GenResult;
use crate::vm::{KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let f = vm.types.function;
    add_method(vm, f, "function", "__get__", function_get);
    add_method(vm, f, "function", "__call__", function_call);
    for (name, get, set) in [
        ("__name__", fn_get_name as crate::runtime::object::GetterFn, Some(fn_set_name as crate::runtime::object::SetterFn)),
        ("__qualname__", fn_get_qualname, Some(fn_set_qualname)),
        ("__doc__", fn_get_doc, Some(fn_set_doc)),
        ("__module__", fn_get_module, Some(fn_set_module)),
        ("__dict__", fn_get_dict, None),
        ("__defaults__", fn_get_defaults, Some(fn_set_defaults)),
        ("__kwdefaults__", fn_get_kwdefaults, None),
        ("__code__", fn_get_code, Some(fn_set_code)),
        ("__globals__", fn_get_globals, None),
        ("__closure__", fn_get_closure, None),
        ("__annotations__", fn_get_annotations, Some(fn_set_annotations)),
    ] {
        add_getset(vm, f, "function", name, get, set);
    }

    let m = vm.types.method;
    add_getset(vm, m, "method", "__self__", method_self, None);
    add_getset(vm, m, "method", "__func__", method_func, None);
    add_getset(vm, m, "method", "__doc__", method_doc, None);
    add_native(vm, m, "method", "__new__", method_new, Kind::Static);
    // Callable built-in types expose `__call__` like CPython's do (ABCs
    // such as `Callable` look for it in the type's namespace).
    for (t, owner) in [(vm.types.function, "function"), (vm.types.builtin_function, "builtin_function_or_method"), (vm.types.method, "method"), (vm.types.method_descriptor, "method_descriptor")] {
        add_method(vm, t, owner, "__call__", call_self);
    }
    add_method(vm, m, "method", "__getattribute__", method_getattribute);
    add_method(vm, m, "method", "__eq__", method_eq);
    add_method(vm, m, "method", "__hash__", method_hash);

    let b = vm.types.builtin_function;
    add_getset(vm, b, "builtin_function_or_method", "__name__", native_name, None);
    add_getset(vm, b, "builtin_function_or_method", "__qualname__", native_qualname, None);
    add_getset(vm, b, "builtin_function_or_method", "__self__", native_self, None);
    add_getset(vm, b, "builtin_function_or_method", "__doc__", native_doc, None);
    add_getset(vm, b, "builtin_function_or_method", "__module__", native_module, None);
    let md = vm.types.method_descriptor;
    add_getset(vm, md, "method_descriptor", "__name__", native_name, None);
    add_getset(vm, md, "method_descriptor", "__qualname__", native_qualname, None);
    add_getset(vm, md, "method_descriptor", "__doc__", native_doc, None);
    add_method(vm, md, "method_descriptor", "__get__", method_descriptor_get);

    let p = vm.types.property;
    add_native(vm, p, "property", "__new__", property_new, Kind::Static);
    add_method(vm, p, "property", "__init__", property_init);
    add_method(vm, p, "property", "getter", property_getter);
    add_method(vm, p, "property", "setter", property_setter);
    add_method(vm, p, "property", "deleter", property_deleter);
    add_method(vm, p, "property", "__get__", property_get);
    add_method(vm, p, "property", "__set__", property_set);
    add_getset(vm, p, "property", "fget", prop_fget, None);
    add_getset(vm, p, "property", "fset", prop_fset, None);
    add_getset(vm, p, "property", "fdel", prop_fdel, None);
    add_getset(vm, p, "property", "__doc__", prop_doc, None);
    add_getset(vm, p, "property", "__isabstractmethod__", prop_isabstract, None);
    // Subclassable (`class cached(property)`): instances keep the payload
    // that `__new__` builds.
    set_layout(vm, p, Layout::Native);

    for (t, name) in [(vm.types.staticmethod, "staticmethod"), (vm.types.classmethod, "classmethod")] {
        add_native(vm, t, name_static(name), "__new__", wrapper_new, Kind::Static);
        add_method(vm, t, name_static(name), "__init__", wrapper_init);
        add_method(vm, t, name_static(name), "__get__", wrapper_get);
        add_getset(vm, t, name_static(name), "__func__", wrapper_func, None);
        add_getset(vm, t, name_static(name), "__wrapped__", wrapper_func, None);
        add_getset(vm, t, name_static(name), "__isabstractmethod__", wrapper_isabstract, None);
        set_layout(vm, t, Layout::Native);
    }
    let sm = vm.types.staticmethod;
    add_method(vm, sm, "staticmethod", "__call__", staticmethod_call);

    for (t, owner) in [(vm.types.generator, "generator"), (vm.types.coroutine, "coroutine")] {
        add_method(vm, t, owner, "send", gen_send);
        add_method(vm, t, owner, "throw", gen_throw);
        add_method(vm, t, owner, "close", gen_close);
        add_getset(vm, t, owner, "__name__", gen_name, None);
        add_getset(vm, t, owner, "__qualname__", gen_qualname, None);
    }
    let g = vm.types.generator;
    add_method(vm, g, "generator", "__iter__", identity);
    add_method(vm, g, "generator", "__next__", gen_next);
    add_getset(vm, g, "generator", "gi_running", gen_running, None);
    add_getset(vm, g, "generator", "gi_suspended", gen_suspended, None);
    add_getset(vm, g, "generator", "gi_frame", gen_frame, None);
    add_getset(vm, g, "generator", "gi_code", gen_code, None);
    add_getset(vm, g, "generator", "gi_yieldfrom", gen_yieldfrom, None);
    let c = vm.types.coroutine;
    add_method(vm, c, "coroutine", "__await__", coro_await);
    add_getset(vm, c, "coroutine", "cr_running", gen_running, None);
    add_getset(vm, c, "coroutine", "cr_suspended", gen_suspended, None);
    add_getset(vm, c, "coroutine", "cr_frame", gen_frame, None);
    add_getset(vm, c, "coroutine", "cr_code", gen_code, None);
    add_getset(vm, c, "coroutine", "cr_await", gen_yieldfrom, None);
    let ag = vm.types.async_generator;
    add_getset(vm, ag, "async_generator", "__name__", gen_name, None);
    add_getset(vm, ag, "async_generator", "__qualname__", gen_qualname, None);
    add_getset(vm, ag, "async_generator", "ag_running", gen_running, None);
    add_getset(vm, ag, "async_generator", "ag_frame", gen_frame, None);
    add_getset(vm, ag, "async_generator", "ag_code", gen_code, None);

    let module = vm.types.module;
    add_native(vm, module, "module", "__new__", module_new, Kind::Static);
    add_method(vm, module, "module", "__init__", module_init);
    add_getset(vm, module, "module", "__dict__", module_dict, None);

    let none = vm.types.none_type;
    add_method(vm, none, "NoneType", "__repr__", none_repr);
    add_method(vm, none, "NoneType", "__bool__", false_fn);
    add_native(vm, none, "NoneType", "__new__", none_new, Kind::Static);
    let ni = vm.types.not_implemented_type;
    add_method(vm, ni, "NotImplementedType", "__repr__", ni_repr);
    add_native(vm, ni, "NotImplementedType", "__new__", ni_new, Kind::Static);
    let el = vm.types.ellipsis_type;
    add_method(vm, el, "ellipsis", "__repr__", ellipsis_repr);
    add_native(vm, el, "ellipsis", "__new__", ellipsis_new, Kind::Static);

    let cell = vm.types.cell;
    add_getset(vm, cell, "cell", "cell_contents", cell_contents, None);
    let code = vm.types.code;
    add_getset(vm, code, "code", "co_name", code_name, None);
    add_getset(vm, code, "code", "co_qualname", code_qualname, None);
    add_getset(vm, code, "code", "co_filename", code_filename, None);
    add_getset(vm, code, "code", "co_firstlineno", code_firstlineno, None);
    add_getset(vm, code, "code", "co_argcount", code_argcount, None);
    add_getset(vm, code, "code", "co_varnames", code_varnames, None);
    add_getset(vm, code, "code", "co_flags", code_flags, None);
    add_getset(vm, code, "code", "co_posonlyargcount", code_posonlyargcount, None);
    add_getset(vm, code, "code", "co_kwonlyargcount", code_kwonlyargcount, None);
    add_getset(vm, code, "code", "co_nlocals", code_nlocals, None);
    add_getset(vm, code, "code", "co_freevars", code_freevars, None);
    add_getset(vm, code, "code", "co_cellvars", code_cellvars, None);

    let mp = vm.types.mappingproxy;
    add_method(vm, mp, "mappingproxy", "__getitem__", mp_getitem);
    add_method(vm, mp, "mappingproxy", "__iter__", mp_iter);
    add_method(vm, mp, "mappingproxy", "__len__", mp_len);
    add_method(vm, mp, "mappingproxy", "__str__", mp_str);
    add_method(vm, mp, "mappingproxy", "__contains__", mp_contains);
    add_method(vm, mp, "mappingproxy", "get", mp_get);
    add_method(vm, mp, "mappingproxy", "keys", mp_keys);
    add_method(vm, mp, "mappingproxy", "values", mp_values);
    add_method(vm, mp, "mappingproxy", "items", mp_items);
    add_method(vm, mp, "mappingproxy", "copy", mp_copy);

    let tb = vm.types.traceback;
    let _ = tb;
    install_typing_types(vm);
}

fn name_static(n: &str) -> &'static str {
    match n {
        "staticmethod" => "staticmethod",
        _ => "classmethod",
    }
}

fn set_layout(vm: &mut Vm, t: ObjRef, l: Layout) {
    if let ObjData::Type(tt) = vm.heap.data_mut(t) {
        tt.layout = l;
    }
}

fn identity(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn false_fn(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Bool(false))
}

// ---- functions ----

fn func_ref(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Function(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a 'function' object")),
    }
}

macro_rules! fn_field {
    ($get:ident, $set:ident, $field:ident) => {
        fn $get(vm: &mut Vm, v: Value) -> PyResult<Value> {
            let r = func_ref(vm, v)?;
            Ok(match vm.heap.data(r) {
                ObjData::Function(f) => f.$field,
                _ => Value::None,
            })
        }
        fn $set(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
            let r = func_ref(vm, v)?;
            if let ObjData::Function(f) = vm.heap.data_mut(r) {
                f.$field = x;
                // Generators made from now on keep their own names.
                f.names_from_code &= !matches!(stringify!($field), "name" | "qualname");
            }
            Ok(())
        }
    };
}

fn_field!(fn_get_name, fn_set_name, name);
fn_field!(fn_get_qualname, fn_set_qualname, qualname);
fn_field!(fn_get_doc, fn_set_doc, doc);
fn_field!(fn_get_module, fn_set_module, module);

fn fn_get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    if let Some(d) = vm.instance_dict(r) {
        return Ok(Value::Obj(d));
    }
    let d = vm.new_dict_ref();
    if let ObjData::Function(f) = vm.heap.data_mut(r) {
        f.dict = Some(d);
    }
    Ok(Value::Obj(d))
}

fn fn_get_defaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    let d = match vm.heap.data(r) {
        ObjData::Function(f) => f.defaults.clone(),
        _ => Vec::new(),
    };
    Ok(if d.is_empty() { Value::None } else { vm.new_tuple(d) })
}

fn fn_set_defaults(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let r = func_ref(vm, v)?;
    let items = if x.is_none() { Vec::new() } else { vm.collect_iterable(x)? };
    if let ObjData::Function(f) = vm.heap.data_mut(r) {
        f.defaults = items;
    }
    Ok(())
}

fn fn_get_kwdefaults(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Function(f) => f.kwdefaults.map(Value::Obj).unwrap_or(Value::None),
        _ => Value::None,
    })
}

fn fn_get_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    let c = match vm.heap.data(r) {
        ObjData::Function(f) => f.code.clone(),
        _ => return Ok(Value::None),
    };
    let cls = vm.types.code;
    Ok(vm.alloc(cls, ObjData::Code(c)))
}

/// `f.__code__ = c`: the number of free variables must match the closure.
fn fn_set_code(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let r = func_ref(vm, v)?;
    let code = match x.as_obj().map(|o| vm.heap.data(o)) {
        Some(ObjData::Code(c)) => c.clone(),
        _ => return Err(vm.type_error("__code__ must be set to a code object")),
    };
    // A stub from the code cache does not know its free variables yet.
    let code = vm.loaded_code(&code)?;
    let (name, nclosure) = match vm.heap.data(r) {
        ObjData::Function(f) => (f.name, f.closure.len()),
        _ => return Ok(()),
    };
    if code.freevars.len() != nclosure {
        let name = vm.str_of(name).unwrap_or("?").to_string();
        return Err(vm.value_error(format!("{}() requires a code object with {} free vars, not {}", name, nclosure, code.freevars.len())));
    }
    if let ObjData::Function(f) = vm.heap.data_mut(r) {
        f.set_code(code);
        f.names_from_code = false;
    }
    Ok(())
}

fn fn_get_globals(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    Ok(match vm.heap.data(r) {
        ObjData::Function(f) => Value::Obj(f.globals),
        _ => Value::None,
    })
}

fn fn_get_closure(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    let c: Vec<Value> = match vm.heap.data(r) {
        ObjData::Function(f) => f.closure.iter().map(|&c| Value::Obj(c)).collect(),
        _ => Vec::new(),
    };
    Ok(if c.is_empty() { Value::None } else { vm.new_tuple(c) })
}

fn fn_get_annotations(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let r = func_ref(vm, v)?;
    if let ObjData::Function(f) = vm.heap.data(r) {
        if let Some(a) = f.annotations {
            return Ok(Value::Obj(a));
        }
    }
    let d = vm.new_dict_ref();
    if let ObjData::Function(f) = vm.heap.data_mut(r) {
        f.annotations = Some(d);
    }
    Ok(Value::Obj(d))
}

fn fn_set_annotations(vm: &mut Vm, v: Value, x: Value) -> PyResult<()> {
    let r = func_ref(vm, v)?;
    if let ObjData::Function(f) = vm.heap.data_mut(r) {
        f.annotations = x.as_obj();
    }
    Ok(())
}

fn function_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__get__", args, 2, 3)?;
    if args[1].is_none() {
        return Ok(args[0]);
    }
    let cls = vm.types.method;
    Ok(vm.alloc(cls, ObjData::BoundMethod(Box::new((args[1], args[0])))))
}

fn function_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    vm.call_value(args[0], &args[1..], kw)
}

// ---- bound methods ----

fn bm_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::BoundMethod(b)) => Ok(**b),
        _ => Err(vm.type_error("descriptor requires a 'method' object")),
    }
}

fn method_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(bm_parts(vm, v)?.0)
}

fn method_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(bm_parts(vm, v)?.1)
}

/// Attributes not found on the method come from the function.
/// `f.__call__(*args, **kw)` for the callable built-in types.
fn call_self(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Some((&f, rest)) = args.split_first() else {
        return Err(vm.type_error("descriptor '__call__' needs an argument"));
    };
    vm.call_value(f, rest, kw)
}

/// `types.MethodType(func, obj)`.
fn method_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("method() takes no keyword arguments"));
    }
    if args.len() != 3 {
        return Err(vm.type_error(format!("method expected 2 arguments, got {}", args.len().saturating_sub(1))));
    }
    if !crate::builtins::functions::is_callable(vm, args[1]) {
        return Err(vm.type_error("first argument must be callable"));
    }
    if args[2].is_none() {
        return Err(vm.type_error("instance must not be None"));
    }
    let cls = vm.types.method;
    Ok(vm.alloc(cls, ObjData::BoundMethod(Box::new((args[2], args[1])))))
}

fn method_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, f) = bm_parts(vm, v)?;
    let dk = vm.names.__doc__;
    Ok(vm.get_attr_opt(f, dk)?.unwrap_or(Value::None))
}

fn method_getattribute(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__getattribute__", args, 2, 2)?;
    let name = crate::builtins::object::name_arg(vm, args[1])?;
    let cls = vm.types.method;
    if let Some(v) = vm.generic_getattr(args[0], cls, name)? {
        return Ok(v);
    }
    let (_, f) = bm_parts(vm, args[0])?;
    vm.get_attr(f, name)
}

fn method_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__eq__", args, 2, 2)?;
    let a = bm_parts(vm, args[0])?;
    match args[1].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::BoundMethod(b)) => {
            let b = **b;
            Ok(Value::Bool(a.0.is(b.0) && a.1.is(b.1)))
        }
        _ => Ok(vm.not_implemented),
    }
}

fn method_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (s, f) = bm_parts(vm, args[0])?;
    let hs = match s {
        Value::Obj(r) => vm.identity_hash(r),
        other => vm.hash_value(other)?,
    };
    let hf = match f {
        Value::Obj(r) => vm.identity_hash(r),
        _ => 0,
    };
    Ok(Value::Int(hs ^ hf))
}

fn native_parts(vm: &mut Vm, v: Value) -> PyResult<(&'static str, Option<&'static str>, Value, Option<&'static str>)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native(n)) => Ok((n.name, n.owner, n.bound, n.doc)),
        _ => Err(vm.type_error("descriptor requires a builtin function")),
    }
}

fn native_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (n, ..) = native_parts(vm, v)?;
    Ok(Value::Obj(vm.intern(n)))
}

fn native_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (n, owner, ..) = native_parts(vm, v)?;
    Ok(match owner {
        Some(o) => vm.new_str(format!("{}.{}", o, n)),
        None => Value::Obj(vm.intern(n)),
    })
}

fn native_self(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, _, b, _) = native_parts(vm, v)?;
    Ok(if b.is_undef() { Value::None } else { b })
}

fn native_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, _, _, d) = native_parts(vm, v)?;
    Ok(match d {
        Some(s) => vm.new_str(s),
        None => Value::None,
    })
}

fn native_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (_, owner, ..) = native_parts(vm, v)?;
    Ok(if owner.is_none() { Value::Obj(vm.intern("builtins")) } else { Value::None })
}

fn method_descriptor_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__get__", args, 2, 3)?;
    let owner = args.get(2).copied().unwrap_or(Value::None);
    vm.descr_get_payload(args[0], instance_arg(args[1]), owner)
}

// ---- property ----

fn prop_parts(vm: &mut Vm, v: Value) -> PyResult<(Value, Value, Value, Value)> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Property(p)) => Ok((p.fget, p.fset, p.fdel, p.doc)),
        _ => Err(vm.type_error("descriptor requires a 'property' object")),
    }
}

fn property_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = args.first().and_then(|c| c.as_obj()).unwrap_or(vm.types.property);
    Ok(vm.alloc(cls, ObjData::Property(Box::new(Property { fget: Value::None, fset: Value::None, fdel: Value::None, doc: Value::None, name: Value::None }))))
}

fn property_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let get = |i: usize, name: &str| args.get(i).copied().or_else(|| kwarg(vm, kw, name)).unwrap_or(Value::None);
    let (fget, fset, fdel, mut doc) = (get(1, "fget"), get(2, "fset"), get(3, "fdel"), get(4, "doc"));
    if doc.is_none() && !fget.is_none() {
        let d = vm.names.__doc__;
        doc = vm.get_attr_opt(fget, d)?.unwrap_or(Value::None);
    }
    if let Some(ObjData::Property(p)) = args[0].as_obj().map(|r| vm.heap.data_mut(r)) {
        p.fget = fget;
        p.fset = fset;
        p.fdel = fdel;
        p.doc = doc;
    }
    Ok(Value::None)
}

fn property_copy(vm: &mut Vm, v: Value, which: usize, f: Value) -> PyResult<Value> {
    let (mut g, mut s, mut d, doc) = prop_parts(vm, v)?;
    match which {
        0 => g = f,
        1 => s = f,
        _ => d = f,
    }
    let cls = vm.type_of(v);
    let name = match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Property(p)) => p.name,
        _ => Value::None,
    };
    let r = vm.alloc(cls, ObjData::Property(Box::new(Property { fget: g, fset: s, fdel: d, doc, name })));
    Ok(r)
}

fn property_getter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "getter", args, 2, 2)?;
    property_copy(vm, args[0], 0, args[1])
}

fn property_setter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "setter", args, 2, 2)?;
    property_copy(vm, args[0], 1, args[1])
}

fn property_deleter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "deleter", args, 2, 2)?;
    property_copy(vm, args[0], 2, args[1])
}

fn property_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__get__", args, 2, 3)?;
    let owner = args.get(2).copied().unwrap_or(Value::None);
    vm.descr_get_payload(args[0], instance_arg(args[1]), owner)
}

fn property_set(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__set__", args, 3, 3)?;
    let (_, fset, ..) = prop_parts(vm, args[0])?;
    if fset.is_none() {
        let p = args[0].as_obj().expect("property");
        return Err(vm.property_error(p, args[1], "setter"));
    }
    vm.call_value(fset, &[args[1], args[2]], &[])
}

fn prop_fget(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(prop_parts(vm, v)?.0)
}

fn prop_fset(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(prop_parts(vm, v)?.1)
}

fn prop_fdel(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(prop_parts(vm, v)?.2)
}

fn prop_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(prop_parts(vm, v)?.3)
}

fn prop_isabstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let (g, s, d, _) = prop_parts(vm, v)?;
    let ia = vm.names.__isabstractmethod__;
    for f in [g, s, d] {
        if !f.is_none() {
            if let Some(x) = vm.get_attr_opt(f, ia)? {
                if vm.truthy(x)? {
                    return Ok(Value::Bool(true));
                }
            }
        }
    }
    Ok(Value::Bool(false))
}

// ---- staticmethod / classmethod ----

fn wrapper_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(cls) = args.first().and_then(|c| c.as_obj()) else {
        return Err(vm.type_error("wrapper.__new__: missing class"));
    };
    let f = args.get(1).copied().unwrap_or(Value::None);
    let data = if vm.is_subtype(cls, vm.types.classmethod) { ObjData::ClassMethod(f) } else { ObjData::StaticMethod(f) };
    Ok(vm.alloc(cls, data))
}

fn wrapper_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = if matches!(args[0].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::ClassMethod(_))) { "classmethod" } else { "staticmethod" };
    if args.len() != 2 {
        return Err(vm.type_error(format!("{} expected 1 argument, got {}", name, args.len() - 1)));
    }
    // Copy __name__/__doc__ etc. like CPython (functools-style wrapping).
    Ok(Value::None)
}

fn wrapper_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "__get__", args, 2, 3)?;
    let owner = args.get(2).copied().unwrap_or(Value::None);
    vm.descr_get_payload(args[0], instance_arg(args[1]), owner)
}

/// `descr.__get__(None, cls)` means access through the class, which
/// `Vm::descr_get` spells `Undef` (None is a real instance there).
fn instance_arg(v: Value) -> Value {
    if v.is_none() {
        Value::Undef
    } else {
        v
    }
}

fn wrapper_func(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::StaticMethod(f) | ObjData::ClassMethod(f)) => Ok(*f),
        _ => Err(vm.type_error("descriptor requires a staticmethod or classmethod")),
    }
}

fn wrapper_isabstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let f = wrapper_func(vm, v)?;
    let ia = vm.names.__isabstractmethod__;
    Ok(vm.get_attr_opt(f, ia)?.unwrap_or(Value::Bool(false)))
}

fn staticmethod_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let f = wrapper_func(vm, args[0])?;
    vm.call_value(f, &args[1..], kw)
}

// ---- generators ----

fn gen_ref(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Generator(_)) => Ok(r),
        _ => Err(vm.type_error("descriptor requires a generator")),
    }
}

fn gen_result(vm: &mut Vm, r: GenResult) -> PyResult<Value> {
    match r {
        GenResult::Yield(v) => Ok(v),
        GenResult::Return(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = gen_ref(vm, args[0])?;
    let r = vm.gen_send(g, Value::None)?;
    gen_result(vm, r)
}

/// `generator.send` (also recognised by `call_instr`, which resumes the
/// frame in its own dispatch loop: `Vm::push_send_call`).
pub(crate) fn gen_send(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "send", args, 2, 2)?;
    let g = gen_ref(vm, args[0])?;
    let r = vm.gen_send(g, args[1])?;
    gen_result(vm, r)
}

/// `throw(exc)` / `throw(type, value, tb)`.
pub fn exception_from_throw_args(vm: &mut Vm, args: &[Value]) -> PyResult<crate::vm::PyErr> {
    let typ = args[0];
    let val = args.get(1).copied().unwrap_or(Value::None);
    let be = vm.exc.base_exception;
    match typ.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Exception(_)) => {
            if !val.is_none() {
                return Err(vm.type_error("instance exception may not have a separate value"));
            }
            Ok(crate::vm::PyErr(typ.as_obj().expect("exc")))
        }
        Some(ObjData::Type(_)) if vm.is_subtype(typ.as_obj().expect("type"), be) => {
            if let Some(ObjData::Exception(_)) = val.as_obj().map(|r| vm.heap.data(r)) {
                return Ok(crate::vm::PyErr(val.as_obj().expect("exc")));
            }
            let args: Vec<Value> = if val.is_none() { vec![] } else { vec![val] };
            let e = vm.call_value(typ, &args, &[])?;
            Ok(crate::vm::PyErr(e.as_obj().expect("exception instance")))
        }
        _ => {
            let tn = vm.type_name(typ);
            Err(vm.type_error(format!("exceptions must be classes or instances deriving from BaseException, not {}", tn)))
        }
    }
}

fn gen_throw(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "throw", args, 2, 4)?;
    let g = gen_ref(vm, args[0])?;
    let exc = exception_from_throw_args(vm, &args[1..])?;
    let r = vm.gen_throw(g, exc)?;
    gen_result(vm, r)
}

fn gen_close(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = gen_ref(vm, args[0])?;
    vm.gen_close(g)?;
    Ok(Value::None)
}

fn gen_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    Ok(vm.gen_name(g, false))
}

fn gen_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    Ok(vm.gen_name(g, true))
}

fn gen_running(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    Ok(Value::Bool(matches!(vm.heap.data(g), ObjData::Generator(gen) if gen.state == GenState::Running)))
}

/// `gi_suspended`/`cr_suspended` (3.11): stopped at a `yield` or `await`.
fn gen_suspended(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    Ok(Value::Bool(matches!(vm.heap.data(g), ObjData::Generator(gen) if gen.state == GenState::Suspended)))
}

fn gen_frame(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    Ok(match vm.heap.data(g) {
        ObjData::Generator(gen) if gen.state != GenState::Closed => Value::Bool(true),
        _ => Value::None,
    })
}

fn gen_code(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    let c = match vm.heap.data(g) {
        ObjData::Generator(gen) => gen.frame.code.clone(),
        _ => return Ok(Value::None),
    };
    let cls = vm.types.code;
    Ok(vm.alloc(cls, ObjData::Code(c)))
}

fn gen_yieldfrom(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let g = gen_ref(vm, v)?;
    let ObjData::Generator(gen) = vm.heap.data(g) else { return Ok(Value::None) };
    if gen.state != GenState::Suspended {
        return Ok(Value::None);
    }
    let ip = gen.frame.ip as usize;
    if ip >= 2 && matches!(gen.frame.code.instrs[ip - 2], crate::bytecode::Instr::Send(_)) {
        return Ok(gen.frame.stack.last().copied().unwrap_or(Value::None));
    }
    Ok(Value::None)
}

fn coro_await(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let g = gen_ref(vm, args[0])?;
    if !matches!(vm.heap.data(g), ObjData::Generator(gen) if gen.kind == GenKind::Coroutine) {
        return Err(vm.type_error("__await__ requires a coroutine"));
    }
    Ok(crate::asyncio::coroutine_wrapper(vm, args[0]))
}

// ---- modules ----

fn module_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let name = args.get(1).and_then(|n| vm.str_of(*n)).unwrap_or("?").to_string();
    let m = vm.new_module(&name);
    if let Some(cls) = args.first().and_then(|c| c.as_obj()) {
        vm.heap.get_mut(m).class = cls;
    }
    Ok(Value::Obj(m))
}

fn module_init(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if let (Some(m), Some(&doc)) = (args[0].as_obj(), args.get(2)) {
        if let Some(d) = vm.module_dict(m) {
            let k = vm.names.__doc__;
            vm.dict_set_str(d, k, doc);
        }
    }
    Ok(Value::None)
}

fn module_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v.as_obj().and_then(|m| vm.module_dict(m)) {
        Some(d) => Ok(Value::Obj(d)),
        None => Err(vm.type_error("descriptor requires a module")),
    }
}

fn none_repr(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Obj(vm.intern("None")))
}

fn none_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("NoneType takes no arguments"));
    }
    Ok(Value::None)
}

fn ni_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("NotImplementedType takes no arguments"));
    }
    Ok(vm.not_implemented)
}

fn ellipsis_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(vm.type_error("ellipsis takes no arguments"));
    }
    Ok(vm.ellipsis)
}

fn ni_repr(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Obj(vm.intern("NotImplemented")))
}

fn ellipsis_repr(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Obj(vm.intern("Ellipsis")))
}

fn cell_contents(vm: &mut Vm, v: Value) -> PyResult<Value> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Cell(c)) if !c.is_undef() => Ok(*c),
        _ => Err(vm.value_error("Cell is empty")),
    }
}

fn code_of(vm: &mut Vm, v: Value) -> PyResult<std::rc::Rc<crate::bytecode::CodeObject>> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Code(c)) => {
            let c = c.clone();
            vm.loaded_code(&c)
        }
        _ => Err(vm.type_error("descriptor requires a code object")),
    }
}

fn code_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    Ok(vm.new_str(c.name.as_str()))
}

fn code_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    Ok(vm.new_str(c.qualname.as_str()))
}

fn code_filename(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    Ok(vm.new_str(c.source.name.as_str()))
}

fn code_firstlineno(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.first_line as i64))
}

fn code_argcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.argcount as i64))
}

fn code_posonlyargcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.posonlyargcount as i64))
}

fn code_kwonlyargcount(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.kwonlyargcount as i64))
}

fn code_nlocals(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.varnames.len() as i64))
}

fn code_freevars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let names: Vec<Value> = c.freevars.iter().map(|n| vm.new_str(n.as_str())).collect();
    Ok(vm.new_tuple(names))
}

fn code_cellvars(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let names: Vec<Value> = c.cellvars.iter().map(|n| vm.new_str(n.as_str())).collect();
    Ok(vm.new_tuple(names))
}

fn code_flags(vm: &mut Vm, v: Value) -> PyResult<Value> {
    Ok(Value::Int(code_of(vm, v)?.flags as i64))
}

fn code_varnames(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = code_of(vm, v)?;
    let names: Vec<Value> = c.varnames.iter().map(|n| vm.new_str(n.as_str())).collect();
    Ok(vm.new_tuple(names))
}

// ---- mappingproxy ----

/// A read-only view of a class namespace.
pub fn mappingproxy(vm: &mut Vm, d: ObjRef) -> Value {
    let cls = vm.types.mappingproxy;
    vm.alloc(cls, ObjData::DictView(d, ViewKind::Keys))
}

fn mp_dict(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::DictView(d, _)) => Ok(*d),
        _ => Err(vm.type_error("descriptor requires a mappingproxy")),
    }
}

fn mp_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    vm.get_item(Value::Obj(d), args[1])
}

fn mp_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    vm.get_iter(Value::Obj(d))
}

fn mp_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    Ok(Value::Int(vm.dict(d).len() as i64))
}

/// `str(proxy)` is `str()` of the underlying mapping (repr keeps the wrapper).
fn mp_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    vm.to_str_value(Value::Obj(d))
}

fn mp_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    Ok(Value::Bool(vm.dict_lookup(d, args[1])?.1.is_some()))
}

fn mp_get(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    Ok(vm.dict_get_item(d, args[1])?.unwrap_or(args.get(2).copied().unwrap_or(Value::None)))
}

fn mp_view(vm: &mut Vm, args: &[Value], kind: ViewKind) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    let cls = match kind {
        ViewKind::Keys => vm.types.dict_keys,
        ViewKind::Values => vm.types.dict_values,
        ViewKind::Items => vm.types.dict_items,
    };
    Ok(vm.alloc(cls, ObjData::DictView(d, kind)))
}

fn mp_keys(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    mp_view(vm, args, ViewKind::Keys)
}

fn mp_values(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    mp_view(vm, args, ViewKind::Values)
}

fn mp_items(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    mp_view(vm, args, ViewKind::Items)
}

fn mp_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let d = mp_dict(vm, args[0])?;
    let copy = vm.dict(d).clone();
    let cls = vm.types.dict;
    Ok(vm.alloc(cls, ObjData::Dict(Box::new(copy))))
}

// ---- GenericAlias and UnionType ----

thread_local! {
    static TYPING_TYPES: std::cell::Cell<Option<(ObjRef, ObjRef)>> = const { std::cell::Cell::new(None) };
}

fn typing_types(vm: &Vm) -> (ObjRef, ObjRef) {
    TYPING_TYPES.with(|t| t.get()).unwrap_or((vm.types.native_object, vm.types.native_object))
}

fn install_typing_types(vm: &mut Vm) {
    let ga = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "GenericAlias", Layout::Instance);
    let ut = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, "UnionType", Layout::Instance);
    TYPING_TYPES.with(|t| t.set(Some((ga, ut))));
    vm.ext.roots.push(Value::Obj(ga));
    vm.ext.roots.push(Value::Obj(ut));
    add_method(vm, ga, "GenericAlias", "__repr__", alias_repr);
    add_method(vm, ga, "GenericAlias", "__call__", alias_call);
    add_method(vm, ga, "GenericAlias", "__getitem__", alias_getitem);
    add_method(vm, ga, "GenericAlias", "__or__", alias_or);
    add_method(vm, ga, "GenericAlias", "__ror__", alias_ror);
    add_method(vm, ga, "GenericAlias", "__eq__", alias_eq);
    add_method(vm, ga, "GenericAlias", "__hash__", alias_hash);
    add_method(vm, ga, "GenericAlias", "__mro_entries__", alias_mro_entries);
    add_method(vm, ut, "UnionType", "__repr__", union_repr);
    add_method(vm, ut, "UnionType", "__or__", alias_or);
    add_method(vm, ut, "UnionType", "__ror__", alias_ror);
    add_method(vm, ut, "UnionType", "__eq__", alias_eq);
    add_method(vm, ut, "UnionType", "__hash__", alias_hash);
    for t in [ga, ut] {
        if let ObjData::Type(tt) = vm.heap.data_mut(t) {
            tt.builtin = true;
        }
        let m = vm.new_str("types");
        set_type_attr(vm, t, "__module__", m);
    }
}

pub fn generic_alias_type(vm: &Vm) -> ObjRef {
    typing_types(vm).0
}

pub fn union_type(vm: &Vm) -> ObjRef {
    typing_types(vm).1
}

/// `origin[args]`.
pub fn generic_alias(vm: &mut Vm, origin: Value, args: Value) -> PyResult<Value> {
    let ga = generic_alias_type(vm);
    let inst = vm.new_instance(ga);
    let d = inst.as_obj().and_then(|r| vm.instance_dict(r)).expect("dict");
    let args_t = match args.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(_)) => args,
        _ => vm.new_tuple(vec![args]),
    };
    let k = vm.intern("__origin__");
    vm.dict_set_str(d, k, origin);
    let k = vm.intern("__args__");
    vm.dict_set_str(d, k, args_t);
    let k = vm.intern("__parameters__");
    let e = vm.empty_tuple;
    vm.dict_set_str(d, k, e);
    Ok(inst)
}

fn alias_field(vm: &mut Vm, v: Value, name: &str) -> Value {
    let k = vm.intern(name);
    v.as_obj().and_then(|r| vm.instance_dict(r)).and_then(|d| vm.dict_get_str(d, k)).unwrap_or(Value::None)
}

/// How typing objects print inside `list[...]`: classes by name.
pub fn type_repr_for_alias(vm: &mut Vm, v: Value) -> PyResult<String> {
    if let Some(r) = v.as_obj() {
        if let ObjData::Type(_) = vm.heap.data(r) {
            let full = vm.class_full_name(r);
            return Ok(full);
        }
    }
    if v.is(vm.ellipsis) {
        return Ok("...".into());
    }
    if v.is_none() {
        return Ok("None".into());
    }
    vm.to_repr_string(v)
}

fn alias_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let origin = alias_field(vm, args[0], "__origin__");
    let a = alias_field(vm, args[0], "__args__");
    let items = vm.collect_iterable(a)?;
    let mut parts = Vec::new();
    for it in items {
        parts.push(type_repr_for_alias(vm, it)?);
    }
    let o = type_repr_for_alias(vm, origin)?;
    let inner = if parts.is_empty() { "()".to_string() } else { parts.join(", ") };
    Ok(vm.new_str(format!("{}[{}]", o, inner)))
}

fn alias_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let origin = alias_field(vm, args[0], "__origin__");
    vm.call_value(origin, &args[1..], kw)
}

fn alias_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let origin = alias_field(vm, args[0], "__origin__");
    generic_alias(vm, origin, args[1])
}

fn alias_or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    make_union(vm, args[0], args[1])
}

fn alias_ror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    make_union(vm, args[1], args[0])
}

fn alias_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = vm.to_repr_string(args[0])?;
    let b = vm.to_repr_string(args[1])?;
    Ok(Value::Bool(vm.type_of(args[0]) == vm.type_of(args[1]) && a == b))
}

fn alias_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = vm.to_repr_string(args[0])?;
    Ok(Value::Int(crate::runtime::str::str_hash(a.as_bytes()) as i64 & 0xffff_ffff))
}

fn alias_mro_entries(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let origin = alias_field(vm, args[0], "__origin__");
    Ok(vm.new_tuple(vec![origin]))
}

/// The members of a `X | Y` union object, if `v` is one.
pub fn union_args(vm: &mut Vm, v: Value) -> Option<Vec<Value>> {
    let ut = union_type(vm);
    if vm.type_of(v) != ut {
        return None;
    }
    let a = alias_field(vm, v, "__args__");
    vm.collect_iterable(a).ok()
}

/// `X | Y` for classes, None, aliases and unions.
pub fn make_union(vm: &mut Vm, a: Value, b: Value) -> PyResult<Value> {
    let ok = |vm: &mut Vm, v: Value| -> bool {
        v.is_none() || matches!(v.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Type(_))) || vm.type_of(v) == generic_alias_type(vm) || vm.type_of(v) == union_type(vm)
    };
    if !ok(vm, a) || !ok(vm, b) {
        return Ok(vm.not_implemented);
    }
    let mut members = Vec::new();
    for v in [a, b] {
        match union_args(vm, v) {
            Some(items) => members.extend(items),
            None => members.push(if v.is_none() { Value::Obj(vm.types.none_type) } else { v }),
        }
    }
    let mut uniq: Vec<Value> = Vec::new();
    for m in members {
        if !uniq.iter().any(|u| u.is(m)) {
            uniq.push(m);
        }
    }
    if uniq.len() == 1 {
        return Ok(uniq[0]);
    }
    let ut = union_type(vm);
    let inst = vm.new_instance(ut);
    let d = inst.as_obj().and_then(|r| vm.instance_dict(r)).expect("dict");
    let t = vm.new_tuple(uniq);
    let k = vm.intern("__args__");
    vm.dict_set_str(d, k, t);
    Ok(inst)
}

fn union_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let a = alias_field(vm, args[0], "__args__");
    let items = vm.collect_iterable(a)?;
    let mut parts = Vec::new();
    for it in items {
        if it.is(Value::Obj(vm.types.none_type)) {
            parts.push("None".to_string());
        } else {
            parts.push(type_repr_for_alias(vm, it)?);
        }
    }
    Ok(vm.new_str(parts.join(" | ")))
}

/// `cls[key]` on a class object.
pub fn class_getitem(vm: &mut Vm, cls: ObjRef, key: Value) -> PyResult<Value> {
    let cg = vm.names.__class_getitem__;
    if let Some(m) = vm.lookup_type(cls, cg) {
        let f = vm.descr_get(m, Value::Undef, Value::Obj(cls))?;
        return vm.call_value(f, &[key], &[]);
    }
    let t = &vm.types;
    let generic = [t.list, t.dict, t.tuple, t.set, t.frozenset, t.type_, t.enumerate, t.zip, t.map, t.filter, t.reversed];
    if generic.contains(&cls) || vm.is_subtype(cls, vm.exc.base_exception_group) {
        return generic_alias(vm, Value::Obj(cls), key);
    }
    // A metaclass __getitem__ (e.g. enum classes: Color['RED']).
    let gi = vm.names.__getitem__;
    let meta = vm.heap.class_of_obj(cls);
    if meta != vm.types.type_ {
        if let Some(m) = vm.lookup_type(meta, gi) {
            return vm.call_value(m, &[Value::Obj(cls), key], &[]);
        }
    }
    let n = match vm.heap.data(cls) {
        ObjData::Type(t) => t.name.clone(),
        _ => "?".into(),
    };
    Err(vm.type_error(format!("type '{}' is not subscriptable", n)))
}

/// `help(obj)` text: signature and docstring.
pub fn help_text(vm: &mut Vm, o: Value) -> PyResult<String> {
    let d = vm.names.__doc__;
    let doc = vm.get_attr_opt(o, d)?.and_then(|v| vm.str_of(v).map(|s| s.to_string()));
    let func_info = match o.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Function(f)) => Some((vm.str_of(f.name).unwrap_or("?").to_string(), vm.str_of(f.module).unwrap_or("__main__").to_string())),
        _ => None,
    };
    if let Some((name, module)) = func_info {
        let sig = signature_of(vm, o);
        let head = format!("Help on function {} in module {}:\n\n{}{}", name, module, name, sig);
        return Ok(match doc {
            Some(d) => format!("{}\n    {}\n", head, d.trim().replace('\n', "\n    ")),
            None => format!("{}\n", head),
        });
    }
    let head = match o.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(t)) => format!("Help on class {}:\n\nclass {}", t.name, t.name),
        Some(ObjData::Native(n)) => format!("Help on built-in function {}:\n\n{}(...)", n.name, n.name),
        _ => {
            let tn = vm.type_name(o);
            format!("Help on {} object:", tn)
        }
    };
    Ok(match doc {
        Some(d) => format!("{}\n    {}\n", head, d.trim().replace('\n', "\n    ")),
        None => format!("{}\n", head),
    })
}

/// `(a, b=1, *args, c, **kw)` for a Python function.
pub fn signature_of(vm: &mut Vm, f: Value) -> String {
    let Some(ObjData::Function(func)) = f.as_obj().map(|r| vm.heap.data(r)) else { return "(...)".into() };
    let code = func.code.clone();
    let defaults = func.defaults.clone();
    let kwdefaults = func.kwdefaults;
    let Ok(code) = vm.loaded_code(&code) else { return "(...)".into() };
    let mut parts = Vec::new();
    let argc = code.argcount as usize;
    let first_def = argc.saturating_sub(defaults.len());
    for i in 0..argc {
        let name = code.varnames[i].clone();
        if i >= first_def {
            let r = vm.to_repr_string(defaults[i - first_def]).unwrap_or_default();
            parts.push(format!("{}={}", name, r));
        } else {
            parts.push(name);
        }
        if code.posonlyargcount as usize == i + 1 {
            parts.push("/".into());
        }
    }
    let mut idx = argc + code.kwonlyargcount as usize;
    if code.flags & crate::bytecode::flags::VARARGS != 0 {
        parts.push(format!("*{}", code.varnames[idx]));
        idx += 1;
    } else if code.kwonlyargcount > 0 {
        parts.push("*".into());
    }
    for i in argc..argc + code.kwonlyargcount as usize {
        let name = code.varnames[i].clone();
        let k = vm.intern(&name);
        match kwdefaults.and_then(|kd| vm.dict_get_str(kd, k)) {
            Some(v) => {
                let r = vm.to_repr_string(v).unwrap_or_default();
                parts.push(format!("{}={}", name, r));
            }
            None => parts.push(name),
        }
    }
    if code.flags & crate::bytecode::flags::VARKEYWORDS != 0 {
        parts.push(format!("**{}", code.varnames[idx]));
    }
    format!("({})", parts.join(", "))
}

#[allow(dead_code)]
fn unused_kind(k: NativeKind) -> NativeKind {
    k
}
