//! `object` and `type`: instance creation, the default dunders, class
//! creation (`type(name, bases, ns)`, `__build_class__`, metaclasses,
//! `__init_subclass__`, `__set_name__`, `__slots__`, abstract methods),
//! and `super`.

use crate::builtins::args::{arity, kwarg};
use crate::builtins::{add_getset, add_method, add_native, Kind};
use crate::runtime::class::{c3_linearize, Layout, TypeObj};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{FrameReturn, KwArgs, PyResult, Vm};

pub fn install(vm: &mut Vm) {
    let o = vm.types.object;
    add_native(vm, o, "object", "__new__", object_new, Kind::Static);
    add_method(vm, o, "object", "__init__", object_init);
    add_method(vm, o, "object", "__repr__", object_repr);
    add_method(vm, o, "object", "__str__", object_str);
    add_method(vm, o, "object", "__eq__", object_eq);
    add_method(vm, o, "object", "__ne__", object_ne);
    for name in ["__lt__", "__le__", "__gt__", "__ge__"] {
        add_method(vm, o, "object", name, object_not_implemented);
    }
    add_method(vm, o, "object", "__hash__", object_hash);
    add_method(vm, o, "object", "__getattribute__", object_getattribute);
    add_method(vm, o, "object", "__setattr__", object_setattr);
    add_method(vm, o, "object", "__delattr__", object_delattr);
    add_method(vm, o, "object", "__format__", object_format);
    add_method(vm, o, "object", "__dir__", object_dir);
    add_method(vm, o, "object", "__sizeof__", object_sizeof);
    add_method(vm, o, "object", "__reduce_ex__", object_reduce_ex);
    add_native(vm, o, "object", "__init_subclass__", object_init_subclass, Kind::Class);
    add_native(vm, o, "object", "__subclasshook__", object_not_implemented_cls, Kind::Class);
    add_getset(vm, o, "object", "__class__", get_class, Some(set_class));
    // Like CPython, the docstring is a plain class attribute.
    let doc = vm.new_str("The base class of the class hierarchy.\n\nWhen called, it accepts no arguments and returns a new featureless\ninstance that has no instance attributes and cannot be given any.\n");
    let dk = vm.names.__doc__;
    let od = match vm.heap.data(o) {
        ObjData::Type(t) => t.dict,
        _ => unreachable!("object is a type"),
    };
    vm.dict_set_str(od, dk, doc);

    let t = vm.types.type_;
    add_method(vm, t, "type", "__call__", type_call);
    add_native(vm, t, "type", "__new__", type_new, Kind::Static);
    add_method(vm, t, "type", "__init__", type_init);
    add_method(vm, t, "type", "__repr__", type_repr);
    add_method(vm, t, "type", "mro", type_mro);
    add_method(vm, t, "type", "__subclasses__", type_subclasses);
    add_method(vm, t, "type", "__instancecheck__", type_instancecheck);
    add_method(vm, t, "type", "__subclasscheck__", type_subclasscheck);
    add_method(vm, t, "type", "__or__", type_or);
    add_method(vm, t, "type", "__ror__", type_ror);
    add_method(vm, t, "type", "__setattr__", type_setattr);
    add_native(vm, t, "type", "__prepare__", type_prepare, Kind::Class);
    add_getset(vm, t, "type", "__name__", type_get_name, Some(type_set_name));
    add_getset(vm, t, "type", "__qualname__", type_get_qualname, Some(type_set_qualname));
    add_getset(vm, t, "type", "__mro__", type_get_mro, None);
    add_getset(vm, t, "type", "__bases__", type_get_bases, None);
    add_getset(vm, t, "type", "__base__", type_get_base, None);
    add_getset(vm, t, "type", "__dict__", type_get_dict, None);
    add_getset(vm, t, "type", "__module__", type_get_module, Some(type_set_module));
    add_getset(vm, t, "type", "__doc__", type_get_doc, Some(type_set_doc));
    add_getset(vm, t, "type", "__abstractmethods__", type_get_abstract, Some(type_set_abstract));
    add_getset(vm, t, "type", "__annotations__", type_get_annotations, Some(type_set_annotations));

    let s = vm.types.super_;
    add_native(vm, s, "super", "__new__", super_new, Kind::Static);
    add_method(vm, s, "super", "__init__", object_init_any);
    add_method(vm, s, "super", "__getattribute__", super_getattribute);
    add_method(vm, s, "super", "__repr__", super_repr);
    add_method(vm, s, "super", "__get__", super_get);
}

// ---- object ----

fn type_ref(vm: &mut Vm, v: Value, what: &str) -> PyResult<ObjRef> {
    match v.as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Type(_)) => Ok(r),
        _ => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("{}: X is not a type object ({})", what, tn)))
        }
    }
}

fn class_name(vm: &Vm, cls: ObjRef) -> String {
    match vm.heap.data(cls) {
        ObjData::Type(t) => t.name.clone(),
        _ => "?".into(),
    }
}

fn object_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Some(&clsv) = args.first() else {
        return Err(vm.type_error("object.__new__(): not enough arguments"));
    };
    let cls = type_ref(vm, clsv, "object.__new__(X)")?;
    if args.len() > 1 || !kw.is_empty() {
        // Excess args are an error unless __init__ is overridden.
        let init_name = vm.names.__init__;
        let init = vm.lookup_type(cls, init_name);
        let init_is_object = init.map(|i| vm.is_object_slot(i, "__init__")).unwrap_or(true);
        if init_is_object {
            let n = class_name(vm, cls);
            return Err(vm.type_error(format!("{}() takes no arguments", n)));
        }
    }
    let abstract_methods = match vm.heap.data(cls) {
        ObjData::Type(t) => t.abstract_methods.clone(),
        _ => Vec::new(),
    };
    if !abstract_methods.is_empty() {
        let n = class_name(vm, cls);
        let mut sorted = abstract_methods;
        sorted.sort();
        let plural = if sorted.len() == 1 { "" } else { "s" };
        return Err(vm.type_error(format!("Can't instantiate abstract class {} with abstract method{} {}", n, plural, sorted.join(", "))));
    }
    Ok(vm.new_instance(cls))
}

fn object_init(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        let cls = vm.type_of(args[0]);
        let new_name = vm.names.__new__;
        let init_name = vm.names.__init__;
        let new = vm.lookup_type(cls, new_name);
        let new_is_object = new.map(|n| n.is(vm.object_new_fn())).unwrap_or(true);
        let init = vm.lookup_type(cls, init_name);
        let init_overridden = init.map(|i| !vm.is_object_slot(i, "__init__")).unwrap_or(false);
        if new_is_object || init_overridden {
            let n = class_name(vm, cls);
            if cls == vm.types.object {
                return Err(vm.type_error("object() takes no arguments"));
            }
            return Err(vm.type_error(format!("{}.__init__() takes exactly one argument (the instance to initialize)", n)));
        }
    }
    Ok(Value::None)
}

fn object_init_any(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__repr__", args, 1, 1)?;
    let s = match args[0] {
        Value::Obj(r) => match crate::builtins::repr::builtin_repr(vm, r)? {
            Some(s) => s,
            None => vm.default_repr(r),
        },
        v => vm.to_repr_string(v)?,
    };
    Ok(vm.new_str(s))
}

fn object_str(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__str__", args, 1, 1)?;
    let s = vm.to_repr_string(args[0])?;
    Ok(vm.new_str(s))
}

fn object_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__eq__", args, 2, 2)?;
    Ok(if args[0].is(args[1]) { Value::Bool(true) } else { vm.not_implemented })
}

fn object_ne(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__ne__", args, 2, 2)?;
    // The inverse of __eq__, unless that is NotImplemented.
    let eq = vm.names.__eq__;
    let m = vm.lookup_special(args[0], eq);
    let r = match m {
        Some(m) if !vm.is_object_slot(m, "__eq__") => vm.call_value(m, &[args[0], args[1]], &[])?,
        _ => {
            if args[0].is(args[1]) {
                Value::Bool(true)
            } else {
                vm.not_implemented
            }
        }
    };
    if r.is(vm.not_implemented) {
        return Ok(r);
    }
    let t = vm.truthy(r)?;
    Ok(Value::Bool(!t))
}

fn object_not_implemented(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_not_implemented_cls(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.not_implemented)
}

fn object_hash(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__hash__", args, 1, 1)?;
    match args[0] {
        Value::Obj(r) => Ok(Value::Int(vm.identity_hash(r))),
        v => Ok(Value::Int(vm.hash_value(v)?)),
    }
}

fn object_getattribute(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__getattribute__", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    let cls = vm.type_of(args[0]);
    if let Value::Obj(r) = args[0] {
        if let ObjData::Type(_) = vm.heap.data(r) {
            return vm.get_attr(args[0], name);
        }
    }
    match vm.generic_getattr(args[0], cls, name)? {
        Some(v) => Ok(v),
        None => {
            let n = vm.str_of(Value::Obj(name)).unwrap_or("").to_string();
            Err(vm.no_attribute(args[0], &n))
        }
    }
}

/// An attribute-name argument, interned.
pub fn name_arg(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    match vm.str_of(v) {
        Some(s) => {
            let s = s.to_string();
            Ok(vm.intern(&s))
        }
        None => {
            let tn = vm.type_name(v);
            Err(vm.type_error(format!("attribute name must be string, not '{}'", tn)))
        }
    }
}

fn object_setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__setattr__", args, 3, 3)?;
    let name = name_arg(vm, args[1])?;
    vm.generic_setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn object_delattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__delattr__", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    if let Value::Obj(r) = args[0] {
        if let Some(d) = vm.instance_dict(r) {
            if vm.dict_del_str(d, name)? {
                return Ok(Value::None);
            }
        }
    }
    let n = vm.str_of(Value::Obj(name)).unwrap_or("").to_string();
    Err(vm.no_attribute(args[0], &n))
}

fn object_format(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__format__", args, 2, 2)?;
    let spec = vm.str_of(args[1]).unwrap_or("").to_string();
    if !spec.is_empty() {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("unsupported format string passed to {}.__format__", tn)));
    }
    let s = vm.to_str_string(args[0])?;
    Ok(vm.new_str(s))
}

fn object_dir(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "object.__dir__", args, 1, 1)?;
    let names = crate::builtins::functions::dir_names(vm, args[0])?;
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    Ok(vm.new_list(vals))
}

fn object_sizeof(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(16))
}

fn object_reduce_ex(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(vm.type_error("cannot pickle objects"))
}

fn object_init_subclass(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        let name = match args.first() {
            Some(&Value::Obj(c)) => class_name(vm, c),
            _ => "object".to_string(),
        };
        return Err(vm.type_error(format!("{}.__init_subclass__() takes no keyword arguments", name)));
    }
    Ok(Value::None)
}

fn get_class(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    Ok(Value::Obj(vm.type_of(obj)))
}

fn set_class(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<()> {
    let (Value::Obj(r), Some(c)) = (obj, cls.as_obj()) else {
        return Err(vm.type_error("__class__ assignment only supported for mutable types or ModuleType subclasses"));
    };
    if !matches!(vm.heap.data(c), ObjData::Type(_)) {
        let tn = vm.type_name(cls);
        return Err(vm.type_error(format!("__class__ must be set to a class, not '{}' object", tn)));
    }
    // Inline values are named by the old class's shared keys.
    if let ObjData::Instance(crate::runtime::instance::InstanceAttrs::Inline(_)) = vm.heap.data(r) {
        vm.materialize_instance(r);
    }
    vm.heap.get_mut(r).class = c;
    Ok(())
}

// ---- type ----

fn type_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let Some(&c) = args.first() else {
        return Err(vm.type_error("descriptor '__call__' of 'type' object needs an argument"));
    };
    let cls = type_ref(vm, c, "type.__call__(X)")?;
    if cls == vm.types.type_ && args.len() == 2 && kw.is_empty() {
        return Ok(Value::Obj(vm.type_of(args[1])));
    }
    vm.type_call_default(cls, &args[1..], kw)
}

fn type_init(_vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::None)
}

fn type_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__repr__", args, 1, 1)?;
    let cls = type_ref(vm, args[0], "type.__repr__(X)")?;
    let n = vm.class_full_name(cls);
    Ok(vm.new_str(format!("<class '{}'>", n)))
}

fn type_mro(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = type_ref(vm, args[0], "type.mro(X)")?;
    let mro = match vm.heap.data(cls) {
        ObjData::Type(t) => t.mro.iter().map(|&r| Value::Obj(r)).collect(),
        _ => Vec::new(),
    };
    Ok(vm.new_list(mro))
}

fn type_subclasses(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let cls = type_ref(vm, args[0], "type.__subclasses__(X)")?;
    let subs = match vm.heap.data(cls) {
        ObjData::Type(t) => t.subclasses.iter().map(|&r| Value::Obj(r)).collect(),
        _ => Vec::new(),
    };
    Ok(vm.new_list(subs))
}

fn type_instancecheck(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__instancecheck__", args, 2, 2)?;
    let cls = type_ref(vm, args[0], "__instancecheck__")?;
    Ok(Value::Bool(vm.is_instance_of(args[1], cls)))
}

fn type_subclasscheck(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__subclasscheck__", args, 2, 2)?;
    let cls = type_ref(vm, args[0], "__subclasscheck__")?;
    let sub = type_ref(vm, args[1], "issubclass() arg 1 must be a class")?;
    Ok(Value::Bool(vm.is_subtype(sub, cls)))
}

fn type_or(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__or__", args, 2, 2)?;
    crate::builtins::types::make_union(vm, args[0], args[1])
}

fn type_ror(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__ror__", args, 2, 2)?;
    crate::builtins::types::make_union(vm, args[1], args[0])
}

fn type_setattr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "type.__setattr__", args, 3, 3)?;
    let name = name_arg(vm, args[1])?;
    vm.generic_setattr(args[0], name, args[2])?;
    Ok(Value::None)
}

fn type_prepare(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_dict())
}

fn type_obj(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    type_ref(vm, v, "descriptor")
}

fn type_get_name(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let n = class_name(vm, c);
    Ok(vm.new_str(n))
}

fn type_set_name(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let c = type_obj(vm, v)?;
    let s = crate::builtins::args::str_arg(vm, n, "can only assign string to __name__, not")?;
    if let ObjData::Type(t) = vm.heap.data_mut(c) {
        t.name = s;
    }
    Ok(())
}

fn type_get_qualname(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let q = match vm.heap.data(c) {
        ObjData::Type(t) => t.qualname.clone(),
        _ => String::new(),
    };
    Ok(vm.new_str(q))
}

fn type_set_qualname(vm: &mut Vm, v: Value, n: Value) -> PyResult<()> {
    let c = type_obj(vm, v)?;
    let s = crate::builtins::args::str_arg(vm, n, "can only assign string to __qualname__, not")?;
    if let ObjData::Type(t) = vm.heap.data_mut(c) {
        t.qualname = s;
    }
    Ok(())
}

fn type_get_mro(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let mro = match vm.heap.data(c) {
        ObjData::Type(t) => t.mro.iter().map(|&r| Value::Obj(r)).collect(),
        _ => Vec::new(),
    };
    Ok(vm.new_tuple(mro))
}

fn type_get_bases(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let b = match vm.heap.data(c) {
        ObjData::Type(t) => t.bases.iter().map(|&r| Value::Obj(r)).collect(),
        _ => Vec::new(),
    };
    Ok(vm.new_tuple(b))
}

fn type_get_base(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    Ok(match vm.heap.data(c) {
        ObjData::Type(t) => t.bases.first().map(|&r| Value::Obj(r)).unwrap_or(Value::None),
        _ => Value::None,
    })
}

fn type_get_dict(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let d = match vm.heap.data(c) {
        ObjData::Type(t) => t.dict,
        _ => return Ok(Value::None),
    };
    Ok(crate::builtins::types::mappingproxy(vm, d))
}

fn type_get_module(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let (d, builtin) = match vm.heap.data(c) {
        ObjData::Type(t) => (t.dict, t.builtin),
        _ => return Ok(Value::None),
    };
    let k = vm.names.__module__;
    match vm.dict_get_str(d, k) {
        Some(m) => Ok(m),
        None if builtin => Ok(Value::Obj(vm.intern("builtins"))),
        None => Ok(Value::None),
    }
}

fn type_set_module(vm: &mut Vm, v: Value, m: Value) -> PyResult<()> {
    let c = type_obj(vm, v)?;
    let d = match vm.heap.data(c) {
        ObjData::Type(t) => t.dict,
        _ => return Ok(()),
    };
    let k = vm.names.__module__;
    vm.dict_set_str(d, k, m);
    vm.bump_class_version(c);
    Ok(())
}

fn type_get_doc(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let d = match vm.heap.data(c) {
        ObjData::Type(t) => t.dict,
        _ => return Ok(Value::None),
    };
    let k = vm.names.__doc__;
    match vm.dict_get_str(d, k) {
        // A descriptor stored as `__doc__` is asked for its value.
        Some(v @ Value::Obj(r)) if !matches!(vm.heap.data(r), ObjData::Str(_)) => vm.descr_get(v, Value::Undef, Value::Obj(c)),
        Some(v) => Ok(v),
        None => Ok(Value::None),
    }
}

fn type_get_abstract(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let names = match vm.heap.data(c) {
        ObjData::Type(t) => t.abstract_methods.clone(),
        _ => Vec::new(),
    };
    let vals: Vec<Value> = names.into_iter().map(|n| vm.new_str(n)).collect();
    let cls = vm.types.frozenset;
    let l = vm.new_list(vals);
    vm.set_from_iterable(cls, l)
}

fn type_set_abstract(vm: &mut Vm, v: Value, names: Value) -> PyResult<()> {
    let c = type_obj(vm, v)?;
    let items = vm.collect_iterable(names)?;
    let mut out: Vec<String> = items.iter().filter_map(|i| vm.str_of(*i).map(|s| s.to_string())).collect();
    out.sort();
    if let ObjData::Type(t) = vm.heap.data_mut(c) {
        t.abstract_methods = out;
    }
    Ok(())
}

fn type_get_annotations(vm: &mut Vm, v: Value) -> PyResult<Value> {
    let c = type_obj(vm, v)?;
    let d = match vm.heap.data(c) {
        ObjData::Type(t) => t.dict,
        _ => return Ok(Value::None),
    };
    let k = vm.names.__annotations__;
    match vm.dict_get_str(d, k) {
        Some(a) => Ok(a),
        None => {
            let nd = vm.new_dict();
            vm.dict_set_str(d, k, nd);
            Ok(nd)
        }
    }
}

/// Store `__doc__` / `__annotations__` in a user class's namespace.
fn set_in_class_dict(vm: &mut Vm, v: Value, key: ObjRef, value: Value) -> PyResult<()> {
    let c = type_obj(vm, v)?;
    let (d, builtin, name) = match vm.heap.data(c) {
        ObjData::Type(t) => (t.dict, t.builtin, t.error_name()),
        _ => return Ok(()),
    };
    if builtin {
        let k = vm.str_of(Value::Obj(key)).unwrap_or("").to_string();
        return Err(vm.type_error(format!("cannot set '{}' attribute of immutable type '{}'", k, name)));
    }
    vm.dict_set_str(d, key, value);
    vm.bump_class_version(c);
    Ok(())
}

fn type_set_doc(vm: &mut Vm, v: Value, doc: Value) -> PyResult<()> {
    let k = vm.names.__doc__;
    set_in_class_dict(vm, v, k, doc)
}

fn type_set_annotations(vm: &mut Vm, v: Value, a: Value) -> PyResult<()> {
    let k = vm.names.__annotations__;
    set_in_class_dict(vm, v, k, a)
}

/// `type(name, bases, ns)` / `type.__new__(meta, name, bases, ns)`.
fn type_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() == 2 && args[0].is(Value::Obj(vm.types.type_)) {
        return Ok(Value::Obj(vm.type_of(args[1])));
    }
    if args.len() != 4 {
        return Err(vm.type_error("type() takes 1 or 3 arguments"));
    }
    let meta = type_ref(vm, args[0], "type.__new__(X)")?;
    let name = crate::builtins::args::str_arg(vm, args[1], "type.__new__() argument 1")?;
    let bases = match args[2].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => return Err(vm.type_error("type.__new__() argument 2 must be tuple")),
    };
    let ns = match args[3].as_obj() {
        Some(r) if matches!(vm.heap.data(r), ObjData::Dict(_)) => r,
        _ => return Err(vm.type_error("type.__new__() argument 3 must be dict")),
    };
    let cls = create_class(vm, meta, &name, &bases, ns)?;
    init_subclass(vm, cls, kw)?;
    Ok(Value::Obj(cls))
}

/// Build a class object (no `__init_subclass__` call).
pub fn create_class(vm: &mut Vm, meta: ObjRef, name: &str, bases: &[Value], ns: ObjRef) -> PyResult<ObjRef> {
    let mut base_refs = Vec::new();
    for &b in bases {
        let Some(r) = b.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::Type(_))) else {
            let tn = vm.type_name(b);
            return Err(vm.type_error(format!("bases must be types, not {}", tn)));
        };
        if base_refs.contains(&r) {
            let n = class_name(vm, r);
            return Err(vm.type_error(format!("duplicate base class {}", n)));
        }
        base_refs.push(r);
    }
    if base_refs.is_empty() {
        base_refs.push(vm.types.object);
    }
    // Layout: the most specific built-in payload among the bases.
    let mut layout = Layout::Instance;
    for &b in &base_refs {
        let (bl, bname) = match vm.heap.data(b) {
            ObjData::Type(t) => (t.layout, t.name.clone()),
            _ => continue,
        };
        if bl == Layout::Final || (b == vm.types.bool) {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", bname)));
        }
        if matches!(bl, Layout::Instance | Layout::Object) {
            continue;
        }
        if layout != Layout::Instance && layout != bl {
            return Err(vm.type_error("multiple bases have instance lay-out conflict"));
        }
        layout = bl;
    }
    // Namespace: a fresh dict copied from ns. Its keys are distinct and
    // their hashes known, so entries are appended without lookups (one
    // `dict_set_item` per entry was 3% of importing typing & co).
    let copy = {
        let src = vm.dict(ns);
        let mut d = crate::runtime::dict::PyDict::with_capacity(src.len() + 4);
        for (h, k, v) in src.iter_hashed() {
            d.push_new(h, k, v);
        }
        d
    };
    let dict_cls = vm.types.dict;
    let dict = vm.heap.alloc(dict_cls, ObjData::Dict(Box::new(copy)));
    let qk = vm.names.__qualname__;
    let qualname = match vm.dict_get_str(dict, qk) {
        Some(q) => {
            let s = vm.str_of(q).map(|s| s.to_string());
            vm.dict_del_str(dict, qk)?;
            s.unwrap_or_else(|| name.to_string())
        }
        None => name.to_string(),
    };
    let ck = vm.names.__classcell__;
    let classcell = vm.dict_get_str(dict, ck);
    if classcell.is_some() {
        vm.dict_del_str(dict, ck)?;
    }
    // A class that defines __eq__ but not __hash__ is unhashable.
    let (ek, hk) = (vm.names.__eq__, vm.names.__hash__);
    if vm.dict_get_str(dict, ek).is_some() && vm.dict_get_str(dict, hk).is_none() {
        vm.dict_set_str(dict, hk, Value::None);
    }
    // __new__ is implicitly a staticmethod; these two implicitly classmethods.
    let nk = vm.names.__new__;
    if let Some(f) = vm.dict_get_str(dict, nk) {
        if let Some(ObjData::Function(_)) = f.as_obj().map(|r| vm.heap.data(r)) {
            let cls = vm.types.staticmethod;
            let sm = vm.alloc(cls, ObjData::StaticMethod(f));
            vm.dict_set_str(dict, nk, sm);
        }
    }
    for k in [vm.names.__init_subclass__, vm.names.__class_getitem__] {
        if let Some(f) = vm.dict_get_str(dict, k) {
            if let Some(ObjData::Function(_)) = f.as_obj().map(|r| vm.heap.data(r)) {
                let cls = vm.types.classmethod;
                let cm = vm.alloc(cls, ObjData::ClassMethod(f));
                vm.dict_set_str(dict, k, cm);
            }
        }
    }
    // __slots__
    let sk = vm.names.__slots__;
    let mut pending_members: Vec<ObjRef> = Vec::new();
    let slots = match vm.dict_get_str(dict, sk) {
        Some(s) => {
            let items = if vm.str_of(s).is_some() { vec![s] } else { vm.collect_iterable(s)? };
            let mut names: Vec<String> = items.iter().filter_map(|v| vm.str_of(*v).map(|x| x.to_string())).collect();
            for &b in &base_refs {
                if let ObjData::Type(t) = vm.heap.data(b) {
                    if let Some(bs) = &t.slots {
                        names.extend(bs.iter().cloned());
                    } else if !t.builtin {
                        names.push("__dict__".into());
                    }
                }
            }
            if names.iter().any(|n| n == "__dict__") {
                None
            } else {
                Some(names)
            }
        }
        None => None,
    };
    // Member descriptors for the slots this class declares itself.
    if let Some(s) = vm.dict_get_str(dict, sk) {
        let own: Vec<Value> = if vm.str_of(s).is_some() { vec![s] } else { vm.collect_iterable(s)? };
        for v in own {
            let Some(n) = vm.str_of(v).map(|x| x.to_string()) else {
                let tn = vm.type_name(v);
                return Err(vm.type_error(format!("__slots__ items must be strings, not '{}'", tn)));
            };
            if n == "__dict__" || n == "__weakref__" {
                continue;
            }
            let key = vm.intern(&n);
            if vm.dict_get_str(dict, key).is_some() {
                return Err(vm.value_error(format!("'{}' in __slots__ conflicts with class variable", n)));
            }
            pending_members.push(key);
        }
    }
    // Instances get a `__dict__` attribute unless slots forbid it or a
    // base already provides one.
    let dict_key = vm.names.__dict__;
    let base_has_dict = base_refs.iter().any(|&b| vm.lookup_type(b, dict_key).is_some());
    let needs_dict_descr = slots.is_none() && !base_has_dict;
    // (Any layout: an instance of a subclass of a built-in keeps its
    // attributes in a side dict, made on first use.)
    if needs_dict_descr {
        let dk = vm.names.__dict__;
        if vm.dict_get_str(dict, dk).is_none() {
            let gs = crate::builtins::make_getset(vm, "__dict__", name_static(name), get_instance_dict, Some(set_instance_dict));
            vm.dict_set_str(dict, dk, gs);
            let wk = vm.names.__weakref__;
            let ws = crate::builtins::make_getset(vm, "__weakref__", name_static(name), get_weakref, None);
            vm.dict_set_str(dict, wk, ws);
        }
    }
    let dk = vm.names.__doc__;
    if vm.dict_get_str(dict, dk).is_none() {
        vm.dict_set_str(dict, dk, Value::None);
    }
    let mut t = TypeObj::new(name, dict, layout);
    t.qualname = qualname;
    t.builtin = false;
    t.bases = base_refs.clone();
    t.slots = slots;
    let cls = vm.heap.alloc(meta, ObjData::Type(Box::new(t)));
    for key in pending_members {
        let mcls = vm.types.member_descriptor;
        let m = vm.alloc(mcls, ObjData::Member(Box::new((key, cls))));
        vm.dict_set_str(dict, key, m);
    }
    let mro = {
        let heap = &vm.heap;
        c3_linearize(cls, &base_refs, |b| match heap.data(b) {
            ObjData::Type(t) => t.mro.clone(),
            _ => vec![b],
        })
    };
    let mro = match mro {
        Ok(mro) => mro,
        Err(heads) => {
            let names: Vec<String> = heads.iter().map(|&b| class_name(vm, b)).collect();
            // CPython's message really has this line break.
            return Err(vm.type_error(format!("Cannot create a consistent method resolution\norder (MRO) for bases {}", names.join(", "))));
        }
    };
    if let ObjData::Type(t) = vm.heap.data_mut(cls) {
        t.mro = mro;
    }
    for &b in &base_refs {
        if let ObjData::Type(bt) = vm.heap.data_mut(b) {
            bt.subclasses.push(cls);
        }
    }
    // Inherit abstract-method bookkeeping (enforced for ABCMeta classes).
    inherit_abstract(vm, cls)?;
    if let Some(cell) = classcell {
        if let Some(ObjData::Cell(_)) = cell.as_obj().map(|r| vm.heap.data(r)) {
            *vm.heap.data_mut(cell.as_obj().expect("cell")) = ObjData::Cell(Value::Obj(cls));
        }
    }
    // A first version (the class is new: no cache describes it yet).
    vm.bump_class_version(cls);
    // __set_name__ on descriptors.
    let items: Vec<(Value, Value)> = vm.dict(dict).iter().collect();
    let sn = vm.names.__set_name__;
    for (k, v) in items {
        if let Value::Obj(vr) = v {
            if let ObjData::Property(p) = vm.heap.data_mut(vr) {
                if p.name.is_none() {
                    p.name = k;
                }
            } else if matches!(vm.heap.data(vr), ObjData::Instance(_)) {
                if let Some(m) = vm.lookup_special(v, sn) {
                    vm.call_value(m, &[v, Value::Obj(cls), k], &[])?;
                }
            }
        }
    }
    Ok(cls)
}

fn name_static(_n: &str) -> &'static str {
    "object"
}

fn get_instance_dict(vm: &mut Vm, obj: Value) -> PyResult<Value> {
    let found = obj.as_obj().and_then(|r| {
        let cls = vm.heap.class_of_obj(r);
        vm.instance_dict(r).or_else(|| vm.create_instance_dict(r, cls))
    });
    match found {
        Some(d) => Ok(Value::Obj(d)),
        None => {
            let tn = vm.type_name(obj);
            Err(vm.attribute_error(format!("'{}' object has no attribute '__dict__'", tn)))
        }
    }
}

fn set_instance_dict(vm: &mut Vm, obj: Value, d: Value) -> PyResult<()> {
    match (obj.as_obj(), d.as_obj()) {
        (Some(r), Some(dr)) if matches!(vm.heap.data(dr), ObjData::Dict(_)) => {
            match vm.heap.data_mut(r) {
                ObjData::Instance(slot) => *slot = crate::runtime::instance::InstanceAttrs::Dict(dr),
                ObjData::Exception(e) => e.dict = Some(dr),
                _ => {
                    vm.ext.extra_dicts.insert(r, dr);
                }
            }
            Ok(())
        }
        _ => Err(vm.type_error("__dict__ must be set to a dictionary")),
    }
}

fn get_weakref(_vm: &mut Vm, _obj: Value) -> PyResult<Value> {
    Ok(Value::None)
}

/// Abstract methods: those marked `__isabstractmethod__` in the class
/// namespace plus inherited ones not overridden by concrete attributes.
/// Only classes whose metaclass defines `__abstractmethods__` handling
/// (ABCMeta) enforce them; we compute them when any base has some or the
/// namespace marks some, and the metaclass is not plain `type`.
fn inherit_abstract(vm: &mut Vm, cls: ObjRef) -> PyResult<()> {
    let meta = vm.heap.class_of_obj(cls);
    if meta == vm.types.type_ {
        return Ok(());
    }
    let (dict, bases) = match vm.heap.data(cls) {
        ObjData::Type(t) => (t.dict, t.bases.clone()),
        _ => return Ok(()),
    };
    let mut abstract_names: Vec<String> = Vec::new();
    let ia = vm.names.__isabstractmethod__;
    let entries: Vec<(Value, Value)> = vm.dict(dict).iter().collect();
    for (k, v) in &entries {
        if is_abstract(vm, *v, ia)? {
            if let Some(s) = vm.str_of(*k) {
                abstract_names.push(s.to_string());
            }
        }
    }
    for b in bases {
        let inherited = match vm.heap.data(b) {
            ObjData::Type(t) => t.abstract_methods.clone(),
            _ => Vec::new(),
        };
        for name in inherited {
            let key = vm.intern(&name);
            if let Some(v) = vm.lookup_type(cls, key) {
                if is_abstract(vm, v, ia)? && !abstract_names.contains(&name) {
                    abstract_names.push(name);
                }
            }
        }
    }
    abstract_names.sort();
    if let ObjData::Type(t) = vm.heap.data_mut(cls) {
        t.abstract_methods = abstract_names;
    }
    Ok(())
}

fn is_abstract(vm: &mut Vm, v: Value, ia: ObjRef) -> PyResult<bool> {
    let target = match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::StaticMethod(f)) | Some(ObjData::ClassMethod(f)) => *f,
        Some(ObjData::Property(p)) => p.fget,
        _ => v,
    };
    match target.as_obj().map(|r| vm.heap.data(r)) {
        // Without a `__dict__` a function has no `__isabstractmethod__`
        // (nearly every method of a new class: no attribute lookup).
        Some(ObjData::Function(f)) if f.dict.is_none() => return Ok(false),
        Some(ObjData::Function(_)) => {}
        _ => return Ok(false),
    }
    match vm.get_attr_opt(target, ia)? {
        Some(x) => vm.truthy(x),
        None => Ok(false),
    }
}

/// Call `super(cls).__init_subclass__(**kw)` on a new class.
pub fn init_subclass(vm: &mut Vm, cls: ObjRef, kw: KwArgs) -> PyResult<()> {
    let mro = match vm.heap.data(cls) {
        ObjData::Type(t) => t.mro.clone(),
        _ => return Ok(()),
    };
    let key = vm.names.__init_subclass__;
    for &c in mro.iter().skip(1) {
        let d = match vm.heap.data(c) {
            ObjData::Type(t) => t.dict,
            _ => continue,
        };
        if let Some(m) = vm.dict_get_str(d, key) {
            // `object.__init_subclass__()` does nothing (kw: it raises).
            if c == vm.types.object && kw.is_empty() {
                return Ok(());
            }
            let f = vm.descr_get(m, Value::Undef, Value::Obj(cls))?;
            vm.call_value(f, &[], kw)?;
            return Ok(());
        }
    }
    Ok(())
}

/// `__build_class__(func, name, *bases, metaclass=..., **kw)`.
pub fn build_class(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    }
    let func = args[0];
    let name = args[1];
    let orig_bases: Vec<Value> = args[2..].to_vec();
    // PEP 560: __mro_entries__ (typing.Generic[T], NamedTuple, ...).
    let mut bases = Vec::new();
    let mut changed = false;
    let me = vm.names.__mro_entries__;
    for &b in &orig_bases {
        let is_type = matches!(b.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Type(_)));
        if !is_type {
            if let Some(m) = vm.get_attr_opt(b, me)? {
                let ob = vm.new_tuple(orig_bases.clone());
                let r = vm.call_value(m, &[ob], &[])?;
                bases.extend(vm.collect_iterable(r)?);
                changed = true;
                continue;
            }
        }
        bases.push(b);
    }
    let mut meta_kw = Vec::new();
    let mut metaclass = None;
    for &(k, v) in kw {
        if vm.str_of(k) == Some("metaclass") {
            metaclass = Some(v);
        } else {
            meta_kw.push((k, v));
        }
    }
    let mut meta = match metaclass {
        Some(m) => m,
        None => match bases.first() {
            Some(&b) => Value::Obj(vm.type_of(b)),
            None => Value::Obj(vm.types.type_),
        },
    };
    // The most derived metaclass among the bases.
    if let Some(mr) = meta.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::Type(_))) {
        let mut winner = mr;
        for &b in &bases {
            let bm = vm.type_of(b);
            if vm.is_subtype(winner, bm) {
                continue;
            }
            if vm.is_subtype(bm, winner) {
                winner = bm;
                continue;
            }
            return Err(vm.type_error("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases"));
        }
        meta = Value::Obj(winner);
    }
    let bases_t = vm.new_tuple(bases.clone());
    vm.temp_roots.push(bases_t);
    // `type.__prepare__` returns a new empty dict: skip the lookup and call
    // for plain classes.
    let ns = if meta.is(Value::Obj(vm.types.type_)) {
        vm.new_dict()
    } else {
        let prep = vm.names.__prepare__;
        match vm.get_attr_opt(meta, prep)? {
            Some(p) => vm.call_value(p, &[name, bases_t], &meta_kw)?,
            None => vm.new_dict(),
        }
    };
    vm.temp_roots.push(ns);
    let body_result = run_class_body(vm, func, ns);
    let result = match body_result {
        Ok(cell) => {
            if changed {
                if let Some(nsr) = ns.as_obj() {
                    let ob = vm.new_tuple(orig_bases.clone());
                    let k = vm.intern("__orig_bases__");
                    if matches!(vm.heap.data(nsr), ObjData::Dict(_)) {
                        vm.dict_set_str(nsr, k, ob);
                    }
                }
            }
            let cls = vm.call_value(meta, &[name, bases_t, ns], &meta_kw);
            match cls {
                Ok(c) => {
                    if let Some(cr) = cell.as_obj() {
                        if let ObjData::Cell(cur) = vm.heap.data_mut(cr) {
                            if cur.is_undef() {
                                *cur = c;
                            }
                        }
                    }
                    Ok(c)
                }
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    };
    vm.temp_roots.pop();
    vm.temp_roots.pop();
    result
}

/// Run a class body function with `ns` as its namespace; returns its
/// result (the `__class__` cell or None).
fn run_class_body(vm: &mut Vm, func: Value, ns: Value) -> PyResult<Value> {
    let Some(fr) = func.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::Function(_))) else {
        return Err(vm.type_error("__build_class__: func must be a function"));
    };
    let sp = vm.stack.len();
    if !vm.push_py_frame(fr, sp, 0, &[], sp, FrameReturn::Native)? {
        return Ok(vm.pop());
    }
    if let Some(f) = vm.frames.last_mut() {
        f.locals = ns.as_obj();
    }
    vm.run_nested()
}

// ---- super ----

fn super_new(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // args[0] is the `super` class itself.
    let (start, obj) = match args.len() {
        1 => zero_arg_super(vm)?,
        2 => (type_ref(vm, args[1], "super() argument 1 must be a type")?, Value::None),
        _ => (type_ref(vm, args[1], "super() argument 1 must be a type")?, args[2]),
    };
    if !obj.is_none() {
        let ok = match obj.as_obj().map(|r| vm.heap.data(r)) {
            Some(ObjData::Type(_)) => vm.is_subtype(obj.as_obj().expect("type"), start) || vm.is_instance_of(obj, start),
            _ => vm.is_instance_of(obj, start),
        };
        if !ok {
            return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
        }
    }
    let cls = vm.types.super_;
    Ok(vm.alloc(cls, ObjData::Super(Box::new((start, obj)))))
}

/// `super()` inside a method: the `__class__` cell and the first argument.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(ObjRef, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(vm.runtime_error("super(): no arguments"));
    };
    let code = frame.code.clone();
    let base = frame.base;
    if code.argcount == 0 && code.flags & crate::bytecode::flags::VARARGS == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = vm.stack[base];
    // The first argument may have been moved into a cell.
    if let Some(&(ci, _)) = code.cell_args.iter().find(|(_, a)| *a == 0) {
        let cell = vm.stack[base + code.nlocals as usize + ci as usize];
        if let Some(ObjData::Cell(v)) = cell.as_obj().map(|r| vm.heap.data(r)) {
            first = *v;
        }
    }
    let Some(pos) = code.freevars.iter().position(|n| n == "__class__") else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    let cell = vm.stack[base + code.nlocals as usize + code.cellvars.len() + pos];
    let cls = match cell.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Cell(Value::Obj(c))) => *c,
        _ => return Err(vm.runtime_error("super(): empty __class__ cell")),
    };
    if first.is_undef() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    Ok((cls, first))
}

fn super_getattribute(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    arity(vm, "super.__getattribute__", args, 2, 2)?;
    let name = name_arg(vm, args[1])?;
    super_getattr(vm, args[0], name)
}

/// Attribute lookup on a `super` object: search the MRO after the start
/// class, binding to the original object.
pub fn super_getattr(vm: &mut Vm, sup: Value, name: ObjRef) -> PyResult<Value> {
    let (start, obj) = match sup.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Super(s)) => **s,
        _ => return Err(vm.type_error("super: bad object")),
    };
    let obj_type = match obj.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(_)) if !vm.is_instance_of(obj, start) => obj.as_obj().expect("type"),
        _ => vm.type_of(obj),
    };
    let mro = match vm.heap.data(obj_type) {
        ObjData::Type(t) => t.mro.clone(),
        _ => Vec::new(),
    };
    let h = vm.str_hash(name);
    if vm.str_of(Value::Obj(name)) != Some("__class__") {
        if let Some(pos) = mro.iter().position(|&c| c == start) {
            for &c in &mro[pos + 1..] {
                let d = match vm.heap.data(c) {
                    ObjData::Type(t) => t.dict,
                    _ => continue,
                };
                let found = {
                    let dict = vm.dict(d);
                    dict.find(h, |k| vm.str_key_eq(k, name)).map(|i| dict.value_at(i))
                };
                if let Some(v) = found {
                    let inst = if obj_type == obj.as_obj().unwrap_or(obj_type) && matches!(obj.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Type(_))) && !vm.is_instance_of(obj, start) {
                        Value::None
                    } else {
                        obj
                    };
                    return vm.descr_get(v, inst, Value::Obj(obj_type));
                }
            }
        }
    }
    let cls = vm.type_of(sup);
    match vm.generic_getattr(sup, cls, name)? {
        Some(v) => Ok(v),
        None => {
            let n = vm.str_of(Value::Obj(name)).unwrap_or("").to_string();
            Err(vm.attribute_error(format!("'super' object has no attribute '{}'", n)))
        }
    }
}

fn super_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (start, obj) = match args[0].as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Super(s)) => **s,
        _ => return Ok(vm.new_str("<super>")),
    };
    let n = class_name(vm, start);
    let s = if obj.is_none() {
        format!("<super: <class '{}'>, NULL>", n)
    } else {
        let tn = vm.type_name(obj);
        format!("<super: <class '{}'>, <{} object>>", n, tn)
    };
    Ok(vm.new_str(s))
}

fn super_get(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

/// `isinstance` with `__instancecheck__` support.
pub fn isinstance(vm: &mut Vm, obj: Value, cls: Value) -> PyResult<bool> {
    match cls.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(_)) => {
            let c = cls.as_obj().expect("type");
            if vm.is_instance_of(obj, c) {
                return Ok(true);
            }
            let meta = vm.heap.class_of_obj(c);
            if meta != vm.types.type_ {
                let ic = vm.names.__instancecheck__;
                if let Some(m) = vm.lookup_type(meta, ic) {
                    let native = matches!(m.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native(n)) if n.owner == Some("type"));
                    if !native {
                        let r = vm.call_value(m, &[cls, obj], &[])?;
                        return vm.truthy(r);
                    }
                }
            }
            // `__class__` may be overridden (e.g. mocks, proxies).
            Ok(false)
        }
        Some(ObjData::Tuple(items)) => {
            let items = items.to_vec();
            for it in items {
                if isinstance(vm, obj, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(r) = crate::builtins::types::union_args(vm, cls) {
                for it in r {
                    if isinstance(vm, obj, it)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            // A generic alias like list[int] is not allowed.
            let ic = vm.names.__instancecheck__;
            if let Some(m) = vm.lookup_special(cls, ic) {
                let r = vm.call_value(m, &[cls, obj], &[])?;
                return vm.truthy(r);
            }
            Err(vm.type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"))
        }
    }
}

/// `issubclass` with `__subclasscheck__` support.
pub fn issubclass(vm: &mut Vm, sub: Value, cls: Value) -> PyResult<bool> {
    let Some(s) = sub.as_obj().filter(|r| matches!(vm.heap.data(*r), ObjData::Type(_))) else {
        return Err(vm.type_error("issubclass() arg 1 must be a class"));
    };
    match cls.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Type(_)) => {
            let c = cls.as_obj().expect("type");
            if vm.is_subtype(s, c) {
                return Ok(true);
            }
            let meta = vm.heap.class_of_obj(c);
            if meta != vm.types.type_ {
                let sc = vm.names.__subclasscheck__;
                if let Some(m) = vm.lookup_type(meta, sc) {
                    let native = matches!(m.as_obj().map(|r| vm.heap.data(r)), Some(ObjData::Native(n)) if n.owner == Some("type"));
                    if !native {
                        let r = vm.call_value(m, &[cls, sub], &[])?;
                        return vm.truthy(r);
                    }
                }
            }
            Ok(false)
        }
        Some(ObjData::Tuple(items)) => {
            let items = items.to_vec();
            for it in items {
                if issubclass(vm, sub, it)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => {
            if let Some(r) = crate::builtins::types::union_args(vm, cls) {
                for it in r {
                    if issubclass(vm, sub, it)? {
                        return Ok(true);
                    }
                }
                return Ok(false);
            }
            Err(vm.type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        }
    }
}

#[allow(dead_code)]
fn unused(vm: &Vm, kw: KwArgs) -> Option<Value> {
    kwarg(vm, kw, "")
}
