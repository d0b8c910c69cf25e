# __slots__: restricted attributes, inheritance, __dict__ absence, defaults.
class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Point.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
class Partial:
    __slots__ = ("a", "b")
pp = Partial()
pp.a = 1
try:
    pp.b
except AttributeError as e:
    print(type(e).__name__, e)
del pp.a
try:
    del pp.a
except AttributeError as e:
    print(type(e).__name__, e)
class Child(Point):
    pass
ch = Child(1, 2)
ch.extra = "child has dict"
print(ch.extra, hasattr(ch, "__dict__"), ch.__dict__)
class SlottedChild(Point):
    __slots__ = ("z",)
sc = SlottedChild(1, 2)
sc.z = 3
print(sc.x, sc.y, sc.z, hasattr(sc, "__dict__"))
try:
    sc.w = 4
except AttributeError as e:
    print(type(e).__name__, e)
class WithDict:
    __slots__ = ("a", "__dict__")
wd = WithDict()
wd.a = 1
wd.b = 2
print(wd.a, wd.b, wd.__dict__)
class StrSlot:
    __slots__ = "only"
s = StrSlot()
s.only = "single string slot"
print(s.only, StrSlot.__slots__)
print(type(Point.__dict__["x"]).__name__)
try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)
class ClassAttr:
    __slots__ = ()
    constant = "class level ok"
ca = ClassAttr()
print(ca.constant)
try:
    ca.constant = "nope"
except AttributeError as e:
    print(type(e).__name__, e)
class Eq:
    __slots__ = ("v",)
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
    def __repr__(self):
        return f"Eq({self.v})"
print(Eq(1) == Eq(1), [Eq(2)], sorted(Point.__slots__))
print(getattr(p, "y"), setattr(p, "y", 99), p.y)
