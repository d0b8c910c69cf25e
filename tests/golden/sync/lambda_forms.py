# Lambdas: defaults, closures, varargs, in data structures, immediately invoked.
sq = lambda x: x * x
print(sq(7))
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
va = lambda *a, **k: (a, k)
print(va(1, 2, x=3))
kw = lambda *, key: key
print(kw(key="K"))
po = lambda a, /, b: (a, b)
print(po(1, b=2))
print((lambda: "immediate")())
print((lambda x, y: x ** y)(2, 10))
fns = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fns])
late = [lambda x: x + i for i in range(3)]
print([f(10) for f in late])
ops = {'+': lambda a, b: a + b, '-': lambda a, b: a - b, '*': lambda a, b: a * b}
print([ops[o](6, 3) for o in "+-*"])
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))
cond = lambda x: "pos" if x > 0 else ("zero" if x == 0 else "neg")
print(cond(5), cond(0), cond(-5))
nested = lambda x: (lambda y: (lambda z: x + y + z))
print(nested(1)(2)(3))
fact = lambda n: 1 if n == 0 else n * fact(n - 1)
print(fact(10))
print(list(map(lambda p: p[0] * p[1], [(1, 2), (3, 4)])))
print(type((lambda: (yield))()).__name__)
g = (lambda: (yield 5))()
print(next(g))
unpack = lambda t: t[0]
print(unpack((9, 8)))
print((lambda: 0) == (lambda: 0))
def outer():
    x = 5
    return lambda: x
print(outer()())
print((lambda *args: sum(args))(*range(5)))
print((lambda **kw: sorted(kw))(b=1, a=2))
print(type(sq).__name__, sq.__name__)
