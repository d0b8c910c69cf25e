# __new__, __init__, __repr__, __str__, __format__ interplay.
class Tracked:
    def __new__(cls, *args, **kwargs):
        print("__new__", cls.__name__, args, kwargs)
        inst = super().__new__(cls)
        inst.created = True
        return inst
    def __init__(self, v, tag=None):
        print("__init__", v, tag)
        self.v = v
t = Tracked(1, tag="x")
print(t.created, t.v)
class ReturnsOther:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never called since __new__ returned non-instance")
print(ReturnsOther())
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self):
        print("init runs each time")
print(Singleton() is Singleton())
class ImmutablePoint(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    def __repr__(self):
        return f"IP{tuple(self)}"
ip = ImmutablePoint(3, 4)
print(ip, ip.x, len(ip), ip + (5,), isinstance(ip, tuple))
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr("abc"), type(UpperStr("x")).__name__, UpperStr("q") == "Q")
class BothReprs:
    def __repr__(self):
        return "BothReprs(repr)"
    def __str__(self):
        return "BothReprs as str"
b = BothReprs()
print(b, str(b), repr(b), [b], (b,), {"k": b}, f"{b}", f"{b!r}", "%s %r" % (b, b), "{} {!r}".format(b, b))
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
print(OnlyRepr(), str(OnlyRepr()), f"{OnlyRepr()}")
class OnlyStr:
    def __str__(self):
        return "only str"
o = OnlyStr()
print(o, repr(o).startswith("<__main__.OnlyStr object at 0x"))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
class Fmt:
    def __format__(self, spec):
        return f"Fmt<{spec or 'empty'}>"
print(format(Fmt()), format(Fmt(), "x"), f"{Fmt():>10}", "{:abc}".format(Fmt()))
class NoFormat:
    pass
try:
    format(NoFormat(), "d")
except TypeError as e:
    print(type(e).__name__, e)
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(type(e).__name__, e)
class NewOnly:
    def __new__(cls, a):
        return super().__new__(cls)
print(type(NewOnly(1)).__name__)
class Recursive:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"R{self.children}"
r = Recursive()
r.children.append(Recursive())
print(r)
class ReprSub(list):
    def __repr__(self):
        return "ReprSub" + super().__repr__()
print(ReprSub([1, 2]), [ReprSub()])
print(object.__repr__(BothReprs()).startswith("<__main__.BothReprs object"), object.__str__(b))
