# Constructors used as conversions: int float bool str list tuple dict set frozenset.
print(int(), int(3.9), int("12"), int(" -7 "), int(True), int("1010", 2), int(b"42"))
print(float(), float(2), float("1e3"), float(" -inf "), float("NaN"), float(True), float("0x10".replace("0x", "")))
print(bool(), bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(float("nan")))
print(str(), str(1), str(1.0), str(-0.0), str([1, "a"]), str((1,)), str({"k": "v"}), str({1}), str(None), str(str))
print(str(b"abc"), str(b"abc", "utf-8"), str(bytearray(b"x"), "ascii"), str(object) == "<class 'object'>")
print(list(), list("abc"), list((1, 2)), list({1: "a", 2: "b"}), list({"k": 1}.items()), list(range(3)), list(x * 2 for x in range(3)))
print(tuple(), tuple("ab"), tuple([1, [2]]), tuple({3: 0}), tuple(range(0)))
print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"z": 0}, w=1), dict(zip(["k1", "k2"], [1, 2])), dict([[1, 2]]), dict(["ab"]))
print(set(), set([3, 1, 2, 3]), set("aaa"), set(range(4)), set({5: 0}), frozenset(), frozenset([1, 1, 2]))
l = [1, 2]
print(list(l) is l, list(l) == l, tuple(t := (1,)) is t, str(s := "x") is s)
for f, arg in [(int, "1.5"), (int, []), (float, "x"), (float, []), (list, 5), (tuple, None), (dict, [1]), (dict, "ab"), (set, 3), (frozenset, 1.5)]:
    try:
        f(arg)
    except (TypeError, ValueError) as e:
        print(f.__name__, repr(arg), "->", type(e).__name__, e)
print(int("٤٢"), float("٣.٥"), int("\u0661\u0662"))
print(str(10**20), str(1e20), str(1e-20), float(10**20), int(1e20), int(-1e-20))
print(type(int()).__name__, type(float()).__name__, type(str()).__name__, type(bool()).__name__)
class Conv:
    def __int__(self):
        return 1
    def __float__(self):
        return 2.0
    def __str__(self):
        return "three"
    def __bool__(self):
        return False
    def __iter__(self):
        return iter([4, 5])
c = Conv()
print(int(c), float(c), str(c), bool(c), list(c), tuple(c), set(c), dict.fromkeys(c))
print(int(float("1e15")), float(int("9" * 20)), round(float("2.5")), str(True) + str(False))
print(list(reversed((1, 2, 3))), tuple(sorted({3: 0, 1: 0})), "".join(list("join")))
