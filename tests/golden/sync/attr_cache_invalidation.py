# Attribute / method / global lookups stay correct while the caches behind
# them are warm: every case runs the same code site several times, changes
# something, and runs it again.

class A:
    x = 1
    def m(self):
        return "A.m"

class B(A):
    pass

def read_x(o):
    return o.x

def call_m(o):
    return o.m()

def get_m(o):
    return o.m

b = B()
for _ in range(3):
    print(read_x(b), call_m(b))
# class attribute mutation, on the class and on a base
B.x = 2
print(read_x(b))
A.x = 3
del B.x
print(read_x(b))
A.m = lambda self: "new A.m"
print(call_m(b), get_m(b)())
B.m = lambda self: "B.m"
print(call_m(b))
del B.m
print(call_m(b))
# instance dict shadows non-data attributes, deletion un-shadows
b.x = 10
b.m = lambda: "instance m"
for _ in range(3):
    print(read_x(b), call_m(b))
del b.x
del b.m
print(read_x(b), call_m(b))
b.__dict__["x"] = 11
print(read_x(b))
b.__dict__.clear()
print(read_x(b))

# different types through one site
class C:
    def __init__(self, v):
        self.x = v
    def m(self):
        return "C.m"
objs = [b, C(5), C(6), b, A()]
for o in objs:
    print(read_x(o), call_m(o))

# many instances with different key orders
class P:
    pass
ps = []
for i in range(6):
    p = P()
    if i % 2:
        p.a = i
        p.b = -i
    else:
        p.b = -i
        p.a = i
    ps.append(p)
def sum_ab(ps):
    t = 0
    for p in ps:
        t += p.a * 10 + p.b
    return t
print(sum_ab(ps))
ps[2].a = 100
del ps[3].b
ps[3].b = 7
print(sum_ab(ps))

# data descriptors beat the instance dict; non-data ones do not
class D:
    @property
    def x(self):
        return "prop"
class DD(D):
    pass
d = DD()
d.__dict__["x"] = "dict"
for _ in range(3):
    print(read_x(d))
D.x = "plain"
print(read_x(d))
del d.__dict__["x"]
print(read_x(d))

class NonData:
    def __get__(self, obj, owner):
        return "nondata"
class DataDesc:
    def __get__(self, obj, owner):
        return "data"
    def __set__(self, obj, v):
        obj.__dict__["_v"] = v
class E:
    x = NonData()
e = E()
print(read_x(e))
e.x = "inst"
print(read_x(e))
E.x = DataDesc()
print(read_x(e))
e.x = 5
print(e._v, e.__dict__["x"])
NonData.__set__ = lambda self, obj, v: None
E.x = NonData()
e.x = 6
print(read_x(e), e.__dict__["x"])

# property with setter, then replaced
class Pr:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x * 2
    @x.setter
    def x(self, v):
        self._x = v
def set_x(o, v):
    o.x = v
pr = Pr()
for i in range(3):
    set_x(pr, i)
    print(read_x(pr))
del Pr.x
set_x(pr, 9)
print(read_x(pr), pr._x)

# __slots__
class S:
    __slots__ = ("x", "y")
s = S()
for i in range(3):
    set_x(s, i)
    print(read_x(s))
try:
    s.z = 1
except AttributeError as ex:
    print("AttributeError", ex)
del s.x
try:
    read_x(s)
except AttributeError as ex:
    print("AttributeError", ex)

# hooks added after creation
class H:
    pass
h = H()
h.x = 1
def read_y(o):
    return o.y
for _ in range(2):
    try:
        read_y(h)
    except AttributeError:
        print("no y")
H.__getattr__ = lambda self, n: "getattr " + n
print(read_y(h), read_x(h))
del H.__getattr__
try:
    read_y(h)
except AttributeError:
    print("no y again")
log = []
def logging_setattr(self, n, v):
    log.append(n)
    object.__setattr__(self, n, v)
for i in range(2):
    set_x(h, i)
H.__setattr__ = logging_setattr
set_x(h, 42)
print(log, read_x(h))
del H.__setattr__
set_x(h, 43)
print(log, read_x(h))
H.__getattribute__ = lambda self, n: "ga " + n
print(read_x(h), call_m.__name__)
try:
    print(call_m(h))
except TypeError as ex:
    print("TypeError", ex)
del H.__getattribute__
print(read_x(h))
dl = []
H.__delattr__ = lambda self, n: dl.append(n)
del h.x
print(dl, read_x(h))
del H.__delattr__
del h.x
print(hasattr(h, "x"))

# hook in a base class added later
class Base:
    pass
class Derived(Base):
    pass
dv = Derived()
dv.x = 1
print(read_x(dv))
Base.__getattribute__ = lambda self, n: "base ga"
print(read_x(dv))
del Base.__getattribute__
print(read_x(dv))

# __class__ assignment
class K1:
    def m(self):
        return "K1.m"
class K2:
    x = "K2.x"
    def m(self):
        return "K2.m"
k = K1()
k.x = "inst"
for _ in range(2):
    print(call_m(k), read_x(k))
k.__class__ = K2
print(call_m(k), read_x(k))
del k.x
print(read_x(k))

# metaclasses
class Meta(type):
    y = "meta y"
    def m(cls):
        return "Meta.m"
class WithMeta(metaclass=Meta):
    x = "class x"
for _ in range(2):
    print(read_x(WithMeta), read_y(WithMeta), call_m(WithMeta))
Meta.x = property(lambda cls: "meta property")
print(read_x(WithMeta))
WithMeta.m = staticmethod(lambda: "static m")
print(call_m(WithMeta), call_m(WithMeta()))

# classmethod / staticmethod through instances
class CM:
    @classmethod
    def m(cls):
        return "cm " + cls.__name__
class CM2(CM):
    pass
for o in (CM(), CM2(), CM()):
    print(call_m(o))
CM.m = staticmethod(lambda: "sm")
print(call_m(CM2()))

# methods of built-in types, and user subclasses of them
class MyList(list):
    def append(self, v):
        list.append(self, v * 2)
def app(l, v):
    l.append(v)
    return l
print(app([], 1), app(MyList(), 1), app([], 2), app(MyList(), 3))
ml = MyList()
ml.append = lambda v: print("shadowed append", v)
app(ml, 5)

# module attributes
import types
mod = types.ModuleType("mod")
mod.f = lambda: "f1"
def call_f(m):
    return m.f()
def read_f(m):
    return m.f
for _ in range(2):
    print(call_f(mod))
mod.f = lambda: "f2"
print(call_f(mod), read_f(mod)())
del mod.f
try:
    call_f(mod)
except AttributeError as ex:
    print("AttributeError", ex)
mod.__getattr__ = lambda n: (lambda: "module getattr " + n)
print(call_f(mod))

# globals reassigned, deleted, builtins shadowed later
gv = 1
def read_gv():
    return gv
def use_len():
    return len("abc")
for _ in range(2):
    print(read_gv(), use_len())
gv = 2
print(read_gv())
del gv
try:
    read_gv()
except NameError as ex:
    print("NameError", ex)
gv = 3
print(read_gv())
len = lambda s: "shadowed len"
print(use_len())
del len
print(use_len())
import builtins
builtins.len = lambda s: "builtins len replaced"
print(use_len())
