# string: character-class constants, capwords, $-substitution Templates
# and the Formatter class (str.format's machinery, overridable in steps).
# Templates are parsed by hand rather than with `re` so `import string`
# stays cheap.

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)
_sentinel_dict = {}


def _ident_end(s, i):
    """End index of the ASCII identifier starting at s[i], or i if none."""
    n = len(s)
    if i < n and s[i] in _ID_START:
        i += 1
        while i < n and s[i] in _ID_CHARS:
            i += 1
    return i


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (start, end, kind, name) for each placeholder; kind is
        'escaped', 'named', 'braced' or 'invalid'."""
        s = self.template
        d = self.delimiter
        dl = len(d)
        i = s.find(d)
        while i >= 0:
            j = i + dl
            if s.startswith(d, j):
                yield i, j + dl, 'escaped', None
                i = s.find(d, j + dl)
                continue
            e = _ident_end(s, j)
            if e > j:
                yield i, e, 'named', s[j:e]
                i = s.find(d, e)
                continue
            if j < len(s) and s[j] == '{':
                e = _ident_end(s, j + 1)
                if e > j + 1 and e < len(s) and s[e] == '}':
                    yield i, e + 1, 'braced', s[j + 1:e]
                    i = s.find(d, e + 1)
                    continue
            yield i, j, 'invalid', None
            i = s.find(d, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    @staticmethod
    def _lookup(mapping, kws, name):
        if name in kws:
            return kws[name]
        return mapping[name]

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        out = []
        pos = 0
        s = self.template
        for start, end, kind, name in self._scan():
            out.append(s[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                # CPython reports the column just after the delimiter.
                self._invalid(end)
            else:
                out.append('%s' % (self._lookup(mapping, kws, name),))
        out.append(s[pos:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        out = []
        pos = 0
        s = self.template
        for start, end, kind, name in self._scan():
            out.append(s[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                out.append(self.delimiter)
            else:
                try:
                    out.append('%s' % (self._lookup(mapping, kws, name),))
                except KeyError:
                    out.append(s[start:end])
        out.append(s[pos:])
        return ''.join(out)

    def is_valid(self):
        for _, _, kind, _ in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for _, _, kind, name in self._scan():
            if kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern')
            if name is not None and name not in ids:
                ids.append(name)
        return ids


class Formatter:
    """str.format's steps as overridable methods."""

    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is not None:
                # '' and '.attr'/'[key]' starts use automatic numbering.
                if field_name == '' or field_name[0] in '.[':
                    if auto_arg_index is False:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    field_name = str(auto_arg_index) + field_name
                    auto_arg_index += 1
                elif field_name.isdigit():
                    if auto_arg_index:
                        raise ValueError('cannot switch from manual field '
                                         'specification to automatic field '
                                         'numbering')
                    auto_arg_index = False
                obj, arg_used = self.get_field(field_name, args, kwargs)
                used_args.add(arg_used)
                obj = self.convert_field(obj, conversion)
                format_spec, auto_arg_index = self._vformat(
                    format_spec, args, kwargs, used_args, recursion_depth - 1,
                    auto_arg_index=auto_arg_index)
                result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Yield (literal_text, field_name, format_spec, conversion)."""
        s = format_string
        n = len(s)
        i = 0
        lit = []
        while i < n:
            c = s[i]
            if c == '}':
                if i + 1 < n and s[i + 1] == '}':
                    lit.append('}')
                    i += 2
                    yield ''.join(lit), None, None, None
                    lit = []
                    continue
                raise ValueError("Single '}' encountered in format string")
            if c != '{':
                lit.append(c)
                i += 1
                continue
            if i + 1 < n and s[i + 1] == '{':
                lit.append('{')
                i += 2
                yield ''.join(lit), None, None, None
                lit = []
                continue
            # A replacement field: find its matching '}'.
            depth = 1
            j = i + 1
            while j < n:
                if s[j] == '{':
                    depth += 1
                elif s[j] == '}':
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j >= n:
                if depth > 1 or i + 1 >= n:
                    raise ValueError("expected '}' before end of string")
                raise ValueError("expected '}' before end of string")
            field = s[i + 1:j]
            # The name ends at the first '!' or ':' outside brackets.
            k = 0
            in_bracket = False
            while k < len(field):
                ch = field[k]
                if ch == '[':
                    in_bracket = True
                elif ch == ']':
                    in_bracket = False
                elif not in_bracket and ch in '!:':
                    break
                k += 1
            name = field[:k]
            conversion = None
            spec = ''
            rest = field[k:]
            if rest.startswith('!'):
                if len(rest) < 2:
                    raise ValueError('end of string while looking for '
                                     'conversion specifier')
                conversion = rest[1]
                rest = rest[2:]
                if rest and rest[0] != ':':
                    raise ValueError('expected \':\' after conversion specifier')
            if rest.startswith(':'):
                spec = rest[1:]
            yield ''.join(lit), name, spec, conversion
            lit = []
            i = j + 1
        if lit:
            yield ''.join(lit), None, None, None

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first


def _split_field(name):
    """'a.b[0]' -> ('a', [(True, 'b'), (False, 0)]); digit keys become ints."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        if name[i] == '.':
            j = i + 1
            while j < n and name[j] not in '.[':
                j += 1
            attr = name[i + 1:j]
            if not attr:
                raise ValueError('Empty attribute in format string')
            rest.append((True, attr))
            i = j
        else:
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format string")
            key = name[i + 1:j]
            if not key:
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError('Only \'.\' or \'[\' may follow \']\' in '
                                 'format field specifier')
    return first, rest
