# str() and repr() of built-in exceptions with various args.
cases = [
    Exception(), Exception("msg"), Exception("a", "b"), Exception(1), Exception(None), Exception(""),
    Exception(("tuple",)), Exception([1, 2]),
    ValueError("bad value"), TypeError("x", 2, 3.0),
    KeyError("key"), KeyError(1), KeyError(), KeyError("a", "b"), KeyError("it's"), KeyError(""),
    IndexError("list index out of range"), AttributeError("attr"),
    StopIteration(), StopIteration(5), StopIteration(1, 2),
    OSError(), OSError("plain"), OSError(2, "No such file"), OSError(2, "No such file", "name.txt"),
    FileNotFoundError(2, "No such file or directory", "missing.txt"),
    SystemExit(), SystemExit(3), SystemExit("bye"),
    UnicodeError("u"), ZeroDivisionError("division by zero"),
    AssertionError(), NotImplementedError("todo"), RecursionError("deep"),
]
for e in cases:
    print(f"{type(e).__name__:20} str={str(e)!r:40} repr={e!r}")
e = OSError(2, "No such file", "name.txt")
print(e.errno, e.strerror, e.filename, e.args)
e = FileNotFoundError(2, "x")
print(type(e).__name__, e.errno, e.filename)
print(type(OSError(2, "x")).__name__)
print(StopIteration(5).value, StopIteration().value)
print(SystemExit(3).code, SystemExit().code, SystemExit(1, 2).code)
try:
    {}["missing key"]
except KeyError as e:
    print(str(e), repr(e), e.args)
try:
    {}[("tu", "ple")]
except KeyError as e:
    print(str(e), e.args)
try:
    [].pop()
except IndexError as e:
    print(str(e))
try:
    {}.popitem()
except KeyError as e:
    print(str(e))
try:
    set().pop()
except KeyError as e:
    print(str(e))
print(str(Exception("line1\nline2")))
print(repr(Exception("quote'd")), repr(Exception('dq"')))
print(repr(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
print(str(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.start, e.end, e.reason, e.object)
print(BaseException("x").with_traceback(None) is not None)
print(format(ValueError("fmt")), f"{KeyError('k')}", "%s" % IndexError("pct"))
