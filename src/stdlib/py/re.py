# re: regular expressions. Pattern and Match objects, the module-level
# functions (compile, search, match, fullmatch, findall, finditer, sub,
# subn, split, escape, purge), RegexFlag and re.error, on top of the
# native backtracking engine `_aiopy_sre`. Replacement templates, group
# access and reprs follow CPython 3.11.

import enum
import _aiopy_sre

__all__ = [
    "match", "fullmatch", "search", "sub", "subn", "split",
    "findall", "finditer", "compile", "purge", "template", "escape",
    "error", "Pattern", "Match", "A", "I", "L", "M", "S", "X", "U",
    "ASCII", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "VERBOSE",
    "UNICODE", "NOFLAG", "RegexFlag",
]

__version__ = "2.2.1"


class RegexFlag(enum.IntFlag):
    NOFLAG = 0
    ASCII = A = 256
    IGNORECASE = I = 2
    LOCALE = L = 4
    UNICODE = U = 32
    MULTILINE = M = 8
    DOTALL = S = 16
    VERBOSE = X = 64
    TEMPLATE = T = 1
    DEBUG = 128

    def __repr__(self):
        if self._name_ is None:
            return 're.RegexFlag(%r)' % self._value_
        names = self._name_.split('|')
        out = []
        for n in names:
            if n[0].isdigit():
                out.append(n)
            else:
                out.append('re.' + n)
        return '|'.join(out)

    __str__ = __repr__


RegexFlag.__module__ = 're'
NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
T = TEMPLATE = RegexFlag.TEMPLATE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = '%s at position %d' % (msg, pos)
            if isinstance(pattern, str):
                newline = '\n'
            else:
                newline = b'\n'
            self.lineno = pattern.count(newline, 0, pos) + 1
            self.colno = pos - pattern.rfind(newline, 0, pos)
            if newline in pattern:
                msg = '%s (line %d, column %d)' % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = 're'
PatternError = error

_FLAG_NAMES = [(1, 'TEMPLATE'), (2, 'IGNORECASE'), (4, 'LOCALE'), (8, 'MULTILINE'),
               (16, 'DOTALL'), (32, 'UNICODE'), (64, 'VERBOSE'), (128, 'DEBUG'),
               (256, 'ASCII')]


def _to_str(s):
    """(text as str, is_bytes) for the engine; bytes map to latin-1."""
    if isinstance(s, str):
        return s, False
    if isinstance(s, (bytes, bytearray)):
        return bytes(s).decode('latin-1'), True
    raise TypeError("expected string or bytes-like object, got '%s'" % type(s).__name__)


class Pattern:
    """Compiled regular expression object."""

    def __init__(self, pattern, flags):
        text, is_bytes = _to_str(pattern)
        if is_bytes:
            if flags & UNICODE:
                raise ValueError("cannot use UNICODE flag with a bytes pattern")
            if flags & LOCALE == 0:
                eflags = flags | ASCII
            else:
                eflags = flags
        else:
            if flags & LOCALE:
                raise ValueError("cannot use LOCALE flag with a str pattern")
            if flags & ASCII and flags & UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
            eflags = flags
        code = _aiopy_sre.compile(text, int(eflags))
        if type(code) is tuple:
            if code[0] == 'the repetition number is too large':
                raise OverflowError(code[0])
            if code[1] < 0:
                raise error(code[0])
            raise error(code[0], pattern, code[1])
        ngroups, names, final = _aiopy_sre.info(code)
        if not is_bytes:
            if not final & (ASCII | LOCALE):
                final |= UNICODE
            if final & ASCII and final & UNICODE:
                raise ValueError("ASCII and UNICODE flags are incompatible")
        elif not flags & ASCII:
            final &= ~ASCII
        self._code = code
        self._bytes = is_bytes
        self._pattern = pattern
        self._flags = final
        self._groups = ngroups
        self._groupindex = dict(names)
        self._parents = None

    @property
    def pattern(self):
        return self._pattern

    @property
    def flags(self):
        return int(self._flags)

    @property
    def groups(self):
        return self._groups

    @property
    def groupindex(self):
        import types
        return types.MappingProxyType(dict(self._groupindex))

    def __repr__(self):
        flags = self._flags
        if not self._bytes and flags & (LOCALE | UNICODE | ASCII) == UNICODE:
            flags &= ~UNICODE
        names = []
        for value, name in _FLAG_NAMES:
            if flags & value:
                names.append('re.' + name)
                flags &= ~value
        if flags:
            names.append(hex(flags))
        r = repr(self._pattern)[:200]
        if names:
            return 're.compile(%s, %s)' % (r, '|'.join(names))
        return 're.compile(%s)' % r

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self._pattern == other._pattern and self._flags == other._flags

    def __hash__(self):
        return hash((self._pattern, self._flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _text(self, string):
        text, is_bytes = _to_str(string)
        if is_bytes != self._bytes:
            if self._bytes:
                raise TypeError("cannot use a bytes pattern on a string-like object")
            raise TypeError("cannot use a string pattern on a bytes-like object")
        return text

    def _run(self, string, pos, endpos, mode):
        if type(string) is str and not self._bytes:
            slots = _aiopy_sre.match(self._code, string, pos, endpos, mode)
            if slots is None:
                return None
            if pos == 0 and endpos is None:
                return Match(self, string, slots, 0, len(string))
            text = string
        else:
            text = self._text(string)
            slots = _aiopy_sre.match(self._code, text, pos, endpos, mode)
            if slots is None:
                return None
        n = len(text)
        p = 0 if pos < 0 else min(pos, n)
        e = n if endpos is None else max(0, min(endpos, n))
        return Match(self, string, slots, p, e)

    def match(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 0)

    def fullmatch(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 1)

    def search(self, string, pos=0, endpos=None):
        return self._run(string, pos, endpos, 2)

    def _scan(self, string, pos=0, endpos=None, limit=0):
        text = self._text(string)
        return _aiopy_sre.scan(self._code, text, pos, endpos, limit)

    def finditer(self, string, pos=0, endpos=None):
        n = len(string)
        p = 0 if pos < 0 else min(pos, n)
        e = n if endpos is None else max(0, min(endpos, n))
        for slots in self._scan(string, pos, endpos):
            yield Match(self, string, slots, p, e)

    def findall(self, string, pos=0, endpos=None):
        if not self._bytes:
            return _aiopy_sre.findall(self._code, self._text(string), pos, endpos)
        out = []
        g = self._groups
        for slots in self._scan(string, pos, endpos):
            if g == 0:
                out.append(string[slots[0]:slots[1]])
            elif g == 1:
                s, e = slots[2], slots[3]
                out.append(string[s:e] if s >= 0 else string[0:0])
            else:
                items = []
                for k in range(1, g + 1):
                    s, e = slots[2 * k], slots[2 * k + 1]
                    items.append(string[s:e] if s >= 0 else string[0:0])
                out.append(tuple(items))
        return out

    def split(self, string, maxsplit=0):
        if not self._bytes:
            if maxsplit < 0:
                return [string]
            return _aiopy_sre.split(self._code, self._text(string), maxsplit)
        out = []
        last = 0
        g = self._groups
        if maxsplit < 0:
            return [string]
        for slots in self._scan(string, 0, None, maxsplit):
            out.append(string[last:slots[0]])
            for k in range(1, g + 1):
                s, e = slots[2 * k], slots[2 * k + 1]
                out.append(string[s:e] if s >= 0 else None)
            last = slots[1]
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            filt = repl
            literal = None
        else:
            literal = _compile_template(self, repl)
            filt = None
            if not self._bytes:
                return _aiopy_sre.sub(self._code, self._text(string), count, literal)
        pieces = []
        last = 0
        n = 0
        empty = string[0:0]
        n_str = len(string)
        for slots in self._scan(string, 0, None, count):
            pieces.append(string[last:slots[0]])
            if filt is not None:
                r = filt(Match(self, string, slots, 0, n_str))
                if r is not None:
                    pieces.append(r)
            else:
                pieces.append(_expand(literal, string, slots, empty))
            last = slots[1]
            n += 1
        pieces.append(string[last:])
        return empty.join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def scanner(self, string, pos=0, endpos=None):
        return _Scanner(self, string, pos, endpos)

    def _group_parents(self):
        if self._parents is None:
            self._parents = _group_parents(self._pattern if not self._bytes else
                                           self._pattern.decode('latin-1'), self._groups)
        return self._parents

    def __class_getitem__(cls, item):
        g = object.__new__(type(list[int]))
        g.__origin__ = cls
        g.__args__ = item if isinstance(item, tuple) else (item,)
        g.__parameters__ = ()
        return g


Pattern.__module__ = 're'


def _group_parents(text, ngroups):
    """For each capture group, the enclosing capture group (0 if none)."""
    parents = [0] * (ngroups + 1)
    stack = []
    g = 0
    i = 0
    n = len(text)
    in_class = False
    while i < n:
        c = text[i]
        if c == '\\':
            i += 2
            continue
        if in_class:
            if c == ']':
                in_class = False
            i += 1
            continue
        if c == '[':
            in_class = True
            if text[i + 1:i + 2] == ']':
                i += 1
            elif text[i + 1:i + 3] == '^]':
                i += 2
        elif c == '(':
            capture = text[i + 1:i + 2] != '?' or text[i + 1:i + 4] == '?P<'
            if capture:
                g += 1
                parents[g] = next((x for x in reversed(stack) if x), 0)
                stack.append(g)
            else:
                stack.append(0)
        elif c == ')':
            if stack:
                stack.pop()
        i += 1
    return parents


class Match:
    """The result of re.match() and re.search()."""

    def __init__(self, pattern, string, slots, pos, endpos):
        self.re = pattern
        self.string = string
        self._slots = slots
        self.pos = pos
        self.endpos = endpos

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool):
            if 0 <= g <= self.re._groups:
                return g
        elif isinstance(g, str):
            idx = self.re._groupindex.get(g)
            if idx is not None:
                return idx
        else:
            try:
                g2 = g.__index__()
            except AttributeError:
                pass
            else:
                if 0 <= g2 <= self.re._groups:
                    return g2
        raise IndexError("no such group")

    def _get(self, idx, default=None):
        s, e = self._slots[2 * idx], self._slots[2 * idx + 1]
        if s < 0 or e < 0:
            return default
        string = self.string
        if type(string) is str:
            return _aiopy_sre.substr(string, s, e)
        return string[s:e]

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(k, default) for k in range(1, self.re._groups + 1))

    def groupdict(self, default=None):
        return {name: self._get(idx, default) for name, idx in self.re._groupindex.items()}

    def start(self, group=0):
        return self._slots[2 * self._index(group)]

    def end(self, group=0):
        return self._slots[2 * self._index(group) + 1]

    def span(self, group=0):
        idx = self._index(group)
        return (self._slots[2 * idx], self._slots[2 * idx + 1])

    @property
    def regs(self):
        return tuple((self._slots[2 * k], self._slots[2 * k + 1])
                     for k in range(self.re._groups + 1))

    @property
    def lastindex(self):
        best = None
        parents = None
        for k in range(1, self.re._groups + 1):
            s, e = self._slots[2 * k], self._slots[2 * k + 1]
            if s < 0 or e < 0:
                continue
            if best is None or e > self._slots[2 * best + 1]:
                best = k
            elif e == self._slots[2 * best + 1]:
                if parents is None:
                    parents = self.re._group_parents()
                # An enclosing group closes after the groups inside it;
                # otherwise the later group closes last.
                a = best
                is_ancestor = False
                while a:
                    a = parents[a]
                    if a == k:
                        is_ancestor = True
                        break
                if is_ancestor:
                    best = k
                else:
                    b = k
                    inside = False
                    while b:
                        b = parents[b]
                        if b == best:
                            inside = True
                            break
                    if not inside:
                        best = k
        return best

    @property
    def lastgroup(self):
        li = self.lastindex
        if li is None:
            return None
        for name, idx in self.re._groupindex.items():
            if idx == li:
                return name
        return None

    def expand(self, template):
        return _expand(_compile_template(self.re, template), self.string, self._slots,
                       self.string[0:0])

    def __repr__(self):
        return '<re.Match object; span=(%d, %d), match=%r>' % (
            self._slots[0], self._slots[1], self.group(0))

    def __bool__(self):
        return True

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return Pattern.__class_getitem__.__func__(cls, item)


Match.__module__ = 're'


class _Scanner:
    def __init__(self, pattern, string, pos, endpos):
        self.pattern = pattern
        self._it = pattern.finditer(string, pos, endpos)
        self._string = string
        self._pos = pos
        self._endpos = endpos

    def match(self):
        m = self.pattern.match(self._string, self._pos, self._endpos)
        if m is not None:
            self._pos = m.end() if m.end() > m.start() else m.end() + 1
        return m

    def search(self):
        return next(self._it, None)


_ESCAPES = {'n': '\n', 't': '\t', 'r': '\r', 'f': '\f', 'v': '\v', 'a': '\a',
            'b': '\b', '\\': '\\'}


def _compile_template(pattern, repl):
    """A list of literal strings and group indices for a sub() template."""
    is_bytes = not isinstance(repl, str)
    text = repl.decode('latin-1') if is_bytes else repl
    pieces = []
    lit = []
    i = 0
    n = len(text)
    ngroups = pattern._groups
    while i < n:
        c = text[i]
        if c != '\\':
            lit.append(c)
            i += 1
            continue
        if i + 1 >= n:
            raise error('bad escape (end of pattern)', repl, i)
        d = text[i + 1]
        if d == 'g':
            j = i + 2
            if j >= n or text[j] != '<':
                raise error('missing <', repl, j)
            k = text.find('>', j + 1)
            if k < 0:
                raise error('missing >, unterminated name', repl, j + 1)
            name = text[j + 1:k]
            if not name:
                raise error('missing group name', repl, j + 1)
            if name.isdigit() and name.isascii():
                idx = int(name)
                if idx > ngroups:
                    raise error('invalid group reference %d' % idx, repl, j + 1)
            else:
                if not name.isidentifier():
                    raise error("bad character in group name %r" % name, repl, j + 1)
                if name not in pattern._groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                idx = pattern._groupindex[name]
            if lit:
                pieces.append(''.join(lit))
                lit = []
            pieces.append(idx)
            i = k + 1
        elif d == '0':
            j = i + 2
            v = 0
            cnt = 0
            while j < n and cnt < 2 and text[j] in '01234567':
                v = v * 8 + int(text[j])
                j += 1
                cnt += 1
            lit.append(chr(v))
            i = j
        elif d.isdigit() and d.isascii():
            j = i + 2
            if j < n and text[j].isdigit() and text[j].isascii():
                if (d in '01234567' and text[j] in '01234567' and j + 1 < n
                        and text[j + 1] in '01234567'):
                    v = int(text[i + 1:j + 2], 8)
                    if v > 0o377:
                        raise error('octal escape value \\%s outside of range 0-0o377'
                                    % text[i + 1:j + 2], repl, i)
                    lit.append(chr(v))
                    i = j + 2
                    continue
                j += 1
            idx = int(text[i + 1:j])
            if idx > ngroups:
                raise error('invalid group reference %d' % idx, repl, i + 1)
            if lit:
                pieces.append(''.join(lit))
                lit = []
            pieces.append(idx)
            i = j
        elif d in _ESCAPES:
            lit.append(_ESCAPES[d])
            i += 2
        elif d.isascii() and d.isalpha():
            raise error('bad escape \\%s' % d, repl, i)
        else:
            lit.append('\\' + d)
            i += 2
    if lit:
        pieces.append(''.join(lit))
    if is_bytes:
        pieces = [p.encode('latin-1') if isinstance(p, str) else p for p in pieces]
    return pieces


def _expand(pieces, string, slots, empty):
    out = []
    for p in pieces:
        if type(p) is int:
            s, e = slots[2 * p], slots[2 * p + 1]
            if s >= 0 and e >= 0:
                out.append(string[s:e])
        else:
            out.append(p)
    return empty.join(out)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = flags.value
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError(
                "cannot process flags argument with a compiled pattern")
        return pattern
    key = (type(pattern), pattern, flags)
    try:
        return _cache[key]
    except KeyError:
        pass
    if not isinstance(pattern, (str, bytes)):
        raise TypeError("first argument must be string or compiled pattern")
    p = Pattern(pattern, flags)
    if len(_cache) >= _MAXCACHE:
        try:
            del _cache[next(iter(_cache))]
        except (StopIteration, RuntimeError, KeyError):
            pass
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    "Compile a regular expression pattern, returning a Pattern object."
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    return _compile(pattern, flags).finditer(string)


def purge():
    _cache.clear()


def template(pattern, flags=0):
    return _compile(pattern, flags | TEMPLATE)


_special_chars_map = {i: '\\' + chr(i) for i in b'()[]{}?*+-|^$\\.&~# \t\n\r\v\f'}


def escape(pattern):
    if isinstance(pattern, str):
        return pattern.translate(_special_chars_map)
    else:
        pattern = str(pattern, 'latin1')
        return pattern.translate(_special_chars_map).encode('latin1')
