# dataclasses: generated __init__/__repr__/__eq__, defaults, field(),
# default_factory, fields(), asdict/astuple, replace, is_dataclass.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass
from typing import List, Optional, Dict


@dataclass
class Point:
    x: int
    y: int = 0


p = Point(1, 2)
print(p, repr(p), p.x, p.y, Point(5), Point(y=3, x=4))
print(p == Point(1, 2), p == Point(2, 1), p != Point(1, 2), p == (1, 2))
print(Point.__init__.__qualname__, Point.__repr__.__qualname__, Point.__eq__.__name__)
print(Point.__hash__, Point.__match_args__, Point.__dataclass_params__)
try:
    Point()
except TypeError as e:
    print('TypeError:', e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print('TypeError:', e)
try:
    Point(1, z=3)
except TypeError as e:
    print('TypeError:', e)


@dataclass
class Inventory:
    name: str
    items: List[str] = field(default_factory=list)
    counts: Dict[str, int] = field(default_factory=dict)
    note: Optional[str] = None
    secret: str = field(default='s', repr=False)
    ident: int = field(default=0, compare=False)


a = Inventory('a')
b = Inventory('a')
a.items.append('x')
print(a, b, a.items is b.items)
print(Inventory('z', ident=1) == Inventory('z', ident=2))
print([f.name for f in fields(Inventory)], fields(a)[1].default_factory)
print(asdict(a), astuple(a))
print(replace(a, name='b'), is_dataclass(a), is_dataclass(Inventory), is_dataclass(3))

try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print('ValueError:', e)
try:
    @dataclass
    class Bad2:
        x: int = 0
        y: int
except TypeError as e:
    print('TypeError:', e)
try:
    field(default=1, default_factory=list)
except ValueError as e:
    print('ValueError:', e)


@dataclass
class Line:
    start: Point
    end: Point
    tags: List[str] = field(default_factory=lambda: ['t'])


ln = Line(Point(0, 0), Point(3, 4))
print(ln)
print(asdict(ln))
print(astuple(ln))
d = asdict(ln)
d['start']['x'] = 99
print(ln.start.x)


@dataclass
class Counter:
    count: int = 0
    total: int = field(init=False, default=100)
    label: str = field(init=False)

    def __post_init__(self):
        self.label = f'c{self.count}'

    def bump(self):
        self.count += 1
        return self


c = Counter(5)
print(c, c.bump(), c.label)
try:
    replace(c, total=3)
except ValueError as e:
    print('ValueError:', e)


@dataclass
class Base:
    x: int
    y: int = 1


@dataclass
class Derived(Base):
    z: int = 2
    x: int = 10


print(Derived(), Derived(1, 2, 3), [f.name for f in fields(Derived)])


class NotDC:
    pass


try:
    fields(NotDC)
except TypeError as e:
    print('TypeError:', e)
try:
    asdict(NotDC())
except TypeError as e:
    print('TypeError:', e)


@dataclass
class WithClassVar:
    from typing import ClassVar
    instances: ClassVar[int] = 0
    value: int = 0


print(WithClassVar(3), [f.name for f in fields(WithClassVar)], WithClassVar.instances)


@dataclass
class Node:
    val: int
    children: list = field(default_factory=list)


root = Node(1, [Node(2), Node(3, [Node(4)])])
print(root)
print(asdict(root))
print(Point.__doc__ is None or isinstance(Point.__doc__, str))
