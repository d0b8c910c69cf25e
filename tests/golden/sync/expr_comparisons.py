# Chained comparisons, membership and identity.
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 >= 2 > 1, 1 == 1 == 1.0, 1 == 1 != 2)
print(1 < 2 > 0, 5 > 3 < 4, 1 != 2 != 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(2) < v(3), calls)
calls.clear()
print(v(3) < v(2) < v(1), calls)
calls.clear()
print(v(1) < v(5) > v(4) == v(4), calls)
print(2 in [1, 2, 3], 4 not in [1, 2, 3], "b" in "abc", "ac" in "abc", "" in "abc")
print(1 in {1: 'a'}, 'a' in {1: 'a'}, 3 in range(1, 5, 2), 4 in range(1, 5, 2))
print((1, 2) in [(1, 2)], [1] in [[1]], 1 in (1.0,), 1.0 in {1}, True in {1: 0})
a = [1]
b = [1]
c = a
print(a is c, a is b, a == b, a is not b, not a is b)
print(None is None, None == None, None is not None)
print(1 == 1.0, 1 == True, 0 == False, 1 == "1", [1, 2] == [1, 2.0], (1,) == [1])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (2,) > (1, 99), "abc" < "abd", "Z" < "a", "" < "a")
print([] < [1], [[1]] < [[2]], (1, "a") < (1, "b"))
print(1 < 2.5, 2.5 < 3, 10**20 > 1e19, 10**400 > 1e308, -10**400 < float('-inf'))
nan = float('nan')
print(nan == nan, nan != nan, nan < 1, nan > 1, nan in [nan], [nan] == [nan])
print(float('inf') > 10**1000, float('inf') == float('inf'))
try:
    print(1 < "a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([1] < (1,))
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(None < None)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print({1} < {1: 2})
except TypeError as e:
    print(type(e).__name__, e)
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), {1, 2} == {2, 1})
print({'a': 1} == {'a': 1}, {'a': 1} != {'a': 2})
try:
    print({'a': 1} < {'b': 2})
except TypeError as e:
    print(type(e).__name__, e)
x = 5
print(0 < x < 10, 0 < x < 3, x == 5 in [5], (x == 5) in [True])
class Eq:
    def __eq__(self, o):
        print("Eq.__eq__ called")
        return True
e = Eq()
print(e in [1, 2], e is e, e in [e])
print(1 in [Eq()])
class NoContains:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in NoContains(), 5 in NoContains())
class GetItemOnly:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 2
print(4 in GetItemOnly(), 3 in GetItemOnly())
try:
    print(1 in 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(1 in "abc")
except TypeError as e:
    print(type(e).__name__, e)
print(b"b" in b"abc", 98 in b"abc")
