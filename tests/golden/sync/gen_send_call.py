# g.send(v) called from Python code: values, returns, errors, tracebacks,
# delegation, coroutines, and generators started by send(None).
import traceback


def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


a = acc()
print(a.send(None))
for i in range(5):
    print(a.send(i))
try:
    a.send(None)
except StopIteration as e:
    print("stop", e.value, e.args)
try:
    a.send(1)
except StopIteration as e:
    print("closed", e.args)


# A return of a tuple / None / exception instance.
def ret(v):
    yield 1
    return v


for v in [(1, 2), None, ValueError("x"), [3]]:
    g = ret(v)
    g.send(None)
    try:
        g.send(0)
    except StopIteration as e:
        print("ret", repr(e.value), repr(e.args))

# Just started with a non-None value.
g = acc()
try:
    g.send(5)
except TypeError as e:
    print("TypeError", e)
print(g.send(None), g.send(2))


# Sending into itself: already executing.
def selfsend():
    x = yield 1
    yield me.send(x)


me = selfsend()
next(me)
try:
    me.send(3)
except ValueError as e:
    print("ValueError", e)


# An exception inside the generator, with its traceback and context.
def boom():
    try:
        raise KeyError("k")
    except KeyError:
        x = yield 1
        raise ValueError(x)


b = boom()
b.send(None)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        b.send("v")
except ValueError as e:
    print("ctx", repr(e), repr(e.__context__))
    print(traceback.format_exc())


# StopIteration raised inside becomes RuntimeError.
def stopper():
    yield 1
    raise StopIteration(7)


s = stopper()
s.send(None)
try:
    s.send(None)
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))


# A send that returns: traceback shows only the caller.
def short():
    yield 1


sh = short()
sh.send(None)
try:
    sh.send(None)
except StopIteration:
    print(traceback.format_exc())


# Delegation: send through yield from chains.
def leaf():
    got = []
    while True:
        x = yield len(got)
        if x is None:
            return got
        got.append(x)


def mid(depth):
    if depth == 0:
        r = yield from leaf()
    else:
        r = yield from mid(depth - 1)
    return ("mid", depth, r)


m = mid(3)
print(m.send(None))
for c in "abc":
    print(m.send(c))
try:
    m.send(None)
except StopIteration as e:
    print(e.value)


# Coroutine objects driven by send from Python.
class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


async def co(n):
    total = 0
    for _ in range(n):
        total += await Suspend()
    return total


c = co(3)
print(c.send(None))
print(c.send(1))
print(c.send(2))
try:
    c.send(3)
except StopIteration as e:
    print("co", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


# The bound method object and send through other callers.
g = acc()
send = g.send
print(send(None), send(4), list(map(g.send, [1, 2, 3])))
g2 = acc()
next(g2)
print(g2.send(10), g2.send(x=1) if False else g2.send(20))


# Finally blocks and close after sends; generators kept alive only by the call.
def fin():
    try:
        while True:
            yield (yield)
    finally:
        print("finally")


f = fin()
f.send(None)
print(f.send("a"), f.send(None), f.send("b"))
f.close()


def make():
    return acc()


print(make().send(None))


# Deep recursion through send.
def rec(n):
    yield (rec(n - 1).send(None) + 1) if n else 0


try:
    print(rec(50).send(None))
    rec(100000).send(None)
except RecursionError:
    print("RecursionError")


# Exceptions handled inside the generator while the caller handles another.
def handler():
    while True:
        try:
            x = yield
            1 / x
        except ZeroDivisionError as e:
            print("inside", repr(e), repr(e.__context__))


h = handler()
h.send(None)
try:
    raise KeyError("outer")
except KeyError:
    h.send(0)
    h.send(1)
h.send(0)
