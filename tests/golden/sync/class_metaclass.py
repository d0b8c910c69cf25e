# Metaclasses, class keyword arguments, __init_subclass__, __prepare__.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kwargs):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith('__')), kwargs)
        cls = super().__new__(mcls, name, bases, ns)
        cls.created_by = mcls.__name__
        return cls
    def __init__(cls, name, bases, ns, **kwargs):
        print("Meta.__init__", name, kwargs)
        super().__init__(name, bases, ns)
    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)
    def meta_method(cls):
        return f"meta_method on {cls.__name__}"
class Base(metaclass=Meta):
    def __init__(self, v):
        self.v = v
class Child(Base, flag=True):
    x = 1
print(Child.created_by, type(Child).__name__, Child.meta_method())
obj = Child(5)
print(obj.v)
print(hasattr(obj, "meta_method"))
class Registry:
    subclasses = []
    def __init_subclass__(cls, prefix="", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = prefix + cls.__name__
        Registry.subclasses.append(cls.__name__)
class PluginA(Registry):
    pass
class PluginB(Registry, prefix="x_"):
    pass
class PluginC(PluginB):
    pass
print(Registry.subclasses, PluginA.tag, PluginB.tag, PluginC.tag)
try:
    class Bad(Registry, unknown=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {"injected": 123}
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class Prepared(metaclass=OrderedMeta):
    a = 1
    b = injected + 1
print(Prepared.injected, Prepared.b)
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Config(metaclass=Singleton):
    def __init__(self):
        print("Config init")
print(Config() is Config())
def func_meta(name, bases, ns):
    ns['made_by_function'] = True
    return type(name, bases, ns)
class FromFunc(metaclass=func_meta):
    pass
print(FromFunc.made_by_function, type(FromFunc).__name__)
class Meta2(type):
    def __repr__(cls):
        return f"<class {cls.__name__} via Meta2>"
    def __len__(cls):
        return 7
    def __getitem__(cls, item):
        return f"{cls.__name__}[{item}]"
class Custom(metaclass=Meta2):
    pass
print(repr(Custom), len(Custom), Custom[int])
class GetItemClass:
    def __class_getitem__(cls, item):
        return f"class_getitem {item!r}"
print(GetItemClass[int], GetItemClass["x"])
print(isinstance(Child, Meta), isinstance(Child, type), issubclass(Meta, type))
class MA(type): pass
class MB(type): pass
class XA(metaclass=MA): pass
class XB(metaclass=MB): pass
try:
    class XC(XA, XB):
        pass
except TypeError as e:
    print(type(e).__name__, e)
T = type("T", (), {"v": 1})
print(T.v, T.__name__, T.__bases__)
print(type.__name__, type(3).__name__)
class InitSubDefault:
    def __init_subclass__(cls):
        print("init_subclass for", cls.__name__, cls.__mro__[1].__name__)
class S1(InitSubDefault): pass
class S2(S1): pass
