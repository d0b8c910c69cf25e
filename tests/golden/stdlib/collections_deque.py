# collections.deque: every method, maxlen behaviour, indexing, repr,
# comparisons, errors, and a BFS.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend([5, 6])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 3 + 1)
print(d, d.count(2), d.index(5), 5 in d, 42 in d)
d.remove(5)
d.reverse()
print(d)
d.insert(1, 'x')
d[0] = 'first'
del d[-1]
print(d, d.maxlen)
d.clear()
print(d, bool(d), len(d))

m = deque(maxlen=3)
for i in range(6):
    m.append(i)
print(m, m.maxlen)
m.appendleft(-1)
print(m)
m.extend([10, 11])
print(m)
m.extendleft('ab')
print(m)
try:
    m.insert(0, 'z')
except IndexError as e:
    print('IndexError:', e)
print(deque('abcdef', 4), deque(range(3), maxlen=0), deque([], 2))
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) < deque([1, 3]), deque([1]) != deque([1, 2]))
print(deque([1, 2]) == [1, 2], deque([2]) > deque([1, 9]))
print(deque([1, 2]) + deque([3]), deque([1, 2]) * 2, 2 * deque('ab'))
e = deque([1])
e += [2, 3]
e *= 2
print(e, list(reversed(e)), sorted(deque([3, 1, 2])))
print(e.copy(), e.copy() is e, deque(e, maxlen=2))
for bad in (lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5],
            lambda: deque([1, 2]).index(7), lambda: deque([1]).remove(3),
            lambda: deque(maxlen=-1), lambda: deque([1])['a'], lambda: deque([1])[0:1],
            lambda: hash(deque()), lambda: deque([1]) + [2]):
    try:
        bad()
    except Exception as ex:
        # (CPython names the type 'collections.deque' in the hash message)
        print(type(ex).__name__ + ':', str(ex).replace('collections.', ''))
it_d = deque([1, 2, 3])
try:
    for x in it_d:
        it_d.append(x)
except RuntimeError as ex:
    print('RuntimeError:', ex)
nested = deque([[1], deque([2])])
print(nested, repr(deque(['a', None, 1.5])))
r = deque()
r.append(r)
print(r)


class MyDeque(deque):
    pass


md = MyDeque([1, 2], maxlen=5)
print(md, type(md.copy()).__name__, isinstance(md, deque))


def bfs(graph, start):
    seen = {start}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nb in graph[node]:
            if nb not in seen:
                seen.add(nb)
                q.append(nb)
    return order


g = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
print(bfs(g, 'a'))
total = 0
q = deque()
for i in range(100000):
    q.append(i)
    if len(q) > 10:
        total += q.popleft()
print(total, len(q))
window = deque(maxlen=3)
avgs = []
for v in [1, 2, 3, 4, 5, 6]:
    window.append(v)
    avgs.append(sum(window) / len(window))
print(avgs)
print(deque.__name__, deque.__module__, deque[int])
