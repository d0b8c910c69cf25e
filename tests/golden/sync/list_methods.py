# list methods and operations.
l = [3, 1, 4]
l.append(1)
print(l)
l.extend([5, 9])
l.extend("ab")
l.extend(range(2))
print(l)
l.insert(0, "first")
l.insert(-1, "before last")
l.insert(100, "end")
l.insert(-100, "start")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(4), l.index(1), l.count(1), l.count("zz"))
print(l.index(5, 2), l.index(1, 0, 5) if 1 in l[:5] else "n/a")
l2 = l.copy()
l2.clear()
print(l2, len(l))
r = [1, 2, 3]
r.reverse()
print(r, r[::-1], list(reversed(r)))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2), lambda: [1, 2].index(1, 1)]:
    try:
        bad()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
a = [1, 2]
b = a + [3]
c = a * 3
print(a, b, c, [0] * 0, [[]] * 2, 2 * [9])
m = [[]] * 3
m[0].append("shared")
print(m)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2] < [1, 2, 3], [2] > [1, 100], [] == [])
print(len([]), len([None] * 5), list(), list("abc"), list((1, 2)), list({3: 'x'}), list(range(3)))
print(1 in [1, 2], [1] in [[1], 2], min([4, 2, 8]), max([4, 2, 8]), sum([1, 2, 3]))
nested = [1, [2, [3, [4]]]]
print(nested[1][1][1][0], str(nested), repr(nested))
rec = [1, 2]
rec.append(rec)
print(rec, len(rec))
x = [1, 2, 3, 4, 5]
x[1:3] = [20, 30, 35]
print(x)
x[::2] = [0, 0, 0]
print(x)
del x[1::2]
print(x)
try:
    [1, 2] + (3,)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1].extend(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2][5] = 0
except IndexError as e:
    print(type(e).__name__, e)
lst = [5, 3, 8]
print(lst.sort(), lst, lst.append(1), lst.reverse(), lst)
words = ["a", "b"]
words += "cd"
print(words)
e = []
e *= 3
print(e, [1, 2] * -1)
print([i for i in range(3)] + list(map(str, range(2))))
q = [1, 2, 3]
print(q.pop(1), q, q.__len__(), q.__getitem__(0), q.__contains__(3))
print(list.__name__, type([]).__name__, isinstance([], list))
print([1, 2, 3].__add__([4]), [1].__mul__(2), [3, 1].__iter__().__next__())
