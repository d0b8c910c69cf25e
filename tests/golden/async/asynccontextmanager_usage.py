# contextlib.asynccontextmanager: normal use, exceptions inside the block,
# suppression by the generator, and misuse errors.
import asyncio
import contextlib

@contextlib.asynccontextmanager
async def managed(name, handle=()):
    print(f"{name}: setup")
    await asyncio.sleep(0.01)
    try:
        yield f"{name}-resource"
    except handle as e:
        print(f"{name}: handled {e!r}")
    finally:
        await asyncio.sleep(0.01)
        print(f"{name}: teardown")

@contextlib.asynccontextmanager
async def no_yield():
    if False:
        yield

@contextlib.asynccontextmanager
async def two_yields():
    yield 1
    yield 2

async def main():
    async with managed("plain") as r:
        print("using", r)
    try:
        async with managed("unhandled"):
            raise KeyError("k")
    except KeyError as e:
        print("propagated", repr(e))
    async with managed("handled", handle=(ValueError,)):
        raise ValueError("v")
    print("after handled block")
    try:
        async with no_yield():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with two_yields():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)
    # used as a decorator
    @managed("decorator")
    async def decorated(x):
        print("decorated body", x)
        return x + 1
    print(await decorated(1))
    # AsyncExitStack
    async with contextlib.AsyncExitStack() as stack:
        for i in range(3):
            res = await stack.enter_async_context(managed(f"stack{i}"))
            print("entered", res)
        stack.push_async_callback(asyncio.sleep, 0)
        stack.callback(print, "sync callback at exit")
    print("stack closed")
    # contextlib.aclosing
    async def agen():
        try:
            yield 1
            yield 2
        finally:
            print("agen closed by aclosing")
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            print("aclosing got", v)
            break
    print("after aclosing")

asyncio.run(main())
