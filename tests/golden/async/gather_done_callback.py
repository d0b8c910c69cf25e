# gather()'s per-child bookkeeping (native in aiopy): results in argument
# order, return_exceptions, cancellation of a child and of the outer
# future, duplicates, done futures, a Future subclass child, and reprs.
import asyncio


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


class MyFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        print("MyFuture.add_done_callback", type(fn).__name__)
        super().add_done_callback(fn, context=context)


async def main():
    loop = asyncio.get_running_loop()

    print(await asyncio.gather(value(1, 0.02), value(2), value(3, 0.01)))

    res = await asyncio.gather(value("a"), fail(ValueError("v")), fail(KeyError("k"), 0.01),
                               return_exceptions=True)
    print([type(r).__name__ + ":" + str(r) for r in res])

    try:
        await asyncio.gather(value(1, 0.01), fail(ValueError("first"), 0.005), fail(TypeError("second"), 0.02))
    except ValueError as e:
        print("raised", repr(e))
    await asyncio.sleep(0.05)

    # a child cancelled directly
    t1 = asyncio.create_task(value(1, 0.1))
    t2 = asyncio.create_task(value(2))
    g = asyncio.gather(t1, t2)
    await asyncio.sleep(0)
    t1.cancel("stop it")
    try:
        await g
    except asyncio.CancelledError as e:
        print("child cancelled ->", type(e).__name__, e.args)
    print("t2 result", t2.result())

    # ... with return_exceptions: the CancelledError is a result
    t3 = asyncio.create_task(value(3, 0.1))
    g = asyncio.gather(t3, value(4), return_exceptions=True)
    await asyncio.sleep(0)
    t3.cancel("msg3")
    res = await g
    print([type(r).__name__ + str(r.args if isinstance(r, BaseException) else r) for r in res])

    # the outer future cancelled: children cancelled, outer raises
    for rexc in (False, True):
        kids = [asyncio.create_task(value(k, 0.1)) for k in range(3)]
        g = asyncio.gather(*kids, return_exceptions=rexc)
        await asyncio.sleep(0)
        print("cancel outer", g.cancel(), g.cancel())
        try:
            print("got", await g)
        except asyncio.CancelledError as e:
            print("outer cancelled", rexc, [k.cancelled() for k in kids])

    # duplicates: one future, two results
    t = asyncio.create_task(value("dup"))
    print(await asyncio.gather(t, t, value("x")))

    # already done futures
    f = loop.create_future()
    f.set_result(42)
    print(await asyncio.gather(f, f))

    # a Future subclass overriding add_done_callback
    mf = MyFuture()
    loop.call_later(0.01, mf.set_result, "mine")
    print(await asyncio.gather(mf, value("plain")))
    mf2 = MyFuture()
    loop.call_later(0.01, mf2.set_exception, RuntimeError("sub failed"))
    res = await asyncio.gather(mf2, value(5), return_exceptions=True)
    print([repr(r) for r in res])

    # the child's repr shows gather's callback
    t = asyncio.create_task(value(9, 0.01))
    g = asyncio.gather(t)
    r = repr(t)
    print(r[:r.index(" coro=")], "gather cb" if "gather.<locals>._done_callback()" in r else r)
    print(repr(g))
    print(await g, repr(g))

    # nested gathers
    async def tree(d):
        if d == 0:
            await asyncio.sleep(0)
            return 1
        return sum(await asyncio.gather(tree(d - 1), tree(d - 1), tree(d - 1)))
    print(await tree(4))

    # the exception of a second failing child is retrieved (no
    # "exception was never retrieved" report)
    try:
        await asyncio.gather(fail(OSError("one")), fail(OSError("two")))
    except OSError as e:
        print("first failure", e)
    await asyncio.sleep(0.01)

    # the same coroutine object twice: one task, two results
    c = value("same")
    print(await asyncio.gather(c, c))

    # arguments gather refuses
    for bad in ([1], 42, "text"):
        try:
            asyncio.gather(value(0), bad)
        except TypeError as e:
            print("TypeError:", e)
    await asyncio.sleep(0.01)

    # a plain awaitable object (wrapped in a task)
    class Waiter:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "awaited"
    print(await asyncio.gather(Waiter(), value(7)))

    # a future of another loop
    other = asyncio.new_event_loop()
    try:
        asyncio.gather(loop.create_future(), other.create_future())
    except ValueError as e:
        print("ValueError:", e)
    other.close()

    print(await asyncio.gather())


asyncio.run(main())
print("done")
