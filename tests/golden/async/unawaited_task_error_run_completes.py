# Exceptions in tasks nobody awaits: asyncio.run completes normally and the
# rest of the program keeps its order.
import asyncio

async def bad(n):
    await asyncio.sleep(0.1 * n)
    print(f"bad({n}) raising")
    raise RuntimeError(f"bad {n}")

async def good(n):
    await asyncio.sleep(0.1 * n)
    print(f"good({n}) done")
    return n

async def main():
    tasks = []
    for n in range(1, 4):
        tasks.append(asyncio.create_task(bad(n)))
        tasks.append(asyncio.create_task(good(n)))
    await asyncio.sleep(1)
    print("main: states", [("err" if t.exception() else "ok") if t.done() else "pending" for t in tasks[1::2]])
    print("main ends")

asyncio.run(main())
print("program continues after run")
asyncio.run(good(0))
