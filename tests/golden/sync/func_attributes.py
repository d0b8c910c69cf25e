# Function object attributes: __name__, __qualname__, __doc__, __defaults__, ...
def plain(a, b=1, *, c=2):
    """Docstring of plain."""
    return a
print(plain.__name__, plain.__qualname__, plain.__doc__)
print(plain.__defaults__, plain.__kwdefaults__, plain.__module__)
def nodoc():
    x = 1
print(nodoc.__doc__, nodoc.__defaults__, nodoc.__kwdefaults__)
def outer():
    def inner():
        pass
    return inner
print(outer().__name__, outer().__qualname__)
class K:
    def method(self):
        "method doc"
    class Nested:
        def deep(self):
            pass
    @staticmethod
    def sm():
        pass
    @classmethod
    def cm(cls):
        pass
print(K.method.__qualname__, K.Nested.deep.__qualname__, K.Nested.__qualname__)
print(K.sm.__qualname__, K.cm.__qualname__, K.method.__doc__)
lam = lambda x: x
print(lam.__name__, lam.__qualname__, lam.__doc__)
def make():
    return lambda: 0
print(make().__qualname__)
plain.__doc__ = "changed"
plain.custom = "attr"
print(plain.__doc__, plain.custom, plain.__dict__)
plain.__name__ = "renamed"
print(plain.__name__, plain.__qualname__)
def d2(x=[], y=(1, 2)):
    pass
print(d2.__defaults__)
d2.__defaults__ = (5, 6)
print(d2.__defaults__)
def withdefaults(a, b=10):
    return a + b
withdefaults.__defaults__ = (100,)
print(withdefaults(1))
def clos():
    v = 1
    def f():
        return v
    return f
fc = clos()
print(fc.__closure__ is not None, len(fc.__closure__), fc.__closure__[0].cell_contents)
print(plain.__code__.co_name, plain.__code__.co_argcount, plain.__code__.co_kwonlyargcount)
print(callable(plain), type(plain).__name__, type(lam).__name__)
def gen():
    yield
print(type(gen).__name__, type(gen()).__name__, gen.__name__)
print(repr(plain).startswith("<function plain at 0x"))
print(repr(lam).startswith("<function <lambda> at"))
print(repr(outer()).split(" at ")[0])
print(repr(K.method).split(" at ")[0])
print(repr(K().method).split(" of ")[0])
def docstring_multi():
    """First line.

    More text.
    """
print(repr(docstring_multi.__doc__))
def not_doc():
    x = "not a docstring"
    "neither"
print(not_doc.__doc__)
