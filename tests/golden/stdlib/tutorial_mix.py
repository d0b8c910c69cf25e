# Tutorial staples: dataclasses, Counter, f-string specs, enum, json, re, itertools.
from dataclasses import dataclass, field
from collections import Counter, defaultdict, namedtuple, OrderedDict, deque
import itertools, functools, json, enum, re
@dataclass(order=True)
class P:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
print(P(1), P(1, 2) < P(2), sorted([P(3), P(1)]))
c = Counter("mississippi"); print(c.most_common(2), c)
print(f"{3.14159:.2f} {1234567:,} {0.5:%} {'x':*^9} {42:#x} {42:08b} {-3:+d}")
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(Color.RED, repr(Color.GREEN), list(Color), Color(1).name)
print(json.dumps({"a": [1, 2.5, None, True]}, indent=2, sort_keys=True))
print(re.findall(r"(\w)(\d)", "a1 b2 c3"), re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "x10 y20"))
print(list(itertools.groupby("aabbbc")), [(k, list(g)) for k, g in itertools.groupby("aabbbc")])
print(functools.reduce(lambda a, b: a * b, range(1, 6)), list(itertools.accumulate([1, 2, 3])))
pass
print("abcde", "Hello World".swapcase(), "a,b,,c".split(","), "  x ".strip())
Pt = namedtuple("Pt", "x y"); print(Pt(1, 2), Pt(1, 2)._asdict())
print(sorted(["b", "A", "c"], key=str.lower), max([1, 5, 3], key=lambda v: -v))
print({1, 2} | {3}, dict(zip("ab", [1, 2])), divmod(-7, 2), round(2.5), round(0.125, 2))
d = defaultdict(list); d["k"].append(1); print(d)
print(deque([1, 2, 3], maxlen=2), OrderedDict(a=1))
print("%5.2f|%-5s|%03d" % (3.14159, "ab", 7), "{:>10}".format("right"))
