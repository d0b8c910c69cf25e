# Annotated assignments and __annotations__ at module, class and function level.
import sys
x: int = 5
y: "forward ref"
z: list[int] = [1]
print(x, z)
print(__annotations__)
try:
    print(y)
except NameError as e:
    print(type(e).__name__, e)
class Point:
    x: int
    y: int = 0
    label: str = "p"
    def method(self) -> None:
        pass
print(Point.__annotations__)
print(Point.y, Point.label, hasattr(Point, 'x'))
def f(a: int, b: str = "s", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f.__annotations__)
print(f(1))
def g(a, b):
    pass
print(g.__annotations__)
def h(a: 1 + 2 = 1, b: [x for x in range(3)] = 0) -> "ret":
    local: int = 10
    other: str
    return local
print(h.__annotations__, h())
lam = lambda q: q
print(lam.__annotations__)
d = {}
d['k']: int = 3
print(d)
class Obj: pass
o = Obj()
o.attr: int = 4
print(o.attr)
print(sorted(__annotations__))
class Child(Point):
    extra: float = 1.0
print(Child.__annotations__)
