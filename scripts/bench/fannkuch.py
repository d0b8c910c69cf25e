# Lists: permutations, slice reversal, slice assignment (fannkuch-redux
# style), plus list.sort/sorted with keys and slicing.
# kind: sync
import sys

def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    r = n
    sign = 1
    nperm = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        sign = -sign
        nperm += 1
        # next permutation (rotation scheme)
        while True:
            if r == n:
                return checksum, max_flips, nperm
            p0 = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1

def sorting(rounds):
    x = 12345
    data = []
    for _ in range(20000):
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        data.append(x >> 40)
    acc = 0
    for r in range(rounds):
        a = sorted(data)
        b = sorted(data, key=lambda v: (v % 1000, v))
        c = data[r::3]
        c.sort(reverse=True)
        pairs = [(v & 0xFF, v) for v in data[:5000]]
        pairs.sort()
        acc += a[len(a) // 2] + b[0] + c[-1] + pairs[100][1] + len(a[100:-100:7])
        acc &= 0xFFFFFFFF
    return acc

def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 9
    checksum, flips, nperm = fannkuch(n)
    print("fannkuch(%d): checksum %d, max flips %d, perms %d" % (n, checksum, flips, nperm))
    fact = 1
    for i in range(2, n + 1):
        fact *= i
    assert nperm == fact
    if n == 9:
        assert (checksum, flips) == (8629, 30)
    s = sorting(8)
    print("sorting", s)
    assert s == 190535346, s
    print("ok")

main()
