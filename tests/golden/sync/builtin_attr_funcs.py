# getattr/setattr/hasattr/delattr, callable, vars, dir (non-dunder names).
class Thing:
    class_attr = "class"
    def __init__(self):
        self.a = 1
        self.b = 2
    def method(self):
        return "m"
    @property
    def prop(self):
        return "p"
    @staticmethod
    def smeth():
        pass
t = Thing()
print(getattr(t, "a"), getattr(t, "class_attr"), getattr(t, "prop"), getattr(t, "method")(), getattr(t, "zzz", "dflt"))
setattr(t, "c", 3)
print(t.c, hasattr(t, "c"), hasattr(t, "nope"), hasattr(t, "prop"), hasattr(Thing, "a"), hasattr(Thing, "method"))
delattr(t, "c")
print(hasattr(t, "c"))
print(vars(t), sorted(k for k in vars(Thing) if not k.startswith("__")))
print([n for n in dir(t) if not n.startswith("__")])
print([n for n in dir(Thing) if not n.startswith("__")])
class Child(Thing):
    extra = 1
    def __init__(self):
        super().__init__()
        self.z = 26
print([n for n in dir(Child()) if not n.startswith("__")])
print(callable(t), callable(t.method), callable(Thing), callable(len), callable(lambda: 0), callable("s"), callable(None), callable(Thing.smeth))
class CallMe:
    def __call__(self):
        pass
print(callable(CallMe()), callable(CallMe))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    vars(t, t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    getattr(t)
except TypeError as e:
    print(type(e).__name__, e)
try:
    setattr(t, None, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    delattr(t, "nonexistent")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(t, "nonexistent")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(t, "prop")
except AttributeError as e:
    print(type(e).__name__, e)
v = vars(t)
v["injected"] = "via vars"
print(t.injected)
def f():
    pass
f.attr = 1
print(vars(f), getattr(f, "__name__"), hasattr(f, "__call__"))
print([n for n in dir([]) if not n.startswith("_")])
print([n for n in dir("") if not n.startswith("_")][:10])
print([n for n in dir({}) if not n.startswith("_")])
print(sorted(n for n in dir(3) if not n.startswith("_")))
def local_dir():
    x = 1
    y = 2
    return dir()
print(local_dir())
