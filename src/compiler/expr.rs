//! Expression code generation: names, constants, operators, displays,
//! calls, comprehensions, lambdas, f-strings, `await`/`yield`, and
//! conditional jumps that avoid materialising booleans.

use std::rc::Rc;

use super::stmt::FuncBody;
use super::symtable::ScopeKind;
use super::*;
use crate::bytecode::Instr;

impl<'a> Compiler<'a> {
    pub(super) fn expr(&mut self, e: &'a Expr) -> Result<(), SyntaxError> {
        let line = self.line_of(e.span);
        self.unit().b.cur_line = line;
        match &e.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Load),
            ExprKind::Constant(c) => self.load_const(const_of(c)),
            ExprKind::JoinedStr(parts) => self.joined_str(parts)?,
            ExprKind::FormattedValue { .. } => self.joined_str(std::slice::from_ref(e))?,
            ExprKind::Tuple(elts) => {
                if let Some(c) = const_tuple(elts) {
                    self.load_const(c);
                } else if has_starred(elts) {
                    self.starred_display(elts, Instr::BuildList, Instr::ListAppend, Instr::ListExtend)?;
                    self.emit(Instr::ListToTuple);
                } else {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Instr::BuildTuple(elts.len() as u32));
                }
            }
            ExprKind::List(elts) => {
                if has_starred(elts) {
                    self.starred_display(elts, Instr::BuildList, Instr::ListAppend, Instr::ListExtend)?;
                } else {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Instr::BuildList(elts.len() as u32));
                }
            }
            ExprKind::Set(elts) => {
                if has_starred(elts) {
                    self.starred_display(elts, Instr::BuildSet, Instr::SetAdd, Instr::SetUpdate)?;
                } else if elts.len() > 2 && elts.iter().all(|x| const_value(x).is_some()) {
                    // As CPython: a constant frozenset merged into a new set
                    // (this decides the printed order of the set).
                    let items = elts.iter().map(|x| const_value(x).expect("checked")).collect();
                    self.emit(Instr::BuildSet(0));
                    self.load_const(Const::FrozenSet(items));
                    self.emit(Instr::SetUpdate(1));
                } else {
                    for x in elts {
                        self.expr(x)?;
                    }
                    self.emit(Instr::BuildSet(elts.len() as u32));
                }
            }
            ExprKind::Dict { keys, values } => self.dict_display(keys, values)?,
            ExprKind::Starred(_) => return Err(err("can't use starred expression here", e.span)),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                self.unit().b.cur_line = line;
                let n = self.attr_name(attr);
                self.emit(Instr::LoadAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.unit().b.cur_line = line;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.emit(Instr::LoadNone),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            ExprKind::Call { func, args, keywords } => self.call(func, args, keywords, e.span)?,
            ExprKind::BinOp { left, op, right } => {
                if let Some(c) = fold_binop(left, *op, right) {
                    self.load_const(c);
                } else {
                    self.expr(left)?;
                    self.expr(right)?;
                    self.unit().b.cur_line = line;
                    self.emit(Instr::BinaryOp(*op));
                }
            }
            ExprKind::UnaryOp { op, operand } => {
                if let (UnaryOp::USub, Some(c)) = (op, const_value(operand)) {
                    if let Some(neg) = negate_const(&c) {
                        self.load_const(neg);
                        return Ok(());
                    }
                }
                self.expr(operand)?;
                self.unit().b.cur_line = line;
                self.emit(match op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::USub => Instr::UnaryNegative,
                });
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                let jump = if *op == BoolOp::And { Instr::JumpIfFalseOrPop } else { Instr::JumpIfTrueOrPop };
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        self.jump(jump, end);
                    }
                }
                self.place(end);
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, line)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_l = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_l)?;
                self.expr(body)?;
                self.jump(Instr::Jump, end);
                self.place(else_l);
                self.expr(orelse)?;
                self.place(end);
            }
            ExprKind::Lambda { args, body } => {
                let scope = self.symtable.scope_for(e);
                let code = self.function_code(scope, "<lambda>", args, FuncBody::Expr(body), false, line)?;
                self.make_function(scope, code, args, None)?;
            }
            ExprKind::ListComp { elt, generators } => self.comprehension(e, CompKind::List, elt, None, generators)?,
            ExprKind::SetComp { elt, generators } => self.comprehension(e, CompKind::Set, elt, None, generators)?,
            ExprKind::DictComp { key, value, generators } => self.comprehension(e, CompKind::Dict, key, Some(value), generators)?,
            ExprKind::GeneratorExp { elt, generators } => self.comprehension(e, CompKind::Gen, elt, None, generators)?,
            ExprKind::Await(v) => {
                self.check_await(e.span)?;
                self.expr(v)?;
                self.unit().b.cur_line = line;
                self.emit(Instr::GetAwaitable(0));
                self.emit(Instr::LoadNone);
                self.await_loop();
            }
            ExprKind::Yield(v) => {
                self.check_yield(e.span)?;
                match v {
                    Some(v) => self.expr(v)?,
                    None => self.emit(Instr::LoadNone),
                }
                self.unit().b.cur_line = line;
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(v) => {
                self.check_yield(e.span)?;
                if self.unit_ref().is_async {
                    return Err(err("'yield from' inside async function", e.span));
                }
                self.expr(v)?;
                self.emit(Instr::GetYieldFromIter);
                self.emit(Instr::LoadNone);
                self.await_loop();
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                self.name_op(target, NameCtx::Store);
            }
        }
        Ok(())
    }

    fn check_yield(&self, span: Span) -> Result<(), SyntaxError> {
        match self.unit_ref().kind {
            ScopeKind::Module | ScopeKind::Class => Err(err("'yield' outside function", span)),
            _ => Ok(()),
        }
    }

    fn check_await(&mut self, span: Span) -> Result<(), SyntaxError> {
        let u = self.unit_ref();
        if u.is_async {
            self.note_top_level_await();
            return Ok(());
        }
        if u.kind == ScopeKind::Comprehension {
            // Allowed if the comprehension sits inside an async function
            // (it then becomes an async comprehension).
            let outer_async = self.units.iter().rev().skip(1).find(|u| u.kind != ScopeKind::Comprehension).map(|u| u.is_async).unwrap_or(false);
            if outer_async {
                return Ok(());
            }
            return Err(err("asynchronous comprehension outside of an asynchronous function", span));
        }
        if matches!(u.kind, ScopeKind::Module | ScopeKind::Class) {
            return Err(err("'await' outside function", span));
        }
        Err(err("'await' outside async function", span))
    }

    /// Attribute names are mangled inside classes (`self.__x` -> `_C__x`).
    pub(super) fn attr_name(&mut self, attr: &str) -> u32 {
        let m = self.mangle(attr);
        self.add_name(&m)
    }

    pub(super) fn mangle(&self, name: &str) -> String {
        let class = self.units.iter().rev().find(|u| u.kind == ScopeKind::Class).map(|u| u.name.as_str());
        super::symtable::mangle(class, name)
    }

    /// Jump to `target` if the truth value of `e` equals `cond`, without
    /// building a bool where `not`/`and`/`or` can be turned into jumps.
    pub(super) fn jump_if(&mut self, e: &'a Expr, cond: bool, target: Label) -> Result<(), SyntaxError> {
        match &e.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => self.jump_if(operand, !cond, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                if is_and != cond {
                    // `and` jumping on false / `or` jumping on true: any one decides.
                    for v in values {
                        self.jump_if(v, cond, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    let (last, init) = values.split_last().expect("BoolOp has values");
                    for v in init {
                        self.jump_if(v, !cond, skip)?;
                    }
                    self.jump_if(last, cond, target)?;
                    self.place(skip);
                }
                Ok(())
            }
            _ => {
                self.expr(e)?;
                self.jump(if cond { Instr::PopJumpIfTrue } else { Instr::PopJumpIfFalse }, target);
                Ok(())
            }
        }
    }

    fn compare(&mut self, left: &'a Expr, ops: &[CmpOp], comparators: &'a [Expr], line: u32) -> Result<(), SyntaxError> {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.unit().b.cur_line = line;
            self.emit(cmp_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            self.unit().b.cur_line = line;
            if i + 1 < ops.len() {
                self.emit(Instr::Swap(2));
                self.emit(Instr::Copy(2));
                self.emit(cmp_instr(*op));
                self.jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(cmp_instr(*op));
            }
        }
        self.jump(Instr::Jump, end);
        self.place(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopTop);
        self.place(end);
        Ok(())
    }

    fn joined_str(&mut self, parts: &'a [Expr]) -> Result<(), SyntaxError> {
        if parts.is_empty() {
            self.load_const(Const::Str(String::new()));
            return Ok(());
        }
        for p in parts {
            match &p.kind {
                ExprKind::FormattedValue { value, conversion, format_spec } => {
                    self.expr(value)?;
                    let mut flags = match conversion {
                        None => 0,
                        Some('s') => 1,
                        Some('r') => 2,
                        Some('a') => 3,
                        Some(c) => return Err(err(format!("f-string: invalid conversion character '{}'", c), p.span)),
                    };
                    if let Some(spec) = format_spec {
                        self.expr(spec)?;
                        flags |= 4;
                    }
                    self.emit(Instr::FormatValue(flags));
                }
                _ => self.expr(p)?,
            }
        }
        if parts.len() > 1 {
            self.emit(Instr::BuildString(parts.len() as u32));
        } else if !matches!(parts[0].kind, ExprKind::FormattedValue { .. }) {
            // A lone literal piece is already a str.
        }
        Ok(())
    }

    /// `[a, *b, c]` and friends: build incrementally.
    fn starred_display(&mut self, elts: &'a [Expr], build: fn(u32) -> Instr, add: fn(u32) -> Instr, extend: fn(u32) -> Instr) -> Result<(), SyntaxError> {
        let lead = elts.iter().take_while(|e| !matches!(e.kind, ExprKind::Starred(_))).count();
        for x in &elts[..lead] {
            self.expr(x)?;
        }
        self.emit(build(lead as u32));
        for x in &elts[lead..] {
            match &x.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(extend(1));
                }
                _ => {
                    self.expr(x)?;
                    self.emit(add(1));
                }
            }
        }
        Ok(())
    }

    fn dict_display(&mut self, keys: &'a [Option<Expr>], values: &'a [Expr]) -> Result<(), SyntaxError> {
        if keys.iter().all(|k| k.is_some()) {
            for (k, v) in keys.iter().zip(values) {
                self.expr(k.as_ref().expect("checked"))?;
                self.expr(v)?;
            }
            self.emit(Instr::BuildMap(keys.len() as u32));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        for (k, v) in keys.iter().zip(values) {
            match k {
                Some(k) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(v)?;
                    self.emit(Instr::DictUpdate(1));
                }
            }
        }
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Expr], keywords: &'a [Keyword], span: Span) -> Result<(), SyntaxError> {
        let simple = !has_starred(args) && keywords.iter().all(|k| k.arg.is_some());
        match &func.kind {
            ExprKind::Attribute { value, attr } if simple => {
                self.expr(value)?;
                self.set_line(func.span);
                let n = self.attr_name(attr);
                self.emit(Instr::LoadMethod(n));
            }
            _ => {
                self.expr(func)?;
                self.emit(Instr::PushNull);
            }
        }
        self.call_args(0, args, keywords, span)
    }

    /// Emit the arguments and the call instruction. `prefix` positional
    /// args are already on the stack (used by class definitions).
    pub(super) fn call_args(&mut self, prefix: u32, args: &'a [Expr], keywords: &'a [Keyword], span: Span) -> Result<(), SyntaxError> {
        let line = self.line_of(span);
        let simple = !has_starred(args) && keywords.iter().all(|k| k.arg.is_some());
        let argc = prefix as usize + args.len() + keywords.len();
        if simple && argc < 256 {
            for a in args {
                self.expr(a)?;
            }
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.unit().b.cur_line = line;
            if keywords.is_empty() {
                self.emit(Instr::Call(argc as u32));
            } else {
                let names = keywords.iter().map(|k| Const::Str(k.arg.clone().expect("simple"))).collect();
                let ki = self.add_const(Const::Tuple(names));
                self.emit(Instr::CallKw(argc as u32 | ki << 8));
            }
            return Ok(());
        }
        // General form: positional args as a tuple, keywords as a dict.
        // A lone `*it` goes to `CallEx` as is (its errors then name the
        // callee, as CPython's do).
        if prefix == 0 && args.len() == 1 {
            if let ExprKind::Starred(inner) = &args[0].kind {
                self.expr(inner)?;
                return self.call_ex_keywords(keywords, line);
            }
        }
        // The `prefix` args are already on the stack: collect them first.
        let lead = args.iter().take_while(|e| !matches!(e.kind, ExprKind::Starred(_))).count();
        for x in &args[..lead] {
            self.expr(x)?;
        }
        self.emit(Instr::BuildList(prefix + lead as u32));
        for x in &args[lead..] {
            match &x.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.expr(x)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        self.emit(Instr::ListToTuple);
        self.call_ex_keywords(keywords, line)
    }

    /// The keyword part of a general call, then `CallEx`.
    fn call_ex_keywords(&mut self, keywords: &'a [Keyword], line: u32) -> Result<(), SyntaxError> {
        if keywords.is_empty() {
            self.unit().b.cur_line = line;
            self.emit(Instr::CallEx(0));
            return Ok(());
        }
        self.emit(Instr::BuildMap(0));
        let mut after_star = false;
        for k in keywords {
            match &k.arg {
                // After a `**m`, a named keyword may repeat one of m's keys:
                // merge it as a one-entry mapping so the duplicate is caught.
                Some(name) if after_star => {
                    self.load_const(Const::Str(name.clone()));
                    self.expr(&k.value)?;
                    self.emit(Instr::BuildMap(1));
                    self.emit(Instr::DictMerge(1));
                }
                Some(name) => {
                    self.load_const(Const::Str(name.clone()));
                    self.expr(&k.value)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    after_star = true;
                    self.expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        self.unit().b.cur_line = line;
        self.emit(Instr::CallEx(1));
        Ok(())
    }

    fn comprehension(&mut self, node: &'a Expr, kind: CompKind, elt: &'a Expr, value: Option<&'a Expr>, gens: &'a [Comprehension]) -> Result<(), SyntaxError> {
        let scope = self.symtable.scope_for(node);
        let line = self.line_of(node.span);
        let name = match kind {
            CompKind::List => "<listcomp>",
            CompKind::Set => "<setcomp>",
            CompKind::Dict => "<dictcomp>",
            CompKind::Gen => "<genexpr>",
        };
        let is_async_comp = self.symtable.scopes[scope].is_async_comprehension;
        let outer_async = self.unit_ref().is_async || (self.unit_ref().kind == ScopeKind::Comprehension && self.units.iter().rev().find(|u| u.kind != ScopeKind::Comprehension).map(|u| u.is_async).unwrap_or(false));
        if is_async_comp && kind != CompKind::Gen && !outer_async {
            return Err(err("asynchronous comprehension outside of an asynchronous function", node.span));
        }
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, line);
        {
            let mut fl = flags::OPTIMIZED | flags::NEWLOCALS;
            match (kind, is_async_comp) {
                (CompKind::Gen, false) => fl |= flags::GENERATOR,
                (CompKind::Gen, true) => fl |= flags::ASYNC_GENERATOR,
                (_, true) => fl |= flags::COROUTINE,
                _ => {}
            }
            let u = self.unit();
            u.flags = fl;
            u.argcount = 1;
            u.is_async = is_async_comp;
        }
        match kind {
            CompKind::List => self.emit(Instr::BuildList(0)),
            CompKind::Set => self.emit(Instr::BuildSet(0)),
            CompKind::Dict => self.emit(Instr::BuildMap(0)),
            CompKind::Gen => {}
        }
        self.comp_generator(gens, 0, kind, elt, value, if kind == CompKind::Gen { 0 } else { 1 })?;
        if kind == CompKind::Gen {
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::ReturnValue);
        let code = Rc::new(self.finish_unit());

        // Call it with the outermost iterator.
        self.unit().b.cur_line = line;
        let mut fl = 0;
        if self.make_closure(scope) {
            fl |= 8;
        }
        let ci = self.add_const(Const::Code(code));
        self.emit(Instr::LoadConst(ci));
        self.emit(Instr::MakeFunction(fl));
        self.emit(Instr::PushNull);
        let first = &gens[0];
        self.expr(&first.iter)?;
        self.unit().b.cur_line = line;
        self.emit(if first.is_async { Instr::GetAiter } else { Instr::GetIter });
        self.emit(Instr::Call(1));
        if is_async_comp && kind != CompKind::Gen {
            self.note_top_level_await();
            self.emit(Instr::GetAwaitable(0));
            self.emit(Instr::LoadNone);
            self.await_loop();
        }
        Ok(())
    }

    /// One `for` clause of a comprehension (recursing for the next).
    /// `depth` counts the result container plus the iterators below.
    fn comp_generator(&mut self, gens: &'a [Comprehension], i: usize, kind: CompKind, elt: &'a Expr, value: Option<&'a Expr>, depth: u32) -> Result<(), SyntaxError> {
        let g = &gens[i];
        let start = self.new_label();
        let end = self.new_label();
        let handler = self.new_label();
        if i == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.emit(if g.is_async { Instr::GetAiter } else { Instr::GetIter });
        }
        self.place(start);
        if g.is_async {
            self.unit().b.push_handler(handler, depth + 1);
            self.emit(Instr::GetAnext);
            self.emit(Instr::GetAwaitable(0));
            self.emit(Instr::LoadNone);
            self.await_loop();
            self.unit().b.pop_handler();
        } else {
            self.jump(Instr::ForIter, end);
        }
        self.store_target(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, start)?;
        }
        if i + 1 < gens.len() {
            self.comp_generator(gens, i + 1, kind, elt, value, depth + 1)?;
        } else {
            match kind {
                CompKind::Gen => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
                CompKind::List => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth + 1));
                }
                CompKind::Set => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth + 1));
                }
                CompKind::Dict => {
                    self.expr(elt)?;
                    self.expr(value.expect("dict comprehension value"))?;
                    self.emit(Instr::MapAdd(depth + 1));
                }
            }
        }
        self.jump(Instr::Jump, start);
        if g.is_async {
            self.place(handler);
            self.emit(Instr::EndAsyncFor);
        }
        self.place(end);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum CompKind {
    List,
    Set,
    Dict,
    Gen,
}

fn cmp_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Is => Instr::IsOp(0),
        CmpOp::IsNot => Instr::IsOp(1),
        CmpOp::In => Instr::ContainsOp(0),
        CmpOp::NotIn => Instr::ContainsOp(1),
        other => Instr::CompareOp(other),
    }
}

fn has_starred(elts: &[Expr]) -> bool {
    elts.iter().any(|e| matches!(e.kind, ExprKind::Starred(_)))
}

/// The constant value of a literal expression (including nested constant
/// tuples and negative numbers), if it is one.
fn const_value(e: &Expr) -> Option<Const> {
    match &e.kind {
        ExprKind::Constant(c) => Some(const_of(c)),
        ExprKind::Tuple(elts) => const_tuple(elts),
        ExprKind::UnaryOp { op: UnaryOp::USub, operand } => const_value(operand).and_then(|c| negate_const(&c)),
        _ => None,
    }
}

fn const_tuple(elts: &[Expr]) -> Option<Const> {
    let items: Option<Vec<Const>> = elts.iter().map(const_value).collect();
    items.map(Const::Tuple)
}

fn negate_const(c: &Const) -> Option<Const> {
    match c {
        Const::Int(i) => Some(match i.checked_neg() {
            Some(n) => Const::Int(n),
            None => Const::BigInt(-num_bigint::BigInt::from(*i)),
        }),
        Const::BigInt(b) => {
            let n = -b.clone();
            Some(match i64::try_from(&n) {
                Ok(i) => Const::Int(i),
                Err(_) => Const::BigInt(n),
            })
        }
        Const::Float(f) => Some(Const::Float(-f)),
        Const::Complex(r, i) => Some(Const::Complex(-r, -i)),
        _ => None,
    }
}

/// Fold small-int arithmetic on literals (results that fit in an i64).
fn fold_binop(left: &Expr, op: BinOp, right: &Expr) -> Option<Const> {
    let (Const::Int(a), Const::Int(b)) = (const_value(left)?, const_value(right)?) else {
        return None;
    };
    let r = match op {
        BinOp::Add => a.checked_add(b)?,
        BinOp::Sub => a.checked_sub(b)?,
        BinOp::Mult => a.checked_mul(b)?,
        BinOp::Pow if (0..64).contains(&b) => a.checked_pow(b as u32)?,
        BinOp::LShift if (0..63).contains(&b) && a.unsigned_abs() < (1u64 << (62 - b)) => a << b,
        _ => return None,
    };
    Some(Const::Int(r))
}
