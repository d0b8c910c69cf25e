# Values, sends, throws and returns through `yield from` chains (a yield
# passes up several suspended frames at once; a resumption goes down them).
import traceback


def leaf(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def middle(depth, n):
    if depth == 0:
        r = yield from leaf(n)
    else:
        r = yield from middle(depth - 1, n)
    return r + 1


def catching(depth):
    if depth == 0:
        try:
            yield "ready"
        except KeyError as e:
            yield "caught " + repr(e)
        return "leaf done"
    r = yield from catching(depth - 1)
    return r


def failing(depth):
    if depth == 0:
        yield 1
        raise ValueError("deep failure")
    yield from failing(depth - 1)


def closing(depth, log):
    try:
        if depth == 0:
            while True:
                yield depth
        else:
            yield from closing(depth - 1, log)
    finally:
        log.append(depth)


print(list(middle(5, 4)))
g = middle(3, 5)
print(next(g), g.send(10), g.send(20), next(g), next(g))
try:
    g.send(5)
except StopIteration as e:
    print("returned", e.value)

c = catching(4)
print(next(c))
print(c.throw(KeyError("k")))
try:
    next(c)
except StopIteration as e:
    print("stop", e.value)

f = failing(3)
print(next(f))
try:
    next(f)
except ValueError as e:
    print([(x.name, x.lineno) for x in traceback.extract_tb(e.__traceback__)])

log = []
cl = closing(3, log)
print(next(cl), next(cl))
cl.close()
print("closed", log)

# The delegate is an ordinary iterator part way down.
def mixed():
    yield from iter([1, 2])
    yield from middle(1, 2)
    yield from (x * 10 for x in range(3))

print(list(mixed()))
m = middle(2, 3)
next(m)
print(m.gi_yieldfrom.__name__, m.gi_yieldfrom.gi_yieldfrom.__name__)
