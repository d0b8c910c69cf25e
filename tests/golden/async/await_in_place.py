# `await f()` of an async def runs the callee's frame in place until it
# first suspends; everything observable must match an ordinary coroutine.
import asyncio
import sys
import traceback


async def leaf(x):
    return x + 1


async def raises(kind):
    if kind == "value":
        raise ValueError("bad value")
    if kind == "stop":
        raise StopIteration(5)
    return kind


async def suspends(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return n


async def chain(depth):
    if depth == 0:
        return await suspends(2)
    return await chain(depth - 1) + 1


async def handler_then_suspend():
    try:
        raise KeyError("k")
    except KeyError:
        await asyncio.sleep(0)
        print("exc_info in handler after suspend:", repr(sys.exc_info()[1]))
    print("exc_info after handler:", sys.exc_info()[1])
    return "ok"


async def sees_exc_info():
    return repr(sys.exc_info()[1])


class Box:
    def __init__(self, v):
        self.v = v

    async def get(self, add=0):
        await asyncio.sleep(0)
        return self.v + add


async def agen(n):
    for i in range(n):
        yield await leaf(i)
        yield await suspends(1)


async def deep(n):
    if n == 0:
        return 0
    return await deep(n - 1) + 1


async def inspector():
    t = asyncio.current_task()
    await asyncio.sleep(0)
    return t


async def fails_deep(n):
    if n == 0:
        await asyncio.sleep(0)
        raise LookupError("deep")
    return await fails_deep(n - 1)


async def multi_line():
    return await (
        raises(
            "value"))


async def main():
    print(await leaf(1))
    print(await chain(5))
    try:
        await raises("value")
    except ValueError as e:
        print("caught", repr(e))
    try:
        await raises("stop")
    except RuntimeError as e:
        print("caught", repr(e), repr(e.__cause__))
    print(await handler_then_suspend())
    try:
        raise OSError("outer")
    except OSError:
        print("inside except:", await sees_exc_info())
        print("still:", repr(sys.exc_info()[1]))
    b = Box(10)
    print(await b.get(), await b.get(add=5), await b.get(*[1]))
    args = (3,)
    print(await suspends(*args))
    print([x async for x in agen(3)])
    try:
        await deep(100000)
    except RecursionError as e:
        print("recursion:", type(e).__name__)
    print(await deep(50))
    try:
        await multi_line()
    except ValueError as e:
        print([(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])
    try:
        await fails_deep(3)
    except LookupError as e:
        print([(f.name, f.lineno, f.line) for f in traceback.extract_tb(e.__traceback__)])
    # A task whose coroutine is suspended inside a chain of awaits.
    task = asyncio.create_task(chain(3))
    await asyncio.sleep(0)
    print("done", task.done())
    print(await task)
    t = asyncio.create_task(inspector())
    print(await t is t)
    # The coroutine object of a suspended await is real: cr_await chain.
    async def outer():
        return await suspends(3)
    ot = asyncio.create_task(outer())
    await asyncio.sleep(0)
    c = ot.get_coro()
    print(type(c.cr_await).__name__, c.cr_await.__name__, c.cr_await.cr_running)
    print(await ot)


asyncio.run(main())

