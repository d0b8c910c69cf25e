# abc: abstract base classes. ABCMeta keeps a registry of virtual
# subclasses and positive/negative caches for isinstance/issubclass; the VM
# itself computes `__abstractmethods__` for classes whose metaclass is not
# plain `type` and refuses to instantiate them.

_invalidation_counter = 0


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


# classmethod/staticmethod/property cannot be subclassed in this VM, so
# these are factories returning the marked built-in descriptor.
def abstractclassmethod(callable):
    callable.__isabstractmethod__ = True
    return classmethod(callable)


def abstractstaticmethod(callable):
    callable.__isabstractmethod__ = True
    return staticmethod(callable)


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    if fget is not None:
        fget.__isabstractmethod__ = True
    return property(fget, fset, fdel, doc)


class _AbcData:
    __slots__ = ('registry', 'cache', 'negative_cache', 'negative_version')

    def __init__(self):
        self.registry = []
        self.cache = set()
        self.negative_cache = set()
        self.negative_version = _invalidation_counter


def _abc_data(cls):
    data = cls.__dict__.get('_abc_impl')
    if data is None:
        data = _AbcData()
        type.__setattr__(cls, '_abc_impl', data)
    return data


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        # Without keywords (nearly always), a plain call: no dict to build
        # and unpack for every abstract class.
        if kwargs:
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        else:
            cls = super().__new__(mcls, name, bases, namespace)
        type.__setattr__(cls, '_abc_impl', _AbcData())
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        _abc_data(cls).registry.append(subclass)
        global _invalidation_counter
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        data = _abc_data(cls)
        subclass = getattr(instance, '__class__', None)
        if subclass is not None and subclass in data.cache:
            return True
        subtype = type(instance)
        if subtype is subclass or subclass is None:
            if (data.negative_version == _invalidation_counter
                    and subtype in data.negative_cache):
                return False
            return cls.__subclasscheck__(subtype)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        data = _abc_data(cls)
        if subclass in data.cache:
            return True
        if data.negative_version < _invalidation_counter:
            data.negative_cache = set()
            data.negative_version = _invalidation_counter
        elif subclass in data.negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                data.cache.add(subclass)
            else:
                data.negative_cache.add(subclass)
            return ok
        if cls in subclass.__mro__:
            data.cache.add(subclass)
            return True
        for rcls in data.registry:
            if issubclass(subclass, rcls):
                data.cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                data.cache.add(subclass)
                return True
        data.negative_cache.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {_invalidation_counter}", file=file)

    def _abc_registry_clear(cls):
        _abc_data(cls).registry.clear()

    def _abc_caches_clear(cls):
        data = _abc_data(cls)
        data.cache.clear()
        data.negative_cache.clear()


# The `__subclasshook__` helper of the one-trick ABCs; it lives here (not
# only in _collections_abc, which re-exports it) so that contextlib can use
# it without importing collections.abc.
def _check_methods(C, *methods):
    mro = C.__mro__
    for method in methods:
        for B in mro:
            if method in B.__dict__:
                if B.__dict__[method] is None:
                    return NotImplemented
                break
        else:
            return NotImplemented
    return True


def get_cache_token():
    return _invalidation_counter


def update_abstractmethods(cls):
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if getattr(value, "__isabstractmethod__", False):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if getattr(value, "__isabstractmethod__", False):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that provides a standard way to create an ABC using
    inheritance.
    """
