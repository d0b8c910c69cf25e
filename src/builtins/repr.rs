//! `repr()` of every built-in object kind, exactly as CPython prints it
//! (including `[...]` for self-referencing containers).

use crate::runtime::generator::GenKind;
use crate::runtime::iter::ViewKind;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// The repr of a built-in payload, or None for plain instances.
pub fn builtin_repr(vm: &mut Vm, r: ObjRef) -> PyResult<Option<String>> {
    let s = match vm.heap.data(r) {
        ObjData::Str(s) => str_repr(s.as_str()),
        ObjData::BigInt(_) => vm.int_to_decimal(Value::Obj(r))?,
        ObjData::Complex(c) => complex_repr(c.0, c.1),
        ObjData::Bytes(b) => bytes_repr(b),
        ObjData::ByteArray(b) => format!("bytearray({})", bytes_repr(b)),
        ObjData::List(_) | ObjData::Tuple(_) | ObjData::Dict(_) | ObjData::Set(_) | ObjData::DictView(..) => return container_repr(vm, r).map(Some),
        ObjData::Range(rg) => {
            if rg.step == 1 {
                format!("range({}, {})", rg.start, rg.stop)
            } else {
                format!("range({}, {}, {})", rg.start, rg.stop, rg.step)
            }
        }
        ObjData::Slice(parts) => {
            let parts = **parts;
            let a = vm.to_repr_string(parts[0])?;
            let b = vm.to_repr_string(parts[1])?;
            let c = vm.to_repr_string(parts[2])?;
            format!("slice({}, {}, {})", a, b, c)
        }
        ObjData::Function(f) => {
            let q = vm.str_of(f.qualname).unwrap_or("?").to_string();
            format!("<function {} at {:#x}>", q, vm.id_of(r))
        }
        ObjData::Native(n) => {
            let (name, owner, bound, kind) = (n.name, n.owner, n.bound, n.kind);
            if bound.is_undef() {
                match (owner, kind) {
                    (Some(o), crate::runtime::function::NativeKind::Method) => format!("<method '{}' of '{}' objects>", name, o),
                    _ => format!("<built-in function {}>", name),
                }
            } else if let Some(ObjData::Module(m)) = bound.as_obj().map(|b| vm.heap.data(b)) {
                let _ = m;
                format!("<built-in function {}>", name)
            } else if matches!(bound.as_obj().map(|b| vm.heap.data(b)), Some(ObjData::Type(_))) {
                format!("<built-in method {} of type object at {:#x}>", name, bound.as_obj().map(|b| vm.id_of(b)).unwrap_or(0))
            } else {
                let tn = vm.type_name(bound);
                let id = match bound {
                    Value::Obj(b) => vm.id_of(b),
                    _ => 0,
                };
                format!("<built-in method {} of {} object at {:#x}>", name, tn, id)
            }
        }
        ObjData::BoundMethod(b) => {
            let (s, f) = **b;
            let fname = match f.as_obj().map(|x| vm.heap.data(x)) {
                Some(ObjData::Function(func)) => vm.str_of(func.qualname).unwrap_or("?").to_string(),
                Some(ObjData::Native(n)) => n.name.to_string(),
                _ => "?".into(),
            };
            let sr = vm.to_repr_string(s)?;
            format!("<bound method {} of {}>", fname, sr)
        }
        ObjData::Type(_) => {
            let n = vm.class_full_name(r);
            format!("<class '{}'>", n)
        }
        ObjData::Module(m) => {
            let name = m.name.clone();
            let d = m.dict;
            let fk = vm.names.__file__;
            match vm.dict_get_str(d, fk).and_then(|f| vm.str_of(f).map(|s| s.to_string())) {
                Some(f) => format!("<module '{}' from '{}'>", name, f),
                None => format!("<module '{}' (built-in)>", name),
            }
        }
        ObjData::Cell(v) => {
            let v = *v;
            if v.is_undef() {
                format!("<cell at {:#x}: empty>", vm.id_of(r))
            } else {
                let tn = vm.type_name(v);
                let id = v.as_obj().map(|x| vm.id_of(x)).unwrap_or(0);
                format!("<cell at {:#x}: {} object at {:#x}>", vm.id_of(r), tn, id)
            }
        }
        ObjData::Code(c) => format!("<code object {} at {:#x}, file \"{}\", line {}>", c.name, vm.id_of(r), c.source.name, c.first_line),
        ObjData::Generator(g) => {
            let q = vm.gen_qualname_string(r);
            let kind = match g.kind {
                GenKind::Generator => "generator",
                GenKind::Coroutine => "coroutine",
                GenKind::AsyncGenerator => "async_generator",
            };
            format!("<{} object {} at {:#x}>", kind, q, vm.id_of(r))
        }
        ObjData::Exception(_) => return exception_repr(vm, r).map(Some),
        ObjData::Super(_) => return Ok(None),
        ObjData::Object if vm.heap.class_of_obj(r) == vm.types.not_implemented_type => "NotImplemented".into(),
        ObjData::Object if vm.heap.class_of_obj(r) == vm.types.ellipsis_type => "Ellipsis".into(),
        ObjData::Object if vm.heap.class_of_obj(r) == vm.types.object => format!("<object object at {:#x}>", vm.id_of(r)),
        ObjData::GetSet(g) => format!("<attribute '{}' of '{}' objects>", g.name, g.owner),
        ObjData::Member(m) => {
            let (n, owner) = **m;
            let owner = match vm.heap.data(owner) {
                ObjData::Type(t) => t.name.clone(),
                _ => String::new(),
            };
            format!("<member '{}' of '{}' objects>", vm.str_of(Value::Obj(n)).unwrap_or(""), owner)
        }
        ObjData::Native2(_) => return crate::asyncio::native_repr(vm, r),
        _ => return Ok(None),
    };
    Ok(Some(s))
}

/// `repr()` of a str: quotes chosen as CPython chooses them.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if is_printable(c) => out.push(c),
            c => {
                let cp = crate::runtime::str::code_point(c);
                if cp < 0x100 {
                    out.push_str(&format!("\\x{:02x}", cp));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", cp));
                } else {
                    out.push_str(&format!("\\U{:08x}", cp));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable()` for one character.
pub fn is_printable(c: char) -> bool {
    crate::builtins::unicode::is_printable(c)
}

pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

fn float_part(x: f64) -> String {
    let s = crate::vm::format::float_repr(x);
    s.strip_suffix(".0").map(|t| t.to_string()).unwrap_or(s)
}

pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", float_part(im));
    }
    let sign = if im < 0.0 || (im == 0.0 && im.is_sign_negative()) || (im.is_nan() && im.is_sign_negative()) { "-" } else { "+" };
    format!("({}{}{}j)", float_part(re), sign, float_part(im.abs()))
}

fn container_repr(vm: &mut Vm, r: ObjRef) -> PyResult<String> {
    if vm.repr_stack.contains(&r) {
        return Ok(match vm.heap.data(r) {
            ObjData::List(_) => "[...]".into(),
            ObjData::Dict(_) => "{...}".into(),
            ObjData::Tuple(_) => "(...)".into(),
            _ => {
                let tn = vm.type_name(Value::Obj(r));
                format!("{}(...)", tn)
            }
        });
    }
    // Nested containers recurse on the Rust stack: bound the depth the
    // way CPython's recursion limit does.
    if vm.repr_stack.len() + vm.frames.len() >= vm.recursion_limit {
        let c = vm.exc.recursion_error;
        return Err(vm.new_error(c, "maximum recursion depth exceeded while getting the repr of an object"));
    }
    vm.repr_stack.push(r);
    let out = container_repr_inner(vm, r);
    vm.repr_stack.pop();
    out
}

fn join_reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut out = String::new();
    for (i, &v) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.to_repr_string(v)?);
    }
    Ok(out)
}

fn container_repr_inner(vm: &mut Vm, r: ObjRef) -> PyResult<String> {
    match vm.heap.data(r) {
        ObjData::List(items) => {
            let items = items.clone();
            Ok(format!("[{}]", join_reprs(vm, &items)?))
        }
        ObjData::Tuple(items) => {
            let items = items.to_vec();
            if items.len() == 1 {
                Ok(format!("({},)", vm.to_repr_string(items[0])?))
            } else {
                Ok(format!("({})", join_reprs(vm, &items)?))
            }
        }
        ObjData::Dict(d) => {
            let items: Vec<(Value, Value)> = d.iter().collect();
            let mut out = String::from("{");
            for (i, (k, v)) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.to_repr_string(k)?);
                out.push_str(": ");
                out.push_str(&vm.to_repr_string(v)?);
            }
            out.push('}');
            let cls = vm.heap.class_of_obj(r);
            if cls == vm.types.mappingproxy {
                return Ok(format!("mappingproxy({})", out));
            }
            Ok(out)
        }
        ObjData::Set(s) => {
            let keys = s.keys();
            let frozen = vm.is_subtype(vm.heap.class_of_obj(r), vm.types.frozenset);
            let name = if frozen { "frozenset" } else { "set" };
            if keys.is_empty() {
                return Ok(format!("{}()", name));
            }
            let inner = join_reprs(vm, &keys)?;
            Ok(if frozen { format!("frozenset({{{}}})", inner) } else { format!("{{{}}}", inner) })
        }
        ObjData::DictView(d, kind) => {
            let (d, kind) = (*d, *kind);
            let items: Vec<(Value, Value)> = vm.dict(d).iter().collect();
            let (name, vals): (&str, Vec<Value>) = match kind {
                ViewKind::Keys => ("dict_keys", items.iter().map(|p| p.0).collect()),
                ViewKind::Values => ("dict_values", items.iter().map(|p| p.1).collect()),
                ViewKind::Items => {
                    let mut v = Vec::new();
                    for (k, val) in items {
                        v.push(vm.new_tuple(vec![k, val]));
                    }
                    ("dict_items", v)
                }
            };
            if vm.heap.class_of_obj(r) == vm.types.mappingproxy {
                let inner = container_repr_inner_dict(vm, d)?;
                return Ok(format!("mappingproxy({})", inner));
            }
            Ok(format!("{}([{}])", name, join_reprs(vm, &vals)?))
        }
        _ => Ok(String::new()),
    }
}

fn container_repr_inner_dict(vm: &mut Vm, d: ObjRef) -> PyResult<String> {
    let items: Vec<(Value, Value)> = vm.dict(d).iter().collect();
    let mut out = String::from("{");
    for (i, (k, v)) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&vm.to_repr_string(k)?);
        out.push_str(": ");
        out.push_str(&vm.to_repr_string(v)?);
    }
    out.push('}');
    Ok(out)
}

/// `ValueError('x')`: class name and the repr of the args.
fn exception_repr(vm: &mut Vm, r: ObjRef) -> PyResult<String> {
    let cls = vm.heap.class_of_obj(r);
    let name = match vm.heap.data(cls) {
        ObjData::Type(t) => t.name.clone(),
        _ => "?".into(),
    };
    let args = match vm.heap.data(r) {
        ObjData::Exception(e) => e.args,
        _ => Value::None,
    };
    let items = match args.as_obj().map(|a| vm.heap.data(a)) {
        Some(ObjData::Tuple(t)) => t.to_vec(),
        _ => Vec::new(),
    };
    if items.len() == 1 {
        return Ok(format!("{}({})", name, vm.to_repr_string(items[0])?));
    }
    Ok(format!("{}({})", name, join_reprs(vm, &items)?))
}
