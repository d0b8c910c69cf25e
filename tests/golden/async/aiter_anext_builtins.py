# The aiter() and anext() builtins, with and without a default.
import asyncio

async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def main():
    g = agen(2)
    it = aiter(g)
    print("aiter returns same object:", it is g)
    print(await anext(it))
    print(await anext(it))
    print("default:", await anext(it, "default-value"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", repr(e))
    # anext returns an awaitable; print its kind
    g2 = agen(1)
    aw = anext(g2)
    print(type(aw).__name__)
    print(await aw)
    aw_default = anext(g2, None)
    print(type(aw_default).__name__, await aw_default)
    # errors
    try:
        aiter([1, 2])
    except TypeError as e:
        print("TypeError:", e)
    try:
        anext([1, 2])
    except TypeError as e:
        print("TypeError:", e)
    # anext on a custom async iterator
    class Countdown:
        def __init__(self, n):
            self.n = n
        def __aiter__(self):
            return self
        async def __anext__(self):
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            return self.n
    c = Countdown(2)
    print(await anext(c), await anext(c), await anext(c, "empty"))
    # default with an exception other than StopAsyncIteration still raises
    async def broken():
        raise KeyError("inside")
        yield
    try:
        await anext(broken(), "default")
    except KeyError as e:
        print("KeyError not swallowed by default:", e)

asyncio.run(main())
