# The keyword attributes of AttributeError (name, obj), NameError (name) and
# ImportError (name, path, msg): defaults, keywords, and which failures set them.
e = AttributeError("x")
print(repr(e.name), repr(e.obj))
e2 = AttributeError("y", name="nm", obj=3)
print(e2.name, e2.obj, e2.args)
n = NameError("z")
print(repr(n.name))
try:
    undefined_thing
except NameError as ex:
    print(repr(ex.name))
i = ImportError("m")
print(repr(i.name), repr(i.path), repr(i.msg))
i2 = ImportError("m", name="mod", path="/p")
print(i2.name, i2.path, i2.msg, i2.args)
try:
    import no_such_mod_zz
except ModuleNotFoundError as ex:
    print(repr(ex.name), repr(ex.msg))
class S:
    __slots__ = ('a',)
for f in (lambda: setattr(object(), 'x', 1), lambda: delattr(S(), 'a'), lambda: object().y):
    try:
        f()
    except AttributeError as ex:
        print(repr(ex.name), repr(ex))
class A: pass
try:
    del A().x
except AttributeError as ex:
    print(repr(ex.name), ex)
try:
    (1).x = 2
except AttributeError as ex:
    print(repr(ex.name), ex)
for c, kw in ((AttributeError, {'foo': 1}), (NameError, {'obj': 1}), (ImportError, {'x': 1})):
    try:
        c('a', **kw)
    except TypeError as ex:
        print(ex)
print(ImportError('a', 'b').msg, ImportError().msg, ModuleNotFoundError('q', name='z').name)
e = AttributeError('a', 'b', name='n')
print(e.args, e.name, str(e))
class MyErr(AttributeError):
    def __init__(self, what):
        super().__init__(f"bad {what}", name=what)
try:
    raise MyErr("thing")
except AttributeError as ex:
    print(ex, ex.name, ex.obj)
