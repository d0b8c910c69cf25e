# Attribute caches keyed per class: mutating one class's attributes in a
# hot loop must be seen through that class (and its subclasses) while the
# caches of unrelated classes keep describing them correctly.

class Counter:
    count = 0
    step = 1


class SubCounter(Counter):
    pass


class SubSub(SubCounter):
    label = "subsub"


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Other:
    kind = "other"

    def __init__(self):
        self.v = 3


def hot(n):
    pts = [Point(i, -i) for i in range(5)]
    o = Other()
    sc = SubCounter()
    ss = SubSub()
    total = 0
    for i in range(n):
        Counter.count += 1
        p = pts[i % 5]
        total += p.x + p.norm1() + o.v
        total += sc.count + ss.count + ss.step
        if i == n // 2:
            Counter.step = 10          # seen through both subclasses
            SubCounter.step = 100      # shadows the base for SubCounter/SubSub
        if i == n - 3:
            del SubCounter.step        # back to Counter.step
        if i % 7 == 0:
            # A class created at run time must not disturb the others.
            type("Dyn%d" % i, (Other,), {"kind": i})
    return total, Counter.count, sc.count, ss.step, o.kind


print(hot(200))


# A hook added to a base after the caches were filled.
class Base:
    pass


class Leaf(Base):
    def __init__(self):
        self.a = 1


def read(objs):
    return [getattr(o, "a", None) for o in objs] + [o.a for o in objs]


leaves = [Leaf() for _ in range(3)]
for _ in range(3):
    print(read(leaves))


def fallback(self, name):
    return "missing:" + name


Base.__getattr__ = fallback
print(read(leaves))
print(leaves[0].b)
del leaves[0].a
print(leaves[0].a)


# A method replaced on a base class while a subclass's method cache is warm.
class Greeter:
    def hello(self):
        return "hello"


class Loud(Greeter):
    pass


g = Loud()
out = []
for i in range(6):
    out.append(g.hello())
    if i == 2:
        Greeter.hello = lambda self: "HELLO"
print(out)


# A class attribute whose own class later gains __get__.
class Thing:
    pass


class Holder:
    t = Thing()


h = Holder()
seen = []
for i in range(4):
    seen.append(type(h.t).__name__)
    if i == 1:
        Thing.__get__ = lambda self, obj, cls: "via __get__"
print(seen)
