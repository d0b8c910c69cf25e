# staticmethod and classmethod: calls via class/instance, inheritance, alternate constructors.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date):
    pass
print(Date.from_string("2024-02-29"), MyDate.from_string("2000-01-01"), MyDate(1, 2, 3).from_string("1-1-1"))
print(Date.is_leap(2000), Date.is_leap(1900), Date(1, 1, 1).is_leap(2024))
class Counter:
    count = 0
    @classmethod
    def increment(cls):
        cls.count += 1
        return cls.count
class SubCounter(Counter):
    pass
print(Counter.increment(), Counter.increment(), SubCounter.increment(), Counter.count, SubCounter.count)
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, sm.__func__.__name__, cm.__func__.__name__)
print(callable(sm), sm(2004))
print(type(Date.is_leap).__name__, type(Date.from_string).__name__, Date.from_string.__self__ is Date)
def plain(x):
    return x * 2
class Wrap:
    s = staticmethod(plain)
    c = classmethod(lambda cls, v: (cls.__name__, v))
print(Wrap.s(4), Wrap().s(5), Wrap.c(1), Wrap().c(2))
class Factory:
    registry = {}
    @classmethod
    def register(cls, name):
        def deco(sub):
            cls.registry[name] = sub
            return sub
        return deco
    @classmethod
    def make(cls, name):
        return cls.registry[name]()
@Factory.register("a")
class ProductA(Factory):
    def __repr__(self):
        return "ProductA()"
print(Factory.make("a"), sorted(Factory.registry))
class Chain:
    @classmethod
    def first(cls):
        return cls.second()
    @classmethod
    def second(cls):
        return cls.__name__
class ChainSub(Chain):
    pass
print(Chain.first(), ChainSub.first())
class StaticNoArgs:
    @staticmethod
    def nothing():
        return "no self"
print(StaticNoArgs.nothing(), StaticNoArgs().nothing())
class NotStatic:
    def nothing():
        return "called via class"
print(NotStatic.nothing())
try:
    NotStatic().nothing()
except TypeError as e:
    print(type(e).__name__, e)
print(Date.is_leap.__name__, Date.from_string.__name__, Date.from_string.__qualname__)
