# asyncio.run returns the coroutine's value and propagates its exception.
import asyncio

async def value(v):
    await asyncio.sleep(0.1)
    return v

async def fails():
    await asyncio.sleep(0.1)
    raise KeyError("missing")

print(asyncio.run(value(1)))
print(asyncio.run(value([1, 2, 3])))
try:
    asyncio.run(fails())
except KeyError as e:
    print("KeyError propagated:", e)
print(asyncio.run(value("again")))

async def leaves_tasks():
    async def bg(n):
        try:
            print(f"bg{n} started")
            await asyncio.sleep(10)
            print("never")
        except asyncio.CancelledError:
            print(f"bg{n} cancelled at shutdown")
            raise
        finally:
            print(f"bg{n} finally")
    # Only one leftover task: asyncio.run cancels leftovers in all_tasks()
    # (set) order, which is not specified when there are several.
    asyncio.create_task(bg(0))
    await asyncio.sleep(0)
    print("main returns")
    return "ret"

print(asyncio.run(leaves_tasks()))

async def fails_at_shutdown():
    async def bg():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("bg converting cancellation into an error")
            raise RuntimeError("bad cleanup")
    asyncio.create_task(bg())
    await asyncio.sleep(0)
    return "ok"

print(asyncio.run(fails_at_shutdown()))
