# Generator/coroutine names (the code object's unless the function was
# renamed) and the fields only failed or cancelled futures hold: the
# parts of GenObj and FutureObj kept out of line.
import asyncio
import functools


def gen():
    yield 1


class C:
    def meth(self):
        yield 2

    async def coro(self):
        return 3


def outer():
    def inner():
        yield 4
    return inner()


def deco(f):
    @functools.wraps(f)
    def wrapper(*a):
        return (yield from f(*a))
    return wrapper


@deco
def wrapped():
    yield 5


def renamed():
    yield 6


renamed.__name__ = "other"
renamed.__qualname__ = "Q.other"


async def agen():
    yield 7


def names():
    for g in [gen(), C().meth(), outer(), wrapped(), renamed(), agen()]:
        print(g.__name__, g.__qualname__, type(g).__name__, repr(g).split(" at ")[0])
        if hasattr(g, "close"):
            g.close()
        else:
            asyncio.run(g.aclose())
    r = renamed()
    renamed.__name__ = "third"
    print("after rename:", r.__name__, renamed().__name__)
    c = C().coro()
    print(c.__name__, c.__qualname__, repr(c).split(" at ")[0])
    c.close()


async def failures():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(ValueError("boom"))
    print("exception:", repr(f.exception()), f.done(), f.cancelled())
    try:
        f.result()
    except ValueError as e:
        print("result raised", repr(e))
    print(repr(f))

    g = loop.create_future()
    g.cancel("stop now")
    print("cancelled:", g.cancelled(), g._cancel_message)
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("result raised CancelledError", e.args)
    try:
        g.exception()
    except asyncio.CancelledError as e:
        print("exception raised CancelledError", e.args)

    h = loop.create_future()
    h.cancel()
    print("no message:", h._cancel_message)

    async def sleeper():
        await asyncio.sleep(10)

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("task msg")
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled", e.args, t.cancelled())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("task result", e.args)

    async def raiser():
        raise KeyError("k")

    t2 = asyncio.create_task(raiser())
    await asyncio.sleep(0)
    print("task exception", repr(t2.exception()))

    async def self_cancel():
        raise asyncio.CancelledError("inner")

    t3 = asyncio.create_task(self_cancel())
    await asyncio.sleep(0)
    print("self cancel", t3.cancelled())
    try:
        t3.result()
    except asyncio.CancelledError as e:
        print("self cancel result", e.args)

    ok = loop.create_future()
    ok.set_result(None)
    print("ok exception", ok.exception(), ok.result())


names()
asyncio.run(failures())


def code_swap():
    def a():
        yield 1

    def b():
        yield 2
    a.__code__ = b.__code__
    g = a()
    print("code swapped:", g.__name__, g.__qualname__, next(g))


code_swap()


async def waiters_and_callbacks():
    ev = asyncio.Event()

    async def waiter(i):
        await ev.wait()
        return i

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    print("fut_waiter:", tasks[0]._fut_waiter, repr(ev).split("[")[1])
    tasks[1].cancel("go away")
    await asyncio.sleep(0)
    print("after cancel:", tasks[1].cancelled(), tasks[1]._fut_waiter, repr(ev).split("[")[1])
    ev.set()
    print(await asyncio.gather(tasks[0], tasks[2]), tasks[0]._fut_waiter)

    loop = asyncio.get_running_loop()
    f = loop.create_future()

    def cb1(fut):
        print("cb1", fut.result())

    def cb2(fut):
        print("cb2", fut.result())
    for cb in (cb1, cb2, cb1, cb2):
        f.add_done_callback(cb)
    print(repr(f))
    print("removed", f.remove_done_callback(cb1))
    print(repr(f))
    f.set_result("x")
    await asyncio.sleep(0)
    print("removed after done", f.remove_done_callback(cb2))


asyncio.run(waiters_and_callbacks())
