# In-place operators: __iadd__ etc., fallback to binary ops, immutables, return values.
class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        print("  __iadd__")
        self.v += o
        return self
    def __add__(self, o):
        print("  __add__")
        return Acc(self.v + o)
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __itruediv__(self, o):
        self.v /= o
        return self
    def __ifloordiv__(self, o):
        self.v //= o
        return self
    def __imod__(self, o):
        self.v %= o
        return self
    def __ipow__(self, o):
        self.v **= o
        return self
    def __ilshift__(self, o):
        self.v <<= o
        return self
    def __irshift__(self, o):
        self.v >>= o
        return self
    def __iand__(self, o):
        self.v &= o
        return self
    def __ior__(self, o):
        self.v |= o
        return self
    def __ixor__(self, o):
        self.v ^= o
        return self
    def __imatmul__(self, o):
        self.v = f"matmul {o}"
        return self
    def __repr__(self):
        return f"Acc({self.v})"
a = Acc(10)
orig = a
a += 5
print(a, a is orig)
a -= 3; print(a)
a *= 4; print(a)
a //= 5; print(a)
a %= 7; print(a)
a **= 3; print(a)
a <<= 2; print(a)
a >>= 1; print(a)
a &= 0xF0; print(a)
a |= 0x0F; print(a)
a ^= 0xFF; print(a)
a /= 2; print(a)
a @= "x"; print(a, a is orig)
class OnlyAdd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        print("  OnlyAdd.__add__")
        return OnlyAdd(self.v + o)
b = OnlyAdd(1)
b_orig = b
b += 1
print(b.v, b is b_orig)
class ReturnsOther:
    def __iadd__(self, o):
        return "replaced by return value"
c = ReturnsOther()
c += 1
print(c)
class IaddNotImpl:
    def __iadd__(self, o):
        print("  __iadd__ returns NotImplemented")
        return NotImplemented
    def __add__(self, o):
        return "fell back to __add__"
d = IaddNotImpl()
d += 1
print(d)
class RaddOnly:
    def __radd__(self, o):
        return f"radd from {o!r}"
x = 5
x += RaddOnly()
print(x)
class IaddReturnsNone:
    def __iadd__(self, o):
        pass
e = IaddReturnsNone()
e += 1
print(e)
lst = [1]
alias = lst
lst += (2, 3)
print(lst, alias is lst)
tup = (1,)
t_alias = tup
tup += (2,)
print(tup, t_alias)
s = "a"
s += "b"
print(s)
class Neither:
    pass
n = Neither()
try:
    n += 1
except TypeError as err:
    print(type(err).__name__, err)
try:
    n **= 2
except TypeError as err:
    print(type(err).__name__, err)
try:
    n @= 2
except TypeError as err:
    print(type(err).__name__, err)
