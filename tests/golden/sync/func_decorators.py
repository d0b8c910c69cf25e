# Decorators: plain, with arguments, stacked, on classes and methods.
def trace(fn):
    def wrapper(*args, **kwargs):
        print(f"call {fn.__name__}{args}")
        result = fn(*args, **kwargs)
        print(f"ret {fn.__name__} -> {result}")
        return result
    wrapper.__name__ = fn.__name__
    wrapper.wrapped = fn
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
print(add.__name__, add.wrapped.__name__)
def repeat(times):
    print("repeat factory", times)
    def deco(fn):
        print("decorating", fn.__name__)
        def wrapper(*a):
            return [fn(*a) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def tag(label):
    def deco(fn):
        def wrapper():
            return f"<{label}>{fn()}</{label}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "styled"
print(text())
order = []
def mark(n):
    order.append(f"factory {n}")
    def deco(fn):
        order.append(f"apply {n}")
        return fn
    return deco
@mark(1)
@mark(2)
@mark(3)
def marked():
    pass
print(order)
def register(cls):
    cls.registered = True
    return cls
@register
class Plugin:
    pass
print(Plugin.registered)
def replace_with_value(fn):
    return 42
@replace_with_value
def gone():
    pass
print(gone)
class Service:
    def __repr__(self):
        return "Service()"
    @trace
    def work(self, x):
        return x * 2
    @staticmethod
    @trace
    def static_work(x):
        return x + 1
Service().work(5)
Service.static_work(5)
registry = {}
def route(path):
    def deco(fn):
        registry[path] = fn.__name__
        return fn
    return deco
@route("/a")
def page_a():
    pass
@route("/b")
def page_b():
    pass
print(registry)
@(lambda fn: fn.__name__.upper())
def expression_decorator():
    pass
print(expression_decorator)
decos = [trace]
@decos[0]
def via_subscript(x):
    return x
via_subscript(7)
def counting(fn):
    count = 0
    def wrapper(*a):
        nonlocal count
        count += 1
        wrapper.calls = count
        return fn(*a)
    wrapper.calls = 0
    return wrapper
@counting
def noop():
    pass
noop(); noop(); noop()
print("calls", noop.calls)
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
