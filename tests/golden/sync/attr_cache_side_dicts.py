# Attribute caches on objects whose dict lives in a side table:
# instances of user subclasses of list/deque, and deque itself.
from collections import deque
class L(list):
    def m(self): return "m"
class D(deque):
    def m(self): return "dm"
class SL(list):
    __slots__ = ("a",)
objs = []
for i in range(3):
    l = L([i]); l.x = i
    objs.append(l)
for r in range(3):
    for o in objs:
        print(o.x, o.m(), len(o))
    objs[1].m = lambda: "shadow"
    objs[2].x = "new"
d = D([1]); d.y = 5
for _ in range(3):
    print(d.y, d.m(), d.popleft() if d else None, len(d))
    d.append(2)
s = SL(); s.a = 3
for _ in range(2):
    print(s.a)
class E(Exception): pass
e = E(); e.z = 1
for _ in range(2): print(e.z, e.args)
for v in [L(), L()]:
    try: v.nope
    except AttributeError as ex: print(ex)
