# Container protocol: __getitem__/__setitem__/__delitem__/__contains__/__iter__/__next__/__reversed__/__len__.
class Store:
    def __init__(self):
        self.data = {}
    def __getitem__(self, k):
        print(f"  get {k!r}")
        return self.data[k]
    def __setitem__(self, k, v):
        print(f"  set {k!r}={v!r}")
        self.data[k] = v
    def __delitem__(self, k):
        print(f"  del {k!r}")
        del self.data[k]
    def __contains__(self, k):
        print(f"  contains {k!r}")
        return k in self.data
    def __len__(self):
        return len(self.data)
s = Store()
s["a"] = 1
s[1, 2] = "tuple"
print(s["a"], s[1, 2], "a" in s, "z" in s, "z" not in s, len(s))
del s["a"]
try:
    s["a"]
except KeyError as e:
    print(type(e).__name__, e)
s["n"] = 0
s["n"] += 5
print(s.data)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(Seq()), 9 in Seq(), 5 in Seq(), [x for x in Seq()], sorted(Seq(), reverse=True))
a, b, *c = Seq()
print(a, b, c, list(reversed([*Seq()])))
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        print("  __iter__")
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
for v in Countdown(2):
    print("loop", v)
cd = Countdown(2)
print(next(cd), next(cd), next(cd, "done"))
class Iterable:
    def __init__(self, items):
        self.items = items
    def __iter__(self):
        return iter(self.items)
    def __reversed__(self):
        print("  __reversed__")
        return iter(self.items[::-1])
it = Iterable([1, 2, 3])
print(list(it), list(reversed(it)), 2 in it, sum(it), max(it), dict.fromkeys(it))
class LenGet:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return "abc"[i]
print(list(reversed(LenGet())))
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class NotIter:
    pass
try:
    for _ in NotIter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    NotIter()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    NotIter()[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    del NotIter()[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(NotIter())
except TypeError as e:
    print(type(e).__name__, e)
class Matrix:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, pos):
        r, c = pos
        return self.cells.get((r, c), 0)
    def __setitem__(self, pos, v):
        self.cells[pos] = v
m = Matrix()
m[0, 1] = 5
m[2, 2] = 9
print(m[0, 1], m[1, 1], m[2, 2], m.cells)
class IterNoNext:
    def __iter__(self):
        return self
try:
    list(IterNoNext())
except TypeError as e:
    print(type(e).__name__, e)
class MissingDict(dict):
    def __missing__(self, k):
        return k * 2
md = MissingDict()
print(md[21], md.get(21), len(md))
