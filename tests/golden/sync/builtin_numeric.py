# abs, round, divmod, pow, hex/oct/bin, chr/ord, format.
print(abs(-3), abs(3.5), abs(-0.0), abs(True), abs(-10 ** 30), abs(float("-inf")))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(17.5, 5), divmod(-17.5, 5), divmod(True, 2), divmod(10 ** 20, 3))
print(pow(2, 8), pow(2, -1), pow(2.0, 3), pow(-2, 3), pow(2, 0), pow(0, 0), pow(7, 2, 5), pow(-7, 2, 5), pow(7, -1, 5), pow(base=2, exp=5), pow(2, 5, mod=3))
print(hex(255), hex(-255), hex(0), hex(2 ** 64), oct(8), oct(-8), oct(0), bin(5), bin(-5), bin(0), bin(2 ** 20))
for f in (hex, oct, bin):
    try:
        f(1.5)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
print(chr(65), chr(0x4e2d), chr(0x1F40D), repr(chr(0)), repr(chr(127)), repr(chr(0x10FFFF)))
print(ord("A"), ord("中"), ord("🐍"), ord("\n"), ord(b"a"), ord(bytearray(b"z")))
for bad in [lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"), lambda: ord("ab"), lambda: ord(""), lambda: ord(5), lambda: ord(b"")]:
    try:
        bad()
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(format(255, "x"), format(255, "#010b"), format(3.14159, ".2f"), format("s", ">5"), format(1234567, ","), format(0.5, "%"), format(42), format(1e20))
print(round(2.5), round(3.5), round(-0.5), round(1.2345, 2), round(1234, -2), round(0.1 + 0.2, 15))
print([divmod(n, 3) for n in range(-4, 5)])
print(abs(-7) == 7, -abs(-7), pow(2, 100) == 2 ** 100, pow(10, -2), pow(4, 0.5))
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), int(hex(-99), 0))
print([chr(c) for c in range(97, 103)], "".join(map(chr, [72, 105])), sum(map(ord, "abc")))
