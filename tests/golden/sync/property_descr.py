# property: getter/setter/deleter, decorator and call forms, read-only errors, docs.
class Temperature:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        """Temperature in Celsius."""
        print("  get celsius")
        return self._c
    @celsius.setter
    def celsius(self, v):
        print("  set celsius", v)
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("  delete celsius")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
try:
    t.celsius
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del t.fahrenheit
except AttributeError as e:
    print(type(e).__name__, e)
print(Temperature.celsius.__doc__, type(Temperature.celsius).__name__)
print(Temperature.celsius.fget.__name__, Temperature.fahrenheit.fset, Temperature.fahrenheit.fdel)
class Old:
    def _get(self):
        return self._v
    def _set(self, v):
        self._v = v * 2
    def _del(self):
        self._v = None
    v = property(_get, _set, _del, "the v property")
o = Old()
o.v = 4
print(o.v, Old.v.__doc__)
del o.v
print(o.v)
class Lazy:
    def __init__(self):
        self.computed = 0
    @property
    def value(self):
        self.computed += 1
        return 42
lz = Lazy()
print(lz.value, lz.value, lz.computed)
class Shadow:
    @property
    def x(self):
        return "property wins"
s = Shadow()
s.__dict__["x"] = "instance dict"
print(s.x)
class Sub(Temperature):
    @Temperature.celsius.getter
    def celsius(self):
        return "sub getter " + str(self._c)
sb = Sub(5)
print(sb.celsius)
sb.celsius = 7
print(sb.celsius)
p = property()
class UsesEmpty:
    e = p
try:
    UsesEmpty().e
except AttributeError as err:
    print(type(err).__name__, err)
class Counter:
    _count = 0
    @property
    def count(self):
        return type(self)._count
    @count.setter
    def count(self, v):
        type(self)._count = v
c1, c2 = Counter(), Counter()
c1.count = 5
print(c2.count)
class Computed:
    def __init__(self, w, h):
        self.w, self.h = w, h
    area = property(lambda self: self.w * self.h)
print(Computed(3, 4).area)
class GetterRaises:
    @property
    def bad(self):
        raise KeyError("inside getter")
try:
    GetterRaises().bad
except KeyError as err:
    print(type(err).__name__, err)
print(hasattr(GetterRaises(), "bad") if False else "skip")
class AttrErrGetter:
    @property
    def x(self):
        raise AttributeError("from getter")
    def __getattr__(self, name):
        return f"__getattr__ fallback for {name}"
print(AttrErrGetter().x)
