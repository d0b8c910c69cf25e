# random: CPython's exact sequences for seeds 0..9 across the main API.
import random

for s in range(10):
    random.seed(s)
    out = [
        round(random.random(), 12),
        round(random.uniform(1, 10), 12),
        random.randint(1, 100),
        random.randrange(0, 1000, 7),
        random.randrange(50),
        random.choice('abcdefghij'),
        random.choices(range(10), k=3),
        random.choices('xyz', weights=[5, 1, 1], k=4),
        random.choices('abc', cum_weights=[1, 2, 10], k=3),
    ]
    deck = list(range(10))
    random.shuffle(deck)
    out.append(deck)
    out.append(random.sample(range(100), 5))
    out.append(random.sample(['a', 'b', 'c', 'd'], k=2))
    out.append(round(random.gauss(0, 1), 12))
    out.append(round(random.normalvariate(10, 2), 12))
    out.append(random.getrandbits(1))
    out.append(random.getrandbits(32))
    out.append(random.getrandbits(100))
    print(s, out)
