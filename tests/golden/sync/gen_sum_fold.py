# sum() over generators: values added where they are yielded must behave
# exactly as a sum that suspends and resumes the generator per item.
import sys


def count(n):
    for i in range(n):
        x = yield i
        assert x is None, x


print(sum(count(10)), sum(count(0)), sum(count(5), 100), sum(count(4), 0.5))

# int overflow to a big int part-way, then back to small values
def big():
    yield sys.maxsize
    yield sys.maxsize
    yield 1
    yield -sys.maxsize


print(sum(big()))

# floats, mixed ints and floats, bools, huge ints that do not fit a float exactly
def mixed():
    yield 1
    yield 2.5
    yield True
    yield 2 ** 60
    yield -0.25
    yield 3


print(sum(mixed()), sum(x for x in [True, False, True]), sum((0.1 for _ in range(10)), 0))
print(sum(x for x in [2 ** 53 + 1, 1.0]), sum((x for x in [1.0, 2 ** 53 + 1])))


# objects with __add__/__radd__ between small ints
class Money:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        print("radd", other)
        return Money(other + self.v)

    def __add__(self, other):
        print("add", other)
        return Money(self.v + other)

    def __repr__(self):
        return "Money(%r)" % self.v


def with_objects():
    yield 1
    yield Money(10)
    yield 2
    yield 3


print(sum(with_objects()))

# a value sum cannot add: the generator is left suspended at that yield
def with_str():
    yield 1
    yield "a"
    yield 2


g = with_str()
try:
    sum(g)
except TypeError as e:
    print("TypeError", e)
print(g.gi_running, g.gi_suspended, next(g), list(g))


# exceptions raised inside the generator, caught there and escaping
def raising(n):
    for i in range(n):
        try:
            if i == 3:
                raise KeyError(i)
            yield i
        except KeyError as e:
            yield 100
            print("handled", repr(e), sys.exc_info()[0].__name__)
        finally:
            pass
    raise ValueError("done")


try:
    sum(raising(6))
except ValueError as e:
    print("escaped", e, type(e.__context__))


def stops():
    yield 1
    raise StopIteration(5)


try:
    sum(stops())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__)


# the generator sees itself running while sum adds up its values
def self_aware():
    me = yield 0
    for i in range(3):
        print("running", box[0].gi_running, box[0].gi_suspended, box[0].gi_frame is not None)
        yield i
    try:
        next(box[0])
    except ValueError as e:
        print("ValueError", e)
    yield 10


box = [self_aware()]
print(sum(box[0]), box[0].gi_running, box[0].gi_suspended, box[0].gi_frame)


# yield from chains: generators, a list, a sub-generator's return value
def leaf(n):
    for i in range(n):
        yield i
    return n * 1000


def middle(n):
    r = yield from leaf(n)
    yield r
    yield from [7, 8]
    yield from iter((9,))
    r = yield from leaf(0)
    yield r


def outer(depth, n):
    if depth == 0:
        yield from middle(n)
    else:
        yield from outer(depth - 1, n)
        yield depth


print(sum(outer(0, 4)), sum(outer(5, 3)))


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)


print(sum(tree(10)))


# sum inside a generator that sum is adding up, and generators resumed by
# for loops inside a summed generator
def nested(n):
    for i in range(n):
        yield sum(j for j in range(i))
        for k in count(2):
            yield k


print(sum(nested(6)), sum(sum(x for x in range(i)) for i in range(10)))


# a sub-generator driven by next() inside the summed generator's chain
def driver():
    inner = count(3)
    yield next(inner)
    yield from count(2)
    yield next(inner)


print(sum(driver()))

# the summed generator closed by an exception in the delegated chain
def failing_leaf():
    yield 1
    yield 2
    1 / 0


def failing_chain():
    try:
        yield from failing_leaf()
    finally:
        print("chain cleanup")


try:
    sum(failing_chain())
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


# deep recursion in a summed yield-from chain
def deep(n):
    if n == 0:
        yield 1
    else:
        yield from deep(n - 1)


print(sum(deep(200)))
try:
    sum(deep(5000))
except RecursionError:
    print("RecursionError")


# a generator exhausted by sum, then summed again; a generator subclass-free
# iterator with __next__ for comparison
g = count(4)
print(sum(g), sum(g), list(g))


class It:
    def __init__(self):
        self.i = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i > 4:
            raise StopIteration
        return self.i


print(sum(It()), sum(It(), 0.0))

# the start value is not a number sum folds in place
print(sum((x for x in [[1], [2]]), []), sum((x for x in [(1,), (2,)]), ()))
