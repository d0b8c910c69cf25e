# __call__ and __enter__/__exit__ on user classes.
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale
add = Adder(10)
print(add(1), add(1, 2, 3), add(1, scale=3), callable(add), callable(Adder), callable(5))
print(list(map(Adder(100), [1, 2])))
class CallCounter:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0
    def __call__(self, *a, **k):
        self.calls += 1
        return self.fn(*a, **k)
@CallCounter
def square(x):
    return x * x
print(square(3), square(4), square.calls, type(square).__name__)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
class CallReturnsSelf:
    def __call__(self):
        return self
c = CallReturnsSelf()
print(c()()() is c)
class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log
    def __enter__(self):
        self.log.append(f"open {self.name}")
        return self
    def __exit__(self, exc_type, exc, tb):
        self.log.append(f"close {self.name} exc={exc_type.__name__ if exc_type else None}")
        return False
log = []
with Resource("a", log) as r1, Resource("b", log) as r2:
    log.append(f"using {r1.name} {r2.name}")
print(log)
log = []
try:
    with Resource("x", log):
        log.append("about to fail")
        raise ValueError("boom")
except ValueError:
    log.append("handled outside")
print(log)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError, IndexError):
    {}["missing"]
print("KeyError suppressed")
try:
    with Suppress(KeyError):
        [][0]
except IndexError:
    print("IndexError not suppressed")
class Timer:
    depth = 0
    def __enter__(self):
        Timer.depth += 1
        print("  " * Timer.depth + f"enter depth {Timer.depth}")
        return Timer.depth
    def __exit__(self, *exc):
        print("  " * Timer.depth + f"exit depth {Timer.depth}")
        Timer.depth -= 1
with Timer() as d1:
    with Timer() as d2:
        print("inner body", d1, d2)
class ExitArgs:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        print("exit args:", et, repr(ev), type(tb).__name__)
        return True
with ExitArgs():
    raise RuntimeError("check args")
with ExitArgs():
    pass
class EnterOnInstance:
    pass
inst = EnterOnInstance()
inst.__enter__ = lambda: 1
inst.__exit__ = lambda *a: None
try:
    with inst:
        pass
except TypeError as e:
    print("instance attrs ignored:", type(e).__name__, e)
class CallOnInstance:
    pass
ci = CallOnInstance()
ci.__call__ = lambda: "instance call"
try:
    ci()
except TypeError as e:
    print("instance __call__ ignored:", type(e).__name__, e)
