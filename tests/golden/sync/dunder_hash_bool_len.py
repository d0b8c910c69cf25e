# __hash__, __bool__, __len__, and their interaction with dicts, sets and truthiness.
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
    def __repr__(self):
        return f"Key({self.k})"
d = {Key(1): "one", Key(2): "two"}
print(d[Key(1)], Key(2) in d, Key(3) in d, len({Key(1), Key(1), Key(2)}))
class EqNoHash:
    def __eq__(self, o):
        return True
print(EqNoHash.__hash__)
try:
    hash(EqNoHash())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {EqNoHash()}
except TypeError as e:
    print(type(e).__name__, e)
class Default:
    pass
print(hash(Default()) == hash(Default()) if False else "default hash is identity-based", Default() in {Default()})
class ConstHash:
    def __hash__(self):
        return 7
    def __repr__(self):
        return "CH"
print(hash(ConstHash()), len({ConstHash(), ConstHash()}))
class BigHash:
    def __hash__(self):
        return 2 ** 100
print(hash(BigHash()) == hash(2 ** 100), hash(BigHash()))
class BadHash:
    def __hash__(self):
        return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class NegOne:
    def __hash__(self):
        return -1
print(hash(NegOne()))
print(hash(1), hash(-1), hash(0), hash(2 ** 61 - 2), hash(1.0), hash(1.5), hash(True), hash(None) == hash(None), hash((1, 2)))
class Truthy:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print(f"  __bool__ -> {self.v}")
        return self.v
print(bool(Truthy(True)), not Truthy(False), [1 for _ in [0] if Truthy(True)])
class Sized:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        print(f"  __len__ -> {self.n}")
        return self.n
print(bool(Sized(0)), bool(Sized(3)), len(Sized(5)))
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 10
print(bool(Both()), len(Both()))
for bad in [-1, 2 ** 70, "3", 1.5]:
    class BadLen:
        def __len__(self, v=bad):
            return v
    try:
        print(len(BadLen()))
    except (ValueError, TypeError, OverflowError) as e:
        print(repr(bad), type(e).__name__, e)
class BoolTrue:
    def __len__(self):
        return True
print(len(BoolTrue()))
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(type(e).__name__, e)
print(bool(NoLen()))
class InheritHash(Key):
    def __eq__(self, o):
        return False
try:
    hash(InheritHash(1))
except TypeError as e:
    print("overriding __eq__ clears __hash__:", type(e).__name__, e)
class KeepHash(Key):
    __hash__ = Key.__hash__
    def __eq__(self, o):
        return False
print(hash(KeepHash(5)) == hash(5))
