# Rich comparisons: __eq__/__ne__/__lt__/__le__/__gt__/__ge__, reflection, defaults.
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"  {self!r}.__eq__({o!r})")
        return isinstance(o, V) and self.v == o.v
    def __lt__(self, o):
        print(f"  {self!r}.__lt__({o!r})")
        return self.v < o.v
    def __le__(self, o):
        print(f"  {self!r}.__le__({o!r})")
        return self.v <= o.v
    def __repr__(self):
        return f"V({self.v})"
a, b = V(1), V(2)
print(a == b)
print(a != b)
print(a < b)
print(a > b)
print(a <= b)
print(a >= b)
print(a == 1)
print(1 == a)
class NoEq:
    pass
x = NoEq()
print(x == x, x != x, x == NoEq(), x is x)
try:
    x < x
except TypeError as e:
    print(type(e).__name__, e)
class Sub(V):
    def __eq__(self, o):
        print(f"  Sub.__eq__")
        return "sub-eq"
    def __gt__(self, o):
        print(f"  Sub.__gt__")
        return "sub-gt"
print(V(1) == Sub(1))
print(V(1) < Sub(1))
class NE:
    def __ne__(self, o):
        return "custom ne"
print(NE() != 1, NE() == 1)
class OnlyEq:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == getattr(o, "v", None)
print(OnlyEq(1) != OnlyEq(1), OnlyEq(1) != OnlyEq(2))
class Ret:
    def __lt__(self, o):
        return [1]
print(Ret() < 5, bool(Ret() < 5))
class Total:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __repr__(self):
        return f"T{self.v}"
items = [Total(3), Total(1), Total(2)]
print(sorted(items), max(items), min(items))
try:
    Total(1) <= Total(2)
except TypeError as e:
    print(type(e).__name__, e)
print(Total(1) > Total(0))
class Chain:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        print(f"  {self.v} < {o.v}")
        return self.v < o.v
print(Chain(1) < Chain(2) < Chain(3))
print(Chain(3) < Chain(2) < Chain(1))
print([V(1)] == [V(1)])
print(V(1) in [V(0), V(1)])
class AlwaysEq:
    def __eq__(self, o):
        return True
    __hash__ = None
print([AlwaysEq()] == [1], (AlwaysEq(), 1) == (2, 1), {"k": AlwaysEq()} == {"k": None})
nan = float("nan")
l = [nan]
print(l == l, nan in l, [nan] == [nan])
