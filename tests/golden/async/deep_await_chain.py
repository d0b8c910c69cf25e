# Deep chains of awaited coroutines, recursion through awaits.
import asyncio

async def depth(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await depth(n - 1)

async def fib(n):
    if n < 2:
        return n
    a, b = await asyncio.gather(fib(n - 1), fib(n - 2)) if n > 12 else (await fib(n - 1), await fib(n - 2))
    return a + b

async def main():
    print(await depth(200))
    print(await fib(16))
    # a chain of tasks each awaiting the next
    async def link(n):
        if n == 0:
            await asyncio.sleep(0.1)
            return "end"
        t = asyncio.create_task(link(n - 1))
        return f"{n}>" + (await t if n % 10 else (await t)[:12])
    r = await link(50)
    print(r[:40], len(r))

asyncio.run(main())
