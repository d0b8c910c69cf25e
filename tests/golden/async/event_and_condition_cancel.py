# Cancelling tasks blocked in Event.wait() and Condition.wait().
import asyncio

async def main():
    ev = asyncio.Event()
    async def ev_waiter(n):
        try:
            await ev.wait()
            print(f"ev_waiter{n} woke")
        except asyncio.CancelledError:
            print(f"ev_waiter{n} cancelled")
            raise
    ws = [asyncio.create_task(ev_waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ws[1].cancel()
    await asyncio.sleep(0)
    ev.set()
    res = await asyncio.gather(*ws, return_exceptions=True)
    print([type(r).__name__ for r in res])

    cond = asyncio.Condition()
    async def cond_waiter(n):
        async with cond:
            try:
                await cond.wait()
                print(f"cond_waiter{n} woke, lock held: {cond.locked()}")
            except asyncio.CancelledError:
                print(f"cond_waiter{n} cancelled, lock held: {cond.locked()}")
                raise
    cs = [asyncio.create_task(cond_waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    cs[0].cancel()
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)   # cs[0] is gone, so cs[1] is notified
    await asyncio.sleep(0.1)
    print("states:", [("cancelled" if t.cancelled() else "done") if t.done() else "waiting" for t in cs])
    async with cond:
        cond.notify_all()
    await asyncio.gather(*cs, return_exceptions=True)
    # cancelled while waiting to re-acquire the lock after notify
    async with cond:
        c = asyncio.create_task(cond_waiter(9))
        await asyncio.sleep(0)
        # hold the lock: notify and cancel before releasing
    async with cond:
        cond.notify()
        await asyncio.sleep(0)
        c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("cond_waiter9 finished cancelled; lock free:", not cond.locked())

asyncio.run(main())
