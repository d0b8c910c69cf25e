# iter() (1- and 2-arg forms) and next() with/without default.
it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(type(iter((1,))).__name__, type(iter({1: 2})).__name__, type(iter({1})).__name__, type(iter(range(2))).__name__)
print(type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter(b"x")).__name__)
s = iter("xyz")
print(iter(s) is s, list(s), list(s))
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 5)))
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
class CallableObj:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n * 10
print(list(iter(CallableObj(), 40)))
def raiser():
    raise StopIteration
print(list(iter(raiser, None)))
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(iter([]), 1, 2)
except TypeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di), next(di, "end"))
g = (i for i in range(2))
print(next(g), next(g), next(g, "gen done"))
it2 = iter([1, 2, 3, 4, 5])
for x in it2:
    if x == 2:
        print("skip", next(it2))
    else:
        print("x", x)
pairs = iter(range(6))
print(list(zip(pairs, pairs)))
ri = reversed([1, 2, 3])
print(type(ri).__name__, next(ri), list(ri))
class Sentinel:
    pass
END = Sentinel()
vals = iter([1, 2, END, 3])
print(list(iter(lambda: next(vals), END)))
li = iter([1, 2])
print(li.__next__(), li.__length_hint__() if hasattr(li, "__length_hint__") else "", list(li))
