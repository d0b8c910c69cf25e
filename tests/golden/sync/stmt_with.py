# with statements: multiple items, parenthesised form, exception suppression.
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, repr(ev), tb is not None)
        return self.suppress
with CM("a") as v:
    print("body", v)
with CM("a"), CM("b") as b:
    print("body two", b)
with (CM("p1") as x,
      CM("p2") as y):
    print("parenthesised", x, y)
with (CM("p3"), CM("p4"),):
    print("trailing comma form")
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("not suppressed")
except KeyError as e:
    print("propagated", repr(e))
try:
    with CM("outer", suppress=True), CM("inner"):
        raise TypeError("inner doesn't suppress, outer does")
    print("continued after outer suppression")
except TypeError:
    print("never")
def early_return():
    with CM("r"):
        return "returned"
print(early_return())
for i in range(2):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        break
class Truthy:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return 1
with Truthy():
    1 / 0
print("truthy non-bool return suppresses")
class NoEnter:
    def __exit__(self, *a):
        pass
try:
    with NoEnter():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except RuntimeError as e:
    print("exit error", e, "context", repr(e.__context__))
class EnterRaises:
    def __enter__(self):
        raise OSError("cannot enter")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with CM("first"), EnterRaises():
        print("no body")
except OSError as e:
    print("enter error", e)
with CM("target") as (t1):
    print(t1)
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (p, q):
    print("unpacked", p, q)
holder = {}
with Pair() as holder['k']:
    pass
print(holder)
