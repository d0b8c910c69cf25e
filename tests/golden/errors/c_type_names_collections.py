# defaultdict and OrderedDict are C types of `collections` in CPython (Python
# classes here), so their messages say 'collections.defaultdict'; Counter is
# a Python class there too; subclasses use their own name.
from collections import defaultdict, OrderedDict, Counter

class MyDefault(defaultdict):
    pass

for obj in (defaultdict(int), OrderedDict(), Counter(), MyDefault(list)):
    try:
        obj.missing_attribute
    except AttributeError as e:
        print(e)
print(type(defaultdict(int)), type(MyDefault()), repr(MyDefault(list)))
