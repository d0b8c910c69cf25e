# inspect: predicates, coroutine/generator states, signature, getdoc,
# getmembers, getsource.
import inspect
import asyncio
import functools


async def fetch(url, *, timeout=10):
    """Fetch a URL.

    Returns the body.
    """
    await asyncio.sleep(0)
    return url


def gen(n):
    yield n


async def agen():
    yield 1


class Service:
    """A service."""
    def __init__(self, name: str, port: int = 80) -> None:
        self.name = name

    async def start(self):
        pass

    @staticmethod
    def helper(x, /, y, *args, z=1, **kw) -> int:
        return 0

    @classmethod
    def build(cls, spec):
        return cls(spec)

    def __call__(self, a, b=2):
        return a

    @property
    def prop(self):
        return 1


print(inspect.iscoroutinefunction(fetch), inspect.iscoroutinefunction(gen), inspect.iscoroutinefunction(Service.start))
print(inspect.iscoroutinefunction(Service('x').start), inspect.iscoroutinefunction(functools.partial(fetch, 'u')))
print(inspect.isgeneratorfunction(gen), inspect.isasyncgenfunction(agen), inspect.isasyncgenfunction(gen))
c = fetch('u')
g = gen(1)
a = agen()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isgenerator(g), inspect.isasyncgen(a), inspect.isawaitable(g))
print(inspect.isawaitable(asyncio.sleep), inspect.isawaitable(3))


class Awaitable:
    def __await__(self):
        yield


print(inspect.isawaitable(Awaitable()), inspect.isawaitable(Awaitable))
print(inspect.isfunction(fetch), inspect.isfunction(Service.build), inspect.ismethod(Service.build), inspect.ismethod(Service('x').start))
print(inspect.isclass(Service), inspect.ismodule(inspect), inspect.isbuiltin(len), inspect.isroutine(len), inspect.isroutine(fetch))
print(inspect.getcoroutinestate(c), inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
g.close()
c.close()
print(inspect.getcoroutinestate(c), inspect.getgeneratorstate(g))


async def main():
    async def probe():
        print('inside:', inspect.getcoroutinestate(me))
        await asyncio.sleep(0)
    me = probe()
    t = asyncio.ensure_future(me)
    await asyncio.sleep(0)
    print('suspended:', inspect.getcoroutinestate(me))
    await t
    print('done:', inspect.getcoroutinestate(me))
asyncio.run(main())

for f in [fetch, gen, Service, Service.helper, Service.build, Service('x'), Service.__init__,
          lambda a, b=[1], *c, d, e=None, **f: 0, functools.partial(fetch, 'u'),
          functools.partial(Service.helper, 1, z=5)]:
    sig = inspect.signature(f)
    print(sig, repr(sig) if f is fetch else '')
sig = inspect.signature(Service.__init__)
for name, p in sig.parameters.items():
    print(name, p.kind, p.default is inspect.Parameter.empty, p.annotation, repr(p))
print(sig.return_annotation, list(inspect.signature(fetch).parameters))
ba = inspect.signature(fetch).bind('http://x', timeout=3)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(Service.helper).bind(1, 2, 3, 4, q=9)
print(ba.arguments, ba.args, ba.kwargs)
ba = inspect.signature(lambda a, b=2, *, c=3: 0).bind(1)
ba.apply_defaults()
print(ba.arguments, ba)


def decorated(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)
    return wrapper


@decorated
def original(a, b: int = 5):
    """Doc of original."""
    return a + b


print(inspect.signature(original), inspect.unwrap(original) is original.__wrapped__, inspect.getdoc(original))
for call in [lambda: inspect.signature(fetch).bind(), lambda: inspect.signature(fetch).bind(1, 2),
             lambda: inspect.signature(fetch).bind(1, bad=2), lambda: inspect.signature(fetch).bind(1, url=2),
             lambda: inspect.signature(Service.helper).bind(x=1, y=2), lambda: inspect.signature(1)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
print(repr(inspect.getdoc(fetch)), inspect.getdoc(Service), inspect.cleandoc('  a\n    b\n  c\n'))
print([n for n, _ in inspect.getmembers(Service) if not n.startswith('__')])
print([n for n, _ in inspect.getmembers(Service, inspect.isfunction)])
print(inspect.getsource(gen), end='')
print(inspect.getsource(Service.build), end='')
print(inspect.getsourcelines(original)[1], inspect.getmodule(fetch).__name__, inspect.getfile(fetch).endswith('inspect_basic.py'))
print(inspect.Parameter.KEYWORD_ONLY, repr(inspect.Parameter.POSITIONAL_ONLY), inspect.Parameter.VAR_KEYWORD.description)
print(inspect.signature(fetch) == inspect.signature(fetch), inspect.isabstract(Service))
