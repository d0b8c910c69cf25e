# A task whose exception nobody retrieves: asyncio.run still completes; the
# "Task exception was never retrieved" report goes to stderr only.
import asyncio

async def failing(n):
    print(f"failing {n} starts")
    await asyncio.sleep(0.1 * n)
    print(f"failing {n} raises")
    raise ValueError(f"lost error {n}")

async def main():
    t = asyncio.create_task(failing(1))
    asyncio.create_task(failing(2))
    await asyncio.sleep(1)
    print("main: task done?", t.done())
    del t
    print("main: finished")
    return "main result"

print(asyncio.run(main()))
print("after run")
