//! Unit tests for the lexer: the layout pass (NEWLINE / INDENT / DEDENT),
//! soft keywords, string scanning and escapes, f-string splitting, numbers.

use super::fstring::{split, FError, Piece};
use super::numbers::{scan_number, Number};
use super::strings::{decode_bytes, decode_str, scan_literal};
use super::*;
use crate::ast::IntLit;

fn kinds(src: &str) -> Vec<String> {
    Lexer::new(src, Mode::Module)
        .skip(1)
        .map(|t| match t {
            Ok((_, Tok::Name(n), _)) => n,
            Ok((_, Tok::Int(IntLit::Small(v)), _)) => v.to_string(),
            Ok((_, Tok::String(_), _)) => "STR".into(),
            Ok((_, t, _)) => format!("{t:?}"),
            Err(e) => format!("ERR({})", e.error.msg),
        })
        .collect()
}

fn lex_err(src: &str) -> LexError {
    Lexer::new(src, Mode::Module).find_map(|t| t.err()).expect("expected a lexer error")
}

#[test]
fn simple_lines_and_final_newline() {
    assert_eq!(kinds("x = 1\n"), ["x", "Equal", "1", "Newline"]);
    assert_eq!(kinds("x = 1"), ["x", "Equal", "1", "Newline"]);
    assert_eq!(kinds(""), Vec::<String>::new());
    assert_eq!(kinds("\n\n  \n# only a comment\n"), Vec::<String>::new());
}

#[test]
fn indent_and_dedent() {
    let src = "if a:\n    b\n    if c:\n        d\ne\n";
    assert_eq!(
        kinds(src),
        [
            "If", "a", "Colon", "Newline", "Indent", "b", "Newline", "If", "c", "Colon", "Newline", "Indent", "d",
            "Newline", "Dedent", "Dedent", "e", "Newline"
        ]
    );
}

#[test]
fn dedents_at_eof_without_newline() {
    assert_eq!(
        kinds("def f():\n    if x:\n        return 1"),
        ["Def", "f", "Lpar", "Rpar", "Colon", "Newline", "Indent", "If", "x", "Colon", "Newline", "Indent", "Return", "1", "Newline", "Dedent", "Dedent"]
    );
}

#[test]
fn blank_and_comment_lines_do_not_affect_indentation() {
    let src = "if a:\n    b\n\n  # odd comment\n        \n    c\n";
    assert_eq!(kinds(src), ["If", "a", "Colon", "Newline", "Indent", "b", "Newline", "c", "Newline", "Dedent"]);
}

#[test]
fn implicit_and_explicit_line_joining() {
    assert_eq!(kinds("x = (1,\n     2)\n"), ["x", "Equal", "Lpar", "1", "Comma", "2", "Rpar", "Newline"]);
    assert_eq!(kinds("x = [\n1,\n  2\n]\n"), ["x", "Equal", "Lsqb", "1", "Comma", "2", "Rsqb", "Newline"]);
    assert_eq!(kinds("x = 1 + \\\n    2\n"), ["x", "Equal", "1", "Plus", "2", "Newline"]);
    assert_eq!(kinds("x = 1 + \\\r\n2\r\n"), ["x", "Equal", "1", "Plus", "2", "Newline"]);
}

#[test]
fn tabs_count_to_multiples_of_eight() {
    assert_eq!(kinds("if a:\n\tb\n        c\n").last().unwrap(), "ERR(inconsistent use of tabs and spaces in indentation)");
    assert_eq!(kinds("if a:\n\tb\n\tc\n"), ["If", "a", "Colon", "Newline", "Indent", "b", "Newline", "c", "Newline", "Dedent"]);
    let e = lex_err("if a:\n\tb\n        c\n");
    assert_eq!(e.error.kind, crate::source::SyntaxErrorKind::TabError);
}

#[test]
fn bad_dedent() {
    let e = lex_err("if a:\n    b\n  c\n");
    assert_eq!(e.error.msg, "unindent does not match any outer indentation level");
    assert_eq!(e.error.kind, crate::source::SyntaxErrorKind::IndentationError);
    // No DEDENT is produced before the error.
    assert_eq!(kinds("if a:\n    b\n  c\n").iter().filter(|k| *k == "Dedent").count(), 0);
}

#[test]
fn brackets_errors() {
    assert_eq!(lex_err("x = (1,\n").error.msg, "'(' was never closed");
    assert!(lex_err("x = (1,\n").error.incomplete);
    assert_eq!(lex_err("x = )").error.msg, "unmatched ')'");
    assert_eq!(lex_err("(]").error.msg, "closing parenthesis ']' does not match opening parenthesis '('");
    assert_eq!(
        lex_err("(\n]").error.msg,
        "closing parenthesis ']' does not match opening parenthesis '(' on line 1"
    );
    assert_eq!(lex_err(&"(".repeat(300)).error.msg, "too many nested parentheses");
}

#[test]
fn soft_keywords() {
    assert_eq!(kinds("match x:\n    case 1:\n        pass\n")[0], "Match");
    assert_eq!(kinds("match x:\n    case 1:\n        pass\n")[5], "Case");
    assert_eq!(kinds("match = 3\n")[0], "match");
    assert_eq!(kinds("match(x)\n")[0], "match");
    assert_eq!(kinds("case = 1\n")[0], "case");
    assert_eq!(kinds("if x:\n    case(1)\n")[5], "case");
    // Outside a match block, `case` stays a name even before a colon.
    assert_eq!(kinds("d = {case: 1}\n")[3], "case");
}

#[test]
fn with_parenthesised_items() {
    assert!(kinds("with (a as b, c):\n  pass\n").contains(&"WithLpar".to_string()));
    assert!(kinds("with (a, b) as c:\n  pass\n").contains(&"Lpar".to_string()));
}

#[test]
fn invalid_characters() {
    assert_eq!(lex_err("x = €").error.msg, "invalid character '€' (U+20AC)");
    assert_eq!(lex_err("x\u{a0}= 1").error.msg, "invalid non-printable character U+00A0");
    assert_eq!(lex_err("x = 1\0").error.msg, "source code cannot contain null bytes");
    assert_eq!(kinds("π = 3\n"), ["π", "Equal", "3", "Newline"]);
    assert_eq!(lex_err("x = 1 \\ 2").error.msg, "unexpected character after line continuation character");
    assert_eq!(lex_err("x = 1 + \\").error.msg, "unexpected EOF while parsing");
}

#[test]
fn operators() {
    assert_eq!(
        kinds("a **= b //= c @= d := e -> ... != <> ! $"),
        [
            "a", "DoubleStarEqual", "b", "DoubleSlashEqual", "c", "AtEqual", "d", "ColonEqual", "e", "Rarrow", "Ellipsis",
            "NotEqual", "Invalid", "Invalid", "Invalid", "Newline"
        ]
    );
}

// ---------------------------------------------------------------- numbers

fn num(s: &str) -> Number {
    let (end, n) = scan_number(s, 0).unwrap_or_else(|e| panic!("{s}: {}", e.msg));
    assert_eq!(end, s.len(), "{s}");
    n
}

fn num_err(s: &str) -> String {
    scan_number(s, 0).expect_err(s).msg
}

#[test]
fn integers() {
    assert_eq!(num("0"), Number::Int(IntLit::Small(0)));
    assert_eq!(num("00"), Number::Int(IntLit::Small(0)));
    assert_eq!(num("1_000_000"), Number::Int(IntLit::Small(1_000_000)));
    assert_eq!(num("0x_ff"), Number::Int(IntLit::Small(255)));
    assert_eq!(num("0o17"), Number::Int(IntLit::Small(15)));
    assert_eq!(num("0B1010"), Number::Int(IntLit::Small(10)));
    match num("123456789012345678901234567890") {
        Number::Int(IntLit::Big(b)) => assert_eq!(b.to_string(), "123456789012345678901234567890"),
        other => panic!("{other:?}"),
    }
    assert_eq!(num("9223372036854775807"), Number::Int(IntLit::Small(i64::MAX)));
    assert!(matches!(num("9223372036854775808"), Number::Int(IntLit::Big(_))));
}

#[test]
fn floats_and_imaginary() {
    assert_eq!(num("1."), Number::Float(1.0));
    assert_eq!(num(".5"), Number::Float(0.5));
    assert_eq!(num("1e-3"), Number::Float(0.001));
    assert_eq!(num("1_000.5"), Number::Float(1000.5));
    assert_eq!(num("1.e5"), Number::Float(100000.0));
    assert_eq!(num("0e0"), Number::Float(0.0));
    assert_eq!(num("2j"), Number::Imag(2.0));
    assert_eq!(num("1.5J"), Number::Imag(1.5));
    assert_eq!(num("1e400"), Number::Float(f64::INFINITY));
    assert_eq!(num("09.5"), Number::Float(9.5));
}

#[test]
fn number_followed_by_keyword() {
    assert_eq!(scan_number("1if", 0).unwrap().0, 1);
    assert_eq!(scan_number("1or", 0).unwrap().0, 1);
    assert_eq!(scan_number("0x1for", 0).unwrap().0, 4);
}

#[test]
fn number_errors() {
    assert_eq!(num_err("1abc"), "invalid decimal literal");
    assert_eq!(num_err("1__0"), "invalid decimal literal");
    assert_eq!(num_err("1_"), "invalid decimal literal");
    assert_eq!(num_err("1e"), "invalid decimal literal");
    assert_eq!(num_err("1e+"), "invalid decimal literal");
    assert_eq!(num_err("0x"), "invalid hexadecimal literal");
    assert_eq!(num_err("0b2"), "invalid digit '2' in binary literal");
    assert_eq!(num_err("0o8"), "invalid digit '8' in octal literal");
    assert_eq!(num_err("0o"), "invalid octal literal");
    assert_eq!(num_err("2jx"), "invalid imaginary literal");
    assert_eq!(
        num_err("0777"),
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
    );
}

// ---------------------------------------------------------------- strings

#[test]
fn literal_ends() {
    let s = scan_literal("'abc' rest", 0).unwrap();
    assert_eq!((s.body_start, s.body_end, s.end, s.triple), (1, 4, 5, false));
    let s = scan_literal("'''a'b''c''' x", 0).unwrap();
    assert_eq!((s.body_start, s.body_end, s.end, s.triple), (3, 9, 12, true));
    let s = scan_literal(r#""a\"b""#, 0).unwrap();
    assert_eq!(s.end, 6);
    assert!(scan_literal("'abc\n'", 0).is_err());
    assert!(scan_literal("'a\\\nb'", 0).is_ok());
    assert!(scan_literal("'''abc\n\n", 0).unwrap_err().triple);
}

#[test]
fn unterminated_strings() {
    assert_eq!(lex_err("x = 'abc\n").error.msg, "unterminated string literal (detected at line 1)");
    let e = lex_err("x = '''abc\n\ny");
    assert_eq!(e.error.msg, "unterminated triple-quoted string literal (detected at line 3)");
    assert!(e.error.incomplete);
    assert_eq!(e.error.span.start, 4);
}

#[test]
fn escapes() {
    assert_eq!(decode_str(r#"a\nb\tc\\d\'e\""#).unwrap(), "a\nb\tc\\d'e\"");
    assert_eq!(decode_str(r"\x41\u00e9\U0001F600\101\0").unwrap(), "Aé😀A\0");
    assert_eq!(decode_str(r"\N{BULLET} \N{latin small letter a}").unwrap(), "• a");
    assert_eq!(decode_str(r"\N{EM DASH}\N{HANGUL SYLLABLE GAG}\N{CJK UNIFIED IDEOGRAPH-4E00}").unwrap(), "—각一");
    assert_eq!(decode_str(r"\d\q").unwrap(), "\\d\\q");
    assert_eq!(decode_str("a\\\nb").unwrap(), "ab");
    assert_eq!(decode_str("a\r\nb").unwrap(), "a\nb");
    assert_eq!(
        decode_str(r"\x1").unwrap_err(),
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \\xXX escape"
    );
    assert_eq!(
        decode_str(r"é\x1").unwrap_err(),
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 10-12: truncated \\xXX escape"
    );
    assert_eq!(
        decode_str(r"\N{NO SUCH NAME}").unwrap_err(),
        "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-15: unknown Unicode character name"
    );
    assert!(decode_str(r"\U00110000").unwrap_err().ends_with("illegal Unicode character"));
}

#[test]
fn bytes_literals() {
    assert_eq!(decode_bytes(r"a\x00\xff\n\777", false).unwrap(), b"a\x00\xff\n\xff");
    assert_eq!(decode_bytes(r"\d\u1234", false).unwrap(), b"\\d\\u1234");
    assert_eq!(decode_bytes(r"\x00\n", true).unwrap(), b"\\x00\\n");
    assert_eq!(decode_bytes("é", false).unwrap_err(), "bytes can only contain ASCII literal characters");
    assert_eq!(decode_bytes(r"a\xzz", false).unwrap_err(), "(value error) invalid \\x escape at position 1");
}

#[test]
fn string_prefixes() {
    for p in ["r", "R", "b", "B", "u", "U", "f", "F", "rb", "Rb", "bR", "BR", "fr", "Rf", "fR", "RF"] {
        let src = format!("{p}'x'");
        assert_eq!(kinds(&src), ["STR", "Newline"], "{p}");
    }
    // `ur` is not a valid prefix: a name followed by a string.
    assert_eq!(kinds("ur'x'"), ["ur", "STR", "Newline"]);
}

// --------------------------------------------------------------- f-strings

/// Splits an f-string body, recording each field's expression text.
fn fsplit(body: &str, raw: bool) -> Result<Vec<Piece<String>>, FError> {
    let mut compile = |a: usize, b: usize| Ok(body[a..b].to_string());
    split(body, 0, body.len(), raw, &mut compile)
}

fn lit(s: &str) -> Piece<String> {
    Piece::Literal(s.to_string())
}

#[test]
fn fstring_literals_and_fields() {
    let p = fsplit("a {x} b {{c}} {y!r:>10}", false).unwrap();
    assert_eq!(p.len(), 4);
    assert_eq!(p[0], lit("a "));
    let Piece::Field(f) = &p[1] else { panic!() };
    assert_eq!(f.expr, "x");
    assert_eq!(p[2], lit(" b {c} "));
    let Piece::Field(f) = &p[3] else { panic!() };
    assert_eq!((f.expr.as_str(), f.conversion), ("y", Some('r')));
    assert_eq!(f.format_spec.as_ref().unwrap(), &vec![lit(">10")]);
}

#[test]
fn fstring_debug_and_nested_spec() {
    let p = fsplit("{x = }", false).unwrap();
    let Piece::Field(f) = &p[0] else { panic!() };
    assert_eq!(f.debug_text.as_deref(), Some("x = "));
    assert_eq!(f.conversion, Some('r'));
    let p = fsplit("{x=:>{w}.{p}f}", false).unwrap();
    let Piece::Field(f) = &p[0] else { panic!() };
    assert_eq!(f.conversion, None);
    let spec = f.format_spec.as_ref().unwrap();
    assert_eq!(spec.len(), 5);
    assert_eq!(spec[0], lit(">"));
    let Piece::Field(w) = &spec[1] else { panic!() };
    assert_eq!(w.expr, "w");
}

#[test]
fn fstring_expression_scanning() {
    let p = fsplit("{a['}']} {b!=c} {d[1:2]} {'x' if e else 'y'} {f(g=1)}", false).unwrap();
    let exprs: Vec<&str> = p
        .iter()
        .filter_map(|x| match x {
            Piece::Field(f) => Some(f.expr.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(exprs, ["a['}']", "b!=c", "d[1:2]", "'x' if e else 'y'", "f(g=1)"]);
}

#[test]
fn fstring_escapes_and_raw() {
    assert_eq!(fsplit(r"\n\N{BULLET}{{", false).unwrap(), vec![lit("\n•{")]);
    assert_eq!(fsplit(r"\n{{", true).unwrap(), vec![lit("\\n{")]);
}

#[test]
fn fstring_errors() {
    let msg = |s: &str| match fsplit(s, false).unwrap_err() {
        FError::Msg(m) => m,
        FError::Syntax(e) => e.msg,
    };
    assert_eq!(msg("}"), "f-string: single '}' is not allowed");
    assert_eq!(msg("{"), "f-string: expecting '}'");
    assert_eq!(msg("{x"), "f-string: expecting '}'");
    assert_eq!(msg("{}"), "f-string: empty expression not allowed");
    assert_eq!(msg("{ }"), "f-string: empty expression not allowed");
    assert_eq!(msg("{x!z}"), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
    assert_eq!(msg("{a#}"), "f-string expression part cannot include '#'");
    assert_eq!(msg(r"{a\n}"), "f-string expression part cannot include a backslash");
    assert_eq!(msg("{a)}"), "f-string: unmatched ')'");
    assert_eq!(msg("{a[}"), "f-string: closing parenthesis '}' does not match opening parenthesis '['");
    assert_eq!(msg("{x:{y:{z}}}"), "f-string: expressions nested too deeply");
    assert_eq!(msg("{'a}"), "f-string: unterminated string");
}
