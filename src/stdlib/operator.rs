//! The native `operator` module: the operators as functions (`add`,
//! `lt`, `getitem`, `iadd`, ... and their `__dunder__` aliases) and the
//! callable types `itemgetter`, `attrgetter`, `methodcaller`, with
//! CPython's reprs and messages.

use std::any::Any;

use crate::ast::{BinOp, CmpOp};
use crate::builtins::args::arity;
use crate::builtins::{add_method, add_native, set_type_attr, Kind};
use crate::runtime::class::Layout;
use crate::runtime::function::NativeFn;
use crate::runtime::object::{NativeData, ObjData};
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{KwArgs, PyResult, Vm};

enum Getter {
    Item(Vec<Value>),
    /// Each name split at dots, as interned strings.
    Attr(Vec<Vec<ObjRef>>, Vec<Value>),
    Method { name: Value, args: Vec<Value>, kw: Vec<(Value, Value)> },
}

struct GetterObj(Getter);

impl NativeData for GetterObj {
    fn trace(&self, out: &mut Vec<ObjRef>) {
        let mut p = |v: &Value| {
            if let Value::Obj(r) = v {
                out.push(*r);
            }
        };
        match &self.0 {
            Getter::Item(v) => v.iter().for_each(&mut p),
            Getter::Attr(parts, names) => {
                names.iter().for_each(&mut p);
                for ps in parts {
                    for r in ps {
                        p(&Value::Obj(*r));
                    }
                }
            }
            Getter::Method { name, args, kw } => {
                p(name);
                args.iter().for_each(&mut p);
                for (k, v) in kw {
                    p(k);
                    p(v);
                }
            }
        }
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

macro_rules! binop {
    ($name:ident, $op:expr, $inplace:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            two(vm, stringify!($name), args, kw)?;
            if $inplace {
                vm.inplace_op(args[0], args[1], $op)
            } else {
                vm.binary_op(args[0], args[1], $op)
            }
        }
    };
}

macro_rules! cmpop {
    ($name:ident, $op:expr) => {
        fn $name(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
            two(vm, stringify!($name), args, kw)?;
            vm.compare_op(args[0], args[1], $op)
        }
    };
}

fn no_kw(vm: &mut Vm, name: &str, kw: KwArgs) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(format!("{}() takes no keyword arguments", name.trim_end_matches('_'))))
    }
}

fn two(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    let n = name.trim_start_matches('_').trim_end_matches('_');
    let n = if name == "and_" || name == "or_" || name == "not_" { name } else { n };
    if args.len() != 2 {
        return Err(vm.type_error(format!("{} expected 2 arguments, got {}", n, args.len())));
    }
    Ok(())
}

fn one(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs) -> PyResult<()> {
    no_kw(vm, name, kw)?;
    arity(vm, name, args, 1, 1)
}

binop!(add, BinOp::Add, false);
binop!(sub, BinOp::Sub, false);
binop!(mul, BinOp::Mult, false);
binop!(matmul, BinOp::MatMult, false);
binop!(truediv, BinOp::Div, false);
binop!(floordiv, BinOp::FloorDiv, false);
binop!(mod_, BinOp::Mod, false);
binop!(pow, BinOp::Pow, false);
binop!(lshift, BinOp::LShift, false);
binop!(rshift, BinOp::RShift, false);
binop!(and_, BinOp::BitAnd, false);
binop!(or_, BinOp::BitOr, false);
binop!(xor, BinOp::BitXor, false);
binop!(iadd, BinOp::Add, true);
binop!(isub, BinOp::Sub, true);
binop!(imul, BinOp::Mult, true);
binop!(imatmul, BinOp::MatMult, true);
binop!(itruediv, BinOp::Div, true);
binop!(ifloordiv, BinOp::FloorDiv, true);
binop!(imod, BinOp::Mod, true);
binop!(ipow, BinOp::Pow, true);
binop!(ilshift, BinOp::LShift, true);
binop!(irshift, BinOp::RShift, true);
binop!(iand, BinOp::BitAnd, true);
binop!(ior, BinOp::BitOr, true);
binop!(ixor, BinOp::BitXor, true);
cmpop!(lt, CmpOp::Lt);
cmpop!(le, CmpOp::LtE);
cmpop!(eq, CmpOp::Eq);
cmpop!(ne, CmpOp::NotEq);
cmpop!(gt, CmpOp::Gt);
cmpop!(ge, CmpOp::GtE);

fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if let Some(r) = v.as_obj() {
        if matches!(vm.heap.data(r), ObjData::Dict(_)) {
            return false;
        }
    }
    let gi = vm.intern("__getitem__");
    vm.lookup_special(v, gi).is_some()
}

fn concat_impl(vm: &mut Vm, name: &str, args: &[Value], kw: KwArgs, inplace: bool) -> PyResult<Value> {
    two(vm, name, args, kw)?;
    if !is_sequence(vm, args[0]) {
        let tn = vm.type_name(args[0]);
        return Err(vm.type_error(format!("'{}' object can't be concatenated", tn)));
    }
    if inplace {
        vm.inplace_op(args[0], args[1], BinOp::Add)
    } else {
        vm.binary_op(args[0], args[1], BinOp::Add)
    }
}

fn concat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    concat_impl(vm, "concat", args, kw, false)
}

fn iconcat(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    concat_impl(vm, "iconcat", args, kw, true)
}

fn not_(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "not_", args, kw)?;
    Ok(Value::Bool(!vm.truthy(args[0])?))
}

fn truth(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "truth", args, kw)?;
    Ok(Value::Bool(vm.truthy(args[0])?))
}

fn is_(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "is_", args, kw)?;
    Ok(Value::Bool(args[0].is(args[1])))
}

fn is_not(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "is_not", args, kw)?;
    Ok(Value::Bool(!args[0].is(args[1])))
}

fn builtin(vm: &mut Vm, name: &str, args: &[Value]) -> PyResult<Value> {
    let b = vm.builtins;
    let k = vm.intern(name);
    let f = vm.dict_get_str(b, k).expect("builtin");
    vm.call_value(f, args, &[])
}

fn abs(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "abs", args, kw)?;
    builtin(vm, "abs", args)
}

fn index(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "index", args, kw)?;
    if let Value::Int(_) = args[0] {
        return Ok(args[0]);
    }
    if matches!(args[0].as_obj().map(|r| vm.heap.data(r)), Some(ObjData::BigInt(_))) {
        return Ok(args[0]);
    }
    let k = vm.intern("__index__");
    match vm.lookup_special(args[0], k) {
        Some(m) => vm.call_value(m, &[args[0]], &[]),
        None => {
            let tn = vm.type_name(args[0]);
            Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)))
        }
    }
}

fn neg(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "neg", args, kw)?;
    vm.unary_neg(args[0])
}

fn pos(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "pos", args, kw)?;
    vm.unary_pos(args[0])
}

fn invert(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    one(vm, "invert", args, kw)?;
    vm.unary_invert(args[0])
}

fn contains(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "contains", args, kw)?;
    Ok(Value::Bool(vm.contains(args[0], args[1])?))
}

fn count_of(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "countOf", args, kw)?;
    let items = vm.collect_iterable(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut n = 0;
    let mut err = None;
    for v in items {
        let same = matches!((v, args[1]), (Value::Obj(a), Value::Obj(b)) if a == b);
        match if same { Ok(true) } else { vm.eq(v, args[1]) } {
            Ok(true) => n += 1,
            Ok(false) => {}
            Err(e) => {
                err = Some(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    match err {
        Some(e) => Err(e),
        None => Ok(Value::Int(n)),
    }
}

fn index_of(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "indexOf", args, kw)?;
    let items = vm.collect_iterable(args[0])?;
    let base = vm.temp_roots.len();
    vm.temp_roots.extend_from_slice(&items);
    let mut found = Ok(None);
    for (i, v) in items.into_iter().enumerate() {
        let same = matches!((v, args[1]), (Value::Obj(a), Value::Obj(b)) if a == b);
        match if same { Ok(true) } else { vm.eq(v, args[1]) } {
            Ok(true) => {
                found = Ok(Some(i));
                break;
            }
            Ok(false) => {}
            Err(e) => {
                found = Err(e);
                break;
            }
        }
    }
    vm.temp_roots.truncate(base);
    match found? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => Err(vm.value_error("sequence.index(x): x not in sequence")),
    }
}

fn getitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "getitem", args, kw)?;
    vm.get_item(args[0], args[1])
}

fn setitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "setitem", kw)?;
    if args.len() != 3 {
        return Err(vm.type_error(format!("setitem expected 3 arguments, got {}", args.len())));
    }
    vm.set_item(args[0], args[1], args[2])?;
    Ok(Value::None)
}

fn delitem(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    two(vm, "delitem", args, kw)?;
    vm.del_item(args[0], args[1])?;
    Ok(Value::None)
}

fn length_hint(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "length_hint", kw)?;
    if args.is_empty() || args.len() > 2 {
        return Err(vm.type_error(format!("length_hint expected at {} 2 arguments, got {}", if args.is_empty() { "least" } else { "most" }, args.len())));
    }
    let default = match args.get(1) {
        None => 0,
        Some(&d) => match vm.int_value(d) {
            Some(i) => i,
            None => {
                let tn = vm.type_name(d);
                return Err(vm.type_error(format!("'{}' object cannot be interpreted as an integer", tn)));
            }
        },
    };
    let ln = vm.intern("__len__");
    if vm.lookup_special(args[0], ln).is_some() {
        return Ok(Value::Int(vm.len_of(args[0])? as i64));
    }
    let lh = vm.intern("__length_hint__");
    if let Some(m) = vm.lookup_special(args[0], lh) {
        let r = vm.call_value(m, &[args[0]], &[])?;
        if matches!((r, vm.not_implemented), (Value::Obj(a), Value::Obj(b)) if a == b) {
            return Ok(Value::Int(default));
        }
        return match vm.int_value(r) {
            Some(i) if i >= 0 => Ok(Value::Int(i)),
            Some(_) => Err(vm.value_error("__length_hint__() should return >= 0")),
            None => {
                let tn = vm.type_name(r);
                Err(vm.type_error(format!("__length_hint__ must be an integer, not {}", tn)))
            }
        };
    }
    Ok(Value::Int(default))
}

fn call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    if args.is_empty() {
        return Err(vm.type_error("call() missing 1 required positional argument: 'obj'"));
    }
    vm.call_value(args[0], &args[1..], kw)
}

// ---------------------------------------------------------------- getter types

fn getter<'a>(vm: &'a Vm, v: Value) -> Option<&'a Getter> {
    match v.as_obj().map(|r| vm.heap.data(r)) {
        Some(ObjData::Native2(n)) => n.as_any().downcast_ref::<GetterObj>().map(|g| &g.0),
        _ => None,
    }
}

fn itemgetter_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "itemgetter", kw)?;
    let cls = args[0].as_obj().expect("class");
    if args.len() < 2 {
        return Err(vm.type_error("itemgetter expected 1 argument, got 0"));
    }
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(GetterObj(Getter::Item(args[1..].to_vec()))))))
}

fn attrgetter_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    no_kw(vm, "attrgetter", kw)?;
    let cls = args[0].as_obj().expect("class");
    if args.len() < 2 {
        return Err(vm.type_error("attrgetter expected 1 argument, got 0"));
    }
    let mut parts = Vec::new();
    for &a in &args[1..] {
        let Some(s) = vm.str_of(a).map(str::to_string) else {
            return Err(vm.type_error("attribute name must be a string"));
        };
        let p: Vec<ObjRef> = s.split('.').map(|x| vm.intern(x)).collect();
        parts.push(p);
    }
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(GetterObj(Getter::Attr(parts, args[1..].to_vec()))))))
}

fn methodcaller_new(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let cls = args[0].as_obj().expect("class");
    if args.len() < 2 {
        return Err(vm.type_error("methodcaller needs at least one argument, the method name"));
    }
    if vm.str_of(args[1]).is_none() {
        return Err(vm.type_error("method name must be a string"));
    }
    let kw = kw.to_vec();
    Ok(vm.alloc(cls, ObjData::Native2(Box::new(GetterObj(Getter::Method { name: args[1], args: args[2..].to_vec(), kw })))))
}

enum Plan {
    Item(Vec<Value>),
    Attr(Vec<Vec<ObjRef>>),
    Method(Value, Vec<Value>, Vec<(Value, Value)>),
}

fn plan(vm: &mut Vm, this: Value) -> PyResult<Plan> {
    Ok(match getter(vm, this) {
        Some(Getter::Item(v)) => Plan::Item(v.clone()),
        Some(Getter::Attr(p, _)) => Plan::Attr(p.clone()),
        Some(Getter::Method { name, args, kw }) => Plan::Method(*name, args.clone(), kw.clone()),
        None => return Err(vm.type_error("expected an operator getter")),
    })
}

fn getter_call(vm: &mut Vm, args: &[Value], kw: KwArgs) -> PyResult<Value> {
    let this = args[0];
    let plan = plan(vm, this)?;
    let tn = match &plan {
        Plan::Item(_) => "itemgetter",
        Plan::Attr(_) => "attrgetter",
        Plan::Method(..) => "methodcaller",
    };
    if !kw.is_empty() {
        return Err(vm.type_error(format!("{}() takes no keyword arguments", tn)));
    }
    if args.len() != 2 {
        return Err(vm.type_error(format!("{} expected 1 argument, got {}", tn, args.len() - 1)));
    }
    let o = args[1];
    match plan {
        Plan::Item(keys) => {
            if keys.len() == 1 {
                return vm.get_item(o, keys[0]);
            }
            let base = vm.temp_roots.len();
            let mut out = Vec::new();
            for k in keys {
                match vm.get_item(o, k) {
                    Ok(v) => {
                        vm.temp_roots.push(v);
                        out.push(v);
                    }
                    Err(e) => {
                        vm.temp_roots.truncate(base);
                        return Err(e);
                    }
                }
            }
            vm.temp_roots.truncate(base);
            Ok(vm.new_tuple(out))
        }
        Plan::Attr(parts) => {
            let base = vm.temp_roots.len();
            let mut out = Vec::new();
            for p in &parts {
                let mut cur = o;
                for &name in p {
                    match vm.get_attr(cur, name) {
                        Ok(v) => cur = v,
                        Err(e) => {
                            vm.temp_roots.truncate(base);
                            return Err(e);
                        }
                    }
                }
                vm.temp_roots.push(cur);
                out.push(cur);
            }
            vm.temp_roots.truncate(base);
            if out.len() == 1 {
                Ok(out[0])
            } else {
                Ok(vm.new_tuple(out))
            }
        }
        Plan::Method(name, margs, mkw) => {
            let name = name.as_obj().expect("str");
            let m = vm.get_attr(o, name)?;
            vm.call_value(m, &margs, &mkw)
        }
    }
}

fn getter_repr(vm: &mut Vm, args: &[Value], _kw: KwArgs) -> PyResult<Value> {
    let this = args[0];
    let r = this.as_obj().expect("obj");
    let (kind, items, kw) = match getter(vm, this) {
        Some(Getter::Item(v)) => ("itemgetter", v.clone(), Vec::new()),
        Some(Getter::Attr(_, names)) => ("attrgetter", names.clone(), Vec::new()),
        Some(Getter::Method { name, args, kw }) => {
            let mut v = vec![*name];
            v.extend(args.iter().copied());
            ("methodcaller", v, kw.clone())
        }
        None => return Err(vm.type_error("expected an operator getter")),
    };
    let cls = vm.type_of(this);
    let cname = vm.class_full_name(cls);
    let _ = kind;
    if vm.repr_stack.contains(&r) {
        return Ok(vm.new_str(format!("{}(...)", cname)));
    }
    vm.repr_stack.push(r);
    let mut parts = Vec::new();
    let mut res = Ok(());
    for v in items {
        match vm.to_repr_string(v) {
            Ok(s) => parts.push(s),
            Err(e) => {
                res = Err(e);
                break;
            }
        }
    }
    if res.is_ok() {
        for (k, v) in kw {
            let k = vm.str_of(k).unwrap_or("").to_string();
            match vm.to_repr_string(v) {
                Ok(s) => parts.push(format!("{}={}", k, s)),
                Err(e) => {
                    res = Err(e);
                    break;
                }
            }
        }
    }
    vm.repr_stack.pop();
    res?;
    Ok(vm.new_str(format!("{}({})", cname, parts.join(", "))))
}

pub fn init(vm: &mut Vm, m: ObjRef) -> PyResult<()> {
    let d = vm.module_dict(m).expect("module dict");
    const FUNCS: &[(&str, &str, NativeFn)] = &[
        ("add", "__add__", add),
        ("sub", "__sub__", sub),
        ("mul", "__mul__", mul),
        ("matmul", "__matmul__", matmul),
        ("truediv", "__truediv__", truediv),
        ("floordiv", "__floordiv__", floordiv),
        ("mod", "__mod__", mod_),
        ("pow", "__pow__", pow),
        ("lshift", "__lshift__", lshift),
        ("rshift", "__rshift__", rshift),
        ("and_", "__and__", and_),
        ("or_", "__or__", or_),
        ("xor", "__xor__", xor),
        ("concat", "__concat__", concat),
        ("iadd", "__iadd__", iadd),
        ("isub", "__isub__", isub),
        ("imul", "__imul__", imul),
        ("imatmul", "__imatmul__", imatmul),
        ("itruediv", "__itruediv__", itruediv),
        ("ifloordiv", "__ifloordiv__", ifloordiv),
        ("imod", "__imod__", imod),
        ("ipow", "__ipow__", ipow),
        ("ilshift", "__ilshift__", ilshift),
        ("irshift", "__irshift__", irshift),
        ("iand", "__iand__", iand),
        ("ior", "__ior__", ior),
        ("ixor", "__ixor__", ixor),
        ("iconcat", "__iconcat__", iconcat),
        ("lt", "__lt__", lt),
        ("le", "__le__", le),
        ("eq", "__eq__", eq),
        ("ne", "__ne__", ne),
        ("gt", "__gt__", gt),
        ("ge", "__ge__", ge),
        ("not_", "__not__", not_),
        ("truth", "", truth),
        ("is_", "", is_),
        ("is_not", "", is_not),
        ("abs", "__abs__", abs),
        ("index", "__index__", index),
        ("neg", "__neg__", neg),
        ("pos", "__pos__", pos),
        ("invert", "__invert__", invert),
        ("inv", "__inv__", invert),
        ("contains", "__contains__", contains),
        ("countOf", "", count_of),
        ("indexOf", "", index_of),
        ("getitem", "__getitem__", getitem),
        ("setitem", "__setitem__", setitem),
        ("delitem", "__delitem__", delitem),
        ("length_hint", "", length_hint),
        ("call", "__call__", call),
    ];
    for &(n, dunder, f) in FUNCS {
        let v = vm.native_fn(n, f);
        let k = vm.intern(n);
        vm.dict_set_str(d, k, v);
        if !dunder.is_empty() {
            let k = vm.intern(dunder);
            vm.dict_set_str(d, k, v);
        }
    }
    let modname = vm.new_str("operator");
    let news: [(&'static str, NativeFn); 3] = [("itemgetter", itemgetter_new), ("attrgetter", attrgetter_new), ("methodcaller", methodcaller_new)];
    for (name, newf) in news {
        let t = crate::vm::types::new_type(&mut vm.heap, vm.types.type_, vm.types.object, vm.types.dict, name, Layout::Native);
        vm.ext.roots.push(Value::Obj(t));
        add_native(vm, t, name, "__new__", newf, Kind::Static);
        add_method(vm, t, name, "__call__", getter_call);
        add_method(vm, t, name, "__repr__", getter_repr);
        set_type_attr(vm, t, "__module__", modname);
        let k = vm.intern(name);
        vm.dict_set_str(d, k, Value::Obj(t));
    }
    let all: Vec<Value> = FUNCS.iter().map(|(n, _, _)| *n).chain(["itemgetter", "attrgetter", "methodcaller"]).map(|n| Value::Obj(vm.intern(n))).collect();
    let all = vm.new_list(all);
    let k = vm.intern("__all__");
    vm.dict_set_str(d, k, all);
    Ok(())
}
