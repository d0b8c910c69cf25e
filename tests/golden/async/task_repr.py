# repr() of tasks and futures in their different states.
import asyncio

async def sleeper():
    await asyncio.sleep(1)

async def returner():
    return 42

async def raiser():
    raise KeyError("k")

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result([1, 2])
    print(repr(f))
    f = loop.create_future()
    f.set_exception(ValueError("v"))
    print(repr(f))
    f.exception()
    f = loop.create_future()
    f.cancel()
    print(repr(f))
    t = asyncio.create_task(returner(), name="ret")
    await t
    print(repr(t))
    t = asyncio.create_task(raiser(), name="rai")
    try:
        await t
    except KeyError:
        pass
    print(repr(t))
    t = asyncio.create_task(sleeper(), name="slp")
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(repr(t))
    print(repr(asyncio.CancelledError()), repr(asyncio.TimeoutError()), repr(asyncio.InvalidStateError("x")))
    print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
