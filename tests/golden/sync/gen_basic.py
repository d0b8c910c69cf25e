# Generator basics: yield, iteration protocol, state, laziness.
def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  done")
g = count_up(2)
print(type(g).__name__)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again StopIteration", e.args)
print(list(count_up(3)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v
print(list(take(5, fib())))
def empty():
    return
    yield
print(list(empty()))
def yield_expr_value():
    x = yield
    print("  received", x)
g = yield_expr_value()
print(next(g))
try:
    next(g)
except StopIteration:
    print("finished; received None from next()")
print(iter(g) is g, hasattr(g, '__next__'))
def gen_with_return():
    yield 1
    return "ret"
print(list(gen_with_return()))
def multiple_yields():
    yield "a"
    yield "b"
    for c in "cd":
        yield c
    yield from "ef"
print("".join(multiple_yields()))
def gen_state():
    yield 1
g = gen_state()
print(g.gi_running, g.gi_frame is not None)
next(g)
try:
    next(g)
except StopIteration:
    pass
print(g.gi_frame is None)
def recursive_gen(n):
    if n > 0:
        yield from recursive_gen(n - 1)
        yield n
print(list(recursive_gen(5)))
def tree_walk(t):
    if isinstance(t, list):
        for sub in t:
            yield from tree_walk(sub)
    else:
        yield t
print(list(tree_walk([1, [2, [3, 4]], [[5]], 6])))
def running_check():
    yield g2.gi_running
g2 = running_check()
print(next(g2))
def reentrant():
    yield next(g3)
g3 = reentrant()
try:
    next(g3)
except ValueError as e:
    print(type(e).__name__, e)
def gen_exception():
    yield 1
    raise KeyError("inside gen")
g4 = gen_exception()
print(next(g4))
try:
    next(g4)
except KeyError as e:
    print("propagated", repr(e))
print(next(g4, "exhausted after error"))
def stopiteration_inside():
    yield 1
    raise StopIteration("converted")
try:
    list(stopiteration_inside())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
print(sum(x for x in count_up(3)))
print(g.__name__, g.__qualname__)
