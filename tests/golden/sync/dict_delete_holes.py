# Dict deletion keeps insertion order and iteration exact; pop/popitem,
# reversed, views, OrderedDict, deleting most keys, re-inserting.
from collections import OrderedDict
d = {i: str(i) for i in range(40)}
for i in range(0, 40, 3):
    del d[i]
print(len(d), list(d)[:8], list(reversed(d))[:5], d.get(3), 4 in d, 3 in d)
d[3] = "back"
print(list(d.items())[-3:], d.popitem(), len(d))
for k in list(d):
    if k % 2:
        d.pop(k)
print(d, len(d), list(reversed(d.values()))[:4])
while d:
    k = next(iter(d))
    del d[k]
print(d, len(d), list(d), list(reversed(d)))
e = dict.fromkeys("abcdefghij")
del e["a"]; del e["j"]; del e["e"]
print(e, list(e.keys()), e == dict.fromkeys("bcdfghi"), str(e))
it = iter(e)
print(next(it))
del e["h"]
try:
    next(it)
except RuntimeError as ex:
    print("RuntimeError", ex)
o = OrderedDict.fromkeys("abcdef")
del o["b"]
o.move_to_end("a")
o.move_to_end("f", last=False)
print(o, o.popitem(last=False), list(o))
big = {i: i for i in range(100000)}
for i in range(99990):
    del big[i]
print(len(big), list(big), sum(big.values()))
s = {}
for r in range(3):
    for i in range(50):
        s[i] = r
    for i in range(0, 50, 2):
        del s[i]
print(len(s), list(s)[:5], list(s.items())[-2:])
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return isinstance(o, K) and o.v == self.v
    def __repr__(self): return f"K({self.v})"
m = {K(1): 1, K(2): 2, K(3): 3}
del m[K(2)]
print(m, K(2) in m, m.get(K(3)))
g = {}
exec("a = 1\nb = 2\ndel a\nc = 3", g)
print(sorted(k for k in g if k != "__builtins__"))
