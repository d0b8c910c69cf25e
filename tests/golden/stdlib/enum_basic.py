# enum: Enum/IntEnum/StrEnum members, reprs, lookups, iteration,
# aliases, auto(), methods, unique, functional API, errors.
import enum
from enum import Enum, IntEnum, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3


print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, type(Color.RED))
print(Color(1), Color['GREEN'], Color(3) is Color.BLUE, list(Color), len(Color))
print(Color.RED in Color, isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED == 1)
print(Color.RED is Color.RED, Color.RED != Color.BLUE, hash(Color.RED) == hash(Color.RED))
print(f'{Color.RED}', format(Color.GREEN), '%s' % Color.BLUE, str(Color.RED), [c.name for c in Color])
print({Color.RED: 'r'}[Color.RED], sorted(Color, key=lambda c: c.value, reverse=True))
print(Color.__members__, repr(Color), Color.__name__, list(reversed(Color)))
for bad in (lambda: Color(7), lambda: Color['PURPLE'], lambda: Color.RED < Color.BLUE,
            lambda: setattr(Color, 'RED', 5), lambda: 1 in Color):
    try:
        bad()
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ':', e)


class Status(Enum):
    ACTIVE = auto()
    INACTIVE = auto()
    PENDING = auto()


print(list(Status), Status.PENDING.value)


class Shape(Enum):
    SQUARE = 2
    DIAMOND = 1
    CIRCLE = 3
    ALIAS_FOR_SQUARE = 2

    @property
    def sides(self):
        return {2: 4, 1: 4, 3: 0}[self.value]

    def describe(self):
        return f'{self.name} with {self.sides} sides'

    @classmethod
    def default(cls):
        return cls.CIRCLE

    @staticmethod
    def helper():
        return 'static'


print(Shape.ALIAS_FOR_SQUARE, Shape.ALIAS_FOR_SQUARE is Shape.SQUARE, list(Shape), len(Shape))
print(Shape.SQUARE.describe(), Shape.default(), Shape.helper(), Shape(2))
print(list(Shape.__members__), Shape.__members__['ALIAS_FOR_SQUARE'])
try:
    @unique
    class Mistake(Enum):
        ONE = 1
        TWO = 2
        THREE = 3
        FOUR = 3
except ValueError as e:
    print('ValueError:', e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        G = 6.67300E-11
        return G * self.mass / (self.radius * self.radius)


print(Planet.EARTH, Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 4))


class Number(IntEnum):
    ONE = 1
    TWO = 2
    THREE = 3


print(Number.ONE, repr(Number.TWO), Number.ONE + 1, Number.TWO * 3, Number.THREE > Number.ONE, Number.ONE == 1)
print(f'{Number.TWO}', format(Number.THREE, '>4'), int(Number.THREE), sorted([Number.THREE, Number.ONE]))
print([1, 2, 3][Number.ONE], Number(2), isinstance(Number.ONE, int), {1: 'x'}[Number.ONE])


class Animal(StrEnum):
    CAT = auto()
    DOG = 'doggo'


print(Animal.CAT, repr(Animal.CAT), Animal.DOG.upper(), Animal.CAT == 'cat', f'{Animal.DOG}!', Animal('cat'))
try:
    class BadStr(StrEnum):
        X = 1
except TypeError as e:
    print('TypeError:', e)


class Weekday(Enum):
    MONDAY = 1
    TUESDAY = 2

    def __str__(self):
        return self.name.title()

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name.lower() == value.lower():
                    return m
        return None


print(Weekday.MONDAY, Weekday('tuesday'), repr(Weekday('MONDAY')))
try:
    Weekday('sunday')
except ValueError as e:
    print('ValueError:', e)

Fruit = Enum('Fruit', 'APPLE BANANA CHERRY')
print(list(Fruit), Fruit.BANANA.value, repr(Fruit), Fruit.__module__)
Size = Enum('Size', [('S', 'small'), ('L', 'large')])
print(list(Size), Size('large'))
Dir = Enum('Dir', {'UP': 'u', 'DOWN': 'd'})
print(Dir.UP, Dir.DOWN.value)
Pri = IntEnum('Pri', 'LOW HIGH', start=10)
print(list(Pri), Pri.HIGH + 0)


class Ordered(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() + str(count)

    A = auto()
    B = auto()


print(list(Ordered), Ordered.B.value)


class Mixed(str, Enum):
    X = 'x'
    Y = 'y'


print(Mixed.X, repr(Mixed.X), Mixed.X == 'x', f'{Mixed.Y}', Mixed.X.upper())
try:
    class MoreColor(Color):
        PINK = 9
except TypeError as e:
    print('TypeError:', e)


class Base(Enum):
    def label(self):
        return self.name.lower()


class Child(Base):
    A = 1


print(Child.A.label(), Child.A, Child['A'])
print(Color.RED.__class__.__name__, type(Color).__name__, enum.EnumMeta is enum.EnumType)
match Color.GREEN:
    case Color.RED:
        print('matched red')
    case Color.GREEN:
        print('matched green')
