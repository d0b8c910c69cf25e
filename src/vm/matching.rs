//! Runtime support for `match` statements (sequence/mapping/class
//! patterns) and for `except*` re-raising.

use crate::runtime::object::ObjData;
use crate::runtime::value::Value;
use crate::vm::{PyResult, Vm};

impl Vm {
    /// Mapping patterns match dicts and dict subclasses (and anything
    /// registered as a Mapping via `collections.abc`, which we approximate
    /// by the presence of `keys` and `__getitem__`).
    pub(crate) fn is_mapping_for_match(&mut self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Dict(_)) => true,
            Some(ObjData::Instance(_)) => {
                let k = self.names.keys;
                let g = self.names.__getitem__;
                self.lookup_special(v, k).is_some() && self.lookup_special(v, g).is_some()
            }
            _ => false,
        }
    }

    /// Sequence patterns match lists, tuples, ranges and other sequences,
    /// but not str, bytes or bytearray.
    pub(crate) fn is_sequence_for_match(&mut self, v: Value) -> bool {
        match v.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::List(_) | ObjData::Tuple(_) | ObjData::Range(_)) => true,
            Some(ObjData::Str(_) | ObjData::Bytes(_) | ObjData::ByteArray(_) | ObjData::Dict(_)) => false,
            Some(ObjData::Instance(_) | ObjData::Native2(_)) => {
                let g = self.names.__getitem__;
                let l = self.names.__len__;
                let k = self.names.keys;
                self.lookup_special(v, g).is_some() && self.lookup_special(v, l).is_some() && self.lookup_special(v, k).is_none()
            }
            _ => false,
        }
    }

    /// `MatchClass`: the attribute values for `Cls(p1, .., k=pk)`, or
    /// None when `subject` is not an instance or lacks an attribute.
    pub(crate) fn match_class(&mut self, subject: Value, cls: Value, npos: usize, kwnames: Value) -> PyResult<Value> {
        let Some(c) = cls.as_obj().filter(|r| matches!(self.heap.data(*r), ObjData::Type(_))) else {
            return Err(self.type_error("called match pattern must be a class"));
        };
        if !crate::builtins::object::isinstance(self, subject, cls)? {
            return Ok(Value::None);
        }
        let mut out = Vec::new();
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
                    let names = self.collect_iterable(ma)?;
                    if npos > names.len() {
                        let n = self.type_name(cls);
                        let _ = n;
                        let cn = match self.heap.data(c) {
                            ObjData::Type(t) => t.name.clone(),
                            _ => "?".into(),
                        };
                        return Err(self.type_error(format!("{}() accepts {} positional sub-pattern{} ({} given)", cn, names.len(), if names.len() == 1 { "" } else { "s" }, npos)));
                    }
                    for &n in &names[..npos] {
                        let Some(s) = self.str_of(n).map(|x| x.to_string()) else {
                            return Err(self.type_error("__match_args__ elements must be strings"));
                        };
                        let k = self.intern(&s);
                        match self.get_attr_opt(subject, k)? {
                            Some(v) => out.push(v),
                            None => return Ok(Value::None),
                        }
                    }
                }
                None if self_match && npos == 1 => out.push(subject),
                None => {
                    let cn = match self.heap.data(c) {
                        ObjData::Type(t) => t.name.clone(),
                        _ => "?".into(),
                    };
                    return Err(self.type_error(format!("{}() accepts 0 positional sub-patterns ({} given)", cn, npos)));
                }
            }
        }
        let kws = self.collect_iterable(kwnames)?;
        for k in kws {
            let s = self.str_of(k).unwrap_or("").to_string();
            let kr = self.intern(&s);
            match self.get_attr_opt(subject, kr)? {
                Some(v) => out.push(v),
                None => return Ok(Value::None),
            }
        }
        Ok(self.new_tuple(out))
    }

    /// What an `except*` block re-raises: None when everything was
    /// handled; the original exception when nothing was; otherwise a
    /// group of the unhandled rest and what handlers raised.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, rest: Value, raised: Value) -> PyResult<Value> {
        let raised = self.collect_iterable(raised)?;
        if raised.is_empty() {
            return Ok(rest);
        }
        let mut items = raised;
        if !rest.is_none() {
            items.push(rest);
        }
        if items.len() == 1 {
            return Ok(items[0]);
        }
        let msg = self.new_str("");
        let list = self.new_list(items);
        let cls = self.exc.base_exception_group;
        let _ = orig;
        self.call_value(Value::Obj(cls), &[msg, list], &[])
    }
}
