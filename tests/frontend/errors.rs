//! The CPython 3.11 syntax errors the front end must reproduce: message,
//! error class, line (and column where CPython's is meaningful), and the
//! `incomplete` flag the REPL relies on.

use aiopy::parser::{parse_expression, parse_interactive, parse_module};
use aiopy::source::{SourceFile, SyntaxError, SyntaxErrorKind};

use SyntaxErrorKind::{IndentationError, SyntaxError as Syn, TabError};

fn err(src: &str) -> SyntaxError {
    parse_module(src).expect_err(src)
}

/// Asserts class, message, 1-based line and 1-based column.
fn check(src: &str, kind: SyntaxErrorKind, msg: &str, line: u32, col: u32) {
    let e = err(src);
    let (l, c) = SourceFile::new("t.py", src).line_col(e.span.start);
    assert_eq!((e.kind, e.msg.as_str(), l, c + 1), (kind, msg, line, col), "source: {src:?}");
}

fn incomplete(src: &str) -> bool {
    err(src).incomplete
}

#[test]
fn generic_invalid_syntax() {
    check("a b\n", Syn, "invalid syntax", 1, 3);
    check("x = 1 +\n", Syn, "invalid syntax", 1, 8);
    check("x = $\n", Syn, "invalid syntax", 1, 5);
    check("1 <> 2\n", Syn, "invalid syntax", 1, 3);
    check("import a.b as c.d\n", Syn, "invalid syntax", 1, 16);
}

#[test]
fn brackets() {
    check("x = (1,\n", Syn, "'(' was never closed", 1, 5);
    check("foo(a, b\nx = 1\n", Syn, "'(' was never closed", 1, 4);
    check("x = [1, 2\ny = 3\n", Syn, "'[' was never closed", 1, 5);
    check("x = )\n", Syn, "unmatched ')'", 1, 5);
    check("x = (]\n", Syn, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6);
    check("x = (\n]\n", Syn, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 1);
    assert!(incomplete("x = (1,\n"));
    assert!(incomplete("f(a,\n  b"));
    assert!(!incomplete("x = )\n"));
}

#[test]
fn too_many_nested_parentheses() {
    let src = "(".repeat(10_000);
    check(&src, Syn, "too many nested parentheses", 1, 201);
}

#[test]
fn unterminated_strings() {
    check("x = 'abc\n", Syn, "unterminated string literal (detected at line 1)", 1, 5);
    check("s = 'a\\\nb\n", Syn, "unterminated string literal (detected at line 2)", 1, 5);
    check("x = '''abc\n\n", Syn, "unterminated triple-quoted string literal (detected at line 2)", 1, 5);
    check("'''abc", Syn, "unterminated triple-quoted string literal (detected at line 1)", 1, 1);
    assert!(incomplete("x = '''abc\n"));
    assert!(!incomplete("x = 'abc\n"));
}

#[test]
fn expected_colon() {
    check("if x\n  pass\n", Syn, "expected ':'", 1, 5);
    check("for x in range(3)\n  pass\n", Syn, "expected ':'", 1, 18);
    check("while x\n", Syn, "expected ':'", 1, 8);
    check("def f()\n  pass\n", Syn, "expected ':'", 1, 8);
    check("class A\n  pass\n", Syn, "expected ':'", 1, 8);
    check("match x\n case 1: pass\n", Syn, "expected ':'", 1, 8);
}

#[test]
fn indentation() {
    check("  x = 1\n", IndentationError, "unexpected indent", 1, 2);
    check("x = 1\n    y = 2\n", IndentationError, "unexpected indent", 2, 4);
    check("if x:\n    a\n  b\n", IndentationError, "unindent does not match any outer indentation level", 3, 4);
    check("if x:\n\ta\n        b\n", TabError, "inconsistent use of tabs and spaces in indentation", 3, 1);
}

#[test]
fn expected_indented_block() {
    let cases = [
        ("if x:\npass\n", "'if' statement on line 1", 2),
        ("if x: pass\nelif y:\nz\n", "'elif' statement on line 2", 3),
        ("if x: pass\nelse:\nz\n", "'else' statement on line 2", 3),
        ("while x:\nz\n", "'while' statement on line 1", 2),
        ("for x in y:\nz\n", "'for' statement on line 1", 2),
        ("with a:\nx\n", "'with' statement on line 1", 2),
        ("try:\nx\n", "'try' statement on line 1", 2),
        ("try: pass\nexcept E:\nx\n", "'except' statement on line 2", 3),
        ("try: pass\nexcept* E:\nx\n", "'except*' statement on line 2", 3),
        ("try: pass\nfinally:\nx\n", "'finally' statement on line 2", 3),
        ("def f():\nx\n", "function definition on line 1", 2),
        ("async def f():\nx\n", "function definition on line 1", 2),
        ("@d\ndef f():\nx\n", "function definition on line 2", 3),
        ("class A:\ndef f(): pass\n", "class definition on line 1", 2),
        ("async def f():\n async for x in y:\n x\n", "'for' statement on line 2", 3),
        ("async def f():\n async with x:\n x\n", "'with' statement on line 2", 3),
        ("match x:\ncase 1:\n", "'match' statement on line 1", 2),
        ("match x:\n case 1:\n x\n", "'case' statement on line 2", 3),
        ("if x:\n    if y:\nz\n", "'if' statement on line 2", 3),
    ];
    for (src, what, line) in cases {
        let e = err(src);
        assert_eq!(e.kind, IndentationError, "{src:?}");
        assert_eq!(e.msg, format!("expected an indented block after {what}"), "{src:?}");
        assert_eq!(SourceFile::new("t.py", src).line_col(e.span.start).0, line, "{src:?}");
        assert!(!e.incomplete, "{src:?}");
    }
    // At the end of the input the REPL should ask for more.
    let e = err("if x:\n");
    assert_eq!(e.msg, "expected an indented block after 'if' statement on line 1");
    assert!(e.incomplete);
    assert!(incomplete("def f():"));
    assert!(incomplete("class A:\n    def f(self):\n"));
}

#[test]
fn number_and_character_errors() {
    check("x = 1abc\n", Syn, "invalid decimal literal", 1, 5);
    check("x = 1__0\n", Syn, "invalid decimal literal", 1, 6);
    check("x = 0x\n", Syn, "invalid hexadecimal literal", 1, 6);
    check("x = 0b2\n", Syn, "invalid digit '2' in binary literal", 1, 7);
    check("x = 0o8\n", Syn, "invalid digit '8' in octal literal", 1, 7);
    check(
        "x = 0777\n",
        Syn,
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        1,
        5,
    );
    check("x = €\n", Syn, "invalid character '€' (U+20AC)", 1, 5);
    check("x = a€\n", Syn, "invalid character '€' (U+20AC)", 1, 6);
    check("x\u{a0}= 1\n", Syn, "invalid non-printable character U+00A0", 1, 2);
}

#[test]
fn null_bytes() {
    // As CPython reports it for a file (compile() of a str words it
    // "source code string cannot contain null bytes").
    check("x = 1\ny = \0\n", Syn, "source code cannot contain null bytes", 2, 1);
}

#[test]
fn assignment_targets() {
    let here = |what: &str| format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?");
    check("f() = 1\n", Syn, &here("function call"), 1, 1);
    check("1 = x\n", Syn, &here("literal"), 1, 1);
    check("x + 1 = 2\n", Syn, &here("expression"), 1, 1);
    check("a, 1 = x\n", Syn, &here("literal"), 1, 4);
    check("(a, f()) = 1\n", Syn, "cannot assign to function call", 1, 5);
    check("[a, 1] = x\n", Syn, "cannot assign to literal", 1, 5);
    check("f() = 1 = 2\n", Syn, "cannot assign to function call", 1, 1);
    check("x = f() = 1\n", Syn, "cannot assign to function call", 1, 5);
    check("f() = not x\n", Syn, "cannot assign to function call", 1, 1);
    check("True = 1\n", Syn, "cannot assign to True", 1, 1);
    check("a < b = 1\n", Syn, "cannot assign to comparison", 1, 1);
    check("x = yield = 1\n", Syn, "assignment to yield expression not possible", 1, 5);
    check("f() += 1\n", Syn, "'function call' is an illegal expression for augmented assignment", 1, 1);
    check("a, b: int\n", Syn, "only single target (not tuple) can be annotated", 1, 1);
    check("f(): int\n", Syn, "illegal target for annotation", 1, 1);
    check("del f()\n", Syn, "cannot delete function call", 1, 5);
    check("del 1\n", Syn, "cannot delete literal", 1, 5);
    check("for f() in x: pass\n", Syn, "cannot assign to function call", 1, 5);
    check("with a as f(): pass\n", Syn, "cannot assign to function call", 1, 11);
    check("if x = 1:\n pass\n", Syn, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4);
    check("a.b := 1\n", Syn, "cannot use assignment expressions with attribute", 1, 1);
}

#[test]
fn legacy_print() {
    check("print 'hello'\n", Syn, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1);
    check("a = 1; print x\n", Syn, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 8);
    check("exec 'x'\n", Syn, "Missing parentheses in call to 'exec'. Did you mean exec(...)?", 1, 1);
}

#[test]
fn arguments() {
    check("f(a=1, b)\n", Syn, "positional argument follows keyword argument", 1, 9);
    check("f(**k, a)\n", Syn, "positional argument follows keyword argument unpacking", 1, 9);
    check("f(**k, *a)\n", Syn, "iterable argument unpacking follows keyword argument unpacking", 1, 8);
    check("f(x for x in y, 1)\n", Syn, "Generator expression must be parenthesized", 1, 3);
    check("f(a.b=1)\n", Syn, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3);
    check("def f(a=1, b): pass\n", Syn, "non-default argument follows default argument", 1, 12);
    check("lambda a=1, b: 0\n", Syn, "non-default argument follows default argument", 1, 13);
    check("def f(*): pass\n", Syn, "named arguments must follow bare *", 1, 7);
    check("def f(**k, a): pass\n", Syn, "arguments cannot follow var-keyword argument", 1, 12);
    check("def f(*a=1): pass\n", Syn, "var-positional argument cannot have default value", 1, 9);
}

#[test]
fn forgot_a_comma() {
    let msg = "invalid syntax. Perhaps you forgot a comma?";
    check("f(a b)\n", Syn, msg, 1, 3);
    check("[1 2]\n", Syn, msg, 1, 2);
    check("x = [1, 2 y = 3]\n", Syn, msg, 1, 9);
    check("{1: 2 3: 4}\n", Syn, msg, 1, 5);
    check("x = 1 2\n", Syn, "invalid syntax", 1, 7);
}

#[test]
fn other_cpython_messages() {
    check("x = 1 if y\n", Syn, "expected 'else' after 'if' expression", 1, 5);
    check("try:\n    pass\nx = 1\n", Syn, "expected 'except' or 'finally' block", 3, 1);
    check("try: pass\nexcept A, B: pass\n", Syn, "multiple exception types must be parenthesized", 2, 8);
    check("from x import a,\n", Syn, "trailing comma not allowed without surrounding parentheses", 1, 17);
    check("(*a)\n", Syn, "cannot use starred expression here", 1, 2);
    check("x = {1: 2, 3}\n", Syn, "':' expected after dictionary key", 1, 12);
    check("'a' b'c'\n", Syn, "cannot mix bytes and nonbytes literals", 1, 9);
    check("b'é'\n", Syn, "bytes can only contain ASCII literal characters", 1, 1);
    check("x = 1 + \\", Syn, "unexpected EOF while parsing", 1, 10);
    check("f'{}'\n", Syn, "f-string: empty expression not allowed", 1, 6);
    check("f'}'\n", Syn, "f-string: single '}' is not allowed", 1, 5);
    check("f'{a b}'\n", Syn, "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 4);
    check("match x:\n case _ as _: pass\n", Syn, "cannot use '_' as a target", 2, 12);
}

#[test]
fn interactive_mode() {
    assert!(parse_interactive("x = 1; y = 2\n").is_ok());
    assert!(parse_interactive("if x:\n    pass\n").is_ok());
    assert!(parse_interactive("").unwrap().body.is_empty());
    let e = parse_interactive("x = 1\ny = 2\n").unwrap_err();
    assert_eq!(e.msg, "multiple statements found while compiling a single statement");
    for src in ["if x:\n", "def f():\n", "x = (1,\n", "'''abc\n", "1 + \\\n", "for x in y:\n  if z:\n"] {
        let e = parse_interactive(src).unwrap_err();
        assert!(e.incomplete, "{src:?}: {e:?}");
    }
    for src in ["x = )\n", "x =\n", "a b\n"] {
        assert!(!parse_interactive(src).unwrap_err().incomplete, "{src:?}");
    }
}

#[test]
fn expression_mode() {
    assert!(parse_expression("1 + 2").is_ok());
    assert!(parse_expression("  1 + 2\n").is_ok());
    assert!(parse_expression("a, b").is_ok());
    assert!(parse_expression("(1,\n 2)\n\n").is_ok());
    assert_eq!(parse_expression("x = 1").unwrap_err().msg, "invalid syntax");
    assert_eq!(parse_expression("1 +").unwrap_err().msg, "invalid syntax");
    assert!(parse_expression("").is_err());
}

#[test]
fn empty_sources() {
    assert!(parse_module("").unwrap().body.is_empty());
    assert!(parse_module("\n\n# just a comment\n   \n").unwrap().body.is_empty());
    assert!(parse_module("\u{feff}x = 1\n").is_ok());
}

#[test]
fn render_matches_cpython_layout() {
    let src = "x = (1,\n";
    let e = err(src);
    let f = SourceFile::new("x.py", src);
    assert_eq!(e.render(&f), "  File \"x.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n");
}
