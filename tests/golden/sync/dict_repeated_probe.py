# Repeated probes of one dict with one key (`k in d`, `d[k] += 1`,
# `d[k] = d.get(k, 0) + 1`) interleaved with everything that changes the
# dict's keys, with equal-but-not-identical keys, user keys whose
# __hash__/__eq__ must run every time, NaN and -1 hashes.

def count_pairs(toks):
    d = {}
    for i in range(len(toks) - 1):
        key = (toks[i], toks[i + 1])
        if key in d:
            d[key] += 1
        else:
            d[key] = 1
    return d

words = "a b a b c a b a".split()
print(sorted(count_pairs(words).items()))
print(sorted(count_pairs([1, 2, 1, 2, 1]).items()))

# equal strings that are different objects
d = {}
for w in "x y x".split() + "x y".split():
    d[w] = d.get(w, 0) + 1
print(d)

# a key deleted, re-added, cleared between probes of the same object
k = "".join(["ke", "y"])
d = {k: 1}
print(k in d, d[k])
del d[k]
print(k in d, d.get(k))
d[k] = 2
print(k in d, d[k])
d.clear()
print(k in d)
d[k] = 3
d.pop(k)
print(k in d, len(d))
d[k] = 4
d.popitem()
print(k in d)
d.setdefault(k, 5)
print(d[k])
d.update({k: 6})
print(d[k])

# the same key in two dicts, one a copy of the other
a = {k: 1, "z": 2}
b = a.copy()
print(k in a, k in b)
b[k] += 10
a[k] += 1
print(a, b)
del b[k]
print(k in a, k in b, a[k])
b[k] = 7
print(list(b), list(a))

# a missing key, then stored, then read straight back
d = {}
t = ("p", 1)
print(t in d)
d[t] = "v"
print(d[t], t in d)
try:
    d[("q", 2)]
except KeyError as e:
    print("KeyError", e)

# ints, bools and floats that are equal
d = {1: "one"}
print(1 in d, True in d, 1.0 in d, d[True])
d[True] = "true"
print(d)
d[1.0] = "float"
print(d)

# NaN keys: each NaN object is its own key
nan = float("nan")
d = {nan: 1}
print(nan in d)
d[nan] += 1
print(d[nan], len(d))

# -1 hashes
d = {-1: "a", -2: "b"}
print(d[-1], d[-2], -1 in d)
d[-1] += "x"
print(d)
d[(-1, -2)] = 1
d[(-1, -2)] += 1
print(d[(-1, -2)])

# tuples of tuples
d = {}
for i in range(3):
    key = ((1, "a"), (2, ("b", i % 2)))
    d[key] = d.get(key, 0) + 1
print(d)

# user keys: __hash__ and __eq__ run as often as CPython runs them
calls = []

class K:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        calls.append("hash")
        return hash(self.v)
    def __eq__(self, other):
        calls.append("eq")
        return isinstance(other, K) and self.v == other.v

d = {}
key = K(1)
d[key] = 1
if key in d:
    d[key] += 1
d[K(1)] = d.get(K(1), 0) + 1
print(d[key], calls)

# a user key whose hash changes between probes
class H:
    def __init__(self):
        self.h = 1
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return self is other

h = H()
d = {h: "first"}
print(h in d)
h.h = 2
print(h in d)
d[h] = "second"
print(len(d), sorted(d.values()))

# tuple keys holding user objects: hashed every time
class M:
    n = 0
    def __hash__(self):
        M.n += 1
        return 7
m = M()
t = (m, "s")
d = {t: 0}
for _ in range(3):
    if t in d:
        d[t] += 1
print(d[t], M.n)

# a dict subclass sees its own __setitem__/__getitem__/__contains__
class D(dict):
    def __getitem__(self, k):
        print("get", k)
        return dict.__getitem__(self, k)
    def __setitem__(self, k, v):
        print("set", k, v)
        dict.__setitem__(self, k, v)
    def __contains__(self, k):
        print("contains", k)
        return dict.__contains__(self, k)

d = D()
d["a"] = 1
if "a" in d:
    d["a"] += 1
print(d)

# mutation through another name between probes
d = {"a": 1}
e = d
key = "a"
print(key in d)
del e[key]
print(key in d, d.get(key, "gone"))
e[key] = 9
print(d[key])
