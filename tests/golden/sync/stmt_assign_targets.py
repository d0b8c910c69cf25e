# Assignment targets: chained, tuple/list/starred, subscripts, attributes.
a = b = c = 5
print(a, b, c)
x = y = []
x.append(1)
print(x, y, x is y)
p, q = 1, 2
print(p, q)
p, q = q, p
print(p, q)
(r, s), t = (3, 4), 5
print(r, s, t)
[u, v] = "hi"
print(u, v)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
head, *mid, tail = "abcdef"
print(head, mid, tail)
a, *b, c = 1, 2
print(a, b, c)
*everything, = (7, 8)
print(everything)
[a, [b, *c]] = [1, [2, 3, 4]]
print(a, b, c)
for i, (j, k) in enumerate([(1, 2), (3, 4)]):
    print("loop", i, j, k)
for *xs, y in [(1, 2, 3), (4, 5)]:
    print("star loop", xs, y)
lst = [0, 0, 0]
lst[0] = lst[1] = 9
print(lst)
lst[-1] = 'end'
print(lst)
d = {}
d['a'] = d['b'] = 1
d[1, 2] = 'tuple key'
print(d)
class Obj:
    pass
o = Obj()
o.attr = 10
o.other = o.attr + 1
print(o.attr, o.other)
o.items = [1, 2]
o.items[0], o.items[1] = o.items[1], o.items[0]
print(o.items)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
m = [[0] * 2 for _ in range(2)]
m[0][1] = 5
print(m)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    a, b = None
except TypeError as e:
    print(type(e).__name__, e)
class Order:
    def __init__(self):
        self.log = []
    def __setitem__(self, k, v):
        self.log.append(('set', k, v))
ord_ = Order()
ord_[1] = ord_[2] = 'v'
print(ord_.log)
x, y = y, x = 1, 2
print(x, y)
