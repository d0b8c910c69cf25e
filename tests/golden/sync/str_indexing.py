# str indexing, slicing, iteration, len with non-ASCII text.
s = "héllo wörld 中文 🐍!"
print(len(s), s[0], s[1], s[-1], s[-2], s[12], s[13])
print(s[1:5], s[::-1], s[::3], s[-6:], s[6:11])
print([c for c in "añ中🐍"], list("abc"), tuple("xy"))
print([ord(c) for c in "añ中🐍"], "".join(chr(o) for o in [72, 228, 8364, 128512]))
print("abc"[0:100], "abc"[5:], "abc"[-100:1], ""[:], "x"[::-1])
print("中文"[0] + "中文"[1], "🐍" * 3, len("🐍" * 3))
print("é" == "e\u0301", len("e\u0301"), len("é"))
print("abc" + "def", "ab" * 3, 3 * "ab", "ab" * 0, "ab" * -1)
print("a" < "b", "abc" < "abd", "Z" < "a", "é" > "z", "中" > "é", "" < " ")
print(min("hello"), max("hello"), sorted("hello"), sorted("Hello World"))
print("ell" in "hello", "" in "", "x" not in "abc")
t = "immutable"
try:
    t[0] = "I"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    "abc" + 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 + "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    "abc"["a"]
except TypeError as e:
    print(type(e).__name__, e)
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(b"bytes"), str(b"abc", "ascii"))
print(repr("a'b"), repr('a"b'), repr("a'b\"c"), repr("\n\t\\"), repr("\x00\x1f\x7f"), repr("\u2028é中🐍"))
print(s.count("l"), s.index("w"), s.find("中"), s.rfind("l"))
it = iter("ab")
print(next(it), next(it), next(it, "end"))
print(hash("a") == hash("a"), "abc".__len__(), "abc".__getitem__(1), "abc".__contains__("b"))
print("".join(reversed("stressed")), "racecar" == "racecar"[::-1])
print(str.__name__, type("").__name__, isinstance("", str))
