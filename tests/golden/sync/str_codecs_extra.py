# Less common codecs: UTF-16/UTF-32 (with and without BOM) and cp1252.
s = "hé中🐍"
for enc in ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"]:
    b = s.encode(enc)
    print(enc, b, len(b), b.decode(enc) == s)
print(len(s.encode("utf-16")), s.encode("utf-16")[:2] in (b"\xff\xfe", b"\xfe\xff"), s.encode("utf-16").decode("utf-16") == s)
print(b"\xff\xfea\x00b\x00".decode("utf-16"), b"\xfe\xff\x00a".decode("utf-16"))
print("€".encode("cp1252"), b"\x93hi\x94".decode("cp1252"), b"caf\xe9".decode("cp1252"))
try:
    b"\x00".decode("utf-16-le")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "\x81".encode("cp1252")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
