//! Source text, byte spans, line lookup, and syntax errors.
//!
//! Positions travel through the front end as byte offsets ([`Span`]); lines
//! and columns are computed from a [`SourceFile`]'s line index only when an
//! error or a line table needs them, so the hot paths never carry them.

use std::fmt;

/// A half-open range of byte offsets `[start, end)` into one source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span { start: start as u32, end: end as u32 }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }
}

/// One source file (or `-c` string, or REPL input) with its line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    /// Borrowed for the modules embedded in the binary (`embedded`), which
    /// were copied at every import although only a traceback reads them.
    pub text: std::borrow::Cow<'static, str>,
    /// Byte offset where each line starts; `line_starts[0] == 0`. Built on
    /// first use: embedded modules loaded from the code cache never need it
    /// unless a traceback points into them.
    line_starts: std::cell::OnceCell<Vec<u32>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        SourceFile { name: name.into(), text: std::borrow::Cow::Owned(text.into()), line_starts: std::cell::OnceCell::new() }
    }

    /// A source text that lives as long as the program (no copy).
    pub fn embedded(name: impl Into<String>, text: &'static str) -> SourceFile {
        SourceFile { name: name.into(), text: std::borrow::Cow::Borrowed(text), line_starts: std::cell::OnceCell::new() }
    }

    fn line_starts(&self) -> &[u32] {
        self.line_starts.get_or_init(|| {
            let mut starts = vec![0u32];
            starts.extend(self.text.match_indices('\n').map(|(i, _)| i as u32 + 1));
            starts
        })
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: u32) -> u32 {
        match self.line_starts().binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// 1-based line and 0-based column (in characters) of a byte offset.
    pub fn line_col(&self, offset: u32) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.line_starts()[(line - 1) as usize] as usize;
        let end = (offset as usize).min(self.text.len());
        let col = self.text.get(start..end).map(|s| s.chars().count()).unwrap_or(0);
        (line, col as u32)
    }

    /// The text of a 1-based line without its line ending.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        line_text(&self.text, self.line_starts(), line)
    }

    pub fn line_count(&self) -> u32 {
        self.line_starts().len() as u32
    }
}

fn line_text<'a>(text: &'a str, starts: &[u32], line: u32) -> Option<&'a str> {
    if line == 0 {
        return None;
    }
    let start = *starts.get((line - 1) as usize)? as usize;
    let end = starts.get(line as usize).map(|&e| e as usize).unwrap_or(text.len());
    let s = text.get(start..end)?;
    Some(s.trim_end_matches(['\n', '\r']))
}

/// The three syntax-error classes of CPython the front end can raise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

/// A syntax error found by the lexer, the parser or the compiler.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// CPython's message text, e.g. `invalid syntax` or `'(' was never closed`.
    pub msg: String,
    /// Where the caret goes (`start`) and how far it extends (`end`).
    pub span: Span,
    /// True when the input ended inside an unfinished construct (open
    /// bracket, unterminated triple-quoted string, block header without a
    /// body): the REPL then asks for another line instead of reporting.
    pub incomplete: bool,
}

impl SyntaxError {
    pub fn new(msg: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError { kind: SyntaxErrorKind::SyntaxError, msg: msg.into(), span, incomplete: false }
    }

    pub fn with_kind(mut self, kind: SyntaxErrorKind) -> SyntaxError {
        self.kind = kind;
        self
    }

    pub fn incomplete(mut self) -> SyntaxError {
        self.incomplete = true;
        self
    }

    /// CPython's rendering of an uncaught syntax error (without the
    /// `Traceback` header, which CPython omits for errors at compile time):
    ///
    /// ```text
    ///   File "x.py", line 1
    ///     x = (1,
    ///         ^
    /// SyntaxError: '(' was never closed
    /// ```
    pub fn render(&self, file: &SourceFile) -> String {
        let mut out = String::new();
        let offset = self.span.start.min(file.text.len() as u32);
        let (line, col) = file.line_col(offset);
        out.push_str(&format!("  File \"{}\", line {}\n", file.name, line));
        if let Some(text) = file.line_text(line) {
            let trimmed = text.trim_start();
            let indent = text.chars().count() - trimmed.chars().count();
            let shown = trimmed.trim_end();
            if !shown.is_empty() {
                out.push_str("    ");
                out.push_str(shown);
                out.push('\n');
                let col = (col as usize).saturating_sub(indent);
                let end_off = self.span.end.min(file.text.len() as u32);
                let (end_line, end_col) = file.line_col(end_off);
                let width = if end_line == line && end_col as usize > col + indent {
                    end_col as usize - indent - col
                } else {
                    1
                };
                let width = width.max(1).min(shown.chars().count().saturating_sub(col).max(1));
                out.push_str("    ");
                out.push_str(&" ".repeat(col.min(shown.chars().count())));
                out.push_str(&"^".repeat(width));
                out.push('\n');
            }
        }
        out.push_str(&format!("{}: {}\n", self.kind.name(), self.msg));
        out
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.msg)
    }
}

impl std::error::Error for SyntaxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns() {
        let f = SourceFile::new("t.py", "a = 1\nbb = 2\n\nc");
        assert_eq!(f.line_of(0), 1);
        assert_eq!(f.line_of(6), 2);
        assert_eq!(f.line_col(8), (2, 2));
        assert_eq!(f.line_text(2), Some("bb = 2"));
        assert_eq!(f.line_text(3), Some(""));
        assert_eq!(f.line_text(4), Some("c"));
    }

    #[test]
    fn render_points_at_column() {
        let f = SourceFile::new("x.py", "x = (1,\n");
        let e = SyntaxError::new("'(' was never closed", Span::new(4, 5));
        assert_eq!(
            e.render(&f),
            "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
        );
    }
}
