//! The rarely executed instructions of the dispatch loop, out of line.
//!
//! `run_frames` keeps only the hot arms (locals, constants, arithmetic,
//! jumps, calls, subscripts, iteration) in its `match`; the arms here
//! (deletions, class bodies, imports, `with`, pattern matching,
//! exception-group handling, displays of sets/dicts/strings) used to be
//! inlined into it and made its stack frame several KB, so the hot arms
//! kept values in spill slots. None of them jumps or pushes a frame:
//! they read and write the value stack and return `Ok(())` or an error
//! that the caller raises at the current instruction.

use crate::bytecode::{CodeObject, Instr};
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::{PyResult, Vm};

impl Vm {
    /// `del name` in a namespace dict (globals, or a module's or class
    /// body's namespace): NameError when it is not there. A suspended
    /// generator losing this reference may have to be closed now.
    fn del_name_in_dict(&mut self, ns: ObjRef, name: ObjRef) -> PyResult<()> {
        let old = self.dict_get_str(ns, name);
        if !self.dict_del_str(ns, name)? {
            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
            return Err(self.name_error(&n));
        }
        if let Some(old) = old {
            self.collect_after_del(old);
        }
        Ok(())
    }

    #[cold]
    #[inline(never)]
    pub(crate) fn run_cold(&mut self, instr: Instr, fi: usize, base: usize, code: &CodeObject) -> PyResult<()> {
        match instr {
            Instr::DeleteFast(i) => {
                if self.stack[base + i as usize].is_undef() {
                    return Err(self.unbound_local(&code.varnames[i as usize]));
                }
                let old = std::mem::replace(&mut self.stack[base + i as usize], Value::Undef);
                self.collect_after_del(old);
            }
            Instr::DeleteDeref(i) => {
                self.load_deref(code, base, i as usize)?;
                self.store_deref(base, i as usize, Value::Undef);
            }
            Instr::LoadClassDeref(op) => {
                let name = code.names[(op >> 16) as usize];
                let slot = (op & 0xffff) as usize;
                let ns = self.frames[fi].locals;
                let found = match ns {
                    Some(d) => self.dict_get_str(d, name),
                    None => None,
                };
                let v = match found {
                    Some(v) => v,
                    None => self.load_deref(code, base, slot)?,
                };
                self.stack.push(v);
            }
            Instr::DeleteGlobal(i) => {
                let g = self.frames[fi].globals;
                self.del_name_in_dict(g, code.names[i as usize])?;
            }
            Instr::LoadName(i) => {
                let v = self.load_name(fi, code.names[i as usize])?;
                self.stack.push(v);
            }
            Instr::StoreName(i) => {
                let v = self.pop();
                let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                let name = Value::Obj(code.names[i as usize]);
                // A `__prepare__` namespace may be any mapping.
                if self.is_exact_dict(ns) {
                    self.dict_set_item(ns, name, v)?;
                } else {
                    self.set_item(Value::Obj(ns), name, v)?;
                }
            }
            Instr::DeleteName(i) => {
                let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                let name = code.names[i as usize];
                if !self.is_exact_dict(ns) {
                    let r = self.del_item(Value::Obj(ns), Value::Obj(name));
                    if let Err(e) = r {
                        let ke = self.exc.key_error;
                        if self.isinstance_exc(e.value(), ke) {
                            let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
                            return Err(self.name_error(&n));
                        }
                        return Err(e);
                    }
                } else {
                    self.del_name_in_dict(ns, name)?;
                }
            }
            Instr::DeleteAttr(i) => {
                let obj = self.pop();
                self.del_attr(obj, code.names[i as usize])?;
            }
            Instr::DeleteSubscr => {
                let key = self.pop();
                let obj = self.pop();
                self.del_item(obj, key)?;
            }
            Instr::UnaryPositive => {
                let a = self.pop();
                let v = self.unary_pos(a)?;
                self.stack.push(v);
            }
            Instr::UnaryInvert => {
                let a = self.pop();
                let v = self.unary_invert(a)?;
                self.stack.push(v);
            }
            Instr::BuildSet(n) => {
                let start = self.stack.len() - n as usize;
                let set = self.new_set_value();
                for k in start..self.stack.len() {
                    let item = self.stack[k];
                    self.set_add(set, item)?;
                }
                self.stack.truncate(start);
                self.stack.push(set);
            }
            Instr::BuildMap(n) => {
                let start = self.stack.len() - 2 * n as usize;
                let d = self.new_dict();
                let dr = d.as_obj().expect("dict");
                let mut k = start;
                while k < self.stack.len() {
                    let (key, val) = (self.stack[k], self.stack[k + 1]);
                    self.dict_set_item(dr, key, val)?;
                    k += 2;
                }
                self.stack.truncate(start);
                self.stack.push(d);
            }
            Instr::BuildString(n) => {
                let start = self.stack.len() - n as usize;
                let mut s = String::new();
                for k in start..self.stack.len() {
                    s.push_str(self.str_of(self.stack[k]).unwrap_or(""));
                }
                self.stack.truncate(start);
                let v = self.new_str(s);
                self.stack.push(v);
            }
            Instr::SetAdd(d) => {
                let v = self.pop();
                let s = self.peek(d as usize);
                self.set_add(s, v)?;
            }
            Instr::MapAdd(d) => {
                let v = self.pop();
                let k = self.pop();
                let m = self.peek(d as usize);
                self.dict_set_item(m.as_obj().expect("dict"), k, v)?;
            }
            Instr::ListExtend(d) => {
                let it = self.top();
                let l = self.peek(d as usize + 1);
                self.list_extend(l, it)?;
                self.stack.pop();
            }
            Instr::SetUpdate(d) => {
                let it = self.top();
                let s = self.peek(d as usize + 1);
                self.set_update(s, it)?;
                self.stack.pop();
            }
            Instr::DictUpdate(d) => {
                let m = self.top();
                let target = self.peek(d as usize + 1);
                self.dict_update_display(target, m)?;
                self.stack.pop();
            }
            Instr::DictMerge(d) => {
                let m = self.top();
                let target = self.peek(d as usize + 1);
                let callee = self.peek(d as usize + 4);
                self.dict_merge_kwargs(target, m, callee)?;
                self.stack.pop();
            }
            Instr::ListToTuple => {
                let l = self.pop();
                let items = match l.as_obj().map(|r| self.heap.data(r)) {
                    Some(ObjData::List(items)) => items.clone(),
                    _ => Vec::new(),
                };
                let t = self.new_tuple(items);
                self.stack.push(t);
            }
            Instr::UnpackEx(op) => {
                let seq = self.pop();
                self.unpack_ex(seq, (op & 0xff) as usize, (op >> 8) as usize)?;
            }
            Instr::FormatValue(flags) => {
                let spec = if flags & 4 != 0 { Some(self.pop()) } else { None };
                let v = self.pop();
                let s = self.format_value(v, flags & 3, spec)?;
                self.stack.push(s);
            }
            Instr::MakeFunction(flags) => {
                let f = self.make_function(fi, flags)?;
                self.stack.push(f);
            }
            Instr::LoadBuildClass => {
                let b = self.builtins;
                let name = self.names.__build_class__;
                let v = self.dict_get_str(b, name);
                match v {
                    Some(v) => self.stack.push(v),
                    None => return Err(self.name_error("__build_class__")),
                }
            }
            Instr::PushExcInfo => {
                let exc = self.pop();
                let prev = self.exc_info;
                self.stack.push(prev);
                self.stack.push(exc);
                self.exc_info = exc;
            }
            Instr::PopExcept => {
                self.exc_info = self.pop();
            }
            Instr::CheckExcMatch => {
                let typ = self.pop();
                let exc = self.top();
                let m = self.exception_matches(exc, typ)?;
                self.stack.push(Value::Bool(m));
            }
            Instr::CheckEgMatch => {
                let typ = self.pop();
                let eg = self.pop();
                let (rest, matched) = self.exception_group_match(eg, typ)?;
                // The handler runs with the match as the current
                // exception (it becomes the context of new ones).
                if !matched.is_none() {
                    self.exc_info = matched;
                }
                self.stack.push(rest);
                self.stack.push(matched);
            }
            Instr::PrepReraiseStar => {
                let raised = self.pop();
                let rest = self.pop();
                let orig = self.pop();
                let r = self.prep_reraise_star(orig, rest, raised)?;
                self.stack.push(r);
            }
            Instr::LoadAssertionError => {
                let c = self.exc.assertion_error;
                self.stack.push(Value::Obj(c));
            }
            Instr::BeforeWith => {
                let cm = self.pop();
                let (exit, entered) = self.before_with(cm)?;
                self.stack.push(exit);
                self.stack.push(entered);
            }
            Instr::WithExceptStart => {
                let exc = self.peek(1);
                let exit = self.peek(3);
                let r = self.call_exit_with_exception(exit, exc)?;
                self.stack.push(r);
            }
            Instr::WithExitNormal => {
                let exit = self.pop();
                self.call_value(exit, &[Value::None, Value::None, Value::None], &[])?;
            }
            Instr::GetYieldFromIter => {
                let v = self.pop();
                let it = self.get_yield_from_iter(v, &code)?;
                self.stack.push(it);
            }
            Instr::ImportName(i) => {
                let fromlist = self.pop();
                let level = self.pop();
                let g = self.frames[fi].globals;
                let m = self.import_name(code.names[i as usize], fromlist, level, g)?;
                self.stack.push(m);
            }
            Instr::ImportFrom(i) => {
                let m = self.top();
                let v = self.import_from(m, code.names[i as usize])?;
                self.stack.push(v);
            }
            Instr::ImportStar => {
                let m = self.pop();
                let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                self.import_star(m, ns)?;
            }
            Instr::SetupAnnotations => {
                let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                let key = self.names.__annotations__;
                if self.dict_get_str(ns, key).is_none() {
                    let d = self.new_dict();
                    self.dict_set_str(ns, key, d);
                }
            }
            Instr::PrintExpr => {
                let v = self.pop();
                self.print_expr(v)?;
            }
            Instr::MatchMapping => {
                let v = self.top();
                let b = self.is_mapping_for_match(v);
                self.stack.push(Value::Bool(b));
            }
            Instr::MatchSequence => {
                let v = self.top();
                let b = self.is_sequence_for_match(v);
                self.stack.push(Value::Bool(b));
            }
            Instr::MatchKeys => {
                return Err(self.runtime_error("MatchKeys is not emitted by this compiler"));
            }
            Instr::GetLen => {
                let v = self.top();
                let n = self.len_of(v)?;
                self.stack.push(Value::Int(n as i64));
            }
            Instr::MatchClass(npos) => {
                let kwnames = self.pop();
                let cls = self.pop();
                let subject = self.pop();
                let r = self.match_class(subject, cls, npos as usize, kwnames)?;
                self.stack.push(r);
            }
            Instr::CopyDictWithoutKeys => {
                let keys = self.pop();
                let m = self.pop();
                let r = self.copy_dict_without_keys(m, keys)?;
                self.stack.push(r);
            }
            _ => return Err(self.runtime_error(format!("internal error: {:?} is not a cold instruction", instr))),
        }
        Ok(())
    }
}
