# int() parsing with bases and the errors it raises.
cases = [("42", 10), ("-42", 10), ("  7\n", 10), ("+0", 10), ("1_000", 10), ("ff", 16), ("FF", 16), ("0xff", 16),
         ("0xff", 0), ("0o17", 0), ("0b101", 0), ("017", 8), ("z", 36), ("ZZ", 36), ("101", 2), ("12", 3),
         ("0", 0), ("00", 0), ("0_0", 0), ("1_0", 0), ("٣", 10), ("１２", 10)]
for s, base in cases:
    try:
        print(repr(s), base, "->", int(s, base))
    except ValueError as e:
        print(repr(s), base, "->", type(e).__name__, e)
bad = [("", 10), (" ", 10), ("4.5", 10), ("x", 10), ("12", 2), ("0x", 16), ("1__0", 10), ("_1", 10), ("1_", 10),
       ("017", 0), ("0b2", 0), ("ff", 10), ("- 5", 10), ("++5", 10), ("1e3", 10), ("inf", 10)]
for s, base in bad:
    try:
        print(repr(s), base, "->", int(s, base))
    except ValueError as e:
        print(repr(s), base, "->", type(e).__name__, e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print("base", base, "->", type(e).__name__, e)
for v in [None, [1], {}, "5".encode(), 3.7, -2.5, 1e20, True, b"12", bytearray(b"7")]:
    try:
        print(repr(v), "->", int(v))
    except (TypeError, ValueError) as e:
        print(repr(v), "->", type(e).__name__, e)
for v in [float("inf"), float("-inf"), float("nan")]:
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(repr(v), "->", type(e).__name__, e)
try:
    int(5, 10)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int("x" * 100)
except ValueError as e:
    print(type(e).__name__, e)
class HasInt:
    def __int__(self):
        return 99
class HasIndex:
    def __index__(self):
        return 7
class HasTrunc:
    def __trunc__(self):
        return 3
print(int(HasInt()), int(HasIndex()), int(HasTrunc()) if True else None)
print(int(), int("0"), int("-0"), int(" -  1".replace(" ", "")))
print(int("1" * 50), int("-" + "9" * 30))
print(float("1_0.5"), float(" 3.5 "), float("-inf"), float("nan"), float("1e500"), float("-0"))
for s in ["", "abc", "1.2.3", "1_", "0x10", "in f"]:
    try:
        float(s)
    except ValueError as e:
        print(repr(s), "->", type(e).__name__, e)
