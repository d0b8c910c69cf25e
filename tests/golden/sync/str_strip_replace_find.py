# strip family, replace, find/index/rfind/count, startswith/endswith, removeprefix.
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixx".strip("x")), repr("abcHIcba".strip("abc")), repr("www.example.com".lstrip("w.")), repr("file.txt...".rstrip(".")))
print(repr("aaa".strip("a")), repr("".strip()), repr("hello".strip("")), repr("  x  ".strip(None)))
print(repr("\u3000 x \xa0".strip()), repr("\x1cx\x1f".strip()))
print("hello".replace("l", "L"), "hello".replace("l", "L", 1), "hello".replace("l", "", -1), "hello".replace("", "-"))
print("hello".replace("", "-", 2), "aaaa".replace("aa", "b"), "abc".replace("x", "y"), "".replace("", "z"))
print("banana".replace("a", "o", 0), "banana".replace("na", "NA", 5))
h = "hello world hello"
print(h.find("hello"), h.find("hello", 1), h.find("xyz"), h.find("o", 5, 8), h.find(""), h.find("", 100))
print(h.rfind("hello"), h.rfind("o"), h.rfind("o", 0, 5), h.rfind("xyz"), h.rfind(""))
print(h.index("world"), h.rindex("l"), h.count("l"), h.count("hello"), h.count(""), h.count("l", 3, 10))
print("aaaa".count("aa"), "abc".count("abcd"), "".count(""), "abc".find("c", -1), "abc".find("a", -100))
try:
    h.index("zzz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    h.rindex("zzz")
except ValueError as e:
    print(type(e).__name__, e)
print(h.startswith("hello"), h.startswith("world", 6), h.startswith(("x", "hel")), h.startswith(""), h.startswith("hello", 0, 3))
print(h.endswith("hello"), h.endswith(("a", "lo")), h.endswith("world", 0, 11), h.endswith("o", -1), h.endswith(()))
try:
    h.startswith(["hello"])
except TypeError as e:
    print(type(e).__name__, e)
print("TestCase".removeprefix("Test"), "TestCase".removeprefix("Case"), "file.py".removesuffix(".py"), "x".removesuffix(""))
print("one two three".find(" "), "one two three".rpartition(" "))
path = "/usr/local/bin/python"
print(path[path.rfind("/") + 1:], path[:path.rfind("/")])
print("Mississippi".replace("ss", "SS").count("SS"), "Mississippi".find("ss", 3), "Mississippi".rfind("ss", 0, 5))
