# ABC registry and caches: registration, invalidation of negative
# caches, hooks, cache clearing, isinstance on many classes.
import abc
from collections.abc import Sequence, MutableSequence, Mapping, Iterable, Sized, Hashable, Callable

class Base(abc.ABC):
    @abc.abstractmethod
    def go(self): ...

class Mid(Base): pass
class Leaf(Mid):
    def go(self): return "leaf"

class Plain: pass
class Other: pass

print(issubclass(Plain, Base), isinstance(Plain(), Base))   # negative cache
print(Mid.register(Plain) is Plain)                          # invalidates it
print(issubclass(Plain, Base), issubclass(Plain, Mid), issubclass(Plain, Leaf), isinstance(Plain(), Base))
print(Base.register(Leaf) is Leaf, issubclass(Other, Mid))
try:
    Leaf.register(Base)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    Base.register(3)
except TypeError as e:
    print("TypeError", e)
try:
    issubclass(3, Base)
except TypeError as e:
    print("TypeError", e)

class Hooked(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Hooked:
            return hasattr(C, "quack")
        return NotImplemented

class Duck:
    def quack(self): pass
class Sub(Hooked): pass
print(issubclass(Duck, Hooked), isinstance(Duck(), Hooked), issubclass(Plain, Hooked), issubclass(Duck, Sub))
Duck.quack = None
del Duck.quack
print(issubclass(Duck, Hooked))      # cached positive stays
Hooked._abc_caches_clear()
print(issubclass(Duck, Hooked))
Mid._abc_registry_clear()
Base._abc_caches_clear(); Mid._abc_caches_clear()
print(issubclass(Plain, Base), issubclass(Plain, Mid))

for t in (list, tuple, str, dict, set, bytes, bytearray, int, type(None), Plain):
    print(t.__name__, issubclass(t, Sequence), issubclass(t, MutableSequence), issubclass(t, Mapping),
          isinstance(t(), Iterable), isinstance(t(), Sized), isinstance(t(), Hashable), issubclass(t, Callable))

class MySeq(Sequence):
    def __getitem__(self, i): return [1, 2, 3][i]
    def __len__(self): return 3
s = MySeq()
print(list(s), 2 in s, s.index(3), list(reversed(s)), isinstance(s, Sequence), isinstance(s, MutableSequence))
try:
    Base()
except TypeError as e:
    print("TypeError", e)
print(Leaf().go(), sorted(Base.__abstractmethods__), '_abc_impl' in vars(Base), '_abc_impl' in vars(Leaf))
print(abc.get_cache_token() == abc.get_cache_token(), type(abc.get_cache_token()).__name__)
t0 = abc.get_cache_token()
class Fresh: pass
Base.register(Fresh)
print(abc.get_cache_token() != t0, isinstance(Fresh(), Base), isinstance(Fresh(), Leaf))
