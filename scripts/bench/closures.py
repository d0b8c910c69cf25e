# Closures: cell variables, nonlocal updates, closures as callbacks,
# decorators, lambdas passed to builtins.
# kind: sync
import sys

def make_counter():
    n = 0
    def inc(k=1):
        nonlocal n
        n += k
        return n
    return inc

def make_adder(a):
    return lambda x: x + a

def compose(f, g):
    def h(x):
        return f(g(x))
    return h

def memo(fn):
    cache = {}
    def wrapper(n):
        r = cache.get(n)
        if r is None:
            r = cache[n] = fn(n)
        return r
    return wrapper

def twice(fn):
    def w(*args):
        return fn(fn(*args))
    return w

@twice
def bump(x):
    return x + 3

def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 300000
    counter = make_counter()
    adders = [make_adder(i) for i in range(10)]
    f = compose(adders[3], compose(adders[4], adders[5]))
    total = 0
    for i in range(scale):
        counter()
        total += f(i) + bump(i) + adders[i % 10](i)
        total &= 0xFFFFFFFF
    n = counter(0)

    @memo
    def tri(k):
        return k + (tri(k - 1) if k else 0)
    s = 0
    for j in range(scale // 100):
        s += tri(j % 500)
    acc = []
    fns = [(lambda v, m=m: v * m) for m in range(1, 6)]
    for i in range(scale // 10):
        acc.append(sum(map(lambda fn: fn(i), fns)))
    sq = sorted(range(1000), key=lambda v: (v * 7919) % 1000)
    print("closures", total, n, s, sum(acc), sq[:5])
    expect_total = 0
    for i in range(scale):
        expect_total = (expect_total + (i + 12) + (i + 6) + (i + i % 10)) & 0xFFFFFFFF
    assert total == expect_total and n == scale
    assert sum(acc) == 15 * sum(range(scale // 10))
    print("ok")

main()
