//! Built-in functions and the methods of built-in types, one file per type
//! or group, all registered by `install` into the type namespaces and the
//! `builtins` module.

pub mod args;
pub mod bytes;
pub mod bytes_methods;
pub mod codecs;
pub mod dict;
pub mod exceptions;
pub mod float;
pub mod functions;
pub mod int;
pub mod iterators;
pub mod list;
pub mod object;
pub mod percent;
pub mod range;
pub mod repr;
pub mod set;
pub mod slice;
pub mod slot_wrappers;
pub mod str;
pub mod str_case;
pub mod tuple;
pub mod types;
pub mod unicode;
pub mod unicode_data;

use crate::runtime::function::{NativeFn, NativeFunction, NativeKind};
use crate::runtime::object::{GetSet, GetterFn, ObjData, SetterFn};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

/// How a native is bound when found on a type.
#[derive(Clone, Copy)]
pub enum Kind {
    Method,
    Class,
    Static,
}

fn type_dict(vm: &Vm, cls: ObjRef) -> ObjRef {
    match vm.heap.data(cls) {
        ObjData::Type(t) => t.dict,
        _ => panic!("internal error: not a type"),
    }
}

/// Put a native function into a type's namespace.
pub fn add_native(vm: &mut Vm, cls: ObjRef, owner: &'static str, name: &'static str, f: NativeFn, kind: Kind) {
    let kind = match kind {
        Kind::Method => NativeKind::Method,
        Kind::Class => NativeKind::ClassMethod,
        Kind::Static => NativeKind::StaticMethod,
    };
    let ncls = if kind == NativeKind::Method { vm.types.method_descriptor } else { vm.types.builtin_function };
    let n = NativeFunction { name, owner: Some(owner), func: f, kind, bound: Value::Undef, doc: None };
    let v = vm.alloc(ncls, ObjData::Native(Box::new(n)));
    let d = type_dict(vm, cls);
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
    type_changed(vm, cls);
}

/// Put native functions into a module's namespace `dict`.
pub fn add_functions(vm: &mut Vm, dict: ObjRef, funcs: &[(&'static str, NativeFn)]) {
    for &(name, f) in funcs {
        let v = vm.native_fn(name, f);
        let k = vm.intern(name);
        vm.dict_set_str(dict, k, v);
    }
}

pub fn add_method(vm: &mut Vm, cls: ObjRef, owner: &'static str, name: &'static str, f: NativeFn) {
    add_native(vm, cls, owner, name, f, Kind::Method);
}

/// Add several methods at once.
pub fn add_methods(vm: &mut Vm, cls: ObjRef, owner: &'static str, methods: &[(&'static str, NativeFn)]) {
    for &(name, f) in methods {
        add_method(vm, cls, owner, name, f);
    }
}

pub fn make_getset(vm: &mut Vm, name: &'static str, owner: &'static str, get: GetterFn, set: Option<SetterFn>) -> Value {
    let cls = vm.types.getset_descriptor;
    vm.alloc(cls, ObjData::GetSet(Box::new(GetSet { name, owner, get, set })))
}

/// A native attribute (data descriptor) on a type.
pub fn add_getset(vm: &mut Vm, cls: ObjRef, owner: &'static str, name: &'static str, get: GetterFn, set: Option<SetterFn>) {
    let v = make_getset(vm, name, owner, get, set);
    let d = type_dict(vm, cls);
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
    type_changed(vm, cls);
}

/// Set a plain attribute in a type's namespace.
pub fn set_type_attr(vm: &mut Vm, cls: ObjRef, name: &str, v: Value) {
    let d = type_dict(vm, cls);
    let k = vm.intern(name);
    vm.dict_set_str(d, k, v);
    type_changed(vm, cls);
}

/// A type's namespace changed: a new version, so no attribute cache keeps
/// what it found before. During `install` the bump is deferred to its end,
/// once per type: nothing can have cached a lookup in between (no Python
/// code runs), and each bump walks the type's subclasses.
fn type_changed(vm: &mut Vm, cls: ObjRef) {
    match &mut vm.ext.builtins_changed {
        Some(changed) => changed.push(cls),
        None => vm.bump_class_version(cls),
    }
}

/// Install all built-in type methods and create the `builtins` module.
pub fn install(vm: &mut Vm) {
    vm.ext.builtins_changed = Some(Vec::with_capacity(1024));
    object::install(vm);
    int::install(vm);
    float::install(vm);
    slot_wrappers::install(vm);
    str::install(vm);
    bytes::install(vm);
    list::install(vm);
    tuple::install(vm);
    dict::install(vm);
    set::install(vm);
    range::install(vm);
    slice::install(vm);
    types::install(vm);
    iterators::install(vm);
    exceptions::install(vm);
    codecs::install(vm);
    // Every built-in type reports module `builtins` and has its own
    // `__doc__` entry (None unless set), so instances never see
    // `object`'s docstring.
    let all = vm.types.all();
    for t in all {
        let d = type_dict(vm, t);
        let k = vm.names.__module__;
        if vm.dict_get_str(d, k).is_none() {
            let b = vm.intern("builtins");
            vm.dict_set_str(d, k, Value::Obj(b));
        }
        let dk = vm.names.__doc__;
        if vm.dict_get_str(d, dk).is_none() {
            vm.dict_set_str(d, dk, Value::None);
        }
    }
    for (_, t) in vm.exc.all() {
        let d = type_dict(vm, t);
        let k = vm.names.__module__;
        let b = vm.intern("builtins");
        vm.dict_set_str(d, k, Value::Obj(b));
    }
    let mut changed = vm.ext.builtins_changed.take().unwrap_or_default();
    // Entries come type by type: consecutive duplicates are nearly all of
    // them (sorting first cost 100k instructions).
    changed.dedup();
    for t in changed {
        vm.bump_class_version(t);
    }
    functions::install(vm);
}
