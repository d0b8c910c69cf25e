# A Queue whose first instance stored its attributes in another order:
# the class's shared keys follow that order, later queues use either
# layout, and the fast paths must read each attribute by its name.
import asyncio

odd = asyncio.Queue.__new__(asyncio.Queue)
odd._queue = "not a deque"
odd.tag = 1

async def main():
    q = asyncio.Queue(2)
    await q.put(1)
    q.put_nowait(2)
    print(q.qsize(), q.full(), await q.get(), q.get_nowait(), q.empty())
    q.task_done(); q.task_done()
    await q.join()
    async def consumer(q, out):
        while True:
            item = await q.get()
            out.append(item)
            q.task_done()
    out = []
    q2 = asyncio.Queue(1)
    c = asyncio.ensure_future(consumer(q2, out))
    for i in range(5):
        await q2.put(i)
    await q2.join()
    c.cancel()
    print(out)
    odd.__init__(3)
    odd.put_nowait("x")
    print(odd.qsize(), await odd.get(), odd.tag)

asyncio.run(main())
