# posixpath (os.path on POSIX): pure path arithmetic on '/'-separated
# strings, plus the stat-based predicates.

import posix as _posix

__all__ = ['abspath', 'basename', 'commonpath', 'commonprefix', 'dirname',
           'exists', 'expanduser', 'expandvars', 'getatime', 'getctime',
           'getmtime', 'getsize', 'isabs', 'isdir', 'isfile', 'islink',
           'ismount', 'join', 'lexists', 'normcase', 'normpath', 'realpath',
           'relpath', 'samefile', 'split', 'splitdrive', 'splitext', 'sep',
           'curdir', 'pardir', 'extsep', 'altsep', 'pathsep', 'defpath',
           'devnull', 'supports_unicode_filenames']

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'
supports_unicode_filenames = False


def _fspath(p, fname='join'):
    if isinstance(p, (str, bytes)):
        return p
    f = getattr(type(p), '__fspath__', None)
    if f is not None:
        r = f(p)
        if isinstance(r, (str, bytes)):
            return r
        raise TypeError(f'expected {type(p).__name__}.__fspath__() to return str or bytes, '
                        f'not {type(r).__name__}')
    raise TypeError(f'expected str, bytes or os.PathLike object, not {type(p).__name__}')


def _seps(p):
    return ('/', '.', '') if isinstance(p, str) else (b'/', b'.', b'')


def normcase(s):
    return _fspath(s)


def isabs(s):
    s = _fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    a = _fspath(a)
    try:
        path = a
        slash = _seps(a)[0]
        for b in map(_fspath, p):
            if type(b) is not type(a):
                raise TypeError("Can't mix strings and bytes in path components")
            if b.startswith(slash):
                path = b
            elif not path or path.endswith(slash):
                path = path + b
            else:
                path = path + slash + b
        return path
    except TypeError:
        for x in (a,) + p:
            if not isinstance(x, (str, bytes)) and not hasattr(type(x), '__fspath__'):
                raise TypeError(f'join() argument must be str, bytes, or os.PathLike object, '
                                f"not '{type(x).__name__}'") from None
        raise


def split(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    i = p.rfind(slash) + 1
    head, tail = p[:i], p[i:]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head, tail


def splitext(p):
    p = _fspath(p)
    slash, dot, _ = _seps(p)
    sep_index = p.rfind(slash)
    dot_index = p.rfind(dot)
    if dot_index > sep_index:
        # A leading run of dots in the file name is not an extension.
        i = sep_index + 1
        while i < dot_index:
            if p[i:i + 1] != dot:
                return p[:dot_index], p[dot_index:]
            i += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    p = _fspath(p)
    slash = _seps(p)[0]
    head = p[:p.rfind(slash) + 1]
    if head and head != slash * len(head):
        head = head.rstrip(slash)
    return head


def normpath(path):
    path = _fspath(path)
    slash, dot, empty = _seps(path)
    dotdot = dot + dot
    if path == empty:
        return dot
    lead = 0
    while lead < len(path) and path[lead:lead + 1] == slash:
        lead += 1
    # POSIX keeps exactly two leading slashes; one for one or three or more.
    lead = 2 if lead == 2 else min(lead, 1)
    parts = []
    for comp in path.split(slash):
        if comp in (empty, dot):
            continue
        if comp != dotdot or (not lead and not parts) or (parts and parts[-1] == dotdot):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = slash * lead + slash.join(parts)
    return path or dot


def abspath(path):
    path = _fspath(path)
    if not isabs(path):
        cwd = _posix.getcwd()
        path = join(cwd if isinstance(path, str) else cwd.encode(), path)
    return normpath(path)


def _stat(path):
    try:
        return _posix.stat(_fspath(path))
    except (OSError, ValueError):
        return None


def exists(path):
    return _stat(path) is not None


def lexists(path):
    try:
        _posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    return True


def isdir(s):
    st = _stat(s)
    return st is not None and (st[0] & 0o170000) == 0o040000


def isfile(path):
    st = _stat(path)
    return st is not None and (st[0] & 0o170000) == 0o100000


def islink(path):
    try:
        st = _posix.lstat(_fspath(path))
    except (OSError, ValueError):
        return False
    return (st[0] & 0o170000) == 0o120000


def ismount(path):
    path = abspath(path)
    if path == '/':
        return True
    try:
        a = _posix.lstat(path)
        b = _posix.lstat(join(path, '..'))
    except OSError:
        return False
    return a[2] != b[2] or a[1] == b[1]


def getsize(filename):
    return _posix.stat(_fspath(filename))[6]


def getatime(filename):
    return _posix.stat(_fspath(filename))[7]


def getmtime(filename):
    return _posix.stat(_fspath(filename))[8]


def getctime(filename):
    return _posix.stat(_fspath(filename))[9]


def samefile(f1, f2):
    a = _posix.stat(_fspath(f1))
    b = _posix.stat(_fspath(f2))
    return a[1] == b[1] and a[2] == b[2]


def expanduser(path):
    path = _fspath(path)
    tilde = '~' if isinstance(path, str) else b'~'
    if not path.startswith(tilde):
        return path
    slash = _seps(path)[0]
    i = path.find(slash, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        home = _posix._environ().get('HOME')
        if home is None:
            return path
    else:
        name = path[1:i]
        if isinstance(name, bytes):
            name = name.decode()
        home = None
        try:
            with open('/etc/passwd') as f:
                for line in f:
                    fields = line.split(':')
                    if fields[0] == name and len(fields) > 5:
                        home = fields[5]
                        break
        except OSError:
            pass
        if home is None:
            return path
    if isinstance(path, bytes):
        home = home.encode()
    home = home.rstrip(slash)
    return (home + path[i:]) or slash


def expandvars(path):
    path = _fspath(path)
    if isinstance(path, bytes):
        return expandvars(path.decode()).encode()
    if '$' not in path:
        return path
    env = _posix._environ()
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != '$':
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == '{':
            j = path.find('}', i + 2)
            name = path[i + 2:j] if j >= 0 else None
            if name and all(ch.isalnum() or ch == '_' for ch in name) and name in env:
                out.append(env[name])
                i = j + 1
                continue
            out.append(c)
            i += 1
            continue
        j = i + 1
        while j < n and (path[j].isalnum() or path[j] == '_'):
            j += 1
        name = path[i + 1:j]
        if name and name in env:
            out.append(env[name])
        else:
            out.append(path[i:j])
        i = j
    return ''.join(out)


def realpath(filename, *, strict=False):
    path = abspath(_fspath(filename))
    is_bytes = isinstance(path, bytes)
    if is_bytes:
        path = path.decode()
    resolved = '/'
    rest = [p for p in path.split('/') if p]
    seen = 0
    while rest:
        comp = rest.pop(0)
        candidate = join(resolved, comp)
        try:
            st = _posix.lstat(candidate)
        except OSError:
            if strict:
                raise
            resolved = candidate
            continue
        if (st[0] & 0o170000) == 0o120000:
            seen += 1
            if seen > 40:
                if strict:
                    raise OSError(40, 'Too many levels of symbolic links', candidate)
                resolved = candidate
                continue
            target = _posix.readlink(candidate)
            if target.startswith('/'):
                resolved = '/'
            rest = [p for p in target.split('/') if p] + rest
            continue
        resolved = normpath(candidate)
    resolved = normpath(resolved)
    return resolved.encode() if is_bytes else resolved


def relpath(path, start=None):
    if not path:
        raise ValueError('no path specified')
    path = _fspath(path)
    if start is None:
        start = curdir if isinstance(path, str) else b'.'
    start = _fspath(start)
    slash, dot, _ = _seps(path)
    start_list = [x for x in abspath(start).split(slash) if x]
    path_list = [x for x in abspath(path).split(slash) if x]
    i = len(commonprefix([start_list, path_list]))
    rel_list = [dot + dot] * (len(start_list) - i) + path_list[i:]
    if not rel_list:
        return dot
    return join(*rel_list)


def commonprefix(m):
    if not m:
        return ''
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    s1 = min(m)
    s2 = max(m)
    for i, c in enumerate(s1):
        if c != s2[i]:
            return s1[:i]
    return s1


def commonpath(paths):
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    paths = tuple(map(_fspath, paths))
    slash, dot, _ = _seps(paths[0])
    split_paths = [p.split(slash) for p in paths]
    try:
        isabs_set = {p[:1] == slash for p in paths}
    except TypeError:
        raise TypeError("Can't mix strings and bytes in path components") from None
    if len(isabs_set) != 1:
        raise ValueError("Can't mix absolute and relative paths")
    split_paths = [[c for c in s if c and c != dot] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = slash if paths[0].startswith(slash) else slash[:0]
    return prefix + slash.join(common)
