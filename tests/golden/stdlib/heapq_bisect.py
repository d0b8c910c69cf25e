# heapq and bisect: primitives, comparison order, merge/nlargest/nsmallest,
# key functions, errors.
import heapq
import bisect
from heapq import heappush, heappop, heapify, heapreplace, heappushpop

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heappush(h, x)
print(h, [heappop(h) for _ in range(len(h))])
data = [9, 1, 8, 2, 7, 3, 6, 4, 5, 0]
heapify(data)
print(data, heapreplace(data, 10), data, heappushpop(data, -1), heappushpop(data, 11), data)
print(heappushpop([], 3))

# tuples and priority queues
pq = []
for pri, task in [(2, 'write'), (1, 'read'), (3, 'sleep'), (1, 'eat')]:
    heappush(pq, (pri, task))
print([heappop(pq) for _ in range(4)])

# comparison calls are observable
class Item:
    calls = 0
    def __init__(self, v): self.v = v
    def __lt__(self, other):
        Item.calls += 1
        return self.v < other.v
    def __repr__(self): return f'I{self.v}'
items = [Item(v) for v in [4, 1, 3, 2, 5, 0]]
heapify(items)
print(items, Item.calls)
print(heappop(items), heappop(items), items, Item.calls)
heappush(items, Item(-1))
print(items, Item.calls)

print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([9, 5, 1], [8, 3], reverse=True)))
print(list(heapq.merge(['a', 'ccc'], ['bb', 'dddd'], key=len)))
print(list(heapq.merge([(1, 'x')], [(1, 'y')], key=lambda t: t[0])), list(heapq.merge()), list(heapq.merge([], [1])))
nums = [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]
print(heapq.nlargest(3, nums), heapq.nsmallest(3, nums), heapq.nlargest(0, nums), heapq.nsmallest(20, [3, 1]))
portfolio = [{'name': 'IBM', 'price': 91.1}, {'name': 'AAPL', 'price': 543.22},
             {'name': 'FB', 'price': 21.09}, {'name': 'HPQ', 'price': 31.75}]
print([s['name'] for s in heapq.nsmallest(2, portfolio, key=lambda s: s['price'])])
print([s['name'] for s in heapq.nlargest(2, portfolio, key=lambda s: s['price'])])
print(heapq.nlargest(2, [(1, 'a'), (1, 'b'), (0, 'c')], key=lambda t: t[0]))

# max-heap helpers used by CPython itself
m = [3, 1, 4, 1, 5, 9, 2, 6]
heapq._heapify_max(m)
print(m, heapq._heappop_max(m), heapq._heapreplace_max(m, 0), m)

def err(f, *a, **k):
    try:
        r = f(*a, **k)
        print('ok', r)
    except Exception as e:
        print(type(e).__name__ + ':', e)
err(heappop, [])
err(heapreplace, [], 1)
err(heappush, (), 1)
err(heapify, None)
err(heappush, [1])
err(heappush, [1, 'a'], 2)
err(heappush, [], 1, x=2)

# bisect
a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect_left(a, 4), bisect.bisect_right(a, 4), bisect.bisect(a, 4), bisect.bisect(a, 0), bisect.bisect(a, 99))
print(bisect.bisect_left(a, 4, 3), bisect.bisect_left(a, 4, 0, 2), bisect.bisect_right(a, 4, hi=4), bisect.bisect_left(a, 4, lo=1, hi=-1))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4); bisect.insort_right(b, 4, 0, 3); print(b)
def grade(score, breakpoints=[60, 70, 80, 90], grades='FDCBA'):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ('x', 4), key=lambda r: r[1]); print(recs)
print(bisect.bisect_left('acegi', 'f'), bisect.bisect_right((1, 2, 3), 2))
class MyList(list):
    def insert(self, i, x):
        print('insert', i, x)
        super().insert(i, x)
ml = MyList([1, 3])
bisect.insort(ml, 2); print(ml)
err(bisect.bisect, [1], 1, -1)
err(bisect.bisect, [1])
err(bisect.bisect, [1], 1, 'a')
err(bisect.bisect_left, None, 1)
err(bisect.insort, [1, 'a'], 2)
err(bisect.bisect, [1], 1, foo=1)
