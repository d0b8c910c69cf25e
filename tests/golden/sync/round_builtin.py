# round(): banker's rounding, ndigits, ints, negatives, return types.
for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.5000001, 1e16 + 0.5, 1e300]:
    print(repr(v), "->", repr(round(v)), type(round(v)).__name__)
for v, n in [(2.675, 2), (1.005, 2), (0.125, 2), (0.375, 2), (1.25, 1), (1.35, 1), (1.45, 1), (-1.25, 1),
             (123.456, -1), (125.0, -1), (135.0, -1), (1234.5678, 3), (0.5, 0), (1.5, 0), (2.5, 0), (1e-20, 5),
             (1.23456789e10, -5), (0.0, 2), (-0.0, 2), (9.995, 2), (3.14159, 10), (5e-324, 400), (1.5, -400)]:
    r = round(v, n)
    print(repr(v), n, "->", repr(r), type(r).__name__)
for v, n in [(5, None), (5, 0), (5, 1), (15, -1), (25, -1), (35, -1), (-15, -1), (-25, -1), (149, -2), (150, -2), (250, -2), (10**20 + 5, -1), (7, -5)]:
    r = round(v, n) if n is not None else round(v)
    print(v, n, "->", repr(r), type(r).__name__)
print(round(True), round(False, 2), type(round(True)).__name__)
for bad in [float('inf'), float('-inf'), float('nan')]:
    try:
        round(bad)
    except (OverflowError, ValueError) as e:
        print(repr(bad), "->", type(e).__name__, e)
print(round(float('inf'), 2), round(float('nan'), 2))
try:
    round("1.5")
except TypeError as e:
    print(type(e).__name__, e)
try:
    round(1.5, 1.0)
except TypeError as e:
    print(type(e).__name__, e)
class Roundable:
    def __round__(self, n=None):
        return f"custom round n={n}"
print(round(Roundable()), round(Roundable(), 3))
print(round(2.5, None), round(-0.4), repr(round(-0.4)), repr(round(-0.4, 0)))
