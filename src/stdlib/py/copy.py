# copy: shallow and deep copies. Built-in containers are copied directly;
# other objects through __copy__/__deepcopy__, __reduce_ex__/__reduce__
# when a class defines them, or by rebuilding the instance from
# cls.__new__ plus its __dict__/__slots__ state (and list/dict items for
# subclasses of those), honouring __getstate__/__setstate__.

__all__ = ["Error", "copy", "deepcopy"]


class Error(Exception):
    pass


error = Error

_FunctionType = type(lambda: None)
_BuiltinType = type(len)
_atomic = {type(None), int, float, bool, complex, str, bytes, type, range,
           type(Ellipsis), type(NotImplemented), _FunctionType, _BuiltinType,
           frozenset, property, slice}


def _is_atomic(cls):
    return cls in _atomic or issubclass(cls, type)


def _user_reductor(cls):
    """A __reduce_ex__/__reduce__ defined by a Python class, or None."""
    for c in cls.__mro__:
        if c is object:
            return None
        d = c.__dict__
        if '__reduce_ex__' in d:
            return '__reduce_ex__'
        if '__reduce__' in d:
            return '__reduce__'
    return None


def _get_state(x):
    getstate = getattr(type(x), '__getstate__', None)
    if getstate is not None and getstate is not getattr(object, '__getstate__', None):
        return getstate(x)
    state = None
    try:
        d = x.__dict__
    except AttributeError:
        d = None
    if d:
        state = d
    slots = {}
    for c in type(x).__mro__:
        names = c.__dict__.get('__slots__', ())
        if isinstance(names, str):
            names = (names,)
        for name in names:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                name = f'_{c.__name__.lstrip("_")}{name}'
            try:
                slots[name] = getattr(x, name)
            except AttributeError:
                pass
    if slots:
        return (state, slots)
    return state


def _set_state(y, state, deep, memo):
    if state is None:
        return
    if deep:
        state = deepcopy(state, memo)
    if hasattr(y, '__setstate__'):
        y.__setstate__(state)
        return
    if isinstance(state, tuple) and len(state) == 2:
        state, slotstate = state
    else:
        slotstate = None
    if state:
        y.__dict__.update(state)
    if slotstate:
        for key, value in slotstate.items():
            setattr(y, key, value)


def _generic_copy(x, deep, memo):
    cls = type(x)
    y = cls.__new__(cls)
    if deep:
        memo[id(x)] = y
    if isinstance(x, list):
        y.extend(deepcopy(v, memo) if deep else v for v in x)
    elif isinstance(x, dict):
        for k, v in x.items():
            if deep:
                y[deepcopy(k, memo)] = deepcopy(v, memo)
            else:
                y[k] = v
    elif isinstance(x, set):
        y.update(deepcopy(v, memo) if deep else v for v in x)
    _set_state(y, _get_state(x), deep, memo)
    return y


def _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None,
                 *, deepcopy_fn=None):
    deep = memo is not None
    if deep and args:
        args = tuple(deepcopy(a, memo) for a in args)
    y = func(*args)
    if deep:
        memo[id(x)] = y
    if state is not None:
        _set_state(y, state, deep, memo)
    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                y[deepcopy(key, memo)] = deepcopy(value, memo)
            else:
                y[key] = value
    return y


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if _is_atomic(cls) or cls is tuple:
        return x
    if cls is list:
        return x.copy()
    if cls is dict:
        return x.copy()
    if cls is set:
        return x.copy()
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, "__copy__", None)
    if copier is not None:
        return copier(x)
    red = _user_reductor(cls)
    if red is not None:
        rv = getattr(x, red)(4) if red == '__reduce_ex__' else x.__reduce__()
        if isinstance(rv, str):
            return x
        return _reconstruct(x, None, *rv)
    if isinstance(x, tuple):
        return x
    return _generic_copy(x, False, None)


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if _is_atomic(cls):
        return x
    if cls is list:
        y = []
        memo[d] = y
        append = y.append
        for a in x:
            append(deepcopy(a, memo))
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        try:
            return memo[d]
        except KeyError:
            pass
        for k, j in zip(x, items):
            if k is not j:
                y = tuple(items)
                break
        else:
            y = x
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is set:
        y = {deepcopy(a, memo) for a in x}
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, "__deepcopy__", None)
        if copier is not None and not isinstance(x, type):
            y = copier(memo)
        else:
            red = _user_reductor(cls)
            if red is not None:
                rv = getattr(x, red)(4) if red == '__reduce_ex__' else x.__reduce__()
                if isinstance(rv, str):
                    y = x
                else:
                    y = _reconstruct(x, memo, *rv)
            elif isinstance(x, tuple):
                y = cls(*(deepcopy(a, memo) for a in x)) if hasattr(cls, '_fields') else cls(deepcopy(a, memo) for a in x)
            else:
                y = _generic_copy(x, True, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]
