# Queue.put/get that wait (full / empty queue): wake-up order, cancellation
# of a parked put/get (the wake-up is passed on), a waiter re-parking when
# another task took the slot first, shadowed methods while parked, and
# subclasses.
import asyncio


async def producers_consumers():
    q = asyncio.Queue(maxsize=2)
    log = []

    async def prod(name, n):
        for i in range(n):
            await q.put((name, i))
            log.append(f"put {name}{i} size={q.qsize()}")

    async def cons(name, n):
        for _ in range(n):
            item = await q.get()
            log.append(f"get {name} {item} size={q.qsize()}")
            q.task_done()

    await asyncio.gather(prod("a", 4), prod("b", 4), cons("x", 5), cons("y", 3))
    await q.join()
    print("\n".join(log))
    print(q, q.empty(), q.full())


async def cancel_parked_put():
    q = asyncio.Queue(maxsize=1)
    await q.put(0)
    t1 = asyncio.create_task(q.put(1))
    t2 = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print("putters", len(q._putters), q)
    t1.cancel()
    await asyncio.sleep(0)
    print("t1", t1.cancelled(), "putters", len(q._putters))
    print("got", await q.get())
    await asyncio.sleep(0)
    print("t2 done", t2.done(), q, list(q._queue))
    # woken, then cancelled before it ran: the wake-up goes to the next putter
    t3 = asyncio.create_task(q.put(3))
    t4 = asyncio.create_task(q.put(4))
    await asyncio.sleep(0)
    print("got", q.get_nowait())
    t3.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("t3", t3.cancelled(), "t4", t4.done(), list(q._queue), len(q._putters))


async def cancel_parked_get():
    q = asyncio.Queue()
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("a")
    g1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("g1", g1.cancelled(), "g2", g2.done() and g2.result(), q.qsize(), len(q._getters))
    g3 = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    g3.cancel("stop")
    try:
        await g3
    except asyncio.CancelledError as e:
        print("g3 cancelled", e.args, len(q._getters))


async def slot_taken():
    # a woken getter finds the item gone (a get_nowait ran first): waits again
    q = asyncio.Queue()
    got = []

    async def getter(name):
        got.append((name, await q.get()))

    t = asyncio.create_task(getter("t"))
    await asyncio.sleep(0)
    q.put_nowait(1)
    print("stolen", q.get_nowait(), len(q._getters))
    await asyncio.sleep(0)
    print("still waiting", t.done(), len(q._getters))
    q.put_nowait(2)
    await t
    print(got)


async def shadowed_while_parked():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    t = asyncio.create_task(q.put("y"))
    await asyncio.sleep(0)
    q.full = lambda: False      # instance attribute: the Python loop test sees it
    print("got", q.get_nowait())
    await t
    print(list(q._queue), q.qsize())


class LoggingQueue(asyncio.Queue):
    def _put(self, item):
        print("  _put", item)
        super()._put(item)

    def _get(self):
        item = super()._get()
        print("  _get", item)
        return item


async def subclass():
    q = LoggingQueue(maxsize=1)
    t = asyncio.create_task(q.put(1))
    t2 = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print(await q.get(), await q.get())
    await asyncio.gather(t, t2)


async def many_waiters():
    q = asyncio.Queue(maxsize=3)
    total = 0

    async def prod(k):
        for i in range(50):
            await q.put(k * 100 + i)

    async def cons():
        nonlocal total
        while True:
            total += await q.get()
            q.task_done()

    cs = [asyncio.create_task(cons()) for _ in range(3)]
    await asyncio.gather(*(prod(k) for k in range(5)))
    await q.join()
    for c in cs:
        c.cancel()
    res = await asyncio.gather(*cs, return_exceptions=True)
    print("total", total, [type(r).__name__ for r in res], len(q._getters), len(q._putters))


async def main():
    for f in (producers_consumers, cancel_parked_put, cancel_parked_get, slot_taken, shadowed_while_parked, subclass, many_waiters):
        print("--", f.__name__)
        await f()


asyncio.run(main())
