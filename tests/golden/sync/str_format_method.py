# str.format: positional/keyword/auto fields, attribute and index access, conversions, nesting.
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"))
print("{name} is {age}".format(name="ann", age=30))
print("{0[0]} {0[1]} {1[key]} {1[0]}".format([10, 20], {"key": "v", 0: "zero"}))
class P:
    x = 3
    y = [7, 8]
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-as-str"
print("{0.x} {0.y[1]} {p.x}".format(P(), p=P()))
print("{!r} {!s} {!a}".format("é", P(), "é"))
print("{0!r:>10} {0!s:^10}|".format(P()))
print("{:>{width}.{prec}f}".format(3.14159, width=10, prec=2))
print("{:{fill}{align}{w}}".format("x", fill="*", align="^", w=7))
print("{{}} {{{0}}} {{0}}".format("lit"))
print("{:,} {:_b} {:#x} {:08.3f} {:+} {:e}".format(1234567, 10, 255, 3.14159, 5, 12345.678))
print("{0:{1}}|{0:{2}}".format("ab", 5, "<3"))
print("{a[1][0]}".format(a=[[0], ["nested"]]))
try:
    print("{0[-1]}".format({-1: "int key"}))
except KeyError as e:
    print("index -1 is a string key:", type(e).__name__, e)
print("{0[-1]}".format({"-1": "string key"}), "{0[1]}".format({1: "digit index is int"}))
print("{:%}".format(0.25), "{:.1%}".format(1 / 3))
print("{:c}{:c}{:c}".format(72, 105, 0x1F40D))
print("{}".format(None), "{}".format([1, {2: 3}]), "{:10}|".format(True), "{:d}".format(True))
print("{0}{1}{0}".format(*"ab"), "{x}{y}".format(**{"x": 1, "y": 2}))
print(format_map := "{k} and {v}".format_map({"k": "key", "v": "value"}))
class Default(dict):
    def __missing__(self, key):
        return f"<{key}>"
print("{a} {b}".format_map(Default(a=1)))
errs = ["{} {}", "{0} {}", "{foo}", "{0[5]}", "{0.missing}", "{:d}", "{!x}", "{", "}", "{0:{1}", "{:>{}}", "{0[}"]
for fmt in errs:
    try:
        print(repr(fmt), "->", repr(fmt.format("only")))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(repr(fmt), "->", type(e).__name__, e)
class F:
    def __format__(self, spec):
        return f"F[{spec}]"
print("{:abc} {:} {!s:>5}".format(F(), F(), 1))
print("{0:>{1}}".format(F(), 3))
print("{:^9}".format("中文"), "{:*<6}".format("é"))
print("{0:.3} {0:.0} {1:.3}".format("abcdef", 1.23456))
print("{:=^30}".format(" centered "))
print("{0:b} {0:o} {0:x} {0:X} {0:#b} {0:#o} {0:#X}".format(3735928559))
print("{:.2e} {:.2E} {:g} {:G}".format(0.000123, 123456789.0, 1e-10, 1e+300))
