# set/frozenset methods, operators and errors (ints to keep order deterministic).
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference([4, 9]))
print(a <= b, {1, 2} <= a, {1, 2} < a, a < a, a <= a, a >= {1}, a > a, a == {4, 3, 2, 1})
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint([4]))
c = set(a)
c.add(10)
c.update({11}, [12, 13])
c.discard(1)
c.discard(100)
c.remove(2)
print(c)
try:
    c.remove(100)
except KeyError as e:
    print(type(e).__name__, e)
c.intersection_update({3, 4, 10, 11, 99})
print(c)
c.difference_update({3})
print(c)
c.symmetric_difference_update({4, 50})
print(c)
c |= {60}
c &= {10, 11, 50, 60}
c -= {11}
c ^= {1}
print(c)
print(len(c), 10 in c, 99 not in c)
d = c.copy()
d.clear()
print(d, c)
e = set()
try:
    e.pop()
except KeyError as err:
    print(type(err).__name__, err)
print(set(), set([]), set("") == set(), set((1, 1, 2)), set({1: 'a', 2: 'b'}), set(range(3)))
f = frozenset([1, 2, 3])
print(f, f | {4}, f & {1}, type(f | {4}).__name__, type({4} | f).__name__, f.union([9]))
print(hash(f) == hash(frozenset([3, 2, 1])), {f: "frozen key"}[frozenset({1, 2, 3})])
print(frozenset(), frozenset() == set(), f == {1, 2, 3}, {frozenset({1}), frozenset({1})})
try:
    f.add(4)
except AttributeError as err:
    print(type(err).__name__, err)
try:
    {[1, 2]}
except TypeError as err:
    print(type(err).__name__, err)
try:
    set([{}])
except TypeError as err:
    print(type(err).__name__, err)
try:
    hash({1})
except TypeError as err:
    print(type(err).__name__, err)
try:
    a + b
except TypeError as err:
    print(type(err).__name__, err)
try:
    a | [1]
except TypeError as err:
    print(type(err).__name__, err)
print({1, 2} == frozenset({1, 2}), {1} < frozenset({1, 2}), sorted({3, 1, 2}), min({5, 2}), max({5, 2}), sum({1, 2, 3}))
nested = {frozenset({1, 2}), frozenset({3})}
print(len(nested), frozenset({1, 2}) in nested)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as err:
    print(type(err).__name__, err)
print(repr(set()), repr(frozenset()), str({1}), repr(frozenset({5})))
print(set.__name__, type(set()).__name__, isinstance(frozenset(), set), issubclass(frozenset, set))
print({1, 2, 3}.__len__(), {1}.__contains__(1), {1, 2} .__or__({3}))
s2 = {1, 2}
s2 |= range(5) if False else {4}
print(s2)
