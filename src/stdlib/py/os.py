# os: the POSIX flavour of CPython's os module on top of the native
# `posix` module: os.path (posixpath), environ/getenv, fspath/PathLike,
# stat_result, scandir/DirEntry, walk, makedirs/removedirs.

import sys
import posix as _posix
from posix import (getcwd, chdir, listdir, mkdir, rmdir, remove, unlink,
                   rename, replace, readlink, symlink, access, getpid,
                   getppid, getuid, cpu_count, urandom, strerror, isatty,
                   system, _exit)
import posixpath as path
from posixpath import curdir, pardir, sep, extsep, altsep, pathsep, defpath, devnull

sys.modules['os.path'] = path

name = 'posix'
linesep = '\n'
error = OSError
F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2

__all__ = ['path', 'name', 'linesep', 'sep', 'curdir', 'pardir', 'extsep',
           'altsep', 'pathsep', 'defpath', 'devnull', 'environ', 'getenv',
           'putenv', 'unsetenv', 'fspath', 'PathLike', 'stat_result', 'stat',
           'lstat', 'scandir', 'DirEntry', 'walk', 'makedirs', 'removedirs',
           'getcwd', 'chdir', 'listdir', 'mkdir', 'rmdir', 'remove',
           'unlink', 'rename', 'replace', 'getpid', 'cpu_count', 'urandom',
           'strerror', 'error', 'get_terminal_size', 'terminal_size']


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    f = getattr(type(path), '__fspath__', None)
    if f is None:
        raise TypeError(f'expected str, bytes or os.PathLike object, not {type(path).__name__}')
    r = f(path)
    if isinstance(r, (str, bytes)):
        return r
    raise TypeError(f'expected {type(path).__name__}.__fspath__() to return str or bytes, '
                    f'not {type(r).__name__}')


class _PathLikeMeta(type):
    def __instancecheck__(cls, obj):
        return cls.__subclasscheck__(type(obj))

    def __subclasscheck__(cls, sub):
        if cls is PathLike:
            return any('__fspath__' in k.__dict__ for k in sub.__mro__)
        return type.__subclasscheck__(cls, sub)


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    def __fspath__(self):
        raise NotImplementedError


# ---------------------------------------------------------------- environ

class _Environ:
    def __init__(self, data):
        self._data = data

    def __getitem__(self, key):
        try:
            return self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError(f'str expected, not {type(key).__name__}')
        if not isinstance(value, str):
            raise TypeError(f'str expected, not {type(value).__name__}')
        _posix.putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        _posix.unsetenv(key)
        try:
            del self._data[key]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        return iter(list(self._data))

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        return key in self._data

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = other._data
        return self._data == other

    def __repr__(self):
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self._data.items())
        return f'environ({{{items}}})'

    def get(self, key, default=None):
        return self._data.get(key, default)

    def keys(self):
        return self._data.keys()

    def values(self):
        return self._data.values()

    def items(self):
        return self._data.items()

    def copy(self):
        return dict(self._data)

    def setdefault(self, key, value):
        if key not in self._data:
            self[key] = value
        return self._data[key]

    def pop(self, key, *default):
        if key in self._data:
            value = self._data[key]
            del self[key]
            return value
        if default:
            return default[0]
        raise KeyError(key)

    def update(self, other=(), **kw):
        if hasattr(other, 'keys'):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kw.items():
            self[k] = v

    def clear(self):
        for k in list(self._data):
            del self[k]

    def __or__(self, other):
        d = dict(self._data)
        d.update(other)
        return d

    def __ior__(self, other):
        self.update(other)
        return self


environ = _Environ(_posix._environ())


def getenv(key, default=None):
    return environ.get(key, default)


def putenv(key, value):
    _posix.putenv(key, value)


def unsetenv(key):
    _posix.unsetenv(key)


# ---------------------------------------------------------------- stat

_STAT_FIELDS = ('st_mode', 'st_ino', 'st_dev', 'st_nlink', 'st_uid', 'st_gid',
                'st_size', 'st_atime', 'st_mtime', 'st_ctime')


class stat_result(tuple):
    n_sequence_fields = 10
    n_fields = 13

    def __new__(cls, values):
        values = tuple(values)
        self = tuple.__new__(cls, values[:7] + tuple(int(t) for t in values[7:10]))
        self._extra = values
        return self

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._extra[7])
    st_mtime = property(lambda self: self._extra[8])
    st_ctime = property(lambda self: self._extra[9])
    st_atime_ns = property(lambda self: self._extra[10])
    st_mtime_ns = property(lambda self: self._extra[11])
    st_ctime_ns = property(lambda self: self._extra[12])

    def __repr__(self):
        fields = ', '.join(f'{n}={v!r}' for n, v in zip(_STAT_FIELDS, self))
        return f'os.stat_result({fields})'


def stat(path, *, dir_fd=None, follow_symlinks=True):
    path = fspath(path)
    if follow_symlinks:
        return stat_result(_posix.stat(path))
    return stat_result(_posix.lstat(path))


def lstat(path, *, dir_fd=None):
    return stat_result(_posix.lstat(fspath(path)))


# ---------------------------------------------------------------- scandir, walk

class DirEntry:
    __slots__ = ('name', 'path', '_stat', '_lstat')

    def __init__(self, dirpath, name):
        self.name = name
        self.path = path.join(dirpath, name)
        self._stat = None
        self._lstat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f'<DirEntry {self.name!r}>'

    def stat(self, *, follow_symlinks=True):
        if not follow_symlinks:
            if self._lstat is None:
                self._lstat = lstat(self.path)
            return self._lstat
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def _mode(self, follow):
        try:
            return self.stat(follow_symlinks=follow).st_mode & 0o170000
        except OSError:
            return None

    def is_dir(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o040000

    def is_file(self, *, follow_symlinks=True):
        return self._mode(follow_symlinks) == 0o100000

    def is_symlink(self):
        return self._mode(False) == 0o120000

    def inode(self):
        return self.stat(follow_symlinks=False).st_ino


class _ScandirIterator:
    def __init__(self, dirpath):
        names = listdir(dirpath)
        self._entries = iter([DirEntry(dirpath, n) for n in names])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        self._entries = iter(())


def scandir(path='.'):
    return _ScandirIterator(fspath(path))


def walk(top, topdown=True, onerror=None, followlinks=False):
    top = fspath(top)
    try:
        entries = list(scandir(top))
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for entry in entries:
        (dirs if entry.is_dir() else nondirs).append(entry.name)
    if topdown:
        yield top, dirs, nondirs
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
    else:
        for d in dirs:
            new_path = path.join(top, d)
            if followlinks or not path.islink(new_path):
                yield from walk(new_path, topdown, onerror, followlinks)
        yield top, dirs, nondirs


def makedirs(name, mode=0o777, exist_ok=False):
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


class terminal_size(tuple):
    def __new__(cls, values):
        return tuple.__new__(cls, values)

    columns = property(lambda self: self[0])
    lines = property(lambda self: self[1])

    def __repr__(self):
        return f'os.terminal_size(columns={self[0]}, lines={self[1]})'


def get_terminal_size(fd=1):
    try:
        cols = int(environ.get('COLUMNS', 0))
        rows = int(environ.get('LINES', 0))
    except ValueError:
        cols = rows = 0
    return terminal_size((cols or 80, rows or 24))
