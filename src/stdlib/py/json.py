# json: dumps/dump/loads/load, JSONEncoder/JSONDecoder, JSONDecodeError.
# The encoder reproduces CPython's output byte for byte (separators,
# indentation, float reprs, escapes, key coercion, error messages); the
# decoder follows the C scanner's grammar, error messages and positions.

__all__ = ['dump', 'dumps', 'load', 'loads',
           'JSONDecoder', 'JSONDecodeError', 'JSONEncoder']

__path__ = []

import _aiopy_json

_INFINITY = float('inf')


# ---------------------------------------------------------------- errors

class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        errmsg = '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos)
        ValueError.__init__(self, errmsg)
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


JSONDecodeError.__module__ = 'json.decoder'


# ---------------------------------------------------------------- encoding

_ESC = {
    '\\': '\\\\',
    '"': '\\"',
    '\b': '\\b',
    '\f': '\\f',
    '\n': '\\n',
    '\r': '\\r',
    '\t': '\\t',
}
for _i in range(0x20):
    _ESC.setdefault(chr(_i), '\\u{0:04x}'.format(_i))
del _i


def py_encode_basestring(s):
    """Return a JSON representation of a Python string (non-ASCII kept)."""
    out = []
    start = 0
    for i, ch in enumerate(s):
        if ch < ' ' or ch == '"' or ch == '\\':
            if start < i:
                out.append(s[start:i])
            out.append(_ESC[ch])
            start = i + 1
    if start == 0:
        return '"' + s + '"'
    out.append(s[start:])
    return '"' + ''.join(out) + '"'


def py_encode_basestring_ascii(s):
    """Return an ASCII-only JSON representation of a Python string."""
    if s.isascii() and s.isprintable() and '"' not in s and '\\' not in s:
        return '"' + s + '"'
    out = []
    for ch in s:
        if ' ' <= ch <= '~':
            if ch == '"' or ch == '\\':
                out.append(_ESC[ch])
            else:
                out.append(ch)
        elif ch in _ESC:
            out.append(_ESC[ch])
        else:
            n = ord(ch)
            if n < 0x10000:
                out.append('\\u{0:04x}'.format(n))
            else:
                n -= 0x10000
                s1 = 0xd800 | ((n >> 10) & 0x3ff)
                s2 = 0xdc00 | (n & 0x3ff)
                out.append('\\u{0:04x}\\u{1:04x}'.format(s1, s2))
    return '"' + ''.join(out) + '"'


encode_basestring = _aiopy_json.encode_basestring
encode_basestring_ascii = _aiopy_json.encode_basestring_ascii


class JSONEncoder(object):
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True,
                 check_circular=True, allow_nan=True, sort_keys=False,
                 indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError(f'Object of type {o.__class__.__name__} '
                        f'is not JSON serializable')

    def encode(self, o):
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            else:
                return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return [_aiopy_json.encode(o, indent, self.key_separator, self.item_separator,
                                   self.sort_keys, self.skipkeys, self.ensure_ascii,
                                   self.allow_nan, self.default, self.check_circular)]


def _encode(o, level, out, markers, _default, _encoder, _indent, _floatstr,
            _key_separator, _item_separator, _sort_keys, _skipkeys):
    if _indent is not None and not isinstance(_indent, str):
        _indent = ' ' * _indent
    args = (markers, _default, _encoder, _indent, _floatstr, _key_separator,
            _item_separator, _sort_keys, _skipkeys)
    _encode_value(o, level, out, args)


def _encode_value(o, level, out, args):
    markers, _default, _encoder = args[0], args[1], args[2]
    if isinstance(o, str):
        out.append(_encoder(o))
    elif o is None:
        out.append('null')
    elif o is True:
        out.append('true')
    elif o is False:
        out.append('false')
    elif isinstance(o, int):
        out.append(int.__repr__(o))
    elif isinstance(o, float):
        out.append(args[4](o))
    elif isinstance(o, (list, tuple)):
        _encode_list(o, level, out, args)
    elif isinstance(o, dict):
        _encode_dict(o, level, out, args)
    else:
        if markers is not None:
            markerid = id(o)
            if markerid in markers:
                raise ValueError("Circular reference detected")
            markers[markerid] = o
        o2 = _default(o)
        _encode_value(o2, level, out, args)
        if markers is not None:
            del markers[markerid]


def _encode_list(lst, level, out, args):
    if not lst:
        out.append('[]')
        return
    markers = args[0]
    _indent = args[3]
    if markers is not None:
        markerid = id(lst)
        if markerid in markers:
            raise ValueError("Circular reference detected")
        markers[markerid] = lst
    out.append('[')
    if _indent is not None:
        level += 1
        newline_indent = '\n' + _indent * level
        separator = args[6] + newline_indent
        out.append(newline_indent)
    else:
        newline_indent = None
        separator = args[6]
    first = True
    for value in lst:
        if first:
            first = False
        else:
            out.append(separator)
        _encode_value(value, level, out, args)
    if newline_indent is not None:
        level -= 1
        out.append('\n' + _indent * level)
    out.append(']')
    if markers is not None:
        del markers[markerid]


def _encode_dict(dct, level, out, args):
    if not dct:
        out.append('{}')
        return
    markers, _default, _encoder, _indent, _floatstr, _key_separator, \
        _item_separator, _sort_keys, _skipkeys = args
    if markers is not None:
        markerid = id(dct)
        if markerid in markers:
            raise ValueError("Circular reference detected")
        markers[markerid] = dct
    out.append('{')
    if _indent is not None:
        level += 1
        newline_indent = '\n' + _indent * level
        item_separator = _item_separator + newline_indent
        out.append(newline_indent)
    else:
        newline_indent = None
        item_separator = _item_separator
    first = True
    if _sort_keys:
        items = sorted(dct.items())
    else:
        items = dct.items()
    for key, value in items:
        if isinstance(key, str):
            pass
        elif isinstance(key, float):
            key = _floatstr(key)
        elif key is True:
            key = 'true'
        elif key is False:
            key = 'false'
        elif key is None:
            key = 'null'
        elif isinstance(key, int):
            key = int.__repr__(key)
        elif _skipkeys:
            continue
        else:
            raise TypeError(f'keys must be str, int, float, bool or None, '
                            f'not {key.__class__.__name__}')
        if first:
            first = False
        else:
            out.append(item_separator)
        out.append(_encoder(key))
        out.append(_key_separator)
        _encode_value(value, level, out, args)
    if newline_indent is not None:
        level -= 1
        out.append('\n' + _indent * level)
    out.append('}')
    if markers is not None:
        del markers[markerid]


# ---------------------------------------------------------------- decoding

_WS = ' \t\n\r'
_BACKSLASH = {
    '"': '"', '\\': '\\', '/': '/',
    'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}
_HEX = '0123456789abcdefABCDEF'
_DIGITS = '0123456789'


class _StopScan(Exception):
    def __init__(self, pos):
        self.pos = pos


def _skip_ws(s, idx, n):
    while idx < n and s[idx] in _WS:
        idx += 1
    return idx


def scanstring(s, end, strict=True):
    """Scan the string s for a JSON string. End is the index of the
    character in s after the quote that started the JSON string."""
    chunks = []
    append = chunks.append
    begin = end - 1
    n = len(s)
    while True:
        nxt = end
        c = ''
        while nxt < n:
            c = s[nxt]
            if c == '"' or c == '\\':
                break
            if strict and c <= '\x1f':
                raise JSONDecodeError("Invalid control character at", s, nxt)
            nxt += 1
        else:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        if nxt != end:
            append(s[end:nxt])
        if c == '"':
            end = nxt + 1
            break
        nxt += 1
        if nxt == n:
            raise JSONDecodeError("Unterminated string starting at", s, begin)
        c = s[nxt]
        if c != 'u':
            end = nxt + 1
            ch = _BACKSLASH.get(c)
            if ch is None:
                raise JSONDecodeError("Invalid \\escape", s, end - 2)
            append(ch)
            continue
        nxt += 1
        end = nxt + 4
        if end >= n:
            raise JSONDecodeError("Invalid \\uXXXX escape", s, nxt - 1)
        esc = s[nxt:end]
        if len(esc) != 4 or any(d not in _HEX for d in esc):
            raise JSONDecodeError("Invalid \\uXXXX escape", s, end - 5)
        uni = int(esc, 16)
        if 0xd800 <= uni <= 0xdbff and end + 6 < n and s[end] == '\\' and s[end + 1] == 'u':
            esc2 = s[end + 2:end + 6]
            if any(d not in _HEX for d in esc2):
                raise JSONDecodeError("Invalid \\uXXXX escape", s, end + 1)
            uni2 = int(esc2, 16)
            if 0xdc00 <= uni2 <= 0xdfff:
                uni = 0x10000 + (((uni - 0xd800) << 10) | (uni2 - 0xdc00))
                end += 6
        append(chr(uni))
    return ''.join(chunks), end


class _Scanner:
    def __init__(self, context):
        self.strict = context.strict
        self.object_hook = context.object_hook
        self.object_pairs_hook = context.object_pairs_hook
        self.parse_float = context.parse_float
        self.parse_int = context.parse_int
        self.parse_constant = context.parse_constant
        self.memo = {}

    def __call__(self, s, idx):
        try:
            return self.scan_once(s, idx, len(s))
        except _StopScan as e:
            raise StopIteration(e.pos) from None
        finally:
            self.memo.clear()

    def scan_once(self, s, idx, n):
        if idx >= n:
            raise _StopScan(idx)
        c = s[idx]
        if c == '"':
            return scanstring(s, idx + 1, self.strict)
        if c == '{':
            return self.parse_object(s, idx + 1, n)
        if c == '[':
            return self.parse_array(s, idx + 1, n)
        if c == 'n' and s[idx:idx + 4] == 'null':
            return None, idx + 4
        if c == 't' and s[idx:idx + 4] == 'true':
            return True, idx + 4
        if c == 'f' and s[idx:idx + 5] == 'false':
            return False, idx + 5
        if c == 'N' and s[idx:idx + 3] == 'NaN':
            return self.parse_constant('NaN'), idx + 3
        if c == 'I' and s[idx:idx + 8] == 'Infinity':
            return self.parse_constant('Infinity'), idx + 8
        if c == '-' and s[idx:idx + 9] == '-Infinity':
            return self.parse_constant('-Infinity'), idx + 9
        return self.match_number(s, idx, n)

    def match_number(self, s, start, n):
        idx = start
        if s[idx] == '-':
            idx += 1
            if idx >= n:
                raise _StopScan(start)
        c = s[idx]
        if '1' <= c <= '9':
            idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        elif c == '0':
            idx += 1
        else:
            raise _StopScan(start)
        is_float = False
        if idx < n - 1 and s[idx] == '.' and s[idx + 1] in _DIGITS:
            is_float = True
            idx += 2
            while idx < n and s[idx] in _DIGITS:
                idx += 1
        if idx < n - 1 and s[idx] in 'eE':
            e_start = idx
            idx += 1
            if idx < n - 1 and s[idx] in '-+':
                idx += 1
            while idx < n and s[idx] in _DIGITS:
                idx += 1
            if s[idx - 1] in _DIGITS:
                is_float = True
            else:
                idx = e_start
        text = s[start:idx]
        if is_float:
            return self.parse_float(text), idx
        return self.parse_int(text), idx

    def parse_object(self, s, idx, n):
        pairs = []
        memo = self.memo
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != '}':
            while True:
                if idx >= n or s[idx] != '"':
                    raise JSONDecodeError(
                        "Expecting property name enclosed in double quotes", s, idx)
                key, idx = scanstring(s, idx + 1, self.strict)
                key = memo.setdefault(key, key)
                idx = _skip_ws(s, idx, n)
                if idx >= n or s[idx] != ':':
                    raise JSONDecodeError("Expecting ':' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
                value, idx = self.scan_once(s, idx, n)
                pairs.append((key, value))
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == '}':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        end = idx + 1
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), end
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, end

    def parse_array(self, s, idx, n):
        values = []
        idx = _skip_ws(s, idx, n)
        if idx >= n or s[idx] != ']':
            while True:
                value, idx = self.scan_once(s, idx, n)
                values.append(value)
                idx = _skip_ws(s, idx, n)
                if idx < n and s[idx] == ']':
                    break
                if idx >= n or s[idx] != ',':
                    raise JSONDecodeError("Expecting ',' delimiter", s, idx)
                idx = _skip_ws(s, idx + 1, n)
        return values, idx + 1


_CONSTANTS = {
    '-Infinity': float('-inf'),
    'Infinity': float('inf'),
    'NaN': float('nan'),
}


class JSONDecoder(object):
    def __init__(self, *, object_hook=None, parse_float=None,
                 parse_int=None, parse_constant=None, strict=True,
                 object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        hooks = (object_hook, object_pairs_hook,
                 None if parse_float in (None, float) else parse_float,
                 None if parse_int in (None, int) else parse_int,
                 parse_constant)

        def scan_once(string, idx):
            r = _aiopy_json.scan(string, idx, self.strict, *hooks)
            if r[1] == -1:
                raise JSONDecodeError(r[2], string, r[3])
            if r[1] == -2:
                raise StopIteration(r[2])
            return r
        self.scan_once = scan_once

    def decode(self, s):
        n = len(s)
        obj, end = self.raw_decode(s, idx=_skip_ws(s, 0, n))
        end = _skip_ws(s, end, n)
        if end != n:
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            obj, end = self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
        return obj, end


# ---------------------------------------------------------------- API

_default_encoder = JSONEncoder()
_default_decoder = JSONDecoder()


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if (not skipkeys and ensure_ascii and check_circular and allow_nan and
            cls is None and indent is None and separators is None and
            default is None and not sort_keys and not kw):
        return _default_encoder.encode(obj)
    if cls is None:
        cls = JSONEncoder
    return cls(
        skipkeys=skipkeys, ensure_ascii=ensure_ascii,
        check_circular=check_circular, allow_nan=allow_nan, indent=indent,
        separators=separators, default=default, sort_keys=sort_keys,
        **kw).encode(obj)


def dump(obj, fp, *, skipkeys=False, ensure_ascii=True, check_circular=True,
         allow_nan=True, cls=None, indent=None, separators=None,
         default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    iterable = cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                   check_circular=check_circular, allow_nan=allow_nan, indent=indent,
                   separators=separators,
                   default=default, sort_keys=sort_keys, **kw).iterencode(obj)
    for chunk in iterable:
        fp.write(chunk)


def detect_encoding(b):
    b = bytes(b)
    bstartswith = b.startswith
    if bstartswith(b'\xff\xfe\x00\x00') or bstartswith(b'\x00\x00\xfe\xff'):
        return 'utf-32'
    if bstartswith(b'\xff\xfe') or bstartswith(b'\xfe\xff'):
        return 'utf-16'
    if bstartswith(b'\xef\xbb\xbf'):
        return 'utf-8-sig'
    return 'utf-8'


def loads(s, *, cls=None, object_hook=None, parse_float=None,
          parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)",
                                  s, 0)
    else:
        if not isinstance(s, (bytes, bytearray)):
            raise TypeError(f'the JSON object must be str, bytes or bytearray, '
                            f'not {s.__class__.__name__}')
        enc = detect_encoding(s)
        if enc == 'utf-8-sig':
            s = bytes(s)[3:].decode('utf-8')
        else:
            s = bytes(s).decode(enc, 'surrogatepass') if enc != 'utf-8' else bytes(s).decode('utf-8')

    if (cls is None and object_hook is None and
            parse_int is None and parse_float is None and
            parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    if object_hook is not None:
        kw['object_hook'] = object_hook
    if object_pairs_hook is not None:
        kw['object_pairs_hook'] = object_pairs_hook
    if parse_float is not None:
        kw['parse_float'] = parse_float
    if parse_int is not None:
        kw['parse_int'] = parse_int
    if parse_constant is not None:
        kw['parse_constant'] = parse_constant
    return cls(**kw).decode(s)


def load(fp, *, cls=None, object_hook=None, parse_float=None,
         parse_int=None, parse_constant=None, object_pairs_hook=None, **kw):
    return loads(fp.read(),
                 cls=cls, object_hook=object_hook,
                 parse_float=parse_float, parse_int=parse_int,
                 parse_constant=parse_constant, object_pairs_hook=object_pairs_hook, **kw)
