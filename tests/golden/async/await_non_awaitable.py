# Awaiting things that are not awaitable, and bad __await__ implementations.
import asyncio

class NoIter:
    def __await__(self):
        return 42

class ReturnsCoroutine:
    def __await__(self):
        async def inner():
            return 1
        c = inner()
        return c

class Plain:
    pass

async def main():
    for obj in [5, "text", None, [1], Plain()]:
        try:
            await obj
        except TypeError as e:
            print(type(obj).__name__, "->", e)
    try:
        await NoIter()
    except TypeError as e:
        print("NoIter ->", e)
    try:
        await ReturnsCoroutine()
    except TypeError as e:
        print("ReturnsCoroutine ->", e)
    # Awaiting a coroutine function (not its call)
    async def f():
        return 1
    try:
        await f
    except TypeError as e:
        print("function ->", e)
    print("still running")

asyncio.run(main())
