# ExceptionGroup / BaseExceptionGroup: construction, str/repr, split, subgroup.
eg = ExceptionGroup("several", [ValueError("a"), TypeError("b"), ValueError("c")])
print(str(eg))
print(repr(eg))
print(eg.message, eg.exceptions)
print(isinstance(eg, Exception), type(eg).__mro__[1].__name__)
match, rest = eg.split(ValueError)
print("split match:", repr(match))
print("split rest:", repr(rest))
print("subgroup TypeError:", repr(eg.subgroup(TypeError)))
print("subgroup KeyError:", eg.subgroup(KeyError))
print("split everything:", eg.split(Exception))
print("subgroup by predicate:", repr(eg.subgroup(lambda e: str(e) in ("a", "b"))))
# nested groups keep structure
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
print(str(nested))
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))
# BaseExceptionGroup picks ExceptionGroup when all are Exceptions
beg = BaseExceptionGroup("base", [ValueError("x")])
print(type(beg).__name__)
beg2 = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError("x")])
print(type(beg2).__name__, repr(beg2))
m, r = beg2.split(KeyboardInterrupt)
print(type(m).__name__, type(r).__name__, repr(r))
# errors in construction
for args in [("msg", []), ("msg", [1]), (1, [ValueError()]), ("msg", ValueError())]:
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("x", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
# derive keeps message of the new group
d = eg.derive([KeyError("k")])
print(repr(d), d.__class__.__name__)
# split copies __cause__/__context__/__notes__... and __traceback__ attributes
eg.__notes__ = ["note 1"]
m, r = eg.split(ValueError)
print("notes copied:", m.__notes__, r.__notes__)
# one-element and str with 1 sub-exception
print(str(ExceptionGroup("single", [OSError("o")])))
# subclass
class MyGroup(ExceptionGroup):
    pass
mg = MyGroup("mine", [ValueError(1), KeyError(2)])
m, r = mg.split(KeyError)
print(type(m).__name__, repr(m))
