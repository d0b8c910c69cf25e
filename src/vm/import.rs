//! Modules: loading compiled code into the VM (interning names, building
//! constants), compiling source with syntax errors turned into Python
//! exceptions, running module code, and the import system (`sys.modules`,
//! built-in and embedded modules, `.py` files and packages on `sys.path`,
//! relative imports, circular-import-friendly registration).

use std::rc::Rc;

use crate::bytecode::{CodeObject, CodeUnit, Const};
use crate::compiler::{self, Mode};
use crate::runtime::object::{ModuleObj, ObjData};
use crate::runtime::set::PySet;
use crate::runtime::value::{ObjRef, Value};
use crate::source::{SourceFile, SyntaxError};
use crate::stdlib::ModuleDef;
use crate::vm::{Frame, FrameReturn, PyErr, PyResult, Vm};

impl Vm {
    /// Turn compiler output into a code object of this VM.
    pub fn load_code(&mut self, unit: &CodeUnit, source: &Rc<SourceFile>) -> Rc<CodeObject> {
        let consts: Vec<Value> = unit.consts.iter().map(|c| self.load_const(c, source)).collect();
        let names: Vec<ObjRef> = unit.names.iter().map(|n| self.intern(n)).collect();
        let nparams = unit.argcount as usize
            + unit.kwonlyargcount as usize
            + (unit.flags & crate::bytecode::flags::VARARGS != 0) as usize
            + (unit.flags & crate::bytecode::flags::VARKEYWORDS != 0) as usize;
        let param_names: Vec<ObjRef> = unit.varnames.iter().take(nparams.max(unit.varnames.len().min(nparams))).map(|n| self.intern(n)).collect();
        Rc::new(CodeObject {
            name: unit.name.clone(),
            qualname: unit.qualname.clone(),
            source: source.clone(),
            first_line: unit.first_line,
            instrs: unit.instrs.clone().into_boxed_slice(),
            lines: unit.lines.clone().into_boxed_slice(),
            consts: consts.into_boxed_slice(),
            global_caches: Default::default(),
            attr_caches: Default::default(),
            names: names.into_boxed_slice(),
            varnames: unit.varnames.clone().into_boxed_slice(),
            param_names: param_names.into_boxed_slice(),
            cellvars: unit.cellvars.clone().into_boxed_slice(),
            freevars: unit.freevars.clone().into_boxed_slice(),
            cell_args: unit.cell_args.clone().into_boxed_slice(),
            nlocals: unit.varnames.len() as u32,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            exc_table: unit.exc_table.clone().into_boxed_slice(),
            docstring: unit.docstring.clone(),
            lazy: None,
            stacksize: unit.stacksize,
        })
    }

    fn load_const(&mut self, c: &Const, source: &Rc<SourceFile>) -> Value {
        match c {
            Const::None => Value::None,
            Const::Bool(b) => Value::Bool(*b),
            Const::Ellipsis => self.ellipsis,
            Const::Int(i) => Value::Int(*i),
            Const::BigInt(b) => self.new_bigint(b.clone()),
            Const::Float(f) => Value::Float(*f),
            Const::Complex(r, i) => {
                let cls = self.types.complex;
                self.alloc(cls, ObjData::Complex(Box::new((*r, *i))))
            }
            Const::Str(s) => {
                if s.len() <= 40 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                    Value::Obj(self.intern(s))
                } else {
                    self.new_str(s.as_str())
                }
            }
            Const::Bytes(b) => self.new_bytes(b.clone()),
            Const::Tuple(items) => {
                let vals: Vec<Value> = items.iter().map(|x| self.load_const(x, source)).collect();
                self.new_tuple(vals)
            }
            Const::FrozenSet(items) => {
                let vals: Vec<Value> = items.iter().map(|x| self.load_const(x, source)).collect();
                let first = self.new_frozenset_value(PySet::new());
                self.temp_roots.push(first);
                for v in vals {
                    // Constants are hashable by construction.
                    let _ = self.set_add(first, v);
                }
                // CPython's compiler builds the frozenset from the source
                // order, then its constant-merging pass rebuilds it from the
                // first set's iteration order; the table order (and so how
                // the set prints) is that of the second build.
                let order = self.set_keys(first.as_obj().expect("frozenset"));
                let fs = self.new_frozenset_value(PySet::new());
                for v in order {
                    let _ = self.set_add(fs, v);
                }
                self.temp_roots.pop();
                fs
            }
            Const::Code(unit) => {
                let code = self.load_code(unit, source);
                let cls = self.types.code;
                self.alloc(cls, ObjData::Code(code))
            }
        }
    }

    /// A Python `SyntaxError` (or subclass) instance from a front-end error.
    pub fn syntax_error_value(&mut self, e: &SyntaxError, file: &SourceFile) -> PyErr {
        let cls = match e.kind {
            crate::source::SyntaxErrorKind::SyntaxError => self.exc.syntax_error,
            crate::source::SyntaxErrorKind::IndentationError => self.exc.indentation_error,
            crate::source::SyntaxErrorKind::TabError => self.exc.tab_error,
        };
        let offset = e.span.start.min(file.text.len() as u32);
        let (line, col) = file.line_col(offset);
        let msg = self.new_str(e.msg.as_str());
        let fname = self.new_str(file.name.as_str());
        let text = match file.line_text(line) {
            Some(t) => self.new_str(format!("{}\n", t)),
            None => Value::None,
        };
        let details = self.new_tuple(vec![fname, Value::Int(line as i64), Value::Int(col as i64 + 1), text]);
        let exc = self.make_exception(cls, vec![msg, details]);
        let _ = self.set_exc_attr(exc, "msg", msg);
        let _ = self.set_exc_attr(exc, "filename", fname);
        let _ = self.set_exc_attr(exc, "lineno", Value::Int(line as i64));
        let _ = self.set_exc_attr(exc, "offset", Value::Int(col as i64 + 1));
        let _ = self.set_exc_attr(exc, "text", text);
        let _ = self.set_exc_attr(exc, "print_file_and_line", Value::None);
        PyErr(exc)
    }

    /// Parse and compile source text into a code object.
    pub fn compile_source(&mut self, text: &str, filename: &str, mode: Mode) -> PyResult<Rc<CodeObject>> {
        let file = Rc::new(SourceFile::new(filename, text));
        let unit = match mode {
            Mode::Eval => crate::parser::parse_expression(text).and_then(|e| compiler::compile_eval(&e, &file)),
            Mode::Interactive => crate::parser::parse_interactive(text).and_then(|m| compiler::compile_module(&m, &file, mode)),
            Mode::Module | Mode::Exec => crate::parser::parse_module(text).and_then(|m| compiler::compile_module(&m, &file, mode)),
        };
        match unit {
            Ok(u) => Ok(self.load_code(&u, &file)),
            Err(e) => Err(self.syntax_error_value(&e, &file)),
        }
    }

    /// Compile an embedded module's source, through the on-disk code
    /// cache (`stdlib::codecache`) so repeated runs skip the parser.
    pub fn compile_embedded(&mut self, name: &str, src: &'static str, fname: &str) -> PyResult<Rc<CodeObject>> {
        let file = Rc::new(SourceFile::embedded(fname, src));
        if let Some(code) = crate::stdlib::codecache::load(self, name, src, &file) {
            return Ok(code);
        }
        match crate::parser::parse_module(src).and_then(|m| compiler::compile_module(&m, &file, Mode::Module)) {
            Ok(unit) => {
                crate::stdlib::codecache::put(name, src, &unit);
                Ok(self.load_code(&unit, &file))
            }
            Err(e) => Err(self.syntax_error_value(&e, &file)),
        }
    }

    /// Run a module-level code object with the given namespaces.
    pub fn exec_code(&mut self, code: Rc<CodeObject>, globals: ObjRef, locals: Option<ObjRef>) -> PyResult<Value> {
        let code = if code.is_stub() { self.loaded_code(&code)? } else { code };
        if self.frames.len() >= self.recursion_limit {
            return Err(self.recursion_error());
        }
        let base = self.stack.len();
        let n = code.nlocalsplus();
        self.stack.resize(base + n, Value::Undef);
        if code.is_generator_like() {
            // Top-level-await REPL input: a coroutine over the globals.
            return Err(self.runtime_error("internal: coroutine module code must be run by the event loop"));
        }
        self.frames.push(Frame { code, ip: 0, base, ret_sp: base, globals, locals, gen: None, ret: FrameReturn::Native });
        self.run_nested()
    }

    /// A new module object (not registered in `sys.modules`).
    pub fn new_module(&mut self, name: &str) -> ObjRef {
        let dict = self.new_dict_ref();
        let n = self.new_str(name);
        let k = self.names.__name__;
        self.dict_set_str(dict, k, n);
        for key in ["__doc__", "__package__", "__loader__", "__spec__"] {
            let kr = self.intern(key);
            self.dict_set_str(dict, kr, Value::None);
        }
        let cls = self.types.module;
        self.heap.alloc(cls, ObjData::Module(Box::new(ModuleObj { name: name.to_string(), dict })))
    }

    pub fn module_dict(&self, m: ObjRef) -> Option<ObjRef> {
        match self.heap.data(m) {
            ObjData::Module(md) => Some(md.dict),
            _ => None,
        }
    }

    pub(crate) fn sys_modules_get(&mut self, name: &str) -> Option<Value> {
        let k = self.new_str(name);
        let m = self.modules;
        self.dict_get_item(m, k).ok().flatten()
    }

    fn sys_modules_set(&mut self, name: &str, module: Value) {
        let k = self.new_str(name);
        let m = self.modules;
        let _ = self.dict_set_item(m, k, module);
    }

    fn sys_modules_del(&mut self, name: &str) {
        let k = self.new_str(name);
        let m = self.modules;
        let _ = self.dict_del_item(m, k);
    }

    /// `ImportName`.
    pub(crate) fn import_name(&mut self, name: ObjRef, fromlist: Value, level: Value, globals: ObjRef) -> PyResult<Value> {
        let name = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
        let level = match level {
            Value::Int(l) => l as usize,
            _ => 0,
        };
        let full = if level > 0 { self.resolve_relative(&name, level, globals)? } else { name.clone() };
        if full.is_empty() {
            return Err(self.value_error("Empty module name"));
        }
        let module = self.import_module(&full)?;
        let has_fromlist = match fromlist.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Tuple(t)) => !t.is_empty(),
            _ => false,
        };
        if has_fromlist {
            // `from pkg import sub`: import submodules named in the list.
            let items = match fromlist.as_obj().map(|r| self.heap.data(r)) {
                Some(ObjData::Tuple(t)) => t.to_vec(),
                _ => Vec::new(),
            };
            let is_pkg = self.is_package(module);
            if is_pkg {
                for it in items {
                    let Some(sub) = self.str_of(it).map(|s| s.to_string()) else { continue };
                    if sub == "*" {
                        continue;
                    }
                    let md = self.module_dict_of(module);
                    let key = self.intern(&sub);
                    let present = md.map(|d| self.dict_get_str(d, key).is_some()).unwrap_or(false);
                    if !present {
                        match self.import_module(&format!("{}.{}", full, sub)) {
                            Ok(_) => {}
                            Err(e) => {
                                let mnf = self.exc.module_not_found_error;
                                if !self.isinstance_exc(e.value(), mnf) {
                                    return Err(e);
                                }
                            }
                        }
                    }
                }
            }
            return Ok(module);
        }
        if level == 0 {
            let top = full.split('.').next().unwrap_or("");
            return self.sys_modules_get(top).ok_or_else(|| self.import_error("import failed"));
        }
        // `from . import x` style with empty fromlist does not occur.
        Ok(module)
    }

    fn module_dict_of(&self, m: Value) -> Option<ObjRef> {
        m.as_obj().and_then(|r| self.module_dict(r))
    }

    fn is_package(&mut self, m: Value) -> bool {
        let Some(d) = self.module_dict_of(m) else { return false };
        let p = self.names.__path__;
        self.dict_get_str(d, p).is_some()
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: ObjRef) -> PyResult<String> {
        let pk = self.names.__package__;
        let package = match self.dict_get_str(globals, pk) {
            Some(p) if self.str_of(p).is_some() => self.str_of(p).unwrap_or("").to_string(),
            _ => {
                let nk = self.names.__name__;
                let modname = self.dict_get_str(globals, nk).and_then(|n| self.str_of(n).map(|s| s.to_string())).unwrap_or_default();
                let pathk = self.names.__path__;
                if self.dict_get_str(globals, pathk).is_some() {
                    modname
                } else {
                    modname.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default()
                }
            }
        };
        if package.is_empty() {
            let c = self.exc.import_error;
            let e = self.new_error(c, "attempted relative import with no known parent package");
            return Err(self.with_import_attrs(e, None, None));
        }
        let parts: Vec<&str> = package.split('.').collect();
        if level - 1 > parts.len() - 1 + 1 || level > parts.len() {
            let e = self.import_error("attempted relative import beyond top-level package");
            return Err(self.with_import_attrs(e, None, None));
        }
        let base = parts[..parts.len() - (level - 1)].join(".");
        Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) })
    }

    /// Import a module by its full dotted name (parents first).
    pub fn import_module(&mut self, full: &str) -> PyResult<Value> {
        if let Some(m) = self.sys_modules_get(full) {
            if m.is_none() {
                return Err(self.module_not_found(full));
            }
            return Ok(m);
        }
        let (parent, leaf) = match full.rsplit_once('.') {
            Some((p, l)) => (Some(p.to_string()), l.to_string()),
            None => (None, full.to_string()),
        };
        let mut search_path: Option<Vec<String>> = None;
        if let Some(p) = &parent {
            let pm = self.import_module(p)?;
            // The parent import may have imported us.
            if let Some(m) = self.sys_modules_get(full) {
                return Ok(m);
            }
            let pd = self.module_dict_of(pm);
            let pathk = self.names.__path__;
            let path = pd.and_then(|d| self.dict_get_str(d, pathk));
            match path {
                Some(pv) => {
                    let items = self.collect_iterable(pv)?;
                    search_path = Some(items.iter().filter_map(|v| self.str_of(*v).map(|s| s.to_string())).collect());
                }
                None => {
                    let c = self.exc.module_not_found_error;
                    let e = self.new_error(c, format!("No module named '{}'; '{}' is not a package", full, p));
                    return Err(self.with_import_attrs(e, Some(full), None));
                }
            }
        }
        let started = self.import_timing.as_mut().map(|stack| {
            stack.push(std::time::Duration::ZERO);
            std::time::Instant::now()
        });
        let module = self.load_module(full, &leaf, parent.is_none(), search_path);
        if let (Some(t0), Some(stack)) = (started, self.import_timing.as_mut()) {
            let total = t0.elapsed();
            let nested = stack.pop().unwrap_or_default();
            if let Some(outer) = stack.last_mut() {
                *outer += total;
            }
            eprintln!(
                "import time: {:>9} | {:>10} | {}{}",
                total.saturating_sub(nested).as_micros(),
                total.as_micros(),
                "  ".repeat(stack.len()),
                full
            );
        }
        let module = module?;
        if let Some(p) = parent {
            if let Some(pm) = self.sys_modules_get(&p) {
                if let Some(pd) = self.module_dict_of(pm) {
                    let k = self.intern(&leaf);
                    self.dict_set_str(pd, k, module);
                }
            }
        }
        Ok(module)
    }

    /// Find and run the module `full` (its parent package is already imported).
    fn load_module(&mut self, full: &str, leaf: &str, top_level: bool, search_path: Option<Vec<String>>) -> PyResult<Value> {
        let module = match (top_level, crate::stdlib::find_module(full)) {
            (_, Some(def)) => self.load_builtin_module(full, def)?,
            _ => {
                let dirs = match search_path {
                    Some(d) => d,
                    None => self.sys_path()?,
                };
                match self.find_source(leaf, &dirs) {
                    Some((path, is_pkg)) => self.load_source_module(full, &path, is_pkg)?,
                    None => return Err(self.module_not_found(full)),
                }
            }
        };
        Ok(module)
    }

    /// Set an ImportError's `name` and `path` attributes.
    #[cold]
    fn with_import_attrs(&mut self, e: PyErr, name: Option<&str>, path: Option<&str>) -> PyErr {
        let n = match name {
            Some(n) => self.new_str(n),
            None => Value::None,
        };
        let p = match path {
            Some(p) => self.new_str(p),
            None => Value::None,
        };
        let _ = self.set_exc_attr(e.0, "name", n);
        let _ = self.set_exc_attr(e.0, "path", p);
        // `msg`: the message, as `ImportError(msg, name=...)` would set it.
        let msg = crate::builtins::exceptions::exc_args(self, e.0).first().copied().unwrap_or(Value::None);
        let _ = self.set_exc_attr(e.0, "msg", msg);
        e
    }

    #[cold]
    fn module_not_found(&mut self, name: &str) -> PyErr {
        let c = self.exc.module_not_found_error;
        let e = self.new_error(c, format!("No module named '{}'", name));
        self.with_import_attrs(e, Some(name), None)
    }

    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let Some(sys) = self.sys_modules_get("sys") else { return Ok(vec![self.config.script_dir.clone()]) };
        let p = self.get_attr_str(sys, "path")?;
        let items = self.collect_iterable(p)?;
        Ok(items.iter().filter_map(|v| self.str_of(*v).map(|s| s.to_string())).collect())
    }

    fn find_source(&self, leaf: &str, dirs: &[String]) -> Option<(String, bool)> {
        for d in dirs {
            let base = if d.is_empty() { ".".to_string() } else { d.clone() };
            let pkg = std::path::Path::new(&base).join(leaf).join("__init__.py");
            if pkg.is_file() {
                return Some((pkg.to_string_lossy().to_string(), true));
            }
            let file = std::path::Path::new(&base).join(format!("{}.py", leaf));
            if file.is_file() {
                return Some((file.to_string_lossy().to_string(), false));
            }
        }
        None
    }

    fn load_builtin_module(&mut self, name: &str, def: ModuleDef) -> PyResult<Value> {
        let m = self.new_module(name);
        let mv = Value::Obj(m);
        self.sys_modules_set(name, mv);
        let dict = self.module_dict(m).expect("module dict");
        let r = match def {
            ModuleDef::Native(init) => init(self, m),
            ModuleDef::Source(src) => {
                let fname = format!("<frozen {}>", name);
                match self.compile_embedded(name, src, &fname) {
                    Ok(code) => self.exec_code(code, dict, None).map(|_| ()),
                    Err(e) => Err(e),
                }
            }
        };
        if let Err(e) = r {
            self.sys_modules_del(name);
            return Err(e);
        }
        // The module may have replaced itself in sys.modules.
        Ok(self.sys_modules_get(name).unwrap_or(mv))
    }

    fn load_source_module(&mut self, name: &str, path: &str, is_pkg: bool) -> PyResult<Value> {
        let text = match std::fs::read(path) {
            Ok(b) => b,
            Err(_) => return Err(self.module_not_found(name)),
        };
        let text = match String::from_utf8(text) {
            Ok(t) => t,
            Err(_) => {
                let c = self.exc.syntax_error;
                return Err(self.new_error(c, format!("Non-UTF-8 code in file {}", path)));
            }
        };
        let m = self.new_module(name);
        let mv = Value::Obj(m);
        let dict = self.module_dict(m).expect("module dict");
        let f = self.new_str(path);
        let fk = self.names.__file__;
        self.dict_set_str(dict, fk, f);
        let package = if is_pkg { name.to_string() } else { name.rsplit_once('.').map(|(p, _)| p.to_string()).unwrap_or_default() };
        let pv = self.new_str(package);
        let pk = self.names.__package__;
        self.dict_set_str(dict, pk, pv);
        if is_pkg {
            let dir = std::path::Path::new(path).parent().map(|p| p.to_string_lossy().to_string()).unwrap_or_default();
            let d = self.new_str(dir);
            let lst = self.new_list(vec![d]);
            let pathk = self.names.__path__;
            self.dict_set_str(dict, pathk, lst);
        }
        let bk = self.names.__builtins__;
        let b = self.builtins;
        self.dict_set_str(dict, bk, Value::Obj(b));
        self.sys_modules_set(name, mv);
        let code = match self.compile_source(&text, path, Mode::Module) {
            Ok(c) => c,
            Err(e) => {
                self.sys_modules_del(name);
                return Err(e);
            }
        };
        if let Err(e) = self.exec_code(code, dict, None) {
            self.sys_modules_del(name);
            return Err(e);
        }
        Ok(self.sys_modules_get(name).unwrap_or(mv))
    }

    /// `ImportFrom`: `from module import name`.
    pub(crate) fn import_from(&mut self, module: Value, name: ObjRef) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(module, name)? {
            return Ok(v);
        }
        let n = self.str_of(Value::Obj(name)).unwrap_or("").to_string();
        let mname = self.module_name_of(module);
        // A submodule imported but not yet bound (circular imports).
        if let Some(m) = self.sys_modules_get(&format!("{}.{}", mname, n)) {
            return Ok(m);
        }
        let file = self.module_file(module);
        let c = self.exc.import_error;
        let loc = match &file {
            Some(f) => format!(" ({})", f),
            None => " (unknown location)".to_string(),
        };
        let initializing = self.module_initializing(module);
        let msg = if initializing {
            format!("cannot import name '{}' from partially initialized module '{}' (most likely due to a circular import){}", n, mname, loc)
        } else {
            format!("cannot import name '{}' from '{}'{}", n, mname, loc)
        };
        let e = self.new_error(c, msg);
        Err(self.with_import_attrs(e, Some(&mname), file.as_deref()))
    }

    fn module_name_of(&self, m: Value) -> String {
        match m.as_obj().map(|r| self.heap.data(r)) {
            Some(ObjData::Module(md)) => md.name.clone(),
            _ => "?".into(),
        }
    }

    fn module_file(&mut self, m: Value) -> Option<String> {
        let d = self.module_dict_of(m)?;
        let fk = self.names.__file__;
        self.dict_get_str(d, fk).and_then(|v| self.str_of(v).map(|s| s.to_string()))
    }

    /// Whether a module's code is still running (its frame is live).
    fn module_initializing(&self, m: Value) -> bool {
        let Some(d) = self.module_dict_of(m) else { return false };
        self.frames.iter().any(|f| f.globals == d && f.code.name == "<module>")
    }

    /// `ImportStar`.
    pub(crate) fn import_star(&mut self, module: Value, ns: ObjRef) -> PyResult<()> {
        let Some(d) = self.module_dict_of(module) else {
            return Err(self.type_error("import * requires a module"));
        };
        let allk = self.names.__all__;
        let names: Vec<Value> = match self.dict_get_str(d, allk) {
            Some(all) => self.collect_iterable(all)?,
            None => self.dict(d).keys().into_iter().filter(|k| self.str_of(*k).map(|s| !s.starts_with('_')).unwrap_or(false)).collect(),
        };
        for n in names {
            let v = self.get_item(Value::Obj(d), n)?;
            self.dict_set_item(ns, n, v)?;
        }
        Ok(())
    }
}
