# Bound and unbound methods, method objects, __self__, __func__, equality.
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, greeting="Hello"):
        return f"{greeting}, {self.name}"
    def __repr__(self):
        return f"Greeter({self.name!r})"
g = Greeter("ann")
m = g.greet
print(m(), m("Hi"), Greeter.greet(g), Greeter.greet(g, "Yo"))
print(m.__self__, m.__func__ is Greeter.greet, m.__name__, m.__qualname__)
print(type(m).__name__, type(Greeter.greet).__name__)
print(g.greet == g.greet, g.greet is g.greet, g.greet == Greeter("ann").greet)
print(repr(m).startswith("<bound method Greeter.greet of Greeter('ann')>"))
methods = [Greeter(n).greet for n in ("x", "y")]
print([meth() for meth in methods])
h = Greeter("bob")
bm = h.greet
h.name = "robert"
print(bm())
fns = {"g": g.greet}
print(fns["g"]("Hey"))
print(list(map(Greeter.greet, [g, h])))
print(list(map(str.upper, ["a", "b"])), "x".upper(), str.upper("q"))
bound_builtin = [1, 2].append
print(type(bound_builtin).__name__, bound_builtin.__self__, bound_builtin.__name__)
lst = []
add = lst.append
for i in range(3):
    add(i)
print(lst)
class Counter:
    def __init__(self):
        self.n = 0
    def inc(self):
        self.n += 1
        return self
c = Counter()
c.inc().inc().inc()
print(c.n)
def standalone(self):
    return "standalone " + type(self).__name__
Counter.standalone = standalone
print(c.standalone(), Counter.standalone(c))
c.attr_func = standalone
try:
    c.attr_func()
except TypeError as e:
    print(type(e).__name__, e)
print(c.attr_func(c))
class CallableAttr:
    def __call__(self, x):
        return f"called with {x}"
class Host:
    helper = CallableAttr()
print(Host().helper(5))
try:
    Greeter.greet()
except TypeError as e:
    print(type(e).__name__, e)
print(getattr(g, "greet")("Bye"), hasattr(g.greet, "__call__"), callable(g.greet))
try:
    m.new_attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(m.__doc__, Greeter.greet.__name__)
