# A getter cancelled while waiting in queue.get() does not lose an item:
# the item goes to the next getter.
import asyncio

async def getter(q, name):
    try:
        item = await q.get()
        print(f"{name} got {item}")
        return item
    except asyncio.CancelledError:
        print(f"{name} cancelled while waiting")
        raise

async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    g3 = asyncio.create_task(getter(q, "g3"))
    await asyncio.sleep(0)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("first")
    q.put_nowait("second")
    await asyncio.sleep(0)
    print("qsize", q.qsize())
    # Put and cancel in the same pass: item was handed to the waiter but the
    # waiter is cancelled before it runs.
    g4 = asyncio.create_task(getter(q, "g4"))
    g5 = asyncio.create_task(getter(q, "g5"))
    await asyncio.sleep(0)
    q.put_nowait("third")
    g4.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("qsize after race", q.qsize(), "g5 done:", g5.done())
    if not g5.done():
        q.put_nowait("fourth")
    await asyncio.gather(g2, g3, g5, return_exceptions=True)
    print("remaining", q.qsize(), [q.get_nowait() for _ in range(q.qsize())])

    # cancel a put() blocked on a full queue
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    async def putter(v):
        try:
            await q.put(v)
            print("put", v)
        except asyncio.CancelledError:
            print("putter", v, "cancelled")
            raise
    p1 = asyncio.create_task(putter("p1"))
    p2 = asyncio.create_task(putter("p2"))
    await asyncio.sleep(0)
    p1.cancel()
    print("got", await q.get())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("queue now", q.qsize(), q.get_nowait())

asyncio.run(main())
