# abc: abstract base classes. ABCMeta keeps a registry of virtual
# subclasses and positive/negative caches for isinstance/issubclass; the VM
# itself computes `__abstractmethods__` for classes whose metaclass is not
# plain `type` and refuses to instantiate them.

_invalidation_counter = 0
_type_new = type.__new__
_type_setattr = type.__setattr__


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


# `_abc_impl` of an abstract class: a list [registry, cache,
# negative_cache, negative_version]. The three containers are made on
# first use: most abstract classes are never registered to nor checked
# against, and a `__slots__` instance with its `__init__` building two
# sets and a list was 8.6k of the 30k instructions of creating an
# abstract class (200 classes in a loop, callgrind).
#
# Found by attribute lookup, as CPython's _abc does (`cls.__dict__.get`
# made a mappingproxy at every check); made here if missing (a class built
# by `type.__new__(ABCMeta, ...)` without `ABCMeta.__new__`).
def _abc_data(cls):
    try:
        return cls._abc_impl
    except AttributeError:
        data = [None, None, None, _invalidation_counter]
        type.__setattr__(cls, '_abc_impl', data)
        return data


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, /, **kwargs):
        # Without keywords (nearly always), a plain call: no dict to build
        # and unpack for every abstract class.
        if kwargs:
            cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        elif mcls is ABCMeta:
            # `super()` from ABCMeta itself is `type`: skip making the
            # super object (~2k instructions per abstract class).
            cls = _type_new(mcls, name, bases, namespace)
        else:
            cls = super().__new__(mcls, name, bases, namespace)
        _type_setattr(cls, '_abc_impl', [None, None, None, _invalidation_counter])
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        data = _abc_data(cls)
        if data[0] is None:
            data[0] = [subclass]
        else:
            data[0].append(subclass)
        global _invalidation_counter
        _invalidation_counter += 1
        return subclass

    def __instancecheck__(cls, instance):
        try:
            data = cls._abc_impl
        except AttributeError:
            data = _abc_data(cls)
        subclass = getattr(instance, '__class__', None)
        cache = data[1]
        if subclass is not None and cache is not None and subclass in cache:
            return True
        subtype = type(instance)
        if subtype is subclass or subclass is None:
            negative = data[2]
            if (data[3] == _invalidation_counter and negative is not None
                    and subtype in negative):
                return False
            return cls.__subclasscheck__(subtype)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        try:
            data = cls._abc_impl
        except AttributeError:
            data = _abc_data(cls)
        cache = data[1]
        if cache is not None and subclass in cache:
            return True
        if data[3] < _invalidation_counter:
            data[2] = None
            data[3] = _invalidation_counter
        else:
            negative = data[2]
            if negative is not None and subclass in negative:
                return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            _remember(data, 1 if ok else 2, subclass)
            return ok
        if cls in subclass.__mro__:
            _remember(data, 1, subclass)
            return True
        registry = data[0]
        if registry is not None:
            for rcls in registry:
                if issubclass(subclass, rcls):
                    _remember(data, 1, subclass)
                    return True
        for scls in type.__subclasses__(cls):
            if issubclass(subclass, scls):
                _remember(data, 1, subclass)
                return True
        # The common end of a registration's walk: inline, not _remember.
        negative = data[2]
        if negative is None:
            data[2] = {subclass}
        else:
            negative.add(subclass)
        return False

    def _dump_registry(cls, file=None):
        print(f"Class: {cls.__module__}.{cls.__qualname__}", file=file)
        print(f"Inv. counter: {_invalidation_counter}", file=file)

    def _abc_registry_clear(cls):
        _abc_data(cls)[0] = None

    def _abc_caches_clear(cls):
        data = _abc_data(cls)
        data[1] = None
        data[2] = None


def _remember(data, which, subclass):
    """Add `subclass` to the positive (1) or negative (2) cache of `data`."""
    s = data[which]
    if s is None:
        data[which] = {subclass}
    else:
        s.add(subclass)


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
