# bool arithmetic and identity; None behaviours.
print(True + True, True - False, True * 3, True / 2, True // 2, True % 2, True ** 10, -True, ~True, ~False)
print(True & False, True | False, True ^ True, False ^ True, True & 3, 2 | True, True << 2)
print(type(True & False).__name__, type(True + False).__name__, type(True & 1).__name__, type(~True).__name__)
print(True == 1, False == 0, True is 1 if False else "skip", True == 1.0, hash(True) == hash(1))
print(sum([True, False, True, True]), max(True, 2), sorted([True, False, 0, 1]))
print(str(True), repr(False), int(True), float(False), bool(0), bool(1), bool(-1), bool(0.0))
print(bool(), bool(""), bool("False"), bool([]), bool([[]]), bool(None), bool(...), bool(object()))
print(isinstance(True, int), issubclass(bool, int), type(True).__mro__)
d = {1: "one", True: "true?", 1.0: "float one"}
print(d)
print({True, 1, 1.0}, {0, False})
print(True and "yes", False and "no", True or "x", False or "fallback", not None, not "")
print(f"{True}", f"{True:d}", f"{False:>6}", "%d" % True, "%s" % False, format(True, "^7"), format(True, "b"))
try:
    class MyBool(bool):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print(bool.__bases__, True.real, True.imag, True.numerator)
print(None is None, None == None, type(None).__name__, None.__bool__() if hasattr(None, "__bool__") else "")
print(repr(None), str(None), f"{None}", [None], {None: None})
try:
    None + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    None < 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    len(None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    for x in None:
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    None[0]
except TypeError as e:
    print(type(e).__name__, e)
print(True.__and__(1), (5).__and__(True), True.__or__(False), True.__xor__(True))
print(True + 0.5, round(True / 3, 3), divmod(True, 1), abs(True), abs(-True))
