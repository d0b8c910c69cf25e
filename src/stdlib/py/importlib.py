# importlib: import_module (with relative names), reload, invalidate_caches.

import sys

__all__ = ['import_module', 'reload', 'invalidate_caches']


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return f'{base}.{name}' if name else base


def import_module(name, package=None):
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            f"import for {name!r}")
        for character in name:
            if character != '.':
                break
            level += 1
        name = _resolve_name(name[level:], package, level)
    __import__(name)
    return sys.modules[name]


def reload(module):
    name = getattr(module, '__name__', None)
    if name is None or type(module).__name__ != 'module':
        raise TypeError('reload() argument must be a module')
    if sys.modules.get(name) is not module:
        raise ImportError(f'module {name} not in sys.modules', name=name)
    path = getattr(module, '__file__', None)
    if path is None:
        return module
    with open(path) as f:
        source = f.read()
    exec(compile(source, path, 'exec'), module.__dict__)
    return sys.modules[name]


def invalidate_caches():
    pass
