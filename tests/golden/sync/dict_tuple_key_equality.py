# Dict keys compared natively: tuples of strs/ints against equal tuples
# built separately, tuples holding bools/floats/None/nested tuples, str
# and tuple subclasses (with and without their own __eq__), and a
# generator resumed through `yield from` from `for` and from `send`.

d = {}
words = "alpha beta gamma alpha beta".split()
for i in range(len(words) - 1):
    k = (words[i], words[i + 1])
    d[k] = d.get(k, 0) + 1
print(d[("alpha", "beta")], ("beta", "gamma") in d, ("beta", "alpha") in d)
print(("al" + "pha", "be" + "ta") in d)

d = {(1, "a"): "int", (2, (3, "b")): "nested"}
print(d[(True, "a")], (1.0, "a") in d, d[(2, (3, "b"))], (2, (3.0, "b")) in d)
d[(1, None)] = "none"
print((True, None) in d, (1, "a", 0) in d, (1,) in d)

class S(str):
    pass

class T(tuple):
    pass

s = S("alpha")
print((s, "beta") in {("alpha", "beta"): 1}, {s: 1}.get("alpha"), {"alpha": 2}[s])
print(T((1, "a")) in {(1, "a"): 1}, {T((1, "a")): 5}[(1, "a")])

class E(str):
    def __eq__(self, other):
        print("E.__eq__", str.__str__(self), other)
        return str.__eq__(self, other)
    __hash__ = str.__hash__

e = E("beta")
print(("alpha", e) in {("alpha", "beta"): 1})
print({("alpha", e): 1}.get(("alpha", "beta")))

def leaf(n):
    for i in range(n):
        got = yield i
        if got is not None:
            print("leaf got", got)

def mid(n):
    yield from leaf(n)

print([x for x in mid(3)])
g = mid(3)
print(next(g), g.send("s"), next(g))
print(sum(mid(4)), list(mid(0)))
