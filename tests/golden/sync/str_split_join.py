# str.split / rsplit / splitlines / join.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print(s.split(None, 2), s.split(maxsplit=1), s.rsplit(None, 2), s.rsplit(maxsplit=1))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2), "a,b,,c,".rsplit(",", 0))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "abc".split("abc"), "".split(","), "".split())
print("   ".split(), "   ".split(" "), "x".split("x"), "xx".split("x"))
print("1 2 3".split(" ", -1), "1 2 3".split(" ", 0), "1 2 3".rsplit(" ", 1))
print("a\u3000b\x1fc\x1ed\x85e\xa0f".split())
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "abc".split(1)
except TypeError as e:
    print(type(e).__name__, e)
print(",".join(["a", "b", "c"]), "".join(["x", "y"]), "-".join("abc"), " ".join([]), ", ".join(("one",)))
print("\n".join(str(i) for i in range(3)))
print("|".join({"k1": 1, "k2": 2}))
try:
    ",".join([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join(["a", None])
except TypeError as e:
    print(type(e).__name__, e)
text = "line one\nline two\r\nline three\rline four\n\nlast"
print(text.splitlines())
print(text.splitlines(keepends=True))
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines())
print("".splitlines(), "\n".splitlines(), "x\n".splitlines(), "\n\n".splitlines(True))
print(text.split("\n"))
csv = "name,age\nann,30\nbob,25"
rows = [line.split(",") for line in csv.splitlines()]
print(rows)
print(" ".join(w.capitalize() for w in "hello big world".split()))
print("a-b-c".split("-", 1), "a-b-c".rsplit("-", 1), "a b c".split(None, 0), "  a b ".rsplit(None, 0))
