# Deep value stacks: the dispatch loop pushes without capacity checks,
# trusting the compiler's maximum stack depth per code unit.
import asyncio


def deep_expr(a):
    return (a + (a * (a - (a + (a * (a - (a + (a * (a - (a + 1))))))))))


def big_literals():
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
         21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38)
    l = [t, [t, [t, (t, t)]], {1: t, 2: [t, t]}, {3, 4, 5}]
    d = {str(i): (i, i * 2, [i, (i, i)]) for i in range(5)}
    return len(t), len(l), d["3"], f"{t[0]:>{t[1]}}{t[2]!r:{t[3]}}"


def calls_in_args(f):
    return f(f(1, f(2, 3, f(4, 5, 6)), 7), f(8, f(9, 10, 11), 12), f(13, 14, 15))


def handlers(xs):
    out = []
    for x in xs:
        try:
            try:
                out.append([1, 2, (3, 4, 1 // x)])
            except ZeroDivisionError as e:
                out.append(("zero", [str(e), (x, x + 1)]))
                raise ValueError(x) from e
            finally:
                out.append("fin")
        except ValueError as v:
            out.append(("value", v.args, [y for y in (1, 2, 3) if y != x]))
    return out


class Ctx:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return a[0] is KeyError


def withs(n):
    r = []
    for i in range(n):
        with Ctx() as a, Ctx() as b:
            with Ctx():
                r.append((a is b, i, [i, (i, i)]))
                if i % 2:
                    raise KeyError(i)
    return r


class P:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y


def matches(v):
    match v:
        case P(1, P(x, y)):
            return ("p", x, y)
        case {"a": [1, 2, *rest], **kw}:
            return ("map", rest, kw)
        case [1, (2, 3), [4, [5, *tail]]]:
            return ("seq", tail)
        case (1 | 2 | 3) as n:
            return ("or", n)
        case _:
            return None


def gen(n):
    for i in range(n):
        x = yield (i, [i, (i, (yield i))])
        yield x


async def agen(n):
    for i in range(n):
        yield (i, [i, (i, await asyncio.sleep(0, i))])


async def amain():
    r = [x async for x in agen(3)]
    async with asyncio.timeout(5):
        r.append(await asyncio.gather(*(asyncio.sleep(0, (i, [i])) for i in range(3))))
    return r


def recurse(n):
    if n == 0:
        return [0]
    return [n, (n, recurse(n - 1)[0] + len([1, 2, 3, (4, 5, recurse(n - 1))]))]


print(deep_expr(3))
print(big_literals())
print(calls_in_args(lambda *a: sum(a)))
print(handlers([1, 0, 2]))
print(withs(4))
print(matches(P(1, P(2, 3))), matches({"a": [1, 2, 3, 4], "b": 5}), matches([1, (2, 3), [4, [5, 6, 7]]]), matches(2), matches("z"))
g = gen(3)
print(next(g), g.send("s1"), g.send("s2"), list(g))
print(asyncio.run(amain()))
print(recurse(5))
print(eval("[(1, (2, [3, (4, 5)]))] * 2"), exec("z = [1, (2, (3, (4, [5])))]") is None)
