# typing: Generic, Protocol, NamedTuple, TypedDict, NewType, overload,
# get_type_hints, and classes that use typing annotations.
from typing import (Generic, TypeVar, Protocol, NamedTuple, TypedDict, NewType,
                    runtime_checkable, overload, get_type_hints, Optional, List,
                    Dict, ClassVar, Any, Final, Iterator)
import typing

T = TypeVar('T')
K = TypeVar('K')


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()

    def __repr__(self):
        return f'Stack({self.items})'


s = Stack[int]()
s.push(1)
s.push(2)
print(s.pop(), s, type(s).__name__)
print(Stack[int], Stack[str].__origin__ is Stack, Stack.__parameters__)
print(Stack.__mro__)
print(Stack.__orig_bases__)


class Pair(Generic[K, T]):
    def __init__(self, k: K, v: T):
        self.k, self.v = k, v


print(Pair[str, int], Pair.__parameters__, Pair('a', 1).v)


class IntStack(Stack[int]):
    pass


print(IntStack.__mro__, IntStack.__parameters__, IntStack.__orig_bases__)

try:
    class Bad(Generic[T], Generic[K]):
        pass
except TypeError as e:
    print('TypeError:', e)

try:
    Stack[int, str]
except TypeError as e:
    print('TypeError:', e)


class Greeter(Protocol):
    def greet(self) -> str: ...


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self) -> None:
        print('closed')


class English:
    def greet(self) -> str:
        return 'hello'


def welcome(g: Greeter) -> str:
    return g.greet()


print(welcome(English()))
print(isinstance(File(), Closer), isinstance(English(), Closer), issubclass(File, Closer))
try:
    isinstance(English(), Greeter)
except TypeError as e:
    print('TypeError:', e)
try:
    Greeter()
except TypeError as e:
    print('TypeError:', e)


class Impl(Greeter):
    def greet(self):
        return 'impl'


print(Impl().greet(), isinstance(Impl(), Impl))


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = 'p'

    def norm(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5


p = Point(3, 4)
print(p, p.norm(), p._fields, p._field_defaults, Point.__annotations__)
print(p._replace(x=0), p._asdict(), Point._make([1, 2, 'q']), p == (3, 4, 'p'))
print(type(p).__mro__, Point.__name__, isinstance(p, tuple))
Emp = NamedTuple('Emp', [('name', str), ('id', int)])
print(Emp('a', 1), Emp.__annotations__)
try:
    class BadNT(NamedTuple):
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError:', e)


class Movie(TypedDict):
    title: str
    year: int


class Movie2(Movie, total=False):
    rating: float


m = Movie(title='Blade Runner', year=1982)
print(m, type(m), m['title'])
print(Movie.__required_keys__ == {'title', 'year'}, sorted(Movie2.__optional_keys__), Movie2.__total__)
print(Movie2.__annotations__)
Alt = TypedDict('Alt', {'a': int, 'b': str})
print(Alt(a=1, b='x'), Alt.__annotations__)
try:
    isinstance(m, Movie)
except TypeError as e:
    print('TypeError:', e)

UserId = NewType('UserId', int)
uid = UserId(5)
print(UserId, uid, type(uid), UserId.__supertype__, UserId.__name__)


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double('ab'))


class Node:
    value: int
    next: Optional['Node']
    count: ClassVar[int] = 0

    def walk(self, depth: int = 0) -> Iterator['Node']:
        yield self


def f(a: int, b: 'str', c: List['Node'] = None) -> Dict[str, int]:
    return {}


print(get_type_hints(Node))
print(get_type_hints(f))
print(get_type_hints(Node.walk))
print(f.__annotations__)
print(typing.get_overloads(double) != [], typing.final(len) is len)


class Base:
    a: int


class Derived(Base):
    b: str


print(get_type_hints(Derived))
