//! The compiler: AST + scope analysis -> `CodeUnit`s of bytecode.
//!
//! One `Unit` is compiled per code object (module, class body, function,
//! lambda, comprehension); units nest as a stack while the AST is walked.
//! Control-flow constructs that must be unwound by `return`, `break` and
//! `continue` (loops, `try`, `with`, `except` bodies) are tracked as
//! "frame blocks" (`FBlock`), as in CPython's compiler: unwinding emits the
//! cleanup code of each block inline (calling `__exit__`, running a
//! `finally` body, restoring the handled exception).
//!
//! Stack depths: `Unit::depth` is the number of values on the frame's value
//! stack at statement level (iterators of enclosing `for` loops, `__exit__`
//! methods of enclosing `with`s, saved exceptions of enclosing handlers).
//! Exception handlers record it so the VM can cut the stack back.

mod builder;
mod expr;
mod pattern;
mod peephole;
mod stmt;
pub mod symtable;

use std::collections::HashMap;
use std::rc::Rc;

use crate::ast::*;
use crate::bytecode::{flags, CodeUnit, Const, Instr};
use crate::source::{SourceFile, Span, SyntaxError};
use builder::{CodeBuilder, Label};
use symtable::{NameScope, ScopeKind, SymbolTable};

/// What kind of top-level input is being compiled.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Mode {
    /// A file, `-c` string or stdin program.
    Module,
    /// One REPL input: expression statements echo their value, and
    /// top-level `await` is allowed (the unit becomes a coroutine).
    Interactive,
    /// `eval()`: a single expression whose value is returned.
    Eval,
    /// `exec()` / `compile(.., 'exec')`: like a module, but top-level
    /// names go through the (possibly separate) locals mapping.
    Exec,
}

pub fn compile_module(module: &Module, source: &SourceFile, mode: Mode) -> Result<CodeUnit, SyntaxError> {
    let symtable = SymbolTable::build(module)?;
    let mut c = Compiler::new(source, symtable, mode);
    c.compile_module_body(module)?;
    Ok(c.finish_unit())
}

pub fn compile_eval(expr: &Expr, source: &SourceFile) -> Result<CodeUnit, SyntaxError> {
    let module = Module { body: vec![Stmt::new(expr.span, StmtKind::Expr(expr.clone()))] };
    let symtable = SymbolTable::build(&module)?;
    let mut c = Compiler::new(source, symtable, Mode::Eval);
    c.set_line(expr.span);
    if let StmtKind::Expr(e) = &module.body[0].kind {
        c.expr(e)?;
    }
    c.emit(Instr::ReturnValue);
    Ok(c.finish_unit())
}

/// A block that `return`/`break`/`continue` must unwind.
#[derive(Clone)]
enum FBlock<'a> {
    While { start: Label, end: Label },
    /// A `for` loop: its iterator is on the stack.
    For { start: Label, end: Label },
    /// A `try` body with `except` clauses.
    TryExcept,
    /// A `try` body with a `finally`: unwinding runs the `finally` body.
    FinallyTry { body: &'a [Stmt] },
    /// The exceptional copy of a `finally` body: `prev_exc exc` on the stack.
    FinallyEnd,
    /// A `with` body: `__exit__` is on the stack.
    With { is_async: bool },
    /// An `except` body: `prev_exc` on the stack; a named handler also
    /// clears its name.
    HandlerCleanup { name: Option<String> },
}

struct Unit<'a> {
    b: CodeBuilder,
    scope: usize,
    kind: ScopeKind,
    name: String,
    qualname: String,
    fblocks: Vec<FBlock<'a>>,
    depth: u32,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    flags: u32,
    first_line: u32,
    docstring: Option<String>,
    /// Inside an `async def` (or top-level-await REPL input).
    is_async: bool,
}

pub struct Compiler<'a> {
    source: &'a SourceFile,
    symtable: SymbolTable,
    units: Vec<Unit<'a>>,
    mode: Mode,
    /// REPL input using `await`/`async for`/`async with` at top level.
    contains_top_level_await: bool,
}

fn err(msg: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(msg, span)
}

impl<'a> Compiler<'a> {
    fn new(source: &'a SourceFile, symtable: SymbolTable, mode: Mode) -> Compiler<'a> {
        let mut c = Compiler { source, symtable, units: Vec::new(), mode, contains_top_level_await: false };
        c.push_unit(0, "<module>".into(), "<module>".into(), 1);
        if mode == Mode::Interactive {
            c.unit().is_async = true;
        }
        c
    }

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is always open")
    }

    fn unit_ref(&self) -> &Unit<'a> {
        self.units.last().expect("a unit is always open")
    }

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, first_line: u32) {
        let s = &self.symtable.scopes[scope];
        let mut varnames: Vec<String> = Vec::new();
        if s.is_function_like() {
            varnames.extend(s.params.iter().cloned());
            for n in s.local_names() {
                if !varnames.contains(&n) {
                    varnames.push(n);
                }
            }
        }
        let var_index = varnames.iter().enumerate().map(|(i, n)| (n.clone(), i as u32)).collect();
        let unit = Unit {
            b: CodeBuilder::new(first_line),
            scope,
            kind: s.kind,
            name,
            qualname,
            fblocks: Vec::new(),
            depth: 0,
            varnames,
            var_index,
            cellvars: s.cellvars.clone(),
            freevars: s.freevars.clone(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            flags: 0,
            first_line,
            docstring: None,
            is_async: s.is_coroutine,
        };
        self.units.push(unit);
    }

    fn finish_unit(&mut self) -> CodeUnit {
        let u = self.units.pop().expect("unit to finish");
        let mut cell_args = Vec::new();
        for (ci, cname) in u.cellvars.iter().enumerate() {
            if let Some(&ai) = u.var_index.get(cname) {
                let s = &self.symtable.scopes[u.scope];
                if s.params.contains(cname) {
                    cell_args.push((ci as u32, ai));
                }
            }
        }
        let (mut instrs, mut lines, exc_table, consts, names) = u.b.finish();
        let (stacksize, past_end) = builder::max_stack_depth(&instrs, &exc_table);
        if past_end {
            // Every path ends in a return or raise (the dispatch loop
            // fetches without a bounds check); should one not, it returns.
            let line = lines.last().copied().unwrap_or(u.first_line);
            instrs.extend([Instr::LoadNone, Instr::ReturnValue]);
            lines.extend([line, line]);
        }
        // After the depth analysis (which sees the unfused code; fused
        // instructions keep the first part's stack effect anyway).
        peephole::fuse(&mut instrs);
        let stacksize = stacksize.max(1);
        CodeUnit {
            name: u.name,
            qualname: u.qualname,
            first_line: u.first_line,
            instrs,
            lines,
            consts,
            names,
            varnames: u.varnames,
            cellvars: u.cellvars,
            freevars: u.freevars,
            cell_args,
            argcount: u.argcount,
            posonlyargcount: u.posonlyargcount,
            kwonlyargcount: u.kwonlyargcount,
            flags: u.flags,
            exc_table,
            docstring: u.docstring,
            stacksize,
        }
    }

    // ---- emission helpers ----

    fn emit(&mut self, i: Instr) {
        self.unit().b.emit(i);
    }

    fn new_label(&mut self) -> Label {
        self.unit().b.new_label()
    }

    fn place(&mut self, l: Label) {
        self.unit().b.place(l);
    }

    fn jump(&mut self, make: fn(u32) -> Instr, l: Label) {
        self.unit().b.emit_jump(make, l);
    }

    fn line_of(&self, span: Span) -> u32 {
        self.source.line_of(span.start)
    }

    fn set_line(&mut self, span: Span) {
        let line = self.line_of(span);
        self.unit().b.cur_line = line;
    }

    fn add_const(&mut self, c: Const) -> u32 {
        self.unit().b.add_const(c)
    }

    fn load_const(&mut self, c: Const) {
        if c == Const::None {
            self.emit(Instr::LoadNone);
            return;
        }
        let i = self.add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    fn add_name(&mut self, n: &str) -> u32 {
        self.unit().b.add_name(n)
    }

    fn scope(&self) -> &symtable::Scope {
        &self.symtable.scopes[self.unit_ref().scope]
    }

    /// localsplus index of a cell or free variable.
    fn deref_index(&self, name: &str) -> u32 {
        let u = self.unit_ref();
        let nlocals = u.varnames.len() as u32;
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return nlocals + i as u32;
        }
        if let Some(i) = u.freevars.iter().position(|n| n == name) {
            return nlocals + u.cellvars.len() as u32 + i as u32;
        }
        panic!("compiler bug: '{}' is not a cell or free variable of {}", name, u.qualname)
    }

    fn name_op(&mut self, name: &str, ctx: NameCtx) {
        let mangled = self.mangle(name);
        let name = mangled.as_str();
        let scope = self.scope().lookup(name);
        let kind = self.unit_ref().kind;
        match scope {
            NameScope::Local if kind != ScopeKind::Module && kind != ScopeKind::Class => {
                let i = self.unit_ref().var_index[name];
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadFast(i),
                    NameCtx::Store => Instr::StoreFast(i),
                    NameCtx::Del => Instr::DeleteFast(i),
                });
            }
            NameScope::Cell | NameScope::Free if !(kind == ScopeKind::Class && scope == NameScope::Cell) => {
                let i = self.deref_index(name);
                if kind == ScopeKind::Class && ctx == NameCtx::Load {
                    let n = self.add_name(name);
                    self.emit(Instr::LoadClassDeref(n << 16 | i));
                    return;
                }
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadDeref(i),
                    NameCtx::Store => Instr::StoreDeref(i),
                    NameCtx::Del => Instr::DeleteDeref(i),
                });
            }
            NameScope::GlobalExplicit | NameScope::GlobalImplicit => {
                let n = self.add_name(name);
                self.emit(match ctx {
                    NameCtx::Load => Instr::LoadGlobal(n),
                    NameCtx::Store => Instr::StoreGlobal(n),
                    NameCtx::Del => Instr::DeleteGlobal(n),
                });
            }
            _ => {
                let n = self.add_name(name);
                if kind == ScopeKind::Module && !matches!(self.mode, Mode::Eval | Mode::Exec) {
                    // Module level: locals are the globals; use the cached
                    // global instructions.
                    self.emit(match ctx {
                        NameCtx::Load => Instr::LoadGlobal(n),
                        NameCtx::Store => Instr::StoreGlobal(n),
                        NameCtx::Del => Instr::DeleteGlobal(n),
                    });
                } else {
                    self.emit(match ctx {
                        NameCtx::Load => Instr::LoadName(n),
                        NameCtx::Store => Instr::StoreName(n),
                        NameCtx::Del => Instr::DeleteName(n),
                    });
                }
            }
        }
    }

    fn qualname_for(&self, name: &str) -> String {
        let u = self.unit_ref();
        match u.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", u.qualname, name),
            _ => format!("{}.<locals>.{}", u.qualname, name),
        }
    }

    fn compile_module_body(&mut self, module: &'a Module) -> Result<(), SyntaxError> {
        let body = &module.body;
        if let Some(doc) = docstring_of(body) {
            if matches!(self.mode, Mode::Module | Mode::Exec) {
                self.unit().docstring = Some(doc.clone());
                self.load_const(Const::Str(doc));
                let n = self.add_name("__doc__");
                self.emit(if self.mode == Mode::Exec { Instr::StoreName(n) } else { Instr::StoreGlobal(n) });
            }
        }
        if has_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        let start = if self.unit_ref().docstring.is_some() { 1 } else { 0 };
        for s in &body[start..] {
            self.stmt(s)?;
        }
        if !self.unit().b.last_is_terminal() || body.is_empty() {
            self.emit(Instr::LoadNone);
            self.emit(Instr::ReturnValue);
        }
        if self.mode == Mode::Interactive && self.contains_top_level_await {
            self.unit().flags |= flags::COROUTINE;
        }
        Ok(())
    }

    /// Closure tuple for a child scope: pushes its free variables' cells.
    fn make_closure(&mut self, child_scope: usize) -> bool {
        let frees = self.symtable.scopes[child_scope].freevars.clone();
        if frees.is_empty() {
            return false;
        }
        for f in &frees {
            let i = self.deref_index(f);
            self.emit(Instr::LoadClosure(i));
        }
        self.emit(Instr::BuildTuple(frees.len() as u32));
        true
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum NameCtx {
    Load,
    Store,
    Del,
}

fn docstring_of(body: &[Stmt]) -> Option<String> {
    if let Some(Stmt { kind: StmtKind::Expr(Expr { kind: ExprKind::Constant(Constant::Str(s)), .. }), .. }) = body.first() {
        return Some(s.clone());
    }
    None
}

/// Whether a module or class body has annotated assignments at its own
/// level (which need `__annotations__`).
fn has_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::AnnAssign { .. } => true,
        StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::For { body, orelse, .. } => {
            has_annotations(body) || has_annotations(orelse)
        }
        StmtKind::With { body, .. } => has_annotations(body),
        StmtKind::Try { body, handlers, orelse, finalbody, .. } => {
            has_annotations(body) || has_annotations(orelse) || has_annotations(finalbody) || handlers.iter().any(|h| has_annotations(&h.body))
        }
        _ => false,
    })
}

/// Convert an AST constant into a code constant.
fn const_of(c: &Constant) -> Const {
    match c {
        Constant::None => Const::None,
        Constant::Bool(b) => Const::Bool(*b),
        Constant::Ellipsis => Const::Ellipsis,
        Constant::Int(IntLit::Small(i)) => Const::Int(*i),
        Constant::Int(IntLit::Big(b)) => Const::BigInt(b.clone()),
        Constant::Float(f) => Const::Float(*f),
        Constant::Imag(f) => Const::Complex(0.0, *f),
        Constant::Str(s) => Const::Str(s.clone()),
        Constant::Bytes(b) => Const::Bytes(b.clone()),
    }
}

#[allow(dead_code)]
fn unit_rc(u: CodeUnit) -> Rc<CodeUnit> {
    Rc::new(u)
}
