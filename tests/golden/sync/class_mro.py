# C3 linearization: diamonds, __mro__, mro(), method resolution, errors.
class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B"
class C(A):
    def who(self):
        return "C"
class D(B, C):
    pass
print(D.__mro__)
print([k.__name__ for k in D.mro()], D().who())
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__], E().who())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Top(K1, K2, K3): pass
print([k.__name__ for k in Top.__mro__])
class O: pass
class F(O): pass
class G(O): pass
class H(F, G): pass
print([k.__name__ for k in H.__mro__])
try:
    class Bad(F, H):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Dup(A, A):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class Conflict(X, Y): pass
    class Conflict2(Y, X): pass
    class Both(Conflict, Conflict2): pass
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    attr = "base"
    def method(self):
        return "Base.method"
class Left(Base):
    attr = "left"
class Right(Base):
    def method(self):
        return "Right.method"
class Bottom(Left, Right):
    pass
b = Bottom()
print(b.attr, b.method())
print(Bottom.__bases__, Bottom.__base__, Left.__base__, object.__bases__, object.__mro__)
print(issubclass(Bottom, Base), isinstance(b, Right), [c.__name__ for c in Base.__subclasses__()])
print(int.__mro__, bool.__mro__, type.__mro__)
class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    pass
print(type(WithMeta).__mro__)
print(D.who is B.who, D.__dict__.get("who"), "who" in B.__dict__)
