# enum: Flag and IntFlag composition, membership, iteration, boundaries.
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), len(rw), bool(rw))
print(~Perm.R, repr(~Perm.R), Perm(0), repr(Perm(0)), bool(Perm(0)), Perm(7), repr(Perm(7)))
print(rw & Perm.R, rw ^ Perm.R, list(Perm), Perm(6) is rw, rw.value, rw.name)
try:
    Perm(8)
except ValueError as e:
    print('ValueError:', e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), Color.WHITE, repr(Color.RED | Color.BLUE), Color.WHITE.value, Color(3))
print([c.name for c in Color.WHITE], Color.RED in Color.WHITE, Color.__members__.keys())


class Access(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


a = Access.READ | Access.WRITE
print(a, repr(a), a == 6, a + 1, Access.READ | 8, repr(Access.READ | 8), repr(~Access.READ))
print(Access(0), repr(Access(0)), list(a), Access.EXEC in a, isinstance(a, int), format(a, '03d'))
print(repr(Access(9)), Access.WRITE & 6, repr(Access.WRITE ^ Access.WRITE))


class Opt(Flag):
    NONE = 0
    A = auto()
    B = auto()


print(list(Opt), Opt.NONE, repr(Opt.A | Opt.B), bool(Opt.NONE), Opt(0) is Opt.NONE)
perms = Perm.R
perms |= Perm.X
print(perms, perms == Perm.R | Perm.X)
