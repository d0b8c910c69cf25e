"""Dump CPython's AST of a file in the canonical S-expression format that
tests/support/dump.rs prints for aiopy's AST, for differential testing.

    python3 tools/cpy_dump.py FILE        # prints the dump, or ERROR lines
"""
import ast
import struct
import sys


def jstr(s):
    out = ['"']
    for c in s:
        o = ord(c)
        if c == '"':
            out.append('\\"')
        elif c == '\\':
            out.append('\\\\')
        elif o < 0x20 or o >= 0x7F:
            if 0xD800 <= o <= 0xDFFF:
                o = 0xFFFD
            out.append('\\u{%x}' % o)
        else:
            out.append(c)
    out.append('"')
    return ''.join(out)


def bits(f):
    return '%x' % struct.unpack('<Q', struct.pack('<d', f))[0]


class D:
    def __init__(self):
        self.out = []
        self.no_pos = 0

    def w(self, s):
        self.out.append(s)

    def pos(self, n):
        if self.no_pos == 0:
            self.w('@%d:%d' % (n.lineno, n.col_offset))

    def const(self, v):
        if v is None:
            self.w('None')
        elif v is True:
            self.w('True')
        elif v is False:
            self.w('False')
        elif v is Ellipsis:
            self.w('Ellipsis')
        elif isinstance(v, int):
            self.w('(Int %d)' % v)
        elif isinstance(v, float):
            self.w('(Float %s)' % bits(v))
        elif isinstance(v, complex):
            self.w('(Imag %s)' % bits(v.imag))
        elif isinstance(v, str):
            self.w('(Str %s)' % jstr(v))
        elif isinstance(v, bytes):
            self.w('(Bytes "%s")' % v.hex())
        else:
            raise ValueError(v)

    def opt(self, e):
        if e is None:
            self.w('-')
        else:
            self.expr(e)

    def exprs(self, v):
        self.w('(')
        for i, e in enumerate(v):
            if i:
                self.w(' ')
            self.expr(e)
        self.w(')')

    def name(self, s):
        self.w(jstr(s))

    def oname(self, s):
        if s is None:
            self.w('-')
        else:
            self.name(s)

    def body(self, v):
        self.w('(')
        for s in v:
            self.w('\n')
            self.stmt(s)
        self.w(')')

    TAGS = {
        'Name': 'Name', 'Constant': 'Const', 'JoinedStr': 'JoinedStr', 'FormattedValue': 'FV',
        'Tuple': 'Tuple', 'List': 'List', 'Set': 'Set', 'Dict': 'Dict', 'Starred': 'Starred',
        'Attribute': 'Attr', 'Subscript': 'Sub', 'Slice': 'Slice', 'Call': 'Call',
        'BinOp': 'BinOp', 'UnaryOp': 'UnaryOp', 'BoolOp': 'BoolOp', 'Compare': 'Cmp',
        'IfExp': 'IfExp', 'Lambda': 'Lambda', 'ListComp': 'ListComp', 'SetComp': 'SetComp',
        'DictComp': 'DictComp', 'GeneratorExp': 'GenExp', 'Await': 'Await', 'Yield': 'Yield',
        'YieldFrom': 'YieldFrom', 'NamedExpr': 'Named',
    }

    def expr(self, e):
        t = type(e).__name__
        self.w('(' + self.TAGS[t])
        self.pos(e)
        self.w(' ')
        if t == 'Name':
            self.name(e.id)
        elif t == 'Constant':
            self.const(e.value)
        elif t == 'JoinedStr':
            self.no_pos += 1
            self.exprs(e.values)
            self.no_pos -= 1
        elif t == 'FormattedValue':
            self.no_pos += 1
            self.expr(e.value)
            self.w(' %s ' % ('-' if e.conversion == -1 else chr(e.conversion)))
            self.opt(e.format_spec)
            self.no_pos -= 1
        elif t in ('Tuple', 'List', 'Set'):
            self.exprs(e.elts)
        elif t == 'Dict':
            for i, (k, v) in enumerate(zip(e.keys, e.values)):
                if i:
                    self.w(' ')
                self.w('(')
                self.opt(k)
                self.w(' ')
                self.expr(v)
                self.w(')')
        elif t in ('Starred', 'Await', 'YieldFrom'):
            self.expr(e.value)
        elif t == 'Attribute':
            self.expr(e.value)
            self.w(' ')
            self.name(e.attr)
        elif t == 'Subscript':
            self.expr(e.value)
            self.w(' ')
            self.expr(e.slice)
        elif t == 'Slice':
            self.opt(e.lower)
            self.w(' ')
            self.opt(e.upper)
            self.w(' ')
            self.opt(e.step)
        elif t == 'Call':
            self.expr(e.func)
            self.w(' ')
            self.exprs(e.args)
            self.w(' ')
            self.keywords(e.keywords)
        elif t == 'BinOp':
            self.w(type(e.op).__name__ + ' ')
            self.expr(e.left)
            self.w(' ')
            self.expr(e.right)
        elif t == 'UnaryOp':
            self.w(type(e.op).__name__ + ' ')
            self.expr(e.operand)
        elif t == 'BoolOp':
            self.w(type(e.op).__name__ + ' ')
            self.exprs(e.values)
        elif t == 'Compare':
            self.expr(e.left)
            for o, c in zip(e.ops, e.comparators):
                self.w(' (%s ' % type(o).__name__)
                self.expr(c)
                self.w(')')
        elif t == 'IfExp':
            self.expr(e.test)
            self.w(' ')
            self.expr(e.body)
            self.w(' ')
            self.expr(e.orelse)
        elif t == 'Lambda':
            self.arguments(e.args)
            self.w(' ')
            self.expr(e.body)
        elif t in ('ListComp', 'SetComp', 'GeneratorExp'):
            self.expr(e.elt)
            self.comps(e.generators)
        elif t == 'DictComp':
            self.expr(e.key)
            self.w(' ')
            self.expr(e.value)
            self.comps(e.generators)
        elif t == 'Yield':
            self.opt(e.value)
        elif t == 'NamedExpr':
            self.name(e.target.id)
            self.w(' ')
            self.expr(e.value)
        self.w(')')

    def comps(self, gens):
        for g in gens:
            self.w(' (comp ')
            self.expr(g.target)
            self.w(' ')
            self.expr(g.iter)
            self.w(' async ' if g.is_async else ' sync ')
            self.exprs(g.ifs)
            self.w(')')

    def keywords(self, kws):
        self.w('(')
        for i, k in enumerate(kws):
            if i:
                self.w(' ')
            self.w('(kw ')
            self.oname(k.arg)
            self.w(' ')
            self.expr(k.value)
            self.w(')')
        self.w(')')

    def arg(self, a):
        if a is None:
            self.w('-')
            return
        self.w('(arg ')
        self.name(a.arg)
        self.w(' ')
        self.opt(a.annotation)
        self.w(')')

    def arglist(self, v):
        self.w('(')
        for i, a in enumerate(v):
            if i:
                self.w(' ')
            self.arg(a)
        self.w(')')

    def arguments(self, a):
        self.w('(arguments ')
        self.arglist(a.posonlyargs)
        self.w(' ')
        self.arglist(a.args)
        self.w(' ')
        self.arg(a.vararg)
        self.w(' ')
        self.arglist(a.kwonlyargs)
        self.w(' (')
        for i, d in enumerate(a.kw_defaults):
            if i:
                self.w(' ')
            self.opt(d)
        self.w(') ')
        self.arg(a.kwarg)
        self.w(' ')
        self.exprs(a.defaults)
        self.w(')')

    def aliases(self, v):
        self.w('(')
        for i, a in enumerate(v):
            if i:
                self.w(' ')
            self.w('(alias ')
            self.name(a.name)
            self.w(' ')
            self.oname(a.asname)
            self.w(')')
        self.w(')')

    def pattern(self, p):
        t = type(p).__name__
        self.w('(' + t)
        if t == 'MatchValue':
            self.w(' ')
            self.expr(p.value)
        elif t == 'MatchSingleton':
            self.w(' ')
            self.const(p.value)
        elif t == 'MatchSequence':
            for x in p.patterns:
                self.w(' ')
                self.pattern(x)
        elif t == 'MatchMapping':
            self.w(' ')
            self.exprs(p.keys)
            for x in p.patterns:
                self.w(' ')
                self.pattern(x)
            self.w(' ')
            self.oname(p.rest)
        elif t == 'MatchClass':
            self.w(' ')
            self.expr(p.cls)
            self.w(' (')
            for x in p.patterns:
                self.w(' ')
                self.pattern(x)
            self.w(') (')
            for k, x in zip(p.kwd_attrs, p.kwd_patterns):
                self.w(' ')
                self.name(k)
                self.w('=')
                self.pattern(x)
            self.w(')')
        elif t == 'MatchStar':
            self.w(' ')
            self.oname(p.name)
        elif t == 'MatchAs':
            self.w(' ')
            if p.pattern is None:
                self.w('-')
            else:
                self.pattern(p.pattern)
            self.w(' ')
            self.oname(p.name)
        elif t == 'MatchOr':
            for x in p.patterns:
                self.w(' ')
                self.pattern(x)
        self.w(')')

    STAGS = {
        'Expr': 'Expr', 'Assign': 'Assign', 'AugAssign': 'AugAssign', 'AnnAssign': 'AnnAssign',
        'Delete': 'Delete', 'Pass': 'Pass', 'Break': 'Break', 'Continue': 'Continue',
        'Return': 'Return', 'Raise': 'Raise', 'Global': 'Global', 'Nonlocal': 'Nonlocal',
        'Import': 'Import', 'ImportFrom': 'ImportFrom', 'If': 'If', 'While': 'While',
        'For': 'For', 'AsyncFor': 'For', 'Try': 'Try', 'TryStar': 'Try', 'With': 'With',
        'AsyncWith': 'With', 'FunctionDef': 'Def', 'AsyncFunctionDef': 'Def', 'ClassDef': 'Class',
        'Assert': 'Assert', 'Match': 'Match',
    }

    def stmt(self, s):
        t = type(s).__name__
        self.w('(' + self.STAGS[t])
        self.pos(s)
        if t == 'Expr':
            self.w(' ')
            self.expr(s.value)
        elif t == 'Assign':
            self.w(' ')
            self.exprs(s.targets)
            self.w(' ')
            self.expr(s.value)
        elif t == 'AugAssign':
            self.w(' %s ' % type(s.op).__name__)
            self.expr(s.target)
            self.w(' ')
            self.expr(s.value)
        elif t == 'AnnAssign':
            self.w(' ')
            self.expr(s.target)
            self.w(' ')
            self.expr(s.annotation)
            self.w(' ')
            self.opt(s.value)
            self.w(' simple' if s.simple else ' nonsimple')
        elif t == 'Delete':
            self.w(' ')
            self.exprs(s.targets)
        elif t == 'Return':
            self.w(' ')
            self.opt(s.value)
        elif t == 'Raise':
            self.w(' ')
            self.opt(s.exc)
            self.w(' ')
            self.opt(s.cause)
        elif t in ('Global', 'Nonlocal'):
            for n in s.names:
                self.w(' ')
                self.name(n)
        elif t == 'Import':
            self.w(' ')
            self.aliases(s.names)
        elif t == 'ImportFrom':
            self.w(' ')
            self.oname(s.module)
            self.w(' %d ' % s.level)
            self.aliases(s.names)
        elif t in ('If', 'While'):
            self.w(' ')
            self.expr(s.test)
            self.w(' ')
            self.body(s.body)
            self.w(' ')
            self.body(s.orelse)
        elif t in ('For', 'AsyncFor'):
            self.w(' async ' if t == 'AsyncFor' else ' sync ')
            self.expr(s.target)
            self.w(' ')
            self.expr(s.iter)
            self.w(' ')
            self.body(s.body)
            self.w(' ')
            self.body(s.orelse)
        elif t in ('Try', 'TryStar'):
            self.w(' star ' if t == 'TryStar' else ' plain ')
            self.body(s.body)
            for h in s.handlers:
                self.w(' (handler')
                self.pos(h)
                self.w(' ')
                self.opt(h.type)
                self.w(' ')
                self.oname(h.name)
                self.w(' ')
                self.body(h.body)
                self.w(')')
            self.w(' ')
            self.body(s.orelse)
            self.w(' ')
            self.body(s.finalbody)
        elif t in ('With', 'AsyncWith'):
            self.w(' async' if t == 'AsyncWith' else ' sync')
            for i in s.items:
                self.w(' (item ')
                self.expr(i.context_expr)
                self.w(' ')
                self.opt(i.optional_vars)
                self.w(')')
            self.w(' ')
            self.body(s.body)
        elif t in ('FunctionDef', 'AsyncFunctionDef'):
            self.w(' async ' if t == 'AsyncFunctionDef' else ' sync ')
            self.name(s.name)
            self.w(' ')
            self.arguments(s.args)
            self.w(' ')
            self.exprs(s.decorator_list)
            self.w(' ')
            self.opt(s.returns)
            self.w(' ')
            self.body(s.body)
        elif t == 'ClassDef':
            self.w(' ')
            self.name(s.name)
            self.w(' ')
            self.exprs(s.bases)
            self.w(' ')
            self.keywords(s.keywords)
            self.w(' ')
            self.exprs(s.decorator_list)
            self.w(' ')
            self.body(s.body)
        elif t == 'Assert':
            self.w(' ')
            self.expr(s.test)
            self.w(' ')
            self.opt(s.msg)
        elif t == 'Match':
            self.w(' ')
            self.expr(s.subject)
            for c in s.cases:
                self.w('\n(case ')
                self.pattern(c.pattern)
                self.w(' ')
                self.opt(c.guard)
                self.w(' ')
                self.body(c.body)
                self.w(')')
        self.w(')')


def dump(src, positions=True):
    tree = ast.parse(src)
    d = D()
    if not positions:
        d.no_pos = 1
    d.w('(Module')
    for s in tree.body:
        d.w('\n')
        d.stmt(s)
    d.w(')\n')
    return ''.join(d.out)


def dump_expr(src):
    d = D()
    d.no_pos = 1
    d.expr(ast.parse(src, mode='eval').body)
    return ''.join(d.out)


if __name__ == '__main__':
    with open(sys.argv[1], encoding='utf-8') as f:
        text = f.read()
    sys.stdout.write(dump(text))
