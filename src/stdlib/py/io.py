# io: in-memory streams (StringIO, BytesIO) written in Python, the
# IOBase class names, `open` (the built-in), and the SEEK_* constants.

import builtins

__all__ = ["BlockingIOError", "open", "IOBase", "RawIOBase", "FileIO",
           "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader",
           "BufferedWriter", "BufferedRWPair", "BufferedRandom", "TextIOBase",
           "TextIOWrapper", "UnsupportedOperation", "SEEK_SET", "SEEK_CUR",
           "SEEK_END", "DEFAULT_BUFFER_SIZE", "text_encoding"]

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = builtins.open
BlockingIOError = builtins.BlockingIOError


class UnsupportedOperation(OSError, ValueError):
    pass


def text_encoding(encoding, stacklevel=2):
    return "locale" if encoding is None else encoding


class IOBase:
    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _checkClosed(self):
        if self.closed:
            raise ValueError("I/O operation on closed file.")

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return getattr(self, '_closed', False)

    def flush(self):
        self._checkClosed()

    def readable(self):
        return False

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._checkClosed()
        return False

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class FileIO(RawIOBase):
    pass


class BufferedReader(BufferedIOBase):
    pass


class BufferedWriter(BufferedIOBase):
    pass


class BufferedRandom(BufferedIOBase):
    pass


class BufferedRWPair(BufferedIOBase):
    pass


class TextIOWrapper(TextIOBase):
    pass


class _MemoryIO:
    """Shared machinery of StringIO/BytesIO: a buffer and a position."""

    def _init_buffer(self, empty, initial):
        self._empty = empty
        self._base = initial
        self._parts = []
        self._len = len(initial)
        self._pos = 0
        self._closed = False

    @property
    def _buf(self):
        # Appends are collected in _parts and joined on demand.
        if self._parts:
            self._base = self._empty.join([self._base] + self._parts)
            self._parts = []
        return self._base

    @_buf.setter
    def _buf(self, value):
        self._parts = []
        self._base = value
        self._len = len(value)

    def _check_open(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def getvalue(self):
        self._check_open()
        return self._buf

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            end = self._len
        else:
            end = min(self._len, self._pos + size)
        if self._pos >= end:
            return self._empty
        out = self._buf[self._pos:end]
        self._pos = end
        return out

    def _write(self, s):
        self._check_open()
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._parts.append(s)
            self._len += n
            self._pos = pos + n
            return n
        buf = self._buf
        if pos > len(buf):
            pad = self._pad(pos - len(buf))
            self._buf = buf + pad + s
        else:
            self._buf = buf[:pos] + s + buf[pos + n:]
        self._pos = pos + n
        return n

    def tell(self):
        self._check_open()
        return self._pos

    def seek(self, pos, whence=0):
        self._check_open()
        if whence == 0:
            if pos < 0:
                raise ValueError(f"negative seek value {pos}")
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, self._len + pos)
        else:
            raise ValueError(f"invalid whence ({whence}, should be 0, 1 or 2)")
        return self._pos

    def truncate(self, size=None):
        self._check_open()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError(f"negative size value {size}")
        self._buf = self._buf[:size]
        return size

    def readable(self):
        self._check_open()
        return True

    def writable(self):
        self._check_open()
        return True

    def seekable(self):
        self._check_open()
        return True

    def close(self):
        self._closed = True

    @property
    def closed(self):
        return self._closed


class StringIO(_MemoryIO, TextIOBase):
    def __init__(self, initial_value='', newline='\n'):
        if initial_value is None:
            initial_value = ''
        if not isinstance(initial_value, str):
            raise TypeError(f"initial_value must be str or None, not {type(initial_value).__name__}")
        self._init_buffer('', initial_value)
        self._newline = newline

    def _pad(self, n):
        return '\0' * n

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"string argument expected, got '{type(s).__name__}'")
        return self._write(s)

    def readline(self, size=-1):
        self._check_open()
        buf = self._buf
        i = buf.find('\n', self._pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = buf[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def __repr__(self):
        return f"<_io.StringIO object at {hex(id(self))}>"

    @property
    def line_buffering(self):
        return False

    encoding = None
    errors = None


class BytesIO(_MemoryIO, BufferedIOBase):
    def __init__(self, initial_bytes=b''):
        if initial_bytes is None:
            initial_bytes = b''
        self._init_buffer(b'', bytes(initial_bytes))

    def _pad(self, n):
        return b'\0' * n

    def write(self, b):
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        return self._write(bytes(b))

    def readline(self, size=-1):
        self._check_open()
        buf = self._buf
        i = buf.find(b'\n', self._pos)
        end = len(buf) if i < 0 else i + 1
        if size is not None and size >= 0:
            end = min(end, self._pos + size)
        out = buf[self._pos:end]
        self._pos = max(self._pos, end)
        return out

    def getbuffer(self):
        return memoryview(self._buf) if 'memoryview' in dir(builtins) else bytearray(self._buf)

    def read1(self, size=-1):
        return self.read(size)

    def __repr__(self):
        return f"<_io.BytesIO object at {hex(id(self))}>"


for _c in (StringIO, BytesIO):
    _c.__module__ = '_io'
del _c
