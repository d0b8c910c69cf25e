# Cancelling tasks that wait to acquire a lock in `async with lock`.
import asyncio

async def use(lock, name, hold):
    print(f"{name}: wants lock")
    try:
        async with lock:
            print(f"{name}: acquired")
            await asyncio.sleep(hold)
            print(f"{name}: releasing")
    except asyncio.CancelledError:
        print(f"{name}: cancelled (locked={lock.locked()})")
        raise

async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(use(lock, "A", 1))
    b = asyncio.create_task(use(lock, "B", 1))
    c = asyncio.create_task(use(lock, "C", 1))
    await asyncio.sleep(0.5)
    b.cancel()                # cancelled while waiting
    await asyncio.sleep(0.1)
    res = await asyncio.gather(a, b, c, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print("locked at end:", lock.locked())

    # cancel the holder: lock is released by async with
    d = asyncio.create_task(use(lock, "D", 5))
    e = asyncio.create_task(use(lock, "E", 0.1))
    await asyncio.sleep(1)
    d.cancel()
    await asyncio.gather(d, e, return_exceptions=True)
    print("locked at end:", lock.locked())

    # waiter woken by release but cancelled before it runs: next waiter gets it
    lock2 = asyncio.Lock()
    await lock2.acquire()
    f = asyncio.create_task(use(lock2, "F", 0.1))
    g = asyncio.create_task(use(lock2, "G", 0.1))
    await asyncio.sleep(0)
    lock2.release()
    f.cancel()
    await asyncio.gather(f, g, return_exceptions=True)
    print("lock2 locked at end:", lock2.locked())

asyncio.run(main())
