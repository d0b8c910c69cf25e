import sys
import traceback

# traceback.format_exception and print_exc draw exception groups in
# boxes, as the interpreter does for an uncaught group. Every failing
# line is a whole statement (no ^^^ markers in CPython 3.11).


def fail(i):
    if i % 2:
        raise ValueError(i)
    raise TypeError(i)


def gather(n):
    errors = []
    for i in range(n):
        try:
            fail(i)
        except Exception as e:
            errors.append(e)
    return errors


try:
    errs = gather(3)
    inner = ExceptionGroup("inner", errs[1:])
    inner.add_note("a note on the inner group")
    raise ExceptionGroup("outer", [errs[0], inner])
except ExceptionGroup:
    print(traceback.format_exc(), end="")
    traceback.print_exc(file=sys.stdout)

try:
    raise ExceptionGroup("wide", gather(17))
except ExceptionGroup as eg:
    print("".join(traceback.format_exception(eg)), end="")
    print(traceback.format_exception_only(eg))

eg = ExceptionGroup("leaf", [KeyError("bottom")])
for depth in range(11):
    eg = ExceptionGroup("level %d" % depth, [eg])
print("".join(traceback.format_exception(eg)), end="")

try:
    try:
        int("zero")
    except ValueError as e:
        raise ExceptionGroup("while handling", [OSError("disk")]) from e
except ExceptionGroup:
    traceback.print_exc(file=sys.stdout)
    traceback.print_exc(file=sys.stdout, chain=False)
