# __getattr__, __getattribute__, __setattr__, __delattr__, __dir__.
class Dynamic:
    def __init__(self):
        self.real = "real attr"
    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        if name.startswith("x_"):
            return name[2:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dynamic()
print(d.real, d.x_hello)
try:
    d.other
except AttributeError as e:
    print(type(e).__name__, e)
print(getattr(d, "x_dflt", "unused"), getattr(d, "missing", "default used"), hasattr(d, "x_y"), hasattr(d, "nope"))
class Recorder:
    def __init__(self):
        object.__setattr__(self, "log", [])
    def __setattr__(self, name, value):
        self.log.append(f"set {name}={value!r}")
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        self.log.append(f"del {name}")
        object.__delattr__(self, name)
r = Recorder()
r.a = 1
r.b = [2]
setattr(r, "c", 3)
del r.a
delattr(r, "b")
print(r.log, vars(r))
class ReadOnly:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name!r}: read-only")
ro = ReadOnly(5)
try:
    ro.v = 6
except AttributeError as e:
    print(type(e).__name__, e, ro.v)
class Everything:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def method(self):
        return "method ok"
ev = Everything()
ev.plain = "plain"
print(ev.secret, ev.plain, ev.method())
class Fallback:
    def __getattribute__(self, name):
        print(f"  __getattribute__({name!r})")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return f"fallback {name}"
fb = Fallback()
fb.x = 1
print(fb.x)
print(fb.y)
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
    def __getattr__(self, name):
        return getattr(self._target, name)
    def __setattr__(self, name, value):
        setattr(self._target, name, value)
class Target:
    def hello(self):
        return "hello from target"
tg = Target()
px = Proxy(tg)
px.attr = 42
print(px.hello(), tg.attr, px.attr, "attr" in vars(px))
class WithDir:
    def __init__(self):
        self.b = 1
        self.a = 2
    def method(self):
        pass
    def __dir__(self):
        return ["zeta", "alpha"]
print(dir(WithDir()))
print([n for n in dir(Target()) if not n.startswith("__")], [n for n in dir(WithDir) if not n.startswith("__")])
class Ns:
    pass
n = Ns()
setattr(n, "with space", 1)
print(getattr(n, "with space"), vars(n))
try:
    getattr(n, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(n, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(n, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
class ClassLevel:
    counter = 0
print(getattr(ClassLevel, "counter"), hasattr(ClassLevel, "__getattr__"))
setattr(ClassLevel, "counter", 10)
print(ClassLevel.counter, ClassLevel().counter)
try:
    object().x = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    (1).real = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    "s".nonexistent
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len.__name__ = "x"
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
try:
    int.new_attr = 1
except TypeError as e:
    print(type(e).__name__, e)
class GetattrRaisesOther:
    def __getattr__(self, name):
        raise KeyError(name)
try:
    hasattr(GetattrRaisesOther(), "k")
except KeyError as e:
    print("hasattr propagates non-AttributeError:", type(e).__name__, e)
