//! A canonical S-expression dump of the AST, matching what
//! `tools/cpy_dump.py` prints for CPython's own `ast` of the same source,
//! so the two can be compared line for line (differential testing).
#![allow(dead_code)]

use aiopy::ast::*;

pub struct Dumper<'a> {
    src: &'a str,
    line_starts: Vec<usize>,
    out: String,
    /// Positions are not printed inside f-strings (CPython 3.11's are odd).
    no_pos: u32,
}

pub fn dump_module(src: &str, m: &Module) -> String {
    dump_module_with(src, m, true)
}

/// `positions: false` leaves out the `@line:col` marks (shape only).
pub fn dump_module_with(src: &str, m: &Module, positions: bool) -> String {
    let mut d = Dumper::new(src);
    if !positions {
        d.no_pos = 1;
    }
    d.out.push_str("(Module");
    for s in &m.body {
        d.out.push('\n');
        d.stmt(s);
    }
    d.out.push_str(")\n");
    d.out
}

pub fn dump_expr(src: &str, e: &Expr) -> String {
    let mut d = Dumper::new(src);
    d.no_pos = 1;
    d.expr(e);
    d.out
}

fn json_str(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            c if (c as u32) < 0x20 || (c as u32) >= 0x7f => o.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

impl<'a> Dumper<'a> {
    fn new(src: &'a str) -> Dumper<'a> {
        let mut line_starts = vec![0];
        for (i, b) in src.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i + 1);
            }
        }
        Dumper { src, line_starts, out: String::new(), no_pos: 0 }
    }

    fn pos(&mut self, offset: u32) {
        if self.no_pos > 0 {
            return;
        }
        let off = offset as usize;
        let line = match self.line_starts.binary_search(&off) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let _ = self.src;
        self.out.push_str(&format!("@{}:{}", line + 1, off - self.line_starts[line]));
    }

    fn w(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn opt_expr(&mut self, e: &Option<Expr>) {
        match e {
            Some(e) => self.expr(e),
            None => self.w("-"),
        }
    }

    fn exprs(&mut self, v: &[Expr]) {
        self.w("(");
        for (i, e) in v.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.expr(e);
        }
        self.w(")");
    }

    fn body(&mut self, v: &[Stmt]) {
        self.w("(");
        for s in v {
            self.w("\n");
            self.stmt(s);
        }
        self.w(")");
    }

    fn name(&mut self, s: &str) {
        let j = json_str(s);
        self.w(&j);
    }

    fn opt_name(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.name(s),
            None => self.w("-"),
        }
    }

    fn constant(&mut self, c: &Constant) {
        match c {
            Constant::None => self.w("None"),
            Constant::Bool(true) => self.w("True"),
            Constant::Bool(false) => self.w("False"),
            Constant::Ellipsis => self.w("Ellipsis"),
            Constant::Int(IntLit::Small(v)) => self.w(&format!("(Int {v})")),
            Constant::Int(IntLit::Big(v)) => self.w(&format!("(Int {v})")),
            Constant::Float(f) => self.w(&format!("(Float {:x})", f.to_bits())),
            Constant::Imag(f) => self.w(&format!("(Imag {:x})", f.to_bits())),
            Constant::Str(s) => {
                let j = json_str(s);
                self.w(&format!("(Str {j})"));
            }
            Constant::Bytes(b) => {
                let h: String = b.iter().map(|x| format!("{x:02x}")).collect();
                self.w(&format!("(Bytes \"{h}\")"));
            }
        }
    }

    pub fn expr(&mut self, e: &Expr) {
        self.w("(");
        let tag = match &e.kind {
            ExprKind::Name(_) => "Name",
            ExprKind::Constant(_) => "Const",
            ExprKind::JoinedStr(_) => "JoinedStr",
            ExprKind::FormattedValue { .. } => "FV",
            ExprKind::Tuple(_) => "Tuple",
            ExprKind::List(_) => "List",
            ExprKind::Set(_) => "Set",
            ExprKind::Dict { .. } => "Dict",
            ExprKind::Starred(_) => "Starred",
            ExprKind::Attribute { .. } => "Attr",
            ExprKind::Subscript { .. } => "Sub",
            ExprKind::Slice { .. } => "Slice",
            ExprKind::Call { .. } => "Call",
            ExprKind::BinOp { .. } => "BinOp",
            ExprKind::UnaryOp { .. } => "UnaryOp",
            ExprKind::BoolOp { .. } => "BoolOp",
            ExprKind::Compare { .. } => "Cmp",
            ExprKind::IfExp { .. } => "IfExp",
            ExprKind::Lambda { .. } => "Lambda",
            ExprKind::ListComp { .. } => "ListComp",
            ExprKind::SetComp { .. } => "SetComp",
            ExprKind::DictComp { .. } => "DictComp",
            ExprKind::GeneratorExp { .. } => "GenExp",
            ExprKind::Await(_) => "Await",
            ExprKind::Yield(_) => "Yield",
            ExprKind::YieldFrom(_) => "YieldFrom",
            ExprKind::NamedExpr { .. } => "Named",
        };
        self.w(tag);
        self.pos(e.span.start);
        self.w(" ");
        match &e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Constant(c) => self.constant(c),
            ExprKind::JoinedStr(v) => {
                self.no_pos += 1;
                self.exprs(v);
                self.no_pos -= 1;
            }
            ExprKind::FormattedValue { value, conversion, format_spec } => {
                self.no_pos += 1;
                self.expr(value);
                self.w(&format!(" {} ", conversion.map_or("-".to_string(), |c| c.to_string())));
                match format_spec {
                    Some(s) => self.expr(s),
                    None => self.w("-"),
                }
                self.no_pos -= 1;
            }
            ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => self.exprs(v),
            ExprKind::Dict { keys, values } => {
                for (i, (k, v)) in keys.iter().zip(values).enumerate() {
                    if i > 0 {
                        self.w(" ");
                    }
                    self.w("(");
                    self.opt_expr(k);
                    self.w(" ");
                    self.expr(v);
                    self.w(")");
                }
            }
            ExprKind::Starred(x) | ExprKind::Await(x) | ExprKind::YieldFrom(x) => self.expr(x),
            ExprKind::Attribute { value, attr } => {
                self.expr(value);
                self.w(" ");
                self.name(attr);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value);
                self.w(" ");
                self.expr(index);
            }
            ExprKind::Slice { lower, upper, step } => {
                for (i, p) in [lower, upper, step].into_iter().enumerate() {
                    if i > 0 {
                        self.w(" ");
                    }
                    match p {
                        Some(x) => self.expr(x),
                        None => self.w("-"),
                    }
                }
            }
            ExprKind::Call { func, args, keywords } => {
                self.expr(func);
                self.w(" ");
                self.exprs(args);
                self.w(" ");
                self.keywords(keywords);
            }
            ExprKind::BinOp { left, op, right } => {
                self.w(&format!("{op:?} "));
                self.expr(left);
                self.w(" ");
                self.expr(right);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.w(&format!("{op:?} "));
                self.expr(operand);
            }
            ExprKind::BoolOp { op, values } => {
                self.w(&format!("{op:?} "));
                self.exprs(values);
            }
            ExprKind::Compare { left, ops, comparators } => {
                self.expr(left);
                for (o, c) in ops.iter().zip(comparators) {
                    self.w(&format!(" ({o:?} "));
                    self.expr(c);
                    self.w(")");
                }
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.w(" ");
                self.expr(body);
                self.w(" ");
                self.expr(orelse);
            }
            ExprKind::Lambda { args, body } => {
                self.arguments(args);
                self.w(" ");
                self.expr(body);
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.expr(elt);
                self.comps(generators);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.expr(key);
                self.w(" ");
                self.expr(value);
                self.comps(generators);
            }
            ExprKind::Yield(x) => match x {
                Some(x) => self.expr(x),
                None => self.w("-"),
            },
            ExprKind::NamedExpr { target, value } => {
                self.name(target);
                self.w(" ");
                self.expr(value);
            }
        }
        self.w(")");
    }

    fn comps(&mut self, gens: &[Comprehension]) {
        for g in gens {
            self.w(" (comp ");
            self.expr(&g.target);
            self.w(" ");
            self.expr(&g.iter);
            self.w(if g.is_async { " async " } else { " sync " });
            self.exprs(&g.ifs);
            self.w(")");
        }
    }

    fn keywords(&mut self, kws: &[Keyword]) {
        self.w("(");
        for (i, k) in kws.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.w("(kw ");
            self.opt_name(&k.arg);
            self.w(" ");
            self.expr(&k.value);
            self.w(")");
        }
        self.w(")");
    }

    fn arg(&mut self, a: &Arg) {
        self.w("(arg ");
        self.name(&a.name);
        self.w(" ");
        self.opt_expr(&a.annotation);
        self.w(")");
    }

    fn opt_arg(&mut self, a: &Option<Arg>) {
        match a {
            Some(a) => self.arg(a),
            None => self.w("-"),
        }
    }

    fn args_list(&mut self, v: &[Arg]) {
        self.w("(");
        for (i, a) in v.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.arg(a);
        }
        self.w(")");
    }

    fn arguments(&mut self, a: &Arguments) {
        self.w("(arguments ");
        self.args_list(&a.posonlyargs);
        self.w(" ");
        self.args_list(&a.args);
        self.w(" ");
        self.opt_arg(&a.vararg);
        self.w(" ");
        self.args_list(&a.kwonlyargs);
        self.w(" (");
        for (i, d) in a.kw_defaults.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.opt_expr(d);
        }
        self.w(") ");
        self.opt_arg(&a.kwarg);
        self.w(" ");
        self.exprs(&a.defaults);
        self.w(")");
    }

    fn aliases(&mut self, v: &[Alias]) {
        self.w("(");
        for (i, a) in v.iter().enumerate() {
            if i > 0 {
                self.w(" ");
            }
            self.w("(alias ");
            self.name(&a.name);
            self.w(" ");
            self.opt_name(&a.asname);
            self.w(")");
        }
        self.w(")");
    }

    fn pattern(&mut self, p: &Pattern) {
        self.w("(");
        match &p.kind {
            PatternKind::MatchValue(e) => {
                self.w("MatchValue ");
                self.expr(e);
            }
            PatternKind::MatchSingleton(c) => {
                self.w("MatchSingleton ");
                self.constant(c);
            }
            PatternKind::MatchSequence(v) => {
                self.w("MatchSequence");
                for x in v {
                    self.w(" ");
                    self.pattern(x);
                }
            }
            PatternKind::MatchMapping { keys, patterns, rest } => {
                self.w("MatchMapping ");
                self.exprs(keys);
                for x in patterns {
                    self.w(" ");
                    self.pattern(x);
                }
                self.w(" ");
                self.opt_name(rest);
            }
            PatternKind::MatchClass { cls, patterns, kwd_attrs, kwd_patterns } => {
                self.w("MatchClass ");
                self.expr(cls);
                self.w(" (");
                for x in patterns {
                    self.w(" ");
                    self.pattern(x);
                }
                self.w(") (");
                for (k, x) in kwd_attrs.iter().zip(kwd_patterns) {
                    self.w(" ");
                    self.name(k);
                    self.w("=");
                    self.pattern(x);
                }
                self.w(")");
            }
            PatternKind::MatchStar(n) => {
                self.w("MatchStar ");
                self.opt_name(n);
            }
            PatternKind::MatchAs { pattern, name } => {
                self.w("MatchAs ");
                match pattern {
                    Some(x) => self.pattern(x),
                    None => self.w("-"),
                }
                self.w(" ");
                self.opt_name(name);
            }
            PatternKind::MatchOr(v) => {
                self.w("MatchOr");
                for x in v {
                    self.w(" ");
                    self.pattern(x);
                }
            }
        }
        self.w(")");
    }

    pub fn stmt(&mut self, s: &Stmt) {
        self.w("(");
        let tag = match &s.kind {
            StmtKind::Expr(_) => "Expr",
            StmtKind::Assign { .. } => "Assign",
            StmtKind::AugAssign { .. } => "AugAssign",
            StmtKind::AnnAssign { .. } => "AnnAssign",
            StmtKind::Delete(_) => "Delete",
            StmtKind::Pass => "Pass",
            StmtKind::Break => "Break",
            StmtKind::Continue => "Continue",
            StmtKind::Return(_) => "Return",
            StmtKind::Raise { .. } => "Raise",
            StmtKind::Global(_) => "Global",
            StmtKind::Nonlocal(_) => "Nonlocal",
            StmtKind::Import(_) => "Import",
            StmtKind::ImportFrom { .. } => "ImportFrom",
            StmtKind::If { .. } => "If",
            StmtKind::While { .. } => "While",
            StmtKind::For { .. } => "For",
            StmtKind::Try { .. } => "Try",
            StmtKind::With { .. } => "With",
            StmtKind::FunctionDef(_) => "Def",
            StmtKind::ClassDef(_) => "Class",
            StmtKind::Assert { .. } => "Assert",
            StmtKind::Match { .. } => "Match",
        };
        self.w(tag);
        self.pos(s.span.start);
        match &s.kind {
            StmtKind::Expr(e) => {
                self.w(" ");
                self.expr(e);
            }
            StmtKind::Assign { targets, value } => {
                self.w(" ");
                self.exprs(targets);
                self.w(" ");
                self.expr(value);
            }
            StmtKind::AugAssign { target, op, value } => {
                self.w(&format!(" {op:?} "));
                self.expr(target);
                self.w(" ");
                self.expr(value);
            }
            StmtKind::AnnAssign { target, annotation, value, simple } => {
                self.w(" ");
                self.expr(target);
                self.w(" ");
                self.expr(annotation);
                self.w(" ");
                self.opt_expr(value);
                self.w(if *simple { " simple" } else { " nonsimple" });
            }
            StmtKind::Delete(v) => {
                self.w(" ");
                self.exprs(v);
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(v) => {
                self.w(" ");
                self.opt_expr(v);
            }
            StmtKind::Raise { exc, cause } => {
                self.w(" ");
                self.opt_expr(exc);
                self.w(" ");
                self.opt_expr(cause);
            }
            StmtKind::Global(v) | StmtKind::Nonlocal(v) => {
                for n in v {
                    self.w(" ");
                    self.name(n);
                }
            }
            StmtKind::Import(v) => {
                self.w(" ");
                self.aliases(v);
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.w(" ");
                self.opt_name(module);
                self.w(&format!(" {level} "));
                self.aliases(names);
            }
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.w(" ");
                self.expr(test);
                self.w(" ");
                self.body(body);
                self.w(" ");
                self.body(orelse);
            }
            StmtKind::For { target, iter, body, orelse, is_async } => {
                self.w(if *is_async { " async " } else { " sync " });
                self.expr(target);
                self.w(" ");
                self.expr(iter);
                self.w(" ");
                self.body(body);
                self.w(" ");
                self.body(orelse);
            }
            StmtKind::Try { body, handlers, orelse, finalbody, is_star } => {
                self.w(if *is_star { " star " } else { " plain " });
                self.body(body);
                for h in handlers {
                    self.w(" (handler");
                    self.pos(h.span.start);
                    self.w(" ");
                    self.opt_expr(&h.typ);
                    self.w(" ");
                    self.opt_name(&h.name);
                    self.w(" ");
                    self.body(&h.body);
                    self.w(")");
                }
                self.w(" ");
                self.body(orelse);
                self.w(" ");
                self.body(finalbody);
            }
            StmtKind::With { items, body, is_async } => {
                self.w(if *is_async { " async" } else { " sync" });
                for i in items {
                    self.w(" (item ");
                    self.expr(&i.context_expr);
                    self.w(" ");
                    self.opt_expr(&i.optional_vars);
                    self.w(")");
                }
                self.w(" ");
                self.body(body);
            }
            StmtKind::FunctionDef(f) => {
                self.w(if f.is_async { " async " } else { " sync " });
                self.name(&f.name);
                self.w(" ");
                self.arguments(&f.args);
                self.w(" ");
                self.exprs(&f.decorators);
                self.w(" ");
                self.opt_expr(&f.returns);
                self.w(" ");
                self.body(&f.body);
            }
            StmtKind::ClassDef(c) => {
                self.w(" ");
                self.name(&c.name);
                self.w(" ");
                self.exprs(&c.bases);
                self.w(" ");
                self.keywords(&c.keywords);
                self.w(" ");
                self.exprs(&c.decorators);
                self.w(" ");
                self.body(&c.body);
            }
            StmtKind::Assert { test, msg } => {
                self.w(" ");
                self.expr(test);
                self.w(" ");
                self.opt_expr(msg);
            }
            StmtKind::Match { subject, cases } => {
                self.w(" ");
                self.expr(subject);
                for c in cases {
                    self.w("\n(case ");
                    self.pattern(&c.pattern);
                    self.w(" ");
                    self.opt_expr(&c.guard);
                    self.w(" ");
                    self.body(&c.body);
                    self.w(")");
                }
            }
        }
        self.w(")");
    }
}
