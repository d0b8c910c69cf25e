# Integer loops: Collatz chain lengths, bit mixing, modular arithmetic.
# kind: sync
import sys

def collatz_max(limit):
    best, best_n, total = 0, 0, 0
    n = 1
    while n < limit:
        x = n
        steps = 0
        while x != 1:
            if x & 1:
                x = 3 * x + 1
            else:
                x >>= 1
            steps += 1
        total += steps
        if steps > best:
            best, best_n = steps, n
        n += 1
    return best_n, best, total

def mix(n):
    h = 0
    for i in range(n):
        h = (h * 31 + (i ^ (i >> 3))) % 1000000007
        h ^= (i << 2) & 0xFFFF
    return h

def powmod_sum(n):
    s = 0
    for i in range(1, n):
        s = (s + i * i * i % 65521) % 4294967291
    return s

def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
    a = collatz_max(scale)
    b = mix(scale * 10)
    c = powmod_sum(scale * 10)
    print("collatz", a)
    print("mix", b)
    print("powmod", c)
    if scale == 40000:
        assert a == (35655, 323, 3932562), a
        assert (b, c) == (718167027, 220301630), (b, c)
    print("ok")

main()
