# str.encode / bytes.decode with codecs and error handlers.
s = "héllo 中文 🐍"
for enc in ["utf-8", "latin-1", "ascii"]:
    try:
        b = s.encode(enc)
        print(enc, b, len(b))
    except UnicodeEncodeError as e:
        print(enc, "->", type(e).__name__, e)
print(s.encode(), s.encode("UTF8"), s.encode("utf_8"))
print("abc".encode("ascii"), "café".encode("latin1"), "café".encode("iso-8859-1"))
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
print("é".encode("latin-1", "strict"))
b = "héllo 中文 🐍".encode("utf-8")
print(b.decode("utf-8"), b.decode(), str(b, "utf-8"), bytes(b).decode("utf8"))
bad = b"abc\xff\xfedef\xc3"
for errors in ["replace", "ignore", "backslashreplace", "surrogateescape"]:
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"\xc3\x28".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"\xe4\xb8".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"\x80abc".decode("ascii")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "中".encode("latin-1")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print(bytes(range(256)).decode("latin-1") == "".join(chr(i) for i in range(256)))
print(b"\xed\xa0\x80".decode("utf-8", "replace"), repr("\udcff".encode("utf-8", "surrogateescape")))
print(bytes("abc", "ascii"), bytearray("é", "utf-8"), "\u00e9".encode() == b"\xc3\xa9")
try:
    bytes("abc")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(b"caf\xe9".decode("latin-1"), "naïve".encode("utf-8").decode("latin-1"))
