# Ellipsis, NotImplemented, None singletons, conditional expressions, misc.
print(..., Ellipsis, ... is Ellipsis, type(...).__name__, repr(...), str(Ellipsis))
def stub():
    ...
print(stub())
x = [1, ..., 3]
print(x, x[1] is ...)
print(bool(...), bool(None), bool(NotImplemented) if False else "skip")
print(NotImplemented, type(NotImplemented).__name__, repr(NotImplemented))
print(None, type(None).__name__, repr(None), str(None))
print(type(None)() is None, type(...)() is ...)
print(hash(None) == hash(None), None.__class__.__name__)
print(1 if ... else 0)
a = b = None
print(a is b)
result = "yes" if [] else "no" if {} else "maybe"
print(result)
print([i for i in (..., None, NotImplemented)] == [..., None, NotImplemented])
print((..., ...) == (Ellipsis, Ellipsis))
try:
    None.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
try:
    ... + 1
except TypeError as e:
    print(type(e).__name__, e)
print({None: 1, ...: 2})
def returns_nothing():
    pass
def returns_bare():
    return
print(returns_nothing(), returns_bare())
print(type(returns_nothing()) is type(None))
print(callable(None), callable(print))
