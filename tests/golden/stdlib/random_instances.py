# random: Random instances, string/bytes/float/negative/large seeds,
# getstate/setstate, distributions, errors.
import random

r1 = random.Random(42)
r2 = random.Random(42)
print([r1.random() == r2.random() for _ in range(3)])
print(r1.randint(0, 10 ** 6), r2.randint(0, 10 ** 6))
for seed in ['hello', b'bytes', 'a', '', 3.5, -7, 2 ** 100, 0, True]:
    r = random.Random(seed)
    print(repr(seed), round(r.random(), 12), r.randrange(1000), r.choice('pqrs'))
r = random.Random(7)
state = r.getstate()
a = [r.random() for _ in range(3)]
r.setstate(state)
b = [r.random() for _ in range(3)]
print(a == b)
r.seed(123)
print(round(r.expovariate(1.5), 12), round(r.triangular(0, 10, 3), 12), round(r.betavariate(2, 3), 12))
print(round(r.gammavariate(2.0, 1.5), 12), round(r.lognormvariate(0, 1), 12), round(r.vonmisesvariate(1, 2), 12))
print(round(r.paretovariate(3), 12), round(r.weibullvariate(1, 1.5), 12), round(r.gauss(5, 0.5), 12))
print(r.randbytes(6).hex(), r.sample(range(10), k=10))
print(r.choices([1, 2, 3], [0, 0, 1], k=5))
for bad in (lambda: r.randrange(0), lambda: r.randint(5, 1), lambda: r.choice([]),
            lambda: r.sample([1, 2], 3), lambda: r.randrange(1, 10, 0),
            lambda: r.choices([1, 2], weights=[1], k=1), lambda: r.getrandbits(-1)):
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ':', e)
random.seed(2024)
words = ['apple', 'banana', 'cherry', 'date']
print(random.choice(words), random.sample(words, 2), random.random() < 1)
random.shuffle(words)
print(words)
random.seed()
print(0 <= random.random() < 1)
g = random.Random()
print(isinstance(g.random(), float), type(g).__name__, random.Random.__mro__[1].__module__)
