# list()/tuple()/sorted()/list.extend/[*gen] of generators: values appended
# where they are yielded must behave exactly as one item at a time.
import sys


def count(n):
    for i in range(n):
        x = yield i
        assert x is None, x


print(list(count(5)), tuple(count(3)), sorted(count(4), reverse=True), [*count(3), *count(2)])
print(min(count(5)), max(x * 2 for x in count(5)), ",".join(str(x) for x in count(4)))
print(list(count(0)), tuple(x for x in []), set(count(3)), dict((x, x) for x in count(2)))

# the list being extended is visible to the generator as it grows
target = [100]


def watcher(n):
    for i in range(n):
        print("len", len(target), target[-1])
        yield i


target.extend(watcher(3))
print(target)

# a list subclass and list.__init__ on an existing list
class L(list):
    pass


l = L(count(3))
print(type(l).__name__, l)
l.__init__(x * 10 for x in count(2))
print(l)


# an exception part-way: extend keeps what was appended, list() drops it
def fails(n):
    yield from count(n)
    raise KeyError("stop")


kept = []
try:
    kept.extend(fails(3))
except KeyError as e:
    print("KeyError", e, kept)
try:
    list(fails(2))
except KeyError as e:
    print("KeyError", e)


# yield from chains, nested collections, sums inside collections
def chain(depth):
    if depth == 0:
        yield from count(3)
        yield from "ab"
    else:
        yield depth
        yield from chain(depth - 1)


print(list(chain(4)), tuple(chain(1)))
print(list(list(count(i)) for i in range(4)), [sum(count(i)) for i in range(5)])
print(list(tuple(x for x in count(i)) for i in range(3)))


# the generator sees itself running
def self_aware():
    for i in range(2):
        print("running", box[0].gi_running)
        yield i
    try:
        next(box[0])
    except ValueError as e:
        print("ValueError", e)


box = [self_aware()]
print(list(box[0]), box[0].gi_running, box[0].gi_frame)


def stops():
    yield 1
    raise StopIteration


try:
    list(stops())
except RuntimeError as e:
    print("RuntimeError", e)

# many items (collections while collecting), and a generator resumed later
print(len(list(str(i) for i in range(20000))), sum(len(t) for t in (tuple(range(i % 7)) for i in range(3000))))
g = count(6)
print(next(g), list(g), list(g))


def deep(n):
    if n == 0:
        yield 1
        yield 2
    else:
        yield from deep(n - 1)


print(list(deep(100)))
try:
    list(deep(5000))
except RecursionError:
    print("RecursionError")


# any()/all(): values that cannot end the search are skipped at the yield;
# the generator is left suspended after the one that ends it
def flags(*vals):
    for v in vals:
        print("yield", repr(v))
        yield v


class Truth:
    def __init__(self, t):
        self.t = t

    def __bool__(self):
        print("bool", self.t)
        return self.t

    def __repr__(self):
        return "Truth(%r)" % self.t


g = flags(False, 0, None, 0.0, "", [], Truth(False), 3, False)
print(any(g), list(g))
g = flags(True, 1, -1, "x", [0], Truth(True), 0, True)
print(all(g), list(g))
print(any(x > 3 for x in range(10)), all(x < 3 for x in range(10)), any(x > 30 for x in range(10)), all(x < 30 for x in range(10)))
print(any(flags()), all(flags()), any(y for x in range(3) for y in flags(x, x)))


def bad_bool():
    yield False
    yield Truth(True)


print(any(bad_bool()))
try:
    all(x for x in [1, 2, {}.get("a") + 1])
except TypeError as e:
    print("TypeError", e)
