# match: class patterns with positional (__match_args__) and keyword sub-patterns.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z
class Circle:
    __match_args__ = ("center", "r")
    def __init__(self, center, r):
        self.center = center
        self.r = r
def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(cx, cy), r=radius):
            return f"circle at ({cx},{cy}) r={radius}"
        case Point():
            return f"some point {p}"
        case _:
            return "not a point"
for v in [Point(0, 0), Point3(0, 0, 0), Point3(0, 0, 1), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(1, 1), 4), "pt"]:
    print(v if not isinstance(v, Circle) else "Circle", "->", where(v))
def builtins_match(x):
    match x:
        case bool(b):
            return f"bool {b}"
        case int(n) if n < 0:
            return f"negative int {n}"
        case int(n):
            return f"int {n}"
        case float(f):
            return f"float {f}"
        case str(s) if s:
            return f"str {s!r}"
        case str():
            return "empty str"
        case bytes(b):
            return f"bytes {b!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case tuple(t):
            return f"tuple {t}"
        case dict(d):
            return f"dict with {len(d)}"
        case set() | frozenset():
            return "a set"
        case None:
            return "none"
    return "other"
for v in [True, -5, 5, 2.5, "s", "", b"b", [9, 8], (1,), {"a": 1}, {1}, frozenset(), None, object]:
    print(repr(v), "->", builtins_match(v))
class NoArgs:
    pass
def too_many(x):
    match x:
        case NoArgs(a):
            return a
try:
    too_many(NoArgs())
except TypeError as e:
    print(type(e).__name__, e)
class Short:
    __match_args__ = ("a",)
    a = 1
def short(x):
    match x:
        case Short(p, q):
            return p, q
try:
    short(Short())
except TypeError as e:
    print(type(e).__name__, e)
class Missing:
    __match_args__ = ("nope",)
def missing(x):
    match x:
        case Missing(v):
            return v
        case Missing():
            return "attribute missing means no match"
print(missing(Missing()))
def kw_only(x):
    match x:
        case Point(y=2, x=1):
            return "kw both"
        case Point(x=1, nonexistent=2):
            return "impossible"
    return "no"
print(kw_only(Point(1, 2)), kw_only(Point(1, 3)))
def not_a_class(x):
    bad = 5
    match x:
        case bad():
            return 1
try:
    not_a_class(1)
except TypeError as e:
    print(type(e).__name__, e)
class BadArgs:
    __match_args__ = ["x"]
def bad_args(x):
    match x:
        case BadArgs(a):
            return a
try:
    bad_args(BadArgs())
except TypeError as e:
    print(type(e).__name__, e)
class Dup:
    __match_args__ = ("x",)
    x = 1
def dup(v):
    match v:
        case Dup(a, x=b):
            return a, b
try:
    dup(Dup())
except TypeError as e:
    print(type(e).__name__, e)
