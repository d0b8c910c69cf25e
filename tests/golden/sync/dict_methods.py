# dict: insertion order, methods, merging, equality, errors.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), len(d))
del d["b"]
d["b"] = 20
print(d)
print(d.get("a"), d.get("zz"), d.get("zz", "default"), d["a"], "a" in d, 2 in d, "zz" not in d)
print(d.setdefault("a", 99), d.setdefault("new", []), d)
d["new"].append(1)
print(d.pop("new"), d.pop("missing", "fallback"), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
d.update(a=-1)
print(d)
c = d.copy()
c["x"] = "changed"
print(d["x"], c["x"])
c.clear()
print(c, d.keys(), d.values(), d.items())
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []))
print(dict(), dict(a=1), dict([("k", "v")]), dict({"m": 1}, n=2), dict(zip("ab", range(2))))
m1 = {"a": 1, "b": 2}
m2 = {"b": 3, "c": 4}
print(m1 | m2, m2 | m1, m1)
m1 |= m2
print(m1)
m1 |= [("d", 5)]
print(m1)
try:
    m1 | [("e", 6)]
except TypeError as e:
    print(type(e).__name__, e)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} == {"a": 1.0}, {} == {}, {1: 2} != {1: 3})
print(list({"a": 1, "b": 2}.items()) == list({"b": 2, "a": 1}.items()))
for bad in [lambda: {}["missing"], lambda: {}.pop("x"), lambda: {}.popitem(), lambda: {[]: 1}, lambda: dict([1, 2]), lambda: dict([(1, 2, 3)])]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
nested = {"outer": {"inner": [1, {"deep": True}]}}
print(nested["outer"]["inner"][1]["deep"], nested)
keys = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "overrides 1", frozenset({1}): "fs"}
print(keys)
d = {i: i * i for i in range(10)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(len(d))
rec = {}
rec["self"] = rec
print(rec)
print(repr({"q": "it's"}), str({1: [None]}), {"a": {"b": {}}})
class Missing(dict):
    def __missing__(self, key):
        return f"missing:{key}"
md = Missing(a=1)
print(md["a"], md["b"], md.get("b"), "b" in md)
print(dict.__name__, type({}).__name__, {}.__class__ is dict)
big = {}
for i in range(1000):
    big[i] = i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], list(big)[-3:])
big[0] = "re-added"
print(list(big)[-1], next(iter(big)))
print(sorted({3: 1, 1: 2, 2: 3}), max({"a": 1, "b": 0}), min({"x": 1, "y": 2}, key=lambda k: -ord(k)))
print(list(reversed({"a": 1, "b": 2, "c": 3})), list(reversed({"a": 1}.items())))
