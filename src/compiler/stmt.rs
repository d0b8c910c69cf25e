//! Statement code generation: assignments, control flow, `try`/`with`
//! (with their exception-table handlers), function and class definitions,
//! imports, and the unwinding done by `return`/`break`/`continue`.

use std::rc::Rc;

use super::builder::Label;
use super::symtable::ScopeKind;
use super::*;
use crate::bytecode::Instr;

impl<'a> Compiler<'a> {
    pub(super) fn stmts(&mut self, body: &'a [Stmt]) -> Result<(), SyntaxError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &'a Stmt) -> Result<(), SyntaxError> {
        self.set_line(s.span);
        match &s.kind {
            StmtKind::Expr(e) => {
                if self.mode == Mode::Interactive && self.units.len() == 1 {
                    self.expr(e)?;
                    self.set_line(s.span);
                    self.emit(Instr::PrintExpr);
                } else if let ExprKind::Constant(_) = e.kind {
                    // A bare constant (docstring-like) has no effect.
                } else {
                    self.expr(e)?;
                    self.emit(Instr::PopTop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.store_target(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.store_target(target)?;
                }
                let kind = self.unit_ref().kind;
                if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
                    if let (true, ExprKind::Name(n)) = (*simple, &target.kind) {
                        self.expr(annotation)?;
                        let ann = self.add_name("__annotations__");
                        self.emit(Instr::LoadName(ann));
                        self.load_const(Const::Str(mangle_none(n)));
                        self.emit(Instr::StoreSubscr);
                    } else {
                        self.expr(annotation)?;
                        self.emit(Instr::PopTop);
                    }
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete_target(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.break_continue(true, s.span)?,
            StmtKind::Continue => self.break_continue(false, s.span)?,
            StmtKind::Return(v) => self.return_stmt(v.as_ref(), s.span)?,
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.set_line(s.span);
                self.emit(Instr::Raise(n));
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(aliases) => self.import(aliases)?,
            StmtKind::ImportFrom { module, names, level } => self.import_from(module.as_deref(), names, *level, s.span)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                let else_l = if orelse.is_empty() { end } else { self.new_label() };
                self.jump_if(test, false, else_l)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    if !self.unit().b.last_is_terminal() {
                        self.jump(Instr::Jump, end);
                    }
                    self.place(else_l);
                    self.stmts(orelse)?;
                }
                self.place(end);
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.new_label();
                let end = self.new_label();
                let else_l = self.new_label();
                self.place(start);
                if !is_const_true(test) {
                    self.jump_if(test, false, else_l)?;
                }
                self.unit().fblocks.push(FBlock::While { start, end });
                self.stmts(body)?;
                self.unit().fblocks.pop();
                self.set_line(s.span);
                self.jump(Instr::Jump, start);
                self.place(else_l);
                self.stmts(orelse)?;
                self.place(end);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse, s.span)?;
                } else {
                    self.for_loop(target, iter, body, orelse, s.span)?;
                }
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                if *is_star {
                    self.try_star(body, handlers, orelse, finalbody)?;
                } else if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)?;
                } else {
                    self.try_finally(finalbody, |c| {
                        if handlers.is_empty() {
                            c.stmts(body)
                        } else {
                            c.try_except(body, handlers, orelse)
                        }
                    })?;
                }
            }
            StmtKind::With { items, body, is_async } => self.with(items, body, *is_async, s.span)?,
            StmtKind::FunctionDef(f) => self.function_def(f)?,
            StmtKind::ClassDef(c) => self.class_def(c)?,
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.emit(Instr::PushNull);
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.set_line(s.span);
                self.emit(Instr::Raise(1));
                self.place(end);
            }
            StmtKind::Match { subject, cases } => self.match_stmt(subject, cases)?,
        }
        Ok(())
    }

    // ---- assignment ----

    pub(super) fn store_target(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Store),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.attr_name(attr);
                self.set_line(t.span);
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.set_line(t.span);
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                let star = elts.iter().position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    Some(i) => {
                        if elts.iter().filter(|e| matches!(e.kind, ExprKind::Starred(_))).count() > 1 {
                            return Err(err("multiple starred expressions in assignment", t.span));
                        }
                        let after = elts.len() - i - 1;
                        if i > 255 || after > 255 {
                            return Err(err("too many expressions in star-unpacking assignment", t.span));
                        }
                        self.emit(Instr::UnpackEx(i as u32 | (after as u32) << 8));
                    }
                    None => self.emit(Instr::UnpackSequence(elts.len() as u32)),
                }
                for e in elts {
                    let e = if let ExprKind::Starred(inner) = &e.kind { &**inner } else { e };
                    self.store_target(e)?;
                }
            }
            ExprKind::Starred(_) => return Err(err("starred assignment target must be in a list or tuple", t.span)),
            _ => return Err(err("cannot assign to expression", t.span)),
        }
        Ok(())
    }

    fn delete_target(&mut self, t: &'a Expr) -> Result<(), SyntaxError> {
        match &t.kind {
            ExprKind::Name(n) => self.name_op(n, NameCtx::Del),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let n = self.attr_name(attr);
                self.emit(Instr::DeleteAttr(n));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::DeleteSubscr);
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete_target(e)?;
                }
            }
            _ => return Err(err("cannot delete expression", t.span)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> Result<(), SyntaxError> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.name_op(n, NameCtx::Load);
                self.expr(value)?;
                self.set_line(target.span);
                self.emit(Instr::InplaceOp(op));
                self.name_op(n, NameCtx::Store);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let n = self.attr_name(attr);
                self.emit(Instr::LoadAttr(n));
                self.expr(value)?;
                self.set_line(target.span);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(n));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.expr(value)?;
                self.set_line(target.span);
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            _ => return Err(err("'expression' is an illegal expression for augmented assignment", target.span)),
        }
        Ok(())
    }

    // ---- loops and unwinding ----

    fn for_loop(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], span: Span) -> Result<(), SyntaxError> {
        let start = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_line(span);
        self.emit(Instr::GetIter);
        if matches!(iter.kind, ExprKind::Call { .. }) {
            self.emit(Instr::MarkLoopIter);
        }
        self.place(start);
        self.set_line(span);
        self.jump(Instr::ForIter, else_l);
        self.unit().depth += 1;
        self.unit().fblocks.push(FBlock::For { start, end });
        self.store_target(target)?;
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.set_line(span);
        self.jump(Instr::Jump, start);
        self.unit().depth -= 1;
        self.place(else_l);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    fn async_for(&mut self, target: &'a Expr, iter: &'a Expr, body: &'a [Stmt], orelse: &'a [Stmt], span: Span) -> Result<(), SyntaxError> {
        if !self.unit_ref().is_async {
            return Err(err("'async for' outside async function", span));
        }
        self.note_top_level_await();
        let start = self.new_label();
        let handler = self.new_label();
        let else_l = self.new_label();
        let end = self.new_label();
        self.expr(iter)?;
        self.set_line(span);
        self.emit(Instr::GetAiter);
        if matches!(iter.kind, ExprKind::Call { .. }) {
            self.emit(Instr::MarkLoopIter);
        }
        self.place(start);
        self.set_line(span);
        let depth = self.unit_ref().depth + 1;
        self.unit().b.push_handler(handler, depth);
        self.emit(Instr::GetAnext);
        self.emit(Instr::GetAwaitable(0));
        self.emit(Instr::LoadNone);
        self.await_loop();
        self.unit().b.pop_handler();
        self.unit().depth += 1;
        self.unit().fblocks.push(FBlock::For { start, end });
        self.store_target(target)?;
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.set_line(span);
        self.jump(Instr::Jump, start);
        self.unit().depth -= 1;
        self.place(handler);
        self.emit(Instr::EndAsyncFor);
        self.place(else_l);
        self.stmts(orelse)?;
        self.place(end);
        Ok(())
    }

    /// `subiter value -> result`: the `yield from` / `await` loop.
    pub(super) fn await_loop(&mut self) {
        let send = self.new_label();
        let exit = self.new_label();
        self.place(send);
        self.jump(Instr::Send, exit);
        self.emit(Instr::YieldValue);
        self.jump(Instr::Jump, send);
        self.place(exit);
    }

    fn break_continue(&mut self, is_break: bool, span: Span) -> Result<(), SyntaxError> {
        let loop_pos = self.unit_ref().fblocks.iter().rposition(|b| matches!(b, FBlock::While { .. } | FBlock::For { .. }));
        let Some(pos) = loop_pos else {
            return Err(err(if is_break { "'break' outside loop" } else { "'continue' not properly in loop" }, span));
        };
        let saved = self.unwind_to(pos + 1, false)?;
        let lp = self.unit_ref().fblocks[pos].clone();
        match (lp, is_break) {
            (FBlock::While { end, .. }, true) => self.jump(Instr::Jump, end),
            (FBlock::While { start, .. }, false) => self.jump(Instr::Jump, start),
            (FBlock::For { end, .. }, true) => {
                self.emit(Instr::PopIter);
                self.jump(Instr::Jump, end)
            }
            (FBlock::For { start, .. }, false) => self.jump(Instr::Jump, start),
            _ => unreachable!(),
        }
        self.restore_after_unwind(saved);
        Ok(())
    }

    fn return_stmt(&mut self, value: Option<&'a Expr>, span: Span) -> Result<(), SyntaxError> {
        let kind = self.unit_ref().kind;
        if matches!(kind, ScopeKind::Module | ScopeKind::Class) {
            return Err(err("'return' outside function", span));
        }
        if value.is_some() && self.unit_ref().flags & flags::ASYNC_GENERATOR != 0 {
            return Err(err("'return' with value in async generator", span));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.emit(Instr::LoadNone),
        }
        let saved = self.unwind_to(0, true)?;
        self.set_line(span);
        self.emit(Instr::ReturnValue);
        self.restore_after_unwind(saved);
        Ok(())
    }

    /// Emit the cleanup of every frame block above index `keep` (innermost
    /// first). With `preserve_tos` the value on top (a return value) is
    /// kept above the cleanup. Returns what must be restored afterwards
    /// (handlers and blocks temporarily removed while emitting).
    fn unwind_to(&mut self, keep: usize, preserve_tos: bool) -> Result<Unwound<'a>, SyntaxError> {
        let mut popped_blocks = Vec::new();
        let mut popped_handlers = Vec::new();
        let depth0 = self.unit_ref().depth;
        while self.unit_ref().fblocks.len() > keep {
            let fb = self.unit().fblocks.pop().expect("checked");
            match &fb {
                FBlock::While { .. } => {}
                FBlock::For { .. } => {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopIter);
                    self.unit().depth -= 1;
                }
                FBlock::TryExcept => {
                    popped_handlers.extend(self.unit().b.pop_handler());
                }
                FBlock::FinallyTry { body } => {
                    popped_handlers.extend(self.unit().b.pop_handler());
                    if preserve_tos {
                        self.unit().depth += 1;
                    }
                    let body: &'a [Stmt] = body;
                    self.stmts(body)?;
                    if preserve_tos {
                        self.unit().depth -= 1;
                    }
                }
                FBlock::FinallyEnd => {
                    popped_handlers.extend(self.unit().b.pop_handler());
                    // prev_exc exc [tos]
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopTop);
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopExcept);
                    self.unit().depth -= 2;
                }
                FBlock::With { is_async } => {
                    popped_handlers.extend(self.unit().b.pop_handler());
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    if *is_async {
                        self.emit(Instr::AsyncWithExitNormal);
                        self.emit(Instr::GetAwaitable(2));
                        self.emit(Instr::LoadNone);
                        self.await_loop();
                        self.emit(Instr::PopTop);
                    } else {
                        self.emit(Instr::WithExitNormal);
                    }
                    self.unit().depth -= 1;
                }
                FBlock::HandlerCleanup { name } => {
                    if name.is_some() {
                        popped_handlers.extend(self.unit().b.pop_handler());
                    }
                    popped_handlers.extend(self.unit().b.pop_handler());
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::PopExcept);
                    if let Some(n) = name {
                        self.emit(Instr::LoadNone);
                        self.name_op(n, NameCtx::Store);
                        self.name_op(n, NameCtx::Del);
                    }
                    self.unit().depth -= 1;
                }
            }
            popped_blocks.push(fb);
        }
        Ok(Unwound { blocks: popped_blocks, handlers: popped_handlers, depth: depth0 })
    }

    fn restore_after_unwind(&mut self, saved: Unwound<'a>) {
        for h in saved.handlers.into_iter().rev() {
            self.unit().b.restore_handler(h);
        }
        for b in saved.blocks.into_iter().rev() {
            self.unit().fblocks.push(b);
        }
        self.unit().depth = saved.depth;
    }

    // ---- try ----

    fn try_except(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt]) -> Result<(), SyntaxError> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit_ref().depth;
        self.unit().b.push_handler(handler, depth);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.unit().b.pop_handler();
        self.stmts(orelse)?;
        if !self.unit().b.last_is_terminal() {
            self.jump(Instr::Jump, end);
        }

        self.place(handler);
        self.emit(Instr::PushExcInfo);
        self.unit().b.push_handler(cleanup, depth + 1);
        for (i, h) in handlers.iter().enumerate() {
            self.set_line(h.span);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(err("default 'except:' must be last", h.span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.jump(Instr::PopJumpIfFalse, next);
            }
            self.unit().depth = depth + 1;
            match &h.name {
                Some(name) => {
                    self.name_op(name, NameCtx::Store);
                    let name_cleanup = self.new_label();
                    self.unit().b.push_handler(name_cleanup, depth + 1);
                    self.unit().fblocks.push(FBlock::HandlerCleanup { name: Some(name.clone()) });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    self.unit().b.pop_handler();
                    if !self.unit().b.last_is_terminal() {
                        self.emit(Instr::PopExcept);
                        self.emit(Instr::LoadNone);
                        self.name_op(name, NameCtx::Store);
                        self.name_op(name, NameCtx::Del);
                        self.jump(Instr::Jump, end);
                    }
                    // Exception inside a named handler: clear the name, re-raise.
                    self.place(name_cleanup);
                    self.emit(Instr::LoadNone);
                    self.name_op(name, NameCtx::Store);
                    self.name_op(name, NameCtx::Del);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::PopTop);
                    self.unit().fblocks.push(FBlock::HandlerCleanup { name: None });
                    self.stmts(&h.body)?;
                    self.unit().fblocks.pop();
                    if !self.unit().b.last_is_terminal() {
                        self.emit(Instr::PopExcept);
                        self.jump(Instr::Jump, end);
                    }
                }
            }
            self.unit().depth = depth;
            self.place(next);
        }
        // No handler matched: re-raise (caught by `cleanup`).
        self.emit(Instr::Reraise);
        self.unit().b.pop_handler();
        self.place(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.place(end);
        Ok(())
    }

    /// `try` with `except*` clauses: split the exception group across the
    /// handlers, collecting what handlers raise, then re-raise the rest.
    ///
    /// Stack in the handler code: `prev_exc orig rest raised`.
    fn try_star(&mut self, body: &'a [Stmt], handlers: &'a [ExceptHandler], orelse: &'a [Stmt], finalbody: &'a [Stmt]) -> Result<(), SyntaxError> {
        if !finalbody.is_empty() {
            return self.try_finally(finalbody, |c| c.try_star(body, handlers, orelse, &[]));
        }
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit_ref().depth;
        self.unit().b.push_handler(handler, depth);
        self.unit().fblocks.push(FBlock::TryExcept);
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.unit().b.pop_handler();
        self.stmts(orelse)?;
        if !self.unit().b.last_is_terminal() {
            self.jump(Instr::Jump, end);
        }
        self.place(handler);
        self.emit(Instr::PushExcInfo);
        self.unit().b.push_handler(cleanup, depth + 1);
        self.emit(Instr::Copy(1));
        self.emit(Instr::BuildList(0));
        for h in handlers {
            self.set_line(h.span);
            let Some(t) = &h.typ else {
                return Err(err("expected 'except' or 'finally' block", h.span));
            };
            let no_match = self.new_label();
            let next = self.new_label();
            self.emit(Instr::Copy(2));
            self.expr(t)?;
            self.emit(Instr::CheckEgMatch);
            // prev orig rest raised new_rest match
            self.emit(Instr::Copy(1));
            self.jump(Instr::PopJumpIfNone, no_match);
            self.emit(Instr::Swap(2));
            self.emit(Instr::Swap(4));
            self.emit(Instr::PopTop);
            // prev orig new_rest raised match
            match &h.name {
                Some(n) => self.name_op(n, NameCtx::Store),
                None => self.emit(Instr::PopTop),
            }
            let body_handler = self.new_label();
            self.unit().b.push_handler(body_handler, depth + 4);
            self.unit().depth = depth + 4;
            self.stmts(&h.body)?;
            self.unit().depth = depth;
            self.unit().b.pop_handler();
            self.jump(Instr::Jump, next);
            // An exception from the handler body joins `raised`.
            self.place(body_handler);
            self.emit(Instr::ListAppend(1));
            self.jump(Instr::Jump, next);
            self.place(no_match);
            self.emit(Instr::PopTop);
            self.emit(Instr::PopTop);
            self.place(next);
            if let Some(n) = &h.name {
                self.emit(Instr::LoadNone);
                self.name_op(n, NameCtx::Store);
                self.name_op(n, NameCtx::Del);
            }
        }
        let done = self.new_label();
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNone, done);
        self.emit(Instr::Reraise);
        self.place(done);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.unit().b.pop_handler();
        self.jump(Instr::Jump, end);
        self.place(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.place(end);
        Ok(())
    }

    fn try_finally(&mut self, finalbody: &'a [Stmt], body: impl FnOnce(&mut Self) -> Result<(), SyntaxError>) -> Result<(), SyntaxError> {
        let handler = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        let depth = self.unit_ref().depth;
        self.unit().b.push_handler(handler, depth);
        self.unit().fblocks.push(FBlock::FinallyTry { body: finalbody });
        body(self)?;
        self.unit().fblocks.pop();
        self.unit().b.pop_handler();
        // Normal path.
        self.stmts(finalbody)?;
        if !self.unit().b.last_is_terminal() {
            self.jump(Instr::Jump, end);
        }
        // Exceptional path: prev_exc exc on the stack.
        self.place(handler);
        self.emit(Instr::PushExcInfo);
        self.unit().b.push_handler(cleanup, depth + 1);
        self.unit().depth = depth + 2;
        self.unit().fblocks.push(FBlock::FinallyEnd);
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.unit().depth = depth;
        if !self.unit().b.last_is_terminal() {
            self.emit(Instr::Reraise);
        }
        self.unit().b.pop_handler();
        self.place(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.place(end);
        Ok(())
    }

    // ---- with ----

    fn with(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, span: Span) -> Result<(), SyntaxError> {
        if is_async && !self.unit_ref().is_async {
            return Err(err("'async with' outside async function", span));
        }
        if is_async {
            self.note_top_level_await();
        }
        self.with_items(items, body, is_async, span)
    }

    fn with_items(&mut self, items: &'a [WithItem], body: &'a [Stmt], is_async: bool, span: Span) -> Result<(), SyntaxError> {
        let Some((item, rest)) = items.split_first() else {
            return self.stmts(body);
        };
        let handler = self.new_label();
        let cleanup = self.new_label();
        let suppress = self.new_label();
        let end = self.new_label();
        self.expr(&item.context_expr)?;
        self.set_line(span);
        if is_async {
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable(1));
            self.emit(Instr::LoadNone);
            self.await_loop();
        } else {
            self.emit(Instr::BeforeWith);
        }
        let depth = self.unit_ref().depth + 1;
        self.unit().b.push_handler(handler, depth);
        self.unit().depth = depth;
        self.unit().fblocks.push(FBlock::With { is_async });
        match &item.optional_vars {
            Some(t) => self.store_target(t)?,
            None => self.emit(Instr::PopTop),
        }
        self.with_items(rest, body, is_async, span)?;
        self.unit().fblocks.pop();
        self.unit().b.pop_handler();
        self.set_line(span);
        if is_async {
            self.emit(Instr::AsyncWithExitNormal);
            self.emit(Instr::GetAwaitable(2));
            self.emit(Instr::LoadNone);
            self.await_loop();
            self.emit(Instr::PopTop);
        } else {
            self.emit(Instr::WithExitNormal);
        }
        self.unit().depth = depth - 1;
        self.jump(Instr::Jump, end);

        // Exception in the body: exit prev_exc exc.
        self.place(handler);
        self.emit(Instr::PushExcInfo);
        self.unit().b.push_handler(cleanup, depth + 1);
        if is_async {
            self.emit(Instr::AsyncWithExceptStart);
            self.emit(Instr::GetAwaitable(2));
            self.emit(Instr::LoadNone);
            self.await_loop();
        } else {
            self.emit(Instr::WithExceptStart);
        }
        self.jump(Instr::PopJumpIfTrue, suppress);
        self.emit(Instr::Reraise);
        self.place(suppress);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.unit().b.pop_handler();
        self.jump(Instr::Jump, end);
        self.place(cleanup);
        self.emit(Instr::PopExceptReraise);
        self.place(end);
        Ok(())
    }

    // ---- definitions ----

    fn function_def(&mut self, f: &'a FunctionDef) -> Result<(), SyntaxError> {
        for d in &f.decorators {
            self.set_line(d.span);
            self.expr(d)?;
            self.emit(Instr::PushNull);
        }
        self.set_line(f.span);
        // `co_firstlineno` of a decorated function is its first decorator's line.
        let first_line = self.line_of(f.decorators.first().map_or(f.span, |d| d.span));
        let scope = self.symtable.scope_for(f);
        let code = self.function_code(scope, &f.name, &f.args, FuncBody::Stmts(&f.body), f.is_async, first_line)?;
        self.set_line(f.span);
        self.make_function(scope, code, &f.args, f.returns.as_ref())?;
        for _ in &f.decorators {
            self.emit(Instr::Call(1));
        }
        self.name_op(&f.name, NameCtx::Store);
        Ok(())
    }

    /// Compile a function-like body into a code constant.
    pub(super) fn function_code(&mut self, scope: usize, name: &str, args: &'a Arguments, body: FuncBody<'a>, is_async: bool, first_line: u32) -> Result<Rc<CodeUnit>, SyntaxError> {
        let qualname = self.qualname_for(name);
        self.push_unit(scope, name.to_string(), qualname, first_line);
        let s = &self.symtable.scopes[scope];
        let mut fl = flags::OPTIMIZED | flags::NEWLOCALS;
        if self.units.len() > 2 {
            fl |= flags::NESTED;
        }
        match (is_async, s.is_generator) {
            (false, true) => fl |= flags::GENERATOR,
            (true, false) => fl |= flags::COROUTINE,
            (true, true) => fl |= flags::ASYNC_GENERATOR,
            _ => {}
        }
        if args.vararg.is_some() {
            fl |= flags::VARARGS;
        }
        if args.kwarg.is_some() {
            fl |= flags::VARKEYWORDS;
        }
        {
            let u = self.unit();
            u.flags = fl;
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
            u.is_async = is_async;
        }
        match body {
            FuncBody::Stmts(stmts) => {
                let start = match docstring_of(stmts) {
                    Some(doc) => {
                        self.unit().docstring = Some(doc);
                        1
                    }
                    None => 0,
                };
                self.stmts(&stmts[start..])?;
                if !self.unit().b.last_is_terminal() || stmts.len() == start {
                    self.emit(Instr::LoadNone);
                    self.emit(Instr::ReturnValue);
                }
            }
            FuncBody::Expr(e) => {
                self.set_line(e.span);
                self.expr(e)?;
                if self.symtable.scopes[scope].is_generator {
                    self.emit(Instr::PopTop);
                    self.emit(Instr::LoadNone);
                }
                self.emit(Instr::ReturnValue);
            }
        }
        Ok(Rc::new(self.finish_unit()))
    }

    /// Push defaults, kw-defaults, annotations and closure, then the code,
    /// and emit `MakeFunction`.
    pub(super) fn make_function(&mut self, scope: usize, code: Rc<CodeUnit>, args: &'a Arguments, returns: Option<&'a Expr>) -> Result<(), SyntaxError> {
        let mut fl = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(args.defaults.len() as u32));
            fl |= 1;
        }
        let kwd: Vec<(&String, &Expr)> = args.kwonlyargs.iter().zip(&args.kw_defaults).filter_map(|(a, d)| d.as_ref().map(|d| (&a.name, d))).collect();
        if !kwd.is_empty() {
            for (n, d) in &kwd {
                self.load_const(Const::Str((*n).clone()));
                self.expr(d)?;
            }
            self.emit(Instr::BuildMap(kwd.len() as u32));
            fl |= 2;
        }
        let mut n_ann = 0;
        for a in args.posonlyargs.iter().chain(&args.args).chain(&args.vararg).chain(&args.kwonlyargs).chain(&args.kwarg) {
            if let Some(ann) = &a.annotation {
                self.load_const(Const::Str(a.name.clone()));
                self.expr(ann)?;
                n_ann += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Const::Str("return".into()));
            self.expr(r)?;
            n_ann += 1;
        }
        if n_ann > 0 {
            self.emit(Instr::BuildMap(n_ann));
            fl |= 4;
        }
        if self.make_closure(scope) {
            fl |= 8;
        }
        let ci = self.add_const(Const::Code(code));
        self.emit(Instr::LoadConst(ci));
        self.emit(Instr::MakeFunction(fl));
        Ok(())
    }

    fn class_def(&mut self, c: &'a ClassDef) -> Result<(), SyntaxError> {
        for d in &c.decorators {
            self.set_line(d.span);
            self.expr(d)?;
            self.emit(Instr::PushNull);
        }
        self.set_line(c.span);
        let scope = self.symtable.scope_for(c);
        let first_line = self.line_of(c.decorators.first().map_or(c.span, |d| d.span));
        let qualname = self.qualname_for(&c.name);
        self.push_unit(scope, c.name.clone(), qualname.clone(), first_line);
        // Body prologue: __module__, __qualname__, __doc__, __annotations__.
        let n = self.add_name("__name__");
        self.emit(Instr::LoadName(n));
        let n = self.add_name("__module__");
        self.emit(Instr::StoreName(n));
        self.load_const(Const::Str(qualname));
        let n = self.add_name("__qualname__");
        self.emit(Instr::StoreName(n));
        let mut start = 0;
        if let Some(doc) = docstring_of(&c.body) {
            self.load_const(Const::Str(doc.clone()));
            let n = self.add_name("__doc__");
            self.emit(Instr::StoreName(n));
            self.unit().docstring = Some(doc);
            start = 1;
        }
        if has_annotations(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.stmts(&c.body[start..])?;
        if self.symtable.scopes[scope].has_class_cell {
            let i = self.deref_index("__class__");
            self.emit(Instr::LoadClosure(i));
            self.emit(Instr::Copy(1));
            let n = self.add_name("__classcell__");
            self.emit(Instr::StoreName(n));
        } else {
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::ReturnValue);
        let code = Rc::new(self.finish_unit());

        self.set_line(c.span);
        self.emit(Instr::LoadBuildClass);
        self.emit(Instr::PushNull);
        let mut fl = 0;
        if self.make_closure(scope) {
            fl |= 8;
        }
        let ci = self.add_const(Const::Code(code));
        self.emit(Instr::LoadConst(ci));
        self.emit(Instr::MakeFunction(fl));
        self.load_const(Const::Str(c.name.clone()));
        self.call_args(2, &c.bases, &c.keywords, c.span)?;
        for _ in &c.decorators {
            self.emit(Instr::Call(1));
        }
        self.name_op(&c.name, NameCtx::Store);
        Ok(())
    }

    // ---- imports ----

    fn import(&mut self, aliases: &'a [Alias]) -> Result<(), SyntaxError> {
        for a in aliases {
            self.set_line(a.span);
            self.load_const(Const::Int(0));
            self.emit(Instr::LoadNone);
            let n = self.add_name(&a.name);
            self.emit(Instr::ImportName(n));
            match &a.asname {
                Some(asname) => {
                    for part in a.name.split('.').skip(1) {
                        let p = self.add_name(part);
                        self.emit(Instr::ImportFrom(p));
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::PopTop);
                    }
                    self.name_op(asname, NameCtx::Store);
                }
                None => {
                    let top = a.name.split('.').next().unwrap_or("").to_string();
                    self.name_op(&top, NameCtx::Store);
                }
            }
        }
        Ok(())
    }

    fn import_from(&mut self, module: Option<&str>, names: &'a [Alias], level: u32, span: Span) -> Result<(), SyntaxError> {
        self.load_const(Const::Int(level as i64));
        let fromlist: Vec<Const> = names.iter().map(|a| Const::Str(a.name.clone())).collect();
        self.load_const(Const::Tuple(fromlist));
        let n = self.add_name(module.unwrap_or(""));
        self.set_line(span);
        self.emit(Instr::ImportName(n));
        if names.len() == 1 && names[0].name == "*" {
            self.emit(Instr::ImportStar);
            return Ok(());
        }
        for a in names {
            let n = self.add_name(&a.name);
            self.emit(Instr::ImportFrom(n));
            let store = a.asname.as_ref().unwrap_or(&a.name);
            self.name_op(store, NameCtx::Store);
        }
        self.emit(Instr::PopTop);
        Ok(())
    }

    pub(super) fn note_top_level_await(&mut self) {
        if self.mode == Mode::Interactive && self.units.len() == 1 {
            self.contains_top_level_await = true;
        }
    }
}

pub(super) struct Unwound<'a> {
    blocks: Vec<FBlock<'a>>,
    handlers: Vec<u32>,
    depth: u32,
}

pub(super) enum FuncBody<'a> {
    Stmts(&'a [Stmt]),
    Expr(&'a Expr),
}

fn is_const_true(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Constant(Constant::Bool(true)) => true,
        ExprKind::Constant(Constant::Int(IntLit::Small(n))) => *n != 0,
        _ => false,
    }
}

/// Annotation keys are stored unmangled (private-name mangling is not
/// applied by this compiler).
fn mangle_none(n: &str) -> String {
    n.to_string()
}

#[allow(dead_code)]
fn _label_is_copy(l: Label) -> Label {
    l
}
