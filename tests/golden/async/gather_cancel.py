# Cancelling a gather cancels all its unfinished children.
import asyncio

async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(f"{name} completed")
        return name
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    g = asyncio.gather(child("a", 0.1), child("b", 1), child("c", 2))
    await asyncio.sleep(0.5)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print(f"gather cancelled at {loop.time():.3f}", g.cancelled())

    # Cancelling the task that awaits gather also cancels children
    async def parent():
        try:
            return await asyncio.gather(child("p1", 1), child("p2", 2))
        except asyncio.CancelledError:
            print("parent sees CancelledError")
            raise
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.2)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled")

    # A child cancelled on its own: gather raises CancelledError
    t1 = asyncio.create_task(child("t1", 0.5))
    t2 = asyncio.create_task(child("t2", 0.2))
    g = asyncio.gather(t1, t2)
    await asyncio.sleep(0.1)
    t2.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; t1 done?", t1.done())
    await t1
    print("gather cancelled()?", g.cancelled())

    # cancel gather with a message
    g = asyncio.gather(child("m", 1))
    await asyncio.sleep(0)
    g.cancel(msg="gather msg")
    try:
        await g
    except asyncio.CancelledError as e:
        print("gather cancel msg:", e.args)

    # cancel a gather after it finished
    g = asyncio.gather(child("done", 0))
    await g
    print("cancel finished gather:", g.cancel())

asyncio.run(main())
