# Circular imports behave as in CPython: a partially initialised module is
# visible to the module that imports it back; `from x import y` of a name
# not yet defined fails with CPython's message.
import os
import sys
import mods.alpha
print(mods.alpha.use_beta(), mods.beta.use_alpha())
print(sorted(k for k in sys.modules if k.startswith('mods')))
import mods.selfref
try:
    import mods.gamma
except ImportError as e:
    print('ImportError:', str(e).replace(os.path.dirname(os.path.abspath(__file__)), '<dir>'))
print('mods.gamma' in sys.modules, 'mods.delta' in sys.modules)
