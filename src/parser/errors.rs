//! From a parse failure to CPython's `SyntaxError`: the messages CPython's
//! PEG parser produces with its `invalid_*` rules are recognised here from
//! the LR parser's failing token, its expected-token set, the lexer's
//! recent-token history and the tokens just after the failure. Also
//! emulates CPython's final full tokenization, in which later tokenizer
//! errors replace the parser's message.

use crate::lexer::{
    line_of, ErrorClass, Header, LexError, Lexer, LineNote, Recent, RecentKind, Spanned, Tok, TokClass,
};
use crate::source::{Span, SyntaxError, SyntaxErrorKind};

/// A parse failure, independent of the parser generator's types.
pub enum Failure {
    Lex(LexError),
    Token { start: usize, tok: Tok, end: usize, expected: Vec<String> },
    Eof { expected: Vec<String> },
}

/// Tokens following the failure point (up to the end of the logical line).
struct Ahead {
    toks: Vec<Spanned>,
    err: Option<LexError>,
}

fn collect_ahead(lexer: &mut Lexer) -> Ahead {
    let mut toks = Vec::new();
    let mut err = None;
    while toks.len() < 256 {
        match lexer.next() {
            None => break,
            Some(Err(e)) => {
                err = Some(e);
                break;
            }
            Some(Ok(t)) => {
                let nl = t.1 == Tok::Newline;
                toks.push(t);
                if nl {
                    break;
                }
            }
        }
    }
    Ahead { toks, err }
}

/// Tokenizes the rest of the input; the first tokenizer error found may
/// replace the parser's error (CPython's `tokenize_full_source...`).
fn tokenizer_override(err: SyntaxError, furthest_line: u32, ahead: Ahead, lexer: &mut Lexer) -> SyntaxError {
    let found = match ahead.err {
        Some(e) => Some(e),
        None => lexer.find_map(|item| item.err()),
    };
    match found {
        Some(e) => match e.class {
            ErrorClass::Raised => e.error,
            ErrorClass::Unclosed { bracket_line } if furthest_line > bracket_line => e.error,
            _ => err,
        },
        None => err,
    }
}

pub fn report(f: Failure, lexer: &mut Lexer, src: &str) -> SyntaxError {
    match f {
        Failure::Lex(e) if e.class != ErrorClass::Parser => e.error,
        Failure::Lex(e) => {
            let last = lexer.history.back().map_or(0, |r| r.start);
            let ahead = collect_ahead(lexer);
            tokenizer_override(e.error, line_of(src, last), ahead, lexer)
        }
        Failure::Token { start, tok, end, expected } => {
            let seen = Seen {
                history: lexer.history.iter().copied().collect(),
                cur_line: lexer.cur_line,
                prev_line: lexer.prev_line,
            };
            let ahead = collect_ahead(lexer);
            let ctx = Ctx { src, lexer: &seen, expected: &expected, ahead: &ahead.toks };
            let (err, furthest) = ctx.classify(start, &tok, end);
            let line = line_of(src, furthest);
            tokenizer_override(err, line, ahead, lexer)
        }
        Failure::Eof { expected } => eof_error(lexer, src, &expected),
    }
}

fn eof_error(lexer: &Lexer, src: &str, expected: &[String]) -> SyntaxError {
    // CPython reports errors at the end of input on the last line end.
    let newline = lexer.history.iter().rev().find(|r| r.kind == RecentKind::Newline);
    let at = newline.or(lexer.history.back()).map_or(src.len(), |r| r.start);
    let span = Span::new(at, at);
    if expected.len() == 1 && expected[0] == "Indent" {
        return indented_block(lexer.cur_line.header, lexer.cur_line.keyword_at, src, span).incomplete();
    }
    // The input ended before the statement did (a decorator without its
    // definition, `try` without handlers): the REPL may ask for more.
    let has = |t: &str| expected.iter().any(|e| e == t);
    if has("\"except\"") && has("\"finally\"") {
        return SyntaxError::new("expected 'except' or 'finally' block", span).incomplete();
    }
    SyntaxError::new("invalid syntax", span).incomplete()
}

fn indented_block(header: Header, keyword_at: usize, src: &str, span: Span) -> SyntaxError {
    let msg = match header.describe() {
        Some(what) => format!("expected an indented block after {what} on line {}", line_of(src, keyword_at)),
        None => "expected an indented block".to_string(),
    };
    SyntaxError::new(msg, span).with_kind(SyntaxErrorKind::IndentationError)
}

/// The lexer's notes as they were when the parser failed.
struct Seen {
    history: Vec<Recent>,
    cur_line: LineNote,
    prev_line: LineNote,
}

struct Ctx<'a> {
    src: &'a str,
    lexer: &'a Seen,
    expected: &'a [String],
    ahead: &'a [Spanned],
}

fn starts_expr(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::String(_)
            | Tok::Lpar
            | Tok::Lsqb
            | Tok::Lbrace
            | Tok::Minus
            | Tok::Plus
            | Tok::Tilde
            | Tok::Lambda
            | Tok::Await
            | Tok::None
            | Tok::True
            | Tok::False
            | Tok::Ellipsis
    )
}

fn ends_expr(r: &Recent) -> bool {
    matches!(
        r.kind,
        RecentKind::Name | RecentKind::Number | RecentKind::Str | RecentKind::SoftKeyword
    ) || r.kind == RecentKind::Other(TokClass::Closer)
}

fn is_binary_op(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
            | Tok::DoubleStar
            | Tok::VBar
            | Tok::Amper
            | Tok::Circumflex
            | Tok::LeftShift
            | Tok::RightShift
    )
}

fn is_opener(t: &Tok) -> bool {
    matches!(t, Tok::Lpar | Tok::Lsqb | Tok::Lbrace)
}

fn is_closer(t: &Tok) -> bool {
    matches!(t, Tok::Rpar | Tok::Rsqb | Tok::Rbrace)
}

impl Ctx<'_> {
    fn has(&self, terminal: &str) -> bool {
        self.expected.iter().any(|e| e == terminal)
    }

    /// The error token is the last entry of the history; this is the one
    /// before it.
    fn prev(&self) -> Option<Recent> {
        let h = &self.lexer.history;
        if h.len() >= 2 {
            Some(h[h.len() - 2])
        } else {
            None
        }
    }

    fn cur(&self) -> Option<Recent> {
        self.lexer.history.last().copied()
    }

    /// Where the expression ending at history index `idx` starts, scanning
    /// back within bracket depth `depth`. Also returns the token kind that
    /// stopped the scan.
    fn expr_start(&self, idx: usize, depth: u16) -> (usize, Option<RecentKind>) {
        let h = &self.lexer.history;
        let mut start = h[idx].start;
        for i in (0..=idx).rev() {
            let r = h[i];
            if r.depth > depth {
                start = r.start;
                continue;
            }
            if r.depth < depth {
                return (start, Some(r.kind));
            }
            let part = matches!(
                r.kind,
                RecentKind::Name
                    | RecentKind::Number
                    | RecentKind::Str
                    | RecentKind::SoftKeyword
                    | RecentKind::LegacyName
                    | RecentKind::Other(TokClass::Closer)
                    | RecentKind::Other(TokClass::Operator)
                    | RecentKind::Other(TokClass::Opener)
            );
            if !part {
                return (start, Some(r.kind));
            }
            start = r.start;
        }
        (start, None)
    }

    /// End of a `bitwise_or`-like operand starting with the token at
    /// `first` (given separately) and continuing into `ahead[i..]`.
    /// Returns the end offset and the index of the first token after it.
    fn operand_end(&self, first: (&Tok, usize), mut i: usize) -> (usize, usize) {
        let mut end = first.1;
        let mut depth: i32 = if is_opener(first.0) { 1 } else { 0 };
        let mut want_operand = matches!(first.0, Tok::Minus | Tok::Plus | Tok::Tilde);
        while let Some((_, t, e)) = self.ahead.get(i) {
            if depth > 0 {
                if is_opener(t) {
                    depth += 1;
                } else if is_closer(t) {
                    depth -= 1;
                } else if *t == Tok::Newline {
                    break;
                }
                end = *e;
                i += 1;
                continue;
            }
            let take = if want_operand {
                starts_expr(t)
            } else {
                is_binary_op(t) || matches!(t, Tok::Dot | Tok::Lpar | Tok::Lsqb) || matches!(t, Tok::Name(_))
                    && matches!(self.ahead.get(i.wrapping_sub(1)), Some((_, Tok::Dot, _)))
            };
            if !take {
                break;
            }
            want_operand = is_binary_op(t) || matches!(t, Tok::Minus | Tok::Plus | Tok::Tilde) && want_operand;
            if is_opener(t) {
                depth = 1;
            }
            end = *e;
            i += 1;
        }
        (end, i)
    }

    /// `match x` followed by a line end with no `:` at bracket depth 0:
    /// the offset of that line end.
    /// After `match` at the start of a line: the token after the subject,
    /// unless it is the `:` that makes a match statement.
    fn after_subject(&self, tok: &Tok, end: usize) -> Option<(usize, usize, bool)> {
        let (_, next) = self.operand_end((tok, end), 0);
        match self.ahead.get(next) {
            Some((at, Tok::Newline, _)) => Some((*at, *at, true)),
            Some((_, Tok::Colon | Tok::Comma, _)) | None => None,
            Some((at, _, e)) => Some((*at, *e, false)),
        }
    }

    /// The expression that ends just before the error token, as CPython
    /// would name it in "cannot assign to ..." messages: (start, end, name).
    fn target_kind(&self) -> Option<(usize, usize, &'static str)> {
        let h = &self.lexer.history;
        if h.len() < 2 {
            return None;
        }
        let p = h[h.len() - 2];
        let depth = h[h.len() - 1].depth;
        let (start, _) = self.expr_start(h.len() - 2, depth);
        let first = h.iter().position(|r| r.start == start)?;
        let part = &h[first..h.len() - 1];
        let top: Vec<&Recent> = part.iter().filter(|r| r.depth == depth).collect();
        let has_op = top.iter().any(|r| r.kind == RecentKind::Other(TokClass::Operator) && {
            let text = self.text(r);
            text != "." && text != "await"
        });
        let what = if has_op {
            "expression"
        } else if part.len() == 1 {
            match p.kind {
                RecentKind::Number | RecentKind::Str => "literal",
                RecentKind::Name | RecentKind::SoftKeyword | RecentKind::LegacyName => "name",
                _ => match self.text(&p) {
                    "True" => "True",
                    "False" => "False",
                    "None" => "None",
                    "..." => "ellipsis",
                    _ => return None,
                },
            }
        } else if part.len() >= 3 && p.kind == RecentKind::Name && self.text(&h[h.len() - 3]) == "." {
            "attribute"
        } else if part.len() >= 2 && p.kind == RecentKind::Other(TokClass::Closer) {
            let called = top.first().is_some_and(|r| r.kind != RecentKind::Other(TokClass::Opener));
            match self.text(&p) {
                ")" if called => "function call",
                "]" if called => "subscript",
                _ => return None,
            }
        } else {
            return None;
        };
        Some((start, p.end, what))
    }

    /// `a.b := 1`: CPython names what cannot be assigned to.
    fn walrus_target(&self) -> Option<SyntaxError> {
        let (start, end, what) = self.target_kind()?;
        if what == "name" {
            return None;
        }
        let msg = format!("cannot use assignment expressions with {what}");
        Some(SyntaxError::new(msg, Span::new(start, end)))
    }

    fn text(&self, r: &Recent) -> &str {
        self.src.get(r.start..r.end).unwrap_or("")
    }

    /// History index of the bracket that encloses history entry `idx`.
    fn enclosing_opener(&self, idx: usize) -> Option<usize> {
        let h = &self.lexer.history;
        let d = h[idx].depth;
        if d == 0 {
            return None;
        }
        (0..idx).rev().find(|&j| h[j].depth == d - 1 && h[j].kind == RecentKind::Other(TokClass::Opener))
    }

    /// Is history entry `idx` inside a `def name(...)` parameter list, or
    /// (at the same bracket depth) after a `lambda`? Returns "def"/"lambda".
    fn in_params(&self, idx: usize) -> Option<&'static str> {
        let h = &self.lexer.history;
        if let Some(o) = self.enclosing_opener(idx) {
            if o >= 2 && self.text(&h[o]) == "(" && h[o - 1].kind == RecentKind::Name && self.text(&h[o - 2]) == "def" {
                return Some("def");
            }
        }
        let d = h[idx].depth;
        for j in (0..idx).rev() {
            let r = &h[j];
            if r.depth < d || r.kind == RecentKind::Newline {
                return None;
            }
            if r.depth == d {
                match self.text(r) {
                    "lambda" => return Some("lambda"),
                    ":" => return None,
                    _ => {}
                }
            }
        }
        None
    }

    /// Messages from CPython's `invalid_*` rules recognised by the tokens
    /// around the failure.
    fn specific(&self, start: usize, tok: &Tok, end: usize) -> Option<SyntaxError> {
        let h = &self.lexer.history;
        let n = h.len();
        if n < 2 {
            return None;
        }
        let p = h[n - 2];
        let ptext = self.text(&p);
        let err = |msg: &str, a: usize, b: usize| Some(SyntaxError::new(msg, Span::new(a, b)));
        // `def f:`
        if n >= 3 && p.kind == RecentKind::Name && self.text(&h[n - 3]) == "def" && *tok != Tok::Lpar {
            return err("expected '('", start, end);
        }
        // `def f(a, (b, c))` / `lambda (a): 0`
        if *tok == Tok::Lpar && matches!(ptext, "," | "(" | "lambda") {
            let ctx = if ptext == "lambda" { Some("lambda") } else { self.in_params(n - 1) };
            match ctx {
                Some("def") => return err("Function parameters cannot be parenthesized", start, end),
                Some(_) => return err("Lambda expression parameters cannot be parenthesized", start, end),
                None => {}
            }
        }
        // `def f(a=1, /*, b)`
        if *tok == Tok::Star && ptext == "/" && self.in_params(n - 1).is_some() {
            return err("expected comma between / and *", start, end);
        }
        // `def f(a=, b)` / `f(a=)`
        if ptext == "=" && matches!(tok, Tok::Comma | Tok::Rpar | Tok::Colon) {
            match self.in_params(n - 2) {
                Some(_) => {
                    // The parameter this default belongs to: `*a` or `**k`?
                    let d = p.depth;
                    let seg = (0..n - 2).rev().take_while(|&j| {
                        let r = &h[j];
                        !(r.depth < d || (r.depth == d && matches!(self.text(r), "," | "lambda")))
                    });
                    let first = seg.last().map(|j| self.text(&h[j]));
                    let msg = match first {
                        Some("*") => "var-positional argument cannot have default value",
                        Some("**") => "var-keyword argument cannot have default value",
                        _ => "expected default value expression",
                    };
                    return err(msg, p.start, p.end);
                }
                None if n >= 3 && h[n - 3].kind == RecentKind::Name && *tok != Tok::Colon => {
                    let o = self.enclosing_opener(n - 2);
                    if o.is_some_and(|o| o > 0 && self.text(&h[o]) == "(" && ends_expr(&h[o - 1])) {
                        return err("expected argument value expression", p.start, p.end);
                    }
                }
                None => {}
            }
        }
        // `{1: }` / `{1: *a}`
        if ptext == ":" {
            let o = self.enclosing_opener(n - 2);
            if o.is_some_and(|o| self.text(&h[o]) == "{") && h[n - 2].depth == h[n - 1].depth {
                if matches!(tok, Tok::Comma | Tok::Rbrace) {
                    return err("expression expected after dictionary key and ':'", p.start, p.end);
                }
                if *tok == Tok::Star {
                    return err("cannot use a starred expression in a dictionary value", start, end);
                }
            }
        }
        // `[x, y for x, y in z]`
        if matches!(tok, Tok::For | Tok::Async) && !self.has("\"for\"") && !self.has("\"async\"") {
            if let Some(o) = self.enclosing_opener(n - 1) {
                let d = h[n - 1].depth;
                let comma = h[o + 1..n - 1].iter().any(|r| r.depth == d && r.kind == RecentKind::Other(TokClass::Comma));
                if comma && matches!(self.text(&h[o]), "[" | "{") {
                    let msg = "did you forget parentheses around the comprehension target?";
                    return err(msg, h[o + 1].start, p.end);
                }
            }
        }
        // `case x as 1:`
        if ptext == "as" && self.lexer.cur_line.header == Header::Case && !matches!(tok, Tok::Name(_)) {
            return err("invalid pattern target", start, end);
        }
        None
    }

    fn furthest(&self, i: usize, default: usize) -> usize {
        self.ahead.get(i).map_or(default, |t| t.0)
    }

    /// Returns the error and the offset of the furthest token CPython
    /// would have looked at (for the tokenizer-override rule).
    fn classify(&self, start: usize, tok: &Tok, end: usize) -> (SyntaxError, usize) {
        let span = Span::new(start, end);
        let lexer = self.lexer;
        if *tok == Tok::Indent {
            let at = end.saturating_sub(1);
            let e = SyntaxError::new("unexpected indent", Span::new(at, end));
            return (e.with_kind(SyntaxErrorKind::IndentationError), start);
        }
        if self.expected.len() == 1 && self.expected[0] == "Indent" {
            let note = if matches!(tok, Tok::Newline | Tok::Dedent) { lexer.cur_line } else { lexer.prev_line };
            let at_eof = *tok == Tok::Dedent && self.ahead.iter().all(|t| t.1 == Tok::Dedent);
            if at_eof {
                // The DEDENTs closing the input: report at the last line end.
                let nl = lexer.history.iter().rev().find(|r| r.kind == RecentKind::Newline);
                let at = nl.map_or(start, |r| r.start);
                let e = indented_block(note.header, note.keyword_at, self.src, Span::new(at, at));
                return (e.incomplete(), start);
            }
            return (indented_block(note.header, note.keyword_at, self.src, span), start);
        }
        if let Some(e) = self.specific(start, tok, end) {
            return (e, start);
        }
        let prev = self.prev();
        let cur = self.cur();
        let depth = cur.map_or(0, |c| c.depth);
        if *tok == Tok::Newline && self.has("\":\"") && lexer.cur_line.header != Header::Other {
            return (SyntaxError::new("expected ':'", Span::new(start, start)), start);
        }
        if let (Tok::Equal, Some(p)) = (tok, prev) {
            let header = lexer.cur_line.header;
            let in_test = matches!(header, Header::If | Header::Elif | Header::While);
            if let (false, Some((t_start, _, what))) = (self.has("\"=\""), self.target_kind()) {
                let h = &lexer.history;
                let first = h.iter().position(|r| r.start == t_start).unwrap_or(0);
                let starred = matches!(self.text(&h[first]), "*" | "**");
                let opens_expr = first > 0 && !starred && {
                    let b = h[first - 1];
                    (depth > 0 && matches!(b.kind, RecentKind::Other(TokClass::Opener | TokClass::Comma)))
                        || (b.start == lexer.cur_line.start && in_test)
                };
                let value = self.ahead.first().filter(|(_, t, _)| starts_expr(t));
                if let (true, Some((_, t, e))) = (opens_expr, value) {
                    let (b_end, next) = self.operand_end((t, *e), 1);
                    let err = if what == "name" {
                        let msg = "invalid syntax. Maybe you meant '==' or ':=' instead of '='?";
                        SyntaxError::new(msg, Span::new(t_start, b_end))
                    } else if matches!(what, "True" | "False" | "None") {
                        SyntaxError::new(format!("cannot assign to {what}"), Span::new(t_start, p.end))
                    } else {
                        let msg = format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?");
                        SyntaxError::new(msg, Span::new(t_start, p.end))
                    };
                    return (err, self.furthest(next, start));
                }
            }
        }
        if matches!(tok, Tok::Comma | Tok::Rbrace) && self.has("\":\"") && !self.has("\",\"") && depth > 0 {
            let h = &lexer.history;
            let (key_start, stop) = self.expr_start(h.len() - 2, depth);
            let in_dict = stop == Some(RecentKind::Other(TokClass::Comma))
                || stop == Some(RecentKind::Other(TokClass::Opener));
            if in_dict {
                let at = key_start;
                let err = SyntaxError::new("':' expected after dictionary key", Span::new(at, at));
                return (err, start);
            }
        }
        if *tok == Tok::DoubleStar && prev.is_some_and(|p| &self.src[p.start..p.end] == "(") {
            let (e, next) = match self.ahead.first() {
                Some((_, t, e)) => self.operand_end((t, *e), 1),
                None => (end, 0),
            };
            if matches!(self.ahead.get(next), Some((_, Tok::Rpar, _))) {
                let msg = "cannot use double starred expression here";
                return (SyntaxError::new(msg, Span::new(start, e)), start);
            }
        }
        if *tok == Tok::ColonEqual && !self.has("\":=\"") {
            if let Some(e) = self.walrus_target() {
                return (e, start);
            }
        }
        if let Some(p) = prev {
            let line_first = p.start == lexer.cur_line.start;
            if line_first && p.kind == RecentKind::SoftKeyword && &self.src[p.start..p.end] == "match" {
                match self.after_subject(tok, end) {
                    Some((at, _, true)) => return (SyntaxError::new("expected ':'", Span::new(at, at)), at),
                    Some((at, e, false)) if starts_expr(tok) => {
                        return (SyntaxError::new("invalid syntax", Span::new(at, e)), at)
                    }
                    _ => {}
                }
            }
        }
        if let Some(p) = prev {
            if p.kind == RecentKind::LegacyName && starts_expr(tok) && *tok != Tok::Lpar {
                let name = &self.src[p.start..p.end];
                let mut stop = end;
                let mut d = 0i32;
                for (_, t, e) in self.ahead {
                    if d == 0 && matches!(t, Tok::Newline | Tok::Semi) {
                        break;
                    }
                    if is_opener(t) {
                        d += 1;
                    } else if is_closer(t) {
                        d -= 1;
                    }
                    stop = *e;
                }
                let msg = format!("Missing parentheses in call to '{name}'. Did you mean {name}(...)?");
                return (SyntaxError::new(msg, Span::new(p.start, stop)), stop);
            }
            let name_string = p.kind == RecentKind::Name && matches!(tok, Tok::String(_));
            if depth > 0
                && starts_expr(tok)
                && ends_expr(&p)
                && self.has("\",\"")
                && !name_string
                && p.kind != RecentKind::SoftKeyword
            {
                let h = &lexer.history;
                let (a_start, stop) = self.expr_start(h.len() - 2, depth);
                let after_else = stop == Some(RecentKind::Else);
                let legacy = h.iter().rev().skip(1).any(|r| r.start == a_start && r.kind == RecentKind::LegacyName);
                if !after_else && !legacy {
                    let (b_end, next) = self.operand_end((tok, end), 0);
                    let msg = "invalid syntax. Perhaps you forgot a comma?";
                    let err = SyntaxError::new(msg, Span::new(a_start, b_end));
                    return (err, self.furthest(next, start));
                }
            }
        }
        if self.has("\"else\"") && !matches!(tok, Tok::Else | Tok::Colon) {
            let h = &lexer.history;
            let if_idx = (0..h.len().saturating_sub(1)).rev().find(|&i| h[i].kind == RecentKind::If && h[i].depth == depth);
            if let (Some(i), Some(p)) = (if_idx, prev) {
                if i > 0 {
                    let (a_start, _) = self.expr_start(i - 1, depth);
                    let err = SyntaxError::new("expected 'else' after 'if' expression", Span::new(a_start, p.end));
                    return (err, start);
                }
            }
        }
        if self.has("\"except\"") && self.has("\"finally\"") && !matches!(tok, Tok::Except | Tok::Finally) {
            return (SyntaxError::new("expected 'except' or 'finally' block", span), start);
        }
        (SyntaxError::new("invalid syntax", span), start)
    }
}
