# ensure_future / create_task with coroutines, futures, tasks, awaitables.
import asyncio

async def coro():
    await asyncio.sleep(0)
    return "coro"

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "awaitable"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print("coroutine ->", type(t).__name__, await t)
    f = loop.create_future()
    print("future -> same object:", asyncio.ensure_future(f) is f)
    f.cancel()
    print("task -> same object:", asyncio.ensure_future(t) is t)
    w = asyncio.ensure_future(Awaitable())
    print("awaitable ->", type(w).__name__, await w)
    try:
        asyncio.ensure_future(123)
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(Awaitable())
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(coro)
    except TypeError as e:
        print("TypeError:", e)
    c = coro()
    tt = loop.create_task(c)
    print("loop.create_task:", type(tt).__name__, await tt)
    # In 3.11 a plain generator passes the coroutine check; a bare yield
    # acts like sleep(0)
    def gen():
        print("generator-based task runs")
        yield
        print("generator-based task resumed")
        return "gen-result"
    try:
        gt = asyncio.create_task(gen())
        print("generator accepted:", await gt)
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
