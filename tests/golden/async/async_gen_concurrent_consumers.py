# Two async generators consumed concurrently by different tasks interleave;
# one generator can't be advanced by two tasks at once.
import asyncio

async def numbers(name, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield f"{name}{i}"

async def consume(gen, log):
    async for v in gen:
        log.append(v)

async def main():
    log = []
    await asyncio.gather(consume(numbers("a", 4, 0.1), log), consume(numbers("b", 3, 0.15), log))
    print(log)
    # concurrent anext on the same generator
    g = numbers("x", 3, 0.1)
    first = asyncio.create_task(anext(g))
    await asyncio.sleep(0)
    try:
        await anext(g)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("first:", await first)
    print("rest:", [v async for v in g])

asyncio.run(main())
