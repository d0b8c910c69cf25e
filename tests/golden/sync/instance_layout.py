# Instance attributes kept inline with per-class shared keys: every way
# of reaching the namespace must behave as a plain __dict__ would.
import copy
from dataclasses import dataclass


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y


# Same order in every instance, then a different order.
a = P(1, 2)
b = P(3, 4)
print(a.x, a.y, b.x, b.y, a.norm(), b.norm())
c = P.__new__(P)
c.y = 10
c.x = 20
print(c.__dict__, c.norm())
print(vars(a), vars(b))

# Order after del and re-add.
d = P(5, 6)
d.z = 7
del d.x
print(d.__dict__)
d.x = 8
print(d.__dict__, d.x, d.y, d.z)
try:
    del d.x
    del d.x
except AttributeError as e:
    print("AttributeError", e)
try:
    d.x
except AttributeError as e:
    print("AttributeError", e)

# __dict__ is live both ways, and the same object every time.
e = P(1, 1)
dd = e.__dict__
print(dd is e.__dict__)
dd["x"] = 100
dd["w"] = "new"
print(e.x, e.w, e.norm())
e.y = 50
e.v = 60
print(dd)
del dd["w"]
print(hasattr(e, "w"), e.__dict__)
dd.clear()
print(hasattr(e, "x"), e.__dict__)
e.x = 1
print(dd)

# __dict__ assignment.
f = P(1, 2)
f.__dict__ = {"q": 9, "x": 3}
print(f.q, f.x, hasattr(f, "y"), vars(f))

# __class__ assignment.
class Q:
    def __init__(self):
        self.a = "qa"

    def who(self):
        return "Q " + str(self.__dict__)


class R:
    def __init__(self):
        self.b = "rb"
        self.a = "ra"

    def who(self):
        return "R " + str(self.__dict__)


q = Q()
r = R()
q.__class__ = R
print(q.who(), q.a, hasattr(q, "b"))
r2 = R()
print(r2.who(), r.who())
q.b = 1
print(q.who())

# More attributes than a class shares.
class Many:
    pass


m = Many()
for i in range(50):
    setattr(m, "a%d" % i, i)
print(len(vars(m)), m.a0, m.a29, m.a30, m.a49)
m2 = Many()
for i in range(40):
    setattr(m2, "a%d" % i, i * 2)
print(list(vars(m2))[:3], list(vars(m2))[-3:], m2.a35, getattr(m2, "a39"))

# Different insertion orders across instances of one class.
class O:
    pass


objs = []
for order in (("a", "b", "c"), ("b", "a", "c"), ("a", "c", "b"), ("a", "b", "c", "d"), ("a",)):
    o = O()
    for n in order:
        setattr(o, n, n.upper())
    objs.append(o)
for o in objs:
    print(vars(o), getattr(o, "a"), getattr(o, "c", "-"))


def read_all(o):
    return (o.a, getattr(o, "b", None), getattr(o, "c", None))


for _ in range(3):
    print([read_all(o) for o in objs])

# Subclass instances (own keys) and a base-class method on both.
class Base:
    def __init__(self):
        self.k = 1
        self.j = 2

    def total(self):
        return self.k + self.j


class Sub(Base):
    def __init__(self):
        self.extra = 10
        super().__init__()

    def total(self):
        return super().total() + self.extra


for o in (Base(), Sub(), Base(), Sub()):
    print(type(o).__name__, o.total(), vars(o))

# __slots__ classes are untouched.
class S:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1


s = S()
print(s.p, hasattr(s, "q"), hasattr(s, "__dict__"))
try:
    s.z = 3
except AttributeError as e:
    print("AttributeError", e)
s.q = 2
del s.p
print(hasattr(s, "p"), s.q)


class SD(S):
    pass


sd = SD()
sd.r = 5
print(sd.p, sd.r, vars(sd))

# getattr / setattr / delattr / hasattr with computed names.
g = P(0, 0)
name = "".join(["x"])
setattr(g, name, 42)
print(getattr(g, "x"), g.x, hasattr(g, "nope"), getattr(g, "nope", "dflt"))
setattr(g, "".join(["n", "e", "w"]), "N")
print(g.new, vars(g))
delattr(g, "new")
print(vars(g))

# __getattr__ fallback.
class G:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return "fallback:" + name


gg = G()
print(gg.real, gg.missing)
gg.missing = 2
print(gg.missing)

# Instance attribute shadowing a method and a class attribute.
class Sh:
    kind = "class"

    def meth(self):
        return "method"


sh = Sh()
print(sh.kind, sh.meth())
for _ in range(2):
    sh2 = Sh()
    sh2.kind = "instance"
    sh2.meth = lambda: "shadowed"
    print(sh.kind, sh.meth(), sh2.kind, sh2.meth())
del sh2.meth
print(sh2.meth(), sh2.kind)
Sh.kind = "changed"
print(sh.kind, sh2.kind)

# copy.copy and copy.deepcopy
p1 = P([1], 2)
p2 = copy.copy(p1)
p3 = copy.deepcopy(p1)
p1.x.append(9)
print(vars(p2), vars(p3), p2.norm() if False else p2.y)

# dataclasses
@dataclass
class DC:
    a: int
    b: str = "b"


print(DC(1), DC(1) == DC(1), DC(1, "c") == DC(1), vars(DC(2, "z")))

# A hot loop mixing the cached paths.
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None


head = None
for i in range(100):
    n = Node(i)
    n.next = head
    head = n
total = 0
while head is not None:
    total += head.v
    head.v = 0
    head = head.next
print(total)
