# Generator expressions: laziness, single-use, as call arguments, chaining.
log = []
def src(n):
    for i in range(n):
        log.append(f"produce {i}")
        yield i
ge = (x * 10 for x in src(3))
print(log)
print(next(ge), log)
print(list(ge), log)
print(list(ge))
print(sum(x for x in range(10) if x % 2))
print(max(len(s) for s in ["a", "abc", "ab"]))
print(sorted((x % 3 for x in range(7)), reverse=True))
print(",".join(str(i) for i in range(5)))
print(tuple(c for c in "abc"))
print(dict((i, i * i) for i in range(3)))
print(set(x // 2 for x in range(6)))
pipeline = (y + 1 for y in (x * 2 for x in range(4)) if y > 2)
print(list(pipeline))
g = (i for i in range(3))
print(iter(g) is g, g.__name__ if hasattr(g, '__name__') else None)
print(any(x > 100 for x in range(10**9)))
counter = [0]
def tick(v):
    counter[0] += 1
    return v
print(any(tick(x) > 2 for x in range(100)), counter[0])
nums = [1, 2, 3]
g = (n for n in nums)
nums.append(4)
print(list(g))
nums2 = [1, 2]
g2 = (n for n in nums2)
nums2 = [9, 9]
print(list(g2))
print(list(zip((a for a in "xyz"), (b for b in range(10)))))
print(min((abs(v), v) for v in [-3, 2, -1, 4]))
g = (x for x in range(3))
next(g)
g.close()
print(list(g))
print(type(x for x in []).__name__)
print(list((i, j) for i in range(3) for j in range(i)))
def gen_arg(*args):
    return args
print(gen_arg(*(i for i in range(3))))
print(list(map(str.upper, (s for s in "ab"))))
