# Import forms using sys only.
import sys
import sys as system
from sys import maxsize, argv as args
from sys import (version_info,
                 byteorder)
print(sys is system)
print(maxsize == sys.maxsize, maxsize)
print(type(args).__name__, len(args) >= 1)
print(version_info[:2], version_info.major, version_info >= (3, 11))
print(byteorder in ('little', 'big'))
print(type(sys).__name__, sys.__name__)
print('sys' in sys.modules)
def local_import():
    import sys as s2
    from sys import maxsize as m
    return s2 is sys, m
print(local_import())
print(sys.getrecursionlimit() > 100)
sys.stdout.write("written via sys.stdout\n")
print(sys.stdout.write("abc") )
print(isinstance(sys.argv, list), sys.argv[0].endswith('stmt_import_sys.py'))
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
try:
    import no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
print(issubclass(ModuleNotFoundError, ImportError))
print(__name__)
print(sys.maxsize == 2**63 - 1)
print(sys.exc_info())
try:
    raise ValueError("in flight")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, tb is not None)
print(sys.exc_info()[0])
