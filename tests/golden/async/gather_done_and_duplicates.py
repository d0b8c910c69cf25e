# gather with already-done futures, the same future twice, and no arguments.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f1.set_result("f1")
    f2 = loop.create_future()
    f2.set_result("f2")
    g = asyncio.gather(f1, f2)
    print("gather of done futures done immediately?", g.done())
    print(await g)
    # same future twice -> result duplicated, counted once
    f = loop.create_future()
    loop.call_later(0.1, f.set_result, "same")
    print(await asyncio.gather(f, f, f))
    # same coroutine object twice -> one task, result repeated
    async def once():
        print("once runs")
        return "o"
    c = once()
    print(await asyncio.gather(c, c))
    # same task twice
    t = asyncio.create_task(once())
    print(await asyncio.gather(t, t))
    # empty gather
    g = asyncio.gather()
    print("empty gather:", type(g).__name__, g.done(), await g)
    print("empty with return_exceptions:", await asyncio.gather(return_exceptions=True))
    # exception future twice with return_exceptions
    e = loop.create_future()
    e.set_exception(ValueError("dup"))
    print(await asyncio.gather(e, e, return_exceptions=True))
    # cancelled future given to gather
    cf = loop.create_future()
    cf.cancel()
    print(await asyncio.gather(cf, return_exceptions=True))
    try:
        await asyncio.gather(cf)
    except asyncio.CancelledError:
        print("gather of cancelled future raises CancelledError")
    # non-awaitable argument
    try:
        asyncio.gather(1, 2)
    except TypeError as ex:
        print("TypeError:", ex)

asyncio.run(main())
