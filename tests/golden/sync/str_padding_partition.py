# zfill, ljust/rjust/center, partition/rpartition, expandtabs, misc methods.
for s in ["42", "-42", "+7", "abc", "", "-", "3.14"]:
    print(repr(s), [s.zfill(w) for w in (0, 3, 6)])
for s in ["ab", "abc", "", "中"]:
    print(repr(s), repr(s.ljust(6)), repr(s.rjust(6)), repr(s.center(6)), repr(s.center(7, "*")), repr(s.ljust(1, "-")), repr(s.rjust(4, "0")))
print(repr("a".center(4)), repr("ab".center(5)), repr("abc".center(6)), repr("x".center(2, "-")), repr("xy".center(3, "-")))
try:
    "x".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print("key=value=x".partition("="), "key=value=x".rpartition("="), "novalue".partition("="), "novalue".rpartition("="))
print("".partition("x"), "x".partition("x"), "aXbXc".partition("X"), "aXbXc".rpartition("X"))
try:
    "abc".partition("")
except ValueError as e:
    print(type(e).__name__, e)
t = "a\tbc\tdef\tghij\tk"
print(repr(t.expandtabs()), repr(t.expandtabs(4)), repr(t.expandtabs(0)), repr(t.expandtabs(1)))
print(repr("x\ty\nab\tc".expandtabs(3)), repr("\t".expandtabs()), repr("a\r\tb".expandtabs(4)))
print("hello {}".format("x").upper().center(15, "~"))
table = str.maketrans("abc", "xyz", "d")
print("abcdabcd".translate(table), "hello".translate({ord("l"): "L", ord("o"): None}), str.maketrans({"a": "1"}))
print("-".join("abc".ljust(5, ".")), "%s" % "x".rjust(3))
for w in ["apple", "kiwi", "banana"]:
    print(f"|{w.ljust(8)}|{w.rjust(8)}|{w.center(8)}|")
print("ab".ljust(-1), "ab".zfill(-5), repr("".center(3)))
