# Objects with __await__: delegating to a future, bare yields, return values.
import asyncio

class Delayed:
    def __init__(self, value, delay):
        self.value = value
        self.delay = delay
    def __await__(self):
        print(f"Delayed({self.value}) awaiting")
        yield from asyncio.sleep(self.delay).__await__()
        print(f"Delayed({self.value}) done")
        return self.value

class BareYield:
    """A bare `yield` inside a task acts like one pass of the loop."""
    def __init__(self, n):
        self.n = n
    def __await__(self):
        for i in range(self.n):
            print(f"  bare yield {i}")
            yield
        return "bare-done"

class FutureWrapper:
    def __init__(self, fut):
        self.fut = fut
    def __await__(self):
        return self.fut.__await__()

async def ticker(name, n):
    for i in range(n):
        print(f"{name} tick {i}")
        await asyncio.sleep(0)

async def main():
    print(await Delayed("a", 0.5))
    t = asyncio.create_task(ticker("T", 4))
    print(await BareYield(3))
    await t
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.25, fut.set_result, "from-future")
    print(await FutureWrapper(fut))
    res = await asyncio.gather(Delayed("x", 0.2), Delayed("y", 0.1))
    print(res)
    print(f"{loop.time():.3f}")

asyncio.run(main())
