# Async comprehensions: list/set/dict/generator forms, await inside them.
import asyncio

async def arange(n, delay=0.01):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def square(x):
    await asyncio.sleep(0.01)
    return x * x

async def main():
    loop = asyncio.get_running_loop()
    print([x async for x in arange(5)])
    print(sorted({x % 3 async for x in arange(7)}))
    print({x: x * 2 async for x in arange(4)})
    print([x async for x in arange(10) if x % 3 == 0])
    # await inside a regular comprehension
    print([await square(x) for x in range(4)])
    # await inside an async comprehension
    print([await square(x) async for x in arange(4)])
    print({x: await square(x) for x in range(3)})
    # async generator expression
    gen = (x * 10 async for x in arange(3))
    print(type(gen).__name__)
    print([y async for y in gen])
    gen2 = (await square(x) for x in range(3))
    print(type(gen2).__name__, [v async for v in gen2])
    # nested
    print([(i, j) async for i in arange(3) for j in range(i)])
    print([[j async for j in arange(i)] async for i in arange(3)])
    print(f"t={loop.time():.3f}")
    # comprehension over gather results
    print([r for r in await asyncio.gather(*(square(i) for i in range(5)))])
    # comprehension with exceptions inside
    async def maybe(x):
        if x == 2:
            raise ValueError(x)
        return x
    try:
        print([await maybe(x) for x in range(5)])
    except ValueError as e:
        print("ValueError in comprehension:", e)

asyncio.run(main())
