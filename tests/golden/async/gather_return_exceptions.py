# gather(return_exceptions=True) collects exceptions as results.
import asyncio

async def ok(v, d):
    await asyncio.sleep(d)
    print("ok", v)
    return v

async def bad(exc, d):
    await asyncio.sleep(d)
    print("bad", repr(exc))
    raise exc

async def cancelled_self(d):
    await asyncio.sleep(d)
    asyncio.current_task().cancel()
    await asyncio.sleep(0)

async def main():
    res = await asyncio.gather(
        ok(1, 0.2), bad(ValueError("v"), 0.1), ok(2, 0.05), bad(KeyError("k"), 0.3),
        cancelled_self(0.15),
        return_exceptions=True,
    )
    for r in res:
        print(type(r).__name__, repr(r))
    # What happens to a BaseException subclass (not Exception) in a child?
    class Custom(BaseException):
        pass
    try:
        res = await asyncio.gather(ok(3, 0.1), bad(Custom("c"), 0.05), return_exceptions=True)
        print("custom returned:", [type(r).__name__ for r in res])
    except Custom as e:
        print("Custom propagated:", repr(e))
    await asyncio.sleep(0.2)

asyncio.run(main())
