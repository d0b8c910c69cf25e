# dict views: keys/values/items, dynamic updates, set operations.
d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), len(v), len(i))
d["d"] = 4
print(list(k), list(v), list(i))
print("a" in k, 1 in v, ("a", 1) in i, ("a", 2) in i, "z" in k)
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(k & {"b": 0}.keys(), type(k & set()).__name__, type(k | []).__name__)
print(sorted(i & {("a", 1), ("b", 99)}), sorted(i - {("a", 1)}))
print(k == {"a", "b", "c", "d"}, k == ["a", "b", "c", "d"], v == v, k <= {"a", "b", "c", "d", "e"}, k < {"a"})
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]))
print({1: 'a', 2: 'b'}.keys() & {2, 3}, {1: 'a', 2: 'b'}.keys() - {1}, {1: 0}.keys() | {1: 0}.keys())
print(list(reversed(k)), list(reversed(v)), list(reversed(i)))
it = iter(k)
print(next(it))
d["e"] = 5
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    k[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    {"a": []}.items() & {("a", 1)}
except TypeError as e:
    print(type(e).__name__, e)
print(sum(v), max(k), sorted(i, key=lambda kv: -kv[1])[:2])
for key, val in d.items():
    print(key, "=", val, end="; ")
print()
e = {}
print(e.keys(), e.values(), e.items(), list(e.items()))
x = {1: 2}
print(x.keys() == {1}, x.items() == {(1, 2)}, x.values() == x.values())
print(type(k).__name__, type(v).__name__, type(i).__name__)
print(k.mapping if hasattr(k, "mapping") else "no mapping")
nums = {n: n for n in range(5)}
print(nums.keys() - {0, 1}, {3, 4} - nums.keys(), nums.keys() & range(3))
