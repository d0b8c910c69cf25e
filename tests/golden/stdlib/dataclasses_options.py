# dataclasses: order, frozen, unsafe_hash, eq=False, init=False,
# repr=False, kw_only, KW_ONLY, InitVar, slots, make_dataclass.
from dataclasses import (dataclass, field, FrozenInstanceError, InitVar, KW_ONLY,
                         make_dataclass, fields, replace, asdict)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default='', compare=False)


vs = [Version(2, 1), Version(1, 5, 'x'), Version(1, 10)]
print(sorted(vs))
print(Version(1, 2) < Version(1, 3), Version(2) >= Version(1, 9), max(vs))
try:
    Version(1) < 3
except TypeError as e:
    print('TypeError:', e)


@dataclass(frozen=True)
class Coord:
    lat: float
    lon: float


c = Coord(1.5, 2.5)
print(c, hash(c) == hash(Coord(1.5, 2.5)), {c: 'here'}[Coord(1.5, 2.5)])
try:
    c.lat = 3
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e, isinstance(e, AttributeError))
try:
    del c.lon
except FrozenInstanceError as e:
    print('FrozenInstanceError:', e)
print(replace(c, lat=0.0))


@dataclass(unsafe_hash=True)
class Tagged:
    name: str
    weight: int = field(default=0, hash=False)


print(hash(Tagged('a', 1)) == hash(Tagged('a', 2)), len({Tagged('a'), Tagged('a')}))


@dataclass
class Unhashable:
    x: int


try:
    hash(Unhashable(1))
except TypeError as e:
    print('TypeError:', e)
print(Unhashable.__hash__)


@dataclass(eq=False)
class Identity:
    x: int


i1, i2 = Identity(1), Identity(1)
print(i1 == i2, i1 == i1, hash(i1) == hash(i1))


@dataclass(repr=False)
class Quiet:
    x: int


print(repr(Quiet(1)).startswith('<__main__.Quiet object at'))


@dataclass(init=False)
class Manual:
    x: int = 5

    def __init__(self, v):
        self.x = v * 2


print(Manual(4))


@dataclass(kw_only=True)
class Options:
    verbose: bool = False
    level: int


print(Options(level=3))
try:
    Options(True, 3)
except TypeError as e:
    print('TypeError:', e)


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int


print(Mixed(1, c=3), Mixed(1, b=5, c=6))


@dataclass
class Partial:
    a: int
    b: int = field(kw_only=True, default=9)
    c: int = 0


print(Partial(1, 2), Partial(1, b=3))


@dataclass
class WithInit:
    value: int
    scale: InitVar[int] = 1

    def __post_init__(self, scale):
        self.value *= scale


w = WithInit(3, 10)
print(w, [f.name for f in fields(w)], WithInit.__dataclass_fields__['scale']._field_type)
print(repr(InitVar[int]))


@dataclass(slots=True)
class Slotted:
    x: int
    y: int = 0


s = Slotted(1)
print(s, Slotted.__slots__, Slotted(1) == Slotted(1))

P3 = make_dataclass('P3', ['x', ('y', int), ('z', int, field(default=5))])
print(P3(1, 2), P3(1, 2, 3), [f.name for f in fields(P3)])
P4 = make_dataclass('P4', [('a', int)], namespace={'double': lambda self: self.a * 2})
print(P4(4).double(), P4.__name__)


@dataclass
class Recursive:
    name: str
    other: object = None


r = Recursive('r')
r.other = r
print(r)


@dataclass(frozen=True, order=True)
class Card:
    rank: int
    suit: str


hand = [Card(10, 'h'), Card(2, 's'), Card(10, 'c')]
print(sorted(hand), Card(2, 's') in set(hand))
try:
    @dataclass(frozen=True)
    class Child(Version):
        pass
except TypeError as e:
    print('TypeError:', e)
try:
    @dataclass(order=True, eq=False)
    class Bad:
        x: int
except ValueError as e:
    print('ValueError:', e)
print(asdict(Card(1, 'x')), Card.__match_args__)
