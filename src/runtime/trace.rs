//! `trace_obj`: the one place that lists every heap reference an object
//! payload holds. The collector's correctness rests on this function.

use super::heap::push_value;
use super::instance::InstanceAttrs;
use super::iter::IterState;
use super::object::ObjData;
use super::set::Entry;
use super::value::ObjRef;
use crate::bytecode::CodeObject;

pub fn trace_code(code: &CodeObject, out: &mut Vec<ObjRef>) {
    for &c in code.consts.iter() {
        push_value(c, out);
    }
    out.extend(code.names.iter().copied());
    out.extend(code.param_names.iter().copied());
    // A stub holds no values, but its loaded form may be reachable only
    // through it (a function made before the first call loaded it).
    if let Some(full) = code.lazy.as_ref().and_then(|l| l.loaded()) {
        trace_code(full, out);
    }
}

pub fn trace_obj(data: &ObjData, out: &mut Vec<ObjRef>) {
    match data {
        ObjData::Object
        | ObjData::Str(_)
        | ObjData::Bytes(_)
        | ObjData::ByteArray(_)
        | ObjData::BigInt(_)
        | ObjData::Complex(_)
        | ObjData::Float(_)
        | ObjData::GetSet(_) => {}
        ObjData::Instance(InstanceAttrs::Dict(d)) => out.push(*d),
        ObjData::Instance(InstanceAttrs::Inline(values)) => values.iter().for_each(|&v| push_value(v, out)),
        ObjData::Member(m) => {
            out.push(m.0);
            out.push(m.1);
        }
        ObjData::List(items) => items.iter().for_each(|&v| push_value(v, out)),
        ObjData::Tuple(items) => items.iter().for_each(|&v| push_value(v, out)),
        ObjData::Dict(d) => {
            for (k, v) in d.iter() {
                push_value(k, out);
                push_value(v, out);
            }
        }
        ObjData::Set(s) => {
            for e in &s.table {
                if let Entry::Active { key, .. } = e {
                    push_value(*key, out);
                }
            }
        }
        ObjData::Range(_) => {}
        ObjData::Slice(parts) => parts.iter().for_each(|&v| push_value(v, out)),
        ObjData::Function(f) => {
            trace_code(&f.code, out);
            out.push(f.globals);
            push_value(f.name, out);
            push_value(f.qualname, out);
            f.defaults.iter().for_each(|&v| push_value(v, out));
            out.extend(f.kwdefaults);
            out.extend(f.closure.iter().copied());
            out.extend(f.dict);
            push_value(f.doc, out);
            out.extend(f.annotations);
            push_value(f.module, out);
        }
        ObjData::Native(n) => push_value(n.bound, out),
        ObjData::BoundMethod(b) => {
            push_value(b.0, out);
            push_value(b.1, out);
        }
        ObjData::Type(t) => {
            out.extend(t.bases.iter().copied());
            out.extend(t.mro.iter().copied());
            out.push(t.dict);
            out.extend(t.shared_keys.iter().map(|&(k, _)| k));
            // `subclasses` is weak, as in CPython: a class created at run
            // time must not live as long as its base. The collector prunes
            // dead entries (`Vm::prune_subclass_lists`).
        }
        ObjData::Module(m) => out.push(m.dict),
        ObjData::Cell(v) => push_value(*v, out),
        ObjData::Code(c) => trace_code(c, out),
        ObjData::Generator(g) => {
            trace_code(&g.frame.code, out);
            out.push(g.frame.globals);
            g.frame.stack.iter().for_each(|&v| push_value(v, out));
            out.extend(g.exc_state);
            if g.state == crate::runtime::generator::GenState::Running {
                push_value(g.resumer_exc, out);
            }
            if let Some(r) = &g.rare {
                push_value(r.name, out);
                push_value(r.qualname, out);
                push_value(r.ag_finalizer, out);
            }
        }
        ObjData::Exception(e) => {
            push_value(e.args, out);
            for tb in &e.traceback {
                trace_code(&tb.code, out);
            }
            push_value(e.cause, out);
            push_value(e.context, out);
            out.extend(e.dict);
        }
        ObjData::Property(p) => {
            push_value(p.fget, out);
            push_value(p.fset, out);
            push_value(p.fdel, out);
            push_value(p.doc, out);
            push_value(p.name, out);
        }
        ObjData::StaticMethod(v) | ObjData::ClassMethod(v) => push_value(*v, out),
        ObjData::Super(s) => {
            out.push(s.0);
            push_value(s.1, out);
        }
        ObjData::Iter(it) => trace_iter(it, out),
        ObjData::DictView(d, _) => out.push(*d),
        ObjData::Native2(n) => n.trace(out),
    }
}

fn trace_iter(it: &IterState, out: &mut Vec<ObjRef>) {
    match it {
        IterState::Seq { seq, .. } | IterState::SeqReversed { seq, .. } => out.push(*seq),
        IterState::Range { .. } | IterState::Done => {}
        IterState::Str { s, .. } => out.push(*s),
        IterState::Bytes { b, .. } => out.push(*b),
        IterState::Dict { dict, .. } => out.push(*dict),
        IterState::Set { set, .. } => out.push(*set),
        IterState::Enumerate { iter, count } => {
            push_value(*iter, out);
            push_value(*count, out);
        }
        IterState::Zip { iters, .. } => iters.iter().for_each(|&v| push_value(v, out)),
        IterState::Map { func, iters } => {
            push_value(*func, out);
            iters.iter().for_each(|&v| push_value(v, out));
        }
        IterState::Filter { func, iter, .. } => {
            push_value(*func, out);
            push_value(*iter, out);
        }
        IterState::GetItem { obj, .. } => push_value(*obj, out),
        IterState::Callable { func, sentinel } => {
            push_value(*func, out);
            push_value(*sentinel, out);
        }
    }
}
