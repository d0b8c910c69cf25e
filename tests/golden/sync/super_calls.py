# super(): zero-arg and two-arg forms, __init__ chains, cooperative multiple inheritance.
class Base:
    def __init__(self, x):
        print("Base.__init__", x)
        self.x = x
    def describe(self):
        return f"Base(x={self.x})"
class Child(Base):
    def __init__(self, x, y):
        print("Child.__init__", x, y)
        super().__init__(x)
        self.y = y
    def describe(self):
        return "Child+" + super().describe()
c = Child(1, 2)
print(c.describe(), c.x, c.y)
class A:
    def __init__(self, **kw):
        print("A init", sorted(kw))
        super().__init__(**kw)
    def go(self):
        return ["A"]
class B(A):
    def __init__(self, b=None, **kw):
        print("B init", b)
        super().__init__(**kw)
    def go(self):
        return ["B"] + super().go()
class C(A):
    def __init__(self, c=None, **kw):
        print("C init", c)
        super().__init__(**kw)
    def go(self):
        return ["C"] + super().go()
class D(B, C):
    def __init__(self, **kw):
        print("D init")
        super().__init__(**kw)
    def go(self):
        return ["D"] + super().go()
d = D(b=1, c=2)
print(d.go(), [k.__name__ for k in D.__mro__])
print(super(B, d).go(), super(C, d).go(), super(D, d).go())
class Logger:
    def log(self, msg):
        return f"[{type(self).__name__}] {msg}"
class Timestamped(Logger):
    def log(self, msg):
        return super().log(f"t=0 {msg}")
class Tagged(Logger):
    def log(self, msg):
        return super().log(f"#tag {msg}")
class Fancy(Timestamped, Tagged):
    pass
print(Fancy().log("hello"))
class WithClassMethod:
    @classmethod
    def create(cls):
        return f"created {cls.__name__}"
class SubCM(WithClassMethod):
    @classmethod
    def create(cls):
        return "sub " + super().create()
print(SubCM.create())
class StaticParent:
    @staticmethod
    def helper():
        return "parent helper"
class StaticChild(StaticParent):
    def use(self):
        return super().helper()
print(StaticChild().use())
class Prop:
    @property
    def value(self):
        return 10
class PropChild(Prop):
    @property
    def value(self):
        return super().value * 2
print(PropChild().value)
class NewBase:
    def __new__(cls, *args):
        print("NewBase.__new__", cls.__name__, args)
        return super().__new__(cls)
class NewChild(NewBase):
    def __new__(cls, *args):
        print("NewChild.__new__")
        return super().__new__(cls, *args)
    def __init__(self, v):
        self.v = v
print(NewChild(5).v)
sp = super(Child, c)
print(type(sp).__name__, sp.describe())
def outside():
    try:
        super()
    except RuntimeError as e:
        print(type(e).__name__, e)
outside()
class Repr:
    def __repr__(self):
        return "Repr+" + super().__repr__()[:8]
print(repr(Repr()))
class AttrChain:
    def __getattr__(self, name):
        return f"getattr {name}"
class AttrChild(AttrChain):
    def __getattr__(self, name):
        return "child " + super().__getattr__(name)
print(AttrChild().anything)
try:
    super(int, "str")
except TypeError as e:
    print(type(e).__name__, e)
class Str(str):
    def upper(self):
        return "custom " + super().upper()
print(Str("abc").upper(), len(Str("xy")))
class L(list):
    def append(self, v):
        super().append(v * 2)
l = L([1])
l.append(5)
print(l, type(l).__name__)
class Dct(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, str(v))
dd = Dct()
dd["a"] = 1
print(dd)
