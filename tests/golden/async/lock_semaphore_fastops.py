# Lock/Semaphore acquire and `async with` through their native first steps
# (src/asyncio/fastops.rs): mutual exclusion, FIFO order, cancellation while
# waiting, subclasses and Condition on the slow path, CPython's TypeErrors.
import asyncio

async def main():
    lock = asyncio.Lock()
    c = lock.acquire()
    print(type(c).__name__, lock.locked())
    print(await c, lock.locked())
    lock.release()
    order = []
    async def worker(i):
        async with lock:
            order.append(('in', i))
            await asyncio.sleep(0)
            order.append(('out', i))
        return i
    print(await asyncio.gather(*[worker(i) for i in range(4)]))
    print(order)
    # cancellation while waiting for the lock
    await lock.acquire()
    ts = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.sleep(0)
    ts[0].cancel()
    await asyncio.sleep(0)
    lock.release()
    print(await asyncio.gather(*ts, return_exceptions=True), lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError", e)
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as e:
        print("ValueError", e, lock.locked())
    sem = asyncio.Semaphore(2)
    active = [0, 0]
    async def limited(i):
        async with sem:
            active[0] += 1
            active[1] = max(active[1], active[0])
            await asyncio.sleep(0.01 * (i % 3))
            active[0] -= 1
        return i
    print(await asyncio.gather(*[limited(i) for i in range(7)]), active, sem.locked(), sem._value)
    print(await sem.acquire(), await sem.acquire(), sem.locked())
    t = asyncio.create_task(sem.acquire())
    t2 = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    t.cancel()
    sem.release()
    await asyncio.sleep(0)
    print(t.cancelled(), t2.done(), sem._value)
    sem.release(); sem.release()
    print(sem._value, sem.locked())
    bs = asyncio.BoundedSemaphore(1)
    async with bs:
        print("bounded", bs.locked())
    try:
        bs.release()
    except ValueError as e:
        print("ValueError", e)
    cond = asyncio.Condition()
    async with cond:
        print("cond", cond.locked())
    print(cond.locked())
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
        print("got", lock.locked())
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    try:
        await lock.acquire(1)
    except TypeError as e:
        print(e)
    try:
        await lock.__aexit__()
    except TypeError as e:
        print(e)
    c = lock.acquire()
    print(asyncio.iscoroutine(c))
    c.close()
    class MyLock(asyncio.Lock):
        async def acquire(self):
            print("my acquire")
            return await super().acquire()
    ml = MyLock()
    async with ml:
        print("in mylock", ml.locked())
    print(ml.locked())
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.01); ev.set()
    asyncio.create_task(setter())
    print(await ev.wait())

asyncio.run(main())
