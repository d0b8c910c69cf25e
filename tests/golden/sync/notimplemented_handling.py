# NotImplemented: binary op fallback, comparisons fallback to identity, errors.
class A:
    def __add__(self, o):
        print("  A.__add__ -> NotImplemented")
        return NotImplemented
    def __eq__(self, o):
        print("  A.__eq__ -> NotImplemented")
        return NotImplemented
    def __lt__(self, o):
        print("  A.__lt__ -> NotImplemented")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("  B.__radd__")
        return "B handled"
    def __eq__(self, o):
        print("  B.__eq__ -> NotImplemented")
        return NotImplemented
    def __gt__(self, o):
        print("  B.__gt__")
        return "B.__gt__ result"
print(A() + B())
try:
    A() + 1
except TypeError as e:
    print(type(e).__name__, e)
a = A()
print(a == a)
print(A() == B())
print(A() != B())
print(A() < B())
try:
    A() < A()
except TypeError as e:
    print(type(e).__name__, e)
class OnlyRadd:
    def __radd__(self, o):
        return NotImplemented
try:
    1 + OnlyRadd()
except TypeError as e:
    print(type(e).__name__, e)
print(type(NotImplemented).__name__, NotImplemented is NotImplemented, repr(NotImplemented))
print((1).__add__("x"), "x".__add__("y"), (1).__eq__("1"), [1].__eq__((1,)), (1.5).__lt__("a"))
print((2).__mul__("ab"), "ab".__mul__(2), (3).__radd__(4), (1).__truediv__(0) if False else "skip")
class Num:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        if not isinstance(o, Num):
            return NotImplemented
        return self.v == o.v
    __hash__ = None
print(Num(1) == Num(1), Num(1) == 1, 1 == Num(1), Num(1) != 2, Num(1) in [1, Num(1)])
class Weird:
    def __eq__(self, o):
        return NotImplemented
    __hash__ = object.__hash__
w = Weird()
print(w == w, w != w, w == Weird())
class Sub(int):
    def __radd__(self, o):
        return "Sub.__radd__ first"
    def __add__(self, o):
        return "Sub.__add__"
print(1 + Sub(2), Sub(2) + 1)
class FloatSub(float):
    def __rmul__(self, o):
        return "FloatSub.__rmul__"
print(2 * FloatSub(1.0), 2.5 * FloatSub(1.0))
try:
    bool(NotImplemented)
    print("bool(NotImplemented) allowed (deprecated)")
except TypeError as e:
    print(type(e).__name__, e)
