//! Raw tokens recognised by `logos`: operators, names, line ends, and the
//! *starts* of numbers and string literals (their bodies are scanned by hand
//! in `numbers.rs` / `strings.rs`, which need CPython's exact error rules).
//! Horizontal whitespace and comments are skipped here; indentation is
//! measured separately by the layout pass, straight from the source text.

use logos::Logos;

#[derive(Logos, Debug, Clone, Copy, PartialEq, Eq)]
#[logos(skip r"[ \t\x0C]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Raw {
    #[regex(r"\r\n|\r|\n")]
    Newline,
    /// A backslash directly followed by a line end: explicit line joining.
    #[regex(r"\\(\r\n|\r|\n)")]
    Continuation,
    /// A backslash followed by anything else (or by the end of input).
    #[token("\\")]
    Backslash,

    /// An identifier or keyword; non-ASCII characters are admitted here and
    /// checked against XID_Start / XID_Continue afterwards (as CPython does).
    #[regex(r"[A-Za-z_\x{80}-\x{10FFFF}][A-Za-z0-9_\x{80}-\x{10FFFF}]*")]
    Name,
    /// Optional prefix and the opening quote of a string literal.
    #[regex(r#"([rRbBuUfF]|[bB][rR]|[rR][bB]|[fF][rR]|[rR][fF])?["']"#)]
    StringStart,
    /// The first character of a number (`7`, or `.` followed by a digit).
    #[regex(r"[0-9]|\.[0-9]")]
    NumberStart,

    #[token("(")]
    Lpar,
    #[token(")")]
    Rpar,
    #[token("[")]
    Lsqb,
    #[token("]")]
    Rsqb,
    #[token("{")]
    Lbrace,
    #[token("}")]
    Rbrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LessGreater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    Circumflex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    Rarrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
    #[token("!")]
    Exclamation,
    /// Stray ASCII characters that are never valid outside strings.
    #[regex(r"[$?`]")]
    Stray,
}
