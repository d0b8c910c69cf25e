# Subclasses of list, tuple, str and set that override __iter__: every
# consumer (unpacking, list(), [*x], join, sorted, for) goes through it,
# as in CPython; only the exact built-in types take the direct paths.
class L(list):
    def __iter__(self):
        return iter(["it"])
class S(str):
    def __iter__(self):
        return iter("XY")
class St(set):
    def __iter__(self):
        return iter([0])
l = L([1, 2, 3])
print(list(l), tuple(l), [*l], sorted(l), sum(1 for _ in l), "".join(map(str, l)))
for x in l:
    print("for", x)
s = S("ab")
print(list(s), [*s], "-".join(s), set(s) == {"X", "Y"})
print(list(St({5, 6})), min(L([3, 1])), max(l), any(L([0])), len(l), l[0])
a, *b = L([1, 2])
print(a, b)
print(dict.fromkeys(l), list(zip(l, "ab")), list(enumerate(l)))
class T(tuple):
    def __iter__(self):
        return iter([9, 8])
t = T((1, 2))
a, b = t
print(a, b)
for x, y in [T((3, 4))]:
    print(x, y)
print(list(t), [*t], tuple(t), t[0], len(t))
class Plain(tuple):
    pass
p = Plain((5, 6))
a, b = p
print(a, b, list(p), [*p])
