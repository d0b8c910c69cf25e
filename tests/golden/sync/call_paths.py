# Call paths: plain calls (with and without defaults), their returns,
# keyword binding in place, and the errors each path reports.
import sys


def f0():
    return 0


def f3(a, b, c):
    return a * 100 + b * 10 + c


def fd(a, b=2, c=3):
    return (a, b, c)


def outer(x, y=10):
    def inner(z, w=1):
        return x + y + z + w
    return inner


class K:
    def m(self, a, b=5):
        return (type(self).__name__, a, b)

    @classmethod
    def cm(cls, a=1):
        return (cls.__name__, a)

    @staticmethod
    def sm(a, b=2):
        return a - b


def kwo(a, *, s=1, t=0):
    return a * s + t


def posonly(a, b, /, c=3):
    return (a, b, c)


def va(a, *rest, k=0, **kw):
    return (a, rest, k, sorted(kw.items()))


print(f0(), f3(1, 2, 3), fd(1), fd(1, 5), fd(1, 5, 6), fd(a=7), fd(1, c=9))
inner = outer(1)
print(inner(2), inner(2, 3), outer(1, 2)(3))
k = K()
print(k.m(1), k.m(1, 2), K.m(k, 3), K.cm(), k.cm(4), K.sm(9), k.sm(9, 1))
bm = k.m
print(bm(7), bm(7, 8))
print(kwo(2), kwo(2, s=3), kwo(2, t=1, s=3))
print(posonly(1, 2), posonly(1, 2, c=4))
print(va(1), va(1, 2, 3, k=4, z=5, y=6))

# __defaults__ replaced after definition: calls see the new ones.
fd.__defaults__ = (20, 30)
print(fd(1), fd(1, 2))
fd.__defaults__ = (40,)
print(fd(1, 2))
try:
    fd(1)
except TypeError as e:
    print("TypeError:", e)

for call in (lambda: f3(1, 2), lambda: f3(1, 2, 3, 4), lambda: f3(1, 2, b=3),
             lambda: f3(1, 2, 3, d=4), lambda: fd(), lambda: kwo(1, 2),
             lambda: kwo(1, u=2), lambda: posonly(1, b=2), lambda: k.m(),
             lambda: K.sm(), lambda: inner(), lambda: f0(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


# Deep plain recursion, with and without defaults, and its limit.
def down(n, acc=0):
    if n == 0:
        return acc
    return down(n - 1, acc + n)


print(down(500), down(500, 1))


def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)


# Allocation inside recursion that never loops: collection still runs.
def build(n):
    if n == 0:
        return []
    lst = build(n - 1)
    lst.append([n] * 3)
    return lst


total = 0
for _ in range(200):
    total += len(build(300))
print(total)


# An exception raised in a callee unwinds through plain frames.
def boom(n):
    if n == 0:
        raise ValueError("deep")
    return boom(n - 1) + 1


try:
    boom(50)
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("ValueError:", e, depth)


# Returning into a generator frame and from within a generator.
def double(x):
    return x * 2


def gen(n):
    for i in range(n):
        yield double(i) + fd(i, 0)[0]


print(list(gen(5)))
print(sys.getrecursionlimit() > 100)


# `__code__` replaced: a call takes the path the new code needs.
def plain(a):
    return a


def gen1(a):
    yield a
    yield a + 1


def va2(*a):
    return a


def two(a, b=7):
    return (a, b)


p = lambda x: x * 2
print(p(3))
p.__code__ = gen1.__code__
print(list(p(5)))
p.__code__ = va2.__code__
print(p(1, 2, 3))
p.__code__ = plain.__code__
print(p(4))
p.__code__ = two.__code__
try:
    print(p(4))
except TypeError as e:
    print("TypeError:", e)
p.__defaults__ = (9,)
print(p(4), p(4, 5))
