# type(), isinstance(), issubclass() including tuples, bools, metaclass cases.
values = [1, 1.0, True, "s", b"b", None, [], (), {}, set(), frozenset(), range(1), len, type, object(), ..., NotImplemented, slice(1), 2 ** 100]
for v in values:
    print(type(v).__name__, type(v).__qualname__)
print(type(1) is int, type(True) is bool, type(True) is int, type(type) is type, type(object) is type)
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, int)), isinstance(1, (str, (bytes, int))), isinstance("s", ()))
print(isinstance(None, type(None)), isinstance(int, type), isinstance(type, object), isinstance(object, type))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, int), issubclass(int, object), issubclass(type, object))
print(issubclass(bool, (str, int)), issubclass(list, ()), issubclass(KeyError, (ValueError, LookupError)))
class A: pass
class B(A): pass
class C: pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, (C, A)), issubclass(C, A))
for bad in [lambda: isinstance(1, 1), lambda: isinstance(1, [int]), lambda: issubclass(1, int), lambda: issubclass(int, 1), lambda: type(), lambda: type(1, 2)]:
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(int, Magic), issubclass(str, Magic))
T = type("T", (A,), {"x": 1, "m": lambda self: self.x * 2})
t = T()
print(type(t).__name__, t.m(), isinstance(t, A), T.__bases__, T.__mro__[-1])
print(type(T), type(t).__class__, t.__class__.__class__)
print(int.__class__, (1).__class__, [].__class__.__name__)
class Old:
    pass
o = Old()
o.__class__ = B
print(type(o).__name__, isinstance(o, A))
try:
    (1).__class__ = bool
except TypeError as e:
    print(type(e).__name__, e)
print(type.__name__, type(type).__name__, type.__bases__, object.__class__)
print(isinstance([], object), isinstance(int, object), isinstance(isinstance, object))
