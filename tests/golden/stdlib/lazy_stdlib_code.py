# Functions of the embedded stdlib are loaded from the code cache lazily
# (body read on first call): exercise them in odd orders.
import asyncio, contextlib, dataclasses, functools, heapq, json, random, typing, collections

# Code attributes of functions that never ran.
for f in (dataclasses.asdict, functools.lru_cache, contextlib.contextmanager, collections.namedtuple, heapq.merge, asyncio.wait_for, asyncio.wait):
    c = f.__code__
    print(c.co_name, c.co_argcount, c.co_kwonlyargcount, c.co_varnames[:c.co_argcount + c.co_kwonlyargcount],
          bool(c.co_flags & 0x20), bool(c.co_flags & 0x80), c.co_nlocals >= c.co_argcount)
print(random.Random.choice.__code__.co_varnames[:2], random.Random.shuffle.__name__, random.Random.shuffle.__qualname__)

# The same code object taken twice: equal attributes.
a, b = json.dumps.__code__, json.dumps.__code__
print(a.co_name == b.co_name, a.co_varnames == b.co_varnames, a.co_firstlineno == b.co_firstlineno)

# Closures made in a loop by stdlib functions never called before.
caches = []
for i in range(5):
    @functools.lru_cache(maxsize=None)
    def sq(n, i=i):
        return n * n + i
    caches.append(sq)
print([c(3) for c in caches], [c(3) for c in caches], caches[0].cache_info())

@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    finally:
        print("</%s>" % name)

for n in ("a", "b"):
    with tag(n) as t:
        print("inside", t)

# Exceptions raised by stdlib functions on their first call.
for bad in ('{"a": 1', '[1, 2', 'nul'):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(type(e).__name__, e.msg, e.pos)
try:
    random.Random(1).choice([])
except IndexError as e:
    print("IndexError", e)
try:
    dataclasses.asdict(3)
except TypeError as e:
    print("TypeError", e)
try:
    collections.namedtuple("P", "x x")
except ValueError as e:
    print("ValueError", e)

# Tracebacks through a first call: the frames' function names.
def outer():
    return json.loads("{oops")
try:
    outer()
except ValueError as e:
    tb, names = e.__traceback__, []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names[:2], len(names) > 2)

# Generators and coroutines of the stdlib, first call.
g = heapq.merge([1, 4, 9], [2, 3, 10], key=None)
print(type(g).__name__, next(g), list(g))
print(list(heapq.merge("ace", "bd", reverse=False)))
P = collections.namedtuple("P", "x y", defaults=[0])
print(P(1), P(1, 2)._asdict(), P._fields)

async def main():
    r = []
    for fut in asyncio.as_completed([asyncio.sleep(0.02, "slow"), asyncio.sleep(0.01, "fast")]):
        r.append(await fut)
    print(r)
    print(await asyncio.gather(asyncio.sleep(0, 1), asyncio.wait_for(asyncio.sleep(0, 2), 1)))
    w = asyncio.wait([asyncio.ensure_future(asyncio.sleep(0, 3))])
    print(type(w).__name__)
    done, pending = await w
    print([t.result() for t in done], pending)
    async with contextlib.AsyncExitStack() as st:
        st.callback(print, "exit stack closed")
asyncio.run(main())

@dataclasses.dataclass(order=True)
class D:
    a: int
    b: typing.List[int] = dataclasses.field(default_factory=list)
print(D(1), dataclasses.asdict(D(2, [3])), D(1) < D(2), dataclasses.fields(D)[1].name)
print(typing.get_type_hints(D), typing.get_origin(typing.List[int]), typing.get_args(typing.Dict[str, int]))
print(json.dumps({"k": [1, 2.5, None, True]}, indent=1, sort_keys=True))
print(functools.reduce(lambda x, y: x * y, range(1, 6)), collections.Counter("mississippi").most_common(2))

# Two closures of one never-run nested function; the first call loads the
# body, the first closure dies, a collection runs, the second is called.
d1, d2 = functools.lru_cache(maxsize=None), functools.lru_cache(maxsize=None)
f1 = d1(lambda x: x + 1)
del d1
for i in range(300000):  # enough garbage for collections to run
    junk = [str(i)]
f2 = d2(lambda x: x * 2)
print(f1(1), f2(21), f2.cache_info())
