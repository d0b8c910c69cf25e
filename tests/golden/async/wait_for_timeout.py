# wait_for: success, timeout (inner cancelled), and cancellation of the waiter.
import asyncio

async def slow(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(f"{name} finished")
        return name
    except asyncio.CancelledError:
        log.append(f"{name} cancelled")
        raise

async def main():
    loop = asyncio.get_running_loop()
    log = []
    print(await asyncio.wait_for(slow("fast", 0.1, log), timeout=1), f"{loop.time():.3f}")
    try:
        await asyncio.wait_for(slow("slow", 2, log), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("TimeoutError", repr(e), f"{loop.time():.3f}")
    print(log)
    # timeout=None waits forever
    print(await asyncio.wait_for(slow("none", 0.2, log), timeout=None))
    # timeout <= 0 with a task that is not done: cancelled immediately
    t = asyncio.create_task(slow("zero", 0.1, log))
    try:
        await asyncio.wait_for(t, timeout=0)
    except asyncio.TimeoutError:
        print("timeout=0 -> TimeoutError, task cancelled:", t.cancelled())
    # timeout <= 0 with a done future returns its result
    f = loop.create_future()
    f.set_result("ready")
    print("timeout=0 done future:", await asyncio.wait_for(f, timeout=0))
    # the inner ignores the cancellation: wait_for waits for it and returns value
    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn ignores cancel, finishing later")
            await asyncio.sleep(0.3)
            return "stubborn result"
    start = loop.time()
    try:
        r = await asyncio.wait_for(stubborn(), timeout=0.2)
        print("wait_for returned", r, f"after {loop.time() - start:.3f}")
    except asyncio.TimeoutError:
        print("TimeoutError after", f"{loop.time() - start:.3f}")
    # cancel the task that is in wait_for: inner is cancelled
    log.clear()
    async def outer():
        return await asyncio.wait_for(slow("inner", 5, log), timeout=10)
    o = asyncio.create_task(outer())
    await asyncio.sleep(0.1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("outer cancelled", log)
    # exception passes through
    async def boom():
        await asyncio.sleep(0.1)
        raise OSError("boom")
    try:
        await asyncio.wait_for(boom(), 1)
    except OSError as e:
        print("OSError passed through:", e)

asyncio.run(main())
