//! Rendering exceptions as CPython prints them: the last line
//! (`ValueError: boom`), notes added with `add_note`, the traceback with
//! its runs of repeated frames folded, the `__cause__`/`__context__`
//! chain, SyntaxError locations, "Did you mean" suggestions, and
//! exception groups drawn as nested boxes (`+-+---- 1 ----`), at most 15
//! members wide and 10 groups deep, like CPython 3.11.

use crate::runtime::exception::TbEntry;
use crate::runtime::object::ObjData;
use crate::runtime::value::{ObjRef, Value};
use crate::vm::Vm;

/// Members of a group shown before "and N more exceptions".
const MAX_GROUP_WIDTH: usize = 15;
/// Groups nested deeper than this show "... (max_group_depth is 10)".
const MAX_GROUP_DEPTH: usize = 10;

/// State of one rendering: the text so far, how deep inside exception
/// groups the next line is (each level indents by two columns and draws
/// a margin), whether the innermost group still owes its closing line,
/// and the exceptions already shown (a chain that loops stops there).
struct TbWriter {
    out: String,
    group_depth: usize,
    need_close: bool,
    seen: Vec<ObjRef>,
}

impl TbWriter {
    fn indent(&self) -> String {
        " ".repeat(2 * self.group_depth)
    }

    /// Append `text` (one or more lines ending in a newline), each line
    /// prefixed with the indent and, inside a group, the margin.
    fn emit_with(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.group_depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn emit(&mut self, text: &str) {
        self.emit_with(text, '|');
    }
}

impl Vm {
    /// The `str()` of an exception (its message).
    pub fn exception_message(&mut self, exc: Value) -> String {
        match self.to_str_string(exc) {
            Ok(s) => s,
            Err(_) => "<exception str() failed>".to_string(),
        }
    }

    /// `Module.Class` as CPython prints it in the last traceback line.
    pub fn exception_type_label(&mut self, exc: Value) -> String {
        let cls = self.type_of(exc);
        let (name, module) = match self.heap.data(cls) {
            ObjData::Type(t) => {
                let d = t.dict;
                let n = t.qualname.clone();
                let mname = self.names.__module__;
                let m = self.dict_get_str(d, mname);
                (n, m.and_then(|m| self.str_of(m).map(|s| s.to_string())))
            }
            _ => ("?".into(), None),
        };
        match module.as_deref() {
            None | Some("builtins") | Some("__main__") => name,
            Some(m) => format!("{}.{}", m, name),
        }
    }

    /// The last line: `ValueError: boom`.
    pub fn exception_line(&mut self, exc: Value) -> String {
        let label = self.exception_type_label(exc);
        let msg = self.exception_message(exc);
        if msg.is_empty() {
            label
        } else {
            format!("{}: {}", label, msg)
        }
    }

    /// Full CPython-style rendering, with the cause/context chain.
    pub fn format_exception(&mut self, exc: Value) -> String {
        let mut w = TbWriter { out: String::new(), group_depth: 0, need_close: false, seen: Vec::new() };
        self.write_exception_chain(exc, &mut w);
        w.out
    }

    /// `exc` after the exceptions it was caused by or raised while
    /// handling, oldest first.
    fn write_exception_chain(&mut self, exc: Value, w: &mut TbWriter) {
        let Value::Obj(r) = exc else { return };
        w.seen.push(r);
        let (cause, context, suppress) = match self.heap.data(r) {
            ObjData::Exception(e) => (e.cause, e.context, e.suppress_context),
            _ => (Value::None, Value::None, false),
        };
        if let Value::Obj(c) = cause {
            if !w.seen.contains(&c) {
                self.write_exception_chain(cause, w);
                w.emit("\nThe above exception was the direct cause of the following exception:\n\n");
            }
        } else if let (Value::Obj(c), false) = (context, suppress) {
            if !w.seen.contains(&c) {
                self.write_exception_chain(context, w);
                w.emit("\nDuring handling of the above exception, another exception occurred:\n\n");
            }
        }
        let members = self.group_members(exc);
        match members {
            None => {
                let tb = self.traceback_text(r);
                if !tb.is_empty() {
                    w.emit("Traceback (most recent call last):\n");
                    w.emit(&tb);
                }
                let only = self.exception_only(exc);
                w.emit(&only);
            }
            Some(_) if w.group_depth > MAX_GROUP_DEPTH => {
                w.emit(&format!("... (max_group_depth is {})\n", MAX_GROUP_DEPTH));
            }
            Some(members) => self.write_group(exc, r, &members, w),
        }
    }

    /// An exception group: its traceback and line, then each member in
    /// its own box.
    fn write_group(&mut self, exc: Value, r: ObjRef, members: &[Value], w: &mut TbWriter) {
        let toplevel = w.group_depth == 0;
        if toplevel {
            w.group_depth += 1;
        }
        let tb = self.traceback_text(r);
        if !tb.is_empty() {
            w.emit_with("Exception Group Traceback (most recent call last):\n", if toplevel { '+' } else { '|' });
            w.emit(&tb);
        }
        let only = self.exception_only(exc);
        w.emit(&only);
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        w.need_close = false;
        for i in 0..shown {
            let last = i + 1 == shown;
            if last {
                // A nested group drawn last closes the box itself.
                w.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated { "...".to_string() } else { (i + 1).to_string() };
            let line = format!("{}{}+---------------- {} ----------------\n", w.indent(), if i == 0 { "+-" } else { "  " }, title);
            w.out.push_str(&line);
            w.group_depth += 1;
            if truncated {
                let more = members.len() - MAX_GROUP_WIDTH;
                w.emit(&format!("and {} more exception{}\n", more, if more > 1 { "s" } else { "" }));
            } else {
                self.write_exception_chain(members[i], w);
            }
            if last && w.need_close {
                let line = format!("{}+------------------------------------\n", w.indent());
                w.out.push_str(&line);
                w.need_close = false;
            }
            w.group_depth -= 1;
        }
        if toplevel {
            w.group_depth = 0;
        }
    }

    /// The members of an exception group, or None for other exceptions.
    fn group_members(&mut self, exc: Value) -> Option<Vec<Value>> {
        let beg = self.exc.base_exception_group;
        if !self.isinstance_exc(exc, beg) {
            return None;
        }
        let members = self.get_attr_str(exc, "exceptions").ok()?;
        self.collect_iterable(members).ok()
    }

    /// The frames of a traceback, most recent last. Like CPython, a run
    /// of identical frames (same file, line and function) shows three
    /// times, then one summary line.
    fn traceback_text(&mut self, r: ObjRef) -> String {
        let tb: Vec<TbEntry> = match self.heap.data(r) {
            ObjData::Exception(e) => e.traceback.clone(),
            _ => Vec::new(),
        };
        let mut out = String::new();
        let mut last: Option<(&str, u32, &str)> = None;
        let mut repeats = 0usize;
        for entry in tb.iter().rev() {
            let key = (entry.code.source.name.as_str(), entry.line, entry.code.name.as_str());
            if last == Some(key) {
                repeats += 1;
            } else {
                push_repeat_summary(&mut out, repeats);
                last = Some(key);
                repeats = 1;
            }
            if repeats > 3 {
                continue;
            }
            out.push_str(&format!("  File \"{}\", line {}, in {}\n", entry.code.source.name, entry.line, entry.code.name));
            if let Some(text) = entry.code.source.line_text(entry.line) {
                let t = text.trim();
                if !t.is_empty() {
                    out.push_str(&format!("    {}\n", t));
                }
            }
        }
        push_repeat_summary(&mut out, repeats);
        out
    }

    /// What follows the frames: a SyntaxError's location, the
    /// `Type: message` line with any suggestion, then the notes.
    fn exception_only(&mut self, exc: Value) -> String {
        let mut out = String::new();
        // A SyntaxError raised at run time (compile(), import) shows its
        // location like the compiler does.
        if let Some(extra) = self.syntax_error_detail(exc) {
            out.push_str(&extra);
        }
        let line = self.exception_line(exc);
        out.push_str(&line);
        if let Some(s) = self.suggestion_for(exc) {
            out.push_str(&format!(". Did you mean: '{}'?", s));
        }
        out.push('\n');
        self.push_notes(exc, &mut out);
        out
    }

    /// `__notes__` (from `add_note`), one per line: a str as it is,
    /// anything else by its `str()`; a `__notes__` that is not a list or
    /// tuple by its `repr()`.
    fn push_notes(&mut self, exc: Value, out: &mut String) {
        let name = self.intern("__notes__");
        let Ok(Some(notes)) = self.get_attr_opt(exc, name) else { return };
        let items = match notes.as_obj().map(|n| self.heap.data(n)) {
            Some(ObjData::List(items)) => items.clone(),
            Some(ObjData::Tuple(items)) => items.to_vec(),
            _ => {
                let text = self.to_repr_string(notes).unwrap_or_else(|_| "<__notes__ repr() failed>".to_string());
                out.push_str(&text);
                out.push('\n');
                return;
            }
        };
        for note in items {
            let text = self.to_str_string(note).unwrap_or_else(|_| "<note str() failed>".to_string());
            out.push_str(&text);
            out.push('\n');
        }
    }

    /// The "Did you mean" name for a NameError (found when raised) or an
    /// AttributeError (from `dir()` of its `obj`).
    fn suggestion_for(&mut self, exc: Value) -> Option<String> {
        let r = exc.as_obj()?;
        if let ObjData::Exception(e) = self.heap.data(r) {
            if let Some(s) = &e.suggestion {
                return Some(s.to_string());
            }
        }
        let ae = self.exc.attribute_error;
        if !self.isinstance_exc(exc, ae) {
            return None;
        }
        let dict = match self.heap.data(r) {
            ObjData::Exception(e) => e.dict?,
            _ => return None,
        };
        let (nk, ok) = (self.intern("name"), self.intern("obj"));
        let name = self.dict_get_str(dict, nk)?;
        let obj = self.dict_get_str(dict, ok)?;
        let name = self.str_of(name)?.to_string();
        let listed = crate::builtins::functions::dir_of(self, obj).ok()?;
        let names: Vec<String> = listed.iter().filter_map(|v| self.str_of(*v).map(str::to_string)).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        crate::vm::suggest::closest(&refs, &name).map(str::to_string)
    }

    fn syntax_error_detail(&mut self, exc: Value) -> Option<String> {
        let se = self.exc.syntax_error;
        if !self.is_instance_of(exc, se) {
            return None;
        }
        let filename = self.get_attr_str(exc, "filename").ok()?;
        let lineno = self.get_attr_str(exc, "lineno").ok()?;
        let text = self.get_attr_str(exc, "text").ok()?;
        let offset = self.get_attr_str(exc, "offset").ok()?;
        let f = self.str_of(filename)?.to_string();
        let Value::Int(l) = lineno else { return None };
        let mut s = format!("  File \"{}\", line {}\n", f, l);
        if let Some(t) = self.str_of(text) {
            let trimmed = t.trim_start();
            let indent = t.chars().count() - trimmed.chars().count();
            let shown = trimmed.trim_end_matches(['\n', '\r']);
            s.push_str(&format!("    {}\n", shown.trim_end()));
            if let Value::Int(o) = offset {
                let col = (o as usize).saturating_sub(1).saturating_sub(indent);
                s.push_str(&format!("    {}^\n", " ".repeat(col)));
            }
        }
        Some(s)
    }

    /// Print an uncaught exception to stderr.
    pub fn print_exception(&mut self, exc: Value) {
        let text = self.format_exception(exc);
        self.out.flush_stdout();
        eprint!("{}", text);
    }
}

/// The line that stands for frames hidden after three identical ones.
fn push_repeat_summary(out: &mut String, repeats: usize) {
    if repeats > 3 {
        let more = repeats - 3;
        out.push_str(&format!("  [Previous line repeated {} more time{}]\n", more, if more == 1 { "" } else { "s" }));
    }
}
