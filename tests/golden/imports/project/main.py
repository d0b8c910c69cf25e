# User modules: a plain module beside the script, a package with
# relative imports and a subpackage, sys.modules caching, import errors.
import os
import sys

print(__name__, os.path.basename(__file__), sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
import helper
import helper as h2
from helper import greet, VALUE
print(helper is h2, VALUE, greet('main'), helper.where(), helper.__name__)
print('helper' in sys.modules, sys.modules['helper'] is helper)
helper.counter += 1
import helper
print(helper.counter)

import pkg
print(pkg.name, pkg.Thing(), pkg.util.describe(), pkg.__name__, os.path.basename(pkg.__file__))
print(os.path.basename(pkg.__path__[0]), pkg.__package__, type(pkg.__path__).__name__)
from pkg.mod import name as nm, Thing
print(nm, Thing, pkg.mod.name)
import pkg.sub.deep
print(pkg.sub.deep.info())
import pkg.sub.deep as deep
from pkg.sub import deep as deep2, LEVEL
print(deep is deep2 is pkg.sub.deep, LEVEL, pkg.sub.BaseThing is Thing)
print(sorted(k for k in sys.modules if k == 'pkg' or k.startswith('pkg.')))

ns = {}
exec('from pkg import *', ns)
print(sorted(k for k in ns if not k.startswith('__')))


def lazy():
    import pkg.mod
    from pkg import util
    return util.describe()


print(lazy())


def show(stmt):
    try:
        exec(stmt, {'__name__': '__main__'})
    except ImportError as e:
        msg = str(e).replace(os.path.dirname(os.path.abspath(__file__)), '<dir>')
        print(type(e).__name__ + ':', msg, '|', e.name)


show('import nothere')
show('import pkg.nothere')
show('from pkg import nothere')
show('from helper import nothere')
show('import helper.sub')
show('from pkg.mod import missing')
show('import nothere.either')
show('from . import x')
for _ in range(2):
    try:
        import failing
    except ValueError as e:
        print('ValueError:', e, 'failing' in sys.modules)
import importlib
print(importlib.import_module('pkg.mod') is pkg.mod, importlib.import_module('.util', 'pkg') is pkg.util)
