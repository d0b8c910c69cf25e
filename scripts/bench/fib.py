# Calls and recursion: naive recursive Fibonacci.
# kind: sync
import sys

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 31
    r = fib(n)
    assert r == fib_iter(n), (r, fib_iter(n))
    calls = 2 * fib(n + 1) - 1   # number of calls fib(n) makes
    print("fib(%d) = %d" % (n, r))
    if n == 31:
        assert r == 1346269 and calls == 4356617
    print("ok")

main()
