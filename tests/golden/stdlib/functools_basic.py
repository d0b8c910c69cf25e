# functools: wraps, partial, reduce, lru_cache/cache, total_ordering,
# cached_property, singledispatch, cmp_to_key, partialmethod.
import functools
from functools import (wraps, partial, reduce, lru_cache, cache, total_ordering,
                       cached_property, singledispatch, cmp_to_key, update_wrapper)


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print(f'calling {func.__name__}')
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


add.extra = 'x'
print(add(2, 3), add.__name__, add.__doc__, add.__qualname__, add.__module__)
print(add.__wrapped__.__name__, add.__annotations__)


def marked(f):
    f.marker = 42
    return f


@logged
@marked
def g():
    pass


print(g.marker, g.__wrapped__.marker)


class Outer:
    @logged
    def method(self):
        return 'm'


print(Outer().method(), Outer.method.__qualname__)


def w(*a):
    pass


update_wrapper(w, add)
print(w.__name__, w.__doc__, w.__wrapped__ is add)


def power(base, exp):
    return base ** exp


square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(4), cube(2), square.func is power, square.args, square.keywords)
print(repr(partial(power, 2))[:30].startswith('functools.partial(<function'))
p2 = partial(partial(power, 2), 5)
print(p2(), p2.args, p2.func is power)
print(partial(int, base=2)('1010'))
basetwo = partial(int, base=2)
basetwo.__doc__ = 'Convert base 2 string to an int.'
print(basetwo('10010'), basetwo.__doc__)
print(repr(partial(max, 1, key=abs)))
try:
    partial(3)
except TypeError as e:
    print('TypeError:', e)

print(reduce(lambda a, b: a + b, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 6), 10))
print(reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], 'init'))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError:', e)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib.cache_parameters())


@lru_cache(maxsize=2)
def sq(x):
    print('computing', x)
    return x * x


for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(sq.cache_info())


@lru_cache
def plain(x, y=1):
    return x + y


print(plain(1), plain(1), plain(1, y=1), plain(1, 1), plain.cache_info())


@cache
def fact(n):
    return n * fact(n - 1) if n else 1


print(fact(20), fact.cache_info(), fact.__name__, fact.__wrapped__.__name__)


@lru_cache(maxsize=3, typed=True)
def typed(x):
    return type(x).__name__


print(typed(1), typed(1.0), typed(True), typed.cache_info())
ci = fib.cache_info()
print(ci.hits, ci.misses, ci.maxsize, ci.currsize, ci._fields, type(ci).__name__)


@total_ordering
class Version:
    def __init__(self, major, minor):
        self.major, self.minor = major, minor

    def __eq__(self, other):
        return (self.major, self.minor) == (other.major, other.minor)

    def __lt__(self, other):
        return (self.major, self.minor) < (other.major, other.minor)

    def __repr__(self):
        return f'V{self.major}.{self.minor}'


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == b, a != b)
print(sorted([Version(2, 0), a, b]), max(a, b))


@total_ordering
class Desc:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __eq__(self, other):
        return self.v == other.v


print(Desc(1) < Desc(2), Desc(1) <= Desc(1), Desc(3) >= Desc(4))
try:
    @total_ordering
    class NoOrder:
        pass
except ValueError as e:
    print('ValueError:', e)


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r ** 2


c = Circle(2)
print(c.area, c.area, 'area' in c.__dict__)
c.r = 10
print(c.area)
del c.area
print(c.area)
print(type(Circle.__dict__['area']).__name__)


@singledispatch
def describe(x):
    return f'object {x!r}'


@describe.register
def _(x: int):
    return f'int {x}'


@describe.register(list)
def _(x):
    return f'list of {len(x)}'


@describe.register(str)
@describe.register(bytes)
def _(x):
    return f'text {x!r}'


print(describe(1), describe([1, 2]), describe('s'), describe(b'b'), describe(2.5))
print(describe(True), describe.dispatch(float).__name__, list(describe.registry) == [object, int, list, bytes, str])


class Animal:
    pass


class Dog(Animal):
    pass


@singledispatch
def speak(a):
    return 'generic'


@speak.register
def _(a: Animal):
    return 'animal'


print(speak(Dog()), speak(1))


def compare_len(a, b):
    return len(a) - len(b)


print(sorted(['ccc', 'a', 'bb'], key=cmp_to_key(compare_len)))
print(sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
print(min(['xx', 'y', 'zzz'], key=cmp_to_key(compare_len)))


class Cell:
    def __init__(self):
        self._alive = False

    def set_state(self, state):
        self._alive = bool(state)

    set_alive = functools.partialmethod(set_state, True)
    set_dead = functools.partialmethod(set_state, False)


cell = Cell()
cell.set_alive()
print(cell._alive)
cell.set_dead()
print(cell._alive)
print(functools.WRAPPER_ASSIGNMENTS, functools.WRAPPER_UPDATES)
