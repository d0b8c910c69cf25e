//! Runtime support for `match` statements (sequence/mapping/class
//! patterns) and for `except*` re-raising.

use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

/// CPython's type flags for pattern matching, as `collections.abc`
/// declares them in `__abc_tpflags__`.
const SEQUENCE_FLAG: i64 = 1 << 5;
const MAPPING_FLAG: i64 = 1 << 6;

impl Vm {
    /// Mapping patterns match dicts (and subclasses) and classes that
    /// declare themselves mappings the way `collections.abc.Mapping` does
    /// (`__abc_tpflags__`); duck typing is not enough, as in CPython.
    pub(crate) fn is_mapping_for_match(&mut self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Dict(_)) => true,
            Some(ObjData::Instance(_) | ObjData::Native2(_)) => self.abc_flag(v, MAPPING_FLAG),
            _ => false,
        }
    }

    /// Sequence patterns match lists, tuples, ranges, deques and classes
    /// declared sequences (`__abc_tpflags__`), never str, bytes or
    /// bytearray.
    pub(crate) fn is_sequence_for_match(&mut self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::List(_) | ObjData::Tuple(_) | ObjData::Range(_)) => true,
            Some(ObjData::Instance(_) | ObjData::Native2(_)) => self.abc_flag(v, SEQUENCE_FLAG),
            _ => false,
        }
    }

    /// Whether some class in `v`'s MRO sets `flag` in `__abc_tpflags__`
    /// (or is the native deque, a sequence).
    fn abc_flag(&mut self, v: Value, flag: i64) -> bool {
        let cls = self.type_of(v);
        let mro = match self.heap.data(cls) {
            ObjData::Type(t) => t.mro.clone(),
            _ => return false,
        };
        let key = self.intern("__abc_tpflags__");
        for c in mro {
            let (dict, builtin_deque) = match self.heap.data(c) {
                ObjData::Type(t) => (t.dict, t.builtin && t.name == "deque"),
                _ => continue,
            };
            if builtin_deque {
                return flag == SEQUENCE_FLAG;
            }
            if let Some(Value::Int(bits)) = self.dict_get_str(dict, key) {
                return bits & flag != 0;
            }
        }
        false
    }

    /// `MatchClass`: the attribute values for `Cls(p1, .., k=pk)`, or
    /// None when `subject` is not an instance or lacks an attribute.
    pub(crate) fn match_class(&mut self, subject: Value, cls: Value, npos: usize, kwnames: Value) -> PyResult<Value> {
        let Some(c) = cls.as_obj().filter(|r| matches!(self.heap.data(*r), ObjData::Type(_))) else {
            return Err(self.type_error("called match pattern must be a type"));
        };
        if !crate::builtins::object::isinstance(self, subject, cls)? {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
        // Attribute names already used, to reject `C(a, x=b)` when `a`
        // is `x`.
        let mut seen: Vec<String> = Vec::new();
        if npos > 0 {
            let ma = self.names.__match_args__;
            let match_args = self.get_attr_opt(cls, ma)?;
            // Built-ins like int(x)/str(x) match the subject itself.
            let self_match = {
                let t = &self.types;
                [t.int, t.float, t.str, t.bytes, t.bytearray, t.list, t.tuple, t.dict, t.set, t.frozenset, t.bool].contains(&c)
            };
            match match_args {
                Some(ma) => {
                    if !matches!(ma.as_obj().map(|r| self.heap.data(r)), Some(ObjData::Tuple(_))) {
                        let cn = self.class_display_name(c);
                        let tn = self.type_name(ma);
                        return Err(self.type_error(format!("{}.__match_args__ must be a tuple (got {})", cn, tn)));
                    }
                    let names = self.collect_iterable(ma)?;
                    if npos > names.len() {
                        let cn = self.class_display_name(c);
                        return Err(self.type_error(format!("{}() accepts {} positional sub-pattern{} ({} given)", cn, names.len(), if names.len() == 1 { "" } else { "s" }, npos)));
                    }
                    for &n in &names[..npos] {
                        let Some(s) = self.str_of(n).map(|x| x.to_string()) else {
                            let tn = self.type_name(n);
                            return Err(self.type_error(format!("__match_args__ elements must be strings (got {})", tn)));
                        };
                        seen.push(s.clone());
                        let k = self.intern(&s);
                        match self.get_attr_opt(subject, k)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                None if self_match && npos == 1 => out.push(subject),
                None => {
                    let cn = self.class_display_name(c);
                    return Err(self.type_error(format!("{}() accepts 0 positional sub-patterns ({} given)", cn, npos)));
                }
            }
        }
        let kws = self.collect_iterable(kwnames)?;
        for k in kws {
            let s = self.str_of(k).unwrap_or("").to_string();
            if seen.contains(&s) {
                let cn = self.class_display_name(c);
                return Err(self.type_error(format!("{}() got multiple sub-patterns for attribute '{}'", cn, s)));
            }
            seen.push(s.clone());
            let kr = self.intern(&s);
            match self.get_attr_opt(subject, kr)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    fn class_display_name(&self, c: crate::runtime::value::ObjRef) -> String {
        match self.heap.data(c) {
            ObjData::Type(t) => t.name.clone(),
            _ => "?".into(),
        }
    }

    /// What an `except*` block re-raises: None when everything was
    /// handled; the original exception when nothing was; otherwise a
    /// group of the unhandled rest and what handlers raised.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, rest: Value, raised: Value) -> PyResult<Value> {
        let mut excs = self.collect_iterable(raised)?;
        if !rest.is_none() {
            excs.push(rest);
        }
        if excs.is_empty() {
            return Ok(Value::None);
        }
        let beg = self.exc.base_exception_group;
        if !self.is_instance_of(orig, beg) {
            // A naked exception was wrapped; only one handler could run.
            return Ok(excs[0]);
        }
        // Groups made of `orig`'s own leaves (the unhandled rest, bare
        // re-raises) merge back into one projection of `orig`; anything
        // else is new and is grouped beside it.
        let mut orig_leaves = Vec::new();
        self.exception_leaves(orig, &mut orig_leaves)?;
        let mut keep = Vec::new();
        let mut new_raised = Vec::new();
        for e in excs {
            let mut leaves = Vec::new();
            self.exception_leaves(e, &mut leaves)?;
            let is_reraise = self.is_instance_of(e, beg) && leaves.iter().all(|l| orig_leaves.iter().any(|o| o.is(*l)));
            if is_reraise {
                keep.extend(leaves);
            } else {
                new_raised.push(e);
            }
        }
        let projection = if keep.is_empty() { Value::None } else { self.project_group(orig, &keep)? };
        if new_raised.is_empty() {
            return Ok(projection);
        }
        if !projection.is_none() {
            new_raised.push(projection);
        }
        if new_raised.len() == 1 {
            return Ok(new_raised[0]);
        }
        let msg = self.new_str("");
        let list = self.new_list(new_raised);
        self.call_value(Value::Obj(beg), &[msg, list], &[])
    }

    /// The leaf exceptions of a (nested) group, or the exception itself.
    fn exception_leaves(&mut self, e: Value, out: &mut Vec<Value>) -> PyResult<()> {
        let beg = self.exc.base_exception_group;
        if !self.is_instance_of(e, beg) {
            out.push(e);
            return Ok(());
        }
        let ek = self.intern("exceptions");
        let children = self.get_attr(e, ek)?;
        for c in self.collect_iterable(children)? {
            self.exception_leaves(c, out)?;
        }
        Ok(())
    }

    /// The part of `group` whose leaves are in `keep`, keeping its
    /// structure (`split` with a predicate on leaf identity).
    fn project_group(&mut self, group: Value, keep: &[Value]) -> PyResult<Value> {
        let keep = self.new_tuple(keep.to_vec());
        let matcher = self.native_bound("leaf_in", leaf_in, keep);
        let pair = self.call_method(group, "split", &[matcher])?;
        match pair.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) if t.len() == 2 => Ok(t[0]),
            _ => Ok(Value::None),
        }
    }
}

/// The projection predicate: is this exception one of the kept leaves
/// (by identity)?
fn leaf_in(vm: &mut Vm, args: &[Value], _kw: crate::vm::KwArgs) -> PyResult<Value> {
    let found = match (args.first().and_then(|t| t.as_obj()), args.get(1)) {
        (Some(t), Some(&e)) => match vm.heap.data(t) {
            ObjData::Tuple(items) => items.iter().any(|x| x.is(e)),
            _ => false,
        },
        _ => false,
    };
    Ok(Value::Bool(found))
}
