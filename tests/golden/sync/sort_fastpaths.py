# sorted()/list.sort() native fast paths: exact str/tuple keys, one-shape tuple keys.
import random
random.seed(5)
data = [random.randrange(100) for _ in range(300)]
print(sorted(data, key=lambda v: (v % 7, -v))[:20])
print(sorted([(v % 5, str(v)) for v in data], reverse=True)[:15])
ps = [(v % 3, v) for v in data]; ps.sort(); print(ps[:10], ps[-3:])
print(sorted([(1, "a"), (1, "a", 0), (0,)]))
print(sorted([(True, 1), (1, 0), (0, 2)]))
print(sorted([(1, 2.5), (1, 2)]))
try: sorted([(1, "a"), (1, 2)])
except TypeError as e: print(e)
words = ["b", "a", "c", "a"]
d = {w: i for i, w in enumerate(words)}
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(), (), (1,)]), sorted([("x", 1), ("x", 0)], reverse=True))
stab = [(k % 2, 0) for k in range(6)]
idx = sorted(range(6), key=lambda i: (i % 2, 0)); print(idx)
class S(str): pass
print(sorted([(1, S("b")), (1, "a")]))
print(sorted([(2**70, 1), (1, 1)]))
