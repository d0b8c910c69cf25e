//! Scope analysis: decides, for every name in every scope, whether it is a
//! fast local, a cell, a free variable, a global, or a namespace lookup.
//!
//! Two passes, as in CPython: `Builder` walks the AST recording what each
//! scope binds, uses and declares; `resolve` then works top-down with the
//! set of names bound by enclosing function scopes. Class scopes are
//! skipped when methods resolve free names, which is why a method cannot
//! see class attributes as bare names. Scopes are keyed by the address of
//! their AST node, which stays put for the whole compilation.

use std::collections::{HashMap, HashSet};

use crate::ast::*;
use crate::source::{Span, SyntaxError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Where a name lives, from the point of view of one scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameScope {
    /// A fast local slot.
    Local,
    /// A local captured by an inner scope: lives in a cell.
    Cell,
    /// A variable of an enclosing function, reached through a cell.
    Free,
    /// Declared `global`, or never bound anywhere visible.
    GlobalExplicit,
    GlobalImplicit,
    /// Module or class body name: namespace dict lookup.
    Name,
}

#[derive(Debug, Default, Clone)]
struct SymFlags {
    bound: bool,
    used: bool,
    param: bool,
    global: bool,
    nonlocal: bool,
    /// Bound by a walrus inside a comprehension (binds in this scope).
    comp_walrus: bool,
    /// A comprehension's own iteration variable (`for i in ...`).
    comp_iter: bool,
    /// Where a `nonlocal` declaration was made (for its error message).
    decl_span: Span,
}

#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    pub name: String,
    /// Names in first-seen order, with their resolved location.
    pub symbols: HashMap<String, NameScope>,
    flags: HashMap<String, SymFlags>,
    order: Vec<String>,
    pub params: Vec<String>,
    pub children: Vec<usize>,
    pub parent: Option<usize>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    /// Uses `super` or `__class__`: needs the implicit `__class__` cell.
    pub needs_class_cell: bool,
    /// A class body that must create the `__class__` cell.
    pub has_class_cell: bool,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
    /// Comprehension containing `await` or `async for` (an async comprehension).
    pub is_async_comprehension: bool,
    /// The innermost enclosing class (this one included), whose name
    /// mangles `__private` names.
    pub private: Option<String>,
}

/// Private name mangling: `__x` inside class `A` is `_A__x` (not dunder
/// names, dotted names, or when the class name is all underscores).
pub fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else { return name.to_string() };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        name.to_string()
    } else {
        format!("_{}{}", stripped, name)
    }
}

impl Scope {
    fn new(kind: ScopeKind, name: &str, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            name: name.to_string(),
            symbols: HashMap::new(),
            flags: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            parent,
            is_generator: false,
            is_coroutine: false,
            needs_class_cell: false,
            has_class_cell: false,
            cellvars: Vec::new(),
            freevars: Vec::new(),
            is_async_comprehension: false,
            private: None,
        }
    }

    fn flags_mut(&mut self, name: &str) -> &mut SymFlags {
        let name = mangle(self.private.as_deref(), name);
        if !self.flags.contains_key(&name) {
            self.order.push(name.clone());
        }
        self.flags.entry(name).or_default()
    }

    pub fn lookup(&self, name: &str) -> NameScope {
        if let Some(s) = self.symbols.get(name) {
            return *s;
        }
        match self.kind {
            ScopeKind::Module | ScopeKind::Class => NameScope::Name,
            _ => NameScope::GlobalImplicit,
        }
    }

    /// Locals bound in this scope in first-seen order (params excluded).
    pub fn local_names(&self) -> Vec<String> {
        self.order
            .iter()
            .filter(|n| matches!(self.symbols.get(*n), Some(NameScope::Local) | Some(NameScope::Cell)))
            .filter(|n| !self.params.contains(n))
            .cloned()
            .collect()
    }

    pub fn is_function_like(&self) -> bool {
        matches!(self.kind, ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension)
    }
}

pub struct SymbolTable {
    pub scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub fn build(module: &Module) -> Result<SymbolTable, SyntaxError> {
        let mut b = Builder { scopes: vec![Scope::new(ScopeKind::Module, "<module>", None)], cur: 0, by_node: HashMap::new() };
        for s in &module.body {
            b.stmt(s)?;
        }
        let mut st = SymbolTable { scopes: b.scopes, by_node: b.by_node };
        st.resolve(0, &HashSet::new(), &HashSet::new())?;
        Ok(st)
    }

    /// The scope created for an AST node (function, class, lambda,
    /// comprehension), keyed by the node's address.
    pub fn scope_for<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }

    /// Resolve names top-down. `enclosing` holds names bound by enclosing
    /// function scopes (visible as free variables); `globals_decl` names
    /// declared global in an enclosing function (inherited by nested
    /// scopes that don't rebind them).
    fn resolve(&mut self, idx: usize, enclosing: &HashSet<String>, globals_decl: &HashSet<String>) -> Result<(), SyntaxError> {
        let kind = self.scopes[idx].kind;
        let names: Vec<String> = self.scopes[idx].order.clone();
        let mut symbols = HashMap::new();
        for name in &names {
            let f = self.scopes[idx].flags[name].clone();
            let loc = if f.global {
                NameScope::GlobalExplicit
            } else if f.nonlocal {
                if !enclosing.contains(name) {
                    return Err(err(format!("no binding for nonlocal '{}' found", name), f.decl_span));
                }
                NameScope::Free
            } else if f.bound || f.param {
                match kind {
                    ScopeKind::Module | ScopeKind::Class => NameScope::Name,
                    _ => NameScope::Local,
                }
            } else if enclosing.contains(name) {
                NameScope::Free
            } else if globals_decl.contains(name) {
                NameScope::GlobalExplicit
            } else {
                match kind {
                    ScopeKind::Module | ScopeKind::Class => NameScope::Name,
                    _ => NameScope::GlobalImplicit,
                }
            };
            symbols.insert(name.clone(), loc);
        }
        // Implicit __class__ for methods using super() / __class__.
        if self.scopes[idx].needs_class_cell && kind != ScopeKind::Class && enclosing.contains("__class__") {
            symbols.insert("__class__".into(), NameScope::Free);
            if !self.scopes[idx].order.iter().any(|n| n == "__class__") {
                self.scopes[idx].order.push("__class__".into());
            }
        }
        self.scopes[idx].symbols = symbols;

        // What our children may see as free variables.
        let mut child_enclosing = enclosing.clone();
        let mut child_globals = globals_decl.clone();
        match kind {
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension => {
                for (n, s) in &self.scopes[idx].symbols {
                    match s {
                        NameScope::Local | NameScope::Cell | NameScope::Free => {
                            child_enclosing.insert(n.clone());
                            child_globals.remove(n);
                        }
                        NameScope::GlobalExplicit => {
                            child_globals.insert(n.clone());
                            child_enclosing.remove(n);
                        }
                        _ => {}
                    }
                }
            }
            ScopeKind::Class => {
                child_enclosing.insert("__class__".into());
            }
            ScopeKind::Module => {}
        }
        let children = self.scopes[idx].children.clone();
        for &c in &children {
            self.resolve(c, &child_enclosing, &child_globals)?;
        }
        // Names our children take as free: cells here (or free passthrough).
        let mut free_needed: Vec<String> = Vec::new();
        let mut pass_through: Vec<String> = Vec::new();
        for &c in &children {
            for fv in self.scopes[c].freevars.clone() {
                if !free_needed.contains(&fv) {
                    free_needed.push(fv);
                }
            }
        }
        for fv in &free_needed {
            if kind == ScopeKind::Class && fv == "__class__" {
                self.scopes[idx].has_class_cell = true;
                continue;
            }
            let cur = self.scopes[idx].symbols.get(fv).copied();
            match cur {
                // A class that binds the name itself keeps it in its
                // namespace; the enclosing function's cell only passes
                // through to the children.
                Some(NameScope::Name) if kind == ScopeKind::Class && enclosing.contains(fv) => {
                    pass_through.push(fv.clone());
                }
                Some(NameScope::Local) | Some(NameScope::Cell) => {
                    self.scopes[idx].symbols.insert(fv.clone(), NameScope::Cell);
                }
                Some(NameScope::Free) => {}
                _ => {
                    // Passing through: free here as well (classes pass
                    // through too, via their own freevars).
                    self.scopes[idx].symbols.insert(fv.clone(), NameScope::Free);
                    if !self.scopes[idx].order.contains(fv) {
                        self.scopes[idx].order.push(fv.clone());
                    }
                }
            }
        }
        // Collect cellvars/freevars in a stable order.
        let order = self.scopes[idx].order.clone();
        let mut cells = Vec::new();
        let mut frees = Vec::new();
        for n in &order {
            match self.scopes[idx].symbols.get(n) {
                Some(NameScope::Cell) => cells.push(n.clone()),
                Some(NameScope::Free) => frees.push(n.clone()),
                _ => {}
            }
        }
        frees.extend(pass_through);
        if self.scopes[idx].has_class_cell {
            cells.push("__class__".into());
        }
        // A class body's free names that children need but the class
        // neither binds nor uses itself still must be free in the class.
        self.scopes[idx].cellvars = cells;
        self.scopes[idx].freevars = frees;
        Ok(())
    }
}

struct Builder {
    scopes: Vec<Scope>,
    cur: usize,
    by_node: HashMap<usize, usize>,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

impl Builder {
    fn scope(&mut self) -> &mut Scope {
        &mut self.scopes[self.cur]
    }

    fn push_scope<T>(&mut self, node: &T, kind: ScopeKind, name: &str) -> usize {
        let idx = self.scopes.len();
        let mut scope = Scope::new(kind, name, Some(self.cur));
        scope.private = if kind == ScopeKind::Class { Some(name.to_string()) } else { self.scopes[self.cur].private.clone() };
        self.scopes.push(scope);
        self.scopes[self.cur].children.push(idx);
        self.by_node.insert(node as *const T as usize, idx);
        let prev = self.cur;
        self.cur = idx;
        prev
    }

    fn bind(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let s = self.scope();
        let f = s.flags_mut(name);
        f.bound = true;
        let _ = span;
        Ok(())
    }

    fn use_name(&mut self, name: &str) {
        if name == "super" || name == "__class__" {
            self.scope().needs_class_cell = true;
        }
        self.scope().flags_mut(name).used = true;
    }

    fn declare_global(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let kind = self.scope().kind;
        let f = self.scope().flags_mut(name);
        if f.param {
            return Err(err(format!("name '{}' is parameter and global", name), span));
        }
        if f.nonlocal {
            return Err(err(format!("name '{}' is nonlocal and global", name), span));
        }
        if f.used || f.bound {
            let what = if f.bound { "assigned to" } else { "used" };
            return Err(err(format!("name '{}' is {} before global declaration", name, what), span));
        }
        f.global = true;
        let _ = kind;
        Ok(())
    }

    fn declare_nonlocal(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        let kind = self.scope().kind;
        if kind == ScopeKind::Module {
            return Err(err("nonlocal declaration not allowed at module level", span));
        }
        let f = self.scope().flags_mut(name);
        if f.param {
            return Err(err(format!("name '{}' is parameter and nonlocal", name), span));
        }
        if f.global {
            return Err(err(format!("name '{}' is nonlocal and global", name), span));
        }
        if f.used || f.bound {
            let what = if f.bound { "assigned to" } else { "used" };
            return Err(err(format!("name '{}' is {} before nonlocal declaration", name, what), span));
        }
        f.nonlocal = true;
        f.decl_span = span;
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        match &s.kind {
            StmtKind::Expr(e) => self.expr(e)?,
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(n) = &target.kind {
                    self.use_name(n);
                }
                self.target(target)?;
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                if let ExprKind::Name(n) = &target.kind {
                    let f = self.scope().flags.get(n.as_str()).cloned().unwrap_or_default();
                    if f.global && *simple {
                        return Err(err(format!("annotated name '{}' can't be global", n), target.span));
                    }
                    if f.nonlocal && *simple {
                        return Err(err(format!("annotated name '{}' can't be nonlocal", n), target.span));
                    }
                    self.bind(n, target.span)?;
                } else {
                    self.target(target)?;
                }
                // Annotations are evaluated only in module and class scopes.
                if matches!(self.scope().kind, ScopeKind::Module | ScopeKind::Class) {
                    self.expr(annotation)?;
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.target(t)?;
                }
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.declare_global(n, s.span)?;
                }
            }
            StmtKind::Nonlocal(names) => {
                for n in names {
                    self.declare_nonlocal(n, s.span)?;
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let bound = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound, a.span)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.scope().kind != ScopeKind::Module {
                            return Err(err("import * only allowed at module level", s.span));
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.bind(&bound, a.span)?;
                }
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::For { target, iter, body, orelse, .. } => {
                self.expr(iter)?;
                self.target(target)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n, h.span)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::With { items, body, .. } => {
                for it in items {
                    self.expr(&it.context_expr)?;
                    if let Some(v) = &it.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d)?;
                }
                self.arguments_outer(&f.args)?;
                if let Some(r) = &f.returns {
                    self.expr(r)?;
                }
                self.bind(&f.name, f.span)?;
                let prev = self.push_scope(&**f, ScopeKind::Function, &f.name);
                self.scope().is_coroutine = f.is_async;
                self.arguments_inner(&f.args)?;
                self.stmts(&f.body)?;
                self.cur = prev;
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d)?;
                }
                for b in &c.bases {
                    self.expr(b)?;
                }
                for k in &c.keywords {
                    self.expr(&k.value)?;
                }
                self.bind(&c.name, c.span)?;
                let prev = self.push_scope(&**c, ScopeKind::Class, &c.name);
                self.stmts(&c.body)?;
                self.cur = prev;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Match { subject, cases } => {
                self.expr(subject)?;
                for c in cases {
                    self.pattern(&c.pattern)?;
                    if let Some(g) = &c.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
        }
        Ok(())
    }

    fn pattern(&mut self, p: &Pattern) -> Result<(), SyntaxError> {
        match &p.kind {
            PatternKind::MatchValue(e) => self.expr(e)?,
            PatternKind::MatchSingleton(_) => {}
            PatternKind::MatchSequence(ps) | PatternKind::MatchOr(ps) => {
                for q in ps {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                for k in keys {
                    self.expr(k)?;
                }
                for q in patterns {
                    self.pattern(q)?;
                }
                if let Some(r) = rest {
                    self.bind(r, p.span)?;
                }
            }
            PatternKind::MatchClass { cls, patterns, kwd_patterns, .. } => {
                self.expr(cls)?;
                for q in patterns.iter().chain(kwd_patterns) {
                    self.pattern(q)?;
                }
            }
            PatternKind::MatchStar(name) => {
                if let Some(n) = name {
                    self.bind(n, p.span)?;
                }
            }
            PatternKind::MatchAs { pattern, name } => {
                if let Some(q) = pattern {
                    self.pattern(q)?;
                }
                if let Some(n) = name {
                    self.bind(n, p.span)?;
                }
            }
        }
        Ok(())
    }

    /// Defaults and annotations: evaluated in the enclosing scope.
    fn arguments_outer(&mut self, a: &Arguments) -> Result<(), SyntaxError> {
        for d in &a.defaults {
            self.expr(d)?;
        }
        for d in a.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        for arg in a.posonlyargs.iter().chain(&a.args).chain(&a.vararg).chain(&a.kwonlyargs).chain(&a.kwarg) {
            if let Some(ann) = &arg.annotation {
                self.expr(ann)?;
            }
        }
        Ok(())
    }

    fn arguments_inner(&mut self, a: &Arguments) -> Result<(), SyntaxError> {
        let ordered = a.posonlyargs.iter().chain(&a.args).chain(&a.kwonlyargs).chain(&a.vararg).chain(&a.kwarg);
        for arg in ordered {
            if self.scope().params.contains(&arg.name) {
                return Err(err(format!("duplicate argument '{}' in function definition", arg.name), arg.span));
            }
            let mangled = mangle(self.scope().private.as_deref(), &arg.name);
            self.scope().params.push(mangled);
            let f = self.scope().flags_mut(&arg.name);
            f.param = true;
            f.bound = true;
        }
        Ok(())
    }

    /// An assignment / deletion target.
    fn target(&mut self, t: &Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.bind(n, t.span)?,
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.target(e)?;
                }
            }
            ExprKind::Starred(e) => self.target(e)?,
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            _ => self.expr(t)?,
        }
        Ok(())
    }

    fn exprs(&mut self, es: &[Expr]) -> Result<(), SyntaxError> {
        for e in es {
            self.expr(e)?;
        }
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::Name(n) => self.use_name(n),
            ExprKind::Constant(_) => {}
            ExprKind::JoinedStr(parts) => self.exprs(parts)?,
            ExprKind::FormattedValue { value, format_spec, .. } => {
                self.expr(value)?;
                if let Some(s) = format_spec {
                    self.expr(s)?;
                }
            }
            ExprKind::Tuple(es) | ExprKind::List(es) | ExprKind::Set(es) => self.exprs(es)?,
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                self.exprs(values)?;
            }
            ExprKind::Starred(v) | ExprKind::Await(v) | ExprKind::YieldFrom(v) => {
                if matches!(e.kind, ExprKind::Await(_)) {
                    self.note_await(e.span)?;
                }
                if matches!(e.kind, ExprKind::YieldFrom(_)) {
                    self.note_yield(e.span, true)?;
                }
                self.expr(v)?;
            }
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                for x in [lower, upper, step].into_iter().flatten() {
                    self.expr(x)?;
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func)?;
                self.exprs(args)?;
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Lambda { args, body } => {
                self.arguments_outer(args)?;
                let prev = self.push_scope(e, ScopeKind::Lambda, "<lambda>");
                self.arguments_inner(args)?;
                self.expr(body)?;
                self.cur = prev;
            }
            ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
                let name = match &e.kind {
                    ExprKind::ListComp { .. } => "<listcomp>",
                    ExprKind::SetComp { .. } => "<setcomp>",
                    _ => "<genexpr>",
                };
                self.comprehension(e, name, generators, &[elt], matches!(e.kind, ExprKind::GeneratorExp { .. }))?;
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(e, "<dictcomp>", generators, &[key, value], false)?;
            }
            ExprKind::Yield(v) => {
                self.note_yield(e.span, false)?;
                if let Some(v) = v {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.walrus_bind(target, e.span)?;
            }
        }
        Ok(())
    }

    fn note_yield(&mut self, span: Span, from: bool) -> Result<(), SyntaxError> {
        let s = self.scope();
        match s.kind {
            ScopeKind::Module | ScopeKind::Class => return Err(err("'yield' outside function", span)),
            ScopeKind::Comprehension => {
                return Err(err("'yield' inside list comprehension", span));
            }
            _ => {}
        }
        if from && s.is_coroutine {
            return Err(err("'yield from' inside async function", span));
        }
        s.is_generator = true;
        Ok(())
    }

    fn note_await(&mut self, _span: Span) -> Result<(), SyntaxError> {
        // Validity ("'await' outside async function") is checked by the
        // compiler, which knows about top-level-await mode.
        if self.scope().kind == ScopeKind::Comprehension {
            self.scope().is_async_comprehension = true;
        }
        Ok(())
    }

    /// `x := v` binds in the nearest enclosing non-comprehension scope.
    fn walrus_bind(&mut self, name: &str, span: Span) -> Result<(), SyntaxError> {
        if self.scope().kind != ScopeKind::Comprehension {
            return self.bind(name, span);
        }
        // Mark as free here, bound in the target scope.
        let mut idx = self.cur;
        while self.scopes[idx].kind == ScopeKind::Comprehension {
            idx = self.scopes[idx].parent.unwrap_or(0);
        }
        if self.scopes[idx].kind == ScopeKind::Class {
            return Err(err("assignment expression within a comprehension cannot be used in a class body", span));
        }
        let target_is_module = self.scopes[idx].kind == ScopeKind::Module;
        {
            let f = self.scopes[idx].flags_mut(name);
            if !f.global && !f.nonlocal {
                f.bound = true;
            }
        }
        let mut c = self.cur;
        while self.scopes[c].kind == ScopeKind::Comprehension {
            if self.scopes[c].flags.get(name).is_some_and(|f| f.comp_iter) {
                return Err(err(format!("assignment expression cannot rebind comprehension iteration variable '{}'", name), span));
            }
            c = self.scopes[c].parent.unwrap_or(0);
        }
        let mut c = self.cur;
        while self.scopes[c].kind == ScopeKind::Comprehension {
            let f = self.scopes[c].flags_mut(name);
            f.comp_walrus = true;
            if target_is_module {
                f.global = true;
            } else {
                f.nonlocal = true;
            }
            c = self.scopes[c].parent.unwrap_or(0);
        }
        Ok(())
    }

    fn comprehension(&mut self, node: &Expr, name: &str, gens: &[Comprehension], elts: &[&Expr], is_genexp: bool) -> Result<(), SyntaxError> {
        // The outermost iterable is evaluated in the enclosing scope.
        if let Some(first) = gens.first() {
            self.expr(&first.iter)?;
        }
        let prev = self.push_scope(node, ScopeKind::Comprehension, name);
        if is_genexp {
            self.scope().is_generator = true;
        }
        // The implicit parameter holding the outermost iterator.
        self.scope().params.push(".0".into());
        {
            let f = self.scope().flags_mut(".0");
            f.param = true;
            f.bound = true;
        }
        for (i, g) in gens.iter().enumerate() {
            if g.is_async {
                self.scope().is_async_comprehension = true;
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            let mut names = Vec::new();
            target_names(&g.target, &mut names);
            for (n, span) in names {
                let f = self.scope().flags_mut(n);
                if f.comp_walrus {
                    return Err(err(format!("comprehension inner loop cannot rebind assignment expression target '{}'", n), span));
                }
                f.comp_iter = true;
            }
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.cur = prev;
        Ok(())
    }
}

/// The plain names a `for` target binds, with their spans.
fn target_names<'e>(t: &'e Expr, out: &mut Vec<(&'e str, Span)>) {
    match &t.kind {
        ExprKind::Name(n) => out.push((n.as_str(), t.span)),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            for e in elts {
                target_names(e, out);
            }
        }
        ExprKind::Starred(e) => target_names(e, out),
        _ => {}
    }
}
