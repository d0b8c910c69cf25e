# Call shapes: positional, defaults, keywords, *args/**kwargs, bound methods,
# builtins, staticmethods/classmethods.
# kind: sync
import sys

def add3(a, b, c):
    return a + b + c

def with_defaults(a, b=2, c=3):
    return a * b + c

def kw_only(a, *, scale=1, shift=0):
    return a * scale + shift

def star(*args):
    return len(args) + args[0]

def starstar(a, **kw):
    return a + len(kw)

class Acc:
    def __init__(self):
        self.total = 0

    def add(self, x):
        self.total += x
        return self

    @staticmethod
    def sq(x):
        return x * x

    @classmethod
    def make(cls, x):
        return x + 1

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    acc = Acc()
    s = 0
    for i in range(n):
        s += add3(i, 1, 2)
        s += with_defaults(i)
        s += with_defaults(i, 3)
        s += kw_only(i, scale=2)
        s += kw_only(i, shift=1, scale=3)
        s += star(i, 1, 2)
        s += starstar(i, x=1, y=2)
        acc.add(i)
        s += Acc.sq(i & 255)
        s += Acc.make(i)
        s += abs(-i) + min(i, 7) + len((i, i))
        s &= 0xFFFFFFFFFFFF
    # closed form for the same sum (mod 2**48 applied only at the end is
    # different, so recompute naively with plain arithmetic)
    t = 0
    for i in range(n):
        t += (i + 3) + (2 * i + 3) + (3 * i + 3) + (2 * i) + (3 * i + 1) \
            + (3 + i) + (i + 2) + (i & 255) * (i & 255) + (i + 1) + i + min(i, 7) + 2
        t &= 0xFFFFFFFFFFFF
    assert s == t, (s, t)
    assert acc.total == n * (n - 1) // 2
    print("calls checksum", s, acc.total)
    print("ok")

main()
