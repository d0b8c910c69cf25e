# Generators resumed after a suspension run on their own saved stack
# (swapped with the resumer's): exceptions, returns, throw/close, deep
# calls and nesting must all hand the resumer's stack back intact.

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

def deep_inside():
    for i in range(3):
        yield depth(300 + i)      # grows the generator's own stack
    yield "small again"

def raises_later():
    yield 1
    yield 2
    raise ValueError("from the generator")

def catches_inside():
    total = 0
    for k in range(4):
        try:
            total += yield k
        except KeyError as e:
            total += 100
            print("caught inside", e)
    return total

def with_finally():
    try:
        yield "a"
        yield "b"
    finally:
        print("finally runs")

def leaf(n):
    for i in range(n):
        yield i
    return "leaf done"

def middle(n):
    r = yield from leaf(n)
    print("middle got", r)
    yield "middle tail"

def outer():
    for x in middle(3):
        yield ("outer", x)

def stopper():
    yield 1
    raise StopIteration("bad")

def nested_consumer():
    inner = leaf(5)
    next(inner)
    s = 0
    for v in inner:
        s += v
        yield s

a, b, c = 1, 2, 3
print(list(deep_inside()), a, b, c)

g = raises_later()
print(next(g), next(g))
try:
    next(g)
except ValueError as e:
    print("caller caught", e, a + b + c)
print(next(g, "exhausted"))

g = catches_inside()
print(next(g))
print(g.send(10))
print(g.throw(KeyError("k")))
print(g.send(5))
try:
    g.send(1)
except StopIteration as e:
    print("returned", e.value)

g = with_finally()
print(next(g))
print(next(g))
g.close()
print("closed", a, b, c)

g = with_finally()
print(next(g))
try:
    g.throw(RuntimeError("thrown"))
except RuntimeError as e:
    print("propagated", e)

print(list(outer()))
print(sum(x for x in leaf(10)), [y for y in nested_consumer()])

g = stopper()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

# interleaved resumption of two generators, from `for` and from next()
g1, g2 = leaf(4), leaf(4)
out = []
for v in g1:
    out.append((v, next(g2, None)))
print(out)

def recurse_gen(n):
    if n:
        yield from recurse_gen(n - 1)
    yield n

print(sum(recurse_gen(50)))

def err_in_deep(n):
    yield n
    depth(10)
    1 / 0

try:
    for v in err_in_deep(3):
        print("got", v)
except ZeroDivisionError as e:
    print("zde", e, a, b, c)
