# shield(): cancelling the outer await does not cancel the inner task.
import asyncio

async def important(log):
    log.append("important: start")
    await asyncio.sleep(1)
    log.append("important: finished")
    return "precious"

async def waiter(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("waiter: cancelled while shielded; inner done?", inner.done())
        raise

async def main():
    loop = asyncio.get_running_loop()
    log = []
    inner = asyncio.create_task(important(log))
    w = asyncio.create_task(waiter(inner))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print(f"main: waiter cancelled at {loop.time():.3f}")
    print("main: inner cancelled?", inner.cancelled())
    print("main: inner result", await inner, f"at {loop.time():.3f}")
    print(log)

    # shield of a coroutine wraps it into a task
    r = await asyncio.shield(important(log))
    print("shield(coroutine) result:", r)

    # shield of a done future returns it immediately
    f = loop.create_future()
    f.set_result("done-already")
    print("shield(done) is same object:", asyncio.shield(f) is f)

    # cancelling the inner task propagates out through the shield
    inner2 = asyncio.create_task(important(log))
    sh = asyncio.shield(inner2)
    await asyncio.sleep(0)
    inner2.cancel()
    try:
        await sh
    except asyncio.CancelledError:
        print("shield outer cancelled because inner was cancelled:", sh.cancelled())

asyncio.run(main())
