# collections.Counter: construction, most_common tie order, elements,
# update/subtract, arithmetic, comparisons, repr.
from collections import Counter

c = Counter('abracadabra')
print(c)
print(c.most_common(), c.most_common(2), c.most_common(0), c['z'])
print(sorted(c.elements()), list(Counter(a=2, b=0, c=-1).elements()))
print(Counter(['x', 'y', 'x']), Counter({'a': 3, 'b': 1}), Counter(a=1, b=2), Counter())
c.update('aaz')
c.update({'q': 5})
print(c)
c.subtract('aaaaaaa')
c.subtract({'q': 10})
print(c, c.total())
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1))
x = Counter(a=1)
x += Counter(a=2, b=-5)
print(x)
x -= Counter(a=10)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=3) > Counter(a=1))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
wc = Counter(words)
print(wc.most_common(3))
for word, n in wc.most_common():
    if n > 1:
        print(word, n)
print(dict(wc)['the'], len(wc), list(wc)[:4], sum(wc.values()))
del wc['the']
del wc['absent']
print('the' in wc, wc['the'])
try:
    Counter.fromkeys('abc')
except NotImplementedError as e:
    print('NotImplementedError:', e)
print(Counter('aab').copy(), type(Counter('ab').copy()).__name__)
ties = Counter('dcbabcd')
print(ties.most_common(), ties.most_common(1))
print(repr(Counter({'x': 1.5, 'y': 2})), Counter(x=2).get('y', 'default'))
print(isinstance(c, dict), Counter.__mro__)
