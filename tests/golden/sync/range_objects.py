# range: len, indexing, slicing, membership, reversed, negative steps, equality.
for r in [range(5), range(2, 10), range(0, 10, 3), range(10, 0, -2), range(5, 5), range(5, 0), range(-5, 5, 4), range(0, -10, -3)]:
    print(r, list(r), len(r), bool(r))
r = range(0, 20, 3)
print(r[0], r[-1], r[2], r[1:4], r[::-1], r[::2], r[-2:], r[10:], list(r[::-2]))
print(3 in r, 4 in r, 18 in r, 21 in r, -3 in r, 3.0 in r, "3" in r)
print(r.index(9), r.count(9), r.count(10), r.start, r.stop, r.step)
print(list(reversed(range(5))), list(reversed(range(1, 10, 4))), list(reversed(range(0))))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(0, 5, 2) == range(0, 6, 2), range(1) == range(0, 1, 1), range(3) != [0, 1, 2])
print(range(10 ** 20)[-1], range(0, 10 ** 20, 7)[-1], 10 ** 19 in range(10 ** 20), range(10 ** 20)[10 ** 19 : 10 ** 19 + 3])
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3, 0, -1)), list(range(3)) + list(range(2)))
print(hash(range(3)) == hash(range(0, 3)), repr(range(1, 2)), str(range(0, 9, 3)), range(-3, -1))
for bad in [lambda: range(0, 5, 0), lambda: range(1.5), lambda: range("3"), lambda: r[100], lambda: r.index(4), lambda: range(1, 2, 3, 4)]:
    try:
        bad()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"))
a, b, c = range(3)
print(a, b, c, [*range(2)], tuple(range(-2, 2)))
class Idx:
    def __index__(self):
        return 4
print(range(Idx()), range(Idx())[Idx() - 1 if False else -1], list(range(1, Idx())))
print(range(0, 10)[2:8:3], range(10, 0, -1)[::3], range(1, 100, 10)[-3::-2])
