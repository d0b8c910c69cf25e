# Default object repr/str (addresses masked), object() basics, identity.
class Plain:
    pass
p = Plain()
r = repr(p)
print(r.startswith("<__main__.Plain object at 0x"), r.endswith(">"), str(p) == repr(p))
print(repr(p))
o = object()
print(repr(o).startswith("<object object at 0x"), type(o).__name__, o == o, o == object(), o is o)
try:
    o.attr = 1
except AttributeError as e:
    print(type(e).__name__, e)
print(repr(Plain), str(Plain), repr(object), repr(int), repr(type(None)), repr(type(print)))
print(repr(len), repr(print))
def f():
    pass
print(repr(f).startswith("<function f at 0x"))
class Nested:
    class Inner:
        pass
print(repr(Nested.Inner), repr(Nested.Inner()).startswith("<__main__.Nested.Inner object at 0x"))
def factory():
    class Local:
        pass
    return Local
L = factory()
print(repr(L), repr(L()).split(" object at ")[0])
print(type(repr(p)).__name__, len(repr(p)) > 20, format(p, "") == str(p))
try:
    format(p, "x")
except TypeError as e:
    print(type(e).__name__, e)
print(isinstance(p, object), issubclass(Plain, object), Plain.__mro__)
print(p.__class__ is Plain, type(p) is Plain, Plain.__name__, Plain.__qualname__, Plain.__module__)
print(object.__name__, object.__doc__[:20] if object.__doc__ else None)
print([n for n in dir(p) if not n.startswith("__")])
print(p.__dict__, Plain.__dict__["__module__"])
print(hash(p) == hash(p), p != Plain(), p.__eq__(p), p.__eq__(1), p.__ne__(p))
print(repr(iter([])).split(" object at ")[0], repr(iter(())).split(" ")[0], repr((x for x in [])).split(" at ")[0])
print(repr(range(3)), repr(zip).split("'")[1], repr(map(int, [])).split(" object")[0], repr(enumerate([])).split(" object")[0])
