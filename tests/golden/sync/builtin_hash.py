# hash() of ints, floats, bools, None-free tuples; consistency rules.
for v in [0, 1, -1, -2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 20, 123456789]:
    print("int", v, hash(v))
for v in [0.0, -0.0, 0.5, 1.0, 1.5, -2.25, 1e20, 1e-20, 3.141592653589793, float("inf"), float("-inf")]:
    print("float", v, hash(v))
for v in [(), (1,), (1, 2), (2, 1), (1, 2, 3), ((1, 2), 3), (-1,), (0, 0), (1.5, 2), (True, False), ((),)]:
    print("tuple", v, hash(v))
print(hash(True), hash(False), hash(1) == hash(1.0) == hash(True), hash(2 ** 100) == hash(2.0 ** 100))
print(hash(frozenset()), hash(frozenset({1})), hash(frozenset({1, 2, 3})), hash(range(3)) == hash(range(0, 3, 1)))
for bad in [[], {}, set(), ([1],), bytearray(b"x")]:
    try:
        hash(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(hash(1) == (1).__hash__(), hash((1, 2)) == (1, 2).__hash__())
