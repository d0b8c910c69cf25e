# More inline-cache edge cases: replaced __dict__, non-interned keys,
# dict index hints after deletions, class attributes whose type gains
# __get__ later, built-in and user-subclass-of-built-in receivers.

class O:
    def __init__(self, a, b):
        self.a = a
        self.b = b

def ab(o):
    return (o.a, o.b)

def set_a(o, v):
    o.a = v

objs = [O(i, -i) for i in range(4)]
for o in objs:
    print(ab(o))
objs[1].__dict__ = {"b": "B", "a": "A"}
print(ab(objs[1]))
set_a(objs[1], "A2")
print(ab(objs[1]), objs[1].__dict__)
key = "".join(["a", "b", "c"])
o = O(1, 2)
setattr(o, key, "non-interned")
def read_abc(o):
    return o.abc
for _ in range(2):
    print(read_abc(o))
del o.a
try:
    ab(o)
except AttributeError as ex:
    print("AttributeError", ex)
set_a(o, "back")
print(ab(o), list(o.__dict__))
for _ in range(3):
    for x in objs:
        set_a(x, 0)
print([ab(x) for x in objs])

# a plain class attribute whose class later becomes a descriptor
class Marker:
    pass
class Holder:
    attr = Marker()
h = Holder()
def read_attr(o):
    return o.attr
print(type(read_attr(h)).__name__)
Marker.__get__ = lambda self, obj, owner: "now a descriptor"
print(read_attr(h))
Marker.__set__ = lambda self, obj, v: print("set intercepted", v)
def write_attr(o, v):
    o.attr = v
write_attr(h, 1)
print(h.__dict__)
del Marker.__set__
write_attr(h, 2)
print(h.__dict__, read_attr(h))
del Marker.__get__
print(read_attr(h))
del h.attr
print(type(read_attr(h)).__name__)

# class counters (class attribute read through instances, written on the class)
class Counter:
    n = 0
    def bump(self):
        type(self).n += 1
        return self.n
c = Counter()
print([c.bump() for _ in range(4)])
c.n = 100
print(c.bump(), Counter.n)

# built-in receivers and user subclasses of built-ins
def up(s):
    return s.upper()
class MyStr(str):
    pass
print(up("a"), up(MyStr("b")), up("c"))
def bits(n):
    return n.bit_length()
print(bits(255), bits(True), bits(2 ** 70))
class MyList(list):
    pass
ml = MyList()
ml.tag = "t"
def tag(o):
    return o.tag
print(tag(ml))
ml.tag = "u"
print(tag(ml))
def f():
    pass
f.tag = "function attr"
print(tag(f))
try:
    [].tag = 1
except AttributeError as ex:
    print("AttributeError", ex)
try:
    tag([])
except AttributeError as ex:
    print("AttributeError", ex)
e = ValueError("x")
e.tag = "exc attr"
print(tag(e))

# __slots__ with __dict__, and a subclass of a slotted class
class SD:
    __slots__ = ("a", "__dict__")
class SDSub(SD):
    pass
for cls in (SD, SDSub, SD):
    s = cls()
    set_a(s, 1)
    s.b = 2
    print(cls.__name__, s.a, s.b, s.__dict__)

# __getattr__ only for missing names; instance dict wins
class G:
    x = "class"
    def __getattr__(self, n):
        return "missing " + n
g = G()
def rx(o):
    return o.x
def ry(o):
    return o.y
for _ in range(2):
    print(rx(g), ry(g))
g.y = "inst y"
print(ry(g))
del g.y
print(ry(g))

# methods: shadowing by the instance dict, then removal, through LoadMethod
class M:
    def go(self):
        return "method"
def go(o):
    return o.go()
m = M()
print(go(m))
m.go = lambda: "instance"
print(go(m))
del m.go
print(go(m))
M.go = 42
try:
    go(m)
except TypeError as ex:
    print("TypeError", ex)
M.go = staticmethod(lambda: "static")
print(go(m))
M.go = classmethod(lambda cls: "classmethod " + cls.__name__)
print(go(m))
