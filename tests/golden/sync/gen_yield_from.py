# yield from: delegation, return values, send/throw passthrough.
def sub():
    yield 1
    yield 2
    return "sub result"
def delegator():
    r = yield from sub()
    print("  sub returned", r)
    yield 3
    return "delegator result"
print(list(delegator()))
g = delegator()
for v in g:
    print("got", v)
def capture_return():
    result = yield from delegator()
    yield f"final: {result}"
print(list(capture_return()))
def echo():
    while True:
        received = yield
        if received is None:
            return "echo stopped"
        print("  echo got", received)
def wrapper():
    r = yield from echo()
    print("  wrapper saw", r)
    yield "wrapper done"
w = wrapper()
next(w)
w.send("hello")
w.send("world")
print(w.send(None))
def from_iterables():
    yield from [1, 2]
    yield from (3, 4)
    yield from range(5, 7)
    yield from {7: 'a', 8: 'b'}
    yield from "9"
    r = yield from iter([])
    yield r
print(list(from_iterables()))
def thrower():
    try:
        yield 1
    except ValueError as e:
        print("  inner caught", e)
        yield "recovered"
def outer_throw():
    yield from thrower()
    yield "outer continues"
g = outer_throw()
print(next(g))
print(g.throw(ValueError("thrown")))
print(next(g))
def inner_close():
    try:
        yield 1
        yield 2
    finally:
        print("  inner finally")
def outer_close():
    try:
        yield from inner_close()
    finally:
        print("  outer finally")
g = outer_close()
next(g)
g.close()
print("closed")
def chain(*its):
    for it in its:
        yield from it
print(list(chain("ab", [1], range(2))))
def depth(n):
    if n == 0:
        return 0
    r = yield from depth(n - 1)
    yield n
    return r + n
def collect():
    total = yield from depth(4)
    yield ("total", total)
print(list(collect()))
def unhandled_in_sub():
    yield 1
def throw_not_caught():
    yield from unhandled_in_sub()
g = throw_not_caught()
next(g)
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated to caller", repr(e))
def yf_non_iterable():
    yield from 5
try:
    list(yf_non_iterable())
except TypeError as e:
    print(type(e).__name__, e)
def sub_with_stop_value():
    return (yield 1)
def outer_sv():
    v = yield from sub_with_stop_value()
    yield ("inner returned", v)
g = outer_sv()
print(next(g))
print(g.send("sent value"))
