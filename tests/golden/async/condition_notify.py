# asyncio.Condition: notify(n), notify_all ordering, wait re-acquires lock.
import asyncio

async def consumer(cond, name, log):
    async with cond:
        log.append(f"{name} waiting")
        await cond.wait()
        log.append(f"{name} woke (locked={cond.locked()})")
        await asyncio.sleep(0)
        log.append(f"{name} releasing")

async def main():
    cond = asyncio.Condition()
    log = []
    ts = [asyncio.create_task(consumer(cond, f"c{i}", log)) for i in range(5)]
    await asyncio.sleep(0)
    async with cond:
        log.append("notify(1)")
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        log.append("notify(2)")
        cond.notify(2)
    await asyncio.sleep(0.1)
    async with cond:
        log.append("notify_all")
        cond.notify_all()
    await asyncio.gather(*ts)
    for line in log:
        print(line)
    # notify without holding the lock
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # Condition sharing an existing lock
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print("lock held via condition:", lock.locked())
    print("released:", lock.locked())
    # notify with no waiters is fine
    async with c2:
        c2.notify_all()
        c2.notify(3)
    print("notify with no waiters ok")

asyncio.run(main())
