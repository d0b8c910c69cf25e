# print(): sep, end, file, flush, multiple/zero args, str() conversion.
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ")
print("no newline", end="")
print(" <- continued", end="!\n")
print("x", "y", sep="\n")
print(1, 2.5, None, True, [1], (2,), {3: 4}, "s", b"b")
print("sep None", "end None", sep=None, end=None)
print(*range(5))
print(*range(5), sep="-", end=".\n")
print(*[])
print("", "")
print("to stderr, not stdout", file=sys.stderr)
print("explicit stdout", file=sys.stdout)
print("flushed", flush=True)
print("tab\tsep", "multi\nline")
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
w = W()
print("into", "custom", sep="_", end="|", file=w)
print(42, file=w)
print(w.parts)
print("file=None goes to stdout", file=None)
for bad in [dict(sep=1), dict(end=2), dict(file=5)]:
    try:
        print("x", **bad)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    print("x", bogus=1)
except TypeError as e:
    print(type(e).__name__, e)
class S:
    def __str__(self):
        return "custom __str__"
print(S(), [S()][0])
print("unicode: é 中 🐍 \u00a0end")
print("%s" % "percent", "{}".format("format"), f"{'fstring'}")
print(end="only end\n")
print(sep="ignored")
sys.stdout.write("via write\n")
print(print("inner"))
