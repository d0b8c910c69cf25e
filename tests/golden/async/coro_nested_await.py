# Awaiting coroutines directly runs them inline, in order, with return values.
import asyncio

depth_log = []

async def leaf(n):
    print(f"leaf({n}) start")
    await asyncio.sleep(0)
    print(f"leaf({n}) end")
    return n * 10

async def middle(n):
    print(f"middle({n}) start")
    a = await leaf(n)
    b = await leaf(n + 1)
    print(f"middle({n}) got {a} and {b}")
    return a + b

async def no_suspend(x):
    # A coroutine that never suspends still has to be awaited.
    return x, "no-suspend"

async def main():
    total = await middle(1)
    print("total", total)
    print(await no_suspend(7))
    results = []
    for i in range(3):
        results.append(await middle(i * 10))
    print("results", results)
    # return values of various types
    async def give(v):
        return v
    for v in [None, 0, "s", [1, 2], {"k": 1}, (1,), 3.5]:
        print(repr(await give(v)))
    return "main-done"

print(asyncio.run(main()))
