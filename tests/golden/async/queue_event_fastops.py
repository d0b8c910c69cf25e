# Queue.put/get and Event.wait: native first steps (src/asyncio/fastops.rs)
# must behave as the coroutines they stand for: deferred until awaited,
# not reusable, cancellable, subclass overrides honoured, bad calls worded
# as CPython words them.
import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    c = q.put(1)
    print(type(c).__name__, asyncio.iscoroutine(c))
    print(q.qsize())
    await c
    print(q.qsize())
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    await q.put(2)
    t = asyncio.create_task(q.put(3))
    await asyncio.sleep(0)
    print(q.qsize(), t.done())
    print(await q.get(), q.qsize())
    await asyncio.sleep(0)
    print(t.done(), q.qsize())
    print(await asyncio.wait_for(q.get(), 1))
    try:
        await asyncio.wait_for(asyncio.Queue().get(), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    ev = asyncio.Event()
    w = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    print(w.done())
    ev.set()
    await asyncio.sleep(0)
    print(w.result(), await ev.wait())
    try:
        await q.put()
    except TypeError as e:
        print(e)
    try:
        q.put(1, 2)
    except TypeError as e:
        print(e)
    print(await q.put(item=5), q.qsize())
    lq = asyncio.LifoQueue()
    for i in range(3): await lq.put(i)
    print([await lq.get() for _ in range(3)])
    pq = asyncio.PriorityQueue()
    for i in [3, 1, 2]: await pq.put(i)
    print([await pq.get() for _ in range(3)])
    class MyQ(asyncio.Queue):
        def _put(self, item):
            print("put", item)
            super()._put(item)
    mq = MyQ()
    await mq.put(7)
    print(await mq.get())
    q3 = asyncio.Queue()
    g = asyncio.create_task(q3.get())
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("cancelled", q3._getters)
    c2 = q3.get()
    c2.close()
    q4 = asyncio.Queue(1)
    await q4.put('a')
    p = asyncio.create_task(q4.put('b'))
    await asyncio.sleep(0)
    print(q4.full(), p.done(), await q4.get(), await q4.get())
    print(q4)
    q4.put_nowait(1); q4.x = 1
    print(await q4.get())

asyncio.run(main())

async def evtest():
    ev = asyncio.Event()
    ts = [asyncio.create_task(ev.wait()) for _ in range(3)]
    await asyncio.sleep(0)
    print(len(ev._waiters), ev.is_set())
    ts[1].cancel()
    await asyncio.sleep(0)
    print(len(ev._waiters), ts[1].cancelled())
    ev.set()
    print(await asyncio.gather(*ts, return_exceptions=True))
    print(len(ev._waiters), ev.is_set())
    ev.clear()
    async def w(i):
        r = await ev.wait()
        return i, r
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except asyncio.TimeoutError:
        print("timeout", len(ev._waiters))
    ev.set()
    print(await asyncio.gather(*ts))
    c = ev.wait(); print(c.__class__.__name__, repr(c)[:30]); print(await c)

asyncio.run(evtest())
