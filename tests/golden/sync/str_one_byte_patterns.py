s = "a\nbb\n\nccc\n"
print(s.split("\n"), s.split("\n", 1), "x,y,,z".split(","), "".split(","), "é,ü".split(","), "ab".split("é"))
print("hello".startswith("he"), "hello".endswith("lo"), "hello".startswith(("x", "h")), "héllo".startswith("hé", 0, 2), "abc".startswith("", 5), "abc".endswith("c", 1))
print("banana".count("a"), "banana".count("an"), "banana".count("a", 2), "banana".count("a", -2), "ééa".count("a"), "aaa".count(""), "aéa".count("a", 1, 3))
print("banana".replace("a", "o"), "banana".replace("a", "", 2), "bénéfice".replace("é", "e"), "x-y".replace("-", "--"))
class S(str): pass
print(S("a,b").split(","), S("abc").startswith("a"), "abc".startswith(S("a")))
try:
    "abc".startswith(1)
except TypeError as e: print(e)
try:
    str.startswith(1, "a")
except TypeError as e: print(e)
print("abcabc".find("c", 3), "ééabc".index("b"), "ééé".rfind("é"))
