# abc (abstract classes, registration, isinstance), copy (shallow/deep,
# __copy__/__deepcopy__, memo), types (SimpleNamespace, MappingProxyType,
# new_class, type names).
from abc import ABC, ABCMeta, abstractmethod
import abc
import copy
import types


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def sides(self):
        ...

    def describe(self):
        return f'{self.name} with area {self.area()}'


class Square(Shape):
    def __init__(self, s):
        super().__init__('square')
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def sides(self):
        return 4


class Partial(Shape):
    def area(self):
        return 0


for cls in (Shape, Partial):
    try:
        cls('x')
    except TypeError as e:
        print('TypeError:', e)
sq = Square(3)
print(sq.describe(), sq.sides, isinstance(sq, Shape), issubclass(Square, ABC), sorted(Shape.__abstractmethods__))
print(Square.__abstractmethods__, type(Shape), isinstance(Shape, ABCMeta))


class Plugin(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Plugin:
            return hasattr(C, 'run') or NotImplemented
        return NotImplemented


class Runner:
    def run(self):
        return 'running'


class Other:
    pass


print(isinstance(Runner(), Plugin), isinstance(Other(), Plugin), issubclass(Runner, Plugin))
Plugin.register(Other)
print(isinstance(Other(), Plugin), issubclass(Other, Plugin), abc.get_cache_token() >= 1)


class Base(ABC):
    @abstractmethod
    def a(self): ...

    @abstractmethod
    def b(self): ...

    @abstractmethod
    def c(self): ...


try:
    Base()
except TypeError as e:
    print('TypeError:', e)

orig = {'list': [1, [2, 3]], 'tuple': (4, [5]), 'set': {6}, 'n': None}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig['list'][1].append(99)
orig['tuple'][1].append(100)
print(shallow, deep, shallow['list'] is orig['list'], deep['list'] is orig['list'])
a = [1, 2]
b = [a, a]
c = copy.deepcopy(b)
print(c, c[0] is c[1], c[0] is a)
cyc = [1]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[1] is cc, cc is not cyc)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.tags = ['t']

    def __repr__(self):
        return f'Point({self.x}, {self.y}, {self.tags})'


p = Point(1, 2)
p2 = copy.copy(p)
p3 = copy.deepcopy(p)
p.tags.append('u')
print(p2, p3, p2.tags is p.tags, type(p3).__name__)


class Custom:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print('custom copy')
        return Custom(self.v)

    def __deepcopy__(self, memo):
        print('custom deepcopy', type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))


x = Custom([1])
y = copy.copy(x)
z = copy.deepcopy(x)
print(y.v is x.v, z.v is x.v, z.v)
print(copy.copy(5), copy.deepcopy('s'), copy.copy((1, 2)), copy.deepcopy((1, [2]))[1])
from collections import OrderedDict, defaultdict, Counter, deque
d = defaultdict(list, {'k': [1]})
print(copy.deepcopy(d), copy.copy(OrderedDict(a=1)), copy.deepcopy(Counter('aab')), copy.deepcopy(deque([1, [2]], maxlen=3)))

ns = types.SimpleNamespace(a=1, b='two')
ns.c = [3]
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='two', c=[3]), vars(ns), types.SimpleNamespace())
mp = types.MappingProxyType({'x': 1})
print(mp, mp['x'], len(mp), list(mp), 'x' in mp, mp.get('y', 0))
try:
    mp['y'] = 2
except TypeError as e:
    print('TypeError:', e)


def gen():
    yield 1


async def coro():
    pass


co = coro()
print(type(gen()) is types.GeneratorType, type(co) is types.CoroutineType, type(len) is types.BuiltinFunctionType)
co.close()
print(isinstance(print, types.BuiltinFunctionType), isinstance(gen, types.FunctionType), type(types) is types.ModuleType)
print(types.FunctionType.__name__, types.MethodType.__name__, types.NoneType, types.ModuleType('mymod').__name__)
Dyn = types.new_class('Dyn', (object,), {}, lambda ns: ns.update({'hello': lambda self: 'hi'}))
print(Dyn().hello(), Dyn.__name__, types.resolve_bases((int,)))
