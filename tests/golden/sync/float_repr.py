# float repr/str: shortest round-trip, exponent thresholds, specials.
vals = [0.1, 0.2, 0.1 + 0.2, 1/3, 2/3, 1.0, -1.0, 0.0, -0.0, 100.0, 1e15, 1e16, 1e17, 123456789012345678.0,
        1e-4, 1e-5, 0.0001234, 0.00001234, 1.5e-7, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
        float('inf'), float('-inf'), float('nan'), 3.141592653589793, 2.718281828459045, 1e100, 12345.6789,
        9007199254740993.0, 0.3, 1.1, 2.675, 1e-10, 123e-20, 4.35, 0.5, 0.25, 1/7, 10/3, 1e16 + 1, 9999999999999998.0]
for v in vals:
    print(repr(v), str(v))
print(float(10**16), float(10**15), float(2**53), float(2**63))
print(-float('nan'), abs(float('-inf')), float('-0.0'), -0.0 == 0.0, str(-0.0))
print(1.0 * 3, 3 / 1, 10 / 4, 2 ** 0.5, 10 ** -2, 1e3 * 1e3)
print([0.1, 0.2], (1.5,), {2.5: 0.5})
print(0.1 + 0.7, 0.1 * 3, 1.1 * 1.1, 100 * 1.1, 1 - 0.9)
print(float.hex(1.0), float.hex(0.1), float.fromhex('0x1.8p1'), (0.1).hex(), (-2.5).hex(), float.fromhex('-0x1p-1074'))
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-2.0).as_integer_ratio())
print((2.0).is_integer(), (2.5).is_integer(), float('inf').is_integer() if False else "skip")
print(format(1e16, ''), format(0.1, 'r') if False else "", f"{1e-5}", f"{1e16}")
print(1e16 == 10**16, 0.1 == 1/10, 1e308 * 10, -1e308 * 10, 1e-323 / 10)
