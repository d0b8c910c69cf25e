//! The abstract syntax tree: what the parser produces and the compiler reads.
//!
//! Shapes follow Python's own `ast` module closely (so CPython's docs explain
//! them), with Rust enums instead of class hierarchies. Every statement and
//! expression carries a [`Span`] of byte offsets into the source; line numbers
//! are derived from spans only when they are needed (line table, errors).

use crate::source::Span;
use num_bigint::BigInt;

/// An identifier as written in the source (already NFKC-free: ASCII or the
/// exact Unicode spelling).
pub type Ident = String;

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub span: Span,
    pub kind: StmtKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (`f(x)`, a docstring, `...`).
    Expr(Expr),
    /// `a = b = value`: `targets` in source order (`[a, b]`).
    Assign { targets: Vec<Expr>, value: Expr },
    /// `target op= value`.
    AugAssign { target: Expr, op: BinOp, value: Expr },
    /// `target: annotation [= value]`. `simple` is true when the target is a
    /// bare name not in parentheses (only then is it recorded in
    /// `__annotations__` of a module or class).
    AnnAssign { target: Expr, annotation: Expr, value: Option<Expr>, simple: bool },
    Delete(Vec<Expr>),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise { exc: Option<Expr>, cause: Option<Expr> },
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    /// `import a.b.c as d, e`
    Import(Vec<Alias>),
    /// `from ..pkg.mod import a as b, c` (`level` counts the dots; `module`
    /// is `None` for `from . import x`). `from m import *` is one alias `*`.
    ImportFrom { module: Option<String>, names: Vec<Alias>, level: u32 },
    If { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    While { test: Expr, body: Vec<Stmt>, orelse: Vec<Stmt> },
    For { target: Expr, iter: Expr, body: Vec<Stmt>, orelse: Vec<Stmt>, is_async: bool },
    /// `try`; `is_star` for `except*` handlers (all handlers of one `try` are
    /// either plain or starred).
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
        is_star: bool,
    },
    With { items: Vec<WithItem>, body: Vec<Stmt>, is_async: bool },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Assert { test: Expr, msg: Option<Expr> },
    /// `match subject: case ...` (3.10 structural pattern matching).
    Match { subject: Expr, cases: Vec<MatchCase> },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted name for `import a.b`; a plain name (or `*`) for `from` imports.
    pub name: String,
    pub asname: Option<Ident>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    pub span: Span,
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Ident>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub span: Span,
    pub name: Ident,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub returns: Option<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub span: Span,
    pub name: Ident,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
}

/// A parameter list, as in Python's `ast.arguments`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    /// Parameters before `/`.
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    /// `*args`.
    pub vararg: Option<Arg>,
    /// Parameters after `*` or `*args`.
    pub kwonlyargs: Vec<Arg>,
    /// One entry per `kwonlyargs` item: its default, if any.
    pub kw_defaults: Vec<Option<Expr>>,
    /// `**kwargs`.
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` of `posonlyargs + args`.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub span: Span,
    pub name: Ident,
    pub annotation: Option<Expr>,
}

/// `name=value` in a call or class header; `arg` is `None` for `**value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    pub span: Span,
    pub arg: Option<Ident>,
    pub value: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub span: Span,
    pub kind: ExprKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(Ident),
    Constant(Constant),
    /// An f-string: literal `Constant(Str)` pieces and `FormattedValue`s in
    /// order. Adjacent literals (`"a" f"{x}"`) are merged into one JoinedStr.
    JoinedStr(Vec<Expr>),
    /// `{value!conversion:format_spec}` inside an f-string. `conversion` is
    /// one of `'s'`, `'r'`, `'a'`; `format_spec` is itself a JoinedStr.
    /// `f"{x=}"` is desugared by the parser into the literal text `x=`
    /// followed by a FormattedValue (with conversion `'r'` when neither a
    /// conversion nor a format spec was given).
    FormattedValue { value: Box<Expr>, conversion: Option<char>, format_spec: Option<Box<Expr>> },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: `keys[i]` is `None` for a `**m` entry.
    Dict { keys: Vec<Option<Expr>>, values: Vec<Expr> },
    /// `*x` in displays, calls and assignment targets.
    Starred(Box<Expr>),
    Attribute { value: Box<Expr>, attr: Ident },
    /// `value[index]`; `a[i, j]` has a Tuple index, `a[1:2]` a Slice index,
    /// `a[1:2, 3]` a Tuple containing a Slice.
    Subscript { value: Box<Expr>, index: Box<Expr> },
    Slice { lower: Option<Box<Expr>>, upper: Option<Box<Expr>>, step: Option<Box<Expr>> },
    /// `args` may contain `Starred`; `keywords` with `arg: None` are `**x`.
    Call { func: Box<Expr>, args: Vec<Expr>, keywords: Vec<Keyword> },
    BinOp { left: Box<Expr>, op: BinOp, right: Box<Expr> },
    UnaryOp { op: UnaryOp, operand: Box<Expr> },
    /// `a and b and c` is one BoolOp with three values.
    BoolOp { op: BoolOp, values: Vec<Expr> },
    /// `a < b <= c` is one Compare with ops `[Lt, LtE]`.
    Compare { left: Box<Expr>, ops: Vec<CmpOp>, comparators: Vec<Expr> },
    IfExp { test: Box<Expr>, body: Box<Expr>, orelse: Box<Expr> },
    Lambda { args: Box<Arguments>, body: Box<Expr> },
    ListComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    SetComp { elt: Box<Expr>, generators: Vec<Comprehension> },
    DictComp { key: Box<Expr>, value: Box<Expr>, generators: Vec<Comprehension> },
    GeneratorExp { elt: Box<Expr>, generators: Vec<Comprehension> },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `target := value`.
    NamedExpr { target: Ident, value: Box<Expr> },
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Ellipsis,
    Int(IntLit),
    Float(f64),
    /// An imaginary literal such as `2j` (the value of the imaginary part).
    Imag(f64),
    Str(String),
    Bytes(Vec<u8>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum IntLit {
    Small(i64),
    Big(BigInt),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatchCase {
    pub pattern: Pattern,
    pub guard: Option<Expr>,
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    pub span: Span,
    pub kind: PatternKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum PatternKind {
    /// A literal or dotted-name value pattern: `1`, `"x"`, `Color.RED`, `-1`, `1+2j`.
    MatchValue(Expr),
    /// `None`, `True`, `False` (compared with `is`).
    MatchSingleton(Constant),
    /// `[a, *rest, b]` or `(a, b)`.
    MatchSequence(Vec<Pattern>),
    /// `{"k": p, **rest}`.
    MatchMapping { keys: Vec<Expr>, patterns: Vec<Pattern>, rest: Option<Ident> },
    /// `Cls(p1, p2, kw=p3)`.
    MatchClass { cls: Expr, patterns: Vec<Pattern>, kwd_attrs: Vec<Ident>, kwd_patterns: Vec<Pattern> },
    /// `*name` or `*_` inside a sequence pattern (`None` for `*_`).
    MatchStar(Option<Ident>),
    /// `p as name`, a bare capture `name` (pattern `None`), or the wildcard
    /// `_` (pattern and name both `None`).
    MatchAs { pattern: Option<Box<Pattern>>, name: Option<Ident> },
    /// `p1 | p2`.
    MatchOr(Vec<Pattern>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Expr {
    pub fn new(span: Span, kind: ExprKind) -> Expr {
        Expr { span, kind }
    }
}

impl Stmt {
    pub fn new(span: Span, kind: StmtKind) -> Stmt {
        Stmt { span, kind }
    }
}
