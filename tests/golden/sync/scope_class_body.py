# Class scope: names not visible in methods, comprehensions in class bodies.
x = "global x"
class C:
    x = "class x"
    y = x + "!"
    def method(self):
        return x
    def method_via_self(self):
        return self.x
    def method_via_class(self):
        return C.x
print(C.y, C().method(), C().method_via_self(), C().method_via_class())
class D:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * factor for v in vals for factor in [1]]
        ok = "nested for ok"
    except NameError as e:
        ok = str(e)
print(D.doubled, D.ok)
class E:
    factor = 10
    try:
        scaled = [i * factor for i in range(3)]
    except NameError as e:
        scaled = f"NameError: {e}"
print(E.scaled)
def outer():
    y = "enclosing y"
    class Inner:
        try:
            z = y
        except NameError as e:
            z = f"NameError: {e}"
        y = "class y"
        def get(self):
            return y
    return Inner.z, Inner.y, Inner().get()
print(outer())
def outer2():
    v = "fn local"
    class K:
        print("class body sees", v)
        w = v.upper()
    return K.w
print(outer2())
class Counter:
    count = 0
    def inc(self):
        self.count += 1
        return self.count
c1 = Counter()
c1.inc(); c1.inc()
print(c1.count, Counter.count)
class Names:
    a = 1
    b = a + 1
    del a
print(hasattr(Names, 'a'), Names.b)
class Locals:
    p = 1
    q = 2
    snapshot = sorted(k for k in locals() if not k.startswith('__'))
print(Locals.snapshot)
class Shadow:
    len = 5
    size = len
    def m(self):
        return len("builtin still visible")
print(Shadow.size, Shadow().m())
def f():
    class A:
        def who(self):
            return __class__.__name__
    return A().who()
print(f())
class Outer:
    val = 1
    class Inner:
        try:
            got = val
        except NameError as e:
            got = f"NameError: {e}"
print(Outer.Inner.got)
class G:
    x = "G.x"
    gen = (x for _ in range(1))
print(next(G.gen))
class Lam:
    k = 5
    f = lambda self: k if False else "lambda can't see k"
print(Lam().f())
