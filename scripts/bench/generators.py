# Generators: pipelines of generators, `yield from` delegation chains,
# send(), generator expressions.
# kind: sync
import sys

def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1

def evens(src):
    for x in src:
        if not x & 1:
            yield x

def scaled(src, k):
    for x in src:
        yield x * k

def chain(depth, n):
    # a chain of `depth` nested delegating generators around a leaf
    if depth == 0:
        yield from count_up(n)
    else:
        yield from chain(depth - 1, n)

def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def tree(depth):
    if depth == 0:
        yield 1
        return
    yield depth
    yield from tree(depth - 1)
    yield from tree(depth - 1)

def main():
    scale = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    s = 0
    for _ in range(scale):
        s += sum(scaled(evens(count_up(100000)), 3))
        for v in chain(20, 20000):
            s += v
        acc = accumulator()
        next(acc)
        for i in range(50000):
            acc.send(i)
        try:
            acc.send(None)
        except StopIteration as e:
            s += e.value
        s += sum(tree(14))
        s += sum(x * x for x in range(50000) if x % 3)
    print("generators checksum", s)
    per = (3 * 2 * sum(range(50000)) + sum(range(20000)) + sum(range(50000))
           + sum(x * x for x in range(50000) if x % 3))
    t = sum(tree(14))
    assert s == scale * (per + t), (s, scale * (per + t))
    print("ok")

main()
