# Arithmetic dunders: forward, reflected, unary, and the dispatch order.
class Vec:
    def __init__(self, *c):
        self.c = c
    def __repr__(self):
        return f"Vec{self.c}"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return Vec(*(a + o for a in self.c))
        return NotImplemented
    def __radd__(self, o):
        print("  __radd__", o)
        return self + o
    def __sub__(self, o):
        return Vec(*(a - b for a, b in zip(self.c, o.c)))
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vec(*(a * k for a in self.c))
        if isinstance(k, Vec):
            return sum(a * b for a, b in zip(self.c, k.c))
        return NotImplemented
    __rmul__ = __mul__
    def __truediv__(self, k):
        return Vec(*(a / k for a in self.c))
    def __floordiv__(self, k):
        return Vec(*(a // k for a in self.c))
    def __mod__(self, k):
        return Vec(*(a % k for a in self.c))
    def __pow__(self, k, mod=None):
        return Vec(*(pow(a, k, mod) for a in self.c))
    def __rpow__(self, base):
        return f"rpow {base}"
    def __divmod__(self, k):
        return (self // k, self % k)
    def __rtruediv__(self, o):
        return f"rtruediv {o}"
    def __rfloordiv__(self, o):
        return f"rfloordiv {o}"
    def __rmod__(self, o):
        return f"rmod {o}"
    def __rsub__(self, o):
        return f"rsub {o}"
    def __rdivmod__(self, o):
        return f"rdivmod {o}"
    def __neg__(self):
        return Vec(*(-a for a in self.c))
    def __pos__(self):
        return "pos"
    def __abs__(self):
        return sum(abs(a) for a in self.c)
    def __invert__(self):
        return "inverted"
    def __matmul__(self, o):
        return "matmul"
    def __rmatmul__(self, o):
        return "rmatmul"
    def __and__(self, o): return "and"
    def __rand__(self, o): return "rand"
    def __or__(self, o): return "or"
    def __ror__(self, o): return "ror"
    def __xor__(self, o): return "xor"
    def __rxor__(self, o): return "rxor"
    def __lshift__(self, o): return "lshift"
    def __rlshift__(self, o): return "rlshift"
    def __rshift__(self, o): return "rshift"
    def __rrshift__(self, o): return "rrshift"
v = Vec(1, 2)
w = Vec(10, 20)
print(v + w, v + 1, 1 + v, v - w, v * 3, 3 * v, v * w, v / 2, v // 2, v % 2, v ** 2, pow(v, 2, 3))
print(2 ** v, 1 / v, 1 // v, 1 % v, 1 - v, divmod(v, 2), divmod(7, v))
print(-v, +v, abs(v), ~v, v @ w, 1 @ v if False else "skip", v & 1, 1 & v, v | 1, 1 | v, v ^ 1, 1 ^ v, v << 1, 1 << v, v >> 1, 1 >> v)
print(sum([v, w], Vec(0, 0)), sum([v, w]))
try:
    v + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" + v
except TypeError as e:
    print(type(e).__name__, e)
try:
    v * "s"
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __add__(self, o):
        return "Base.__add__"
    def __radd__(self, o):
        return "Base.__radd__"
class Derived(Base):
    def __radd__(self, o):
        return "Derived.__radd__ (subclass reflected first)"
print(Base() + Derived())
print(Derived() + Base())
class Same(Base):
    pass
print(Base() + Same())
class Money:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Money(self.v + (o.v if isinstance(o, Money) else o))
    __radd__ = __add__
    def __repr__(self):
        return f"${self.v}"
print(sum([Money(1), Money(2), Money(3)]), Money(5) + 1, 1 + Money(5))
class Unary:
    pass
for expr in ["-Unary()", "+Unary()", "~Unary()", "abs(Unary())"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
for expr in ["Unary() + 1", "1 - Unary()", "Unary() * Unary()", "Unary() @ 1", "Unary() ** 2", "2 << Unary()", "divmod(Unary(), 1)", "pow(Unary(), 2, 3)"]:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, "->", type(e).__name__, e)
class IntLike:
    def __index__(self):
        return 3
print([10, 20, 30, 40][IntLike()], "abcd"[IntLike()], bin(IntLike()), hex(IntLike()), range(10)[IntLike()])
class FloatLike:
    def __float__(self):
        return 2.5
class IntConv:
    def __int__(self):
        return 7
print(float(FloatLike()), int(IntConv()))
