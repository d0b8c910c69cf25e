import random
random.seed(5)
acc = 0
for t in range(3000):
    n = random.randrange(0, 9)
    a = list(range(n)); tp = tuple(a)
    def b():
        return random.choice([None, random.randrange(-12, 12)])
    s1, s2 = b(), b()
    st = random.choice([None, 1, 2, 3, -1, -2, -3, 7, -7])
    r1 = a[s1:s2:st]; r2 = tp[s1:s2:st]
    acc += sum(r1) * 3 + len(r2) + sum(r2)
    if t < 50: print(s1, s2, st, r1, r2)
    src = list(range(100, 100 + random.randrange(0, 6)))
    c = a[:]
    c[s1:s2] = src
    acc += sum(c) + len(c)
    if t < 50: print(c)
print(acc)
