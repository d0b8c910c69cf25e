"""Regenerates tests/parse_shapes.rs: one test per construct group, each
asserting that aiopy's AST (canonical dump, no positions) equals the dump
of CPython 3.11's own `ast` for the same source.

    python3 tools/gen_parse_tests.py > tests/parse_shapes.rs
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import cpy_dump  # noqa: E402

GROUPS = {
    'precedence': [
        "-2**2", "2**-1", "-x**-y", "a or b and not c", "not a == b", "a | b ^ c & d << e + f * g",
        "a * b @ c // d % e / f", "~a + -b - +c", "a if b else c if d else e", "lambda: a if b else c",
        "(lambda: a) if b else c", "a ** b ** c", "(a ** b) ** c", "a << b >> c", "x = not a or b",
        "await a ** 2", "a.b.c(d)[e].f", "-a.b", "a or b or c and d and e", "(a or b) or c",
    ],
    'chained_comparison': [
        "a < b <= c != d in e not in f is g is not h", "a == b", "(a < b) < c", "a < (b < c)",
        "not a in b", "a is not (not b)",
    ],
    'starred_targets': [
        "a, *b = c", "[a, *b] = c", "*a, = b", "(a, *b), c = d", "for x, *y in z: pass",
        "def f():\n    return *a, b", "x = *a, *b", "print(*a, *b)", "a = b = c = d",
        "a.b, c[d], (e, f) = g", "for i, (a, b) in x: pass", "for x, in y: pass",
    ],
    'decorators': [
        "@a.b(c)\n@d[0]\n@(lambda f: f)\n@x := y\ndef f(): pass", "@dataclass(frozen=True)\nclass A: pass",
        "@a\nasync def f(): pass",
    ],
    'slices': [
        "a[1:2:3]", "a[::-1]", "a[i, j]", "a[1:2, ::3]", "a[*idx]", "a[:]", "a[x:=1]", "a[1:, :2, ...]",
        "a[b][c:d]", "a[(1, 2)]", "a[*b, c]", "a[:, None]",
    ],
    'fstrings': [
        'f"{x=}"', 'f"{x = !s:>{w}}"', 'f"{a!r}" "b" f"{c:{d}}"', "f'{x:}'", "f''", "f'{{}}'", "'a' f''",
        "f'{x!a}' rf'\\n{y}'", "f'''{\n  x\n}'''", "f\"{'a' if b else 'c'}\"", "f'{a[\"b\"]}'", "f'{x:%H:%M}'",
        "f'{3.14:.2f} {x!r:^20} {{literal}}'", "f'{f\"{x}\"}'", "f'{x=}{y=!s}'", "f'{ x = }'", "f'\\N{BULLET} {x}'",
        "f'{(yield)}'", "f'{a, b}'", "f'{x for x in y}'", "f'{(a := 1)}'", "f'{lambda: 1}'" if False else "f'{(lambda: 1)}'",
    ],
    'lambdas': [
        "lambda: 0", "lambda a, b=1, *c, d, e=2, **f: 0", "lambda *, a: 0", "lambda a, /, b: 0",
        "lambda *a, **k: 0", "lambda a=lambda b=1: b: a", "lambda a, /: 0", "lambda a, b=2, /, c=3: 0",
    ],
    'functions': [
        "def f(a, *, b, c=1): pass", "def f(a, /, b, *args, c, **kw) -> int: pass",
        "def f(a: int = 1, *args: str, b: 'x' = 2, **kw: dict) -> None: pass", "def f(*args: *Ts): pass",
        "def f(a, b=1, /, c=2, *, d, e=3): pass", "def f(**kw,): pass", "def f(*a,): pass",
        "async def f():\n    await x\n    return await y", "def f():\n    yield\n    yield 1\n    yield from g()\n    x = yield a, b",
    ],
    'classes': [
        "class A: pass", "class A(): pass", "class A(B, C, metaclass=M, **kw): pass", "class A(*bases): x = 1",
    ],
    'async_comprehensions': [
        "async def f():\n    return [x async for x in y if await x]",
        "async def f():\n    return {k: v async for k, v in g() for w in v if w}",
        "async def f():\n    return (await x for x in y)",
        "async def f():\n    async for a in b:\n        pass\n    else:\n        pass\n    async with a as b, c:\n        pass",
    ],
    'comprehensions': [
        "[x for x in y]", "[x for x in y if a if b for z in x if c]", "{x for x in y}", "{k: v for k, v in d.items()}",
        "(x for x in y)", "f(x for x in y)", "[(x, y) for x in a for y in b]", "[y := f(x) for x in d if (y := g(x))]",
        "[x for x in lambda_ if x]", "[x if x else y for x in z]", "[*a, *b]", "{*a, b}", "{**a, 'b': 1, **c}",
    ],
    'displays': [
        "()", "(1,)", "(1, 2)", "1, 2", "1,", "[]", "[1]", "[1, 2,]", "{}", "{1}", "{1: 2}", "{1: 2,}", "{1, 2,}",
        "(yield)", "((a))", "[[]]", "{'a': [1, {2: (3,)}]}",
    ],
    'literals': [
        "None", "True", "False", "...", "123", "0x_ff", "0o17", "0b101", "1_000_000", "123456789012345678901234567890",
        "1.5", "1.", ".5", "1e-3", "1_000.5", "2j", "1.5J", "1e400", "'a' 'b'", "b'a' b'\\x00'", "r'\\n' '\\n'",
        "'''multi\nline'''", "u'x'", "'\\N{EM DASH}\\x41\\u00e9\\U0001F600\\101'", "'a\\\nb'", "rb'\\d' Br'x'",
        "'\\d'", "1if x else 2",
    ],
    'assignments': [
        "x = 1", "a = b = c", "x: int", "x: int = 3", "self.x: int = 0", "(x): int", "(x): int = 1", "a[0]: int",
        "x += 1", "x -= 1", "x *= 1", "x @= 1", "x /= 1", "x %= 1", "x &= 1", "x |= 1", "x ^= 1", "x <<= 1",
        "x >>= 1", "x **= 1", "x //= 1", "x = yield", "x: int = yield", "x += yield", "x = *a,", "x += 1, 2",
        "x = y = yield z",
    ],
    'simple_statements': [
        "pass", "break", "continue", "del a", "del a, b[0], c.d", "del (a, b)", "del [a, b]", "del a,",
        "return", "return a", "return a, b", "raise", "raise X", "raise X from Y", "global a, b", "nonlocal a",
        "assert x", "assert x, 'msg'", "x = 1; y = 2", "x = 1;", "import a.b as c, d", "from .a import (b as c, d,)",
        "from . import x", "from a import *", "from ... import y", "from ....a.b import c", "import a.b.c",
    ],
    'compound_statements': [
        "if a:\n    pass\nelif b:\n    pass\nelif c:\n    pass\nelse:\n    pass",
        "if a: pass\nelse: pass", "while a:\n    pass\nelse:\n    pass", "for x in y:\n    pass\nelse:\n    pass",
        "for x in *a, *b: pass",
        "try:\n    pass\nexcept:\n    pass", "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nelse:\n    pass\nfinally:\n    pass",
        "try:\n    pass\nfinally:\n    pass", "try:\n    pass\nexcept* E as e:\n    pass\nexcept* (A, B):\n    pass",
        "with a as b, c as d: pass", "with (a as b, c): pass", "with (a, b): pass", "with (a, b) as c: pass",
        "with (a): pass", "with (a) as b: pass", "with (yield x): pass", "with a as (b, c): pass",
        "with (a as b,\n      c as d,):\n    pass", "if x: a; b\nelse: c",
    ],
    'walrus': [
        "if (n := len(a)) > 10: pass", "while chunk := f.read(): pass", "if x := f(): pass",
        "f(a := 1, b=(c := 2))", "[y for x in z if (y := x)]", "(x := 1)", "a[x := 1]", "{(x := 1): 2}",
        "print(f'{(x := 1)}')",
    ],
    'calls': [
        "f()", "f(a)", "f(a, b)", "f(a,)", "f(*a)", "f(**k)", "f(a, *b, c=1, *d, **e, f=2)", "f(a=1, *b)",
        "f(x for x in y)", "f((x for x in y), z)", "f(a)(b)(c)", "f(a)[b](c)", "f(*a, *b, **c, **d)",
    ],
    'match_patterns': [
        "match p:\n    case Point(x=0, y=py) if py > 0:\n        pass",
        "match p:\n    case [a, *rest] | (a, b):\n        pass",
        "match p:\n    case {\"k\": v, **rest}:\n        pass",
        "match p:\n    case -1 | 1+2j | -1-2j | 'a' 'b' | b'x' | None | True | False | Color.RED | _:\n        pass",
        "match p:\n    case [1, 2, *_]:\n        pass\n    case (x, y) as t:\n        pass\n    case ():\n        pass\n    case []:\n        pass",
        "match p:\n    case {}:\n        pass\n    case {1: a, 'b': [c], x.y: _}:\n        pass\n    case {**rest}:\n        pass",
        "match p:\n    case A():\n        pass\n    case a.B(1, 2, c=3):\n        pass\n    case A(x, y=(1 | 2),):\n        pass",
        "match x, y:\n    case a, b:\n        pass", "match *a, b:\n    case [*_]:\n        pass",
        "match (x):\n    case (1):\n        pass", "match x:\n    case 1: pass\n    case 2: pass",
        "match = 1\nmatch.x = 2\nmatch(a)\ncase = 3\n_ = 4\nprint(match, case, _)",
        "match x:\n    case y if (z := y):\n        match y:\n            case 1:\n                pass",
        "match x:\n    case 0 | 1.5 | -0.5 | 3j | -3j | 0x10:\n        pass", "match x:\n    case [a, [b, c], *d]:\n        pass",
    ],
}


POSITIONS = '''import os
from a.b import (c as d,
    e)
@decorator(x=1)
class Point(Base, metaclass=Meta):
    x: int = 0
    async def run(self, a, /, b=2, *args, c, **kw) -> None:
        async with self.lock as l, other:
            return [i async for i in aiter() if await i]
        y = (a + b) * -c ** 2 if a else lambda q: q
        print(f"{a!r:>{w}} {b=}", *args, sep='', **kw)
        self.d[1:2, ::3] = {'k': [1, 2], **kw}, {1, 2}
for i, (a, b) in enumerate(zip(x, y)):
    if a < b <= c:
        continue
    elif not a:
        break
    else:
        del a, b
while (n := next(it)) is not None:
    x += n; y -= 1
try:
    raise X from Y
except* (E1, E2) as e:
    pass
with (open(x) as f, open(y) as g):
    assert f, "msg"
match command.split():
    case [action, *rest] if rest:
        pass
    case {"k": v, **kw} | Point(x=0, y=_):
        pass
    case -1 | 1+2j | "s" b if x else None:
        pass
'''.replace('    case -1 | 1+2j | "s" b if x else None:', '    case -1 | 1+2j | "s" | None if x:')


def rust_str(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n') + '"'


out = []
out.append('//! Generated by `tools/gen_parse_tests.py`: for each construct group, the')
out.append("//! AST shapes aiopy produces must equal CPython 3.11's `ast` (dumped in")
out.append('//! the canonical format of `support/dump.rs`, without positions).')
out.append('')
out.append('mod support;')
out.append('')
out.append('use aiopy::parser::parse_module;')
out.append('')
out.append('fn check(cases: &[(&str, &str)]) {')
out.append('    for (src, want) in cases {')
out.append('        let m = parse_module(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));')
out.append('        let got = support::dump::dump_module_with(src, &m, false);')
out.append('        assert_eq!(&got, want, "source: {src:?}");')
out.append('    }')
out.append('}')
for name, srcs in GROUPS.items():
    out.append('')
    out.append('#[test]')
    out.append('fn %s() {' % name)
    out.append('    check(&[')
    for s in srcs:
        want = cpy_dump.dump(s, positions=False)
        out.append('        (%s, %s),' % (rust_str(s), rust_str(want)))
    out.append('    ]);')
    out.append('}')
out.append('')
out.append('/// Full dump including `@line:col` positions of every node.')
out.append('#[test]')
out.append('fn positions() {')
out.append('    let src = %s;' % rust_str(POSITIONS))
out.append('    let m = parse_module(src).unwrap();')
out.append('    let want = %s;' % rust_str(cpy_dump.dump(POSITIONS)))
out.append('    assert_eq!(support::dump::dump_module(src, &m), want);')
out.append('}')
print('\n'.join(out))
