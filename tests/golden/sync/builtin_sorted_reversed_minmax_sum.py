# sorted, reversed, min/max (key, default, multiple args), sum (start), any/all.
print(sorted([3, 1, 2]), sorted("cab"), sorted((3, 1), reverse=True), sorted({"b": 1, "a": 2}), sorted([], reverse=True))
print(sorted(["aa", "b", "ccc"], key=len, reverse=True), sorted([-3, 2, -1], key=abs), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(4))), list(reversed((1,))), "".join(reversed("hello")))
print(list(reversed({"a": 1, "b": 2})), list(reversed({"a": 1}.values())))
for bad in [lambda: reversed({1, 2}), lambda: reversed(iter([1])), lambda: reversed(5)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("hello"), min("b", "a"), max([1, 2], [1, 3]), min((2, "a"), (1, "z")))
print(min([], default="empty"), max([], default=None), min([7], default=0), max(iter([]), default=-1))
print(min(["apple", "fig", "banana"], key=len), max(["apple", "fig", "banana"], key=len), max([-5, 3], key=abs), min(1, -2, key=abs))
print(max([1, 3, 3, 2], key=lambda x: x), max([(1, "a"), (1, "b")], key=lambda t: t[0]), min([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(max(1, 2.5), min(True, 0), max(float("-inf"), -10 ** 400), min(1, 1.0), max(1.0, 1))
for bad in [lambda: min([]), lambda: max(), lambda: max(1), lambda: min(1, 2, default=0), lambda: max([1, "a"]), lambda: min(x for x in [])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum(range(101)), sum([0.1] * 3), sum([[1], [2]], []), sum(((1,), (2,)), ()))
print(sum([1, 2.5]), sum([True, True]), sum([1], start=100), sum(x * x for x in range(4)), sum([10 ** 20, 1]))
for bad in [lambda: sum(["a", "b"], ""), lambda: sum([1, "a"]), lambda: sum([b"a"], b""), lambda: sum(5)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any([0, 1]), all([1, 0]), any(iter([False, True])))
log = []
def check(v):
    log.append(v)
    return v
print(any(check(x) for x in [0, 0, 3, 4]), log)
log.clear()
print(all(check(x) for x in [1, 0, 2]), log)
print(any("abc"), all(""), all([[]]), any([[]]), type(any([])).__name__, all(x > 0 for x in range(1, 5)))
print(sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]), sum([-0.0]), sum([], -0.0))
