# collections: defaultdict, OrderedDict, namedtuple, ChainMap,
# UserDict/UserList, and the collections.abc ABCs with isinstance.
from collections import defaultdict, OrderedDict, namedtuple, ChainMap, UserDict, UserList
import collections
import collections.abc as cabc

dd = defaultdict(list)
dd['a'].append(1)
dd['b'].append(2)
dd['a'].append(3)
print(dd, dd['a'], 'c' in dd, len(dd))
print(defaultdict(int), defaultdict(None, {'x': 1}), defaultdict(lambda: 'v')['k'])
counts = defaultdict(int)
for ch in 'hello':
    counts[ch] += 1
print(counts, dict(counts))
nested = defaultdict(lambda: defaultdict(int))
nested['x']['y'] += 1
print(nested['x'], dd.default_factory, counts.get('zz'), 'zz' in counts)
try:
    defaultdict(None)['missing']
except KeyError as e:
    print('KeyError:', e)
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError:', e)
print(dd.copy(), type(dd.copy()).__name__, isinstance(dd, dict))

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), OrderedDict())
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict([('x', 1), ('y', 2)])
o2 = OrderedDict([('y', 2), ('x', 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == dict(o2))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError:', e)
try:
    o1.move_to_end('zz')
except KeyError as e:
    print('KeyError:', e)
print(OrderedDict.fromkeys('abc', 0), o1 | {'z': 0})

Point = namedtuple('Point', ['x', 'y'])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=10), Point._make([5, 6]), Point._fields)
print(p == (1, 2), tuple(p), len(p), Point.__name__, type(p).__mro__)
x, y = p
print(x + y, p.count(1), p.index(2), sorted([Point(2, 1), Point(1, 5)]))
P3 = namedtuple('P3', 'a b c', defaults=[0, 1])
print(P3(9), P3._field_defaults, P3(1, 2, 3))
R = namedtuple('R', 'a, def, a, _b', rename=True)
print(R._fields, R(1, 2, 3, 4))
for bad in (lambda: namedtuple('B', 'a a'), lambda: namedtuple('B', 'class'),
            lambda: namedtuple('B', '_x'), lambda: namedtuple('1B', 'x'),
            lambda: Point(1), lambda: Point(1, 2, 3), lambda: p._replace(z=1),
            lambda: namedtuple('B', 'x', defaults=[1, 2])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
try:
    p.x = 5
except AttributeError as e:
    print('AttributeError:', e)


class Vec(namedtuple('Vec', 'x y')):
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)


print(Vec(1, 2) + Vec(3, 4), hash(Point(1, 2)) == hash(Point(1, 2)))
Emp = namedtuple('Emp', 'name dept')
print(sorted([Emp('b', 2), Emp('a', 1)], key=lambda e: e.name))

base = {'a': 1, 'b': 2}
over = {'b': 20, 'c': 30}
cm = ChainMap(over, base)
print(cm['a'], cm['b'], cm['c'], len(cm), sorted(cm), cm.get('z', 0))
cm['d'] = 4
print(over, cm.maps[0] is over, dict(cm))
child = cm.new_child({'a': 100})
print(child['a'], child.parents['a'], 'c' in child, list(child.keys()))
print(ChainMap({'x': 1}))


class Config(UserDict):
    def __setitem__(self, key, value):
        super().__setitem__(key, str(value))


cfg = Config(a=1)
cfg['b'] = 2
print(cfg, cfg.data, len(cfg), 'a' in cfg, cfg.get('b'))
ul = UserList([3, 1])
ul.append(2)
ul.sort()
print(ul, ul[0], len(ul), ul + [9], type(ul[0:2]).__name__)

print(isinstance([], cabc.Iterable), isinstance(iter([]), cabc.Iterator), isinstance({}, cabc.Mapping))
print(isinstance([], cabc.Sequence), isinstance('s', cabc.Sequence), isinstance({}, cabc.MutableMapping))
print(isinstance(set(), cabc.Set), isinstance(frozenset(), cabc.MutableSet), isinstance(len, cabc.Callable))
print(isinstance(3, cabc.Hashable), isinstance([], cabc.Hashable), isinstance((x for x in []), cabc.Generator))


class Bag:
    def __init__(self):
        self.items = [1, 2]

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)

    def __contains__(self, x):
        return x in self.items


print(isinstance(Bag(), cabc.Iterable), isinstance(Bag(), cabc.Sized), isinstance(Bag(), cabc.Container))
print(isinstance(Bag(), cabc.Collection), isinstance(Bag(), cabc.Sequence), issubclass(Bag, cabc.Iterator))


async def coro():
    pass


async def agen():
    yield 1


co = coro()
print(isinstance(co, cabc.Coroutine), isinstance(co, cabc.Awaitable), isinstance(agen(), cabc.AsyncGenerator))
print(isinstance(agen(), cabc.AsyncIterator), isinstance(agen(), cabc.AsyncIterable))
co.close()


class MyMap(cabc.Mapping):
    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)


mm = MyMap({'a': 1, 'b': 2})
print(mm['a'], mm.get('z', 0), 'a' in mm, list(mm.keys()), list(mm.items()), list(mm.values()), mm == {'a': 1, 'b': 2})
try:
    cabc.Mapping()
except TypeError as e:
    print('TypeError:', e)


class MySeq(cabc.MutableSequence):
    def __init__(self):
        self._l = []

    def __getitem__(self, i):
        return self._l[i]

    def __setitem__(self, i, v):
        self._l[i] = v

    def __delitem__(self, i):
        del self._l[i]

    def __len__(self):
        return len(self._l)

    def insert(self, i, v):
        self._l.insert(i, v)


s = MySeq()
s.append(1)
s.extend([2, 3])
s += [4]
s.reverse()
print(list(s), s.pop(), s.index(2), s.count(3), 3 in s, list(reversed(s)))
print(collections.abc.Iterable, cabc.Iterable[int], cabc.Callable[[int], str])
print(issubclass(list, cabc.MutableSequence), issubclass(dict, cabc.Sequence), issubclass(tuple, cabc.Sequence))
print(isinstance(collections.deque(), cabc.MutableSequence), isinstance(collections.Counter(), cabc.Mapping))
