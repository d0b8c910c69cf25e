# pprint: layouts of nested containers, width/indent/depth/compact,
# sort_dicts, long strings, special containers and dataclasses.
import pprint
from collections import OrderedDict, defaultdict, Counter, deque
from dataclasses import dataclass, field
from types import SimpleNamespace

data = {'name': 'widget', 'tags': ['a', 'b', 'c'], 'dims': {'w': 10, 'h': 20, 'd': 5},
        'history': [{'version': i, 'changes': ['fix %d' % j for j in range(i)]} for i in range(4)],
        'matrix': [[i * j for j in range(6)] for i in range(5)]}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60)
pprint.pprint(data, depth=2)
pprint.pprint(data, sort_dicts=False, width=50)
pprint.pp({'z': 1, 'a': [1, 2, 3] * 10})
pprint.pprint(list(range(50)), compact=True)
pprint.pprint(list(range(30)), width=30)
pprint.pprint(tuple(range(25)))
pprint.pprint((1,))
pprint.pprint({1, 2, 3, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 160, 170, 180, 190})
pprint.pprint(frozenset(range(0, 60, 3)))
text = ('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor '
        'incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.')
pprint.pprint(text)
pprint.pprint({'text': text, 'short': 'x'}, width=60)
pprint.pprint(['line one\nline two\n' * 4])
pprint.pprint(b'0123456789' * 10)
s = pprint.pformat({'b': [1, 2], 'a': {'c': None}})
print(repr(s))
od = OrderedDict((f'k{i}', i * 1.5) for i in range(10))
pprint.pprint(od)
dd = defaultdict(list, {f'key{i}': list(range(i)) for i in range(8)})
pprint.pprint(dd)
pprint.pprint(Counter('the quick brown fox jumps over the lazy dog'))
pprint.pprint(deque(range(40)))
pprint.pprint(deque(range(40), maxlen=35))


@dataclass
class Item:
    name: str
    price: float
    tags: list = field(default_factory=list)


@dataclass
class Order:
    id: int
    items: list


order = Order(1, [Item('apple', 1.25, ['fruit', 'red']), Item('bread', 3.5, ['bakery'] * 6), Item('milk', 0.99)])
pprint.pprint(order)
pprint.pprint(SimpleNamespace(alpha=list(range(20)), beta='b' * 50, gamma={'x': 1}))
rec = [1, 2]
rec.append(rec)
print(pprint.pformat(rec).startswith('[1, 2, <Recursion on list with id='))
print(pprint.saferepr(rec)[:30], pprint.isrecursive(rec), pprint.isreadable([1, 2]), pprint.isreadable(object()))
pp = pprint.PrettyPrinter(indent=2, width=30)
pp.pprint({'numbers': list(range(12)), 'nested': {'deep': {'deeper': [1, 2, 3]}}})
print(pp.pformat([1, 2, 3]))
pprint.pprint({'x': 1234567, 'y': [10 ** 12]}, underscore_numbers=True)
pprint.pprint([[], {}, (), set(), '', b''])
