//! Adjacent string literals: decoding each token, concatenating them into
//! one `Constant` (str or bytes) or, when any is an f-string, one
//! `JoinedStr` whose literal runs are merged; f-string fields are parsed
//! through `parse_fstring_expr` and `{x=}` is desugared.

use super::helpers::PResult;
use crate::ast::*;
use crate::lexer::fstring::{self, FError, Piece};
use crate::lexer::strings::{decode_bytes, decode_str, normalize_newlines};
use crate::lexer::StrTok;
use crate::source::{Span, SyntaxError};

fn at_end(msg: String, t: &StrTok) -> SyntaxError {
    SyntaxError::new(msg, Span::new(t.end, t.end))
}

/// Accumulates a JoinedStr: literal text is merged until a field comes.
struct Joiner {
    values: Vec<Expr>,
    text: String,
    span: Span,
}

impl Joiner {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            let s = std::mem::take(&mut self.text);
            self.values.push(Expr::new(self.span, ExprKind::Constant(Constant::Str(s))));
        }
    }

    fn push_pieces(&mut self, pieces: Vec<Piece<Expr>>) {
        for p in pieces {
            match p {
                Piece::Literal(s) => self.text.push_str(&s),
                Piece::Field(f) => {
                    if let Some(d) = &f.debug_text {
                        self.text.push_str(d);
                    }
                    self.flush();
                    let fspan = Span::new(f.start, f.end);
                    let format_spec = f.format_spec.map(|spec| {
                        let mut inner = Joiner { values: Vec::new(), text: String::new(), span: fspan };
                        inner.push_pieces(spec);
                        inner.flush();
                        Box::new(Expr::new(fspan, ExprKind::JoinedStr(inner.values)))
                    });
                    let kind = ExprKind::FormattedValue {
                        value: Box::new(f.expr),
                        conversion: f.conversion,
                        format_spec,
                    };
                    self.values.push(Expr::new(fspan, kind));
                }
            }
        }
    }
}

/// The value of `"a" 'b' f"{c}"`...: one expression spanning `l..r`.
pub fn concat(src: &str, toks: Vec<StrTok>, l: usize, r: usize) -> PResult<Expr> {
    let span = Span::new(l, r);
    let bytes = toks.iter().filter(|t| t.prefix.bytes).count();
    if bytes != 0 && bytes != toks.len() {
        return Err(SyntaxError::new("cannot mix bytes and nonbytes literals", Span::new(r, r)));
    }
    if bytes != 0 {
        let mut out = Vec::new();
        for t in &toks {
            let body = &src[t.body_start..t.body_end];
            match decode_bytes(body, t.prefix.raw) {
                Ok(b) => out.extend(b),
                Err(msg) if msg.starts_with("bytes can only") => {
                    return Err(SyntaxError::new(msg, Span::new(t.start, t.end)));
                }
                Err(msg) => return Err(at_end(msg, t)),
            }
        }
        return Ok(Expr::new(span, ExprKind::Constant(Constant::Bytes(out))));
    }
    let is_f = toks.iter().any(|t| t.prefix.fmt);
    let mut j = Joiner { values: Vec::new(), text: String::new(), span };
    for t in &toks {
        let body = &src[t.body_start..t.body_end];
        if t.prefix.fmt {
            let mut compile = |a: usize, b: usize| super::parse_fstring_expr(src, a, b);
            let pieces = fstring::split(src, t.body_start, t.body_end, t.prefix.raw, &mut compile)
                .map_err(|e| match e {
                    FError::Msg(m) => at_end(m, t),
                    FError::Syntax(s) => s,
                })?;
            j.push_pieces(pieces);
        } else if t.prefix.raw {
            j.text.push_str(&normalize_newlines(body));
        } else {
            j.text.push_str(&decode_str(body).map_err(|m| at_end(m, t))?);
        }
    }
    if !is_f {
        return Ok(Expr::new(span, ExprKind::Constant(Constant::Str(j.text))));
    }
    j.flush();
    Ok(Expr::new(span, ExprKind::JoinedStr(j.values)))
}
