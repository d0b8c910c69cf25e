# Assigning __code__, including code objects of stdlib functions that
# never ran (their bodies are loaded lazily from the code cache).
import dataclasses, functools, json

def h(obj):
    return "h"
print(h(1))
h.__code__ = dataclasses.is_dataclass.__code__
print(h.__code__.co_name, h.__name__, h.__code__.co_varnames[:1])
try:
    h(3)  # runs with h's globals, where the stdlib's helpers are missing
except NameError as e:
    print("NameError", e)

def outer():
    y = 1
    def inner():
        return y
    return inner
f = outer()
try:
    h.__code__ = f.__code__
except ValueError as e:
    print("ValueError", e)
try:
    f.__code__ = h.__code__
except ValueError as e:
    print("ValueError", e)
try:
    h.__code__ = 42
except TypeError as e:
    print("TypeError", e)

def k(a, b=2):
    return a + b
def k2(a, b=2):
    return a * b
k.__code__ = k2.__code__
print(k(5), k(5, 3))
g = outer()
g.__code__ = outer()().__class__ and f.__code__
print(g())
