# enumerate, zip (incl. strict), map (multiple iterables), filter (incl. None).
print(list(enumerate("abc")), list(enumerate("abc", 1)), list(enumerate("ab", start=-5)), list(enumerate([])))
for i, (a, b) in enumerate([(1, 2), (3, 4)], start=10):
    print(i, a, b)
e = enumerate("xy")
print(type(e).__name__, next(e), next(e), next(e, "end"))
print(list(enumerate(range(3), 10 ** 20)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip(*[[1, 2], [3, 4], [5, 6]])), list(zip("a", "b", "c", "d")))
print(dict(zip("abc", range(3))), list(zip(range(3), range(10, 13), range(20, 23))))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in [([1, 2, 3], [1, 2]), ([1], [1, 2]), ([1, 2], [1, 2], [1])]:
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
log = []
def gen(name, n):
    for i in range(n):
        log.append(f"{name}{i}")
        yield i
print(list(zip(gen("a", 3), gen("b", 2))), log)
print(list(map(str, [1, 2])), list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6, 7])), list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(map(len, ["", "ab", "abc"])), list(map(str.upper, "ab")), list(map(int, "123")), list(map(abs, [])))
m = map(lambda x: x + 1, [1, 2])
print(type(m).__name__, next(m), list(m), list(m))
print(list(filter(None, [0, 1, "", "a", None, [], [0], False, True])), list(filter(lambda x: x % 2, range(10))))
print(list(filter(str.isdigit, "a1b2c3")), list(filter(None, [])), type(filter(None, [])).__name__)
f = filter(lambda v: v > 1, iter([0, 1, 2, 3]))
print(next(f), list(f))
for bad in [lambda: enumerate(5), lambda: zip(5), lambda: map(len, 5), lambda: filter(None, 5), lambda: list(map(len, [1])), lambda: map(), lambda: enumerate("a", "b")]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
print(list(map(lambda *a: a, "ab", "cd", "ef")), sum(map(int, "12345")))
print(list(zip(*zip("abc", "def"))), [list(t) for t in zip(*[(1, "a"), (2, "b")])])
print(list(enumerate(zip("ab", "cd"))), list(filter(lambda p: p[0], enumerate("abc"))))
