# asyncio.Lock: waiters acquire in FIFO order; locked(); release errors.
import asyncio

async def user(lock, name, hold, log):
    log.append(f"{name} wait")
    async with lock:
        log.append(f"{name} acquired")
        await asyncio.sleep(hold)
        log.append(f"{name} release")

async def main():
    lock = asyncio.Lock()
    print("locked initially:", lock.locked())
    log = []
    tasks = [asyncio.create_task(user(lock, f"u{i}", 0.1 if i % 2 else 0, log)) for i in range(6)]
    await asyncio.sleep(0)
    print("locked after first acquire:", lock.locked())
    await asyncio.gather(*tasks)
    for line in log:
        print(line)
    print("locked at end:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    # acquire() returns True; an uncontended acquire doesn't yield
    order = []
    async def other():
        order.append("other ran")
    t = asyncio.create_task(other())
    print("acquire returned", await lock.acquire())
    order.append("main acquired without yielding")
    lock.release()
    await t
    print(order)
    # release then immediate re-acquire by the releaser while others wait
    log = []
    async def greedy():
        for i in range(3):
            async with lock:
                log.append(f"greedy {i}")
                await asyncio.sleep(0)
    async def polite(n):
        async with lock:
            log.append(f"polite {n}")
    await asyncio.gather(greedy(), polite(1), polite(2))
    print(log)
    print("repr:", repr(lock))
    await lock.acquire()
    w = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    print("repr:", repr(lock))
    lock.release()
    await w
    print("repr:", repr(lock))

asyncio.run(main())
