# format() spec mini-language: fill/align/sign/#/0/width/grouping/precision/type.
specs_int = ["", "d", "5d", "<5", ">5", "^5", "*^7", "0>5", "+d", "-d", " d", "05d", "+05d", "=+6", "x", "X", "#x", "#X",
             "o", "#o", "b", "#b", "#010b", "c", ",", "_", "_x", "_b", ",d", "10,", "n", "e", ".2e", "f", ".1f", "g", "%", ".0%", "E", "G", "F"]
for spec in specs_int:
    for v in (42, -42, 0, 1234567):
        try:
            out = format(v, spec)
        except (ValueError, OverflowError) as e:
            out = f"{type(e).__name__}: {e}"
        print(f"int {v!r:>8} {spec!r:>9} -> {out!r}")
specs_float = ["", "f", ".2f", "10.3f", "<10.1f", "^10.1f", "+.1f", " .1f", "010.2f", "e", ".3e", "E", "g", ".3g", "G",
               ".10g", "%", ".1%", ",.2f", "_.3f", "#.0f", ".0f", ".0e", "#g", "n", ".2", "10", "=+10.2f", "x>12,.1f", ".15g", ".17g", "r" if False else "s" if False else ".1"]
for spec in specs_float:
    for v in (3.14159, -2.5, 0.0, 1234567.891, 1e-7, 1e20, float('inf'), float('nan'), -0.0, 0.5, 2.5):
        try:
            out = format(v, spec)
        except ValueError as e:
            out = f"ValueError: {e}"
        print(f"float {v!r:>12} {spec!r:>10} -> {out!r}")
specs_str = ["", "s", "10", "<10", ">10", "^10", "*^10", ".2", "10.2", "-^9.3", "^", "0>4"]
for spec in specs_str:
    for v in ("hello", "", "中文"):
        print(f"str {v!r:>8} {spec!r:>8} -> {format(v, spec)!r}")
errors = [(42, "s"), ("s", "d"), (1.5, "d"), ("s", "+"), ("s", "="), (42, ".2d"), (1.5, "c"), (42, ",c"), (42, "#c"), ("x", ","), (-1, "c"), (1114112, "c"), (1.0, "x"), (42, "z"), (42, ",_")]
for v, spec in errors:
    try:
        print(repr(format(v, spec)))
    except (ValueError, OverflowError, TypeError) as e:
        print(f"{v!r} {spec!r} -> {type(e).__name__}: {e}")
print(format(True, "d"), format(True, ""), format(False, ">5"), format(None, ""), format([1, 2], ""))
try:
    format(None, "d")
except TypeError as e:
    print(type(e).__name__, e)
try:
    format([1], ">10")
except TypeError as e:
    print(type(e).__name__, e)
print(format(10**30, ","), format(-10**20, "_x"), format(2**64, "#o"), format(123456789, "e"))
print(format(1e300, ".2f")[:20], format(123.456, ".0f"), format(0.125, ".2f"), format(0.375, ".2f"), format(2.675, ".2f"))
print(format(1.5, "010"), format(-1.5, "010"), format(1.5, "<010"), format(-0.0, ".1f"), format(-0.0001, ".1f"))
print(format(0.0001, "g"), format(0.00001, "g"), format(1e15, "g"), format(1e16, "g"), format(123456789.0, "g"), format(100000.0, "g"), format(1000000.0, "g"))
print(format(42, "=10"), format(-42, "=10"), format(-42, "010"), format(42, "+010,"), format(1234.5, "012,.2f"))
