//! `match` statements. Each pattern compiles to code with the contract
//! `subject -> bool`, binding capture names as it goes; the case's guard
//! and body follow a true result.

use super::*;
use crate::bytecode::Instr;

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, subject: &'a Expr, cases: &'a [MatchCase]) -> Result<(), SyntaxError> {
        self.expr(subject)?;
        let end = self.new_label();
        for (i, case) in cases.iter().enumerate() {
            let irrefutable = matches!(case.pattern.kind, PatternKind::MatchAs { pattern: None, .. });
            if irrefutable && case.guard.is_none() && i + 1 < cases.len() {
                let msg = match &case.pattern.kind {
                    PatternKind::MatchAs { name: Some(n), .. } => format!("name capture '{}' makes remaining patterns unreachable", n),
                    _ => "wildcard makes remaining patterns unreachable".to_string(),
                };
                return Err(err(msg, case.pattern.span));
            }
            self.set_line(case.pattern.span);
            let next = self.new_label();
            self.emit(Instr::Copy(1));
            self.pattern(&case.pattern)?;
            self.jump(Instr::PopJumpIfFalse, next);
            if let Some(g) = &case.guard {
                self.jump_if(g, false, next)?;
            }
            self.emit(Instr::PopTop);
            self.stmts(&case.body)?;
            self.jump(Instr::Jump, end);
            self.place(next);
        }
        self.emit(Instr::PopTop);
        self.place(end);
        Ok(())
    }

    /// `x -> bool`
    fn pattern(&mut self, p: &'a Pattern) -> Result<(), SyntaxError> {
        match &p.kind {
            PatternKind::MatchValue(e) => {
                self.expr(e)?;
                self.emit(Instr::CompareOp(CmpOp::Eq));
            }
            PatternKind::MatchSingleton(c) => {
                self.load_const(const_of(c));
                self.emit(Instr::IsOp(0));
            }
            PatternKind::MatchAs { pattern: None, name } => {
                match name {
                    Some(n) => self.name_op(n, NameCtx::Store),
                    None => self.emit(Instr::PopTop),
                }
                self.load_const(Const::Bool(true));
            }
            PatternKind::MatchAs { pattern: Some(inner), name } => {
                let fail = self.new_label();
                let end = self.new_label();
                self.emit(Instr::Copy(1));
                self.pattern(inner)?;
                self.jump(Instr::PopJumpIfFalse, fail);
                match name {
                    Some(n) => self.name_op(n, NameCtx::Store),
                    None => self.emit(Instr::PopTop),
                }
                self.load_const(Const::Bool(true));
                self.jump(Instr::Jump, end);
                self.place(fail);
                self.emit(Instr::PopTop);
                self.load_const(Const::Bool(false));
                self.place(end);
            }
            PatternKind::MatchOr(alts) => {
                let success = self.new_label();
                let end = self.new_label();
                let (last, init) = alts.split_last().expect("or-pattern has alternatives");
                for alt in init {
                    self.emit(Instr::Copy(1));
                    self.pattern(alt)?;
                    self.jump(Instr::PopJumpIfTrue, success);
                }
                self.pattern(last)?;
                self.jump(Instr::Jump, end);
                self.place(success);
                self.emit(Instr::PopTop);
                self.load_const(Const::Bool(true));
                self.place(end);
            }
            PatternKind::MatchSequence(items) => self.sequence_pattern(items)?,
            PatternKind::MatchMapping { keys, patterns, rest } => self.mapping_pattern(keys, patterns, rest.as_deref())?,
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => self.class_pattern(cls, patterns, kwd_attrs, kwd_patterns)?,
            PatternKind::MatchStar(_) => return Err(err("can't use starred name here", p.span)),
        }
        Ok(())
    }

    /// Shared tail: `[x] -> [True]` on the success path, and the failure
    /// label with `[x] -> [False]`.
    fn finish_with_fail(&mut self, fail: Label) {
        let end = self.new_label();
        self.emit(Instr::PopTop);
        self.load_const(Const::Bool(true));
        self.jump(Instr::Jump, end);
        self.place(fail);
        self.emit(Instr::PopTop);
        self.load_const(Const::Bool(false));
        self.place(end);
    }

    fn sequence_pattern(&mut self, items: &'a [Pattern]) -> Result<(), SyntaxError> {
        let fail = self.new_label();
        let star = items.iter().position(|p| matches!(p.kind, PatternKind::MatchStar(_)));
        self.emit(Instr::MatchSequence);
        self.jump(Instr::PopJumpIfFalse, fail);
        self.emit(Instr::GetLen);
        let n = items.len() as i64;
        match star {
            None => {
                self.load_const(Const::Int(n));
                self.emit(Instr::CompareOp(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Const::Int(n - 1));
                self.emit(Instr::CompareOp(CmpOp::GtE));
            }
        }
        self.jump(Instr::PopJumpIfFalse, fail);
        for (i, p) in items.iter().enumerate() {
            match (&p.kind, star) {
                (PatternKind::MatchStar(name), _) => {
                    let after = items.len() - i - 1;
                    if let Some(name) = name {
                        self.emit(Instr::Copy(1));
                        self.load_const(Const::Int(i as i64));
                        if after == 0 {
                            self.emit(Instr::LoadNone);
                        } else {
                            self.load_const(Const::Int(-(after as i64)));
                        }
                        self.emit(Instr::BuildSlice(2));
                        self.emit(Instr::BinarySubscr);
                        self.emit(Instr::BuildList(0));
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::ListExtend(1));
                        self.name_op(name, NameCtx::Store);
                    }
                    continue;
                }
                (_, Some(s)) if i > s => {
                    self.emit(Instr::Copy(1));
                    self.load_const(Const::Int(-((items.len() - i) as i64)));
                }
                _ => {
                    self.emit(Instr::Copy(1));
                    self.load_const(Const::Int(i as i64));
                }
            }
            self.emit(Instr::BinarySubscr);
            self.pattern(p)?;
            self.jump(Instr::PopJumpIfFalse, fail);
        }
        self.finish_with_fail(fail);
        Ok(())
    }

    fn mapping_pattern(&mut self, keys: &'a [Expr], patterns: &'a [Pattern], rest: Option<&str>) -> Result<(), SyntaxError> {
        let fail = self.new_label();
        self.emit(Instr::MatchMapping);
        self.jump(Instr::PopJumpIfFalse, fail);
        for (k, p) in keys.iter().zip(patterns) {
            self.emit(Instr::Copy(1));
            self.expr(k)?;
            self.emit(Instr::Swap(2));
            self.emit(Instr::ContainsOp(0));
            self.jump(Instr::PopJumpIfFalse, fail);
            self.emit(Instr::Copy(1));
            self.expr(k)?;
            self.emit(Instr::BinarySubscr);
            self.pattern(p)?;
            self.jump(Instr::PopJumpIfFalse, fail);
        }
        if let Some(r) = rest {
            self.emit(Instr::Copy(1));
            for k in keys {
                self.expr(k)?;
            }
            self.emit(Instr::BuildTuple(keys.len() as u32));
            self.emit(Instr::CopyDictWithoutKeys);
            self.name_op(r, NameCtx::Store);
        }
        self.finish_with_fail(fail);
        Ok(())
    }

    fn class_pattern(&mut self, cls: &'a Expr, patterns: &'a [Pattern], kwd_attrs: &[Ident], kwd_patterns: &'a [Pattern]) -> Result<(), SyntaxError> {
        let fail = self.new_label();
        let fail_attrs = self.new_label();
        self.emit(Instr::Copy(1));
        self.expr(cls)?;
        let names = kwd_attrs.iter().map(|a| Const::Str(a.clone())).collect();
        self.load_const(Const::Tuple(names));
        self.emit(Instr::MatchClass(patterns.len() as u32));
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNone, fail_attrs);
        for (i, p) in patterns.iter().chain(kwd_patterns).enumerate() {
            self.emit(Instr::Copy(1));
            self.load_const(Const::Int(i as i64));
            self.emit(Instr::BinarySubscr);
            self.pattern(p)?;
            self.jump(Instr::PopJumpIfFalse, fail_attrs);
        }
        self.emit(Instr::PopTop);
        let ok = self.new_label();
        self.jump(Instr::Jump, ok);
        self.place(fail_attrs);
        self.emit(Instr::PopTop);
        self.jump(Instr::Jump, fail);
        self.place(ok);
        self.finish_with_fail(fail);
        Ok(())
    }
}
