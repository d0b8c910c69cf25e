# tuple operations and methods.
t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t.count(2), t.index(3), t.index(1, 1))
print((), (1,), (1, 2) + (3,), (0,) * 3, 2 * ("a", "b"), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 5), () < (0,), (1, "a") == (1, "a"))
print(1 in t, 9 not in t, min(t), max(t), sum(t), sorted(t))
a, b, *c = t
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
mut_inside = ([1], 2)
mut_inside[0].append(99)
print(mut_inside)
try:
    mut_inside[0] += [100]
except TypeError as e:
    print(type(e).__name__, e, mut_inside)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index(42)
except ValueError as e:
    print(type(e).__name__, e)
try:
    (1,) + [2]
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, 2, 3)), hash((-1, -2)), hash(((1, 2), 3)))
try:
    hash(([1], 2))
except TypeError as e:
    print(type(e).__name__, e)
d = {(1, 2): "pair", (): "empty"}
print(d[(1, 2)], d[()], d[1, 2])
print(repr((1,)), repr(("a",)), str((None, True)), repr(((),)))
x = 1, 2
y = x + (3,)
print(x, y, x is not y, tuple(x) is x)
print(tuple.__name__, type(()).__name__, isinstance((), tuple), (1, 2).__len__())
print((1, 2, 3)[5:], (1,) * -1, (1, 2) * 0)
