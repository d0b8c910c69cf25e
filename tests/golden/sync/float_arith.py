# float arithmetic, special values, mixed int/float operations.
inf = float('inf')
nan = float('nan')
print(inf + 1, inf - inf, inf * 0, inf / inf, -inf * -1, inf > 1e308, -inf < -1e308)
print(nan + 1, nan * 0, nan == nan, nan is nan, nan != 1, max(1, 2.5), min(-0.0, 0.0), min(0.0, -0.0))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2))
print(5.0 % 3, -5.0 % 3, 5 % -3.0, 0.0 % 5, -0.0 % 5, 1e100 % 7)
print(2.0 ** 10, 2 ** 0.5, (-8.0) ** 2, 4 ** -0.5, 0.0 ** 0, 1.5 ** 2)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__, e)
for expr in ["1.0 / 0", "1.0 // 0", "1.0 % 0", "divmod(1.0, 0)", "0.0 / 0.0"]:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", type(e).__name__, e)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(1 + 2.0, 3 * 0.5, 10 - 0.5, 2 ** 3.0, 7 // 2.0, 7 % 2.5, True + 0.5)
print(abs(-3.5), -(-2.25), +1.5, round(2.5), round(3.5), round(-2.5), round(2.675, 2))
print(int(2.9), int(-2.9), float(3), float("  -1.5e3  "), float(True))
print(3.0 == 3, 3.0 is 3 if False else "skip", hash(3.0) == hash(3), hash(0.5), hash(-0.0), hash(inf), hash(-inf))
print(0.1 + 0.2 == 0.3, abs((0.1 + 0.2) - 0.3) < 1e-9, sum([0.1] * 10), sum([0.1] * 10) == 1.0)
print(1e-320 * 1e10, 1e308 + 1e308, 2.0 ** -1074, 2.0 ** -1075)
print((1.5).__floor__() if hasattr(1.5, '__floor__') else "", (1.5).__trunc__(), (-1.5).__round__(), (2.5).__round__(0))
print(float.__name__, (1.0).real, (1.0).imag, (1.0).conjugate())
print(sorted([3.5, -1.0, 2, 0.0, -0.5, 10]))
print(1/3 + 1/3 + 1/3, 2/3 - 1/3, 0.1 * 0.1, 1e-7 * 1e-7, 123.456 * 1000)
x = 0.0
for _ in range(10):
    x += 0.1
print(x, repr(x), x < 1.0)
print(9.99 * 100, 4.35 * 100, 1.15 * 100, 8.675 * 100)
print(1e16 + 1 - 1e16, 2**53 + 1.0, float(2**53 + 1))
print(5e-324 / 2, -5e-324 / 2, 1 / -inf, -1 / inf)
