# int arithmetic: floor division and modulo signs, pow, bit ops, true division.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 10**20), (-1, 10**20), (10**20 + 1, -7)]
for a, b in pairs:
    print(a, b, "//", a // b, "%", a % b, "divmod", divmod(a, b), "/", a / b)
print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, (-2) ** 4, 2 ** -2, (-8) ** (1/3) if False else "skip")
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 7), pow(-3, 3, 5), pow(3, -1, 7), pow(5, 0, 1))
print(pow(2, 100, 10**9 + 7), pow(10**30, 10**5, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 5 << 3, 5 >> 1, -5 >> 1, -1 >> 100, 1 << 100)
print(-5 & 0xff, -5 | 2, -5 ^ -3, ~-1, ~0, -(2**70) >> 3, (2**70) & (2**70 - 1))
print(0b1010 & -0b1010, -17 & 15, -17 % 16)
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
for op in ["1 // 0", "1 % 0", "divmod(1, 0)", "1 / 0", "0 ** -1", "10**20 // 0", "5 % 0.0"]:
    try:
        eval(op)
    except ZeroDivisionError as e:
        print(op, "->", type(e).__name__, e)
print(7 / 2, 8 / 2, -7 / 2, 1 / 3, 10**20 / 10**10, 2**53 + 1 == (2**53 + 1) / 1)
try:
    print(10**400 / 1)
except OverflowError as e:
    print(type(e).__name__, e)
print(10**400 // 10**399, (10**400) % 97)
print(abs(-5), abs(5), abs(-10**30), -(-5), +(-5))
print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2**100).bit_length())
print((255).to_bytes(2, 'big'), (255).to_bytes(2, 'little'), int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print((-1).to_bytes(2, 'big', signed=True), (1024).to_bytes(3, byteorder='little'))
try:
    (256).to_bytes(1, 'big')
except OverflowError as e:
    print(type(e).__name__, e)
print((10).bit_count(), (-7).bit_count(), (6).as_integer_ratio(), (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(int.__name__, (3).__add__(4), (3).__radd__(4), (3).__sub__(4), (3).__rsub__(4), (3).__add__(1.0))
print(True + True, True * 10, 5 // True, -True, True << 3)
print(divmod(-10**25, 7), divmod(10**25, -7))
print(17 // 5 * 5 + 17 % 5, -17 // 5 * 5 + -17 % 5)
x = 12345678901234567890
print(x * x, x * -x, x - x * 2, x // 3, x % 1000, -x // 1000, -x % 1000)
print(2 ** 64 - 1, -(2 ** 63), (2 ** 63) * 2, (2 ** 64) // (2 ** 32))
print(int(3.99), int(-3.99), int(True), int("-0"), int(" +12 "))
print(round(7, -1), round(15, -1), round(25, -1), round(-25, -1), round(123456, -3))
