import abc
class M(abc.ABCMeta):
    def __new__(mcls, name, bases, ns, **kw):
        print("M.__new__", name, sorted(kw))
        return super().__new__(mcls, name, bases, ns, **kw)
class Other(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Other.__new__", name)
        return super().__new__(mcls, name, bases, ns)
class Both(abc.ABCMeta, Other): pass
class A(metaclass=M): pass
class B(metaclass=Both):
    @abc.abstractmethod
    def f(self): ...
class Hook:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
class C(Hook, abc.ABC, tag=3): pass
print(type(A).__name__, type(B).__name__, isinstance(C(), Hook), issubclass(C, abc.ABC))
try:
    B()
except TypeError as e:
    print(e)
X = abc.ABCMeta("X", (), {"__module__": "m"})
print(X.__name__, isinstance(3, X), X.register(int) is int, isinstance(3, X), issubclass(bool, X))
Y = type.__new__(abc.ABCMeta, "Y", (X,), {})
print(issubclass(int, Y), isinstance(3, X))
