//! The native `contextvars` module: `ContextVar`, `Token`, `Context`,
//! `copy_context()`, with CPython's reprs and errors.
//!
//! A context is a small list of (variable, value) pairs owned by one
//! `Context` object; copying a context copies the list, so a copy never
//! sees later `set()`s of the original (CPython shares an immutable HAMT
//! for the same effect). The current context lives in
//! `vm.ext.context`; it is created empty on first use.
//!
//! For the event loop: `copy_current` gives a task its context at
//! creation, and `enter`/`leave` switch to it around each step (see the
//! functions' notes).

use std::any::Any;

use crate::builtins::args::kwarg;
use crate::builtins::{add_method, add_native, add_getset, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::function::NativeFn;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyErr, PyResult, Vm};

struct ContextObj {
    vars: Vec<(ObjRef, Value)>,
    entered: bool,
}

struct VarObj {
    name: Value,
    default: Option<Value>,
}

struct TokenObj {
    ctx: ObjRef,
    var: ObjRef,
    old: Option<Value>,
    used: bool,
}

struct ContextIter {
    ctx: ObjRef,
    index: usize,
    /// 0 keys, 1 values, 2 items.
    kind: u8,
}

fn push(v: &Value, out: &mut Vec<ObjRef>) {
    if let Value::Obj(r) = v {
        out.push(*r);
    }
}

macro_rules! native_data {
    ($t:ty, |$s:ident, $out:ident| $body:block) => {
        impl NativeData for $t {
            fn trace(&self, $out: &mut Vec<ObjRef>) {
                let $s = self;
                $body
            }
            fn as_any(&self) -> &dyn Any {
                self
            }
            fn as_any_mut(&mut self) -> &mut dyn Any {
                self
            }
        }
    };
}

native_data!(ContextObj, |s, out| {
    for (k, v) in &s.vars {
        out.push(*k);
        push(v, out);
    }
});
native_data!(VarObj, |s, out| {
    push(&s.name, out);
    if let Some(d) = &s.default {
        push(d, out);
    }
});
native_data!(TokenObj, |s, out| {
    out.push(s.ctx);
    out.push(s.var);
    if let Some(o) = &s.old {
        push(o, out);
    }
});
native_data!(ContextIter, |s, out| {
    out.push(s.ctx);
});

/// The module's types: Context, ContextVar, Token, the iterator, and the
/// `Token.MISSING` marker's type.
#[derive(Clone, Copy)]
struct Types {
    context: ObjRef,
    var: ObjRef,
    token: ObjRef,
    iter: ObjRef,
    missing: Value,
}

thread_local! {
    static TYPES: std::cell::Cell<Option<Types>> = const { std::cell::Cell::new(None) };
}

fn types(vm: &mut Vm) -> Types {
    if let Some(t) = TYPES.with(|t| t.get()) {
        return t;
    }
    let mk = |vm: &mut Vm, name: &str| {
        let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, name, Layout::Final);
        vm.ext.roots.push(Value::Obj(t));
        t
    };
    let context = mk(vm, "Context");
    let var = mk(vm, "ContextVar");
    let token = mk(vm, "Token");
    let iter = mk(vm, "context_iterator");
    let mcls = mk(vm, "_TokenMissing");
    add_method(vm, mcls, "_TokenMissing", "__repr__", missing_repr);
    let missing = vm.alloc(mcls, ObjData::Object);
    vm.ext.roots.push(missing);
    let t = Types { context, var, token, iter, missing };
    TYPES.with(|c| c.set(Some(t)));
    let methods: &[(ObjRef, &'static str, &'static str, NativeFn)] = &[
        (context, "Context", "run", ctx_run),
        (context, "Context", "copy", ctx_copy),
        (context, "Context", "get", ctx_get),
        (context, "Context", "keys", ctx_keys),
        (context, "Context", "values", ctx_values),
        (context, "Context", "items", ctx_items),
        (context, "Context", "__getitem__", ctx_getitem),
        (context, "Context", "__contains__", ctx_contains),
        (context, "Context", "__len__", ctx_len),
        (context, "Context", "__iter__", ctx_iter),
        (context, "Context", "__eq__", ctx_eq),
        (var, "ContextVar", "get", var_get),
        (var, "ContextVar", "set", var_set),
        (var, "ContextVar", "reset", var_reset),
        (var, "ContextVar", "__repr__", var_repr),
        (token, "Token", "__repr__", token_repr),
        (iter, "context_iterator", "__next__", iter_next),
        (iter, "context_iterator", "__iter__", iter_self),
    ];
    for &(cls, owner, name, f) in methods {
        add_method(vm, cls, owner, name, f);
    }
    add_native(vm, context, "Context", "__new__", ctx_new, Kind::Static);
    add_native(vm, var, "ContextVar", "__new__", var_new, Kind::Static);
    add_native(vm, token, "Token", "__new__", token_new, Kind::Static);
    for cls in [context, var, token] {
        let ga = vm.native_fn("__class_getitem__", class_getitem);
        let cm_cls = vm.types.classmethod;
        let cm = vm.alloc(cm_cls, ObjData::ClassMethod(ga));
        set_type_attr(vm, cls, "__class_getitem__", cm);
    }
    add_getset(vm, var, "ContextVar", "name", var_name, None);
    add_getset(vm, token, "Token", "var", token_var, None);
    add_getset(vm, token, "Token", "old_value", token_old, None);
    set_type_attr(vm, token, "MISSING", missing);
    set_type_attr(vm, context, "__hash__", Value::None);
    let modname = vm.new_str("_contextvars");
    for cls in [context, var, token] {
        set_type_attr(vm, cls, "__module__", modname);
    }
    t
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let t = types(vm);
    let d = vm.module_dict(m).expect("module dict");
    for (name, v) in [("Context", t.context), ("ContextVar", t.var), ("Token", t.token)] {
        let k = vm.intern(name);
        vm.dict_set_str(d, k, Value::Obj(v));
    }
    let f = vm.native_fn("copy_context", copy_context);
    let k = vm.intern("copy_context");
    vm.dict_set_str(d, k, f);
    let all: Vec<Value> = ["Context", "ContextVar", "Token", "copy_context"].iter().map(|n| Value::Obj(vm.intern(n))).collect();
    let all = vm.new_list(all);
    let k = vm.intern("__all__");
    vm.dict_set_str(d, k, all);
    Ok(())
}

// ---------------------------------------------------------------- access helpers

fn data<T: 'static>(vm: &Vm, v: Value) -> Option<&T> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => n.as_any().downcast_ref::<T>(),
        _ => None,
    }
}

fn data_mut<T: 'static>(vm: &mut Vm, v: Value) -> Option<&mut T> {
    match v.as_obj().map(|r| vm.heap.data_mut(r)) {
        Some(ObjData::Native2(n)) => n.as_any_mut().downcast_mut::<T>(),
        _ => None,
    }
}

fn descr_error(vm: &mut Vm, what: &str, v: Value) -> PyErr {
    let tn = vm.type_name(v);
    vm.type_error(format!("descriptor requires a '{}' object but received a '{}'", what, tn))
}

fn ctx_ref(vm: &mut Vm, v: Value) -> PyResult<&mut ContextObj> {
    if data::<ContextObj>(vm, v).is_none() {
        return Err(descr_error(vm, "_contextvars.Context", v));
    }
    Ok(data_mut::<ContextObj>(vm, v).expect("checked"))
}

fn var_ref(vm: &mut Vm, v: Value) -> PyResult<&VarObj> {
    if data::<VarObj>(vm, v).is_none() {
        return Err(descr_error(vm, "_contextvars.ContextVar", v));
    }
    Ok(data::<VarObj>(vm, v).expect("checked"))
}

fn new_context(vm: &mut Vm, vars: Vec<(ObjRef, Value)>) -> Value {
    let cls = types(vm).context;
    vm.alloc(cls, ObjData::Native2(Box::new(ContextObj { vars, entered: false })))
}

/// A new empty context.
pub fn new_empty(vm: &mut Vm) -> Value {
    new_context(vm, Vec::new())
}

/// The current context object (created empty on first use).
pub fn current(vm: &mut Vm) -> ObjRef {
    if let Some(c) = vm.ext.context {
        return c;
    }
    let c = new_context(vm, Vec::new()).as_obj().expect("obj");
    vm.ext.context = Some(c);
    c
}

/// A new context with the current context's variables: what a task or a
/// `call_soon` handle records when it is created without `context=`.
pub fn copy_current(vm: &mut Vm) -> Value {
    let c = current(vm);
    let vars = data::<ContextObj>(vm, Value::Obj(c)).map(|c| c.vars.clone()).unwrap_or_default();
    new_context(vm, vars)
}

/// Make `ctx` the current context (`Context.run` without the call).
/// Returns the previous current context, to hand back to `leave`.
/// RuntimeError if `ctx` is already entered (as CPython's).
pub fn enter(vm: &mut Vm, ctx: Value) -> PyResult<Option<ObjRef>> {
    let already = match data::<ContextObj>(vm, ctx) {
        Some(c) => c.entered,
        None => {
            let tn = vm.type_name(ctx);
            return Err(vm.type_error(format!("an instance of Context was expected, got {}", tn)));
        }
    };
    if already {
        let r = vm.default_repr(ctx.as_obj().expect("obj"));
        let r = r.replace("contextvars.Context object", "Context object");
        return Err(vm.runtime_error(format!("cannot enter context: {} is already entered", r)));
    }
    if let Some(c) = data_mut::<ContextObj>(vm, ctx) {
        c.entered = true;
    }
    let prev = vm.ext.context;
    vm.ext.context = ctx.as_obj();
    Ok(prev)
}

/// Undo `enter`: mark the current context left and restore `prev`.
pub fn leave(vm: &mut Vm, prev: Option<ObjRef>) {
    if let Some(c) = vm.ext.context {
        if let Some(c) = data_mut::<ContextObj>(vm, Value::Obj(c)) {
            c.entered = false;
        }
    }
    vm.ext.context = prev;
}

fn lookup(vm: &Vm, ctx: ObjRef, var: ObjRef) -> Option<Value> {
    data::<ContextObj>(vm, Value::Obj(ctx)).and_then(|c| c.vars.iter().find(|(k, _)| *k == var).map(|(_, v)| *v))
}

fn store(vm: &mut Vm, ctx: ObjRef, var: ObjRef, value: Option<Value>) {
    if let Some(c) = data_mut::<ContextObj>(vm, Value::Obj(ctx)) {
        let pos = c.vars.iter().position(|(k, _)| *k == var);
        match (pos, value) {
            (Some(i), Some(v)) => c.vars[i].1 = v,
            (Some(i), None) => {
                c.vars.remove(i);
            }
            (None, Some(v)) => c.vars.push((var, v)),
            (None, None) => {}
        }
    }
}

// ---------------------------------------------------------------- module functions

fn copy_context(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    if !args.is_empty() {
        return Err(vm.type_error(format!("copy_context() takes no arguments ({} given)", args.len())));
    }
    Ok(copy_current(vm))
}

fn class_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    // `ContextVar[int]` -> types.GenericAlias(ContextVar, int).
    crate::builtins::args::arity(vm, "__class_getitem__", args, 2, 2)?;
    crate::builtins::types::generic_alias(vm, args[0], args[1])
}

fn missing_repr(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(vm.new_str("<Token.MISSING>"))
}

// ---------------------------------------------------------------- Context

fn ctx_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() > 1 || !kw.is_empty() {
        return Err(vm.type_error("Context() does not accept any arguments"));
    }
    Ok(new_context(vm, Vec::new()))
}

fn ctx_run(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(vm.type_error("run() missing 1 required positional argument"));
    }
    let prev = enter(vm, args[0])?;
    let r = vm.call_value(args[1], &args[2..], kw);
    leave(vm, prev);
    r
}

fn ctx_copy(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let vars = ctx_ref(vm, args[0])?.vars.clone();
    Ok(new_context(vm, vars))
}

fn check_var(vm: &mut Vm, v: Value) -> PyResult<ObjRef> {
    if data::<VarObj>(vm, v).is_none() {
        let r = vm.to_repr_string(v)?;
        return Err(vm.type_error(format!("a ContextVar key was expected, got {}", r)));
    }
    Ok(v.as_obj().expect("obj"))
}

fn ctx_getitem(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    ctx_ref(vm, args[0])?;
    let var = check_var(vm, args[1])?;
    match lookup(vm, args[0].as_obj().expect("obj"), var) {
        Some(v) => Ok(v),
        None => Err(vm.key_error(args[1])),
    }
}

fn ctx_get(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    ctx_ref(vm, args[0])?;
    if !kw.is_empty() {
        return Err(vm.type_error("get() takes no keyword arguments"));
    }
    if args.len() < 2 || args.len() > 3 {
        let (w, n) = if args.len() < 2 { ("least", 1) } else { ("most", 2) };
        return Err(vm.type_error(format!("get expected at {} {} argument{}, got {}", w, n, if n == 1 { "" } else { "s" }, args.len() - 1)));
    }
    let key = args[1];
    let default = args.get(2).copied().unwrap_or(Value::None);
    let var = check_var(vm, key)?;
    Ok(lookup(vm, args[0].as_obj().expect("obj"), var).unwrap_or(default))
}

fn ctx_contains(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    ctx_ref(vm, args[0])?;
    let var = check_var(vm, args[1])?;
    Ok(Value::Bool(lookup(vm, args[0].as_obj().expect("obj"), var).is_some()))
}

fn ctx_len(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(Value::Int(ctx_ref(vm, args[0])?.vars.len() as i64))
}

fn ctx_eq(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    ctx_ref(vm, args[0])?;
    if data::<ContextObj>(vm, args[1]).is_none() {
        return Ok(vm.not_implemented);
    }
    let a = ctx_ref(vm, args[0])?.vars.clone();
    let b = ctx_ref(vm, args[1])?.vars.clone();
    if a.len() != b.len() {
        return Ok(Value::Bool(false));
    }
    for (k, v) in a {
        match b.iter().find(|(k2, _)| *k2 == k) {
            Some((_, w)) => {
                if !vm.eq(v, *w)? {
                    return Ok(Value::Bool(false));
                }
            }
            None => return Ok(Value::Bool(false)),
        }
    }
    Ok(Value::Bool(true))
}

fn make_iter(vm: &mut Vm, ctx: Value, kind: u8) -> PyResult<Value> {
    ctx_ref(vm, ctx)?;
    let cls = types(vm).iter;
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(ContextIter { ctx: ctx.as_obj().expect("obj"), index: 0, kind }))))
}

fn ctx_iter(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    make_iter(vm, args[0], 0)
}

/// `keys()`/`values()`/`items()`: lists of the current entries.
fn entries(vm: &mut Vm, ctx: Value, kind: u8) -> PyResult<Value> {
    let vars = ctx_ref(vm, ctx)?.vars.clone();
    let items: Vec<Value> = vars
        .into_iter()
        .map(|(k, v)| match kind {
            0 => Value::Obj(k),
            1 => v,
            _ => vm.new_tuple(vec![Value::Obj(k), v]),
        })
        .collect();
    Ok(vm.new_list(items))
}

fn ctx_keys(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    entries(vm, args[0], 0)
}

fn ctx_values(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    entries(vm, args[0], 1)
}

fn ctx_items(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    entries(vm, args[0], 2)
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Ok(args[0])
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let Some(it) = data::<ContextIter>(vm, args[0]) else { return Err(vm.type_error("context_iterator expected")) };
    let (ctx, i, kind) = (it.ctx, it.index, it.kind);
    let entry = data::<ContextObj>(vm, Value::Obj(ctx)).and_then(|c| c.vars.get(i).copied());
    let Some((k, v)) = entry else { return Err(vm.stop_iteration(Value::None)) };
    if let Some(it) = data_mut::<ContextIter>(vm, args[0]) {
        it.index += 1;
    }
    Ok(match kind {
        0 => Value::Obj(k),
        1 => v,
        _ => vm.new_tuple(vec![Value::Obj(k), v]),
    })
}

// ---------------------------------------------------------------- ContextVar

fn var_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0].as_obj().expect("class");
    let a = &args[1..];
    for (k, _) in kw {
        let k = vm.str_of(*k).unwrap_or("").to_string();
        if k != "default" && k != "name" {
            return Err(vm.type_error(format!("ContextVar() got an unexpected keyword argument '{}'", k)));
        }
    }
    if a.len() > 1 {
        return Err(vm.type_error(format!("ContextVar() takes exactly 1 positional argument ({} given)", a.len())));
    }
    let Some(name) = a.first().copied().or_else(|| kwarg(vm, kw, "name")) else {
        return Err(vm.type_error("ContextVar() missing required argument 'name' (pos 1)"));
    };
    if vm.str_of(name).is_none() {
        return Err(vm.type_error("context variable name must be a str"));
    }
    let default = kwarg(vm, kw, "default");
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(VarObj { name, default }))))
}

fn var_name(vm: &mut Vm, this: Value) -> PyResult<Value> {
    Ok(var_ref(vm, this)?.name)
}

fn var_get(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("ContextVar.get() takes no keyword arguments"));
    }
    if args.len() > 2 {
        return Err(vm.type_error(format!("get expected at most 1 argument, got {}", args.len() - 1)));
    }
    let default = var_ref(vm, args[0])?.default;
    let c = current(vm);
    if let Some(v) = lookup(vm, c, args[0].as_obj().expect("obj")) {
        return Ok(v);
    }
    if let Some(d) = args.get(1) {
        return Ok(*d);
    }
    if let Some(d) = default {
        return Ok(d);
    }
    let cls = vm.exc.lookup_error;
    let e = vm.make_exception(cls, vec![args[0]]);
    Err(PyErr(e))
}

fn var_set(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("ContextVar.set() takes no keyword arguments"));
    }
    var_ref(vm, args[0])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("ContextVar.set() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let var = args[0].as_obj().expect("obj");
    let c = current(vm);
    let old = lookup(vm, c, var);
    store(vm, c, var, Some(args[1]));
    let cls = types(vm).token;
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(TokenObj { ctx: c, var, old, used: false }))))
}

fn var_reset(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if !kw.is_empty() {
        return Err(vm.type_error("ContextVar.reset() takes no keyword arguments"));
    }
    var_ref(vm, args[0])?;
    if args.len() != 2 {
        return Err(vm.type_error(format!("ContextVar.reset() takes exactly one argument ({} given)", args.len() - 1)));
    }
    let tok = args[1];
    let Some(t) = data::<TokenObj>(vm, tok) else {
        let r = vm.to_repr_string(tok)?;
        return Err(vm.type_error(format!("expected an instance of Token, got {}", r)));
    };
    let (ctx, var, old, used) = (t.ctx, t.var, t.old, t.used);
    let tr = repr_of_token(vm, tok)?;
    if used {
        return Err(vm.runtime_error(format!("{} has already been used once", tr)));
    }
    if Value::Obj(var).is(args[0]) == false {
        return Err(vm.value_error(format!("{} was created by a different ContextVar", tr)));
    }
    if Some(ctx) != vm.ext.context {
        return Err(vm.value_error(format!("{} was created in a different Context", tr)));
    }
    if let Some(t) = data_mut::<TokenObj>(vm, tok) {
        t.used = true;
    }
    store(vm, ctx, var, old);
    Ok(Value::None)
}

fn var_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let (name, default) = {
        let v = var_ref(vm, args[0])?;
        (v.name, v.default)
    };
    let n = vm.to_repr_string(name)?;
    let mut s = format!("<ContextVar name={}", n);
    if let Some(d) = default {
        let d = vm.to_repr_string(d)?;
        s.push_str(&format!(" default={}", d));
    }
    let id = vm.id_of(args[0].as_obj().expect("obj"));
    s.push_str(&format!(" at {:#x}>", id));
    Ok(vm.new_str(s))
}

// ---------------------------------------------------------------- Token

fn token_new(vm: &mut Vm, _args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    Err(vm.runtime_error("Tokens can only be created by ContextVars"))
}

fn token_ref(vm: &mut Vm, v: Value) -> PyResult<&TokenObj> {
    if data::<TokenObj>(vm, v).is_none() {
        return Err(descr_error(vm, "_contextvars.Token", v));
    }
    Ok(data::<TokenObj>(vm, v).expect("checked"))
}

fn token_var(vm: &mut Vm, this: Value) -> PyResult<Value> {
    Ok(Value::Obj(token_ref(vm, this)?.var))
}

fn token_old(vm: &mut Vm, this: Value) -> PyResult<Value> {
    let old = token_ref(vm, this)?.old;
    Ok(old.unwrap_or_else(|| types(vm).missing))
}

fn repr_of_token(vm: &mut Vm, tok: Value) -> PyResult<String> {
    let (var, used) = {
        let t = token_ref(vm, tok)?;
        (t.var, t.used)
    };
    let vr = var_repr(vm, &[Value::Obj(var)], &[])?;
    let vr = vm.str_of(vr).unwrap_or("").to_string();
    let id = vm.id_of(tok.as_obj().expect("obj"));
    Ok(format!("<Token{} var={} at {:#x}>", if used { " used" } else { "" }, vr, id))
}

fn token_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let s = repr_of_token(vm, args[0])?;
    Ok(vm.new_str(s))
}
