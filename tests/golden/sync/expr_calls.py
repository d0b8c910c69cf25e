# Calls with positional, keyword, *args and **kwargs unpacking.
def show(*args, **kwargs):
    return f"args={args} kwargs={kwargs}"
print(show())
print(show(1, 2, x=3))
print(show(*[1, 2], *(3,), *"ab"))
print(show(**{'a': 1}, **{'b': 2}))
print(show(0, *[1], 2, *[3], k=1, **{'m': 2}, n=3))
print(show(*range(3), **dict(z=26)))
print(show(*{1: 'x', 2: 'y'}))
print(show(**{'key with space': 1}))
def target(a, b, c):
    return a * 100 + b * 10 + c
print(target(1, 2, 3), target(c=3, a=1, b=2), target(1, *[2, 3]), target(*[1, 2], c=3))
print(target(**{'a': 1, 'b': 2, 'c': 3}))
gen = (i for i in range(3))
print(target(*gen))
print(sum(x for x in range(5)))
print(max((3, 1, 2), key=lambda t: -t))
class Callable:
    def __call__(self, *a, **k):
        return ("called", a, k)
print(Callable()(1, x=2))
def ret_func():
    return lambda x: x + 1
print(ret_func()(41))
print([len, str.upper][1]("abc"))
print((lambda *a: a)(*[1, 2], 3))
def order(a, b):
    return a, b
calls = []
def mark(x):
    calls.append(x)
    return x
print(order(mark(1), b=mark(2)), calls)
try:
    show(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    target(1, 2, 3, **{'a': 9})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**{'a': 1}, a=2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    (5)()
except TypeError as e:
    print(type(e).__name__, e)
try:
    "str"()
except TypeError as e:
    print(type(e).__name__, e)
try:
    None()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    len()
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(end=1)
except TypeError as e:
    print(type(e).__name__, e)
class M:
    def meth(self, a):
        return a
try:
    M().meth()
except TypeError as e:
    print(type(e).__name__, e)
try:
    M().meth(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
try:
    M.meth(1)
except TypeError as e:
    print(type(e).__name__, e)
print(int("ff", base=16), sorted([3, 1, 2], reverse=True))
print(dict(a=1, **{'b': 2}))
print(show(*[], **{}))
trailing = show(1,
                2,
                )
print(trailing)
