# bytes and bytearray: repr, indexing, slicing, methods.
b = b"Hello, World\x00\xff"
print(b, repr(b), len(b), b[0], b[-1], b[1:5], b[::-1][:3], type(b[0]).__name__)
print(bytes(5), bytes([65, 66, 67]), bytes(range(3)), bytes(b"copy"), bytes(), bytes("é", "utf-8"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"), repr(bytes(range(0x1e, 0x22))), repr(bytes([127, 128])))
print(list(b"abc"), [c for c in b"\x00\x01"], b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc")
print(b"a,b,,c".split(b","), b"  x  y ".split(), b"a-b-c".rsplit(b"-", 1), b"xyx".strip(b"x"), b"  pad ".strip())
print(b",".join([b"a", b"b"]), b"".join([bytearray(b"x"), b"y"]), b"abc".upper(), b"ABC".lower(), b"hello world".title())
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".index(b"e"), b"hello".count(b"l"), b"hello".find(108), b"hello".replace(b"l", b"L"))
print(b"hello".startswith(b"he"), b"hello".endswith((b"x", b"lo")), b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b"  ".isspace(), b"AB".isupper())
print(b"abc".hex(), b"\x00\xff".hex(), bytes.fromhex("48 65 6c 6c 6f"), b"abc".hex(":"), bytes.fromhex(""))
print(b"key=val".partition(b"="), b"x".center(5, b"*"), b"7".zfill(3), b"ab".ljust(4, b"."), b"ab".rjust(4))
print(b"a\tb".expandtabs(4), b"l1\nl2\r\n".splitlines(), b"l1\nl2".splitlines(True))
print(b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"abc" == "abc", b"a"[0] == 97)
print(b"hello".decode(), b"caf\xc3\xa9".decode("utf-8"), str(b"x"), bytes.maketrans(b"ab", b"AB"), b"abc".translate(bytes.maketrans(b"ab", b"AB")))
print(b"%d-%s" % (5, b"x"), b"abc".removeprefix(b"a"), b"abc".removesuffix(b"c"), b"hello".swapcase(), b"hello".capitalize())
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
ba.extend(b"ef")
ba += b"!"
print(ba, len(ba), ba[1], ba[-1:], bytes(ba))
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba, ba.pop(0), ba)
ba.insert(0, 48)
ba.remove(ord("Y"))
print(ba, ba.find(b"Z"), ba.upper(), ba.reverse(), ba)
ba.clear()
print(ba, bytearray(3), bytearray([1, 2]), bytearray(b"x") == b"x", bytearray(b"ab").decode())
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    bytearray(b"a").append(300)
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc" + "def"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc" in b"abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"], sorted([b"b", b"a", b"ab"]), max(b"hello"), sum(b"\x01\x02"))
print(bytes(reversed(b"abc")), b"abc"[::2], b"abcdef"[1:-1:2], memoryview(b"xyz")[1] if False else "skip")
print(b"x".isascii(), b"\x80".isascii(), b"Title Case".istitle(), b"a b".split(None, 1), b"aaa".count(b"a", 1))
