# Arbitrary-precision integers.
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(2 ** 10000)), str(2 ** 10000)[:20], str(2 ** 10000)[-20:])
a = 3 ** 200
b = 7 ** 150
print(a + b)
print(a - b)
print(a * b)
print(a // b, a % b)
print(b // a, b % a)
print(-a // b, -a % b)
print(divmod(a, -b))
print(a ** 2 // b ** 2)
print(a & b, a | b == a + b - (a & b), a ^ b == (a | b) - (a & b))
print((a >> 100), (a << 10) >> 10 == a, -a >> 300)
print(hex(a))
print(oct(b)[:40], bin(2**100 + 1))
print(int(str(a)) == a, int(hex(a), 16) == a, int(bin(b), 2) == b)
print(abs(-a) == a, -(-a) == a, a > b, a < b, a == a + 0, a != a + 1)
print(2 ** 1000 % 1000007, pow(a, b, 10**9 + 7))
print(float(2 ** 100), float(-(3 ** 50)), 2 ** 100 / 2 ** 98)
print(10 ** 50 // 3, (10 ** 50) * (10 ** 50) == 10 ** 100)
print(int("9" * 60) + 1)
print(-(10 ** 30) // 7, -(10 ** 30) % 7)
print(sum(range(10 ** 6)), sum(i * i for i in range(1000)) ** 3)
x = 1
for _ in range(64):
    x = x * 2 + 1
print(x, x.bit_length())
def isqrt(n):
    lo, hi = 0, n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
print(isqrt(10 ** 60), isqrt(2 * 10 ** 40))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(2 ** 100 * 3 ** 50, 2 ** 80 * 3 ** 70 * 5))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(10 ** 30), hash(-1), hash(-2))
print(round(10 ** 30 + 5, -1), round(123456789123456789, -5))
print(str(-10 ** 25), repr(10 ** 25), f"{10**25:,}", f"{-10**25:_}", f"{2**70:x}", f"{2**70:e}")
print(max(a, b) == a, min(-a, -b) == -a, sorted([b, a, 1]) == [1, a, b] if a < b else sorted([b, a, 1]) == [1, b, a])
