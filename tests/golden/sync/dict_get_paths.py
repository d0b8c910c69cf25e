# dict.get on exact dicts and subclasses, with native keys (str, int,
# tuples of those) and everything else.
class D(dict):
    def __missing__(self, k):
        print("missing", k)
        return 0
    def __getitem__(self, k):
        print("getitem", k)
        return dict.__getitem__(self, k)

d = D(a=1)
print(d.get("a"), d.get("b"), d.get("b", 5), d.get(("t", 1), "none"))
print(d["zz"])
e = {"a": 1, 2: "two", ("x", 3): "tuple"}
print(e.get("a"), e.get(2), e.get(2.0), e.get(True), e.get(("x", 3)), e.get(("x", 3.0)))
print(e.get("missing"), e.get("missing", []), dict.get(e, "a"))
for bad in ([1], {}, (1, [2])):
    try:
        e.get(bad)
    except TypeError as exc:
        print("TypeError", exc)
for args in [(), ("a", 1, 2)]:
    try:
        e.get(*args)
    except TypeError as exc:
        print("TypeError", exc)
try:
    dict.get([], "a")
except TypeError as exc:
    print("TypeError", exc)
counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
