import sys
import traceback


# Every failing line is a whole statement, so CPython 3.11 draws no
# ^^^ markers under it (aiopy does not draw them).
def inner(x):
    if x == 0:
        raise ZeroDivisionError("x is zero")
    return 10 // x


def outer(x):
    inner(x)
    return 1


try:
    outer(0)
except ZeroDivisionError:
    print(traceback.format_exc(), end="")
    traceback.print_exc(file=sys.stdout)
    info = sys.exc_info()
    print("".join(traceback.format_exception(*info)), end="")
    tb = info[2]

try:
    try:
        raise KeyError("k")
    except KeyError as e:
        raise ValueError("bad value") from e
except ValueError as e:
    print("".join(traceback.format_exception(e)), end="")
    print("".join(traceback.format_exception(e, chain=False)), end="")
    print(traceback.format_exception_only(e))
    print(traceback.format_exception_only(type(e), e))
    err = e

try:
    try:
        raise OSError("nope")
    except OSError:
        outer(0)
except ArithmeticError as e:
    traceback.print_exception(e, file=sys.stdout)
    traceback.print_exception(type(e), e, e.__traceback__, limit=1, file=sys.stdout)

try:
    try:
        raise ZeroDivisionError
    except Exception:
        raise RuntimeError("hidden context") from None
except RuntimeError:
    traceback.print_exc(file=sys.stdout)

for fs in traceback.extract_tb(tb):
    print(fs.filename, fs.lineno, fs.name, repr(fs.line))
    fname, lineno, name, line = fs
    print(fname == fs.filename, lineno, name, line)
print(traceback.format_tb(tb))
traceback.print_tb(tb, file=sys.stdout)
print(traceback.format_tb(tb, limit=1))
print(traceback.format_exc(), end="")


class MyErr(Exception):
    pass


def rec(n):
    if n == 0:
        raise MyErr("deep")
    rec(n - 1)


try:
    rec(8)
except MyErr:
    print(traceback.format_exc(), end="")
    print(repr(traceback.format_exception_only(*sys.exc_info()[:2])))

try:
    raise KeyError()
except KeyError:
    print(traceback.format_exc(), end="")


def show_stack():
    for fs in traceback.extract_stack(limit=2):
        print(fs.name, fs.lineno, fs.line)
    traceback.print_stack(limit=2, file=sys.stdout)
    print(len(traceback.format_stack()) >= 3)


def caller():
    show_stack()


caller()
te = traceback.TracebackException.from_exception(err)
print("".join(te.format()), end="")
print(list(te.format_exception_only()))

try:
    compile("x = = 1", "f.py", "exec")
except SyntaxError as e:
    print("".join(traceback.format_exception_only(e)), end="")
print(traceback.format_exception_only(None))
print(traceback.format_exception(None, None, None))
