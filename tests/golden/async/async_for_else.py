# async for over async iterators: else clause, break, StopAsyncIteration.
import asyncio

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        print("__aiter__ called")
        return self
    async def __anext__(self):
        await asyncio.sleep(0)
        if self.i >= self.n:
            print("raising StopAsyncIteration")
            raise StopAsyncIteration
        self.i += 1
        return self.i

async def main():
    async for x in Ticker(3):
        print("got", x)
    else:
        print("else: exhausted normally")
    async for x in Ticker(5):
        if x == 2:
            print("break at 2")
            break
    else:
        print("not printed")
    async for x in Ticker(0):
        print("never")
    else:
        print("else on empty iterator")
    # continue
    async for x in Ticker(4):
        if x % 2:
            continue
        print("even", x)
    # __anext__ that isn't a coroutine but returns an awaitable
    class FutIter:
        def __init__(self):
            self.left = 2
        def __aiter__(self):
            return self
        def __anext__(self):
            fut = asyncio.get_running_loop().create_future()
            if self.left:
                fut.set_result(self.left)
                self.left -= 1
            else:
                fut.set_exception(StopAsyncIteration())
            return fut
    async for v in FutIter():
        print("future-based", v)
    # errors
    for bad in ([1, 2], None):
        try:
            async for _ in bad:
                pass
        except TypeError as e:
            print("TypeError:", e)
    class BadAiter:
        def __aiter__(self):
            return 5
    try:
        async for _ in BadAiter():
            pass
    except TypeError as e:
        print("TypeError:", e)
    class BadAnext:
        def __aiter__(self):
            return self
        def __anext__(self):
            return 5
    try:
        async for _ in BadAnext():
            pass
    except TypeError as e:
        print("TypeError:", e)
    # exception from __anext__ propagates
    class Failing:
        def __aiter__(self):
            return self
        async def __anext__(self):
            raise ValueError("anext failed")
    try:
        async for _ in Failing():
            pass
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
