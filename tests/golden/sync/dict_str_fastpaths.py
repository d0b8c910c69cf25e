from collections import deque
class S(str):
    def __eq__(self, o): print("S.eq", str.__repr__(self), repr(o)); return str.__eq__(self, o)
    __hash__ = str.__hash__
class K:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): print("K.eq", o); return o == 5
d = {}
d["a"] = 1
d[S("b")] = 2
print(d["b"], d["a"])
d["b"] = 3
print(list(d.values()))
d[K(5)] = "k"
print(d[5])
d[5] = "five"
print(list(d.values()))
e = {1: "one", True: "t", 1.0: "f"}
print(e, e[1], e[True], e[1.0])
e[2.0] = 2; e[2] = "two"; print(e)
t = {("a", 1): 1, ("a", (1, 2)): 2}
print(t[("a", 1)], t[("a", (1, 2))], hash((1, 2)) == hash((1, 2)), hash(()) , hash((1,2)))
try:
    d["zz"]
except KeyError as ex:
    print("KeyError", ex)
class DD(dict):
    def __missing__(self, k): return "missing " + k
dd = DD(); print(dd["q"])
try:
    hash((1, [2]))
except TypeError as ex:
    print(ex)
class Dq(deque):
    def __len__(self): return 42
q = Dq([1]); print(len(q), bool(q), len(deque()), bool(deque()), bool(deque([0])))
class Dq2(deque):
    def __bool__(self): return False
print(bool(Dq2([1])), len(Dq2([1,2])))
print(list(range(3)), int("12"), str(5), tuple([1]), float("2.5"))
class N:
    def __new__(cls, *a): print("new", a); return super().__new__(cls)
n = N(1, 2)
class N2:
    def __new__(cls, *a): return object.__new__(cls)
    __init__ = object.__init__
N2(1)
try:
    object(1)
except TypeError as ex: print(ex)
class I(int): pass
print(I(5), type(I(5)).__name__)
try:
    range(1, 2, 3, 4)
except TypeError as ex: print(ex)
x = {}
x[[1][0]] = 0
try:
    x[[1]] = 2
except TypeError as ex: print(ex)
try:
    x[[1]]
except TypeError as ex: print(ex)
import asyncio
async def m():
    q = asyncio.Queue(); print(q.empty(), q.qsize()); q.put_nowait(1); print(q, q.full())
asyncio.run(m())

for s in ["", "   ", "a b  c  ", "  a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj ", "héllo wörld  x", "a\u2003b\u00a0c", "one"]:
    for m in [-1, 0, 1, 2, 5]:
        print(repr(s), m, s.split(None, m), s.split(maxsplit=m), s.split(" ", m))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "x".split("x"))
try: "a".split("")
except ValueError as e: print(e)
try: str.split(5)
except TypeError as e: print(e)
try: "a".split(5)
except TypeError as e: print(e)
class S(str): pass
print(S("a b").split(), type(S("a b").split()[0]).__name__)
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]), sorted(["b", "a", "ab", ""]), sorted([[2, 1], [1, 5], [1]]))
print(sorted([(1, float("nan")), (1, 2.0), (0, "x")][:2]))
class T(tuple):
    def __lt__(self, o): print("T.lt"); return False
print(sorted([T((1,)), T((0,))]))
class U(str):
    def __lt__(self, o): print("U.lt"); return True
print(sorted([U("b"), U("a")]))
try: sorted([(1, "a"), (1, 2)])
except TypeError as e: print(e)
print(sorted([("b",1),("a",2)], key=lambda kv: (-kv[1], kv[0])))
print(("a", 1) < ("a", 2), ["x"] < ["x", 1], sorted(["é", "e", "z"]))

# tuple keys of ints/strs
d = {}
d[("a", "b")] = 1
d[("a", "b")] += 1
d[(1, "x")] = 5
d[(1.0, "x")] = 6
d[(True, "x")] = 7
print(d, ("a", "b") in d, (1, "x") in d, ("a",) in d)
class S(str):
    __hash__ = str.__hash__
    def __eq__(self, o): print("S.eq"); return str.__eq__(self, o)
d[(S("q"), 2)] = "s"
print(d[("q", 2)], ("q", 2) in d)
d[("q", 2)] = "t"
print(d)
print(hash(("a", 1)) == hash(("a", 1)), {("a", 1): 0}[("a", 1)])
try: d[("zz", 1)]
except KeyError as e: print("KeyError", e)
e = {(): 1}; print(e[()])
