# Queue/Event/Lock/Semaphore fast paths on instances kept inline, with
# extra attributes, shadowed methods and a materialized __dict__.
import asyncio

async def main():
    q = asyncio.Queue(2)
    q.extra = 1           # namespace no longer what __init__ sets
    await q.put(1); q.put_nowait(2)
    print(q.qsize(), q.full(), q.empty(), await q.get(), q.get_nowait())
    q2 = asyncio.Queue()
    q2.full = lambda: True   # shadows a method
    print(q2.full(), q2.qsize()); del q2.full
    q2.put_nowait(5); q2.task_done()
    print(q2._unfinished_tasks, q2._finished.is_set())
    try:
        q2.task_done()
    except ValueError as e:
        print("VE", e)
    e = asyncio.Event()
    print(e.is_set()); e.set(); print(e.is_set(), await e.wait()); e.clear(); print(e.is_set())
    e._value = 0
    print(e.is_set())
    e2 = asyncio.Event(); vars(e2); e2.set(); print(await e2.wait(), vars(e2).keys())
    l = asyncio.Lock()
    async with l:
        print(l.locked())
    print(l.locked(), await l.acquire(), l.locked()); l.release()
    del l._waiters
    try:
        await l.acquire()
    except AttributeError as ex:
        print("AE", ex)
    s = asyncio.Semaphore(1)
    async def w(i):
        async with s:
            await asyncio.sleep(0)
            print("w", i, s._value)
    await asyncio.gather(*(w(i) for i in range(3)))
    s._value = 2
    print(s.locked(), await s.acquire(), s._value)
    # waiters on a queue, cancellation
    q3 = asyncio.Queue(1)
    await q3.put(0)
    t = asyncio.ensure_future(q3.put(1))
    await asyncio.sleep(0); t.cancel()
    try: await t
    except asyncio.CancelledError: print("cancelled", q3.qsize())
    async def getter(q):
        return await q.get()
    q4 = asyncio.Queue()
    ts = [asyncio.ensure_future(getter(q4)) for _ in range(3)]
    await asyncio.sleep(0)
    for i in range(3): q4.put_nowait(i)
    print(await asyncio.gather(*ts))
    q4.put_nowait(9); q4.task_done(); q4.task_done(); q4.task_done(); q4.task_done()
    await q4.join(); print("joined")
asyncio.run(main())
